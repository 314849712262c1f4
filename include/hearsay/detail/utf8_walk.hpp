// Code-point steps over UTF-8 with ICU's macros, for the `-inl.hpp` files only (ICU stays out of
// the public headers). Invalid bytes decode to a negative value and advance by one sequence.
#ifndef HEARSAY_DETAIL_UTF8_WALK_HPP
#define HEARSAY_DETAIL_UTF8_WALK_HPP

#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hearsay {
namespace detail {

// ICU's macros convert between int widths inside their own expansion; each call below works on a
// window of at most four bytes, so no offset can overflow.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#endif

// Decode the code point starting at byte `i` of `text` (i < size) and move `i` past it.
inline UChar32 next_code_point(std::string_view text, std::size_t& i) noexcept {
  const std::int32_t length = static_cast<std::int32_t>(std::min<std::size_t>(text.size() - i, 4));
  std::int32_t k = 0;
  UChar32 c = 0;
  U8_NEXT(text.data() + i, k, length, c);
  i += static_cast<std::size_t>(k);
  return c;
}

// Decode the code point ending at byte `i` of `text` (i > start) and move `i` to its first byte;
// no byte before `start` is read.
inline UChar32 previous_code_point(std::string_view text, std::size_t start,
                                   std::size_t& i) noexcept {
  const std::size_t window = std::max(start, i >= 4 ? i - 4 : 0);
  std::int32_t k = static_cast<std::int32_t>(i - window);
  UChar32 c = 0;
  U8_PREV(text.data() + window, 0, k, c);
  i = window + static_cast<std::size_t>(k);
  return c;
}

// Append code point `c` to `out` as UTF-8; a value that is no code point is dropped.
inline void append_code_point(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool failed = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, failed);
  if (!failed) out.append(buffer, static_cast<std::size_t>(length));
}

#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

}  // namespace detail
}  // namespace hearsay

#endif  // HEARSAY_DETAIL_UTF8_WALK_HPP
