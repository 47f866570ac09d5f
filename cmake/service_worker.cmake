# Writes the site's service worker with a build id: a hash of the app files it keeps offline.
# Usage: cmake -DIN=web/sw.js -DSITE=build/web/site -P service_worker.cmake (after the link).
set(all "")
foreach(name index.html scholion.css scholion.js scholion.wasm manifest.webmanifest icon.svg)
  if(NOT EXISTS "${SITE}/${name}")
    message(FATAL_ERROR "service_worker: ${SITE}/${name} is missing")
  endif()
  file(SHA256 "${SITE}/${name}" h)
  string(APPEND all "${name}=${h};")
endforeach()
string(SHA256 id "${all}")
string(SUBSTRING "${id}" 0 16 SCHOLION_BUILD_ID)
configure_file("${IN}" "${SITE}/sw.js" @ONLY)
