// Catch2 main for the core tests (native and wasm under node).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
