// Fuzz the trace feed path: arbitrary bytes as JSON Lines through read_feed_record, each good
// record analysed and traced, its reduction sent through bytes and back. A bad line throws
// parse_error "[hearsay.input_error.N]" naming its line, with an offset inside the feed; the
// clusters keep their promises (mentions of known documents, earliest dated, loops of outlets).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/error.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/trace.hpp"

namespace {

const hearsay::analyzer& analyzer() {
  static const hearsay::analyzer an;
  return an;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view feed(reinterpret_cast<const char*>(data), size);
  hearsay::tracer direct, sent;
  std::size_t at = 0, line_no = 0, documents = 0;
  while (at < feed.size()) {
    std::size_t end = feed.find('\n', at);
    if (end == std::string_view::npos) end = feed.size();
    const std::string_view line = feed.substr(at, end - at);
    const hearsay::feed_position where{"fuzz.jsonl", ++line_no, at};
    at = end + 1;
    for (const bool repair : {false, true}) {
      hearsay::feed_options options;
      options.repair_utf8 = repair;
      try {
        const hearsay::feed_record r = hearsay::read_feed_record(line, where, options);
        HEARSAY_FUZZ_CHECK(!r.text.empty(), "a record with an empty text");
        for (const hearsay::parse_error& p : r.problems) {
          HEARSAY_FUZZ_CHECK(p.line() == line_no, "a problem names another line");
        }
        if (repair) break;  // traced once
        const hearsay::document doc = analyzer().analyze(r.text, r.id);
        direct.add(doc, r.outlet, r.date);
        const hearsay::traced_document t = hearsay::traced_document::of(doc, r.outlet, r.date);
        sent.add(hearsay::traced_document::from_bytes(t.to_bytes()));
        ++documents;
        break;
      } catch (const hearsay::parse_error& e) {
        HEARSAY_FUZZ_CHECK(std::string_view(e.what()).starts_with("[hearsay.input_error."),
                           std::string("unexpected message: ") + e.what());
        HEARSAY_FUZZ_CHECK(e.line() == line_no, "an error names another line");
        HEARSAY_FUZZ_CHECK(e.offset() <= feed.size(), "error offset beyond the feed");
      } catch (const hearsay::encoding_error&) {
        HEARSAY_FUZZ_CHECK(false, "a repaired record's text is not UTF-8");
      }
    }
  }
  const auto clusters = direct.clusters(1);
  HEARSAY_FUZZ_CHECK(clusters == sent.clusters(1), "bytes trace differently");
  for (const hearsay::trace_cluster& c : clusters) {
    HEARSAY_FUZZ_CHECK(!c.mentions.empty() && c.documents >= 1 && c.documents <= documents,
                       "a cluster without mentions or with unknown documents");
    if (c.earliest) {
      HEARSAY_FUZZ_CHECK(*c.earliest < c.mentions.size() && c.mentions[*c.earliest].date,
                         "an earliest mention without a date");
    }
    for (const auto& loop : c.circular) HEARSAY_FUZZ_CHECK(loop.size() >= 2, "a loop of one");
    (void)hearsay::to_json(c, 1);
  }
  return 0;
}
