// A class per code point for the fast boundary paths (word_breaks.hpp, sentence_breaks.hpp): a
// table for U+0000..U+07FF and one for U+2000..U+20FF (general punctuation, currency), read
// straight from UTF-8; every other code point is `Unsupported`, which sends the text to ICU.
#ifndef HEARSAY_DETAIL_CODE_POINT_CLASSES_HPP
#define HEARSAY_DETAIL_CODE_POINT_CLASSES_HPP

#include <unicode/umachine.h>

#include <array>
#include <cstddef>
#include <string_view>

namespace hearsay::detail {

template <class Class, Class Unsupported>
class code_point_classes {
 public:
  /// Fill the tables with `classify(code point)`.
  template <class Classify>
  explicit code_point_classes(Classify classify) {
    for (UChar32 c = 0; c < 0x800; ++c) low_[static_cast<std::size_t>(c)] = classify(c);
    for (UChar32 c = 0; c < 0x100; ++c) {
      punctuation_[static_cast<std::size_t>(c)] = classify(0x2000 + c);
    }
  }

  /// The class of the code point at byte `i` of valid UTF-8 `text`; `length` receives its size.
  Class at(std::string_view text, std::size_t i, std::size_t& length) const noexcept {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      length = 1;
      return low_[b0];
    }
    if (b0 < 0xE0) {  // two bytes: U+0080..U+07FF
      length = 2;
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      return low_[((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu)];
    }
    length = b0 < 0xF0 ? 3 : 4;
    if (b0 == 0xE2) {  // U+2000..U+20FF is E2 80..83 xx
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if (b1 >= 0x80 && b1 <= 0x83) {
        const auto b2 = static_cast<unsigned char>(text[i + 2]);
        return punctuation_[((b1 & 0x03u) << 6) | (b2 & 0x3Fu)];
      }
    }
    return Unsupported;
  }

  /// The class of ASCII byte `b`.
  Class ascii(unsigned char b) const noexcept { return low_[b]; }

 private:
  std::array<Class, 0x800> low_{};
  std::array<Class, 0x100> punctuation_{};
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_CODE_POINT_CLASSES_HPP
