// Candidate boundaries the segmenter adds to ICU's rules' (which never end a sentence before a
// numeral or a lower-case word, inside "world.Today", before a list item without a full stop or
// after a Greek question mark), and the list items found in a text: an item's number is never a
// sentence of its own, and every item starts one.
#ifndef HEARSAY_DETAIL_SENTENCE_CANDIDATES_HPP
#define HEARSAY_DETAIL_SENTENCE_CANDIDATES_HPP

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/sentence_text.hpp"
#include "hearsay/detail/swar.hpp"
#include "hearsay/detail/unicode.hpp"

namespace hearsay::detail {

/// How many of the eight bytes at `p` lead with ASCII other than ". ? ! )".
inline std::size_t quiet_prefix8(const char* p) noexcept {
  const std::uint64_t x = swar::load8(p);
  const std::uint64_t stop = (x & swar::highs) | swar::equal_to(x, '.') | swar::equal_to(x, '?') |
                             swar::equal_to(x, '!') | swar::equal_to(x, ')');
  return stop ? swar::first_byte(stop) : 8;
}

/// A list item's number or letter ("1.", "2.)", "b)", "(c)", "• 9.", "⁃10."), as found.
struct list_marker {
  std::size_t start;    ///< The marker's first byte (its bullet's, if any).
  std::size_t item;     ///< The item's first byte, past the marker and its spaces.
  std::uint32_t value;  ///< 1 for "1." and "a.".
  std::uint8_t style;   ///< Digits or letter, and the punctuation after it.
  bool opens_line;      ///< At a line's start, after a colon, a bullet or a sentence's end.
};

/// What the scan found beyond ICU's candidates.
struct candidate_scan {
  std::vector<std::size_t> forced;  ///< A sentence starts here (a list item), sorted.
  std::vector<std::pair<std::size_t, std::size_t>> inside;  ///< (start, end]: no break, sorted.
};

// The list marker whose punctuation is at `i` ('.' or ')'), if any.
inline bool marker_at(std::string_view text, std::size_t i, list_marker& m) {
  const std::size_t n = text.size();
  // Quick refusals first: a digit or a lower-case letter before, white space, a bullet, a
  // bracket or the text's start before that.
  const auto ahead = static_cast<unsigned char>(text[i - 1]);
  if (!(std::isdigit(ahead) || (ahead >= 'a' && ahead <= 'z'))) return false;
  if (!std::isdigit(ahead) && i >= 2) {
    const auto b2 = static_cast<unsigned char>(text[i - 2]);
    if (!(b2 == ' ' || b2 == '\n' || b2 == '\t' || b2 == '(' || b2 >= 0x80)) return false;
  }
  std::size_t end = i + 1;
  std::uint8_t style = text[i] == ')' ? 1 : 0;
  if (text[i] == '.' && end < n && text[end] == ')') {
    style = 2;
    ++end;
  }
  if (end >= n || text[end] != ' ') return false;
  std::size_t item = end;
  while (item < n && text[item] == ' ') ++item;
  if (item >= n) return false;
  std::size_t k = item;
  const UChar32 first = next_cp(text, k);
  if (!(u_isupper(first) || u_isdigit(first))) return false;
  // The number (one to three digits) or one lower-case letter before the punctuation.
  std::size_t b = i;
  while (b > 0 && i - b < 3 && std::isdigit(static_cast<unsigned char>(text[b - 1]))) --b;
  std::uint32_t value = 0;
  if (b < i) {
    if (b > 0 && std::isdigit(static_cast<unsigned char>(text[b - 1]))) return false;
    for (std::size_t d = b; d < i; ++d)
      value = value * 10 + static_cast<std::uint32_t>(text[d] - '0');
  } else if (i > 0 && text[i - 1] >= 'a' && text[i - 1] <= 'z') {
    b = i - 1;
    value = static_cast<std::uint32_t>(text[b] - 'a' + 1);
    style = static_cast<std::uint8_t>(style + 3);
  } else {
    return false;
  }
  std::size_t start = b;
  if (start > 0 && text[start - 1] == '(' && text[i] == ')') --start;
  // What stands before: the text's start, white space or a bullet.
  std::size_t p = start;
  bool opens = p == 0;
  if (p > 0) {
    std::size_t q = p;
    const UChar32 before = prev_cp(text, q);
    if (is_bullet(before)) {
      start = q;
      opens = true;
    } else if (!is_space(before)) {
      return false;
    } else {
      while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
      if (p > 0) {
        q = p;
        const UChar32 c = prev_cp(text, q);
        if (is_bullet(c)) {
          start = q;
          opens = true;
        } else {
          opens = c == '\n' || c == ':' || c == '.' || c == '!' || c == '?';
        }
      } else {
        opens = true;
      }
    }
  }
  m = list_marker{start, item, value, style, opens};
  return true;
}

/// Runs of list markers numbered one after another ("1.) … 2.) …", "a. … b. …"), the first at a
/// line's start, after a colon or a sentence: each marker starts a sentence, and nothing inside a
/// marker ends one.
inline void add_list_items(std::string_view text, const std::vector<list_marker>& markers,
                           candidate_scan& out) {
  std::vector<bool> item(markers.size(), false);
  std::vector<bool> run_open(markers.size(), false);
  // Linear in the text and the markers (a paragraph may hold thousands of "2." that never
  // follow one another): the blank lines are found once, and each marker's successor (same
  // style, next value) is looked up instead of searched for.
  std::vector<std::size_t> blank_lines;
  for (std::size_t at = text.find("\n\n"); at != std::string_view::npos;
       at = text.find("\n\n", at + 1)) {
    blank_lines.push_back(at);
  }
  std::map<std::pair<std::uint8_t, std::uint32_t>, std::vector<std::size_t>> by_key;
  for (std::size_t j = 0; j < markers.size(); ++j) {
    by_key[{markers[j].style, markers[j].value}].push_back(j);
  }
  for (std::size_t k = 0; k + 1 < markers.size(); ++k) {
    const list_marker& a = markers[k];
    const auto found = by_key.find({a.style, a.value + 1});
    if (found == by_key.end()) continue;
    const std::vector<std::size_t>& later = found->second;
    const auto next = std::upper_bound(later.begin(), later.end(), k);
    if (next == later.end()) continue;
    const std::size_t j = *next;
    const list_marker& b = markers[j];
    // No blank line between the two items, and words in the first.
    const auto blank = std::lower_bound(blank_lines.begin(), blank_lines.end(), a.item);
    if (blank != blank_lines.end() && *blank < b.start) continue;
    if (b.start <= a.item) continue;
    const std::string_view between = text.substr(a.item, b.start - a.item);
    const bool words = std::any_of(between.begin(), between.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!words) continue;
    if (a.opens_line || run_open[k]) {
      item[k] = item[j] = true;
      run_open[j] = true;
    }
  }
  for (std::size_t k = 0; k < markers.size(); ++k) {
    if (!item[k]) continue;
    out.forced.push_back(markers[k].start);
    out.inside.emplace_back(markers[k].start, markers[k].item);
  }
}

/// Append to `candidates` the boundaries ICU's rules never propose but the judge should see;
/// fill `scan` with list items. `language` may add terminals (Greek ";").
inline void add_candidates(std::string_view text, const language_segmentation& language,
                           std::vector<std::size_t>& candidates, candidate_scan& scan) {
  // Past the bytes that cannot add a candidate (ASCII other than stops) to the next that may: a
  // stop, a bracket, or a lead byte such as U+2026's.
  static const swar::byte_run<quiet_prefix8> quiet(
      [](unsigned char b) { return b < 0x80 && b != '.' && b != '?' && b != '!' && b != ')'; });
  std::vector<list_marker> markers;
  const std::size_t n = text.size();
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto is_upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  for (std::size_t i = 0; i < n; ++i) {
    i = quiet.end(text, i);
    if (i >= n) break;
    const char c = text[i];
    if ((c == '.' || c == ')') && i > 0) {
      list_marker m;
      if (marker_at(text, i, m)) markers.push_back(m);
    }
    if ((c == '.' || c == '?' || c == '!') && i + 2 < n && text[i + 1] == ' ' &&
        (std::isdigit(static_cast<unsigned char>(text[i + 2])) || is_lower(text[i + 2]))) {
      // ICU never ends a sentence before a numeral or a lower-case word; the judge decides
      // ("in 2022. 2023 was better.", "record revenue. iPhone sales rose").
      candidates.push_back(i + 1);
    } else if (i + 4 < n && text[i + 1] == ' ' && static_cast<unsigned char>(text[i + 2]) == 0xE2 &&
               text[i + 3] == '\x80' && (text[i + 4] == '\x94' || text[i + 4] == '\x93') &&
               (c == '.' || c == '?' || c == '!')) {
      candidates.push_back(i + 1);  // "? — Oui": ICU joins a dash (SContinue, rule SB8a)
    } else if (c == '.' && i > 0 && i + 2 < n && is_upper(text[i + 1]) && is_lower(text[i + 2]) &&
               (is_lower(text[i - 1]) || std::isdigit(static_cast<unsigned char>(text[i - 1])))) {
      candidates.push_back(i + 1);  // "world.Today" (ICU's rule SB7 joins "U.S")
    } else if (c == '.' && i > 0 && i + 2 < n && text[i + 2] == '.' &&
               text.substr(i + 1, 6) == " . . ." &&
               std::isalpha(static_cast<unsigned char>(text[i - 1]))) {
      candidates.push_back(i + 1);  // "compounds. . . . The": the stop, then an ellipsis
    } else if (static_cast<unsigned char>(c) == 0xE2 && text.substr(i, 3) == "\u2026") {
      std::size_t k = i + 3;
      while (k < n) {
        std::size_t after = k;
        if (!is_quote_or_close(next_cp(text, after))) break;
        k = after;
      }
      candidates.push_back(k);
    } else if (static_cast<unsigned char>(c) == 0xE2 && i > 0 && text[i - 1] == ' ') {
      std::size_t after = i;
      if (is_bullet(next_cp(text, after))) {
        // "… item • The next": a bullet inside a line starts an item.
        std::size_t b = i;
        while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
        if (b > 0 && text[b - 1] != '\n') scan.forced.push_back(i);
      }
    }
  }
  if (!language.terminals.empty()) {
    // Terminals of the language that ICU does not know (Greek ";"): a candidate after each,
    // past closing quotes.
    for (std::size_t i = 0; i < n;) {
      const std::size_t at = i;
      const UChar32 cp = next_cp(text, i);
      std::size_t k = i;
      if (cp < 0x80 ? language.terminals.find(static_cast<char>(cp)) == std::string::npos
                    : language.terminals.find(text.substr(at, i - at)) == std::string::npos) {
        continue;
      }
      while (k < n) {
        std::size_t after = k;
        if (!is_quote_or_close(next_cp(text, after))) break;
        k = after;
      }
      candidates.push_back(k);
    }
  }
  if (markers.size() >= 2) add_list_items(text, markers, scan);
  std::sort(scan.forced.begin(), scan.forced.end());
  std::sort(scan.inside.begin(), scan.inside.end());
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_SENTENCE_CANDIDATES_HPP
