// Eight bytes at a time in one 64-bit integer ("SIMD within a register"), for the scans that skip
// ordinary text: most bytes of news are ASCII letters and spaces, and testing them one by one
// costs a branch each, the last of which (where the run ends) is mispredicted.
#ifndef HEARSAY_DETAIL_SWAR_HPP
#define HEARSAY_DETAIL_SWAR_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

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

}  // namespace hearsay::detail::swar

#endif  // HEARSAY_DETAIL_SWAR_HPP
