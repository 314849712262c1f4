// The analysis as SPEC section 5 gold XML: it reads back as gold, and scoring a fresh analysis
// against it gives perfect scores; marks that would cross are clipped into well-formed gold.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/gold_xml.hpp"
#include "hearsay/score.hpp"
#include "hearsay/text.hpp"

namespace {

std::string sample_text() {
  return hearsay::read_file(std::string(HEARSAY_SOURCE_DIR) + "/data/sample/article.txt");
}

// Every score of `s` is perfect and something was scored.
void check_perfect(const hearsay::scores& s) {
  BOOST_TEST(s.claims.gold > 0u);
  BOOST_TEST(s.sentences.f1() == 1.0);
  BOOST_TEST(s.claims.f1() == 1.0);
  BOOST_TEST(s.cues.f1() == 1.0);
  BOOST_TEST(s.status_macro_f1() == 1.0);
  BOOST_TEST(s.span_exact.value() == 1.0);
  BOOST_TEST(s.status.value() == 1.0);
  BOOST_TEST(s.chain_exact.value() == 1.0);
  BOOST_TEST(s.end_to_end.value() == 1.0);
  BOOST_TEST(s.certainty.value() == 1.0);
  BOOST_TEST(s.polarity.value() == 1.0);
  BOOST_TEST(s.quote.value() == 1.0);
  BOOST_TEST(s.certainty.total == s.claims.gold);
}

// A document with marks placed by hand (no analyzer), for the clipping rules.
hearsay::link make_link(hearsay::span src, hearsay::span cue,
                        hearsay::source_kind kind = hearsay::source_kind::person) {
  hearsay::link l;
  l.source.where = src;
  l.source.kind = kind;
  l.source.named = true;
  l.cue.where = cue;
  l.cue.lemma = "say";
  return l;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gold_xml)

BOOST_AUTO_TEST_CASE(sample_analysis_as_xml_is_gold_that_a_new_analysis_scores_perfectly_on) {
  const hearsay::analyzer an;
  const hearsay::document first = an.analyze(sample_text(), "article");
  const std::string xml = hearsay::to_gold_xml({first});
  const hearsay::corpus gold = hearsay::load_corpus(xml, "sample.xml");
  BOOST_REQUIRE_EQUAL(gold.documents.size(), 1u);
  const hearsay::gold_document& g = gold.documents.front();
  BOOST_TEST(g.id == "article");
  BOOST_TEST(g.claims.size() == first.claims.size());
  BOOST_TEST(g.sentences.size() == first.sentences.size());
  const hearsay::document_score score = hearsay::score_document(g, an.analyze(g.text, g.id));
  check_perfect(score.totals);
  BOOST_TEST(score.mistakes.empty());
}

BOOST_AUTO_TEST_CASE(every_corpus_analysis_reads_back_as_gold_it_scores_perfectly_on) {
  // Over every gold text of corpora/: the analysis written as XML loads, keeps every claim, and a
  // new analysis of the gold text scores perfectly on it (the round trip loses nothing).
  const hearsay::analyzer an;
  std::size_t files = 0;
  hearsay::scores total;
  for (const auto& entry : std::filesystem::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    std::vector<hearsay::document> docs;
    for (const hearsay::gold_document& d : hearsay::load_corpus_file(entry.path()).documents) {
      docs.push_back(an.analyze(d.text, d.id));
    }
    const hearsay::corpus back = hearsay::load_corpus(hearsay::to_gold_xml(docs), "round-trip");
    BOOST_REQUIRE_EQUAL(back.documents.size(), docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) {
      const hearsay::gold_document& g = back.documents[i];
      BOOST_TEST(g.claims.size() == docs[i].claims.size(), g.id);
      total += hearsay::score_document(g, an.analyze(g.text, g.id)).totals;
    }
  }
  BOOST_REQUIRE_GE(files, 8u);  // sentinel: the corpora are there
  check_perfect(total);
}

BOOST_AUTO_TEST_CASE(text_is_escaped_and_ids_stay_unique) {
  const hearsay::analyzer an;
  const std::string text = "Officials said <b>prices</b> & \"rents\" rose\x01 sharply.";
  std::vector<hearsay::document> docs{an.analyze(text, "a&b"), an.analyze(text, "a&b")};
  const std::string xml = hearsay::to_gold_xml(docs);
  BOOST_TEST(xml.find("<b>") == std::string::npos);
  BOOST_TEST(xml.find("&lt;b&gt;prices&lt;/b&gt; &amp; &quot;rents&quot;") != std::string::npos);
  BOOST_TEST(xml.find('\x01') == std::string::npos);
  const hearsay::corpus back = hearsay::load_corpus(xml, "escaped");
  BOOST_REQUIRE_EQUAL(back.documents.size(), 2u);
  BOOST_TEST(back.documents[0].id == "a&b");
  BOOST_TEST(back.documents[1].id == "a&b-2");
  BOOST_TEST(back.documents[0].text == "Officials said <b>prices</b> & \"rents\" rose sharply.");
  BOOST_TEST(back.documents[0].claims.size() == docs[0].claims.size());
}

BOOST_AUTO_TEST_CASE(marks_that_would_cross_are_clipped_into_well_formed_gold) {
  hearsay::document doc;
  doc.id = "clip";
  doc.text = "Ann Lee of Acme said the plan failed. Bob told Cy it worked.\nNext line here.";
  doc.sentences = {{0, 37}, {38, 60}, {61, 76}};
  hearsay::claim a;  // crosses into the next sentence: clipped to its own
  a.sentence = 0;
  a.where = {21, 45};
  a.status = hearsay::status::reported;
  a.chain = {make_link({0, 7}, {16, 20})};
  hearsay::claim b;  // overlaps claim a's tail inside sentence 0: starts after it
  b.sentence = 0;
  b.where = {30, 36};
  hearsay::claim c;  // its source crosses its start; a second source overlaps the first
  c.sentence = 1;
  c.where = {50, 59};
  c.status = hearsay::status::reported;
  c.chain = {make_link({0, 15}, {16, 20}), make_link({38, 53}, {42, 46})};
  hearsay::claim d;  // the third sentence, after a single line break: a paragraph of its own
  d.sentence = 2;
  d.where = {61, 75};
  d.status = hearsay::status::alleged;
  d.chain = {make_link({}, {61, 65}, hearsay::source_kind::unspecified)};
  doc.claims = {a, b, c, d};
  const std::string xml = hearsay::to_gold_xml({doc});
  const hearsay::corpus back = hearsay::load_corpus(xml, "clip");  // throws when malformed
  BOOST_REQUIRE_EQUAL(back.documents.size(), 1u);
  const hearsay::gold_document& g = back.documents.front();
  BOOST_TEST(g.text ==
             "Ann Lee of Acme said the plan failed. Bob told Cy it worked.\n\nNext line here.");
  BOOST_REQUIRE_EQUAL(g.claims.size(), 3u);  // b lies inside a, whose clipped span ends at 36
  BOOST_TEST(g.claims[0].where.of(g.text) == "the plan failed.");
  BOOST_TEST(g.claims[1].where.of(g.text) == "it worked");
  BOOST_TEST(g.claims[2].where.of(g.text) == "Next line here");
  // Claim c's chain: "Ann Lee of Acme" overlaps claim a's source "Ann Lee", placed first, and is
  // shown by it; "Bob told Cy it wo" is cut where the claim starts.
  BOOST_REQUIRE_EQUAL(g.claims[1].chain.size(), 2u);
  const hearsay::gold_source* outer = g.find_source(g.claims[1].chain[0]);
  BOOST_REQUIRE(outer);
  BOOST_TEST(outer->where.of(g.text) == "Ann Lee");
  const hearsay::gold_source* inner = g.find_source(g.claims[1].chain[1]);
  BOOST_REQUIRE(inner);
  BOOST_TEST(inner->where.of(g.text) == "Bob told Cy");  // its cue "told", placed later, is dropped
  BOOST_TEST(g.cues.size() == 2u);                       // "said" and "Next"
  BOOST_REQUIRE_EQUAL(g.claims[2].chain.size(), 1u);
  BOOST_TEST(g.claims[2].chain[0] == "_");
  BOOST_TEST(g.sentences.size() == 3u);
}

BOOST_AUTO_TEST_CASE(text_of_forbidden_characters_only_makes_no_element) {
  // XML 1.0 has no control characters; written as spaces, a "sentence" of nothing else would be
  // an empty <s>, which gold cannot hold (found by fuzz_views).
  using namespace std::string_literals;
  const std::string text = "Rain fell. Rivers rose.\r\0\x04\nRoads closed. \xEF\xBF\xBE"s;
  const hearsay::document doc = hearsay::analyzer().analyze(text, "controls");
  const hearsay::corpus back = hearsay::load_corpus(hearsay::to_gold_xml({doc}), "controls");
  BOOST_REQUIRE_EQUAL(back.documents.size(), 1u);
  BOOST_TEST(back.documents[0].text.find('\0') == std::string::npos);
  BOOST_TEST(back.documents[0].sentences.size() == 3u);
}

BOOST_AUTO_TEST_CASE(an_empty_analysis_is_an_empty_corpus) {
  const std::string xml = hearsay::to_gold_xml({hearsay::analyzer().analyze("", "empty")});
  const hearsay::corpus back = hearsay::load_corpus(xml, "empty");
  BOOST_TEST(back.documents.size() == 1u);
  BOOST_TEST(back.documents[0].claims.empty());
}

BOOST_AUTO_TEST_SUITE_END()
