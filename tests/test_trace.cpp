// trace.hpp, feed.hpp and trace_score.hpp: feed records and dates, clusters of matching claims
// across documents, earliest mentions, innermost sources, circular citations, the bytes a Dask
// worker sends, and the B-cubed scores of the gold sets. Also `hearsay trace` on a bad feed.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/trace.hpp"
#include "hearsay/trace_score.hpp"

namespace fs = std::filesystem;

namespace {

const hearsay::analyzer& analyzer() {
  static const hearsay::analyzer an;
  return an;
}

struct article {
  std::string id, text, outlet, date;
};

std::vector<hearsay::trace_cluster> trace_feed(const std::vector<article>& feed,
                                               std::size_t min_documents = 2) {
  hearsay::tracer tr;
  for (const article& a : feed) {
    tr.add(analyzer().analyze(a.text, a.id),
           a.outlet.empty() ? std::nullopt : std::optional<std::string>(a.outlet),
           hearsay::parse_feed_date(a.date));
  }
  return tr.clusters(min_documents);
}

std::string message_of(const std::string& line) {
  try {
    (void)hearsay::read_feed_record(line, hearsay::feed_position{"feed.jsonl", 3, 100});
  } catch (const hearsay::error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tracing)

BOOST_AUTO_TEST_CASE(feed_dates_parse_only_real_days_and_times) {
  const auto leap = hearsay::parse_feed_date("2024-02-29");
  BOOST_REQUIRE(leap);
  BOOST_TEST(hearsay::to_string(*leap) == "2024-02-29");
  const auto timed = hearsay::parse_feed_date("2026-03-14T09:30");
  BOOST_REQUIRE(timed);
  BOOST_TEST(timed->minute_of_day == 9 * 60 + 30);
  BOOST_TEST(hearsay::to_string(*timed) == "2026-03-14T09:30");
  for (const char* bad :
       {"2026-02-29", "2026-13-01", "2026-04-31", "2026-03-14T24:00", "2026-03-14T09:60",
        "2026-3-14", "14/03/2026", "", "2026-03-14 09:30", "0000-01-01"}) {
    BOOST_TEST(!hearsay::parse_feed_date(bad), bad);
  }
  // A date alone sorts at its day's first minute, before any time that day.
  BOOST_TEST(hearsay::parse_feed_date("2026-03-14")->sort_key() <
             hearsay::parse_feed_date("2026-03-14T00:01")->sort_key());
  BOOST_TEST(hearsay::parse_feed_date("2026-02-28T23:59")->sort_key() <
             hearsay::parse_feed_date("2026-03-01")->sort_key());
}

BOOST_AUTO_TEST_CASE(bad_records_name_the_line_and_the_byte) {
  BOOST_TEST(message_of("not json") ==
             "[hearsay.input_error.207] feed.jsonl:3:2 (byte 101): not JSON: syntax error while "
             "parsing value - invalid literal; last read: 'no'");
  BOOST_TEST(message_of(R"({"id": "a"})") ==
             "[hearsay.input_error.204] feed.jsonl:3:1 (byte 100): record needs a string field "
             "\"text\"");
  BOOST_TEST(message_of(R"({"id": "a", "text": "  "})") ==
             "[hearsay.input_error.204] feed.jsonl:3:1 (byte 100): record has an empty \"text\"");
  BOOST_TEST(message_of(R"({"id": true, "text": "x"})") ==
             "[hearsay.input_error.204] feed.jsonl:3:1 (byte 100): record field \"id\" must be a "
             "string or an integer, not a boolean");
  BOOST_TEST(message_of("[1]") ==
             "[hearsay.input_error.204] feed.jsonl:3:1 (byte 100): a record must be a JSON object, "
             "not an array");
  BOOST_TEST(message_of("{\"text\": \"caf\xC3\"}") ==
             "[hearsay.input_error.101] feed.jsonl:3:14 (byte 113): invalid UTF-8: invalid "
             "continuation byte");
}

BOOST_AUTO_TEST_CASE(a_bad_date_or_outlet_is_a_problem_of_a_record_still_traced) {
  const hearsay::feed_record r = hearsay::read_feed_record(
      R"({"id": 7, "text": "Rain fell.", "outlet": 3, "date": "2026-02-30"})",
      hearsay::feed_position{"f", 9, 0});
  BOOST_TEST(r.id == "7");
  BOOST_TEST(r.text == "Rain fell.");
  BOOST_TEST(!r.outlet);
  BOOST_TEST(!r.date);
  BOOST_REQUIRE_EQUAL(r.problems.size(), 2u);
  BOOST_TEST(std::string(r.problems[1].what()) ==
             "[hearsay.input_error.204] f:9:1 (byte 0): record \"7\": date \"2026-02-30\" does not "
             "parse (YYYY-MM-DD or YYYY-MM-DDTHH:MM); traced without a date");
  const hearsay::feed_record plain =
      hearsay::read_feed_record(R"({"text": "Rain fell."})", hearsay::feed_position{"f", 9, 0});
  BOOST_TEST(plain.id == "f:9");
  BOOST_TEST(plain.problems.empty());
}

BOOST_AUTO_TEST_CASE(matching_claims_of_different_documents_form_one_cluster) {
  const auto clusters = trace_feed({
      {"a", "The airline will cut 2,000 jobs at its Denholm base.", "Harbor Times", "2026-03-02"},
      {"b", "Officials said the airline will cut 2,000 jobs at its Denholm base.", "Ledger",
       "2026-03-01"},
      {"c", "The airline will cut 1,500 jobs at its Denholm base.", "Coast Radio", "2026-02-28"},
      {"d", "The museum reopened after a long renovation.", "", ""},
  });
  BOOST_REQUIRE_EQUAL(clusters.size(), 1u);  // 1,500 is a conflict, not a match
  const hearsay::trace_cluster& c = clusters.front();
  BOOST_TEST(c.documents == 2u);
  BOOST_REQUIRE_EQUAL(c.mentions.size(), 2u);
  BOOST_TEST(c.mentions[0].document == "a");
  BOOST_TEST(c.mentions[1].document == "b");
  BOOST_TEST(c.mentions[1].status == hearsay::status::reported);
  BOOST_REQUIRE(c.earliest);
  BOOST_TEST(*c.earliest == 1u);
  BOOST_REQUIRE_EQUAL(c.sources.size(), 1u);
  BOOST_TEST(c.sources[0].text == "Officials");
  BOOST_TEST(c.circular.empty());
  // With one document enough, the conflicting claim and the museum are clusters of their own.
  BOOST_TEST(trace_feed({{"c", "The airline will cut 1,500 jobs at its Denholm base.", "", ""}}, 1)
                 .size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_undated_mention_is_never_the_earliest) {
  const auto clusters = trace_feed({
      {"a", "The bridge will stay closed for six weeks.", "", ""},
      {"b", "The bridge will stay closed for six weeks, the city said.", "", "2026-03-09T07:45"},
  });
  BOOST_REQUIRE_EQUAL(clusters.size(), 1u);
  BOOST_REQUIRE(clusters[0].earliest);
  BOOST_TEST(*clusters[0].earliest == 1u);
}

BOOST_AUTO_TEST_CASE(outlets_citing_each_other_make_a_circular_citation) {
  const auto clusters = trace_feed({
      {"a", "The mayor was briefed on the cracks, according to the Valley Ledger.", "Harbor Times",
       "2026-03-10"},
      {"b", "The mayor was briefed on the cracks, the Times reported.", "Valley Ledger",
       "2026-03-11"},
      {"c", "The mayor was briefed on the cracks, Radio Sele said.", "Eastbank Gazette",
       "2026-03-11"},
  });
  BOOST_REQUIRE_EQUAL(clusters.size(), 1u);
  BOOST_REQUIRE_EQUAL(clusters[0].circular.size(), 1u);
  BOOST_TEST(
      (clusters[0].circular[0] == std::vector<std::string>{"Harbor Times", "Valley Ledger"}));
}

BOOST_AUTO_TEST_CASE(a_traced_document_travels_as_bytes_and_traces_the_same) {
  const std::vector<article> feed = {
      {"a", "Pellam Capital is preparing a rival bid, Wirefront said.", "MarketPulse",
       "2026-04-21"},
      {"b", "Pellam Capital is preparing a rival bid for Vantry.", "Wirefront", ""},
  };
  hearsay::tracer direct, sent;
  for (const article& a : feed) {
    const hearsay::document doc = analyzer().analyze(a.text, a.id);
    const auto date = hearsay::parse_feed_date(a.date);
    direct.add(doc, a.outlet, date);
    const hearsay::traced_document t = hearsay::traced_document::of(doc, a.outlet, date);
    const std::string bytes = t.to_bytes();
    BOOST_TEST((hearsay::traced_document::from_bytes(bytes) == t));
    sent.add(hearsay::traced_document::from_bytes(bytes));
    BOOST_CHECK_THROW(hearsay::traced_document::from_bytes(bytes.substr(0, bytes.size() - 1)),
                      hearsay::error);
    BOOST_CHECK_THROW(hearsay::traced_document::from_bytes(bytes + "x"), hearsay::error);
  }
  BOOST_TEST((direct.clusters() == sent.clusters()));
  BOOST_TEST(direct.clusters().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_repeated_claim_keeps_no_second_content) {
  hearsay::tracer tr;
  for (int i = 0; i < 50; ++i) {
    tr.add(analyzer().analyze("The port reopened on Friday after the strike ended.",
                              "d" + std::to_string(i)));
  }
  const hearsay::trace_stats s = tr.stats();
  BOOST_TEST(s.mentions == 50u * (s.mentions / 50u));
  BOOST_TEST(s.contents == s.mentions / 50u);
  const auto clusters = tr.clusters();
  BOOST_REQUIRE(!clusters.empty());
  BOOST_TEST(clusters[0].documents == 50u);
}

BOOST_AUTO_TEST_CASE(gold_sets_keep_outlets_dates_and_clusters) {
  const hearsay::corpus gold = hearsay::load_corpus(
      R"(<corpus><doc id="a" outlet="Harbor Times" date="2026-03-14"><p><s><claim status="confirmed" cluster="x">It rained</claim>.</s></p></doc></corpus>)");
  BOOST_REQUIRE_EQUAL(gold.documents.size(), 1u);
  BOOST_TEST(*gold.documents[0].outlet == "Harbor Times");
  BOOST_TEST(*gold.documents[0].date == "2026-03-14");
  BOOST_TEST(*gold.documents[0].claims[0].cluster == "x");
  const auto loops = hearsay::load_circular("# comment\nx\tHarbor Times\tLedger\n");
  BOOST_REQUIRE_EQUAL(loops.size(), 1u);
  BOOST_TEST((loops[0].outlets == std::vector<std::string>{"Harbor Times", "Ledger"}));
  BOOST_CHECK_THROW(hearsay::load_circular("x\tHarbor Times\n"), hearsay::corpus_error);
}

BOOST_AUTO_TEST_CASE(dev_gold_sets_score_above_the_floor) {
  // The development sets (corpora/trace/*.xml; the held-out set is never scored in tests).
  hearsay::trace_score total;
  std::size_t sets = 0;
  for (const auto& e : fs::directory_iterator(fs::path(HEARSAY_CORPORA_DIR) / "trace")) {
    if (e.path().extension() != ".xml") continue;
    ++sets;
    const hearsay::corpus gold = hearsay::load_corpus_file(e.path().string());
    fs::path loops = e.path();
    loops.replace_extension(".circular.txt");
    hearsay::tracer tr;
    std::vector<hearsay::document> analysed;
    for (const hearsay::gold_document& g : gold.documents) {
      analysed.push_back(analyzer().analyze(g.text, g.id));
      tr.add(analysed.back(), g.outlet, hearsay::parse_feed_date(g.date.value_or("")));
    }
    total += hearsay::score_trace(gold, analysed, tr.clusters(1),
                                  hearsay::load_circular_file(loops.string()));
  }
  BOOST_REQUIRE_GE(sets, 3u);  // sentinel: the trace gold is there
  BOOST_TEST(total.f1() >= 0.80, "dev B-cubed F1 " << total.f1());
  BOOST_TEST(total.precision() >= 0.85, "dev B-cubed precision " << total.precision());
  BOOST_TEST(total.circular_found >= 2u);
  BOOST_TEST(total.circular_right == total.circular_predicted);
}

BOOST_AUTO_TEST_CASE(the_cli_reports_each_bad_line_and_traces_the_rest) {
  const fs::path dir =
      fs::temp_directory_path() / ("hearsay-test-trace-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream feed(dir / "feed.jsonl");
    feed
        << R"({"id": "a", "text": "The airline will cut 2,000 jobs.", "outlet": "Harbor Times"})"
        << "\n"
        << "not json\n\n"
        << R"({"id": "b", "text": "Officials said the airline will cut 2,000 jobs.", "date": "May 3"})"
        << "\n"
        << R"({"id": "c"})"
        << "\n";
  }
  const std::string command = std::string(HEARSAY_CLI_PATH) + " trace " +
                              (dir / "feed.jsonl").string() + " >" + (dir / "out").string() +
                              " 2>" + (dir / "err").string();
  const int status = std::system(command.c_str());
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 1);
  std::ifstream err(dir / "err"), out(dir / "out");
  std::stringstream e, o;
  e << err.rdbuf();
  o << out.rdbuf();
  const std::string f = (dir / "feed.jsonl").string();
  BOOST_TEST(
      e.str() ==
      "hearsay: [hearsay.input_error.207] " + f +
          ":2:2 (byte 83): not JSON: syntax error "
          "while parsing value - invalid literal; last read: 'no'\n"
          "hearsay: [hearsay.input_error.204] " +
          f +
          ":4:1 (byte 92): record \"b\": date "
          "\"May 3\" does not parse (YYYY-MM-DD or YYYY-MM-DDTHH:MM); traced without a date\n"
          "hearsay: [hearsay.input_error.204] " +
          f +
          ":5:1 (byte 180): record needs a string "
          "field \"text\"\n");
  const nlohmann::json cluster = nlohmann::json::parse(o.str());
  BOOST_TEST(cluster["documents"] == 2);
  BOOST_TEST(cluster["mentions"][0]["outlet"] == "Harbor Times");
  BOOST_TEST(cluster["mentions"][1]["date"].is_null());
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
