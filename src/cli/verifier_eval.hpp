// The verifier's scores in `hearsay eval`: sourcing flags against gold `flags` attributes (SPEC 8)
// and check verdicts against gold (query, document, verdict) triples (SPEC 9).
#ifndef HEARSAY_CLI_VERIFIER_EVAL_HPP
#define HEARSAY_CLI_VERIFIER_EVAL_HPP

#include <array>
#include <iosfwd>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/score.hpp"

/// Per-flag precision and recall over gold claims that give `flags`.
struct flag_scores {
  std::array<hearsay::prf, 5> by_flag{};  ///< Indexed by hearsay::flag.
  std::size_t documents = 0;              ///< Documents whose gold gives flags.
  /// Add one document: `predicted` analysed with sourcing assessed, `score` its SPEC 6 matching.
  void add(const hearsay::gold_document& gold, const hearsay::document& predicted,
           const hearsay::document_score& score);
  void print(std::ostream& out) const;
};

/// Score `hearsay check` on gold triples (files of <checks>); print accuracy and per-verdict
/// P/R/F1. Return 0, or 2 when a file cannot be read.
int run_check_eval(const std::vector<std::string>& files, const hearsay::analyzer& analyzer,
                   bool errors, std::ostream& out, std::ostream& err);

#endif  // HEARSAY_CLI_VERIFIER_EVAL_HPP
