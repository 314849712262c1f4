// Where the JSON writer puts its bytes: straight into a string, or into a chunk that goes to a
// stream whenever it fills, so that streaming a document costs one write per 64 KiB however many
// claims it holds. Literals, numbers and escaped strings are copied through a pointer into space
// reserved ahead, never appended a character at a time (std::string::push_back was a tenth of
// writing JSON) nor formatted into a temporary string (std::to_string, snprintf).
#ifndef HEARSAY_DETAIL_JSON_BUFFER_HPP
#define HEARSAY_DETAIL_JSON_BUFFER_HPP

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "hearsay/detail/swar.hpp"

namespace hearsay::detail {

class json_buffer {
 public:
  /// Append to `out`; call finish() before reading it.
  explicit json_buffer(std::string& out) : string_(&out) {
    const std::size_t kept = out.size();
    grow_string(kept, std::max<std::size_t>(out.capacity(), kept + 4096));
  }
  /// Write to `sink` in chunks; call finish() to send the rest.
  explicit json_buffer(std::ostream& sink) : sink_(&sink) { new_chunk(chunk_); }
  json_buffer(const json_buffer&) = delete;
  json_buffer& operator=(const json_buffer&) = delete;

  /// Append a string literal as it is (its length known when compiled).
  template <std::size_t N>
  void raw(const char (&literal)[N]) {
    reserve(N - 1);
    std::memcpy(pos_, literal, N - 1);
    pos_ += N - 1;
  }
  /// Append `text` as it is.
  void raw(std::string_view text) {
    reserve(text.size());
    std::memcpy(pos_, text.data(), text.size());
    pos_ += text.size();
  }
  /// Append one character.
  void raw(char c) {
    reserve(1);
    *pos_++ = c;
  }
  /// Append `n` in decimal: the length from comparisons, then two digits a step from a table
  /// straight into place, in 32-bit arithmetic for the offsets of any text below 4 GiB (to_chars,
  /// and a loop of divisions by ten for the length, cost twice as much).
  void number(std::size_t n) {
    reserve(20);
    if (n <= 0xFFFFFFFFu) {
      const auto x = static_cast<std::uint32_t>(n);
      const std::size_t len = x < 10         ? 1
                              : x < 100      ? 2
                              : x < 1000     ? 3
                              : x < 10000    ? 4
                              : x < 100000   ? 5
                              : x < 1000000  ? 6
                              : x < 10000000 ? 7
                                             : digits(x);
      pos_ += len;
      write_backward(pos_, x);
    } else {
      const std::size_t len = digits(n);
      pos_ += len;
      write_backward(pos_, n);
    }
  }
  /// Append `x` with three decimals, as printf's "%.3f" (std::to_chars promises the same digits).
  void fixed3(double x) {
    reserve(32);
    pos_ = std::to_chars(pos_, pos_ + 32, x, std::chars_format::fixed, 3).ptr;
  }
  /// Append `text` (valid UTF-8) as a JSON string: quoted, with RFC 8259's escapes for the
  /// quote, the backslash and control characters, in the spelling the writer always used.
  void string(std::string_view text) {
    raw('"');
    while (!text.empty()) {
      // In slices, so that the worst case (every byte a six-byte \u00XX) fits in one chunk.
      const std::string_view slice = text.substr(0, slice_);
      text.remove_prefix(slice.size());
      reserve(6 * slice.size());
      escape_into(slice);
    }
    raw('"');
  }
  /// Append `text`, which needs no escape (a SPEC spelling: "reported"), as a JSON string.
  void plain_string(std::string_view text) {
    reserve(text.size() + 2);
    *pos_++ = '"';
    std::memcpy(pos_, text.data(), text.size());
    pos_ += text.size();
    *pos_++ = '"';
  }
  /// Send what is left to the stream, or leave the string holding exactly what was written.
  void finish() {
    if (sink_) {
      flush();
    } else {
      string_->resize(used());
    }
  }

 private:
  static constexpr std::size_t chunk_ = 1u << 16;
  static constexpr std::size_t slice_ = 4096;

  template <class Unsigned>
  static std::size_t digits(Unsigned n) noexcept {
    std::size_t len = 1;
    for (; n >= 10; n /= 10) ++len;
    return len;
  }
  // Write `n`'s digits so that the last ends just before `end`.
  template <class Unsigned>
  static void write_backward(char* end, Unsigned n) noexcept {
    static constexpr char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    while (n >= 100) {
      end -= 2;
      const Unsigned q = n / 100;
      std::memcpy(end, pairs + 2 * (n - q * 100), 2);
      n = q;
    }
    if (n >= 10) {
      std::memcpy(end - 2, pairs + 2 * n, 2);
    } else {
      end[-1] = static_cast<char>('0' + n);
    }
  }

  // Copy `slice` escaped; there is room for six bytes per byte of it.
  void escape_into(std::string_view slice) {
    static constexpr auto plain = [] {
      std::array<bool, 256> t{};
      for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = c >= 0x20;
      t['"'] = t['\\'] = false;
      return t;
    }();
    const char* p = slice.data();
    const char* const end = p + slice.size();
    while (p < end) {
      if constexpr (swar::usable) {
        // Eight bytes a step: stored whole (the room is there), kept up to the first that
        // needs an escape.
        for (; end - p >= 8; p += 8, pos_ += 8) {
          const std::uint64_t w = swar::load8(p);
          const std::uint64_t special = swar::equal_to(w, '"') | swar::equal_to(w, '\\') |
                                        (~w & ~swar::at_least(w & swar::lows, 0x20) & swar::highs);
          std::memcpy(pos_, &w, 8);
          if (special != 0) {
            const std::size_t k = swar::first_byte(special);
            p += k;
            pos_ += k;
            break;
          }
        }
      }
      while (p < end && plain[static_cast<unsigned char>(*p)]) *pos_++ = *p++;
      if (p == end) break;
      escape(static_cast<unsigned char>(*p++));
    }
  }

  void escape(unsigned char c) {
    static constexpr char hex[] = "0123456789abcdef";
    *pos_++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *pos_++ = static_cast<char>(c);
        break;
      case '\n':
        *pos_++ = 'n';
        break;
      case '\r':
        *pos_++ = 'r';
        break;
      case '\t':
        *pos_++ = 't';
        break;
      case '\b':
        *pos_++ = 'b';
        break;
      case '\f':
        *pos_++ = 'f';
        break;
      default:
        std::memcpy(pos_, "u00", 3);
        pos_[3] = hex[c >> 4];
        pos_[4] = hex[c & 15];
        pos_ += 5;
    }
  }

  std::size_t used() const noexcept { return static_cast<std::size_t>(pos_ - begin_); }

  // Room for `n` more bytes: flush the chunk to the stream, or grow the string. The test is
  // inline, the rare work not.
  void reserve(std::size_t n) {
    if (static_cast<std::size_t>(end_ - pos_) < n) [[unlikely]]
      make_room(n);
  }
  [[gnu::noinline]] void make_room(std::size_t n) {
    if (sink_) {
      flush();
      if (static_cast<std::size_t>(end_ - begin_) < n) new_chunk(n);
    } else {
      const std::size_t at = used();
      grow_string(at, std::max(2 * string_->size(), at + n));
    }
  }
  void flush() {
    sink_->write(begin_, static_cast<std::streamsize>(used()));
    pos_ = begin_;
  }
  // A chunk of `size` bytes, left uninitialised: a stream of small documents would otherwise
  // clear 64 KiB for each (a string's resize did, at half the cost of writing them).
  void new_chunk(std::size_t size) {
    chunk_storage_ = std::make_unique_for_overwrite<char[]>(size);
    begin_ = pos_ = chunk_storage_.get();
    end_ = begin_ + size;
  }
  // Size the string to `size` bytes, keeping the first `at`, and write from there.
  void grow_string(std::size_t at, std::size_t size) {
    string_->resize(size);
    begin_ = string_->data();
    pos_ = begin_ + at;
    end_ = begin_ + size;
  }

  std::string* string_ = nullptr;  // the string written into, or
  std::ostream* sink_ = nullptr;   // the stream the chunk goes to
  std::unique_ptr<char[]> chunk_storage_;
  char* begin_ = nullptr;
  char* pos_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_JSON_BUFFER_HPP
