// The entry point: find every claim in a news text with its status and source chain.
//
//   hearsay::analyzer an;                                   // built-in English lexicon
//   hearsay::document doc = an.analyze("NHK said the talks failed.");
//   for (const hearsay::claim& c : doc.claims)
//     std::cout << doc.view(c.where) << " -> " << hearsay::to_string(c.status) << '\n';
#ifndef HEARSAY_ANALYZER_HPP
#define HEARSAY_ANALYZER_HPP

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/lexicon.hpp"

namespace hearsay {
namespace detail {
class engine;
}

/// Bounds that keep analysis linear in time and memory whatever the input
/// (docs/RELIABILITY.md). Real news never reaches them; a pathological input gets a bounded result.
namespace limits {
/// A paragraph longer than this is read in blocks of at most this many bytes, cut between
/// sentences (inside a longer sentence, after white space): working memory is per block, and no
/// quotation, reference or claim reaches across a cut.
inline constexpr std::size_t block_bytes = std::size_t{256} << 10;
/// A sentence of more tokens is read in windows of this many: no claim spans more than one, and
/// the per-sentence rules stay linear.
inline constexpr std::size_t sentence_tokens = 1024;
/// At most this many attribution frames are read in one window of a sentence.
inline constexpr std::size_t frames_per_sentence = 64;
/// No source chain has more links; deeper nesting keeps the outermost ones.
inline constexpr std::size_t chain_links = 16;
}  // namespace limits

/// How an analyzer treats its input.
struct analyzer_options {
  std::string language = "en";  ///< Recorded in each document; only "en" rules exist so far.
  bool repair_utf8 = false;     ///< Replace invalid UTF-8 with U+FFFD instead of throwing.
  /// Assess sourcing (SPEC 8): every claim's flags and the document's summary. Off by default:
  /// comparing the claims' contents costs about 40% of the analysis (docs/VERIFIER.md).
  bool sourcing = false;
};

/// Analyses documents. Built once (lexicon compiled once), immutable, shareable across threads.
class analyzer {
 public:
  /// Use the built-in lexicon.
  HEARSAY_FUNC analyzer();
  /// Use `lex` (e.g. the built-in lexicon merged with a user's file).
  HEARSAY_FUNC explicit analyzer(lexicon lex, analyzer_options options = {});

  /// Analyse `text`. Throws encoding_error on invalid UTF-8 unless options.repair_utf8.
  HEARSAY_FUNC document analyze(std::string_view text, std::string id = "stdin") const;

  HEARSAY_FUNC const lexicon& lexicon_in_use() const noexcept;
  HEARSAY_FUNC const analyzer_options& options() const noexcept;

 private:
  std::shared_ptr<const detail::engine> engine_;
};

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/analyzer-inl.hpp"
#endif

#endif  // HEARSAY_ANALYZER_HPP
