// The analysis as one self-contained HTML page for a person to read (`hearsay analyze --format
// html`): the article with every claim highlighted by status (a colour and a second cue that
// works without colour: an underline style and an icon), its sources and cues marked, and on
// hover or keyboard focus the claim's chain (outermost first), certainty, polarity, quote kind
// and, when the analysis has them, confidence, rule and flags. A side panel per document gives
// its sourcing summary and a legend; several documents get a table of contents. No script, no
// font or anything else from the network: styles are inline, the tips are CSS.
//
//   hearsay::html_writer page(std::cout, "Today's wire");
//   page.write(an.analyze(text, "article"));
//   page.finish();
//
// For tests and tools each claim element carries data-status, data-certainty, data-polarity and
// data-chain (a JSON array of the chain's source texts, outermost first); its text is exactly the
// claim's (marks that would cross are clipped as in detail/markup.hpp).
#ifndef HEARSAY_HTML_HPP
#define HEARSAY_HTML_HPP

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"

namespace hearsay {

/// Writes documents as one HTML page, one `<article>` at a time (the contents come last in the
/// file and are shown first).
class html_writer {
 public:
  /// Start a page titled `title` on `out` (written at the first document or finish()).
  HEARSAY_FUNC explicit html_writer(std::ostream& out, std::string_view title = "hearsay");
  /// Write `doc` as one `<article>`.
  HEARSAY_FUNC void write(const document& doc);
  /// Write the table of contents (for two documents or more) and close the page; also done by
  /// the destructor.
  HEARSAY_FUNC void finish();
  HEARSAY_FUNC ~html_writer();
  html_writer(const html_writer&) = delete;
  html_writer& operator=(const html_writer&) = delete;

 private:
  struct entry {
    std::string id;
    std::size_t claims = 0;
  };
  HEARSAY_FUNC void start();
  std::ostream& out_;
  std::string title_;
  std::vector<entry> toc_;
  bool started_ = false;
  bool finished_ = false;
};

/// Return `docs` as one HTML page titled `title`.
HEARSAY_FUNC std::string to_html(const std::vector<document>& docs,
                                 std::string_view title = "hearsay");

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/html-inl.hpp"
#endif

#endif  // HEARSAY_HTML_HPP
