// Sentence segmentation for news text: ICU's sentence BreakIterator (over UTF-8, no UTF-16 copy)
// proposes boundaries; news rules confirm or veto them and add the ones ICU misses
// (abbreviations from the lexicon, initials, ellipses, "?” he asked", headlines, list items).
//
//   hearsay::sentence_segmenter seg;                       // built-in abbreviation list
//   for (hearsay::span s : seg.split(text)) std::cout << s.of(text) << '\n';
#ifndef HEARSAY_SEGMENT_HPP
#define HEARSAY_SEGMENT_HPP

#include <memory>
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
  /// Use `lex`'s abbreviations.
  HEARSAY_FUNC explicit sentence_segmenter(const lexicon& lex);

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
