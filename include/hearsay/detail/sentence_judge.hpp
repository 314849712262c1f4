// The news rules that decide whether a candidate boundary (from ICU's rules or the segmenter's own
// scan) ends a sentence: abbreviations of the document's language (multi-part ones such as
// "z. B."), initials, ordinal numbers, ellipses of three and four dots, "?” he asked", a full stop
// without a space ("world.Today"), headlines and list items. docs/SEGMENTATION.md says why.
#ifndef HEARSAY_DETAIL_SENTENCE_JUDGE_HPP
#define HEARSAY_DETAIL_SENTENCE_JUDGE_HPP

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/sentence_text.hpp"
#include "hearsay/detail/unicode.hpp"

namespace hearsay::detail {

class boundary_judge {
 public:
  /// `language` is the document's segmentation data; `english` says it is English (whose word
  /// classes live in `lex`'s main tables).
  boundary_judge(std::string_view text, const lexicon_data& lex,
                 const language_segmentation& language, bool english)
      : text_(text), lex_(lex), language_(language), english_(english), lines_(text) {}

  /// Where the sentence being built starts: chunks and words before it are not looked at.
  void set_floor(std::size_t floor) noexcept { floor_ = floor; }

  /// Decide whether a sentence ends in `g`.
  bool keep(const gap& g) const {
    if (g.end == 0 || g.start >= text_.size()) return false;
    const std::string_view between = text_.substr(g.end, g.start - g.end);
    auto newlines = std::count(between.begin(), between.end(), '\n');
    if (between.find("\u2029") != std::string_view::npos) newlines += 2;  // paragraph separator
    if (between.find("\u2028") != std::string_view::npos) newlines += 1;  // line separator
    if (newlines >= 2) return true;  // a blank line always ends a sentence
    if (newlines == 0 && between.find('\r') != std::string_view::npos) return true;  // old Mac
    if (!has_word_before(g.end)) return false;  // ". . ." alone, a bullet alone
    std::size_t last = g.end;
    UChar32 end_char = prev_cp(text_, last);
    // Look through closing quotes and brackets to the final stop.
    std::size_t stop_pos = last;
    UChar32 stop = end_char;
    std::size_t stop_end = g.end;
    while (is_quote_or_close(stop) && stop_pos > floor_) {
      stop_end = stop_pos;
      stop = prev_cp(text_, stop_pos);
      // « C’est fini. »: French sets a (no-break) space inside the guillemets.
      while (is_space(stop) && stop_pos > floor_) stop = prev_cp(text_, stop_pos);
    }
    const bool quoted = stop_end < g.end;
    const bool terminal = is_sentence_terminal(stop) || is_extra_terminal(stop);
    std::size_t next_i = g.start;
    const UChar32 next = next_cp(text_, next_i);
    if (newlines == 1 && !terminal) return keep_line_break(g, end_char);
    if (!terminal) return false;
    // 「来年も続ける。」と述べた: a quotation, then a particle that goes on with the sentence.
    if (quoted && g.start == g.end &&
        u_getIntPropertyValue(next, UCHAR_SCRIPT) == USCRIPT_HIRAGANA) {
      return false;
    }
    if (next == 0x2014 || next == 0x2013) return dash_opens_sentence(g.start);  // "? — Oui"
    if (u_islower(next)) {
      // "iPhone sales rose" starts a sentence; "?” he asked" does not.
      return !is_abbreviation_end(stop_pos) && starts_camel_case(g.start);
    }
    if (stop != '.' && stop != 0x2026) {
      // A terminal only this language has (Greek ";", Armenian ":" for ։): before white space
      // and a capital, a line end or a quotation mark.
      if (is_extra_terminal(stop) && !is_sentence_terminal(stop) &&
          (g.start == g.end ||
           !(u_isupper(next) || newlines > 0 || u_hasBinaryProperty(next, UCHAR_QUOTATION_MARK)))) {
        return false;
      }
      // "“Is it over?” Ruiz asked.": a quoted question or exclamation, then its speaker.
      return !(quoted && english_ && speaker_and_verb_follow(g.start));
    }
    if (is_list_number(stop_pos)) return false;         // "1. First item"
    if (next == '.') return keep_before_dots(g.start);  // "compounds. . . . The practice"
    const std::size_t dots = dots_ending_at(stop_pos);
    if (stop == 0x2026 || dots >= 3) {
      if (newlines > 0) return true;
      if (!u_isupper(next)) return false;
      // ". . . I didn't mean it": the pronoun is capitalised anywhere; a four-dot ellipsis
      // (an omission, then the full stop) ends the sentence all the same.
      return dots >= 4 || !(english_ && is_pronoun_i(g.start));
    }
    if (g.start == g.end) return keep_without_space(stop_pos, g.start);
    return keep_after_period(stop_pos, g.start, newlines > 0);
  }

 private:
  bool is_extra_terminal(UChar32 c) const {
    if (language_.terminals.empty() || c < 0) return false;
    char buf[4];
    std::size_t n = 0;
    if (c < 0x80) {
      buf[n++] = static_cast<char>(c);
    } else {
      std::int32_t len = 0;
      UBool err = false;
      U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, c, err);
      if (err) return false;
      n = static_cast<std::size_t>(len);
    }
    return language_.terminals.find(std::string_view(buf, n)) != std::string::npos;
  }

 public:
  // Some letter or digit lies between the sentence's start and `end`.
  bool has_word_before(std::size_t end) const {
    std::size_t i = floor_;
    while (i < end) {
      const auto b = static_cast<unsigned char>(text_[i]);
      if (b < 0x80) {
        if (std::isalnum(b)) return true;
        ++i;
        continue;
      }
      if (u_isalnum(next_cp(text_, i))) return true;
    }
    return false;
  }

 private:
  // A lone newline ends a headline, byline or list item, not a line of wrapped prose.
  bool keep_line_break(const gap& g, UChar32 end_char) const {
    if (end_char == ',' || end_char == ';' || end_char == '-' || end_char == 0x2013 ||
        end_char == 0x2014 || end_char == '(' || end_char == 0x060C) {
      return false;
    }
    std::size_t i = g.start;
    const UChar32 next = next_cp(text_, i);
    if (is_list_marker(g.start)) return true;
    if (u_islower(next)) return lines_.items(g.end);
    if (!english_) return true;
    const std::string last = lower_word_before(g.end);
    const word_entry* e = lex_.find(last);
    if (e && (e->classes & (wc_determiner | wc_preposition | wc_coordinator))) return false;
    return true;
  }

  bool is_list_marker(std::size_t i) const {
    const std::string_view rest = text_.substr(i, 8);
    if (rest.starts_with("- ") || rest.starts_with("* ") || rest.starts_with("\u2013 ") ||
        rest.starts_with("\u2014 ")) {
      return true;
    }
    std::size_t k = i;
    if (static_cast<unsigned char>(rest[0]) == 0xE2 && is_bullet(next_cp(text_, k))) return true;
    k = 0;
    while (k < rest.size() && std::isdigit(static_cast<unsigned char>(rest[k]))) ++k;
    return k > 0 && k + 1 < rest.size() && (rest[k] == '.' || rest[k] == ')') && rest[k + 1] == ' ';
  }

  // The lower-cased word (letters, digits, apostrophes) ending at byte `end`.
  std::string lower_word_before(std::size_t end) const {
    std::size_t b = end;
    while (b > floor_) {
      std::size_t p = b;
      const UChar32 c = prev_cp(text_, p);
      if (!(u_isalnum(c) || c == '\'' || c == 0x2019)) break;
      b = p;
    }
    return unicode_lower(text_.substr(b, end - b));
  }

  // The white-space delimited chunk that ends with the period at `period`, without leading
  // brackets or quotes: "(U.S." gives "U.S.".
  std::string_view chunk_ending_at(std::size_t period) const {
    std::size_t b = period;
    while (b > floor_) {
      std::size_t p = b;
      if (is_chunk_edge(prev_cp(text_, p))) break;
      b = p;
    }
    return text_.substr(b, period + 1 - b);
  }

  // The chunk that starts at byte `i`, up to white space.
  std::string_view chunk_starting_at(std::size_t i) const {
    std::size_t e = i;
    while (e < text_.size()) {
      std::size_t after = e;
      if (is_space(next_cp(text_, after))) break;
      e = after;
    }
    return text_.substr(i, e - i);
  }

  /// The kind of the abbreviation that ends with the period at `period` (one of several parts:
  /// "z. B." ends at "B.", "i. d. R." at "R."), or nullptr. `inside` is set when the period is
  /// an inner part's and the rest follows at `next_start`.
  const abbreviation_kind* abbreviation_at(std::size_t period, std::size_t next_start,
                                           bool& inside) const {
    inside = false;
    const std::string_view chunk = chunk_ending_at(period);
    if (chunk.size() < 2) return nullptr;
    if (chunk.size() <= 24) {
      // The common case first, without allocating: a plain ASCII word that is no abbreviation and
      // follows no other part ("said.").
      char lower[24];
      bool plain = true;
      for (std::size_t k = 0; k < chunk.size() && plain; ++k) {
        const char c = chunk[k];
        plain = static_cast<unsigned char>(c) < 0x80 && c != '\'';
        lower[k] = chunk.size() == 2 || c < 'A' || c > 'Z' ? c : static_cast<char>(c - 'A' + 'a');
      }
      const std::size_t start = period + 1 - chunk.size();
      const bool after_part =
          start >= floor_ + 2 && text_[start - 1] == ' ' && text_[start - 2] == '.';
      if (plain && !after_part &&
          !language_.find_abbreviation(std::string_view(lower, chunk.size()))) {
        return nullptr;
      }
    }
    // The parts: up to two before (each a chunk ending with a period, one space between), this
    // one, up to two after.
    std::string parts[5];
    int first = 2, last = 2;
    const std::string_view unelided = elided(chunk);
    parts[2] = abbreviation_key_of(unelided);
    std::size_t chunk_start = period + 1 - chunk.size();
    for (int k = 1; k >= 0; --k) {
      if (chunk_start < floor_ + 2 || text_[chunk_start - 1] != ' ' ||
          text_[chunk_start - 2] != '.') {
        break;
      }
      const std::string_view before = chunk_ending_at(chunk_start - 2);
      parts[k] = abbreviation_key_of(before);
      first = k;
      chunk_start = chunk_start - 1 - before.size();
    }
    const auto join = [&](int from, int to) {
      std::string key = parts[from];
      for (int k = from + 1; k <= to; ++k) key += "_" + parts[k];
      return key;
    };
    // Every listed abbreviation that ends here (its leading parts are listed as `part`); without
    // one, the period belongs to no abbreviation.
    const abbreviation_kind* ending[3] = {nullptr, nullptr, nullptr};
    bool any = false;
    for (int from = first; from <= 2; ++from) {
      ending[from] = language_.find_abbreviation(from == 2 ? parts[2] : join(from, 2));
      any = any || ending[from];
    }
    if (!any) {
      if (unelided.size() == chunk.size()) return nullptr;  // "l’art.": "art." was looked up
      const abbreviation_kind* whole = language_.find_abbreviation(abbreviation_key_of(chunk));
      return whole && *whole != abbreviation_kind::part ? whole : nullptr;
    }
    // A leading part: does the rest follow ("z." then "B.")? Then no boundary here.
    std::size_t at = next_start;
    for (int k = 3; k <= 4 && at < text_.size() && at > period + 1; ++k) {
      const std::string_view next = chunk_starting_at(at);
      const std::size_t dot = next.find('.');
      if (dot == std::string_view::npos) break;
      parts[k] = abbreviation_key_of(next.substr(0, dot + 1));
      last = k;
      if (dot + 1 < next.size() || at + next.size() >= text_.size() ||
          text_[at + next.size()] != ' ') {
        break;
      }
      at += next.size() + 1;
    }
    for (int from = first; from <= 2 && !inside; ++from) {
      if (!ending[from] || *ending[from] != abbreviation_kind::part) continue;
      for (int to = 3; to <= last; ++to) {
        if (language_.find_abbreviation(join(from, to))) inside = true;
      }
    }
    // The longest listed abbreviation that ends here.
    for (int from = first; from <= 2; ++from) {
      if (ending[from] && *ending[from] != abbreviation_kind::part) return ending[from];
    }
    return nullptr;
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
    while (b > floor_ && std::isdigit(static_cast<unsigned char>(text_[b - 1]))) --b;
    if (b == period) return false;
    std::size_t k = b;
    while (k > 0 && text_[k - 1] == ' ') --k;
    if (k > 0) {  // "• 9." and "⁃9.": a bullet before the number
      std::size_t p = k;
      if (is_bullet(prev_cp(text_, p))) k = p;
    }
    return k == 0 || text_[k - 1] == '\n' || k == floor_;
  }

  // The word before byte `at` (across spaces) starts with a lower-case letter ("vitamin D.").
  bool follows_lowercase_word(std::size_t at) const {
    std::size_t i = at;
    while (i > floor_ && text_[i - 1] == ' ') --i;
    if (i == at) return false;
    std::size_t start = i;
    while (start > floor_) {
      std::size_t p = start;
      if (!u_isalpha(prev_cp(text_, p))) break;
      start = p;
    }
    if (start == i) return false;
    std::size_t k = start;
    return u_islower(next_cp(text_, k));
  }

  // Another initial ("P.", "С.") starts at byte `i`.
  bool initial_at(std::size_t i) const {
    if (i >= text_.size()) return false;
    std::size_t k = i;
    const UChar32 c = next_cp(text_, k);
    return u_isupper(c) && k < text_.size() && text_[k] == '.';
  }

  // How many dots end at `period`, single spaces between them allowed (". . ." is three).
  std::size_t dots_ending_at(std::size_t period) const {
    std::size_t n = 1, i = period;
    while (i > floor_) {
      if (text_[i - 1] == '.') {
        --i;
      } else if (i >= floor_ + 2 && text_[i - 1] == ' ' && text_[i - 2] == '.') {
        i -= 2;
      } else {
        break;
      }
      ++n;
    }
    return n;
  }

  // A dialogue dash at `dash` ("— Oui, j’arrive.", "—¿Vienes?") opens a sentence when a
  // capitalised word follows it; "—respondió" goes on with the one before.
  bool dash_opens_sentence(std::size_t dash) const {
    std::size_t i = dash;
    next_cp(text_, i);
    while (i < text_.size()) {
      std::size_t after = i;
      const UChar32 c = next_cp(text_, after);
      if (u_isalnum(c)) return u_isupper(c) || u_isdigit(c);
      i = after;
    }
    return false;
  }

  // A full stop, then a spaced ellipsis at `dots` (". . . The", ". . . ."): the stop ends the
  // sentence when a capitalised word follows the ellipsis.
  bool keep_before_dots(std::size_t dots) const {
    std::size_t i = dots;
    while (i < text_.size() && (text_[i] == '.' || text_[i] == ' ')) ++i;
    if (i >= text_.size()) return false;
    std::size_t k = i;
    return u_isupper(next_cp(text_, k));
  }

  bool is_abbreviation_end(std::size_t period) const {
    if (text_[period] != '.') return false;
    bool inside = false;
    return abbreviation_at(period, SIZE_MAX, inside) || is_initials(chunk_ending_at(period));
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

  // The word at `start` is "I" (or "I'm", "I've"): capitalised wherever it stands.
  bool is_pronoun_i(std::size_t start) const {
    if (text_[start] != 'I') return false;
    const std::size_t after = start + 1;
    if (after >= text_.size()) return true;
    const auto c = static_cast<unsigned char>(text_[after]);
    return !std::isalnum(c) && c != '.';
  }

  // The next word opens a sentence: a typical opener of the language, or a title abbreviation
  // ("… at 6 P.M. Mr. Smith then went").
  bool next_is_sentence_opener(std::size_t start) const {
    std::size_t e = start;
    while (e < text_.size()) {
      std::size_t after = e;
      const UChar32 c = next_cp(text_, after);
      if (!(u_isalnum(c) || c == '\'' || c == 0x2019 || (c >= 0x300 && c <= 0x36F))) break;
      e = after;
    }
    const std::string word = unicode_lower(text_.substr(start, e - start));
    if (e < text_.size() && text_[e] == '.') {  // an abbreviation or an initial, no word
      const abbreviation_kind* k =
          language_.find_abbreviation(abbreviation_key_of(text_.substr(start, e + 1 - start)));
      return k && *k == abbreviation_kind::title;
    }
    if (!language_.openers.empty() && language_.openers.count(word)) return true;
    if (!english_) return false;
    const word_entry* w = lex_.find(word);
    return w && (w->classes & (wc_sentence_opener | wc_pronoun | wc_determiner));
  }

  // The sentence so far is only a preposition and a number or two before the abbreviation
  // starting at `chunk_start` ("At 5 a.m.", "By 7 a.m."): an opening adverbial, not a sentence.
  bool only_opening_adverbial(std::size_t chunk_start) const {
    if (!english_) return false;
    const std::string_view before = text_.substr(floor_, chunk_start - floor_);
    std::size_t words = 0, i = 0;
    std::string first;
    while (i < before.size()) {
      while (i < before.size() && before[i] == ' ') ++i;
      std::size_t j = i;
      while (j < before.size() && before[j] != ' ') ++j;
      if (j > i) {
        if (words == 0) first = ascii_lower(before.substr(i, j - i));
        ++words;
      }
      i = j;
    }
    if (words == 0 || words > 3) return false;
    const word_entry* w = lex_.find(first);
    return w && (w->classes & wc_preposition);
  }

  // A full stop with no space after it and a capitalised word on ("world.Today"): a sentence
  // ends unless the stop belongs to an abbreviation, a domain, an address or initials.
  bool keep_without_space(std::size_t period, std::size_t next_start) const {
    std::size_t b = period;
    while (b > floor_) {
      std::size_t p = b;
      if (is_space(prev_cp(text_, p))) break;
      b = p;
    }
    const std::string_view token = text_.substr(b, next_start - b);
    const std::string_view rest = chunk_starting_at(next_start);
    for (const std::string_view part : {token, rest}) {
      if (part.find('@') != part.npos || part.find("://") != part.npos ||
          part.find("www.") != part.npos) {
        return false;
      }
    }
    // "news.Example.com": a name with a further inner dot is a domain or a file.
    const std::size_t inner = rest.find('.');
    if (inner != std::string_view::npos && inner + 1 < rest.size() &&
        std::isalnum(static_cast<unsigned char>(rest[inner + 1]))) {
      return false;
    }
    bool inside = false;
    if (abbreviation_at(period, next_start, inside) || inside) return false;
    // The word before the stop: lower-case letters (two or more) or a number.
    std::size_t w = period;
    std::size_t letters = 0;
    bool lower = true;
    while (w > b) {
      std::size_t p = w;
      const UChar32 c = prev_cp(text_, p);
      if (!u_isalnum(c) && c != ',') break;
      if (u_isalpha(c)) {
        ++letters;
        if (!u_islower(c)) lower = false;
      }
      w = p;
    }
    std::size_t first = w;
    const UChar32 head = w < period ? next_cp(text_, first) : 0;
    if (letters == 0) return w < period;  // "1,000.That"
    return letters >= 2 && (lower || (u_isupper(head) && letters >= 3 && lower_after(w)));
  }
  // Only lower-case letters follow the first of the word at `w` ("Tuesday").
  bool lower_after(std::size_t w) const {
    std::size_t k = w;
    next_cp(text_, k);
    while (k < text_.size()) {
      std::size_t after = k;
      const UChar32 c = next_cp(text_, after);
      if (!u_isalpha(c)) return true;
      if (!u_islower(c)) return false;
      k = after;
    }
    return true;
  }

  bool keep_after_period(std::size_t period, std::size_t next_start, bool newline) const {
    const std::string_view chunk = chunk_ending_at(period);
    bool inside = false;
    const abbreviation_kind* found = abbreviation_at(period, next_start, inside);
    if (inside) return newline;
    std::size_t k = next_start;
    const UChar32 next = next_cp(text_, k);
    if (found) {
      switch (*found) {
        case abbreviation_kind::title:
        case abbreviation_kind::part:
          return false;
        case abbreviation_kind::number:
          return !u_isdigit(next) && (newline || next_is_sentence_opener(next_start));
        case abbreviation_kind::final:  // "usw.", "т. д.": before any capitalised word
          return newline || u_isupper(next) || !u_isalpha(next);
        case abbreviation_kind::ambiguous:
          if (newline) return true;
          if (only_opening_adverbial(period + 1 - chunk.size())) return false;
          return next_is_sentence_opener(next_start);
      }
    }
    if (is_initials(chunk)) {
      // "vitamin D. Doctors …" ends; "the firm J. P. Harlan" and "George W. Pruitt" do not.
      std::size_t letter = 0;
      next_cp(chunk, letter);
      if (letter + 1 == chunk.size() && follows_lowercase_word(period + 1 - chunk.size()) &&
          !initial_at(next_start)) {
        return true;
      }
      return newline || next_is_sentence_opener(next_start);
    }
    if (language_.ordinal_dot && is_ordinal(chunk) && u_isalpha(next)) {
      // "am 3. Oktober", "der 2. Weltkrieg": an ordinal, unless a sentence clearly begins.
      return newline || next_is_sentence_opener(next_start);
    }
    return true;
  }

  std::string_view text_;
  const lexicon_data& lex_;
  const language_segmentation& language_;
  bool english_;
  std::size_t floor_ = 0;
  line_blocks lines_;
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_SENTENCE_JUDGE_HPP
