// Small UTF-8 helpers shared by the segmenter and the analyzer (ICU stays out of public headers).
#ifndef HEARSAY_DETAIL_UNICODE_HPP
#define HEARSAY_DETAIL_UNICODE_HPP

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hearsay::detail {

/// Return `s` with ASCII letters lower-cased (lexicon keys and abbreviations are ASCII-folded).
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

/// Return `s` (valid UTF-8) with every letter lower-cased by its simple case mapping ("Köln" ->
/// "köln", "Г." -> "г."); ASCII-only text takes the quick way.
inline std::string unicode_lower(std::string_view s) {
  bool ascii = true;
  for (const char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return ascii_lower(s);
  std::string out;
  out.reserve(s.size());
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, n, c);
    if (c < 0) continue;
    c = u_tolower(c);
    std::uint8_t buf[4];
    std::int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, c, error);
    if (error) continue;
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
  }
  return out;
}

/// Decode the code point at byte `i` of valid UTF-8 `text`; advance `i` past it.
inline UChar32 next_cp(std::string_view text, std::size_t& i) noexcept {
  UChar32 c;
  std::int32_t pos = static_cast<std::int32_t>(i);
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), pos,
          static_cast<std::int32_t>(text.size()), c);
  i = static_cast<std::size_t>(pos);
  return c;
}

/// Decode the code point ending at byte `i`; move `i` back to its start.
inline UChar32 prev_cp(std::string_view text, std::size_t& i) noexcept {
  UChar32 c;
  std::int32_t pos = static_cast<std::int32_t>(i);
  U8_PREV(reinterpret_cast<const std::uint8_t*>(text.data()), 0, pos, c);
  i = static_cast<std::size_t>(pos);
  return c;
}

inline bool is_space(UChar32 c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c > 127 && u_isUWhiteSpace(c));
}

/// Opening and closing quotation marks and brackets that may follow a sentence's final stop.
inline bool is_closing(UChar32 c) noexcept {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x203A || c == 0x300D || c == 0x300F;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_UNICODE_HPP
