# The UI app: ImGui (from Debian's source package), src/ui, src/platform; web (emcmake) or desktop.
set(IMGUI ${SCHOLION_IMGUI_DIR})
add_library(scholion_imgui STATIC
  ${IMGUI}/imgui.cpp ${IMGUI}/imgui_draw.cpp ${IMGUI}/imgui_tables.cpp ${IMGUI}/imgui_widgets.cpp)
target_include_directories(scholion_imgui SYSTEM PUBLIC ${IMGUI})
target_include_directories(scholion_imgui PUBLIC ${CMAKE_SOURCE_DIR}/src/ui)
target_compile_definitions(scholion_imgui PUBLIC IMGUI_USER_CONFIG="imconfig_scholion.h")

if(EMSCRIPTEN)
  if(NOT SCHOLION_SDL2_PREFIX)
    message(FATAL_ERROR "SCHOLION_SDL2_PREFIX must name SDL2 built for emscripten (emsdk-build.sh does it)")
  endif()
  add_library(scholion_sdl2 INTERFACE)
  target_include_directories(scholion_sdl2 SYSTEM INTERFACE ${SCHOLION_SDL2_PREFIX}/include/SDL2)
  target_link_libraries(scholion_sdl2 INTERFACE ${SCHOLION_SDL2_PREFIX}/lib/libSDL2.a)
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  add_library(scholion_sdl2 INTERFACE)
  target_include_directories(scholion_sdl2 SYSTEM INTERFACE ${SDL2_INCLUDE_DIRS})
  target_link_libraries(scholion_sdl2 INTERFACE ${SDL2_LIBRARIES} OpenGL::GL)
endif()
target_link_libraries(scholion_imgui PUBLIC scholion_sdl2)

scholion_embed(scholion_app_assets
  "kImguiVert=${CMAKE_SOURCE_DIR}/shaders/imgui.vert"
  "kImguiFrag=${CMAKE_SOURCE_DIR}/shaders/imgui.frag"
  "kUiFont=${SCHOLION_FONT_FILE}"
  "kAgreementDoc=${CMAKE_SOURCE_DIR}/docs/agreement.md")

file(GLOB SCHOLION_UI_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/ui/*.cpp)
add_library(scholion_ui STATIC ${SCHOLION_UI_SOURCES})
target_include_directories(scholion_ui PUBLIC ${CMAKE_SOURCE_DIR}/src/ui)
target_link_libraries(scholion_ui PUBLIC scholion_core scholion_assets scholion_imgui)
target_compile_options(scholion_ui PRIVATE ${SCHOLION_WARNINGS})

set(SCHOLION_HOST_SOURCES
  ${CMAKE_SOURCE_DIR}/src/platform/host.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/ui_font.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/sdl_input.cpp
  ${CMAKE_SOURCE_DIR}/src/platform/gl/gl_renderer.cpp)

if(EMSCRIPTEN)
  set(SCHOLION_VERSION ${PROJECT_VERSION})
  configure_file(${CMAKE_SOURCE_DIR}/web/scholion-api.js ${CMAKE_BINARY_DIR}/scholion-api.js @ONLY)
  # The platform code is compiled once and linked twice: the served site and the offline page.
  add_library(scholion_web_platform OBJECT ${SCHOLION_HOST_SOURCES}
    ${CMAKE_SOURCE_DIR}/src/platform/web/web_main.cpp
    ${CMAKE_SOURCE_DIR}/src/platform/web/web_services.cpp
    ${CMAKE_SOURCE_DIR}/src/platform/web/web_glyphs.cpp)
  target_include_directories(scholion_web_platform PRIVATE ${CMAKE_SOURCE_DIR}/src/platform
                             ${CMAKE_SOURCE_DIR}/src/platform/web)
  target_link_libraries(scholion_web_platform PUBLIC scholion_ui scholion_app_assets)
  # EM_JS/EM_ASM bodies are JavaScript: pedantic C++ warnings about them are noise.
  target_compile_options(scholion_web_platform PRIVATE ${SCHOLION_WARNINGS}
                         -Wno-dollar-in-identifier-extension
                         -Wno-gnu-zero-variadic-macro-arguments -Wno-invalid-pp-token)
  set(SCHOLION_WEB_LINK_OPTIONS
    -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sNO_FILESYSTEM=1 -sENVIRONMENT=web
    -sEXPORTED_FUNCTIONS=[_main,_malloc,_free]
    -sEXPORTED_RUNTIME_METHODS=[ccall,UTF8ToString,lengthBytesUTF8,stringToUTF8]
    # Emscripten would otherwise enable every WebGL extension the browser offers, one
    # getExtension() each: 30 calls of 5-100 ms with software WebGL at start-up, for extensions
    # the renderer never uses (it needs WebGL2's core only).
    -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
    # SHELL: keeps each --pre-js with its file (CMake folds repeated options into one).
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/scholion-startup.js"
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/scholion-store.js"
    "SHELL:--pre-js ${CMAKE_BINARY_DIR}/scholion-api.js"
    "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/web/scholion-update.js")

  add_executable(scholion_web $<TARGET_OBJECTS:scholion_web_platform>)
  set_target_properties(scholion_web PROPERTIES OUTPUT_NAME scholion SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/site)
  target_link_libraries(scholion_web PRIVATE scholion_web_platform)
  target_link_options(scholion_web PRIVATE ${SCHOLION_WEB_LINK_OPTIONS})
  # Scripts bundled into scholion.js, and the page files the post-build step copies.
  set(SCHOLION_WEB_SCRIPTS ${CMAKE_SOURCE_DIR}/web/scholion-startup.js
      ${CMAKE_SOURCE_DIR}/web/scholion-store.js
      ${CMAKE_SOURCE_DIR}/web/scholion-api.js ${CMAKE_SOURCE_DIR}/web/scholion-update.js
      ${CMAKE_BINARY_DIR}/scholion-api.js)  # the configured copy is what --pre-js links
  set_property(TARGET scholion_web APPEND PROPERTY LINK_DEPENDS ${SCHOLION_WEB_SCRIPTS}
               ${CMAKE_SOURCE_DIR}/web/index.html ${CMAKE_SOURCE_DIR}/web/scholion.css
               ${CMAKE_SOURCE_DIR}/web/sw.js ${CMAKE_SOURCE_DIR}/web/manifest.webmanifest
               ${CMAKE_SOURCE_DIR}/web/icon.svg)
  # The static site: page, styles, plus the .js/.wasm the link writes next to them.
  # The wasm and the script also go out gzipped (FILE.gz) for servers that send such twins. The
  # service worker is written last: its build id is a hash of the files it keeps offline.
  add_custom_command(TARGET scholion_web POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${CMAKE_SOURCE_DIR}/web/index.html
            ${CMAKE_SOURCE_DIR}/web/scholion.css ${CMAKE_SOURCE_DIR}/web/manifest.webmanifest
            ${CMAKE_SOURCE_DIR}/web/icon.svg ${CMAKE_BINARY_DIR}/site/
    COMMAND ${CMAKE_COMMAND} -DFILE=${CMAKE_BINARY_DIR}/site/scholion.wasm
            -P ${CMAKE_SOURCE_DIR}/cmake/precompress.cmake
    COMMAND ${CMAKE_COMMAND} -DFILE=${CMAKE_BINARY_DIR}/site/scholion.js
            -P ${CMAKE_SOURCE_DIR}/cmake/precompress.cmake
    COMMAND ${CMAKE_COMMAND} -DIN=${CMAKE_SOURCE_DIR}/web/sw.js -DSITE=${CMAKE_BINARY_DIR}/site
            -P ${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake)

  # The offline page: wasm embedded in the script (SINGLE_FILE), script and styles inlined into
  # one HTML file that runs from file:// (a normal build is refused there: origin 'null').
  add_executable(scholion_web_single $<TARGET_OBJECTS:scholion_web_platform>)
  set_target_properties(scholion_web_single PROPERTIES OUTPUT_NAME scholion-single SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/single)
  target_link_libraries(scholion_web_single PRIVATE scholion_web_platform)
  target_link_options(scholion_web_single PRIVATE ${SCHOLION_WEB_LINK_OPTIONS} -sSINGLE_FILE=1)
  set_property(TARGET scholion_web_single APPEND PROPERTY LINK_DEPENDS ${SCHOLION_WEB_SCRIPTS}
               ${CMAKE_SOURCE_DIR}/web/index.html ${CMAKE_SOURCE_DIR}/web/scholion.css)
  add_custom_command(TARGET scholion_web_single POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DPAGE=${CMAKE_SOURCE_DIR}/web/index.html
            -DSTYLES=${CMAKE_SOURCE_DIR}/web/scholion.css
            -DSCRIPT=${CMAKE_BINARY_DIR}/single/scholion-single.js
            -DOUT=${CMAKE_BINARY_DIR}/site/scholion-offline.html
            -P ${CMAKE_SOURCE_DIR}/cmake/inline_page.cmake)
else()
  add_executable(scholion_desktop ${SCHOLION_HOST_SOURCES}
    ${CMAKE_SOURCE_DIR}/src/platform/native/native_main.cpp
    ${CMAKE_SOURCE_DIR}/src/platform/native/native_services.cpp
    ${CMAKE_SOURCE_DIR}/src/platform/native/native_glyphs.cpp)
  target_include_directories(scholion_desktop PRIVATE ${CMAKE_SOURCE_DIR}/src/platform
                             ${CMAKE_SOURCE_DIR}/src/platform/native)
  # Glyphs the UI font lacks: fontconfig picks a system font, FreeType draws it.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SCHOLION_FONTS REQUIRED IMPORTED_TARGET fontconfig freetype2)
  target_link_libraries(scholion_desktop PRIVATE scholion_ui scholion_app_assets
                        PkgConfig::SCHOLION_FONTS)
  target_compile_options(scholion_desktop PRIVATE ${SCHOLION_WARNINGS})
endif()
