// The signature a tracer files a claim's content under (trace.hpp): MinHash over the set of its
// content keys, in bands of rows (locality-sensitive hashing), and a fingerprint that finds a
// content repeated exactly. Everything is a pure function of the keys, so a signature made on a
// Dask worker equals the one the tracing process would make.
#ifndef HEARSAY_DETAIL_TRACE_SIGNATURE_HPP
#define HEARSAY_DETAIL_TRACE_SIGNATURE_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

#include "hearsay/trace.hpp"

namespace hearsay::detail {

/// splitmix64's finaliser: a bijection of 64-bit values that mixes every input bit.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

/// The seeds of the MinHash functions h_i(x) = mix64(x ^ seed_i): fixed, so that signatures
/// compare across processes and runs.
inline const std::array<std::uint64_t, trace_bands * trace_rows>& minhash_seeds() noexcept {
  static const auto seeds = [] {
    std::array<std::uint64_t, trace_bands * trace_rows> out{};
    std::uint64_t state = 0x68656172736179ull;  // "hearsay"
    for (std::uint64_t& s : out) {
      state += 0x9e3779b97f4a7c15ull;
      s = mix64(state);
    }
    return out;
  }();
  return seeds;
}

/// Return the band keys of the content whose sorted keys are `words` (a multiset: repeats are
/// one element of the set MinHash sees). Two contents with Jaccard similarity J share a given
/// band with probability J^rows.
inline std::array<std::uint32_t, trace_bands> band_keys(std::span<const std::uint64_t> words) {
  const auto& seeds = minhash_seeds();
  std::array<std::uint64_t, trace_bands * trace_rows> mins;
  mins.fill(std::numeric_limits<std::uint64_t>::max());
  std::uint64_t previous = 0;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0 && words[w] == previous) continue;
    previous = words[w];
    for (std::size_t i = 0; i < mins.size(); ++i)
      mins[i] = std::min(mins[i], mix64(words[w] ^ seeds[i]));
  }
  std::array<std::uint32_t, trace_bands> out{};
  for (std::size_t b = 0; b < trace_bands; ++b) {
    std::uint64_t h = mix64(b + 1);
    for (std::size_t r = 0; r < trace_rows; ++r) h = mix64(h ^ mins[b * trace_rows + r]);
    out[b] = static_cast<std::uint32_t>(h >> 32);
  }
  return out;
}

/// Return a 64-bit fingerprint of a content's keys and marks: equal contents have equal ones.
inline std::uint64_t content_fingerprint(const traced_document::traced_claim& c) noexcept {
  std::uint64_t h = mix64(c.words.size() * 3 + c.names.size() * 5 + c.numbers.size() * 7);
  for (const std::uint64_t k : c.words) h = mix64(h ^ k);
  for (const std::uint64_t k : c.mark_keys) h = mix64(h + k);
  for (const std::uint64_t k : c.names) h = mix64(h ^ (k + 1));
  for (const std::uint64_t k : c.numbers) h = mix64(h ^ (k + 2));
  return h;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_TRACE_SIGNATURE_HPP
