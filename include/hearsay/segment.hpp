// Sentence segmentation for news text: ICU's sentence BreakIterator (over UTF-8, no UTF-16 copy)
// proposes boundaries; news rules confirm or veto them and add the ones ICU misses
// (abbreviations from the lexicon, initials, ellipses, "?” he asked", headlines, list items).
//
//   hearsay::sentence_segmenter seg;                       // built-in abbreviation list, English
//   for (hearsay::span s : seg.split(text)) std::cout << s.of(text) << '\n';
//   hearsay::sentence_segmenter de(hearsay::lexicon::builtin(), "de");  // German abbreviations
//
// The document's language chooses the abbreviation list and the language's rules (German
// ordinals "am 3. Oktober", Greek ";"); the marks of every script (。 ؟ । ։ ။ ።) and quotation
// conventions („…“ »…« « … » 「…」) work in any. docs/SEGMENTATION.md has the rules.
#ifndef HEARSAY_SEGMENT_HPP
#define HEARSAY_SEGMENT_HPP

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {
struct segmenter_impl;
class engine;
}  // namespace detail

/// Splits text into sentences. Immutable and safe to share between threads.
class sentence_segmenter {
 public:
  /// Use the built-in lexicon's abbreviations.
  HEARSAY_FUNC sentence_segmenter();
  /// Use `lex`'s English abbreviations.
  HEARSAY_FUNC explicit sentence_segmenter(const lexicon& lex);
  /// Use `lex`'s data for `language`: a language code ("de", "fr", "zh"; a region or script
  /// after "-" or "_" is ignored: "de-AT"). A language without data in `lex` gets the rules of
  /// every script and no abbreviations. A code that is not two or three letters throws
  /// hearsay::error (invalid_argument).
  HEARSAY_FUNC sentence_segmenter(const lexicon& lex, std::string_view language);

  /// The language code the segmenter was made for ("en", "de").
  HEARSAY_FUNC const std::string& language() const noexcept;

  /// Split `text` (valid UTF-8, else encoding_error) into sentence spans: byte offsets into
  /// `text`, in order, non-overlapping, without surrounding white space. Empty text gives none.
  HEARSAY_FUNC std::vector<span> split(std::string_view text) const;

 private:
  friend class detail::engine;
  // split() for the analyzer, which has checked the text's UTF-8 already (once is enough).
  HEARSAY_FUNC std::vector<span> split_valid(std::string_view text) const;

  std::shared_ptr<const detail::segmenter_impl> impl_;
};

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/segment-inl.hpp"
#endif

#endif  // HEARSAY_SEGMENT_HPP
