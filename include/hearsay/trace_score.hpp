// Scoring trace clusters against multi-document gold (SPEC 9 "Scores"; docs/VERIFIER.md): B-cubed
// precision, recall and F1 over the gold claims of a set, and circular citations found.
//
//   hearsay::corpus gold = hearsay::load_corpus_file("corpora/trace/port-strike.xml");
//   auto loops = hearsay::load_circular_file("corpora/trace/port-strike.circular.txt");
//   ... analyse each gold document, add it to a tracer with its outlet and date ...
//   hearsay::trace_score s = hearsay::score_trace(gold, analysed, tr.clusters(1), loops);
#ifndef HEARSAY_TRACE_SCORE_HPP
#define HEARSAY_TRACE_SCORE_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/trace.hpp"

namespace hearsay {

/// A gold circular citation: the cluster it is about and its outlets in citation order.
struct circular_citation {
  std::string cluster;
  std::vector<std::string> outlets;
  friend bool operator==(const circular_citation&, const circular_citation&) = default;
};

/// Read `<set>.circular.txt`: one `cluster<TAB>Outlet A<TAB>Outlet B[...]` per line ('#' starts
/// a comment). Throws parse_error (kind "corpus_error") on a line with fewer than two outlets.
HEARSAY_FUNC std::vector<circular_citation> load_circular(std::string_view text,
                                                          std::string_view name = "<string>");
/// Read a circular-citation file; throws io_error or corpus_error.
HEARSAY_FUNC std::vector<circular_citation> load_circular_file(const std::string& path);

/// B-cubed sums over gold claims and circular-citation counts; += pools sets (micro-average).
struct trace_score {
  std::size_t claims = 0;              ///< Gold claims scored (the items of B-cubed).
  std::size_t matched = 0;             ///< Of them, matched to a predicted mention.
  double precision_sum = 0;            ///< Sum over items of |gold ∩ predicted| / |predicted|.
  double recall_sum = 0;               ///< Sum over items of |gold ∩ predicted| / |gold|.
  std::size_t circular_gold = 0;       ///< Gold circular citations.
  std::size_t circular_found = 0;      ///< Of them, reported in a cluster holding their claim.
  std::size_t circular_predicted = 0;  ///< Circular citations reported.
  std::size_t circular_right = 0;      ///< Of them, a gold one.

  /// Return the B-cubed precision, recall and F1 (1 when there is no item).
  HEARSAY_FUNC double precision() const noexcept;
  HEARSAY_FUNC double recall() const noexcept;
  HEARSAY_FUNC double f1() const noexcept;
  HEARSAY_FUNC trace_score& operator+=(const trace_score& other) noexcept;
};

/// One item of score_trace, for listing what went wrong.
struct trace_item {
  std::size_t document = 0;              ///< Index of the gold document.
  std::size_t claim = 0;                 ///< Index of the gold claim in it.
  std::optional<std::string> cluster;    ///< Its gold cluster name.
  std::optional<std::size_t> predicted;  ///< Index into the clusters of its mention's cluster.
};

/// Score the clusters of one gold set: `analysed[i]` is the analysis of `gold.documents[i]` (same
/// id and text), `clusters` every cluster the tracer made of them (min_documents 1). Each gold
/// claim is an item; its gold cluster is the claims sharing its `cluster` name (itself alone when
/// it has none), its predicted cluster the gold claims whose matched mentions (SPEC 6 claim
/// matching within the document) share its mention's cluster (itself alone when unmatched).
/// Optional gold claims count only when matched.
HEARSAY_FUNC trace_score score_trace(const corpus& gold, const std::vector<document>& analysed,
                                     const std::vector<trace_cluster>& clusters,
                                     const std::vector<circular_citation>& circular,
                                     std::vector<trace_item>* items = nullptr);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/trace_score-inl.hpp"
#endif

#endif  // HEARSAY_TRACE_SCORE_HPP
