#!/usr/bin/env bash
# Scholion's one entry point: installs what is missing (Debian 12), fetches third-party sources
# from Debian's archive, builds the native and web targets (caching what it can), tests, serves.
#
#   ./emsdk-build.sh serve [PORT]   build the web app and serve it on 127.0.0.1:PORT (8080)
#   ./emsdk-build.sh test           build everything and run every test; non-zero exit on failure
#   ./emsdk-build.sh build          build native and web, run nothing
#   ./emsdk-build.sh bench          run the benchmark programs (native and wasm) and print figures
#   ./emsdk-build.sh asan           the core tests built and run with ASan+UBSan (build/asan)
#   ./emsdk-build.sh fuzz [SECONDS]  build the libFuzzer targets of tests/fuzz (clang, ASan+UBSan) and
#                                   run each for SECONDS (60), seeded from the test fixtures
#   ./emsdk-build.sh conformance [--w3c DIR]   W3C Web Annotation export checked with ajv (also run
#                                   by test); DIR: a checkout of w3c/web-annotation-tests
#
# Environment: EMSDK (use that Emscripten instead of Debian's), SCHOLION_CACHE (default
# ~/.cache/scholion), PORT, JOBS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${SCHOLION_CACHE:-$HOME/.cache/scholion}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
BUILD="$ROOT/build"
mkdir -p "$CACHE"

log() { printf '\033[1m[scholion]\033[0m %s\n' "$*" >&2; }
die() { printf '[scholion] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# ---- packages -----------------------------------------------------------------------------
APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    as_root apt-get update -qq
    APT_UPDATED=1
  fi
}

ensure_packages() {
  local want=(g++ cmake make pkg-config libsdl2-dev libgl-dev libfontconfig-dev libfreetype-dev
    nlohmann-json3-dev catch2 fonts-dejavu-core xz-utils ccache)
  [ -n "${EMSDK:-}" ] || want+=(emscripten node-acorn)
  # The browser tests draw Chinese, Japanese, Arabic, Hebrew, Hindi and colour emoji with the
  # system's fonts, as a reader's browser would; the app itself ships none of these fonts.
  [ "${1:-}" = test ] && want+=(chromium clang-format fonts-noto-core fonts-noto-cjk
    fonts-noto-color-emoji)
  [ "${1:-}" = fuzz ] && want+=(clang libclang-rt-14-dev llvm)
  local missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
    log "installing: ${missing[*]}"
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

setup_emscripten() {
  if [ -n "${EMSDK:-}" ]; then
    # shellcheck disable=SC1091
    source "$EMSDK/emsdk_env.sh" >/dev/null 2>&1 || die "EMSDK is set but $EMSDK/emsdk_env.sh failed"
  else
    # Debian's emcc needs acorn from Debian's node folder.
    export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
  fi
  command -v emcmake >/dev/null || die "emcmake not found (install emscripten or set EMSDK)"
}

# ---- third-party sources from Debian's archive ---------------------------------------------
ensure_deb_src() {
  if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    log "adding deb-src entries (copies of this machine's own deb entries) for apt-get source"
    local entries
    entries=$(deb_src_entries)
    [ -n "$entries" ] || die "no deb entries found in /etc/apt/sources.list{,.d}: cannot derive deb-src"
    printf '%s\n' "$entries" | as_root tee /etc/apt/sources.list.d/scholion-deb-src.sources >/dev/null
    APT_UPDATED=0
  fi
}

# deb_src_entries: the machine's enabled `deb` entries (deb822 stanzas and one-line entries) as
# deb822 `deb-src` stanzas: same URIs, suites, components and key, so a mirror or proxy the
# machine uses is kept and no host name lives in this script.
deb_src_entries() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'function flush() { if (isdeb && !off && body != "") printf "Types: deb-src\n%s\n\n", body; body = ""; isdeb = 0; off = 0 }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      /^Types:/ { for (i = 2; i <= NF; i++) if ($i == "deb") isdeb = 1; next }
      /^Enabled:[ \t]*no/ { off = 1; next }
      { body = body (body == "" ? "" : "\n") $0 }
      END { flush() }' "$f"
  done
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    # deb [options] URI SUITE COMPONENT...
    awk '$1 == "deb" { opts = ""; i = 2
        if ($2 ~ /^\[/) { while ($i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
        comps = ""; for (j = i + 2; j <= NF; j++) comps = comps " " $j
        signed = ""; if (match(opts, /signed-by=[^] ]+/)) signed = substr(opts, RSTART + 10, RLENGTH - 10)
        printf "Types: deb-src\nURIs: %s\nSuites: %s\nComponents:%s\n", $i, $(i + 1), comps
        if (signed != "") printf "Signed-By: %s\n", signed
        printf "\n" }' "$f"
  done
}

# fetch_source PACKAGE DIRGLOB: the unpacked upstream source folder of a Debian source package.
fetch_source() {
  local pkg="$1" glob="$2" dir
  mkdir -p "$CACHE/src"
  # Two runs at once (two worktrees) share the cache: one fetches, the other waits for it.
  exec 8>"$CACHE/src/.$pkg.lock"
  flock 8
  dir=$(find "$CACHE/src" -maxdepth 1 -type d -name "$glob" | sort | tail -n 1)
  if [ -z "$dir" ]; then
    ensure_deb_src
    apt_update_once
    log "fetching $pkg source from Debian's archive"
    (cd "$CACHE/src" && apt-get source --download-only "$pkg" >/dev/null 2>&1) ||
      die "apt-get source $pkg failed (is a deb-src entry configured?)"
    local tarball
    tarball=$(find "$CACHE/src" -maxdepth 1 -name "${pkg}_*.orig.tar.*" | sort | tail -n 1)
    [ -n "$tarball" ] || die "no upstream tarball for $pkg"
    tar -xf "$tarball" -C "$CACHE/src"
    dir=$(find "$CACHE/src" -maxdepth 1 -type d -name "$glob" | sort | tail -n 1)
  fi
  [ -n "$dir" ] || die "$pkg source folder not found in $CACHE/src"
  echo "$dir"
}

# SDL2 for the web, built once per version with emcmake (Emscripten's SDL port needs a download).
build_sdl_web() {
  local src="$1" ver prefix
  ver=$(basename "$src" | sed 's/^SDL2-//')
  prefix="$CACHE/sdl2-$ver-web"
  exec 8>"$CACHE/sdl2-web.lock"  # as in fetch_source: one run builds, another waits
  flock 8
  if [ ! -f "$prefix/lib/libSDL2.a" ]; then
    log "building SDL2 $ver for the web (once; cached in $prefix)"
    rm -rf "$CACHE/build/sdl2-web"
    emcmake cmake -S "$src" -B "$CACHE/build/sdl2-web" -DCMAKE_BUILD_TYPE=Release \
      -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF \
      -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF -DSDL_POWER=OFF -DSDL_HIDAPI=OFF -DSDL_FILESYSTEM=OFF \
      -DSDL_LOCALE=OFF -DSDL_MISC=OFF >"$CACHE/sdl2-web-build.log" 2>&1 ||
      die "SDL2 configure failed: see $CACHE/sdl2-web-build.log"
    cmake --build "$CACHE/build/sdl2-web" -j"$JOBS" >>"$CACHE/sdl2-web-build.log" 2>&1 ||
      die "SDL2 build failed: see $CACHE/sdl2-web-build.log"
    cmake --install "$CACHE/build/sdl2-web" --prefix "$prefix" >>"$CACHE/sdl2-web-build.log" 2>&1
  fi
  echo "$prefix"
}

# Headers Emscripten cannot see in /usr/include (it has its own sysroot): a folder of links.
third_party_include() {
  local inc="$CACHE/include"
  mkdir -p "$inc"
  ln -sfn /usr/include/nlohmann "$inc/nlohmann"
  ln -sfn /usr/include/catch2 "$inc/catch2"
  echo "$inc"
}

# ---- builds ---------------------------------------------------------------------------------
IMGUI_DIR=""
prepare() {
  ensure_packages "${1:-}"
  IMGUI_DIR=$(fetch_source imgui 'imgui-*')
  export CCACHE_DIR="$CACHE/ccache" CCACHE_BASEDIR="$ROOT"
}

build_native() {
  log "building native (core, tests, CLI, desktop app) in build/native"
  cmake -S "$ROOT" -B "$BUILD/native" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache \
    -DSCHOLION_IMGUI_DIR="$IMGUI_DIR" >/dev/null
  cmake --build "$BUILD/native" -j"$JOBS"
}

build_web() {
  setup_emscripten
  local sdl_src sdl_prefix inc
  sdl_src=$(fetch_source libsdl2 'SDL2-*')
  sdl_prefix=$(build_sdl_web "$sdl_src")
  inc=$(third_party_include)
  log "building web app and wasm tests in build/web"
  # Emscripten compiles through ccache too (EM_COMPILER_WRAPPER), which keeps warm rebuilds short.
  EM_COMPILER_WRAPPER=ccache emcmake cmake -S "$ROOT" -B "$BUILD/web" -DCMAKE_BUILD_TYPE=Release \
    -DSCHOLION_IMGUI_DIR="$IMGUI_DIR" -DSCHOLION_SDL2_PREFIX="$sdl_prefix" \
    -DSCHOLION_THIRD_PARTY_INCLUDE="$inc" >/dev/null
  EM_COMPILER_WRAPPER=ccache cmake --build "$BUILD/web" -j"$JOBS"
  log "web app: $BUILD/web/site ($(du -sh "$BUILD/web/site" | cut -f1))"
}

# The core tests again with AddressSanitizer + UndefinedBehaviorSanitizer (GCC), in build/asan.
build_sanitized_tests() {
  log "building the core tests with ASan+UBSan in build/asan"
  cmake -S "$ROOT" -B "$BUILD/asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCHOLION_SANITIZE=ON \
    -DSCHOLION_BUILD_APP=OFF -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache >/dev/null
  cmake --build "$BUILD/asan" -j"$JOBS" --target scholion_core_tests
}

run_sanitized_tests() {
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD/asan/scholion_core_tests"
}

sanitized_tests() {
  build_sanitized_tests && run_sanitized_tests
}

# Every C++ file of ours follows .clang-format; lists the ones that do not.
check_format() {
  local bad=()
  while IFS= read -r -d '' f; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("${f#"$ROOT"/}")
  done < <(find "$ROOT/src" "$ROOT/tests" -path '*/node_modules' -prune -o \( -name '*.cpp' -o -name '*.h' \) -print0)
  [ "${#bad[@]}" -eq 0 ] && return 0
  echo "not clang-formatted (run: clang-format -i FILE): ${bad[*]}"
  return 1
}

ensure_e2e_deps() {
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/ajv-draft-04" ]; then
    log "installing playwright-core and ajv (npm) for the browser and conformance tests"
    (cd "$ROOT/tests/e2e" && npm install --no-package-lock --no-audit --no-fund --silent >/dev/null)
  fi
}

# ---- commands -------------------------------------------------------------------------------
cmd_serve() {
  local port="${1:-${PORT:-8080}}"
  prepare
  build_web
  log "serving on 127.0.0.1:$port: open that address in a browser"
  exec node "$ROOT/web/serve.mjs" "$BUILD/web/site" "$port"
}

cmd_test() {
  prepare test
  build_native
  build_web
  ensure_e2e_deps
  local passed=0 failed=0 suite
  run_suite() {
    suite="$1"
    shift
    log "test suite: $suite"
    if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); log "FAILED: $suite"; fi
  }
  run_suite "clang-format (.clang-format)" check_format
  run_suite "native (ctest)" ctest --test-dir "$BUILD/native" --output-on-failure
  run_suite "native core tests under ASan+UBSan" sanitized_tests
  run_suite "wasm under node (ctest)" ctest --test-dir "$BUILD/web" --output-on-failure
  run_suite "W3C Web Annotation conformance (ajv)" \
    node "$ROOT/tests/conformance/webanno.mjs" --scholion "$BUILD/native/scholion"
  run_suite "browser end-to-end (node --test)" \
    env SCHOLION_SITE="$BUILD/web/site" SCHOLION_ARTIFACTS="$BUILD/e2e" \
    node --test --test-concurrency=1 "$ROOT"/tests/e2e/*.test.mjs
  echo "suites: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

cmd_build() {
  prepare
  build_native
  build_web
}

cmd_bench() {
  prepare test
  build_native
  build_web
  ensure_e2e_deps
  for b in "$BUILD"/native/bench_*; do
    [ -x "$b" ] || continue
    log "native: $(basename "$b")"
    "$b"
  done
  for b in "$BUILD"/web/bench_*.js; do
    [ -f "$b" ] || continue
    log "wasm (node): $(basename "$b" .js)"
    node --no-experimental-fetch "$b"
  done
  for b in "$ROOT"/tests/e2e/bench/*.mjs; do
    [ -f "$b" ] || continue
    log "browser: $(basename "$b")"
    SCHOLION_SITE="$BUILD/web/site" node "$b"
  done
}

FUZZ_TARGETS=(scholion_json brat_ann brat_conf conll doccano labelstudio zip inflate html_text)

# seed_corpus DIR: starting inputs per target, made from the test fixtures (files holding several
# inputs join them with a NUL byte, as tests/fuzz/fuzz_checks.h says) and the fuzzers' earlier
# findings kept in tests/data/fuzz.
seed_corpus() {
  local seeds="$1" f="$ROOT/tests/data/formats" t
  rm -rf "$seeds"
  for t in "${FUZZ_TARGETS[@]}"; do mkdir -p "$seeds/$t"; done
  local g
  for g in "$ROOT"/tests/data/classroom/*.json "$ROOT"/tests/data/grading/*.json; do
    cp "$g" "$seeds/scholion_json/$(basename "$(dirname "$g")")-$(basename "$g")"
  done
  { cat "$f/brat/story.txt"; printf '\0'; cat "$f/brat/story.ann"; } >"$seeds/brat_ann/story"
  { cat "$f/brat/annotation.conf"; printf '\0'; cat "$f/brat/visual.conf"; printf '\0'
    cat "$f/brat/kb_shortcuts.conf"; } >"$seeds/brat_conf/fixtures"
  cp "$f"/conll/* "$seeds/conll/"
  cp "$f"/doccano/* "$seeds/doccano/"
  cp "$f"/labelstudio/* "$seeds/labelstudio/"
  # Archives and raw DEFLATE streams of the fixtures (gzip minus its 10-byte header and 8-byte
  # trailer is a raw stream); a zip of the brat corpus written by our own CLI, and a deflated one.
  "$BUILD/fuzz/scholion" convert "$f/brat/story.ann" "$seeds/zip/story.zip" >/dev/null
  local i=0
  for g in "$f"/*/*; do
    i=$((i + 1))
    gzip -9nc "$g" | tail -c +11 | head -c -8 >"$seeds/inflate/$i"
  done
  printf '<html><head><title>t</title><script>x()</script></head><body><p>A &amp; B</p><pre> x  y</pre>&#233;</body></html>' \
    >"$seeds/html_text/page.html"
  for t in "${FUZZ_TARGETS[@]}"; do
    [ -d "$ROOT/tests/data/fuzz/$t" ] && cp "$ROOT/tests/data/fuzz/$t"/* "$seeds/$t/" 2>/dev/null
  done
  return 0
}

cmd_fuzz() {
  local seconds="${1:-60}" t
  ensure_packages fuzz
  export CCACHE_DIR="$CACHE/ccache" CCACHE_BASEDIR="$ROOT"
  log "building the fuzz targets (clang, libFuzzer, ASan+UBSan) in build/fuzz"
  cmake -S "$ROOT" -B "$BUILD/fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DSCHOLION_FUZZ=ON -DSCHOLION_BUILD_APP=OFF \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache >/dev/null
  cmake --build "$BUILD/fuzz" -j"$JOBS" --target scholion "${FUZZ_TARGETS[@]/#/fuzz_}"
  seed_corpus "$BUILD/fuzz/seeds"
  local summary="" failed=0
  for t in "${FUZZ_TARGETS[@]}"; do
    local corpus="$BUILD/fuzz/corpus/$t" found="$BUILD/fuzz/findings/$t" out="$BUILD/fuzz/$t.log"
    mkdir -p "$corpus" "$found"
    log "fuzzing $t for $seconds s (log: $out)"
    # -timeout: an input that takes over 5 s (sanitizers slow the code about 3x) is a finding.
    "$BUILD/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$found/" "$corpus" \
      "$BUILD/fuzz/seeds/$t" >"$out" 2>&1 || failed=$((failed + 1))
    local execs findings
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out" | tail -n 1)
    findings=$(find "$found" -type f | wc -l)
    summary+=$(printf '%-14s %10s executions  %4s s  %s findings' "$t" "${execs:-?}" "$seconds" "$findings")$'\n'
  done
  printf '%s' "$summary"
  [ "$failed" -eq 0 ] || die "$failed fuzz target(s) found a problem: inputs in $BUILD/fuzz/findings"
}

cmd_conformance() {
  prepare
  build_native
  ensure_e2e_deps
  node "$ROOT/tests/conformance/webanno.mjs" --scholion "$BUILD/native/scholion" "$@"
}

case "${1:-}" in
  serve) shift; cmd_serve "$@" ;;
  conformance) shift; cmd_conformance "$@" ;;
  fuzz) shift; cmd_fuzz "$@" ;;
  asan) prepare; sanitized_tests ;;
  test) cmd_test ;;
  build) cmd_build ;;
  bench) cmd_bench ;;
  *)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
