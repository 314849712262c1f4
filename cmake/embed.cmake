# Turn a data file into a C++ header holding its bytes, so the library needs no data files at run
# time. Usage: cmake -DINPUT=... -DOUTPUT=... -DSYMBOL=... -P embed.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# Break the initializer into lines of 16 bytes so compilers and editors stay happy.
string(REGEX REPLACE "(('[^']+',){16})" "\\1\n" bytes "${bytes}")
math(EXPR size "${hex_length} / 2")
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed.cmake; do not edit.\n"
  "#pragma once\n#include <cstddef>\n#include <string_view>\n"
  "namespace hearsay::detail {\n"
  "inline constexpr char ${SYMBOL}_bytes[] = {\n${bytes}'\\0'};\n"
  "inline constexpr std::string_view ${SYMBOL}{${SYMBOL}_bytes, ${size}};\n"
  "}  // namespace hearsay::detail\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
