// A feed of articles as JSON Lines (SPEC 9's trace input): one {"id", "text", "outlet"?, "date"?}
// record per line, read one line at a time so that a feed of any size streams.
//
//   hearsay::feed_position at{"feed.jsonl", line_no, byte_of_line};
//   hearsay::feed_record r = hearsay::read_feed_record(line, at);   // throws input_error
//   for (const hearsay::parse_error& p : r.problems) std::cerr << p.what() << '\n';
#ifndef HEARSAY_FEED_HPP
#define HEARSAY_FEED_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/error.hpp"

namespace hearsay {

/// When an article was published: an ISO 8601 date, with a time of day when the feed gives one.
struct feed_date {
  int year = 1970;
  int month = 1;
  int day = 1;
  int minute_of_day = -1;  ///< Hours * 60 + minutes, or -1 when only the day is known.

  /// Return the minutes since 0000-03-01 (a date alone counts as its day's first minute): what
  /// orders mentions by date.
  HEARSAY_FUNC std::int64_t sort_key() const noexcept;
  friend bool operator==(const feed_date&, const feed_date&) = default;
};

/// Parse "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" (a real calendar day, hours 00-23); return nullopt
/// for anything else.
HEARSAY_FUNC std::optional<feed_date> parse_feed_date(std::string_view text) noexcept;
/// Return `date` in the form parse_feed_date reads ("2026-03-14" or "2026-03-14T09:30").
HEARSAY_FUNC std::string to_string(const feed_date& date);

/// Where a line stands in its feed, for error messages.
struct feed_position {
  std::string_view source = "<feed>";  ///< The feed's name ("feed.jsonl", "stdin").
  std::size_t line = 1;                ///< 1-based line number.
  std::size_t offset = 0;              ///< Byte offset of the line's first byte in the feed.
};

/// One article of a feed.
struct feed_record {
  std::string id;  ///< The record's "id" (an integer as its decimal text), else "<source>:<line>".
  std::string text;
  std::optional<std::string> outlet;  ///< Who published it ("Harbor Times").
  std::optional<feed_date> date;
  /// Faults of the optional fields ("date" that does not parse, "outlet" that is not a string):
  /// the record is still good, without that field; the caller reports them.
  std::vector<parse_error> problems;
};

/// How read_feed_record treats a line.
struct feed_options {
  bool repair_utf8 = false;  ///< Replace invalid UTF-8 with U+FFFD instead of rejecting the line.
};

/// Read one JSON Lines record. Throws parse_error of kind "input_error" naming `where` (line,
/// column and byte offset in the feed) when the line is not a record: not JSON (malformed_json),
/// invalid UTF-8 (invalid_utf8), not an object, no string "text" or an empty one, an "id" that is
/// neither a string nor an integer (invalid_value).
HEARSAY_FUNC feed_record read_feed_record(std::string_view line, const feed_position& where,
                                          const feed_options& options = {});

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/feed-inl.hpp"
#endif

#endif  // HEARSAY_FEED_HPP
