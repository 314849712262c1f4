// Lexicon loading: the built-in data, user files, and every error path with its exact message.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "hearsay/analyzer.hpp"
#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/segment.hpp"

BOOST_AUTO_TEST_SUITE(lexicon)

BOOST_AUTO_TEST_CASE(builtin_lexicon_loads_and_is_shared) {
  const hearsay::lexicon a = hearsay::lexicon::builtin();
  BOOST_TEST(a.size() > 500u);
  // data/lexicon.xml, the treebank's word classes (data/word_classes.en.xml), then one
  // data/lexicon.<lang>.xml per further language.
  BOOST_TEST_REQUIRE(a.sources().size() >= 3u);
  BOOST_TEST(a.sources()[0].find("<lexicon lang=\"en\"") != std::string::npos);
  for (std::size_t i = 2; i < a.sources().size(); ++i) {
    BOOST_TEST(a.sources()[i].find("<lexicon lang=\"") != std::string::npos);
  }
  BOOST_TEST(a.data().language("de") != nullptr);
  BOOST_TEST(a.data().language("xx") == nullptr);
  BOOST_TEST(&a.data() == &hearsay::lexicon::builtin().data());
}

BOOST_AUTO_TEST_CASE(malformed_xml_reports_file_line_column_and_byte) {
  try {
    (void)hearsay::lexicon::from_string(
        "<lexicon>\n  <words class=\"adjunct\">x</wrds>\n</lexicon>", "user.xml");
    BOOST_FAIL("no exception");
  } catch (const hearsay::lexicon_error& e) {
    BOOST_TEST(e.line() == 2u);
    BOOST_TEST(std::string(e.what()) ==
               "[hearsay.lexicon_error.201] user.xml:2:29 (byte 38): malformed XML: Start-end tags "
               "mismatch");
  }
}

BOOST_AUTO_TEST_CASE(wrong_root_element_is_rejected) {
  BOOST_CHECK_EXCEPTION((void)hearsay::lexicon::from_string("<corpus/>", "x.xml"),
                        hearsay::lexicon_error, [](const hearsay::lexicon_error& e) {
                          return std::string(e.what()) ==
                                 "[hearsay.lexicon_error.202] x.xml:1:2 (byte 1): root element "
                                 "must be <lexicon>, not "
                                 "<corpus>";
                        });
}

BOOST_AUTO_TEST_CASE(unknown_cue_class_names_the_value) {
  BOOST_CHECK_EXCEPTION(
      (void)hearsay::lexicon::from_string("<lexicon><cues><verb lemma=\"opine\" class=\"opinion\" "
                                          "forms=\"opines\"/></cues></lexicon>",
                                          "x.xml"),
      hearsay::lexicon_error, [](const hearsay::lexicon_error& e) {
        return std::string(e.what()) ==
               "[hearsay.lexicon_error.204] x.xml:1:17 (byte 16): <verb> has invalid class "
               "'opinion'";
      });
}

BOOST_AUTO_TEST_CASE(missing_attribute_is_named) {
  BOOST_CHECK_EXCEPTION(
      (void)hearsay::lexicon::from_string(
          "<lexicon><cues><verb class=\"report\"/></cues></lexicon>", "x.xml"),
      hearsay::lexicon_error, [](const hearsay::lexicon_error& e) {
        return std::string(e.what()) ==
               "[hearsay.lexicon_error.203] x.xml:1:17 (byte 16): <verb> needs attribute 'lemma'";
      });
}

BOOST_AUTO_TEST_CASE(missing_file_gives_io_error_and_non_throwing_form_reports_it) {
  BOOST_CHECK_THROW((void)hearsay::lexicon::from_file("/nonexistent/lexicon.xml"),
                    hearsay::io_error);
  hearsay::lexicon lex;
  const hearsay::lexicon_load_result r = hearsay::lexicon::try_from_file("/nonexistent/l.xml", lex);
  BOOST_TEST(!r);
  BOOST_TEST(static_cast<int>(r.id) == static_cast<int>(hearsay::error_id::cannot_read));
  BOOST_TEST(r.message.find("/nonexistent/l.xml") != std::string::npos);
}

// pugixml passes invalid bytes through; they were accepted silently as words no text matches.
BOOST_AUTO_TEST_CASE(invalid_utf8_in_a_lexicon_is_rejected_with_its_offset) {
  BOOST_CHECK_EXCEPTION(
      (void)hearsay::lexicon::from_string(
          "<lexicon>\n  <words class=\"adjunct\">ab\xC0\xAF</words>\n</lexicon>", "user.xml"),
      hearsay::lexicon_error, [](const hearsay::lexicon_error& e) {
        return e.id() == hearsay::error_id::invalid_utf8 && e.offset() == 37u &&
               std::string(e.what()) ==
                   "[hearsay.lexicon_error.101] user.xml:2:28 (byte 37): invalid UTF-8: overlong "
                   "encoding";
      });
}

// A directory once read as an empty file: "malformed XML: No document element found".
BOOST_AUTO_TEST_CASE(a_directory_given_as_the_lexicon_is_reported_as_a_directory) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  BOOST_CHECK_EXCEPTION(
      (void)hearsay::lexicon::from_file(dir), hearsay::io_error, [&](const hearsay::io_error& e) {
        return std::string(e.what()) == "[hearsay.io_error.301] " + dir + ": is a directory";
      });
}

BOOST_AUTO_TEST_CASE(user_lexicon_merged_into_builtin_adds_a_cue) {
  hearsay::lexicon lex = hearsay::lexicon::builtin();
  const hearsay::analyzer plain;
  const char* text = "The senator opined that the bill was flawed.";
  BOOST_TEST(plain.analyze(text).claims.at(0).chain.empty());
  lex.merge(hearsay::lexicon::from_string(
      "<lexicon><cues><verb lemma=\"opine\" class=\"belief\" takes=\"clause\" "
      "forms=\"opine opines opined\"/></cues></lexicon>"));
  BOOST_TEST(lex.sources().size() == hearsay::lexicon::builtin().sources().size() + 1);
  const hearsay::analyzer extended(lex);
  const hearsay::document doc = extended.analyze(text);
  BOOST_REQUIRE_EQUAL(doc.claims.size(), 1u);
  BOOST_TEST(doc.claims[0].status == hearsay::status::alleged);
  BOOST_TEST(doc.claims[0].chain.at(0).cue.lemma == "opine");
}

BOOST_AUTO_TEST_CASE(custom_abbreviations_decide_sentence_boundaries) {
  const char* text = "He met Capt. Ruiz today.";
  hearsay::lexicon lex;
  const hearsay::sentence_segmenter bare(lex);
  BOOST_TEST(bare.split(text).size() == 2u);
  const hearsay::sentence_segmenter with_title(hearsay::lexicon::from_string(
      "<lexicon><abbreviations kind=\"title\">Capt.</abbreviations></lexicon>"));
  BOOST_TEST(with_title.split(text).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
