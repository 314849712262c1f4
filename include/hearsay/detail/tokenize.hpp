// Stage 1 of the analysis: words, numbers and punctuation from ICU's word BreakIterator, each
// looked up once in the lexicon, plus the quotation regions of the whole document.
#ifndef HEARSAY_DETAIL_TOKENIZE_HPP
#define HEARSAY_DETAIL_TOKENIZE_HPP

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <bit>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/swar.hpp"
#include "hearsay/detail/unicode.hpp"
#include "hearsay/detail/word_breaks.hpp"
#include "hearsay/text.hpp"

namespace hearsay::detail {

enum class token_kind : std::uint8_t { word, number, punct };

/// Up to 8 bytes packed into an integer, first byte lowest (0 for longer text): the rules compare
/// tokens with short literals all the time, and one integer compare beats a memcmp call.
HEARSAY_ALWAYS_INLINE constexpr std::uint64_t pack8(std::string_view s) noexcept {
  return s.size() > 8 ? 0 : pack_prefix8(s);
}

/// Return true when `view`, whose pack8() is `packed`, is `literal`.
template <std::size_t N>
HEARSAY_ALWAYS_INLINE bool packed_equals(std::string_view view, std::uint64_t packed,
                                         const char (&literal)[N]) noexcept {
  if constexpr (N - 1 > 8) {
    return view == std::string_view(literal, N - 1);
  } else {
    // The literal's bytes in a loop of known length, which the compiler folds to a constant.
    std::uint64_t expected = 0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
      expected |= std::uint64_t{static_cast<unsigned char>(literal[i])} << (8 * i);
    }
    // The packed bytes first: they rarely match, so the branch is well predicted, and when they
    // do the size almost always does too (the size first would branch on every short word).
    return packed == expected && view.size() == N - 1;
  }
}

/// Return true when `s` ends with the literal `suffix` (inline, for short literals).
template <std::size_t N>
HEARSAY_ALWAYS_INLINE constexpr bool ends_with(std::string_view s,
                                               const char (&suffix)[N]) noexcept {
  if (s.size() < N - 1) return false;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    if (s[s.size() - (N - 1) + i] != suffix[i]) return false;
  }
  return true;
}

// The fields the rules read for every token come first, within 64 bytes; the
// rest (entries, offset) come after.
struct token {
  std::uint64_t lower8 = 0;   ///< pack8(lower).
  std::uint64_t text8 = 0;    ///< pack8(text).
  std::uint64_t classes = 0;  ///< entry->classes, kept here: the rules test it constantly.
  std::string_view lower;     ///< Lower-cased text, in the document's scratch buffer.
  std::string_view text;      ///< Points into the document text.
  token_kind kind = token_kind::punct;
  bool capitalized = false;   ///< A word (not a number) whose first letter is upper-case.
  bool possessive = false;    ///< Ends in 's or ’s.
  bool space_before = false;  ///< White space separates it from the previous token.
  int quote = -1;             ///< Index of the quotation region whose content holds the token.
  const word_entry* entry = nullptr;
  const word_entry* pair = nullptr;  ///< Entry of this word and the next joined by "_", if any.
  std::uint32_t begin = 0;           ///< Byte offset in the document (texts stay below 2 GiB).

  /// Where the token lies in the document.
  span where() const noexcept { return span{begin, begin + text.size()}; }

  bool is(std::uint64_t cls) const noexcept { return (classes & cls) != 0; }
  bool is_word() const noexcept { return kind != token_kind::punct; }
  /// Return true when the lower-cased text is `literal`.
  template <std::size_t N>
  HEARSAY_ALWAYS_INLINE bool lower_is(const char (&literal)[N]) const noexcept {
    return packed_equals(lower, lower8, literal);
  }
  /// Return true when the text is `literal`.
  template <std::size_t N>
  HEARSAY_ALWAYS_INLINE bool text_is(const char (&literal)[N]) const noexcept {
    return packed_equals(text, text8, literal);
  }
  /// Return true for the punctuation token `literal`.
  template <std::size_t N>
  HEARSAY_ALWAYS_INLINE bool is_punct(const char (&literal)[N]) const noexcept {
    return text_is(literal) && kind == token_kind::punct;  // the rare test first, as above
  }
};

/// A quotation: the tokens strictly between its marks, [first, last).
struct quote_region {
  std::size_t open = 0;   ///< Token index of the opening mark.
  std::size_t first = 0;  ///< First content token.
  std::size_t last = 0;   ///< One past the last content token (the closing mark, if any).
  bool closed = false;
  bool continues = false;  ///< Continues the previous region across a paragraph break.
  std::size_t words = 0;
};

inline bool is_open_quote(const token& t) {
  return t.text_is("\u201C") || t.text_is("\u00AB") || t.text_is("\u201E");
}
inline bool is_close_quote(const token& t) { return t.text_is("\u201D") || t.text_is("\u00BB"); }
/// A straight double mark: '"', or two apostrophes ('' in newspaper archives that lost "),
/// which the tokenizer joins into one token.
inline bool is_straight_quote(const token& t) { return t.text_is("\"") || t.text_is("''"); }

/// Lower-case `word` into `out` (ASCII and the curly apostrophe directly, ICU for the rest);
/// return the end of what was written (at most 1.5 times the size of `word`).
inline char* lower_into(std::string_view word, char* out) {
  std::size_t i = 0;
  while (i < word.size()) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      *out++ = (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b);
      ++i;
      continue;
    }
    UChar32 c = next_cp(word, i);
    if (c == 0x2019) {
      *out++ = '\'';  // curly apostrophe: look up "don’t" as "don't"
      continue;
    }
    c = u_tolower(c);
    std::int32_t len = 0;
    U8_APPEND_UNSAFE(out, len, c);
    out += len;
  }
  return out;
}

/// Lower-case `word` and append it to `out`.
inline void append_lower(std::string_view word, std::string& out) {
  const std::size_t at = out.size();
  out.resize(at + word.size() + word.size() / 2 + 4);
  char* const end = lower_into(word, out.data() + at);
  out.resize(static_cast<std::size_t>(end - out.data()));
}

class tokenizer {
 public:
  explicit tokenizer(const lexicon_data& lex) : lex_(lex) {
    UErrorCode status = U_ZERO_ERROR;
    prototype_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !prototype_) {
      throw error("icu_error", error_id::invalid_argument,
                  std::string("cannot create ICU word iterator: ") + u_errorName(status));
    }
  }

  /// Split the paragraph `text[piece]` into tokens (offsets into `text`).
  /// Word boundaries come from the fast path (word_breaks.hpp) when it covers the paragraph, else
  /// from ICU through `icu`, created on first need and kept for the caller's next paragraphs (ICU
  /// iterators keep state, so each thread has its own). `pieces` is scratch; `lower` receives the
  /// lower-cased forms the tokens point into.
  void run(std::unique_ptr<icu::BreakIterator>& icu, std::vector<word_piece>& pieces,
           std::string_view whole, span piece_span, std::vector<token>& tokens,
           std::string& lower) const {
    const std::string_view text = piece_span.of(whole);
    const std::size_t base = piece_span.begin;
    tokens.clear();
    // Lower-casing grows UTF-8 by at most half (U+023A → U+2C65): `lower` is sized once for the
    // paragraph and never reallocates, so tokens point into it as it fills.
    const std::size_t most = text.size() + text.size() / 2 + 16;
    if (lower.size() < most) lower.resize(most);
    char* const lower_base = lower.data();
    std::size_t lower_end = 0;
    bool space = true;  // the first token counts as preceded by white space
    using index = flat_word_index<word_entry>;
    const auto emit = [&](const word_piece& p) HEARSAY_LAMBDA_ALWAYS_INLINE {
      const std::string_view piece(text.data() + p.begin, p.end - p.begin);
      const auto first = static_cast<unsigned char>(piece[0]);
      // White space and control characters (NUL, ESC, DEL, C1 controls) separate words and are
      // never tokens: a stray control byte must not break the frame around it.
      if (first < 0x80 ? (first <= ' ' || first == 0x7F) : starts_with_space(piece)) {
        space = true;
        return;
      }
      token_kind kind = p.status >= UBRK_WORD_LETTER   ? token_kind::word
                        : p.status >= UBRK_WORD_NUMBER ? token_kind::number
                                                       : token_kind::punct;
      const bool ascii_alnum = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') ||
                               (first >= '0' && first <= '9');
      if (kind == token_kind::punct && piece.size() == 1 && ascii_alnum) kind = token_kind::word;
      // Two apostrophes with nothing between ('') are one quotation mark: join them.
      if (first == '\'' && piece.size() == 1 && !space && !tokens.empty() &&
          tokens.back().text.size() == 1 && tokens.back().text[0] == '\'' &&
          tokens.back().begin + 1 == base + p.begin) {
        token& mark = tokens.back();
        lower_base[lower_end] = '\'';
        lower_end += 1;
        mark.text = std::string_view(mark.text.data(), 2);
        mark.lower = std::string_view(mark.lower.data(), 2);
        mark.text8 = mark.lower8 = pack8(mark.text);
        space = p.space_after;
        return;
      }
      char* const out = lower_base + lower_end;
      std::size_t size = piece.size();
      std::uint64_t lower8 = 0, text8 = 0;
      // Setting bit 5 of each byte in 'A'..'Z' lower-cases eight ASCII bytes at once.
      const auto lower_ascii8 = [](std::uint64_t x) {
        const std::uint64_t upper = swar::at_least(x, 'A') & ~swar::at_least(x, 'Z' + 1);
        return x | (upper >> 2);
      };
      if (p.ascii && size <= 8 && swar::usable) {
        // A short ASCII word in one register: its bytes are its pack8() value.
        std::uint64_t x = 0;
        if (p.begin + 8 <= text.size()) {  // a fixed-size load and a mask beat a memcpy call
          x = swar::load8(piece.data());
          if (size < 8) x &= (std::uint64_t{1} << (8 * size)) - 1;
        } else {
          std::memcpy(&x, piece.data(), size);
        }
        text8 = x;
        lower8 = lower_ascii8(x);
        // Eight bytes written, `size` kept: `lower` has room (see `most`), and the next token
        // overwrites the rest.
        std::memcpy(out, &lower8, 8);
      } else if (p.ascii && swar::usable) {
        // Longer: eight bytes a step, the last step overlapping the one before.
        for (std::size_t k = 0; k + 8 < size; k += 8) {
          const std::uint64_t l = lower_ascii8(swar::load8(piece.data() + k));
          std::memcpy(out + k, &l, 8);
        }
        const std::uint64_t l = lower_ascii8(swar::load8(piece.data() + size - 8));
        std::memcpy(out + size - 8, &l, 8);
      } else if (p.ascii) {  // lower-case and pack in one pass
        for (std::size_t k = 0; k < size; ++k) {
          const char c = piece[k];
          const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
          out[k] = l;
          if (k < 8) {
            lower8 |= static_cast<std::uint64_t>(static_cast<unsigned char>(l)) << (8 * k);
            text8 |= static_cast<std::uint64_t>(static_cast<unsigned char>(c)) << (8 * k);
          }
        }
        if (size > 8) lower8 = text8 = 0;
      } else {
        if (size == 3 && first == 0xE2 && (static_cast<unsigned char>(piece[1]) & 0xFE) == 0x80) {
          std::memcpy(out, piece.data(), size);  // U+2000..U+207F: dashes, quotation marks; no case
        } else {
          size = static_cast<std::size_t>(lower_into(piece, out) - out);
        }
        lower8 = pack8(std::string_view(out, size));
        text8 = pack8(piece);
      }
      lower_end += size;
      const std::string_view lowered(out, size);
      const word_entry* entry = nullptr;
      std::uint64_t classes = 0;
      bool possessive = false, capitalized = false;
      if (kind != token_kind::punct) {
        // The index packs the first 8 bytes of longer words too.
        const std::uint64_t packed = size <= 8 ? lower8 : index::pack(lowered);
        const std::uint64_t hash =
            size <= 8 ? index::hash_packed(size, lower8) : index::hash(lowered);
        entry = lex_.find(lowered, hash, packed);
        // Ends in "'s" or "’s" (whose apostrophe was lower-cased to "'").
        // All four tests evaluated: whether a word is possessive is not predictable.
        const std::size_t before_s = size >= 2 ? size - 2 : 0;
        possessive = (kind == token_kind::word) & (piece.size() > 2) & (piece.back() == 's') &
                     (lowered[before_s] == '\'');
        if (!entry && possessive) entry = lex_.find(lowered.substr(0, size - 2));
        if (entry) classes = entry->classes;
        if ((lower8 == pack8("it") && size == 2) || (size == 9 && lowered == "according")) {
          classes |= wc_cue_word;  // they open frames whether the lexicon lists them or not
        }
      }
      if (kind == token_kind::word) {
        if (first < 0x80) {
          capitalized = first >= 'A' && first <= 'Z';
        } else {
          std::size_t k = 0;
          capitalized = u_isupper(next_cp(piece, k));
        }
      }
      // Every field written once (a default-constructed token would be zeroed first, with a
      // `rep stos` that cost more than all the rest of this function).
      tokens.push_back(token{.lower8 = lower8,
                             .text8 = text8,
                             .classes = classes,
                             .lower = lowered,
                             .text = piece,
                             .kind = kind,
                             .capitalized = capitalized,
                             .possessive = possessive,
                             .space_before = space,
                             .quote = -1,
                             .entry = entry,
                             .pair = nullptr,
                             .begin = static_cast<std::uint32_t>(base + p.begin)});
      space = p.space_after;
    };
    if (!for_each_word_piece(text, emit)) {  // a code point the fast path does not cover
      tokens.clear();
      lower_end = 0;
      space = true;
      icu_pieces(icu, text, pieces);
      for (const word_piece& p : pieces) emit(p);
    }
    // Two-word entries ("according to", "expected to", "points to"), looked up once here.
    std::string pair_key;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
      token& t = tokens[i];
      if (!t.is(wc_starts_phrase) || !tokens[i + 1].is_word()) continue;
      pair_key.assign(t.lower);
      pair_key += '_';
      pair_key += tokens[i + 1].lower;
      t.pair = lex_.find(pair_key);
    }
  }

 private:
  static bool starts_with_space(std::string_view piece) {
    std::size_t k = 0;
    const UChar32 c = next_cp(piece, k);
    return is_space(c) || (c >= 0x80 && c <= 0x9F);  // C1 controls as white space
  }

  // The general path: ICU's word iterator over the UTF-8 text in place.
  void icu_pieces(std::unique_ptr<icu::BreakIterator>& it, std::string_view text,
                  std::vector<word_piece>& pieces) const {
    if (!it) it.reset(prototype_->clone());
    pieces.clear();
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    it->setText(ut, status);
    std::int32_t begin = it->first();
    for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE;
         begin = end, end = it->next()) {
      pieces.push_back(word_piece{static_cast<std::uint32_t>(begin),
                                  static_cast<std::uint32_t>(end), it->getRuleStatus()});
    }
    utext_close(ut);
  }

  const lexicon_data& lex_;
  std::unique_ptr<icu::BreakIterator> prototype_;
};

/// Find the quotation regions of one paragraph's tokens and mark each token with the region
/// holding it. Straight quotes open or close by context; a quote left open at the paragraph's end
/// continues when the next paragraph opens a quote (news style: `next_reopens`, and
/// `continues_previous` for that next paragraph), else it ends with its sentence.
inline std::vector<quote_region> find_quotes(std::vector<token>& tokens,
                                             const std::vector<std::size_t>& sentence_end_token,
                                             bool continues_previous = false,
                                             bool next_reopens = false) {
  std::vector<quote_region> out;
  int open = -1;
  // A paragraph that opens with a quotation mark while the previous one ended inside a quote
  // continues that quote (news style: no closing mark at the end of a quoted paragraph).
  const bool continuing = continues_previous && !tokens.empty() &&
                          tokens[0].kind == token_kind::punct &&
                          (is_open_quote(tokens[0]) || is_straight_quote(tokens[0]));
  if (continuing) {
    out.push_back(quote_region{0, 1, 1, false, true, 0});
    open = 0;
  }
  const auto close_at = [&](std::size_t end, bool closed) {
    quote_region& q = out[static_cast<std::size_t>(open)];
    q.last = end;
    q.closed = closed;
    for (std::size_t k = q.first; k < q.last; ++k) {
      tokens[k].quote = open;
      q.words += tokens[k].is_word();
    }
    open = -1;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const token& t = tokens[i];
    // Every quotation mark starts with '"', 0xE2 (U+201C…) or 0xC2 (U+00AB, U+00BB): one test
    // of the first byte, almost always false, passes over the other tokens.
    const auto lead = static_cast<unsigned char>(t.text8);  // 0 for tokens of over 8 bytes
    if (lead != '"' && lead != '\'' && lead != 0xE2 && lead != 0xC2) continue;
    if (t.kind != token_kind::punct) continue;
    const bool straight = is_straight_quote(t);
    if (lead == '\'' && !straight) continue;  // an apostrophe
    if (continuing && i == 0) continue;
    if (open < 0 &&
        (is_open_quote(t) || (straight && i + 1 < tokens.size() && !tokens[i + 1].space_before))) {
      out.push_back(quote_region{i, i + 1, i + 1, false, false, 0});
      open = static_cast<int>(out.size() - 1);
    } else if (open >= 0 && (is_close_quote(t) || straight)) {
      close_at(i, true);
    }
  }
  if (open >= 0) close_at(tokens.size(), false);
  // An unbalanced opening mark quotes only to the end of its sentence.
  for (std::size_t r = 0; r < out.size(); ++r) {
    quote_region& q = out[r];
    if (q.closed || (r + 1 < out.size() && out[r + 1].continues)) continue;
    if (r + 1 == out.size() && next_reopens) continue;  // goes on in the next paragraph
    std::size_t s = 0;
    while (s < sentence_end_token.size() && sentence_end_token[s] <= q.first) ++s;
    if (s < sentence_end_token.size() && sentence_end_token[s] < q.last) {
      for (std::size_t k = sentence_end_token[s]; k < q.last; ++k) tokens[k].quote = -1;
      q.last = sentence_end_token[s];
    }
  }
  return out;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_TOKENIZE_HPP
