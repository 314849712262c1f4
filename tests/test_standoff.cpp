// Tests for standoff.hpp: gold rebuilt from code-point offsets into an article kept outside the
// repository, and every way a standoff file or its article can be wrong.
#include "hearsay/standoff.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "hearsay/corpus.hpp"
#include "hearsay/detail/sha256.hpp"
#include "hearsay/error.hpp"
#include "hearsay/text.hpp"

#ifndef HEARSAY_SHARED_DIR
#define HEARSAY_SHARED_DIR "../shared"
#endif
#ifndef HEARSAY_CORPORA_DIR
#define HEARSAY_CORPORA_DIR "corpora"
#endif

namespace {

// "É" is two bytes and one code point: offsets after it differ between the two.
const std::string article = "Élan, NHK said.\n\nThe mayor resigned.";

std::string standoff(const std::string& body, const std::string& text = article) {
  return "<standoff lang=\"en\" corpus=\"test\" file=\"a.txt\" sha256=\"" +
         hearsay::detail::sha256_hex(text) + "\" chars=\"" +
         std::to_string(hearsay::count_codepoints(text)) + "\">" + body + "</standoff>";
}

const std::string good_body =
    "<doc id=\"d\"><p start=\"0\" end=\"15\"><s start=\"0\" end=\"15\">"
    "<claim status=\"reported\" chain=\"s1\" start=\"0\" end=\"4\"/>"
    "<src id=\"s1\" kind=\"media\" named=\"true\" start=\"6\" end=\"9\"/>"
    "<cue start=\"10\" end=\"14\"/></s></p>"
    "<p start=\"17\" end=\"36\"><s start=\"17\" end=\"36\">"
    "<claim status=\"confirmed\" start=\"17\" end=\"35\"/></s></p></doc>";

std::string error_of(const std::string& xml, const std::string& text = article) {
  try {
    hearsay::load_standoff(xml, text, "t.xml");
  } catch (const hearsay::corpus_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(standoff_gold)

BOOST_AUTO_TEST_CASE(sha256_matches_the_published_test_vectors) {
  BOOST_TEST(hearsay::detail::sha256_hex("") ==
             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(hearsay::detail::sha256_hex("abc") ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  BOOST_TEST(hearsay::detail::sha256_hex(std::string(1000, 'a')) ==
             "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

BOOST_AUTO_TEST_CASE(code_point_offsets_become_byte_spans_into_the_verbatim_article) {
  const hearsay::corpus c = hearsay::load_standoff(standoff(good_body), article, "t.xml");
  BOOST_REQUIRE_EQUAL(c.documents.size(), 1u);
  const hearsay::gold_document& d = c.documents[0];
  BOOST_TEST(d.text == article);  // the article itself, not a re-spaced copy
  BOOST_REQUIRE_EQUAL(d.claims.size(), 2u);
  BOOST_TEST(std::string(d.claims[0].where.of(d.text)) == "Élan");
  BOOST_TEST(std::string(d.claims[1].where.of(d.text)) == "The mayor resigned");
  BOOST_TEST(d.claims[1].sentence == 1u);
  BOOST_REQUIRE_EQUAL(d.sources.size(), 1u);
  BOOST_TEST(std::string(d.sources[0].where.of(d.text)) == "NHK");
  BOOST_TEST(d.claims[0].chain == std::vector<std::string>{"s1"});
  BOOST_REQUIRE_EQUAL(d.cues.size(), 1u);
  BOOST_TEST(std::string(d.cues[0].of(d.text)) == "said");
  BOOST_REQUIRE_EQUAL(d.sentences.size(), 2u);
  BOOST_TEST(std::string(d.sentences[0].of(d.text)) == "Élan, NHK said.");
}

BOOST_AUTO_TEST_CASE(an_article_that_changed_is_refused_by_its_hash) {
  const std::string changed = "Élan, CNN said.\n\nThe mayor resigned.";
  const std::string what = error_of(standoff(good_body), changed);
  BOOST_TEST(what.find("SHA-256 differs") != std::string::npos, what);
}

BOOST_AUTO_TEST_CASE(spans_outside_their_parent_or_the_article_are_refused) {
  std::string body = good_body;
  body.replace(body.find("end=\"4\""), 7, "end=\"99\"");
  BOOST_TEST(error_of(standoff(body)).find("out-of-range span") != std::string::npos);
  body = good_body;
  body.replace(body.find("start=\"6\" end=\"9\""), 17, "start=\"6\" end=\"16\"");
  BOOST_TEST(error_of(standoff(body)).find("outside its parent") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_same_checks_as_spec_xml_apply_to_attributes_and_chains) {
  std::string body = good_body;
  body.replace(body.find("chain=\"s1\""), 10, "chain=\"s9\"");
  BOOST_TEST(error_of(standoff(body)).find("chain names no <src> with id 's9'") !=
             std::string::npos);
  body = good_body;
  body.replace(body.find("kind=\"media\""), 12, "kind=\"press\"");
  BOOST_TEST(error_of(standoff(body)).find("invalid kind 'press'") != std::string::npos);
  BOOST_TEST(error_of("<corpus/>").find("root element must be <standoff>") != std::string::npos);
  const std::string climbing = "<standoff corpus=\"c\" file=\"../x\" sha256=\"0\" chars=\"1\"/>";
  BOOST_TEST(error_of(climbing).find("invalid file '../x'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(load_gold_file_finds_the_article_in_shared_above_the_file) {
  namespace fs = std::filesystem;
  const fs::path top = fs::temp_directory_path() / "hearsay_standoff_test";
  fs::remove_all(top);
  fs::create_directories(top / "shared" / "test" / "text");
  fs::create_directories(top / "repo" / "corpora" / "real");
  std::ofstream(top / "shared" / "test" / "text" / "a.txt", std::ios::binary) << article;
  const fs::path gold = top / "repo" / "corpora" / "real" / "a.xml";
  std::ofstream(gold, std::ios::binary) << standoff(good_body);
  const hearsay::corpus c = hearsay::load_gold_file(gold.string());
  BOOST_TEST(c.documents.at(0).claims.size() == 2u);
  // An explicit folder without the article: a clear io_error, not a silent skip.
  BOOST_CHECK_THROW(hearsay::load_gold_file(gold.string(), {(top / "repo").string()}),
                    hearsay::io_error);
  fs::remove_all(top);
}

// Every real-article standoff file in corpora/real loads against its article in ../shared.
BOOST_AUTO_TEST_CASE(every_real_article_gold_file_rebuilds_against_its_article) {
  namespace fs = std::filesystem;
  const fs::path real = fs::path(HEARSAY_CORPORA_DIR) / "real";
  if (!fs::exists(fs::path(HEARSAY_SHARED_DIR) / "polnear-dev" / "text")) {
    BOOST_TEST_MESSAGE("skipped: " HEARSAY_SHARED_DIR "/polnear-dev/text is absent");
    return;
  }
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(real)) {
    if (entry.path().extension() != ".xml") continue;
    const hearsay::corpus c = hearsay::load_gold_file(
        entry.path().string(), {(fs::path(HEARSAY_SHARED_DIR) / "polnear-dev" / "text").string()});
    BOOST_TEST(!c.documents.empty(), entry.path());
    for (const hearsay::gold_document& d : c.documents) BOOST_TEST(!d.claims.empty(), d.id);
    ++files;
  }
  BOOST_TEST(files >= 40u, "corpora/real holds " << files << " standoff files");
}

BOOST_AUTO_TEST_SUITE_END()
