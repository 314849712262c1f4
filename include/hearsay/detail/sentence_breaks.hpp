// Sentence boundaries without ICU's iterator for the text news is made of: the UAX #29 sentence
// rules ICU's root BreakIterator applies, for the code points without Extend or Format class below
// U+0800 and in U+2000..U+20FF (classes from ICU's own Sentence_Break property). A text holding
// any other code point goes to ICU as a whole (the segmenter falls back when split_sentences
// declines). tests/test_tokenize.cpp compares both on every gold text, on random text over the
// rules' classes and on every covered code point; the fuzz target fuzz_breaks on any input.
//
// Why: ICU's iterator reads UTF-8 through UText as UTF-16 and was over a fifth of the instructions
// of a whole analysis; these rules are a short scan.
#ifndef HEARSAY_DETAIL_SENTENCE_BREAKS_HPP
#define HEARSAY_DETAIL_SENTENCE_BREAKS_HPP

#include <unicode/uchar.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "hearsay/detail/code_point_classes.hpp"
#include "hearsay/detail/swar.hpp"

namespace hearsay::detail {

/// The Sentence_Break classes; `unsupported` (Extend, Format, other planes) sends a line to ICU.
enum class sentence_break : std::uint8_t {
  other,
  cr,
  lf,
  sep,
  sp,
  lower,
  upper,
  oletter,
  numeric,
  aterm,
  sterm,
  close,
  scontinue,
  unsupported,
};

/// How many of the eight bytes at `p` lead with ASCII other than ". ? ! CR LF".
inline std::size_t plain_prefix8(const char* p) noexcept {
  const std::uint64_t x = swar::load8(p);
  const std::uint64_t stop = (x & swar::highs) | swar::equal_to(x, '.') | swar::equal_to(x, '?') |
                             swar::equal_to(x, '!') | swar::equal_to(x, '\r') |
                             swar::equal_to(x, '\n');
  return stop ? swar::first_byte(stop) : 8;
}

class sentence_break_table {
 public:
  sentence_break_table()
      : classes_(classify), plain_([this](unsigned char b) {
          if (b >= 0x80) return false;
          const sentence_break c = classes_.ascii(b);
          return !(c == sentence_break::aterm || c == sentence_break::sterm ||
                   c == sentence_break::cr || c == sentence_break::lf || c == sentence_break::sep ||
                   c == sentence_break::unsupported);
        }) {}

  /// The class of the code point at byte `i` of valid UTF-8 `text`; `length` receives its size.
  sentence_break at(std::string_view text, std::size_t i, std::size_t& length) const noexcept {
    return classes_.at(text, i, length);
  }

  /// The end of the run of ASCII bytes that are neither terminals nor separators that starts at
  /// `i` in `text` (possibly `i`).
  std::size_t plain_run_end(std::string_view text, std::size_t i) const noexcept {
    return plain_.end(text, i);
  }

  /// The class of ASCII byte `b`.
  sentence_break ascii(unsigned char b) const noexcept { return classes_.ascii(b); }

  /// The process-wide table (built once, from ICU's properties).
  static const sentence_break_table& get() {
    static const sentence_break_table table;
    return table;
  }

 private:
  static sentence_break classify(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_OTHER:
        return sentence_break::other;
      case U_SB_CR:
        return sentence_break::cr;
      case U_SB_LF:
        return sentence_break::lf;
      case U_SB_SEP:
        return sentence_break::sep;
      case U_SB_SP:
        return sentence_break::sp;
      case U_SB_LOWER:
        return sentence_break::lower;
      case U_SB_UPPER:
        return sentence_break::upper;
      case U_SB_OLETTER:
        return sentence_break::oletter;
      case U_SB_NUMERIC:
        return sentence_break::numeric;
      case U_SB_ATERM:
        return sentence_break::aterm;
      case U_SB_STERM:
        return sentence_break::sterm;
      case U_SB_CLOSE:
        return sentence_break::close;
      case U_SB_SCONTINUE:
        return sentence_break::scontinue;
      default:  // Extend and Format attach to what precedes them (SB5)
        return sentence_break::unsupported;
    }
  }

  code_point_classes<sentence_break, sentence_break::unsupported> classes_;  // before plain_
  swar::byte_run<plain_prefix8> plain_;  ///< ASCII that is neither terminal nor separator.
};

/// Append to `out` the sentence boundaries ICU's root rules give inside valid UTF-8 `text`
/// (offsets after the first character, up to and including text.size()). Return false,
/// with `out` in an unspecified state, when `text` holds a code point the fast path does not
/// cover.
inline bool split_sentences(std::string_view text, std::vector<std::size_t>& out) {
  using sb = sentence_break;
  const sentence_break_table& table = sentence_break_table::get();
  const std::size_t n = text.size();
  const auto para_sep = [](sb c) { return c == sb::cr || c == sb::lf || c == sb::sep; };
  const auto terminal = [](sb c) { return c == sb::aterm || c == sb::sterm; };
  sb before = sb::other;  // the class of the code point before `i`
  std::size_t i = 0;
  while (i < n) {
    std::size_t length = 0;
    const sb c = table.at(text, i, length);
    if (c == sb::unsupported) return false;
    if (para_sep(c)) {  // SB3, SB4: break after a separator; CR LF stays together
      i += length;
      if (c == sb::cr && i < n && text[i] == '\n') ++i;
      out.push_back(i);
      before = sb::lf;
      continue;
    }
    if (!terminal(c)) {
      i += length;
      // Most text is ASCII that is neither a terminal nor a separator: skip it in a tight loop,
      // keeping only the class of its last character (rule SB7 looks at it).
      const std::size_t run = i;
      i = table.plain_run_end(text, i);
      before = i > run ? table.ascii(static_cast<unsigned char>(text[i - 1])) : c;
      continue;
    }
    // A terminal: SATerm Close* Sp* ParaSep?
    const std::size_t term_end = i + length;
    std::size_t k = term_end;
    sb next = sb::other;
    std::size_t next_length = 0;
    bool closes = false, spaces = false;
    while (k < n) {
      next = table.at(text, k, next_length);
      if (next == sb::unsupported) return false;
      if (next == sb::close && !spaces) {
        closes = true;
      } else if (next == sb::sp) {
        spaces = true;
      } else {
        break;
      }
      k += next_length;
    }
    if (k >= n) {  // the text ends: its end is the boundary
      out.push_back(n);
      return true;
    }
    if (para_sep(next)) {  // SB9-SB11: the break comes after the separator
      k += next_length;
      if (next == sb::cr && k < n && text[k] == '\n') ++k;
      out.push_back(k);
      i = k;
      before = sb::lf;
      continue;
    }
    bool joined = false;
    if (c == sb::aterm && !closes && !spaces) {
      // SB6 "3.5", SB7 "U.S"
      joined = next == sb::numeric ||
               (next == sb::upper && (before == sb::upper || before == sb::lower));
    }
    if (!joined && c == sb::aterm) {
      // SB8: "etc. and", "e.g. (see": past anything that is no letter, separator or terminal,
      // a lower-case letter continues the sentence.
      std::size_t m = k;
      sb d = next;
      std::size_t d_length = next_length;
      while (
          !(d == sb::oletter || d == sb::upper || d == sb::lower || para_sep(d) || terminal(d))) {
        m += d_length;
        if (m >= n) break;
        d = table.at(text, m, d_length);
        if (d == sb::unsupported) return false;
      }
      joined = m < n && d == sb::lower;
    }
    if (!joined) joined = next == sb::scontinue || terminal(next);  // SB8a
    if (joined) {
      // SB6/SB7 go on from the character after the terminal; otherwise past Close* Sp*.
      i = (closes || spaces) ? k : term_end;
      before = (closes || spaces) ? (spaces ? sb::sp : sb::close) : c;
      continue;
    }
    out.push_back(k);  // SB11
    i = k;
    before = spaces ? sb::sp : (closes ? sb::close : c);
  }
  if (out.empty() || out.back() != n) {
    if (n > 0) out.push_back(n);
  }
  return true;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_SENTENCE_BREAKS_HPP
