// Definitions for text.hpp.
#ifndef HEARSAY_TEXT_INL_HPP
#define HEARSAY_TEXT_INL_HPP

#include <algorithm>

#include "hearsay/error.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

// Length of the valid UTF-8 sequence at text[i], or 0 with `reason` set (Unicode 15, table 3-7).
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i,
                                        const char** reason) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    *reason = (b0 >= 0x80 && b0 <= 0xBF)   ? "unexpected continuation byte"
              : (b0 == 0xC0 || b0 == 0xC1) ? "overlong encoding"
                                           : "byte never valid in UTF-8";
    return 0;
  }
  if (i + len > text.size()) {
    // Distinguish a truncated sequence from a wrong continuation inside the buffer.
    for (std::size_t k = 1; i + k < text.size(); ++k) {
      const unsigned char b = byte(i + k);
      if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
        *reason = "invalid continuation byte";
        return 0;
      }
    }
    *reason = "truncated sequence at end of input";
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(i + k);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
      *reason = (k == 1 && (b0 == 0xE0 || b0 == 0xF0) && b >= 0x80 && b < lo) ? "overlong encoding"
                : (k == 1 && b0 == 0xED && b > hi) ? "surrogate code point"
                : (k == 1 && b0 == 0xF4 && b > hi) ? "code point above U+10FFFF"
                                                   : "invalid continuation byte";
      return 0;
    }
  }
  return len;
}

}  // namespace detail

HEARSAY_FUNC utf8_check check_utf8(std::string_view text) noexcept {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t word;
      std::copy_n(text.data() + i, 8, reinterpret_cast<char*>(&word));
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const char* reason = "";
    const std::size_t len = detail::utf8_sequence_length(text, i, &reason);
    if (len == 0) return utf8_check{false, i, reason};
    i += len;
  }
  return utf8_check{};
}

HEARSAY_FUNC void require_utf8(std::string_view text, std::string_view source) {
  const utf8_check result = check_utf8(text);
  if (!result) throw encoding_error(result.offset, result.reason, source);
}

HEARSAY_FUNC std::string repair_utf8(std::string_view text, utf8_repairs* repairs) {
  return replace_invalid_utf8(text, "\xEF\xBF\xBD", repairs);
}

HEARSAY_FUNC std::string replace_invalid_utf8(std::string_view text, std::string_view replacement,
                                              utf8_repairs* repairs) {
  std::string out;
  out.reserve(text.size());
  utf8_repairs r;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const char* reason = "";
    const std::size_t len = detail::utf8_sequence_length(text, i, &reason);
    if (len != 0) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    // The maximal subpart: a lead byte and the continuation bytes that could still have followed
    // it (Unicode table 3-7); a byte that can start nothing is a subpart of its own.
    const unsigned char b0 = byte(i);
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 3;
      lo = b0 == 0xE0 ? 0xA0 : 0x80;
      hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 4;
      lo = b0 == 0xF0 ? 0x90 : 0x80;
      hi = b0 == 0xF4 ? 0x8F : 0xBF;
    }
    std::size_t k = 1;
    while (k < need && i + k < text.size() && byte(i + k) >= (k == 1 ? lo : 0x80) &&
           byte(i + k) <= (k == 1 ? hi : 0xBF)) {
      ++k;
    }
    if (r.count++ == 0) r.first = out.size();
    out += replacement;
    i += k;
  }
  if (repairs) *repairs = r;
  return out;
}

HEARSAY_FUNC std::size_t count_codepoints(std::string_view text) noexcept {
  // Count the bytes that are not continuation bytes (10xxxxxx), eight at a time. The marks are
  // summed with a multiply, not __builtin_popcountll: without -mpopcnt (the default x86-64
  // target) that is a call into libgcc, which cost a tenth of writing JSON.
  std::size_t n = 0, i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::copy_n(text.data() + i, 8, reinterpret_cast<char*>(&w));
    const std::uint64_t continuation = ((w & ~(w << 1)) & 0x8080808080808080ULL) >> 7;  // 0 or 1
    n += 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ULL) >> 56);
  }
  for (; i < text.size(); ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

HEARSAY_FUNC codepoint_map::codepoint_map(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / block_ + 1);
  std::size_t cps = 0;
  for (std::size_t b = 0; b < text.size(); b += block_) {
    checkpoints_.push_back(cps);
    cps += count_codepoints(text.substr(b, block_));
  }
  checkpoints_.push_back(cps);
}

HEARSAY_FUNC std::size_t codepoint_map::to_codepoint(std::size_t byte) const noexcept {
  byte = std::min(byte, text_.size());
  const std::size_t block = byte / block_;
  return checkpoints_[block] +
         count_codepoints(text_.substr(block * block_, byte - block * block_));
}

HEARSAY_FUNC std::size_t codepoint_map::to_byte(std::size_t cp) const noexcept {
  // The last checkpoint not past cp, then walk forward.
  const auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), cp);
  std::size_t block = static_cast<std::size_t>(it - checkpoints_.begin());
  block = block == 0 ? 0 : block - 1;
  std::size_t byte = std::min(block * block_, text_.size());
  std::size_t count = checkpoints_[block];
  while (byte < text_.size()) {
    if ((static_cast<unsigned char>(text_[byte]) & 0xC0) != 0x80) {
      if (count == cp) return byte;
      ++count;
    }
    ++byte;
  }
  return text_.size();
}

}  // namespace hearsay

#endif  // HEARSAY_TEXT_INL_HPP
