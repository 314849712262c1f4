// The SPEC section 6 scores: how a predicted document compares with its gold annotation.
//
//   hearsay::scores total;
//   for (const hearsay::gold_document& gold : corpus.documents) {
//     hearsay::document_score s = hearsay::score_document(gold, an.analyze(gold.text, gold.id));
//     total += s.totals;                               // micro-average: counts add up
//   }
//   std::cout << total.claims.f1() << ' ' << total.chain_exact.value() << '\n';
//
// Words are runs of letters and digits, compared case-insensitively (Unicode case folding).
// Claims and cues match one-to-one, best overlap first, when their spans overlap and the Dice
// coefficient of their word multisets is at least 0.5. Optional gold claims are neither missed
// when absent nor spurious when matched; they take no part in any other score.
#ifndef HEARSAY_SCORE_HPP
#define HEARSAY_SCORE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/text.hpp"

namespace hearsay {

/// Counts for precision, recall and F1. When nothing was predicted and nothing is gold, all three
/// are 1; otherwise a zero denominator gives 0.
struct prf {
  std::size_t correct = 0;    ///< Predictions matched to a gold item (one-to-one).
  std::size_t predicted = 0;  ///< Predictions counted.
  std::size_t gold = 0;       ///< Gold items counted.

  /// Return correct / predicted.
  HEARSAY_FUNC double precision() const noexcept;
  /// Return correct / gold.
  HEARSAY_FUNC double recall() const noexcept;
  /// Return the harmonic mean of precision and recall, 2 correct / (predicted + gold).
  HEARSAY_FUNC double f1() const noexcept;
  /// Add `other`'s counts (micro-averaging).
  HEARSAY_FUNC prf& operator+=(const prf& other) noexcept;
  friend bool operator==(const prf&, const prf&) = default;
};

/// A share of items that are right: correct / total, 1 when there are none (check `empty()`).
struct accuracy {
  std::size_t correct = 0;
  std::size_t total = 0;

  /// Return correct / total, or 1 when total is 0.
  HEARSAY_FUNC double value() const noexcept;
  /// Return true when no item was judged.
  bool empty() const noexcept { return total == 0; }
  /// Add `other`'s counts.
  HEARSAY_FUNC accuracy& operator+=(const accuracy& other) noexcept;
  friend bool operator==(const accuracy&, const accuracy&) = default;
};

/// Every SPEC section 6 score of one document or, summed with +=, of many (micro-averaged).
/// "Matched claims" are predictions matched to non-optional gold claims.
struct scores {
  std::size_t documents = 0;
  prf sentences;                   ///< Sentence end offsets.
  prf claims;                      ///< Claims; optional gold claims excluded.
  accuracy span_exact;             ///< Matched claims whose words equal the gold claim's words.
  accuracy status;                 ///< Matched claims with the gold status.
  std::array<prf, 3> by_status{};  ///< Indexed by `status`: correct when matched and both have it.
  accuracy chain_exact;            ///< Matched claims whose chain has the gold length and sources.
  accuracy end_to_end;    ///< Non-optional gold claims found with the right status and chain.
  prf alleged_sentences;  ///< Gold sentences holding an alleged claim (predictions projected).
  prf cues;               ///< Cue spans.
  accuracy certainty;     ///< Matched claims whose gold gives a certainty.
  accuracy polarity;      ///< Matched claims whose gold gives a polarity.
  accuracy quote;         ///< Matched claims whose gold gives a quote kind.
  /// Claims by gold status (rows) and predicted status (columns), indexed by `status`; the last
  /// row counts spurious predictions, the last column missed gold claims (optional gold left out).
  std::array<std::array<std::size_t, 4>, 4> confusion{};

  /// Return the per-status P/R/F1 of `s`.
  const prf& of(hearsay::status s) const noexcept { return by_status[static_cast<std::size_t>(s)]; }
  /// Return the mean F1 over the statuses that occur (in gold or prediction); 1 when none does.
  HEARSAY_FUNC double status_macro_f1() const noexcept;
  /// Add every count of `other`.
  HEARSAY_FUNC scores& operator+=(const scores& other) noexcept;
};

/// What kind of mistake a `mistake` records.
enum class mistake_kind : std::uint8_t { missed_claim, spurious_claim, wrong_status, wrong_chain };

/// Return "missed claim", "spurious claim", "wrong status" or "wrong chain".
HEARSAY_FUNC std::string_view to_string(mistake_kind kind) noexcept;

/// One error of a prediction, for reading (`hearsay eval --errors`).
struct mistake {
  mistake_kind kind = mistake_kind::missed_claim;
  std::string document;           ///< The document's id.
  std::optional<span> gold;       ///< The gold claim; absent for a spurious claim.
  std::optional<span> predicted;  ///< The predicted claim; absent for a missed claim.
  std::string gold_text;          ///< The gold claim's words as written, or "".
  std::string predicted_text;     ///< The predicted claim's words as written, or "".
  std::string detail;  ///< "gold alleged, predicted reported"; "gold [NHK], predicted []".
};

/// Return a one-line description: `wrong status [doc-1] "the talks failed": gold alleged, ...`.
HEARSAY_FUNC std::string describe(const mistake& m);

/// A prediction matched to a non-optional gold claim, and whether its status and chain are
/// both right: what a claim's confidence estimates (SPEC 7).
struct claim_outcome {
  std::size_t predicted = 0;  ///< Index into the predicted document's claims.
  bool right = false;
  std::size_t gold = 0;  ///< Index into the gold document's claims.
};

/// The scores of one document with its mistakes in text order.
struct document_score {
  std::string id;
  scores totals;
  std::vector<mistake> mistakes;
  std::vector<claim_outcome> outcomes;  ///< In gold order.
};

/// Score `predicted` against `gold`. Both must hold the same text, else error (invalid_argument).
/// Predicted spans past the end of the text are clamped to it.
HEARSAY_FUNC document_score score_document(const gold_document& gold, const document& predicted);

/// Return `gold` read as an analysis, so that one annotator's gold can be scored against
/// another's (inter-annotator agreement). Optional claims are left out; each link gets the gold
/// cue of its claim's sentence nearest to its source (cues no link takes are not scored).
HEARSAY_FUNC document gold_as_document(const gold_document& gold);

/// Return the case-folded words (runs of letters and digits) of UTF-8 `text`, in order.
HEARSAY_FUNC std::vector<std::string> words(std::string_view text);

/// Return the Dice coefficient of the word multisets of `a` and `b` (0 when both have no words).
HEARSAY_FUNC double word_dice(std::string_view a, std::string_view b);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/score-inl.hpp"
#endif

#endif  // HEARSAY_SCORE_HPP
