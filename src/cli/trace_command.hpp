// `hearsay trace`: read a feed of {id, text, outlet?, date?} JSON Lines records as a stream,
// analyse each, and print the clusters of matching claims across documents (SPEC 9).
#ifndef HEARSAY_CLI_TRACE_COMMAND_HPP
#define HEARSAY_CLI_TRACE_COMMAND_HPP

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"

/// What `hearsay trace` was asked to do.
struct trace_command_options {
  std::vector<std::string> files;  ///< Feeds ("-" or none: standard input).
  std::string format = "json";     ///< json: one cluster per line; text: for a person.
  std::size_t min_documents = 2;   ///< Print clusters with mentions from this many documents.
  bool progress = false;           ///< Show progress on standard error when it is a terminal.
};

/// Trace every feed with `analyzer` and print the clusters to `out`; a bad record (not JSON, no
/// text, a date that does not parse, ...) is reported on `err` naming its line, and the rest is
/// still traced. Return 0, or 1 when any record or file failed.
int run_trace(const trace_command_options& options, const hearsay::analyzer& analyzer,
              std::ostream& out, std::ostream& err);

#endif  // HEARSAY_CLI_TRACE_COMMAND_HPP
