// Word boundaries without ICU's iterator for the text news is made of: the UAX #29 rules that ICU's
// word BreakIterator applies, restricted to the code points whose rules are simple (ASCII, Latin,
// Greek, Cyrillic, Armenian, Arabic letters, general punctuation, currency signs). It gives the
// same boundaries and the same rule status (word, number, none) as ICU; a paragraph holding any
// other code point (combining marks, format characters, emoji, Hebrew, CJK, Thai...) is left to
// ICU. The character classes come from ICU's own Word_Break property, so Unicode updates follow
// the installed ICU. tests/test_tokenize.cpp compares both on every corpus text and on random
// text over the boundary-relevant characters.
//
// Why: ICU's iterator is general (a state machine over UTF-16 units read through UText); for
// these code points the rules reduce to a few comparisons, and tokenisation was the largest
// single cost of analysis.
#ifndef HEARSAY_DETAIL_WORD_BREAKS_HPP
#define HEARSAY_DETAIL_WORD_BREAKS_HPP

#include <unicode/uchar.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "hearsay/detail/code_point_classes.hpp"
#include "hearsay/detail/swar.hpp"

namespace hearsay::detail {

/// The Word_Break classes the fast path knows; `unsupported` sends the text to ICU.
enum class word_break : std::uint8_t {
  other,
  cr,
  lf,
  newline,
  space,  ///< WSegSpace: runs of it stay together (WB3d).
  letter,
  numeric,
  mid_letter,
  mid_num_let,
  single_quote,
  mid_num,
  extend_num_let,
  unsupported,
};

/// One piece between two word boundaries: bytes [begin, end) and ICU's rule status
/// (UBRK_WORD_NONE 0, UBRK_WORD_NUMBER 100, UBRK_WORD_LETTER 200).
struct word_piece {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::int32_t status = 0;
  bool ascii = false;  ///< Every byte is ASCII (set by the fast path only).
  /// The piece is followed by a piece of one ASCII space, not emitted on its own (the fast path
  /// folds the commonest piece of all into the one before it).
  bool space_after = false;
};

/// How many of the eight bytes at `p` lead with ASCII letters, digits or "@" (ICU's root rules
/// make "@" a letter).
inline std::size_t alnum_prefix8(const char* p) noexcept {
  const std::uint64_t x = swar::load8(p);
  const std::uint64_t v = x & swar::lows;
  const std::uint64_t folded = v | (0x20 * swar::ones);  // 'A'..'Z' to 'a'..'z' ('@' to '`')
  const std::uint64_t digit = swar::at_least(v, '0') & ~swar::at_least(v, '9' + 1);
  const std::uint64_t letter = swar::at_least(folded, 'a') & ~swar::at_least(folded, 'z' + 1);
  const std::uint64_t other = ~((digit | letter | swar::equal_to(x, '@')) & ~x) & swar::highs;
  return other ? swar::first_byte(other) : 8;
}

class word_break_table {
 public:
  word_break_table()
      : classes_(classify), alnum_([this](unsigned char b) {
          return b < 0x80 && (classes_.ascii(b) == word_break::letter ||
                              classes_.ascii(b) == word_break::numeric);
        }) {}

  /// The class of the code point at byte `i` of valid UTF-8 `text`; `length` receives its size.
  word_break at(std::string_view text, std::size_t i, std::size_t& length) const noexcept {
    return classes_.at(text, i, length);
  }

  /// Return true for an ASCII byte of class letter or numeric (letters, digits and "@").
  bool ascii_alnum(char c) const noexcept { return alnum_.contains(c); }

  /// The class of ASCII byte `b`.
  word_break ascii(unsigned char b) const noexcept { return classes_.ascii(b); }

  /// The end of the run of ascii_alnum() bytes that starts at `i` in `text` (possibly `i`).
  std::size_t alnum_run_end(std::string_view text, std::size_t i) const noexcept {
    return alnum_.end(text, i);
  }

  /// The process-wide table (built once, from ICU's properties).
  static const word_break_table& get() {
    static const word_break_table table;
    return table;
  }

 private:
  static word_break classify(UChar32 c) {
    // Emoji sequences and dictionary scripts have rules of their own.
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) {
      return word_break::unsupported;
    }
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
      case U_WB_OTHER:
        // ICU's root rules make "@" a letter, keeping e-mail addresses in one piece.
        return c == '@' ? word_break::letter : word_break::other;
      case U_WB_DOUBLE_QUOTE:  // joins only Hebrew letters, which are unsupported
        return word_break::other;
      case U_WB_CR:
        return word_break::cr;
      case U_WB_LF:
        return word_break::lf;
      case U_WB_NEWLINE:
        return word_break::newline;
      case U_WB_WSEGSPACE:
        return word_break::space;
      case U_WB_ALETTER:
        return word_break::letter;
      case U_WB_NUMERIC:
        return word_break::numeric;
      case U_WB_MIDLETTER:
        // ICU's root rules take the colon out of MidLetter ("a:b" is three words), as CLDR does.
        return c == ':' ? word_break::other : word_break::mid_letter;
      case U_WB_MIDNUMLET:
        return word_break::mid_num_let;
      case U_WB_SINGLE_QUOTE:
        return word_break::single_quote;
      case U_WB_MIDNUM:
        return word_break::mid_num;
      case U_WB_EXTENDNUMLET:
        return word_break::extend_num_let;
      default:  // Extend, Format, ZWJ, Hebrew_Letter, Katakana, Regional_Indicator, emoji bases
        return word_break::unsupported;
    }
  }

  code_point_classes<word_break, word_break::unsupported> classes_;  // before alnum_: it reads them
  swar::byte_run<alnum_prefix8> alnum_;  ///< ASCII of class letter or numeric.
};

namespace word_status {
inline constexpr std::int32_t none = 0, number = 100, letter = 200;
}

// The status ICU gives a word whose last two characters are of classes `a` and `b` (rules 5, 8,
// 9, 10, 13a, 13b): ICU's rules are chained, and the status is the last rule's: a word ending in
// a digit is a number ("APOE4"), one ending in a letter a word ("4x").
inline std::int32_t joined_status(word_break a, word_break b) noexcept {
  if (b == word_break::numeric) return word_status::number;
  if (b == word_break::extend_num_let && a == word_break::numeric) return word_status::number;
  return word_status::letter;
}

/// Call `emit(word_piece)` for each piece of valid UTF-8 `text` between ICU's word boundaries, in
/// order. Return false as soon as the text holds a code point the fast path does not cover (the
/// pieces emitted until then are to be discarded).
template <class Emit>
inline bool for_each_word_piece(std::string_view text, Emit&& emit) {
  const word_break_table& table = word_break_table::get();
  const std::size_t n = text.size();
  if (n > 0x7FFFFFFF) return false;  // ICU's offsets are 32-bit too; let it report the error
  std::size_t i = 0;
  while (i < n) {
    std::size_t length = 0;
    const word_break c = table.at(text, i, length);
    if (c == word_break::unsupported) return false;
    const std::size_t start = i;
    bool ascii = length == 1;
    i += length;
    std::int32_t status = word_status::none;
    switch (c) {
      case word_break::cr:
        if (i < n && text[i] == '\n') ++i;  // WB3
        break;
      case word_break::space:  // WB3d
        while (i < n && table.at(text, i, length) == word_break::space) {
          ascii = ascii && length == 1;
          i += length;
        }
        break;
      case word_break::letter:
      case word_break::numeric:
      case word_break::extend_num_let: {
        status = c == word_break::letter    ? word_status::letter
                 : c == word_break::numeric ? word_status::number
                                            : word_status::none;
        word_break last = c;
        while (i < n) {
          // The common case first: a run of ASCII letters and digits, whose status is that of
          // its last character (rules 5, 8, 9, 10).
          if (table.ascii_alnum(text[i])) {
            i = table.alnum_run_end(text, i + 1);
            last = table.ascii(static_cast<unsigned char>(text[i - 1]));
            status = last == word_break::numeric ? word_status::number : word_status::letter;
            continue;
          }
          std::size_t l1 = 0;
          const word_break d = table.at(text, i, l1);
          if (d == word_break::unsupported) return false;
          if (d == word_break::letter || d == word_break::numeric ||
              d == word_break::extend_num_let) {
            status = joined_status(last, d);
            last = d;
            ascii = ascii && l1 == 1;
            i += l1;
            continue;
          }
          // WB6/7: letter (MidLetter | MidNumLet | Single_Quote) letter;
          // WB11/12: digit (MidNum | MidNumLet | Single_Quote) digit.
          const bool shared = d == word_break::mid_num_let || d == word_break::single_quote;
          const bool between_letters =
              last == word_break::letter && (shared || d == word_break::mid_letter);
          const bool between_digits =
              last == word_break::numeric && (shared || d == word_break::mid_num);
          if (!(between_letters || between_digits) || i + l1 >= n) break;
          std::size_t l2 = 0;
          const word_break e = table.at(text, i + l1, l2);
          if (e == word_break::unsupported) return false;
          if (e != last) break;
          status = between_letters ? word_status::letter : word_status::number;
          ascii = ascii && l1 == 1 && l2 == 1;
          i += l1 + l2;
        }
        break;
      }
      default:
        break;
    }
    const std::size_t end = i;
    // One ASCII space before anything but another space is a piece of its own (WB3d joins only
    // spaces): report it with this piece.
    const bool space_after = c != word_break::space && i < n && text[i] == ' ' &&
                             (i + 1 == n || table.at(text, i + 1, length) != word_break::space);
    if (space_after) ++i;
    emit(word_piece{static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), status,
                    ascii, space_after});
  }
  return true;
}

/// Split valid UTF-8 `text` at ICU's word boundaries into `out`. Return false, with `out` in an
/// unspecified state, when the text holds a code point the fast path does not cover.
inline bool split_words(std::string_view text, std::vector<word_piece>& out) {
  out.clear();
  return for_each_word_piece(text, [&](const word_piece& p) {
    out.push_back(p);
    out.back().space_after = false;
    if (p.space_after) out.push_back(word_piece{p.end, p.end + 1, word_status::none, true, false});
  });
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_WORD_BREAKS_HPP
