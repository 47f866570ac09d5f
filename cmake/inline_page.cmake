# Makes the one-file offline page: index.html with scholion.css and the SINGLE_FILE script inlined.
# Usage: cmake -DPAGE=index.html -DSTYLES=scholion.css -DSCRIPT=scholion-single.js -DOUT=x.html -P
file(READ "${PAGE}" page)
file(READ "${STYLES}" styles)
file(READ "${SCRIPT}" script)
# The served site's web app manifest has no place in a file opened from disk.
string(REPLACE "<link rel=\"manifest\" href=\"manifest.webmanifest\">\n" "" page "${page}")
# The served page's early start of the wasm download: the offline page has the wasm inside.
string(REGEX REPLACE "[ ]*<link rel=\"preload\" href=\"scholion.wasm\"[^>]*>\n" "" page "${page}")
# A literal "</script" inside the script would end the element early: break it up.
string(REPLACE "</script" "<\\/script" script "${script}")
set(link_tag "<link rel=\"stylesheet\" href=\"scholion.css\">")
set(script_tag "<script src=\"scholion.js\"></script>")
string(FIND "${page}" "${link_tag}" at_link)
string(FIND "${page}" "${script_tag}" at_script)
if(at_link LESS 0 OR at_script LESS 0)
  message(FATAL_ERROR "inline_page: ${PAGE} no longer has the stylesheet link or the script tag")
endif()
# Split around the tags rather than string(REPLACE) so nothing in the script is reinterpreted.
string(LENGTH "${link_tag}" link_len)
string(LENGTH "${script_tag}" script_len)
string(SUBSTRING "${page}" 0 ${at_link} head)
math(EXPR after_link "${at_link} + ${link_len}")
math(EXPR middle_len "${at_script} - ${after_link}")
string(SUBSTRING "${page}" ${after_link} ${middle_len} middle)
math(EXPR after_script "${at_script} + ${script_len}")
string(SUBSTRING "${page}" ${after_script} -1 tail)
file(WRITE "${OUT}" "${head}<style>\n${styles}</style>${middle}<script>\n${script}</script>${tail}")
