// Spans, UTF-8 validation and byte/code-point offset conversion.
//
// hearsay works in UTF-8 byte offsets: a span is a half-open [begin, end) range of bytes in the
// text it came from. JSON output and Python use code points; `codepoint_map` converts.
#ifndef HEARSAY_TEXT_HPP
#define HEARSAY_TEXT_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"

namespace hearsay {

/// A half-open range [begin, end) of byte offsets into a UTF-8 text.
struct span {
  std::size_t begin = 0;
  std::size_t end = 0;

  /// Return the number of bytes covered.
  constexpr std::size_t size() const noexcept { return end - begin; }
  /// Return true when the span covers no byte.
  constexpr bool empty() const noexcept { return end == begin; }
  /// Return the bytes of `text` this span covers; `text` must be the text the span came from.
  constexpr std::string_view of(std::string_view text) const noexcept {
    return text.substr(begin, end - begin);
  }
  friend constexpr bool operator==(span, span) noexcept = default;
};

/// The outcome of checking a buffer for valid UTF-8 (a result object, like pugixml's).
struct utf8_check {
  bool valid = true;        ///< True when the whole buffer is valid UTF-8.
  std::size_t offset = 0;   ///< Byte offset of the first invalid sequence when !valid.
  const char* reason = "";  ///< Why that sequence is invalid.
  explicit operator bool() const noexcept { return valid; }
};

/// Check that `text` is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
HEARSAY_FUNC utf8_check check_utf8(std::string_view text) noexcept;

/// Throw encoding_error (naming `source` when given) unless `text` is valid UTF-8.
HEARSAY_FUNC void require_utf8(std::string_view text, std::string_view source = {});

/// What repair_utf8 changed in a text.
struct utf8_repairs {
  std::size_t count = 0;  ///< How many U+FFFD were put in.
  std::size_t first = 0;  ///< Byte offset, in the repaired text, of the first one put in.
  explicit operator bool() const noexcept { return count != 0; }
  friend bool operator==(const utf8_repairs&, const utf8_repairs&) = default;
};

/// Return `text` with each maximal subpart of an ill-formed sequence replaced by U+FFFD, the
/// substitution Unicode (section 3.9, U+FFFD Substitution of Maximal Subparts) recommends and
/// WHATWG's and Python's decoders apply: `C0 AF` gives two, an encoded surrogate `ED A0 80` three,
/// a truncated `E2 82` one. The result is the text those decoders give, so code-point offsets
/// agree with theirs. A valid input is returned unchanged; `repairs`, when given, says what
/// changed.
HEARSAY_FUNC std::string repair_utf8(std::string_view text, utf8_repairs* repairs = nullptr);

/// Return `text` with `replacement` for each maximal invalid subpart (as repair_utf8 does).
HEARSAY_FUNC std::string replace_invalid_utf8(std::string_view text, std::string_view replacement,
                                              utf8_repairs* repairs = nullptr);

/// Return the number of code points in valid UTF-8 `text`.
HEARSAY_FUNC std::size_t count_codepoints(std::string_view text) noexcept;

/// Convert byte offsets of one valid UTF-8 text to code-point offsets and back, in O(1) amortised
/// time per call (a checkpoint every 256 bytes). Keeps a view of `text`: it must outlive the map.
class codepoint_map {
 public:
  /// Index `text` (valid UTF-8).
  HEARSAY_FUNC explicit codepoint_map(std::string_view text);
  /// Return the code-point offset of byte offset `byte` (a code point boundary, <= size).
  HEARSAY_FUNC std::size_t to_codepoint(std::size_t byte) const noexcept;
  /// Return the byte offset of code-point offset `cp` (clamped to the text's end).
  HEARSAY_FUNC std::size_t to_byte(std::size_t cp) const noexcept;

 private:
  static constexpr std::size_t block_ = 256;
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // code points before byte i * block_
};

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/text-inl.hpp"
#endif

#endif  // HEARSAY_TEXT_HPP
