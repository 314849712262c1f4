// JSON output: SPEC section 4 fields and code-point offsets; the CLI's exit codes.
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/detail/json_buffer.hpp"
#include "hearsay/json.hpp"
#include "reference_json_writer.hpp"
#include "stress_texts.hpp"

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

// --- issue 16: the fast writer writes exactly what the writer before it wrote ------------------

namespace {

// The new writer, both ways (into a string, streamed in chunks), against the old one.
void check_same_as_reference(const hearsay::document& doc, const std::string& what) {
  const std::string expected = reference::to_json(doc);
  const std::string compact = hearsay::to_json(doc);
  BOOST_TEST((compact == expected), what << ": to_json differs from the reference writer");
  std::ostringstream streamed;
  hearsay::write_json(streamed, doc);
  BOOST_TEST((streamed.str() == expected), what << ": write_json differs from the reference");
}

std::vector<hearsay::gold_document> gold_documents() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<hearsay::gold_document> docs;
  for (const auto& f : files) {
    for (auto& d : hearsay::load_corpus_file(f.string()).documents) docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace

BOOST_AUTO_TEST_CASE(writer_output_is_byte_identical_to_the_reference_on_every_gold_text) {
  const std::vector<hearsay::gold_document> gold = gold_documents();
  BOOST_REQUIRE_MESSAGE(gold.size() >= 30, "corpora/*.xml missing: " HEARSAY_CORPORA_DIR);
  const hearsay::analyzer an;
  std::string joined;  // every gold text in one document: sources many paragraphs back
  for (const hearsay::gold_document& g : gold) {
    check_same_as_reference(an.analyze(g.text, g.id), g.id);
    joined += g.text;
    joined += "\n\n";
  }
  const hearsay::document all = an.analyze(joined, "all gold texts");
  BOOST_TEST(hearsay::to_json(all).size() > (1u << 17));  // more than one streamed chunk
  check_same_as_reference(all, "all gold texts in one document");
}

BOOST_AUTO_TEST_CASE(writer_output_is_byte_identical_to_the_reference_on_the_stress_texts) {
  const hearsay::analyzer an;
  for (const stress::shape& s : stress::pathological_shapes()) {
    check_same_as_reference(an.analyze(s.make(200000), s.name), s.name);
  }
  hearsay::analyzer_options repair;
  repair.repair_utf8 = true;
  const hearsay::analyzer repairing(hearsay::lexicon::builtin(), repair);
  check_same_as_reference(repairing.analyze("Caf\xC3\xA9 NHK said \xC0\xAF it \x01"
                                            "failed.\r\n\n\"No,\" Kim\tsaid.",
                                            "r"),
                          "repaired text with control characters");
}

// What only a document built by hand can hold: invalid UTF-8, spans inside a character or past
// the end, claims out of order, confidences outside [0, 1]. The old writer's answers stand.
BOOST_AUTO_TEST_CASE(writer_output_is_byte_identical_to_the_reference_on_hand_built_documents) {
  hearsay::document doc;
  doc.id = "hand\xFFmade";
  doc.language = "e\"n";
  doc.text = "Caf\xC3\xA9 \xE2\x80\x9CNHK\xE2\x80\x9D said\x7F\\ it\b\f\x1F\xFF\xFE failed.";
  doc.sentences = {{0, 10}, {10, doc.text.size()}, {3, 4}, {0, 1000}};
  const auto add_claim = [&](hearsay::span where, float confidence) {
    hearsay::claim c;
    c.where = where;
    c.confidence = confidence;
    c.evidence.add_word({where.begin, where.end});
    hearsay::link l;
    l.source.where = {7, 14};
    l.source.refers_to = hearsay::span{4, 5};  // inside "é"
    l.cue.where = {15, 19};
    l.cue.lemma = "s\xC0y";
    c.chain.push_back(l);
    doc.claims.push_back(c);
  };
  add_claim({20, doc.text.size()}, 0.9345f);
  add_claim({0, 4}, -0.5f);      // ends inside "é"
  add_claim({4, 7}, 1.7f);       // starts inside it
  add_claim({5, 900}, 0.0005f);  // past the end
  add_claim({0, 0}, std::numeric_limits<float>::quiet_NaN());
  doc.repaired = {2, 5};
  check_same_as_reference(doc, "hand-built document");
  check_same_as_reference(hearsay::document{}, "empty document");
}

BOOST_AUTO_TEST_CASE(confidence_digits_match_printf_for_every_thousandth_and_its_neighbours) {
  const auto printf3 = [](double x) {
    char b[32];
    const int n = std::snprintf(b, sizeof b, "%.3f", x);
    return std::string(b, static_cast<std::size_t>(n));
  };
  const auto fast3 = [](double x) {
    std::string out;
    hearsay::detail::json_buffer buffer(out);
    buffer.fixed3(x);
    buffer.finish();
    return out;
  };
  std::size_t mismatches = 0;
  const auto check = [&](float f) {
    const double x = static_cast<double>(f);
    if (printf3(x) != fast3(x) && ++mismatches <= 5) BOOST_ERROR("differs at " << printf3(x));
  };
  for (int k = 0; k <= 2000; ++k) {  // the ties halfway between thousandths among them
    float f = static_cast<float>(k) / 2000.0f;
    for (int step = 0; step < 8; ++step) f = std::nextafter(f, 0.0f);
    for (int step = 0; step < 16; ++step, f = std::nextafter(f, 2.0f)) check(f);
  }
  std::mt19937 rng(16);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 200000; ++i) check(unit(rng));
  BOOST_TEST(mismatches == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
