# Turn data files into a C++ header holding their bytes, so the library needs no data files at run
# time. Usage: cmake -DINPUT=... [-DEXTRA=a.xml|b.xml] -DOUTPUT=... -DSYMBOL=... -P embed.cmake
# INPUT becomes `SYMBOL` (a std::string_view); the EXTRA files (separated by "|") become the
# arrays `SYMBOL_extra` (their bytes) and `SYMBOL_extra_names` (their file names), in order.
function(embed_bytes path symbol out)
  file(READ "${path}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  # Break the initializer into lines of 16 bytes so compilers and editors stay happy.
  string(REGEX REPLACE "(('[^']+',){16})" "\\1\n" bytes "${bytes}")
  math(EXPR size "${hex_length} / 2")
  set(${out}
      "inline constexpr char ${symbol}_bytes[] = {\n${bytes}'\\0'};\n"
      "inline constexpr std::string_view ${symbol}{${symbol}_bytes, ${size}};\n"
      PARENT_SCOPE)
endfunction()

embed_bytes("${INPUT}" "${SYMBOL}" body)
string(REPLACE "|" ";" extra_files "${EXTRA}")
set(extra_symbols "")
set(extra_names "")
set(count 0)
foreach(path IN LISTS extra_files)
  if(path STREQUAL "")
    continue()
  endif()
  embed_bytes("${path}" "${SYMBOL}_${count}" part)
  string(APPEND body "${part}")
  get_filename_component(name "${path}" NAME)
  string(APPEND extra_symbols "${SYMBOL}_${count}, ")
  string(APPEND extra_names "\"${name}\", ")
  math(EXPR count "${count} + 1")
endforeach()
set(arrays "")
if(DEFINED EXTRA)
  set(arrays
      "inline constexpr std::array<std::string_view, ${count}> ${SYMBOL}_extra{{${extra_symbols}}};\n"
      "inline constexpr std::array<std::string_view, ${count}> ${SYMBOL}_extra_names{{${extra_names}}};\n")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} ${EXTRA} by cmake/embed.cmake; do not edit.\n"
  "#pragma once\n#include <array>\n#include <cstddef>\n#include <string_view>\n"
  "namespace hearsay::detail {\n${body}${arrays}"
  "}  // namespace hearsay::detail\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
