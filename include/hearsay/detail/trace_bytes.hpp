// The bytes of a traced_document (trace.hpp), which travel from a Dask worker to the process that
// traces: fixed-width little-endian numbers and length-prefixed strings, read back with bounds
// checked at every step (the bytes may come from anywhere).
#ifndef HEARSAY_DETAIL_TRACE_BYTES_HPP
#define HEARSAY_DETAIL_TRACE_BYTES_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/error.hpp"

namespace hearsay::detail {

class byte_writer {
 public:
  void u64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void str(std::string_view s) {
    u64(s.size());
    out_.append(s);
  }
  void opt(const std::optional<std::string>& s) {
    u64(s ? 1 : 0);
    if (s) str(*s);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class byte_reader {
 public:
  explicit byte_reader(std::string_view in) : in_(in) {}
  std::uint64_t u64() {
    need(8);
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
      v |= std::uint64_t{static_cast<unsigned char>(in_[at_ + i])} << (8 * i);
    at_ += 8;
    return v;
  }
  std::uint64_t count(std::size_t each) {
    const std::uint64_t n = u64();
    if (each != 0 && n > (in_.size() - at_) / each) fail("a count larger than the bytes left");
    return n;
  }
  std::string str() {
    const std::uint64_t n = count(1);
    std::string s(in_.substr(at_, n));
    at_ += n;
    return s;
  }
  std::optional<std::string> opt() {
    if (u64() == 0) return std::nullopt;
    return str();
  }
  template <class Enum>
  Enum small(std::size_t values) {
    const std::uint64_t v = u64();
    if (v >= values) fail("an enumerated value out of range");
    return static_cast<Enum>(v);
  }
  bool done() const noexcept { return at_ == in_.size(); }
  [[noreturn]] void fail(const char* why) const {
    throw error("invalid_argument", error_id::invalid_argument,
                std::string("not a traced document: ") + why + " at byte " + std::to_string(at_));
  }

 private:
  void need(std::size_t n) const {
    if (in_.size() - at_ < n) fail("truncated");
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

inline constexpr std::uint64_t traced_magic = 0x3152545359534548ull;  // "HEARSYTR1" folded

inline void write_keys(byte_writer& w, const std::vector<std::uint64_t>& keys) {
  w.u64(keys.size());
  for (const std::uint64_t k : keys) w.u64(k);
}

inline std::vector<std::uint64_t> read_keys(byte_reader& r) {
  std::vector<std::uint64_t> keys(r.count(8));
  for (std::uint64_t& k : keys) k = r.u64();
  return keys;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_TRACE_BYTES_HPP
