// `hearsay eval`: score the analysis against gold corpora (SPEC section 6) and, optionally,
// against a PolNeAR directory.
#ifndef HEARSAY_CLI_EVAL_COMMAND_HPP
#define HEARSAY_CLI_EVAL_COMMAND_HPP

#include <iosfwd>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"

/// What `hearsay eval` was asked to do.
struct eval_options {
  std::vector<std::string> files;      ///< Gold files: SPEC section 5 XML or standoff.
  std::vector<std::string> text_dirs;  ///< Where standoff gold's articles are (else ../shared).
  bool summary = false;                ///< Print only the overall table of several files.
  bool agreement = false;     ///< Files come in pairs: score the second's gold against the first's.
  std::string features_file;  ///< Write each matched claim's confidence features and outcome.
  bool errors = false;        ///< List every missed, spurious, wrong-status, wrong-chain claim.
  std::string polnear_dir;    ///< Also score attributions on this PolNeAR directory.
  bool per_document = true;   ///< Print one compact line per document.
  bool progress = false;      ///< Show progress on standard error when it is a terminal.
  std::string html_report;    ///< Also write the scores as an HTML page to this file.
};

/// The exit code of `run_eval` when a corpus file or the PolNeAR directory cannot be loaded.
inline constexpr int eval_bad_file = 2;

/// Load every corpus file, analyse each gold document's text with `analyzer`, and print the
/// scores to `out` (per file, and overall when there are several) and problems to `err`.
/// Return 0 on success, eval_bad_file when an input cannot be loaded (nothing is scored then),
/// 1 when a text cannot be analysed.
int run_eval(const eval_options& options, const hearsay::analyzer& analyzer, std::ostream& out,
             std::ostream& err);

#endif  // HEARSAY_CLI_EVAL_COMMAND_HPP
