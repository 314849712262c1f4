// PolNeAR (Newell, Margolin and Ruths, LREC 2018): read its attribution relations (BRAT standoff)
// and score predicted attributions against them.
//
//   hearsay::analyzer an;
//   hearsay::polnear_scores s = hearsay::score_polnear_dir(
//       "polnear-dev", [&](std::string_view text, std::string id) { return an.analyze(text, id);
//       });
//   std::cout << s.source_exact.f1() << ' ' << s.cue_exact.f1() << ' ' << s.content_exact.f1();
//
// PolNeAR keeps one attribution per token, so a relation's source is the innermost one: a claim
// is compared through the last link of its chain. Exact matches ignore surrounding white space
// and punctuation (quotes included) and a content's leading "that"; overlap matches pair spans
// of the same role that share a byte, one-to-one, largest overlap first.
#ifndef HEARSAY_POLNEAR_HPP
#define HEARSAY_POLNEAR_HPP

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/score.hpp"
#include "hearsay/text.hpp"

namespace hearsay {

/// One attribution relation. Spans are byte offsets into the article's text; a role is empty
/// when the relation lacks it, and holds several pieces when its span is discontinuous.
struct polnear_relation {
  std::vector<span> source;
  std::vector<span> cue;
  std::vector<span> content;
};

/// One annotated article.
struct polnear_article {
  std::string id;                           ///< The text file's name without ".txt".
  std::string text;                         ///< The article, UTF-8.
  std::vector<polnear_relation> relations;  ///< Without those inside Discuss or Discard spans.
  std::vector<span> flagged;  ///< Discuss and Discard spans; predictions there are left out.
};

/// Parse one article's BRAT standoff `ann` (offsets in code points into `text`); `ann_name`
/// appears in error messages. Throws parse_error on a malformed line or an offset past the text.
HEARSAY_FUNC polnear_article parse_polnear(std::string id, std::string text, std::string_view ann,
                                           std::string_view ann_name = "<string>");

/// Read a PolNeAR directory: `text/*.txt` with, for each, the first `attributions/<name>_*.ann` in
/// sort order (articles without one are skipped). Throws io_error or parse_error.
HEARSAY_FUNC std::vector<polnear_article> load_polnear(const std::string& dir);

/// Return the attribution relations of `predicted`: one per claim with a chain (source and cue of
/// its last link, the claim as content), claims with the same innermost cue merged into one whose
/// content runs from the first claim's start to the last claim's end. Unspecified sources and
/// empty cues are left empty.
HEARSAY_FUNC std::vector<polnear_relation> predicted_relations(const document& predicted);

/// Source, cue and content P/R/F1, exact and by overlap; sums with += (micro-average).
struct polnear_scores {
  std::size_t articles = 0;
  prf source_exact, cue_exact, content_exact;
  prf source_overlap, cue_overlap, content_overlap;
  /// Add every count of `other`.
  HEARSAY_FUNC polnear_scores& operator+=(const polnear_scores& other) noexcept;
};

/// Score the attributions of `predicted` (the analysis of `gold.text`) against `gold`.
/// Throws error (invalid_argument) when the texts differ.
HEARSAY_FUNC polnear_scores score_polnear(const polnear_article& gold, const document& predicted);

/// How to analyse an article: text and id in, document out (e.g. wrapping analyzer::analyze).
using analyze_function = std::function<document(std::string_view text, std::string id)>;

/// Load the PolNeAR directory `dir`, analyse each article with `analyze` and return the summed
/// scores. Throws io_error or parse_error.
HEARSAY_FUNC polnear_scores score_polnear_dir(const std::string& dir,
                                              const analyze_function& analyze);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/polnear-inl.hpp"
#endif

#endif  // HEARSAY_POLNEAR_HPP
