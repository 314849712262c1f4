// `hearsay eval --html report.html`: the scores as one self-contained page: the overall table,
// one line per file, the per-status confusion matrix and a reliability diagram (inline SVG) of
// the claims' confidence against how often their status and chain are right.
#ifndef HEARSAY_CLI_VIEWS_EVAL_REPORT_HPP
#define HEARSAY_CLI_VIEWS_EVAL_REPORT_HPP

#include <iosfwd>
#include <string>
#include <vector>

#include "hearsay/score.hpp"

namespace cli {

/// One predicted claim matched to a gold claim: its confidence and whether its status and chain
/// are both right.
struct reliability_point {
  double confidence = 1.0;
  bool right = false;
};

/// What the report shows.
struct eval_report {
  std::vector<std::pair<std::string, hearsay::scores>> files;  ///< Path and scores of each file.
  hearsay::scores overall;
  std::vector<reliability_point> points;
  bool has_confidence = false;  ///< False: the analysis has no confidence; every point is at 1.
};

/// One calibration bin: claims with confidence in [low, high), the last bin closed.
struct calibration_bin {
  double low = 0, high = 0;
  std::size_t claims = 0;
  std::size_t right = 0;
  double mean_confidence = 0;
};

/// Return the ten equal-width bins of `points`.
std::vector<calibration_bin> calibration_bins(const std::vector<reliability_point>& points);

/// Return the expected calibration error over `bins` (0 when they hold no claim).
double expected_calibration_error(const std::vector<calibration_bin>& bins);

/// Write the report page to `out`.
void write_eval_report(std::ostream& out, const eval_report& report);

}  // namespace cli

#endif  // HEARSAY_CLI_VIEWS_EVAL_REPORT_HPP
