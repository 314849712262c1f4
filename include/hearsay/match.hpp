// Matching claims by what they say (SPEC 9): content words compared by their Snowball stems,
// numbers by their digits, names by their words. `check`, `trace` and the sourcing flags all
// decide "the same claim" here.
#ifndef HEARSAY_MATCH_HPP
#define HEARSAY_MATCH_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/text.hpp"

namespace hearsay {

/// What a stretch of text says, reduced for matching: the keys of its content words (the words of
/// SPEC 6 less the language's Snowball stop words, each stemmed by its Snowball stemmer, numbers by
/// their digits), and which of them are names and numbers. A key is a 64-bit hash of the stem, the
/// same in every process, so signatures made on different machines compare.
class content {
 public:
  /// A name (a run of capitalised words, or an acronym) or a number: where it is in the text it
  /// came from, and its keys (`count` of them from `first` in keys()).
  struct mark {
    span where;
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };

  /// Return the content words' keys, sorted (a multiset: a repeated word is repeated).
  std::span<const std::uint64_t> words() const noexcept { return words_; }
  /// Return the names, in text order.
  std::span<const mark> names() const noexcept { return names_; }
  /// Return the numbers, in text order ("2,000" and "2000" have one key).
  std::span<const mark> numbers() const noexcept { return numbers_; }
  /// Return the keys of a name's words, in order, or a number's one key.
  std::span<const std::uint64_t> keys(const mark& m) const noexcept {
    return std::span<const std::uint64_t>(mark_keys_).subspan(m.first, m.count);
  }
  /// Return how many content words there are.
  std::size_t size() const noexcept { return words_.size(); }
  /// Return true when there is no content word (only stop words, or no words at all).
  bool empty() const noexcept { return words_.empty(); }
  /// Set this content to keys that words(), and the marks with keys(), of another content gave
  /// (`mark_keys` holds every mark's keys; a mark's `first` indexes it): what a tracer rebuilds
  /// from the keys it keeps, reusing this content's memory. The marks' spans are not kept.
  void assign(std::span<const std::uint64_t> words, std::span<const std::uint64_t> mark_keys,
              std::span<const mark> names, std::span<const mark> numbers) {
    words_.assign(words.begin(), words.end());
    mark_keys_.assign(mark_keys.begin(), mark_keys.end());
    names_.assign(names.begin(), names.end());
    numbers_.assign(numbers.begin(), numbers.end());
  }

 private:
  friend class content_builder;
  std::vector<std::uint64_t> words_;
  std::vector<std::uint64_t> mark_keys_;
  std::vector<mark> names_;
  std::vector<mark> numbers_;
};

/// Where the text being reduced stands, which decides what a capital letter means.
struct content_options {
  /// The language whose stop words and stemmer apply ("en", "de", "fr", "es", ...; any other
  /// falls back to English). Stop word lists: data/stopwords.<lang>.txt.
  std::string_view language = "en";
  /// Byte offset where the sentence holding the text begins: the capital of its first word is the
  /// sentence's, not a name's (SPEC 9).
  std::size_t sentence_begin = 0;
  /// The sentence is a title-case headline ("Putin Plans Visit to Hanoi"): its capitals mark no
  /// names; acronyms still do.
  bool title_case = false;
};

/// Return the content of `text[where]` (valid UTF-8).
HEARSAY_FUNC content content_of(std::string_view text, span where,
                                const content_options& options = {});
/// Return the content of all of `text`, read as one sentence (a query a user typed).
HEARSAY_FUNC content content_of(std::string_view text, const content_options& options = {});

/// Return true when `sentence` is written in title case: at least three words that are not stop
/// words, each beginning with a capital letter ("Putin Plans Visit to Hanoi").
HEARSAY_FUNC bool is_title_case(std::string_view sentence, std::string_view language = "en");

/// How two contents relate (SPEC 9).
enum class content_relation : std::uint8_t {
  none,      ///< Too little in common, or both a name and a number differ.
  match,     ///< Dice >= 0.5, and the names and numbers of the smaller one all occur in the other.
  conflict,  ///< Dice >= 0.5 and the names agree but a number differs, or the other way round.
};
HEARSAY_FUNC std::string_view to_string(content_relation value) noexcept;

/// The comparison of two contents `a` and `b`.
struct content_comparison {
  content_relation relation = content_relation::none;
  double score = 0;  ///< Dice overlap of the two word multisets.
  /// For a conflict: the numbers (or names) of `a` missing from `b`, and those of `b` missing
  /// from `a` (spans into the texts `a` and `b` came from).
  std::vector<content::mark> only_in_a;
  std::vector<content::mark> only_in_b;
};

/// Compare `a` with `b`; `a` is the query side: on a tie of sizes its names and numbers must
/// occur in `b`, not the other way round.
HEARSAY_FUNC content_comparison compare(const content& a, const content& b);
/// Return true when `a` matches `b` (the relation of compare(), without building the lists).
HEARSAY_FUNC bool matches(const content& a, const content& b) noexcept;

/// Return the Snowball stem of `word` (already case-folded UTF-8) in `language`: what matching
/// compares ("resigned" -> "resign").
HEARSAY_FUNC std::string stem(std::string_view word, std::string_view language = "en");
/// Return true when `word` (case-folded) is one of `language`'s stop words.
HEARSAY_FUNC bool is_stop_word(std::string_view word, std::string_view language = "en");

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/match-inl.hpp"
#endif

#endif  // HEARSAY_MATCH_HPP
