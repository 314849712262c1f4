// Eight bytes at a time in one 64-bit integer ("SIMD within a register"), for the scans that skip
// ordinary text: most bytes of news are ASCII letters and spaces, and testing them one by one
// costs a branch each, the last of which (where the run ends) is mispredicted.
#ifndef HEARSAY_DETAIL_SWAR_HPP
#define HEARSAY_DETAIL_SWAR_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace hearsay::detail::swar {

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;
inline constexpr std::uint64_t highs = 0x8080808080808080ULL;
inline constexpr std::uint64_t lows = 0x7F7F7F7F7F7F7F7FULL;

/// The scans below number bytes from the lowest: on a big-endian machine callers take the byte
/// loop instead.
inline constexpr bool usable = std::endian::native == std::endian::little;

/// The eight bytes at `p`.
inline std::uint64_t load8(const char* p) noexcept {
  std::uint64_t x = 0;
  std::memcpy(&x, p, 8);
  return x;
}

/// The high bit of each byte of `x` that equals `c`, exactly (no borrow between bytes).
inline constexpr std::uint64_t equal_to(std::uint64_t x, unsigned char c) noexcept {
  const std::uint64_t v = x ^ (ones * c);  // 0 where equal
  return ~(((v & lows) + lows) | v | lows);
}

/// The high bit of each byte of `x` whose value is at least `lo` (1 <= lo <= 0x80), for bytes
/// below 0x80; pass x & lows and mask out the high bytes yourself when `x` may hold them.
inline constexpr std::uint64_t at_least(std::uint64_t seven_bits, unsigned lo) noexcept {
  return (seven_bits + (0x80 - lo) * ones) & highs;
}

/// The index (0 to 7) of the lowest byte whose high bit is set in nonzero `mask`.
inline std::size_t first_byte(std::uint64_t mask) noexcept {
  return static_cast<std::size_t>(std::countr_zero(mask)) / 8;
}

/// A set of bytes given twice: as a table (from ICU's classes) and as `Prefix8`, which hard-codes
/// it for eight bytes at a time (how many of the eight bytes at `p`, from the first, belong). The
/// eight-byte test is used only while it agrees with the table, byte for byte, so that the scan
/// follows the installed ICU.
template <std::size_t (*Prefix8)(const char*) noexcept>
class byte_run {
 public:
  template <class InSet>
  explicit byte_run(InSet in_set) {
    for (unsigned b = 0; b < 0x100; ++b) in_[b] = in_set(static_cast<unsigned char>(b));
    fast_ = usable;
    for (unsigned b = 0; b < 0x100 && fast_; ++b) {
      const char eight[8] = {static_cast<char>(b)};
      fast_ = (Prefix8(eight) != 0) == in_[b];
    }
  }

  /// Return true for a byte of the set.
  bool contains(char c) const noexcept { return in_[static_cast<unsigned char>(c)]; }

  /// The end of the run of bytes of the set that starts at `i` in `text` (possibly `i`): eight
  /// bytes a step, so that a run's end is one well-predicted branch rather than a mispredicted
  /// loop exit.
  std::size_t end(std::string_view text, std::size_t i) const noexcept {
    if (fast_) {
      while (i + 8 <= text.size()) {
        const std::size_t run = Prefix8(text.data() + i);
        i += run;
        if (run < 8) return i;
      }
    }
    while (i < text.size() && contains(text[i])) ++i;
    return i;
  }

 private:
  std::array<bool, 0x100> in_{};
  bool fast_ = false;
};

}  // namespace hearsay::detail::swar

#endif  // HEARSAY_DETAIL_SWAR_HPP
