// Text helpers of sentence segmentation: the gap between candidate sentences, closing quotes,
// bullets, abbreviation lookup keys ("l’art." -> "art.", "M." keeps its case), initials and
// ordinals, and the line blocks that tell wrapped prose from one item a line.
#ifndef HEARSAY_DETAIL_SENTENCE_TEXT_HPP
#define HEARSAY_DETAIL_SENTENCE_TEXT_HPP

#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

#include "hearsay/detail/unicode.hpp"

namespace hearsay::detail {

/// The gap between two candidate sentences: [end of the first, start of the next).
struct gap {
  std::size_t end;    // one past the last non-space byte before the boundary
  std::size_t start;  // first non-space byte after the boundary
};

/// A quotation mark or bracket that may stand between a sentence's final stop and its end:
/// closing ones of every convention (”, “ and ‘ in German, », « in German, 」, 』, ）).
inline bool is_quote_or_close(UChar32 c) noexcept {
  if (is_closing(c)) return true;
  switch (c) {
    case 0x201C:  // “ closes „
    case 0x2018:  // ‘ closes ‚
    case 0x00AB:  // « closes » (German)
    case 0x2039:
    case 0xFF09:  // ）
    case 0x3011:  // 】
    case 0x3009:  // 〉
    case 0x300B:  // 》
    case 0xFF02:
    case 0xFF07:
      return true;
    default:
      return false;
  }
}

/// A full stop, an ellipsis or a sentence terminal of any script (Unicode STerm: ? ! 。 ؟ । ։ ။ ።),
/// but not Burmese ၊ (a comma, though STerm); ASCII is decided without ICU.
inline bool is_sentence_terminal(UChar32 c) noexcept {
  if (c < 0x80) return c == '.' || c == '?' || c == '!';
  return c == 0x2026 || (c != 0x104A && u_hasBinaryProperty(c, UCHAR_S_TERM));
}

/// A bullet that starts a list item: • ‣ ⁃ ◦ ▪ ●.
inline bool is_bullet(UChar32 c) noexcept {
  return c == 0x2022 || c == 0x2023 || c == 0x2043 || c == 0x25E6 || c == 0x25AA || c == 0x25CF;
}

/// A code point of the word characters abbreviations and openers are made of.
inline bool is_word_char(UChar32 c) noexcept {
  return u_isalnum(c) || c == '\'' || c == 0x2019 || c == '-' || (c >= 0x300 && c <= 0x36F) ||
         u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK;
}

inline bool is_chunk_edge(UChar32 c) {
  return is_space(c) || c == '(' || c == '[' || c == '"' || c == 0x201C || c == 0x2018 ||
         c == 0x201E || c == 0x201A || c == 0x00AB || c == 0x00BB || c == 0x00BF || c == 0x00A1 ||
         c == 0x2014 || c == 0x300C || c == 0x300E;
}

// The lookup key of a chunk: a single letter and its period as written, longer ones lowered.
inline std::string abbreviation_key_of(std::string_view chunk) {
  std::size_t i = 0;
  if (!chunk.empty()) next_cp(chunk, i);
  return i + 1 == chunk.size() ? std::string(chunk) : unicode_lower(chunk);
}

// The key of a chunk after an elided article or preposition: "l’art." gives "art.".
inline std::string_view elided(std::string_view chunk) {
  const std::size_t straight = chunk.rfind('\'');
  const std::size_t curly = chunk.rfind("\u2019");
  std::size_t cut = std::string_view::npos;
  if (straight != std::string_view::npos) cut = straight + 1;
  if (curly != std::string_view::npos && (cut == std::string_view::npos || curly + 3 > cut)) {
    cut = curly + 3;
  }
  return cut == std::string_view::npos || cut >= chunk.size() ? chunk : chunk.substr(cut);
}

// "J." or "J.R." or "А.С." or "J.-P." (a capital letter and a period, repeated).
inline bool is_initials(std::string_view chunk) {
  if (chunk.size() < 2) return false;
  std::size_t i = 0;
  while (i < chunk.size()) {
    if (!u_isupper(next_cp(chunk, i)) || i >= chunk.size() || chunk[i] != '.') return false;
    ++i;
    if (i + 1 < chunk.size() && chunk[i] == '-') ++i;
  }
  return true;
}

// One to three digits and a period: "3.", "80.".
inline bool is_ordinal(std::string_view chunk) {
  if (chunk.size() < 2 || chunk.size() > 4) return false;
  for (std::size_t i = 0; i + 1 < chunk.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(chunk[i]))) return false;
  }
  return true;
}

/// Whether the lines of a block (between blank lines) are one item a line or wrapped prose; the
/// answer is kept for the block's next lines.
class line_blocks {
 public:
  explicit line_blocks(std::string_view text) : text_(text) {}

  // The block of lines around byte `at` (between blank lines) is one item a line, not wrapped
  // prose: none of its lines ends with a sentence terminal. Wrapped prose ends with one. The
  // lines after `at` are read first, and the first that ends with a terminal decides.
  bool items(std::size_t at) const {
    if (at < prose_until_) return false;  // a line of this block below ends with a terminal
    if (at >= block_from_ && at < block_to_) return block_items_;  // this block was read
    constexpr std::size_t reach = 4096;                            // a longer block is prose
    // Forward: from the line after `at` to the block's end.
    std::size_t line_start = at;
    while (line_start < text_.size() && text_[line_start] != '\n') ++line_start;
    const std::size_t high = std::min(text_.size(), at + reach);
    while (line_start < text_.size()) {
      ++line_start;  // past the newline
      if (blank_after(line_start)) break;
      std::size_t end = line_start;
      while (end < text_.size() && text_[end] != '\n') ++end;
      if (ends_with_terminal(line_start, end)) {
        prose_until_ = end;
        return false;
      }
      if (end >= high && end < text_.size()) return false;
      line_start = end;
    }
    const std::size_t block_end = line_start;
    // Backward: the lines before the one that ends at `at`.
    std::size_t line_end = at;
    while (line_end > 0 && text_[line_end - 1] != '\n') --line_end;
    const std::size_t low = at > reach ? at - reach : 0;
    while (line_end > 0) {
      --line_end;  // the newline
      if (blank_before(line_end)) break;
      std::size_t begin = line_end;
      while (begin > 0 && text_[begin - 1] != '\n') --begin;
      if (begin <= low && begin > 0) return false;
      if (ends_with_terminal(begin, line_end)) return remember_block(begin, block_end, false);
      line_end = begin;
    }
    return remember_block(line_end, block_end, true);
  }

  // Every line of the block [from, to) was read: the answer holds for all of them.
  bool remember_block(std::size_t from, std::size_t to, bool items) const {
    block_from_ = from;
    block_to_ = to;
    block_items_ = items;
    return items;
  }

  bool ends_with_terminal(std::size_t begin, std::size_t end) const {
    while (end > begin && is_space(static_cast<unsigned char>(text_[end - 1]))) --end;
    if (end == begin) return false;
    std::size_t p = end;
    UChar32 c = prev_cp(text_, p);
    while (is_quote_or_close(c) && p > begin) c = prev_cp(text_, p);
    return is_sentence_terminal(c);
  }

  // Only white space lies between the newline before byte `nl` (exclusive) and it: a blank line.
  bool blank_before(std::size_t nl) const {
    std::size_t k = nl;
    while (k > 0 && (text_[k - 1] == ' ' || text_[k - 1] == '\t' || text_[k - 1] == '\r')) --k;
    return k == 0 || text_[k - 1] == '\n';
  }

  bool blank_after(std::size_t from) const {
    std::size_t k = from;
    while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t' || text_[k] == '\r')) ++k;
    return k >= text_.size() || text_[k] == '\n';
  }

 private:
  std::string_view text_;
  // What items() found out, kept for the next lines of the same block.
  mutable std::size_t prose_until_ = 0;                ///< A line ending with a terminal ends here.
  mutable std::size_t block_from_ = 0, block_to_ = 0;  ///< A block read whole.
  mutable bool block_items_ = false;                   ///< Its answer.
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_SENTENCE_TEXT_HPP
