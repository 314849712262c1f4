// Definitions for segment.hpp.
#ifndef HEARSAY_SEGMENT_INL_HPP
#define HEARSAY_SEGMENT_INL_HPP

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/sentence_breaks.hpp"
#include "hearsay/detail/swar.hpp"
#include "hearsay/detail/unicode.hpp"
#include "hearsay/error.hpp"
#include "hearsay/segment.hpp"

namespace hearsay {
namespace detail {

struct segmenter_impl {
  lexicon lex;  // keeps the abbreviation tables alive
  std::unique_ptr<icu::BreakIterator> prototype;

  explicit segmenter_impl(lexicon l) : lex(std::move(l)) {
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !prototype) {
      throw error("icu_error", error_id::invalid_argument,
                  std::string("cannot create ICU sentence iterator: ") + u_errorName(status));
    }
  }

  /// Split `text`; `checked` says its UTF-8 is known to be valid.
  std::vector<span> split(std::string_view text, bool checked = false) const;
};

/// The gap between two candidate sentences: [end of the first, start of the next).
struct gap {
  std::size_t end;    // one past the last non-space byte before the boundary
  std::size_t start;  // first non-space byte after the boundary
};

class boundary_judge {
 public:
  boundary_judge(std::string_view text, const lexicon_data& lex) : text_(text), lex_(lex) {}

  /// Decide whether a sentence ends in `g`.
  bool keep(const gap& g) const {
    if (g.end == 0 || g.start >= text_.size()) return false;
    const std::string_view between = text_.substr(g.end, g.start - g.end);
    auto newlines = std::count(between.begin(), between.end(), '\n');
    if (between.find("\u2029") != std::string_view::npos) newlines += 2;  // paragraph separator
    if (between.find("\u2028") != std::string_view::npos) newlines += 1;  // line separator
    if (newlines >= 2) return true;  // a blank line always ends a sentence
    if (newlines == 0 && between.find('\r') != std::string_view::npos) return true;  // old Mac
    std::size_t last = g.end;
    UChar32 end_char = prev_cp(text_, last);
    // Look through closing quotes and brackets to the final stop.
    std::size_t stop_pos = last;
    UChar32 stop = end_char;
    while (is_closing(stop) && stop_pos > 0) stop = prev_cp(text_, stop_pos);
    // Sentence terminals of every script (danda, Arabic question mark, ideographic full stop).
    const bool terminal = stop == '.' || stop == 0x2026 || u_hasBinaryProperty(stop, UCHAR_S_TERM);
    std::size_t next_i = g.start;
    const UChar32 next = next_cp(text_, next_i);
    if (newlines == 1 && !terminal) return keep_line_break(g, end_char);
    if (!terminal) return false;
    if (u_islower(next)) {
      // "iPhone sales rose" starts a sentence; "?” he asked" does not.
      return !is_abbreviation_end(stop_pos) && starts_camel_case(g.start);
    }
    if (stop != '.' && stop != 0x2026) {
      // "“Is it over?” Ruiz asked.": a quoted question or exclamation, then its speaker.
      return !(stop_pos + 1 < g.end && speaker_and_verb_follow(g.start));
    }
    if (is_list_number(stop_pos)) return false;  // "1. First item"
    if (stop == 0x2026 || ellipsis_before(stop_pos)) return u_isupper(next) || newlines > 0;
    return keep_after_period(stop_pos, g.start, newlines > 0);
  }

 private:
  // A lone newline ends a headline, byline or list item, not a line of wrapped prose.
  bool keep_line_break(const gap& g, UChar32 end_char) const {
    if (end_char == ',' || end_char == ';' || end_char == '-' || end_char == 0x2013 ||
        end_char == 0x2014 || end_char == '(') {
      return false;
    }
    std::size_t i = g.start;
    const UChar32 next = next_cp(text_, i);
    if (is_list_marker(g.start)) return true;
    if (u_islower(next)) return false;
    const std::string last = lower_word_before(g.end);
    const word_entry* e = lex_.find(last);
    if (e && (e->classes & (wc_determiner | wc_preposition | wc_coordinator))) return false;
    return true;
  }

  bool is_list_marker(std::size_t i) const {
    const std::string_view rest = text_.substr(i, 8);
    if (rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("\u2022") ||
        rest.starts_with("\u2013 ") || rest.starts_with("\u2014 ")) {
      return true;
    }
    std::size_t k = 0;
    while (k < rest.size() && std::isdigit(static_cast<unsigned char>(rest[k]))) ++k;
    return k > 0 && k + 1 < rest.size() && (rest[k] == '.' || rest[k] == ')') && rest[k + 1] == ' ';
  }

  // The lower-cased word (letters, digits, apostrophes) ending at byte `end`.
  std::string lower_word_before(std::size_t end) const {
    std::size_t b = end;
    while (b > 0) {
      std::size_t p = b;
      const UChar32 c = prev_cp(text_, p);
      if (!(u_isalnum(c) || c == '\'' || c == 0x2019)) break;
      b = p;
    }
    return ascii_lower(text_.substr(b, end - b));
  }

  // The white-space delimited chunk that ends with the period at `period`, without leading
  // brackets or quotes: "(U.S." gives "U.S.".
  std::string_view chunk_ending_at(std::size_t period) const {
    std::size_t b = period;
    while (b > 0) {
      std::size_t p = b;
      const UChar32 c = prev_cp(text_, p);
      if (is_space(c) || c == '(' || c == '[' || c == '"' || c == 0x201C || c == 0x2018) break;
      b = p;
    }
    return text_.substr(b, period + 1 - b);
  }

  // One to three capitalised words (or title abbreviations), then a speech verb from the lexicon,
  // then the end of the clause: "Ruiz asked.", "Mayor Ellis said,".
  bool speaker_and_verb_follow(std::size_t i) const {
    std::size_t names = 0;
    while (i < text_.size() && names < 4) {
      std::size_t e = i;
      while (e < text_.size()) {
        std::size_t after = e;
        const UChar32 c = next_cp(text_, after);
        if (!(u_isalnum(c) || c == '\'' || c == 0x2019 || c == '-' || c == '.')) break;
        e = after;
      }
      if (e == i) return false;
      const std::string_view word = text_.substr(i, e - i);
      std::string lower = ascii_lower(word);
      while (!lower.empty() && lower.back() == '.') lower.pop_back();
      const word_entry* w = lex_.find(lower);
      if (names > 0 && w && w->verb >= 0 && !std::isupper(static_cast<unsigned char>(word[0]))) {
        return e >= text_.size() || word.back() == '.' || text_[e] == '.' || text_[e] == ',';
      }
      if (!std::isupper(static_cast<unsigned char>(word[0]))) return false;
      // "Nobody replied." is no speaker; "Mayor Ellis said." is.
      if (w && (w->classes & (wc_pronoun | wc_determiner | wc_negation | wc_negation_subject |
                              wc_question | wc_coordinator))) {
        return false;
      }
      ++names;
      i = e;
      while (i < text_.size() && text_[i] == ' ') ++i;
    }
    return false;
  }

  // A list number at the start of a line: "1." or "12." after a newline or the text's start.
  bool is_list_number(std::size_t period) const {
    std::size_t b = period;
    while (b > 0 && std::isdigit(static_cast<unsigned char>(text_[b - 1]))) --b;
    return b < period && (b == 0 || text_[b - 1] == '\n');
  }

  // The word before byte `at` (across spaces) starts with a lower-case letter ("vitamin D.").
  bool follows_lowercase_word(std::size_t at) const {
    std::size_t i = at;
    while (i > 0 && text_[i - 1] == ' ') --i;
    if (i == at) return false;
    std::size_t start = i;
    while (start > 0) {
      std::size_t p = start;
      if (!u_isalpha(prev_cp(text_, p))) break;
      start = p;
    }
    if (start == i) return false;
    std::size_t k = start;
    return u_islower(next_cp(text_, k));
  }

  // Another initial ("P.") starts at byte `i`.
  bool initial_at(std::size_t i) const {
    return i + 1 < text_.size() && std::isupper(static_cast<unsigned char>(text_[i])) &&
           text_[i + 1] == '.';
  }

  bool ellipsis_before(std::size_t period) const {
    return period >= 2 && text_[period - 1] == '.' && text_[period - 2] == '.';
  }

  bool is_abbreviation_end(std::size_t period) const {
    if (text_[period] != '.') return false;
    const std::string chunk = ascii_lower(chunk_ending_at(period));
    return lex_.find_abbreviation(chunk) || is_initials(chunk_ending_at(period));
  }

  // "J." or "J.R." (a capital letter and a period, repeated).
  static bool is_initials(std::string_view chunk) {
    if (chunk.size() < 2) return false;
    for (std::size_t i = 0; i < chunk.size(); i += 2) {
      if (i + 1 >= chunk.size() || !std::isupper(static_cast<unsigned char>(chunk[i])) ||
          chunk[i + 1] != '.') {
        return false;
      }
    }
    return true;
  }

  bool starts_camel_case(std::size_t i) const {
    // A lower-case letter followed, inside the same word, by an upper-case one: iPhone, eBay.
    std::size_t k = i;
    next_cp(text_, k);
    while (k < text_.size()) {
      std::size_t after = k;
      const UChar32 c = next_cp(text_, after);
      if (!u_isalpha(c)) return false;
      if (u_isupper(c)) return true;
      k = after;
    }
    return false;
  }

  bool next_is_sentence_opener(std::size_t start) const {
    std::size_t e = start;
    while (e < text_.size()) {
      std::size_t after = e;
      const UChar32 c = next_cp(text_, after);
      if (!(u_isalnum(c) || c == '\'' || c == 0x2019)) break;
      e = after;
    }
    const word_entry* w = lex_.find(ascii_lower(text_.substr(start, e - start)));
    return w && (w->classes & (wc_sentence_opener | wc_pronoun | wc_determiner));
  }

  bool keep_after_period(std::size_t period, std::size_t next_start, bool newline) const {
    const std::string_view chunk = chunk_ending_at(period);
    // A capital letter and a period is an initial ("Olaf V."), whatever the table says of its
    // lower-case twin ("v." for versus).
    const bool capital_initial =
        chunk.size() == 2 && std::isupper(static_cast<unsigned char>(chunk[0]));
    const abbreviation_kind* found =
        capital_initial ? nullptr : lex_.find_abbreviation(ascii_lower(chunk));
    std::size_t k = next_start;
    const UChar32 next = next_cp(text_, k);
    if (found) {
      switch (*found) {
        case abbreviation_kind::title:
          return false;
        case abbreviation_kind::number:
          return !u_isdigit(next) && (newline || next_is_sentence_opener(next_start));
        case abbreviation_kind::ambiguous:
          return newline || next_is_sentence_opener(next_start);
      }
    }
    if (is_initials(chunk)) {
      // "vitamin D. Doctors …" ends; "the firm J. P. Harlan" and "George W. Pruitt" do not.
      if (chunk.size() == 2 && follows_lowercase_word(period - 1) && !initial_at(next_start)) {
        return true;
      }
      return newline || next_is_sentence_opener(next_start);
    }
    return true;
  }

  std::string_view text_;
  const lexicon_data& lex_;
};

/// How many of the eight bytes at `p` lead with ASCII other than ". ? !".
inline std::size_t quiet_prefix8(const char* p) noexcept {
  const std::uint64_t x = swar::load8(p);
  const std::uint64_t stop =
      (x & swar::highs) | swar::equal_to(x, '.') | swar::equal_to(x, '?') | swar::equal_to(x, '!');
  return stop ? swar::first_byte(stop) : 8;
}

inline std::vector<span> segmenter_impl::split(std::string_view text, bool checked) const {
  if (!checked) require_utf8(text);
  std::vector<span> out;
  if (text.empty()) return out;
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw error("invalid_argument", error_id::invalid_argument,
                "text of " + std::to_string(text.size()) + " bytes exceeds the 2 GiB limit");
  }

  // Candidate boundaries: ICU's rules' (which include the end of every line and paragraph: rule
  // SB4 breaks after each separator), plus every ellipsis and a stop before a numeral or a
  // lower-case word (which ICU never ends at). The fast path applies ICU's rules itself; a text it
  // does not cover goes to ICU.
  std::vector<std::size_t> candidates;
  candidates.reserve(text.size() / 64 + 4);
  if (!split_sentences(text, candidates)) {
    candidates.clear();
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    std::unique_ptr<icu::BreakIterator> it(prototype->clone());
    it->setText(ut, status);
    if (U_FAILURE(status)) {
      utext_close(ut);
      throw error("icu_error", error_id::invalid_argument,
                  std::string("ICU cannot iterate the text: ") + u_errorName(status));
    }
    for (std::int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      candidates.push_back(static_cast<std::size_t>(b));
    }
    it.reset();
    utext_close(ut);
  }
  const std::size_t from_rules = candidates.size();  // sorted; what is added below is too
  // Past the bytes that cannot add a candidate (ASCII other than stops) to the next that may: a
  // stop, or a lead byte such as U+2026's.
  static const swar::byte_run<quiet_prefix8> quiet(
      [](unsigned char b) { return b < 0x80 && b != '.' && b != '?' && b != '!'; });
  for (std::size_t i = 0; i < text.size(); ++i) {
    i = quiet.end(text, i);
    if (i >= text.size()) break;
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && i + 2 < text.size() &&
        text[i + 1] == ' ' &&
        (std::isdigit(static_cast<unsigned char>(text[i + 2])) ||
         std::islower(static_cast<unsigned char>(text[i + 2])))) {
      // ICU never ends a sentence before a numeral or a lower-case word; the judge decides
      // ("in 2022. 2023 was better.", "record revenue. iPhone sales rose").
      candidates.push_back(i + 1);
    } else if (static_cast<unsigned char>(text[i]) == 0xE2 && text.substr(i, 3) == "\u2026") {
      std::size_t k = i + 3;
      while (k < text.size()) {
        std::size_t after = k;
        if (!is_closing(next_cp(text, after))) break;
        k = after;
      }
      candidates.push_back(k);
    }
  }
  // Two sorted runs: merged (the second is short, and usually empty), then without repeats.
  if (candidates.size() > from_rules) {
    const auto added = candidates.begin() + static_cast<std::ptrdiff_t>(from_rules);
    if (!std::is_sorted(added, candidates.end())) std::sort(added, candidates.end());
    std::inplace_merge(candidates.begin(), added, candidates.end());
  }
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  const boundary_judge judge(text, lex.data());
  const auto skip_space_forward = [&](std::size_t i) {
    while (i < text.size()) {
      std::size_t after = i;
      if (!is_space(next_cp(text, after))) break;
      i = after;
    }
    return i;
  };
  const auto skip_space_backward = [&](std::size_t i, std::size_t floor) {
    while (i > floor) {
      std::size_t before = i;
      if (!is_space(prev_cp(text, before))) break;
      i = before;
    }
    return i;
  };

  std::size_t sentence_start = skip_space_forward(0);
  std::size_t last_gap_start = SIZE_MAX;
  for (const std::size_t c : candidates) {
    if (c <= sentence_start || c >= text.size()) continue;
    const gap g{skip_space_backward(c, sentence_start), skip_space_forward(c)};
    if (g.start == last_gap_start || g.start >= text.size() || g.end <= sentence_start) continue;
    last_gap_start = g.start;
    if (judge.keep(g)) {
      out.push_back(span{sentence_start, g.end});
      sentence_start = g.start;
    }
  }
  const std::size_t end = skip_space_backward(text.size(), sentence_start);
  if (end > sentence_start) out.push_back(span{sentence_start, end});
  return out;
}

}  // namespace detail

HEARSAY_FUNC sentence_segmenter::sentence_segmenter() : sentence_segmenter(lexicon::builtin()) {}

HEARSAY_FUNC sentence_segmenter::sentence_segmenter(const lexicon& lex)
    : impl_(std::make_shared<detail::segmenter_impl>(lex)) {}

HEARSAY_FUNC std::vector<span> sentence_segmenter::split(std::string_view text) const {
  return impl_->split(text);
}

HEARSAY_FUNC std::vector<span> sentence_segmenter::split_valid(std::string_view text) const {
  return impl_->split(text, true);
}

}  // namespace hearsay

#endif  // HEARSAY_SEGMENT_INL_HPP
