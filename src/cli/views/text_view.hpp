// `hearsay analyze --format text`: the analysis as a listing for a person, one claim a record:
//
//   == article: 11 claims (3 confirmed, 5 reported, 3 alleged)
//    1 confirmed certain  0.82 writer: Port Authority Confirms Inquiry as Unions Fear Job Cuts
//    4 reported  certain  0.92 The authority's chairwoman, Ines Duarte «said»: the managers had
//      been placed on leave
//
// A claim starts a line: number, status, certainty, confidence (SPEC 7, when the analysis has
// it), polarity when negative and quote kind when quoted, the chain outermost first with each
// link's cue (shortened with an ellipsis so that this part never passes `width` columns), then the
// claim's text, wrapped at `width` under the status column. Colour (ANSI) only when asked.
#ifndef HEARSAY_CLI_VIEWS_TEXT_VIEW_HPP
#define HEARSAY_CLI_VIEWS_TEXT_VIEW_HPP

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include "hearsay/claim.hpp"

namespace cli {

struct text_view_options {
  bool color = false;
  std::size_t width = 100;  ///< Columns; at most 100 and at least 40 are used.
};

/// Write `doc` as the text listing to `out`.
void write_text_view(std::ostream& out, const hearsay::document& doc,
                     const text_view_options& options);

/// Return the number of columns `text` (UTF-8) takes: one per code point, two for East Asian
/// wide and full-width ones, none for combining marks.
std::size_t display_width(std::string_view text);

/// Return `text` wrapped at `width` columns for a line already `first_column` wide (0: the first
/// line starts with the indent too); every further line starts with `indent` spaces. White space
/// runs collapse; a word longer than a line stands alone on its line.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent,
                 std::size_t first_column);

}  // namespace cli

#endif  // HEARSAY_CLI_VIEWS_TEXT_VIEW_HPP
