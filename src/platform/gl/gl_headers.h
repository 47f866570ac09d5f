// One place that picks the GL header: GLES3 (WebGL2) under Emscripten, core GL 3.3 natively.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define SCHOLION_GLSL_HEADER "#version 300 es\nprecision mediump float;\n"
#else
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
#define SCHOLION_GLSL_HEADER "#version 330 core\n"
#endif
