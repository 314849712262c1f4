// Tests for polnear.hpp: the BRAT reader on a tiny hand-made directory, and attribution scoring.
#include "hearsay/polnear.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/error.hpp"

namespace {

namespace fs = std::filesystem;
using hearsay::source_kind;
using hearsay::span;

// Curly quotes make code-point and byte offsets differ.
const std::string article_text =
    "\xE2\x80\x9CTaxes will rise,\xE2\x80\x9D the senator said. Critics believe that rates will "
    "fall.\n\xE2\x80\x9CWe won,\xE2\x80\x9D he said, \xE2\x80\x9C"
    "and we will win again.\xE2\x80\x9D It is believed that aid will come. Follow us on X.";

// Offsets in code points. E3 has a discontinuous content and no Cue (its trigger stands in),
// E4 no source, E5 lies in a Discard span; the Discuss span's text runs onto a second line.
const std::string article_ann =
    "T1\tSource 19 30\tthe senator\n"
    "T2\tCue 31 35\tsaid\n"
    "T3\tContent 0 18\t\xE2\x80\x9CTaxes will rise,\xE2\x80\x9D\n"
    "T4\tAttribution 31 35\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 37 44\tCritics\n"
    "T6\tCue 45 52\tbelieve\n"
    "T7\tContent 53 74\tthat rates will fall.\n"
    "T8\tAttribution 45 52\tbelieve\n"
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
    "T9\tSource 85 87\the\n"
    "T10\tContent 75 84;94 118\t\xE2\x80\x9CWe won,\xE2\x80\x9D \xE2\x80\x9C"
    "and we will win again.\xE2\x80\x9D\n"
    "T11\tAttribution 88 92\tsaid\n"
    "E3\tAttribution:T11 Source:T9 Content:T10\n"
    "T12\tCue 122 133\tis believed\n"
    "T13\tContent 134 152\tthat aid will come\n"
    "T14\tAttribution-no-source 122 133\tis believed\n"
    "E4\tAttribution-no-source:T14 Cue:T12 Content:T13\n"
    "T15\tDiscard 154 169\tFollow us on X.\n"
    "T16\tCue 154 160\tFollow\n"
    "T17\tContent 161 168\tus on X\n"
    "T18\tAttribution 154 160\tFollow\n"
    "E5\tAttribution:T18 Cue:T16 Content:T17\n"
    "T19\tDiscuss 73 76\t.\n"
    "\xE2\x80\x9C\n";

span find(std::string_view text, std::string_view needle, std::size_t nth = 0) {
  std::size_t at = text.find(needle);
  for (; nth > 0; --nth) at = text.find(needle, at + 1);
  BOOST_REQUIRE(at != std::string_view::npos);
  return span{at, at + needle.size()};
}

std::string error_of(std::string_view ann) {
  try {
    hearsay::parse_polnear("a", "He said so.", ann, "a.ann");
  } catch (const hearsay::parse_error& e) {
    return e.what();
  }
  return "";
}

hearsay::link make_link(std::string_view text, std::string_view source_words, source_kind kind,
                        std::string_view cue_words, std::size_t nth_cue = 0) {
  hearsay::link l;
  l.source.kind = kind;
  if (!source_words.empty()) l.source.where = find(text, source_words);
  l.cue.where = find(text, cue_words, nth_cue);
  return l;
}

hearsay::claim make_claim(std::string_view text, std::string_view words,
                          std::vector<hearsay::link> chain) {
  hearsay::claim c;
  c.where = find(text, words);
  c.chain = std::move(chain);
  return c;
}

// A prediction that finds every relation of `article_ann` the way hearsay marks claims (no quotes,
// no "that"), the direct quote as two claims on one cue, and one relation in the Discard span.
hearsay::document good_prediction() {
  hearsay::document d;
  d.id = "a";
  d.text = article_text;
  const std::string& t = d.text;
  d.claims.push_back(
      make_claim(t, "Taxes will rise", {make_link(t, "the senator", source_kind::person, "said")}));
  d.claims.push_back(
      make_claim(t, "rates will fall", {make_link(t, "Critics", source_kind::group, "believe")}));
  // " he" and a step: the first "he" in the text is inside "the".
  d.claims.push_back(
      make_claim(t, "We won", {make_link(t, " he", source_kind::person, "said", 1)}));
  d.claims.back().chain[0].source.where.begin += 1;
  d.claims.push_back(make_claim(t, "and we will win again",
                                {make_link(t, " he", source_kind::person, "said", 1)}));
  d.claims.back().chain[0].source.where.begin += 1;
  d.claims.push_back(
      make_claim(t, "aid will come", {make_link(t, "", source_kind::unspecified, "is believed")}));
  d.claims.push_back(
      make_claim(t, "us on X", {make_link(t, "", source_kind::unspecified, "Follow")}));
  d.claims.push_back(make_claim(t, "Critics believe", {}));  // the writer's: no relation
  return d;
}

// A fresh directory under the system's temporary directory, removed at the end of the test.
struct temp_dir {
  fs::path path;
  temp_dir() {
    path =
        fs::temp_directory_path() / ("hearsay-polnear-" + std::to_string(std::random_device{}()));
    fs::remove_all(path);
    fs::create_directories(path / "text");
    fs::create_directories(path / "attributions");
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream out(path / name, std::ios::binary);
    out << content;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(polnear)

BOOST_AUTO_TEST_CASE(relations_are_read_with_byte_offsets) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  const std::string& t = a.text;
  BOOST_TEST(a.id == "a");
  BOOST_REQUIRE_EQUAL(a.relations.size(), 4u);
  const hearsay::polnear_relation& r = a.relations[0];
  BOOST_REQUIRE_EQUAL(r.source.size(), 1u);
  BOOST_TEST(r.source[0].of(t) == "the senator");
  BOOST_TEST(r.cue.at(0).of(t) == "said");
  BOOST_TEST(r.content.at(0).of(t) == "\xE2\x80\x9CTaxes will rise,\xE2\x80\x9D");
  BOOST_TEST(a.relations[1].content.at(0).of(t) == "that rates will fall.");
}

BOOST_AUTO_TEST_CASE(a_discontinuous_span_keeps_its_pieces) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  const hearsay::polnear_relation& r = a.relations.at(2);
  BOOST_REQUIRE_EQUAL(r.content.size(), 2u);
  BOOST_TEST(r.content[0].of(a.text) == "\xE2\x80\x9CWe won,\xE2\x80\x9D");
  BOOST_TEST(r.content[1].of(a.text) ==
             "\xE2\x80\x9C"
             "and we will win again.\xE2\x80\x9D");
  // No Cue: the relation's trigger stands in.
  BOOST_TEST((r.cue == std::vector<span>{find(a.text, "said", 1)}));
  BOOST_TEST(r.source.at(0).of(a.text) == "he");
}

BOOST_AUTO_TEST_CASE(a_relation_without_source_has_an_empty_one) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  BOOST_TEST(a.relations.at(3).source.empty());
  BOOST_TEST(a.relations.at(3).cue.at(0).of(a.text) == "is believed");
}

BOOST_AUTO_TEST_CASE(relations_in_discard_or_discuss_spans_are_left_out) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  BOOST_REQUIRE_EQUAL(a.flagged.size(), 2u);
  BOOST_TEST(a.flagged[0].of(a.text) == ".\n\xE2\x80\x9C");
  BOOST_TEST(a.flagged[1].of(a.text) == "Follow us on X.");
  for (const hearsay::polnear_relation& r : a.relations) {
    BOOST_TEST(r.cue.at(0).of(a.text) != "Follow");
  }
}

BOOST_AUTO_TEST_CASE(malformed_lines_are_reported_with_their_position) {
  BOOST_TEST(error_of("T1\tSource x 3\tHe") ==
             "[hearsay.parse_error.204] a.ann:1:1 (byte 0): span T1 has invalid offsets 'x 3'");
  BOOST_TEST(error_of("T1\tSource\tHe") ==
             "[hearsay.parse_error.204] a.ann:1:1 (byte 0): span T1 has no offsets");
  BOOST_TEST(error_of("T1\tSource 0 2;5\tHe") ==
             "[hearsay.parse_error.204] a.ann:1:1 (byte 0): span T1 has invalid offsets '5'");
  BOOST_TEST(error_of("T1\tSource 0 2\tHe\nT2\tCue 3 99\tsaid") ==
             "[hearsay.parse_error.204] a.ann:2:1 (byte 17): span T2 offsets 3 99 do not fit the "
             "text (11 code points)");
  BOOST_TEST(error_of("T1\tSource 2 0\tHe") ==
             "[hearsay.parse_error.204] a.ann:1:1 (byte 0): span T1 offsets 2 0 do not fit the "
             "text (11 code points)");
  BOOST_TEST(error_of("T1\tSource 0 2\tHe\r\nE1\tAttribution:T1 Content:T9\r\n") ==
             "[hearsay.parse_error.205] a.ann:2:1 (byte 18): relation names no span with id "
             "'T9'");
  BOOST_TEST(error_of("# a note\nA1\tFlag T1\n\nT1\tSource 0 2\tHe").empty());
}

BOOST_AUTO_TEST_CASE(a_directory_pairs_each_text_with_its_first_annotation) {
  const temp_dir dir;
  dir.write("text/a.txt", article_text);
  dir.write("text/a_0long.txt", "He said so.");
  dir.write("text/b.txt", "Nobody annotated this.");
  dir.write("attributions/a_2222.ann", article_ann);
  dir.write("attributions/a_3333.ann", "");
  dir.write("attributions/a_0long_1111.ann", "T1\tSource 0 2\tHe\n");
  const std::vector<hearsay::polnear_article> articles = hearsay::load_polnear(dir.path.string());
  BOOST_REQUIRE_EQUAL(articles.size(), 2u);
  BOOST_TEST(articles[0].id == "a");
  BOOST_TEST(articles[0].relations.size() == 4u);
  BOOST_TEST(articles[1].id == "a_0long");
  BOOST_TEST(articles[1].text == "He said so.");
  BOOST_TEST(articles[1].relations.empty());
}

BOOST_AUTO_TEST_CASE(a_missing_directory_is_an_io_error) {
  BOOST_CHECK_THROW(hearsay::load_polnear("/nonexistent/polnear"), hearsay::io_error);
}

BOOST_AUTO_TEST_CASE(claims_on_one_cue_merge_into_one_relation) {
  const hearsay::document d = good_prediction();
  const std::vector<hearsay::polnear_relation> rs = hearsay::predicted_relations(d);
  BOOST_REQUIRE_EQUAL(rs.size(), 5u);  // seven claims: one without chain, two merged
  BOOST_TEST(rs[2].content.at(0).of(d.text) ==
             "We won,\xE2\x80\x9D he said, \xE2\x80\x9C"
             "and we will win again");
  BOOST_TEST(rs[2].source.at(0).of(d.text) == "he");
  BOOST_TEST(rs[3].source.empty());  // unspecified
  BOOST_TEST(rs[3].cue.at(0).of(d.text) == "is believed");
}

BOOST_AUTO_TEST_CASE(exact_matches_ignore_quotes_punctuation_and_that) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  const hearsay::polnear_scores s = hearsay::score_polnear(a, good_prediction());
  BOOST_TEST(s.articles == 1u);
  // The relation in the Discard span is left out of the prediction too.
  BOOST_TEST(s.cue_exact.predicted == 4u);
  BOOST_TEST(s.cue_exact.f1() == 1.0);
  BOOST_TEST(s.source_exact.gold == 3u);
  BOOST_TEST(s.source_exact.predicted == 3u);  // the unspecified source is no prediction
  BOOST_TEST(s.source_exact.f1() == 1.0);
  BOOST_TEST(s.content_exact.f1() == 1.0);
  BOOST_TEST(s.content_overlap.f1() == 1.0);
}

BOOST_AUTO_TEST_CASE(overlap_matches_what_exact_misses_one_to_one) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  hearsay::document d = good_prediction();
  d.claims[1].where = find(d.text, "rates will");
  // A second relation on the senator's content: it may overlap, but only one match counts.
  d.claims.push_back(make_claim(d.text, "will rise",
                                {make_link(d.text, "the senator", source_kind::person, "the")}));
  const hearsay::polnear_scores s = hearsay::score_polnear(a, d);
  BOOST_TEST(s.content_exact.correct == 3u);
  BOOST_TEST(s.content_exact.predicted == 5u);
  BOOST_TEST(s.content_overlap.correct == 4u);
  BOOST_TEST(s.source_exact.correct == 3u);
  BOOST_TEST(s.source_exact.predicted == 4u);
  BOOST_TEST(s.source_overlap.correct == 3u);
  BOOST_TEST(s.cue_overlap.correct == 4u);
}

BOOST_AUTO_TEST_CASE(only_a_whole_word_that_is_trimmed) {
  const std::string text = "He said thatched roofs leak.";
  const hearsay::polnear_article a = hearsay::parse_polnear(
      "t", text,
      "T1\tCue 3 7\tsaid\nT2\tContent 8 28\tthatched roofs leak.\nE1\tCue:T1 Content:T2");
  hearsay::document d;
  d.text = text;
  d.claims.push_back(
      make_claim(text, "roofs leak", {make_link(text, "", source_kind::unspecified, "said")}));
  BOOST_TEST(hearsay::score_polnear(a, d).content_exact.correct == 0u);
  d.claims[0].where = find(text, "thatched roofs leak");
  BOOST_TEST(hearsay::score_polnear(a, d).content_exact.correct == 1u);
}

BOOST_AUTO_TEST_CASE(a_directory_is_scored_with_the_given_analysis) {
  const temp_dir dir;
  dir.write("text/a.txt", article_text);
  dir.write("text/b.txt", "He said so.");
  dir.write("attributions/a_2222.ann", article_ann);
  dir.write("attributions/b_2222.ann",
            "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 10\tso\nE1\tSource:T1 Cue:T2 "
            "Content:T3\n");
  std::vector<std::string> seen;
  const hearsay::polnear_scores s =
      hearsay::score_polnear_dir(dir.path.string(), [&](std::string_view text, std::string id) {
        seen.push_back(id);
        if (id == "a") return good_prediction();
        hearsay::document d;
        d.id = std::move(id);
        d.text = std::string(text);
        return d;
      });
  BOOST_TEST(seen == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(s.articles == 2u);
  BOOST_TEST(s.cue_exact.correct == 4u);
  BOOST_TEST(s.cue_exact.gold == 5u);
  BOOST_TEST(s.source_exact.recall() == 0.75);
}

BOOST_AUTO_TEST_CASE(a_prediction_over_another_text_is_refused) {
  const hearsay::polnear_article a = hearsay::parse_polnear("a", article_text, article_ann);
  hearsay::document d;
  d.text = "Other.";
  try {
    hearsay::score_polnear(a, d);
    BOOST_FAIL("no error");
  } catch (const hearsay::error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "[hearsay.invalid_argument.401] the predicted text of article 'a' differs from its "
               "PolNeAR text");
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_text_is_refused) {
  BOOST_CHECK_THROW(hearsay::parse_polnear("a", "bad \xFF", ""), hearsay::encoding_error);
}

BOOST_AUTO_TEST_SUITE_END()
