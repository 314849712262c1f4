// Tests for corpus.hpp: text and offsets built from gold XML, and every way a file can be wrong.
#include "hearsay/corpus.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <string_view>

#include "hearsay/error.hpp"

#ifndef HEARSAY_SHARED_DIR
#define HEARSAY_SHARED_DIR "../shared"
#endif

namespace {

// One document whose single paragraph holds `body`.
std::string one_paragraph(std::string_view body) {
  return "<corpus lang=\"en\"><doc id=\"d\"><p>" + std::string(body) + "</p></doc></corpus>";
}

hearsay::gold_document only_document(std::string_view xml) {
  hearsay::corpus c = hearsay::load_corpus(xml, "t.xml");
  BOOST_REQUIRE_EQUAL(c.documents.size(), 1u);
  return c.documents.front();
}

// The only document of a corpus whose single paragraph holds `body`.
hearsay::gold_document paragraph_document(std::string_view body) {
  return only_document(one_paragraph(body));
}

// Return what() of the corpus_error `xml` raises, checking its id; "" when it loads.
std::string error_of(std::string_view xml, hearsay::error_id id) {
  try {
    hearsay::load_corpus(xml, "t.xml");
  } catch (const hearsay::corpus_error& e) {
    BOOST_TEST(static_cast<int>(e.id()) == static_cast<int>(id));
    return e.what();
  }
  return "";
}

std::string seed_path(std::string_view file) {
  return std::string(HEARSAY_SHARED_DIR) + "/seed/" + std::string(file);
}

boost::test_tools::assertion_result seed_present(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result present(
      std::filesystem::exists(seed_path("article.gold.xml")));
  present.message() << seed_path("article.gold.xml") << " is absent (no shared directory)";
  return present;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus)

BOOST_AUTO_TEST_CASE(paragraphs_join_with_a_blank_line_and_white_space_collapses) {
  const hearsay::gold_document d = only_document(
      "<corpus><doc id=\"d\">\n  <p>\n    <s>One\n  two.</s>\t<s>Three.</s>\n  </p>\n"
      "  <p> <s> Four. </s> </p></doc></corpus>");
  BOOST_TEST(d.id == "d");
  BOOST_TEST(d.text == "One two. Three.\n\nFour.");
  BOOST_REQUIRE_EQUAL(d.sentences.size(), 3u);
  BOOST_TEST(d.sentences[0].of(d.text) == "One two.");
  BOOST_TEST(d.sentences[1].of(d.text) == "Three.");
  BOOST_TEST(d.sentences[2].of(d.text) == "Four.");
  BOOST_TEST(d.sentences[2].begin == 17u);
}

BOOST_AUTO_TEST_CASE(white_space_collapses_across_element_boundaries) {
  const hearsay::gold_document d = paragraph_document(
      "<s>foo <claim status=\"confirmed\"> bar</claim> <cue>said </cue>  \n"
      "<src id=\"a\" kind=\"person\">\n Kim\n</src>.</s>");
  BOOST_TEST(d.text == "foo bar said Kim .");
  BOOST_TEST(d.claims.at(0).where.of(d.text) == "bar");
  BOOST_TEST(d.cues.at(0).of(d.text) == "said");
  BOOST_TEST(d.sources.at(0).where.of(d.text) == "Kim");
  BOOST_TEST(d.sentences.at(0).of(d.text) == "foo bar said Kim .");
}

BOOST_AUTO_TEST_CASE(a_span_ending_in_white_space_stops_before_it) {
  const hearsay::gold_document d =
      paragraph_document("<s><claim status=\"confirmed\">Talks failed </claim>again.</s>");
  BOOST_TEST(d.text == "Talks failed again.");
  BOOST_TEST(d.claims.at(0).where.begin == 0u);
  BOOST_TEST(d.claims.at(0).where.end == 12u);
}

BOOST_AUTO_TEST_CASE(offsets_are_bytes_past_multi_byte_quotes) {
  const hearsay::gold_document d = paragraph_document(
      "<s>\xE2\x80\x9C<claim status=\"reported\" chain=\"a\" quote=\"direct\">It\xE2\x80\x99s "
      "done</claim>,\xE2\x80\x9D <src id=\"a\" kind=\"person\" named=\"true\">Ana</src> "
      "<cue>said</cue>.</s>");
  BOOST_TEST(d.text == "\xE2\x80\x9CIt\xE2\x80\x99s done,\xE2\x80\x9D Ana said.");
  const hearsay::gold_claim& c = d.claims.at(0);
  BOOST_TEST(c.where.begin == 3u);
  BOOST_TEST(c.where.end == 14u);
  BOOST_TEST(c.where.of(d.text) == "It\xE2\x80\x99s done");
  BOOST_TEST(d.sources.at(0).where.begin == 19u);
  BOOST_TEST(d.cues.at(0).begin == 23u);
}

BOOST_AUTO_TEST_CASE(entities_and_cdata_are_text) {
  const hearsay::gold_document d =
      paragraph_document("<s><claim status=\"confirmed\">AT&amp;T <![CDATA[grew]]></claim>.</s>");
  BOOST_TEST(d.text == "AT&T grew.");
  BOOST_TEST(d.claims.at(0).where.of(d.text) == "AT&T grew");
}

BOOST_AUTO_TEST_CASE(claims_carry_their_attributes_and_sentence) {
  const hearsay::gold_document d = paragraph_document(
      "<s>Hi.</s> <s><src id=\"s1\" kind=\"media\" named=\"true\">NHK</src> <cue>said</cue> "
      "<claim status=\"reported\" chain=\"s1 _\" certainty=\"possible\" polarity=\"negative\" "
      "quote=\"mixed\" optional=\"true\">no deal</claim>, and <claim status=\"alleged\">it "
      "may</claim>.</s>");
  BOOST_REQUIRE_EQUAL(d.claims.size(), 2u);
  const hearsay::gold_claim& a = d.claims[0];
  BOOST_TEST(a.sentence == 1u);
  BOOST_TEST(hearsay::to_string(a.status) == "reported");
  BOOST_TEST((a.chain == std::vector<std::string>{"s1", "_"}));
  BOOST_TEST((a.certainty == hearsay::certainty::possible));
  BOOST_TEST((a.polarity == hearsay::polarity::negative));
  BOOST_TEST((a.quote == hearsay::quote_kind::mixed));
  BOOST_TEST(a.optional);
  const hearsay::gold_claim& b = d.claims[1];
  BOOST_TEST(hearsay::to_string(b.status) == "alleged");
  BOOST_TEST(b.chain.empty());
  BOOST_TEST(!b.certainty.has_value());
  BOOST_TEST(!b.polarity.has_value());
  BOOST_TEST(!b.quote.has_value());
  BOOST_TEST(!b.optional);
}

BOOST_AUTO_TEST_CASE(sources_carry_kind_name_and_reference) {
  const hearsay::gold_document d = paragraph_document(
      "<s><src id=\"p\" kind=\"person\" named=\"true\">Ana Ruiz</src> left.</s> "
      "<s><src id=\"q\" kind=\"person\" named=\"false\" ref=\"p\">She</src> <cue>said</cue> "
      "<claim status=\"reported\" chain=\"q\">so</claim>.</s>");
  BOOST_REQUIRE_EQUAL(d.sources.size(), 2u);
  BOOST_TEST(d.sources[0].named);
  BOOST_TEST(!d.sources[0].ref.has_value());
  BOOST_TEST(hearsay::to_string(d.sources[1].kind) == "person");
  BOOST_TEST(!d.sources[1].named);
  BOOST_TEST(d.sources[1].ref.value() == "p");
  BOOST_REQUIRE(d.find_source("q") != nullptr);
  BOOST_TEST(d.find_source("q")->where.of(d.text) == "She");
  BOOST_TEST(d.find_source("x") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_chain_may_name_a_source_that_comes_later) {
  const hearsay::gold_document d = paragraph_document(
      "<s><claim status=\"reported\" chain=\"a\">Rain</claim>, <src id=\"a\" "
      "kind=\"media\">TV</src> "
      "<cue>said</cue>.</s>");
  BOOST_TEST(d.claims.at(0).chain.at(0) == "a");
}

BOOST_AUTO_TEST_CASE(cues_may_sit_inside_a_claim) {
  const hearsay::gold_document d = paragraph_document(
      "<s><claim status=\"alleged\" chain=\"_\">Kim <cue>is seen as</cue> strong</claim>.</s>");
  BOOST_TEST(d.claims.at(0).where.of(d.text) == "Kim is seen as strong");
  BOOST_TEST(d.cues.at(0).of(d.text) == "is seen as");
}

BOOST_AUTO_TEST_CASE(several_documents_and_the_language_are_read) {
  const hearsay::corpus c = hearsay::load_corpus(
      "<?xml version=\"1.0\"?><!-- c --><corpus lang=\"de\"><doc id=\"a\"><p><s>A.</s></p></doc>"
      "<doc id=\"b\"/></corpus>");
  BOOST_TEST(c.language == "de");
  BOOST_REQUIRE_EQUAL(c.documents.size(), 2u);
  BOOST_TEST(c.documents[1].id == "b");
  BOOST_TEST(c.documents[1].text.empty());
}

BOOST_AUTO_TEST_CASE(malformed_xml_reports_pugixml_offset) {
  BOOST_TEST(error_of("<corpus><doc id=\"d\"></corpus>", hearsay::error_id::malformed_xml) ==
             "[hearsay.corpus_error.201] t.xml:1:23 (byte 22): malformed XML: Start-end tags "
             "mismatch");
  BOOST_TEST(error_of("", hearsay::error_id::malformed_xml) ==
             "[hearsay.corpus_error.201] t.xml:1:1 (byte 0): malformed XML: No document element "
             "found");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_rejected_with_its_offset) {
  BOOST_TEST(error_of("<corpus>\n<doc id=\"\xC3\"/></corpus>", hearsay::error_id::invalid_utf8) ==
             "[hearsay.corpus_error.101] t.xml:2:10 (byte 18): invalid UTF-8: invalid "
             "continuation byte");
  BOOST_TEST(error_of(one_paragraph("<s>&#xD800;</s>"), hearsay::error_id::invalid_utf8) ==
             "[hearsay.corpus_error.101] t.xml:1:32 (byte 31): invalid UTF-8 in <p> text: "
             "surrogate code point");
}

BOOST_AUTO_TEST_CASE(the_root_must_be_corpus) {
  BOOST_TEST(error_of("<lexicon/>", hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:2 (byte 1): root element must be <corpus>, not "
             "<lexicon>");
  BOOST_TEST(error_of("<corpus/><corpus/>", hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:11 (byte 10): more than one root element");
}

BOOST_AUTO_TEST_CASE(unknown_and_misplaced_elements_are_rejected) {
  BOOST_TEST(error_of(one_paragraph("<s><b>x</b></s>"), hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:38 (byte 37): unknown element <b> in <s>");
  BOOST_TEST(error_of(one_paragraph("<s><s>x</s></s>"), hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:38 (byte 37): <s> is not allowed inside <s>");
  BOOST_TEST(error_of(one_paragraph("<claim status=\"confirmed\">x</claim>"),
                      hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:35 (byte 34): <claim> is not allowed inside <p>");
  BOOST_TEST(error_of("<corpus><p/></corpus>", hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:10 (byte 9): <p> is not allowed inside <corpus>");
  BOOST_TEST(error_of(one_paragraph("<s><cue><src id=\"a\" kind=\"person\">x</src></cue></s>"),
                      hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:43 (byte 42): <src> is not allowed inside <cue>");
}

BOOST_AUTO_TEST_CASE(claims_do_not_nest) {
  BOOST_TEST(error_of(one_paragraph(
                          "<s><claim status=\"confirmed\">a <claim status=\"confirmed\">b</claim>"
                          "</claim></s>"),
                      hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:66 (byte 65): claims do not nest: <claim> inside "
             "<claim>");
}

BOOST_AUTO_TEST_CASE(text_must_stand_in_a_sentence) {
  BOOST_TEST(error_of(one_paragraph("<s>A.</s> B."), hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:43 (byte 42): text outside <s> in <p>");
  BOOST_TEST(error_of("<corpus><doc id=\"d\">x<p/></doc></corpus>",
                      hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:21 (byte 20): text outside <p>");
  BOOST_TEST(error_of("<corpus>x</corpus>", hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:9 (byte 8): text outside <doc>");
}

BOOST_AUTO_TEST_CASE(empty_elements_are_rejected) {
  BOOST_TEST(error_of(one_paragraph("<s>A <claim status=\"confirmed\"> </claim></s>"),
                      hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:40 (byte 39): <claim> holds no text");
  BOOST_TEST(error_of(one_paragraph(" "), hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:32 (byte 31): <p> holds no text");
  BOOST_TEST(error_of(one_paragraph("<s/>"), hearsay::error_id::invalid_structure) ==
             "[hearsay.corpus_error.206] t.xml:1:35 (byte 34): <s> holds no text");
}

BOOST_AUTO_TEST_CASE(missing_attributes_are_named) {
  BOOST_TEST(error_of("<corpus><doc/></corpus>", hearsay::error_id::missing_attribute) ==
             "[hearsay.corpus_error.203] t.xml:1:10 (byte 9): <doc> needs attribute 'id'");
  BOOST_TEST(
      error_of(one_paragraph("<s><claim>x</claim></s>"), hearsay::error_id::missing_attribute) ==
      "[hearsay.corpus_error.203] t.xml:1:38 (byte 37): <claim> needs attribute 'status'");
  BOOST_TEST(error_of(one_paragraph("<s><src id=\"a\">x</src></s>"),
                      hearsay::error_id::missing_attribute) ==
             "[hearsay.corpus_error.203] t.xml:1:38 (byte 37): <src> needs attribute 'kind'");
  BOOST_TEST(error_of(one_paragraph("<s><src kind=\"person\">x</src></s>"),
                      hearsay::error_id::missing_attribute) ==
             "[hearsay.corpus_error.203] t.xml:1:38 (byte 37): <src> needs attribute 'id'");
}

BOOST_AUTO_TEST_CASE(invalid_attribute_values_are_quoted) {
  const auto claim_error = [](std::string_view attributes) {
    return error_of(one_paragraph("<s><claim " + std::string(attributes) + ">x</claim></s>"),
                    hearsay::error_id::invalid_value);
  };
  const std::string at = "[hearsay.corpus_error.204] t.xml:1:38 (byte 37): ";
  BOOST_TEST(claim_error("status=\"maybe\"") == at + "<claim> has invalid status 'maybe'");
  BOOST_TEST(claim_error("status=\"alleged\" certainty=\"sure\"") ==
             at + "<claim> has invalid certainty 'sure'");
  BOOST_TEST(claim_error("status=\"alleged\" polarity=\"no\"") ==
             at + "<claim> has invalid polarity 'no'");
  BOOST_TEST(claim_error("status=\"alleged\" quote=\"yes\"") ==
             at + "<claim> has invalid quote 'yes'");
  BOOST_TEST(claim_error("status=\"alleged\" optional=\"1\"") ==
             at + "<claim> has invalid optional '1'");
  const auto source_error = [](std::string_view attributes) {
    return error_of(one_paragraph("<s><src " + std::string(attributes) + ">x</src></s>"),
                    hearsay::error_id::invalid_value);
  };
  BOOST_TEST(source_error("id=\"a\" kind=\"alien\"") == at + "<src> has invalid kind 'alien'");
  BOOST_TEST(source_error("id=\"a\" kind=\"person\" named=\"yes\"") ==
             at + "<src> has invalid named 'yes'");
  BOOST_TEST(source_error("id=\"_\" kind=\"person\"") == at + "<src> has invalid id '_'");
  BOOST_TEST(source_error("id=\"a b\" kind=\"person\"") == at + "<src> has invalid id 'a b'");
  BOOST_TEST(source_error("id=\"a\" kind=\"unspecified\"") ==
             at + "<src> cannot be kind 'unspecified'; write '_' in the claim's chain instead");
  BOOST_TEST(error_of("<corpus><doc id=\"\"/></corpus>", hearsay::error_id::invalid_value) ==
             "[hearsay.corpus_error.204] t.xml:1:10 (byte 9): <doc> has invalid id ''");
}

BOOST_AUTO_TEST_CASE(unknown_attributes_are_rejected) {
  BOOST_TEST(error_of(one_paragraph("<s><claim status=\"alleged\" certanty=\"possible\">x</claim>"
                                    "</s>"),
                      hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:38 (byte 37): <claim> does not take attribute "
             "'certanty'");
  BOOST_TEST(error_of(one_paragraph("<s><cue lemma=\"say\">said</cue></s>"),
                      hearsay::error_id::unexpected_element) ==
             "[hearsay.corpus_error.202] t.xml:1:38 (byte 37): <cue> does not take attribute "
             "'lemma'");
}

BOOST_AUTO_TEST_CASE(duplicate_ids_are_rejected) {
  BOOST_TEST(error_of(one_paragraph("<s><src id=\"a\" kind=\"person\">x</src> <src id=\"a\" "
                                    "kind=\"person\">y</src></s>"),
                      hearsay::error_id::invalid_value) ==
             "[hearsay.corpus_error.204] t.xml:1:72 (byte 71): duplicate <src> id 'a'");
  BOOST_TEST(error_of("<corpus><doc id=\"a\"/><doc id=\"a\"/></corpus>",
                      hearsay::error_id::invalid_value) ==
             "[hearsay.corpus_error.204] t.xml:1:23 (byte 22): duplicate <doc> id 'a'");
}

BOOST_AUTO_TEST_CASE(a_chain_must_name_sources_of_its_document) {
  BOOST_TEST(error_of(one_paragraph("<s><claim status=\"reported\" chain=\"_ s9\">x</claim></s>"),
                      hearsay::error_id::invalid_reference) ==
             "[hearsay.corpus_error.205] t.xml:1:38 (byte 37): chain names no <src> with id 's9'");
  // A source of another document does not count.
  BOOST_TEST(error_of("<corpus><doc id=\"a\"><p><s><src id=\"s\" kind=\"person\">x</src></s></p>"
                      "</doc><doc id=\"b\"><p><s><claim status=\"reported\" chain=\"s\">y</claim>"
                      "</s></p></doc></corpus>",
                      hearsay::error_id::invalid_reference) ==
             "[hearsay.corpus_error.205] t.xml:1:93 (byte 92): chain names no <src> with id 's'");
}

BOOST_AUTO_TEST_CASE(a_ref_must_name_an_earlier_source) {
  BOOST_TEST(error_of(one_paragraph("<s><src id=\"a\" kind=\"person\" ref=\"b\">He</src> "
                                    "<src id=\"b\" kind=\"person\">Kim</src></s>"),
                      hearsay::error_id::invalid_reference) ==
             "[hearsay.corpus_error.205] t.xml:1:38 (byte 37): ref 'b' names no earlier <src>");
}

BOOST_AUTO_TEST_CASE(every_prefix_of_a_corpus_loads_or_throws_corpus_error) {
  const std::string xml = one_paragraph(
      "<s><src id=\"a\" kind=\"media\" named=\"true\">NHK</src> <cue>said</cue> that "
      "<claim status=\"reported\" chain=\"a\">\xE2\x80\x9Ctalks failed\xE2\x80\x9D</claim>.</s>");
  for (std::size_t n = 0; n <= xml.size(); ++n) {
    try {
      hearsay::load_corpus(std::string_view(xml).substr(0, n));
    } catch (const hearsay::corpus_error&) {
    }
  }
  BOOST_TEST(only_document(xml).claims.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_an_io_error) {
  BOOST_CHECK_THROW(hearsay::load_corpus_file("/nonexistent/corpus.xml"), hearsay::io_error);
}

BOOST_AUTO_TEST_CASE(seed_text_equals_article_txt, *boost::unit_test::precondition(seed_present)) {
  const hearsay::corpus c = hearsay::load_corpus_file(seed_path("article.gold.xml"));
  BOOST_REQUIRE_EQUAL(c.documents.size(), 1u);
  const std::string expected = hearsay::read_file(seed_path("article.txt"));
  BOOST_TEST(c.documents[0].text == expected);
  BOOST_TEST(c.documents[0].sentences.size() == 10u);
  BOOST_TEST(c.documents[0].claims.size() == 19u);
}

BOOST_AUTO_TEST_SUITE_END()
