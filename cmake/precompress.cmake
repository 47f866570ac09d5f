# Writes FILE.gz next to FILE (gzip, level 9) for servers that send precompressed files
# (web/serve.mjs does, with Content-Encoding: gzip). Usage: cmake -DFILE=site/scholion.wasm -P
file(ARCHIVE_CREATE OUTPUT "${FILE}.gz.tmp" PATHS "${FILE}" FORMAT raw COMPRESSION GZip
     COMPRESSION_LEVEL 9)
file(RENAME "${FILE}.gz.tmp" "${FILE}.gz")
