// `hearsay eval --segmentation FILE.jsonl`: sentence-end precision, recall and F1 of the
// segmenter against JSON Lines records {"name", "text", "sentences": [[start, end), ...]} with
// code-point offsets (the German WikiNews quotation corpus's form).
#ifndef HEARSAY_CLI_SEGMENT_EVAL_HPP
#define HEARSAY_CLI_SEGMENT_EVAL_HPP

#include <iosfwd>
#include <string>

/// Score segmentation in `language` on `path`; with `errors`, print every disagreement with its
/// context. Return 0, or 2 when the file cannot be read or parsed.
int run_segment_eval(const std::string& path, const std::string& language, bool errors,
                     std::ostream& out, std::ostream& err);

#endif  // HEARSAY_CLI_SEGMENT_EVAL_HPP
