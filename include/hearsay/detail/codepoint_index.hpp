// Byte offsets to code-point offsets in O(1) a question, for writers that ask for every offset of
// a document (the JSON writer, Python's values): one forward pass marks the continuation bytes
// (10xxxxxx) of each 64-byte block in a bit mask and counts those before it; an offset's code
// point is then the byte offset less the count and the marks before it in its block.
// codepoint_map's checkpoints walk up to 255 bytes a question, and a cursor walking from the
// last question (claim, source, cue, words, back and forth) still cost a fifth of writing JSON.
// Memory: 16 bytes per 64 of text, while the writer runs.
#ifndef HEARSAY_DETAIL_CODEPOINT_INDEX_HPP
#define HEARSAY_DETAIL_CODEPOINT_INDEX_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "hearsay/detail/swar.hpp"

namespace hearsay::detail {

class codepoint_index {
 public:
  /// Index `text` (any bytes: as codepoint_map, a code point is a byte that is not a
  /// continuation byte, so that the answers equal codepoint_map's for every offset).
  explicit codepoint_index(std::string_view text)
      : size_(text.size()), marks_(text.size() / 64 + 1), before_(text.size() / 64 + 1) {
    std::uint64_t count = 0;
    for (std::size_t block = 0; block < marks_.size(); ++block) {
      const std::size_t from = block * 64;
      const std::size_t n = std::min<std::size_t>(64, size_ - from);
      std::uint64_t mask = 0;
      std::size_t i = 0;
      if constexpr (swar::usable) {
        for (; i + 8 <= n; i += 8) mask |= eight_marks(swar::load8(text.data() + from + i)) << i;
      }
      for (; i < n; ++i) {
        mask |= std::uint64_t{(static_cast<unsigned char>(text[from + i]) & 0xC0) == 0x80} << i;
      }
      marks_[block] = mask;
      before_[block] = count;
      count += popcount(mask);
    }
  }

  /// Return the code-point offset of byte offset `byte` (clamped to the text's end).
  std::size_t to_codepoint(std::size_t byte) const noexcept {
    byte = std::min(byte, size_);
    const std::size_t block = byte / 64;
    const std::uint64_t below = (std::uint64_t{1} << (byte % 64)) - 1;
    return byte - static_cast<std::size_t>(before_[block] + popcount(marks_[block] & below));
  }

 private:
  // One bit per byte of `w` (bit k for byte k) that is a continuation byte.
  static std::uint64_t eight_marks(std::uint64_t w) noexcept {
    const std::uint64_t high_only = ((w & ~(w << 1)) & swar::highs) >> 7;  // 0 or 1 a byte
    return (high_only * 0x0102040810204080ULL) >> 56;  // gather byte k's bit to bit k
  }
  // Bits set in `x`, without __builtin_popcountll: the default x86-64 target has no popcnt
  // instruction, and the libgcc call it becomes cost more than this.
  static std::uint64_t popcount(std::uint64_t x) noexcept {
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (x * swar::ones) >> 56;
  }

  std::size_t size_;
  std::vector<std::uint64_t> marks_;   // bit k of entry b: byte 64 b + k is a continuation byte
  std::vector<std::uint64_t> before_;  // continuation bytes before block b
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_CODEPOINT_INDEX_HPP
