// `hearsay eval --trace SET.xml...`: B-cubed scores of trace clusters and circular citations
// against multi-document gold sets (docs/VERIFIER.md, "trace").
#ifndef HEARSAY_CLI_TRACE_EVAL_HPP
#define HEARSAY_CLI_TRACE_EVAL_HPP

#include <iosfwd>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"

/// Trace each gold set's documents (in file order, with their outlets and dates) and print the
/// scores to `out`; with `errors`, list each gold cluster's claims with the cluster each landed
/// in. The circular citations are read from SET.circular.txt beside SET.xml when it exists.
/// Return 0, 2 when a file cannot be loaded.
int run_trace_eval(const std::vector<std::string>& files, const hearsay::analyzer& analyzer,
                   bool errors, std::ostream& out, std::ostream& err);

#endif  // HEARSAY_CLI_TRACE_EVAL_HPP
