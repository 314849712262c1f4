// JSON output: SPEC section 4 fields and code-point offsets; the CLI's exit codes.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "hearsay/analyzer.hpp"
#include "hearsay/json.hpp"

namespace {
std::size_t cp_length(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}
// A temp folder of this process's own: the compiled and header-only suites run in parallel.
std::filesystem::path scratch_dir() {
  static const std::filesystem::path dir = [] {
    const auto d = std::filesystem::temp_directory_path() /
                   ("hearsay-test-json-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}
int run(const std::string& command) {
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(output_has_every_spec_field_with_code_point_offsets) {
  const std::string text = "Kim’s envoy said the talks “went well” in Hanoi.";
  const hearsay::document doc = hearsay::analyzer().analyze(text, "doc-1");
  const nlohmann::json j = nlohmann::json::parse(hearsay::to_json(doc));
  BOOST_TEST(j["id"] == "doc-1");
  BOOST_TEST(j["language"] == "en");
  BOOST_REQUIRE_EQUAL(j["claims"].size(), 1u);
  const nlohmann::json& c = j["claims"][0];
  for (const char* field :
       {"sentence", "start", "end", "text", "status", "certainty", "polarity", "quote", "chain"}) {
    BOOST_TEST(c.contains(field), field);
  }
  const std::string claim_text = c["text"];
  const std::size_t start = c["start"], end = c["end"];
  BOOST_TEST(end - start == cp_length(claim_text));
  BOOST_TEST(c["quote"] == "mixed");
  const nlohmann::json& src = c["chain"][0]["source"];
  BOOST_TEST(src["text"] == "Kim’s envoy");
  BOOST_TEST(src["start"] == 0);
  BOOST_TEST(src["end"] == 11);
  BOOST_TEST(src.contains("refers_to"));
  BOOST_TEST(c["chain"][0]["cue"]["lemma"] == "say");
  BOOST_TEST(c["chain"][0]["cue"]["class"] == "report");
}

BOOST_AUTO_TEST_CASE(streamed_writer_equals_the_dom_output_on_awkward_text) {
  // Quotes, backslashes, control characters, tabs and non-ASCII in every kind of span.
  const std::string text =
      "“The \\ plan\tis \"dead\",” said Zoë \x01Ruiz.\r\n\nNHK, citing sources, said 東京 will "
      "host talks. It is thought that the envoy left.";
  const hearsay::document doc = hearsay::analyzer().analyze(text, "odd \"id\"");
  BOOST_REQUIRE(!doc.claims.empty());
  const nlohmann::json compact = nlohmann::json::parse(hearsay::to_json(doc));
  const nlohmann::json dom = nlohmann::json::parse(hearsay::to_json(doc, 2));
  BOOST_TEST(compact == dom);
  std::ostringstream streamed;
  hearsay::write_json(streamed, doc);
  BOOST_TEST(streamed.str() == hearsay::to_json(doc));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_in_an_id_becomes_replacement_characters_not_invalid_json) {
  const hearsay::document doc = hearsay::analyzer().analyze("Kim left.", "bad\xED\xA0\x80id");
  const std::string out = hearsay::to_json(doc);
  BOOST_TEST(hearsay::check_utf8(out).valid);
  // One per maximal subpart (an encoded surrogate is three), in both writers.
  BOOST_TEST(nlohmann::json::parse(out)["id"] == "bad\uFFFD\uFFFD\uFFFDid");
  BOOST_TEST(nlohmann::json::parse(hearsay::to_json(doc, 2))["id"] == "bad\uFFFD\uFFFD\uFFFDid");
}

// The JSON did not say that repair changed the text; now a last field does, in both writers.
BOOST_AUTO_TEST_CASE(repaired_text_is_flagged_with_the_count_and_first_code_point) {
  hearsay::analyzer_options options;
  options.repair_utf8 = true;
  const hearsay::analyzer an(hearsay::lexicon::builtin(), options);
  const hearsay::document doc = an.analyze("Caf\xC3\xA9 NHK said \xC0\xAF it failed.");
  const nlohmann::json j = nlohmann::json::parse(hearsay::to_json(doc));
  BOOST_TEST(j["repaired"]["replacements"] == 2);
  BOOST_TEST(j["repaired"]["first"] == 14);  // code points: "Café NHK said " is 14
  BOOST_TEST(nlohmann::json::parse(hearsay::to_json(doc, 2)) == j);
  const nlohmann::json clean = nlohmann::json::parse(hearsay::to_json(an.analyze("NHK left.")));
  BOOST_TEST(!clean.contains("repaired"));
}

BOOST_AUTO_TEST_CASE(unspecified_source_has_an_empty_span_and_null_reference) {
  const hearsay::document doc = hearsay::analyzer().analyze("It is thought that the envoy left.");
  const nlohmann::json j = nlohmann::json::parse(hearsay::to_json(doc));
  const nlohmann::json& src = j["claims"][0]["chain"][0]["source"];
  BOOST_TEST(src["kind"] == "unspecified");
  BOOST_TEST(src["text"] == "");
  BOOST_TEST(src["start"] == src["end"]);
  BOOST_TEST(src["refers_to"].is_null());
}

BOOST_AUTO_TEST_CASE(cli_exit_codes_are_documented_values) {
  const std::string cli = HEARSAY_CLI_PATH;
  const std::filesystem::path dir = scratch_dir();
  const std::string good = (dir / "hearsay_good.txt").string();
  const std::string bad = (dir / "hearsay_bad.txt").string();
  std::ofstream(good) << "NHK said the talks failed.";
  std::ofstream(bad) << "NHK said \xff the talks failed.";
  BOOST_TEST(run(cli + " analyze " + good) == 0);
  BOOST_TEST(run(cli + " analyze " + bad) == 1);
  BOOST_TEST(run(cli + " analyze /nonexistent/file.txt") == 1);
  BOOST_TEST(run(cli + " analyze --format yaml " + good) == 2);
  BOOST_TEST(run(cli + " frobnicate") == 2);
  // A failed input never leaves a partial JSON value on standard output.
  const std::string out = (dir / "hearsay_out.json").string();
  std::system((cli + " analyze " + good + " " + bad + " > " + out + " 2>/dev/null").c_str());
  BOOST_TEST(std::filesystem::file_size(out) == 0u);
}

BOOST_AUTO_TEST_CASE(cli_streams_jsonl_records_with_their_ids) {
  const std::string cli = HEARSAY_CLI_PATH;
  const std::filesystem::path dir = scratch_dir();
  const std::string in = (dir / "hearsay_in.jsonl").string();
  const std::string out = (dir / "hearsay_stream.jsonl").string();
  std::ofstream(in) << "{\"id\": \"a\", \"text\": \"NHK said the talks failed.\"}\n"
                    << "not json\n"
                    << "{\"id\": \"b\", \"text\": \"Kim left.\"}\n";
  const int status =
      std::system((cli + " analyze --input jsonl " + in + " > " + out + " 2>/dev/null").c_str());
  BOOST_TEST(WEXITSTATUS(status) == 1);  // line 2 is not JSON: reported, the others still stream
  std::ifstream result(out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(result, line)) ids.push_back(nlohmann::json::parse(line)["id"]);
  BOOST_TEST((ids == std::vector<std::string>{"a", "b"}));
}

BOOST_AUTO_TEST_SUITE_END()
