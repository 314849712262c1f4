// Tests for score.hpp: the SPEC section 6 scores on hand-built gold and predicted documents.
#include "hearsay/score.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"

namespace {

using hearsay::source_kind;
using hearsay::status;

// Three sentences: a reported claim with a named source, a writer's claim, an alleged claim with
// an unspecified source.
const char* const three_claims =
    "<s><src id=\"n\" kind=\"media\" named=\"true\">NHK</src> <cue>said</cue> that "
    "<claim status=\"reported\" chain=\"n\">the talks failed</claim>.</s> "
    "<s><claim status=\"confirmed\">Prices rose sharply in Tokyo</claim>.</s> "
    "<s><cue>It is thought</cue> that <claim status=\"alleged\" chain=\"_\" certainty=\"possible\">"
    "the minister may resign soon</claim>.</s>";

hearsay::gold_document gold_of(std::string_view body) {
  const std::string xml = "<corpus><doc id=\"d\"><p>" + std::string(body) + "</p></doc></corpus>";
  return hearsay::load_corpus(xml).documents.at(0);
}

// The span of the `nth` occurrence of `needle` in `text`.
hearsay::span find(std::string_view text, std::string_view needle, std::size_t nth = 0) {
  std::size_t at = text.find(needle);
  for (; nth > 0; --nth) at = text.find(needle, at + 1);
  BOOST_REQUIRE(at != std::string_view::npos);
  return hearsay::span{at, at + needle.size()};
}

// A prediction over the gold text with the gold sentences and no claims.
hearsay::document empty_prediction(const hearsay::gold_document& gold) {
  hearsay::document d;
  d.id = gold.id;
  d.text = gold.text;
  d.sentences = gold.sentences;
  return d;
}

hearsay::link make_link(std::string_view text, std::string_view source_words, source_kind kind,
                        std::string_view cue_words) {
  hearsay::link l;
  l.source.kind = kind;
  if (!source_words.empty()) l.source.where = find(text, source_words);
  if (!cue_words.empty()) l.cue.where = find(text, cue_words);
  return l;
}

hearsay::claim make_claim(std::string_view text, std::string_view words, status s,
                          std::vector<hearsay::link> chain = {}) {
  hearsay::claim c;
  c.where = find(text, words);
  c.status = s;
  c.chain = std::move(chain);
  return c;
}

// The prediction that gets `three_claims` right.
hearsay::document perfect_prediction(const hearsay::gold_document& gold) {
  hearsay::document d = empty_prediction(gold);
  const std::string& t = d.text;
  d.claims.push_back(make_claim(t, "the talks failed", status::reported,
                                {make_link(t, "NHK", source_kind::media, "said")}));
  d.claims.push_back(make_claim(t, "Prices rose sharply in Tokyo", status::confirmed));
  hearsay::claim c = make_claim(t, "the minister may resign soon", status::alleged,
                                {make_link(t, "", source_kind::unspecified, "It is thought")});
  c.certainty = hearsay::certainty::possible;
  d.claims.push_back(c);
  return d;
}

std::vector<std::string> described(const hearsay::document_score& s) {
  std::vector<std::string> out;
  for (const hearsay::mistake& m : s.mistakes) out.push_back(hearsay::describe(m));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(score)

BOOST_AUTO_TEST_CASE(a_perfect_prediction_scores_one_everywhere) {
  const hearsay::gold_document gold = gold_of(three_claims);
  const hearsay::document_score s = hearsay::score_document(gold, perfect_prediction(gold));
  const hearsay::scores& t = s.totals;
  BOOST_TEST(s.id == "d");
  BOOST_TEST(t.documents == 1u);
  BOOST_TEST(t.sentences.f1() == 1.0);
  BOOST_TEST(t.sentences.gold == 3u);
  BOOST_TEST(t.claims.precision() == 1.0);
  BOOST_TEST(t.claims.recall() == 1.0);
  BOOST_TEST(t.claims.correct == 3u);
  BOOST_TEST(t.span_exact.value() == 1.0);
  BOOST_TEST(t.status.value() == 1.0);
  BOOST_TEST(t.status_macro_f1() == 1.0);
  BOOST_TEST(t.chain_exact.value() == 1.0);
  BOOST_TEST(t.end_to_end.value() == 1.0);
  BOOST_TEST(t.end_to_end.total == 3u);
  BOOST_TEST(t.alleged_sentences.f1() == 1.0);
  BOOST_TEST(t.alleged_sentences.gold == 1u);
  BOOST_TEST(t.cues.f1() == 1.0);
  BOOST_TEST(t.cues.gold == 2u);
  BOOST_TEST(t.certainty.value() == 1.0);
  BOOST_TEST(t.certainty.total == 1u);
  BOOST_TEST(t.polarity.empty());
  BOOST_TEST(s.mistakes.empty());
}

BOOST_AUTO_TEST_CASE(a_missed_claim_lowers_recall_and_is_listed) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  p.claims.erase(p.claims.begin() + 1);
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.claims.precision() == 1.0);
  BOOST_TEST(s.totals.claims.recall() == 2.0 / 3.0);
  BOOST_TEST(s.totals.end_to_end.correct == 2u);
  BOOST_TEST(s.totals.end_to_end.total == 3u);
  BOOST_TEST(s.totals.of(status::confirmed).recall() == 0.0);
  BOOST_TEST(
      described(s) ==
          std::vector<std::string>{"missed claim [d] \"Prices rose sharply in Tokyo\": confirmed, "
                                   "chain []"},
      boost::test_tools::per_element());
  BOOST_TEST((s.mistakes.at(0).gold.value() == find(gold.text, "Prices rose sharply in Tokyo")));
  BOOST_TEST(!s.mistakes.at(0).predicted.has_value());
}

BOOST_AUTO_TEST_CASE(a_spurious_claim_lowers_precision_and_is_listed) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  p.claims.push_back(make_claim(p.text, "NHK said", status::confirmed));
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.claims.precision() == 0.75);
  BOOST_TEST(s.totals.claims.recall() == 1.0);
  BOOST_TEST(s.totals.of(status::confirmed).precision() == 0.5);
  BOOST_TEST(described(s) ==
                 std::vector<std::string>{"spurious claim [d] \"NHK said\": confirmed, chain []"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(optional_gold_claims_cost_nothing_either_way) {
  const hearsay::gold_document gold = gold_of(
      "<s><claim status=\"confirmed\">Kim praises ties</claim> amid <claim status=\"reported\" "
      "optional=\"true\">Putin visit</claim></s>");
  hearsay::document p = empty_prediction(gold);
  p.claims.push_back(make_claim(p.text, "Kim praises ties", status::confirmed));
  const hearsay::document_score without = hearsay::score_document(gold, p);
  BOOST_TEST(without.totals.claims.f1() == 1.0);
  BOOST_TEST(without.totals.end_to_end.total == 1u);
  BOOST_TEST(without.mistakes.empty());

  // Produced, even with another status and chain, it is neither spurious nor judged.
  p.claims.push_back(make_claim(p.text, "Putin visit", status::alleged));
  const hearsay::document_score with = hearsay::score_document(gold, p);
  BOOST_TEST(with.totals.claims.predicted == 1u);
  BOOST_TEST(with.totals.claims.f1() == 1.0);
  BOOST_TEST(with.totals.status.total == 1u);
  BOOST_TEST(with.totals.of(status::alleged).predicted == 0u);
  BOOST_TEST(with.mistakes.empty());
}

BOOST_AUTO_TEST_CASE(a_wrong_status_counts_against_status_scores_only) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  p.claims[2].status = status::reported;
  const hearsay::document_score s = hearsay::score_document(gold, p);
  const hearsay::scores& t = s.totals;
  BOOST_TEST(t.claims.f1() == 1.0);
  BOOST_TEST(t.status.correct == 2u);
  BOOST_TEST(t.status.total == 3u);
  BOOST_TEST(t.chain_exact.value() == 1.0);
  BOOST_TEST(t.end_to_end.correct == 2u);
  BOOST_TEST(t.of(status::alleged).f1() == 0.0);
  BOOST_TEST(t.of(status::reported).precision() == 0.5);
  BOOST_TEST(t.of(status::reported).recall() == 1.0);
  BOOST_TEST(t.of(status::confirmed).f1() == 1.0);
  BOOST_TEST(t.status_macro_f1() == (0.0 + 2.0 / 3.0 + 1.0) / 3.0);
  // The alleged sentence is no longer predicted as one.
  BOOST_TEST(t.alleged_sentences.recall() == 0.0);
  BOOST_TEST(described(s) == std::vector<std::string>{"wrong status [d] \"the minister may resign "
                                                      "soon\": gold alleged, predicted reported"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_wrong_chain_counts_against_chain_and_end_to_end) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  p.claims[0].chain.clear();  // too short
  p.claims[2].chain[0] = make_link(p.text, "the minister", source_kind::person, "It is thought");
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.chain_exact.correct == 1u);
  BOOST_TEST(s.totals.chain_exact.total == 3u);
  BOOST_TEST(s.totals.end_to_end.correct == 1u);
  BOOST_TEST(s.totals.status.value() == 1.0);
  BOOST_TEST(
      described(s) == (std::vector<std::string>{
                          "wrong chain [d] \"the talks failed\": gold [NHK], predicted []",
                          "wrong chain [d] \"the minister may resign soon\": gold [(unspecified)], "
                          "predicted [the minister]"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_chain_source_matches_by_dice_or_containment) {
  const hearsay::gold_document gold = gold_of(
      "<s><src id=\"a\" kind=\"media\" named=\"true\">Japanese public broadcaster NHK</src> "
      "<cue>citing</cue> <src id=\"b\" kind=\"anonymous\">diplomatic sources</src> "
      "<cue>said</cue> <claim status=\"reported\" chain=\"a b\">Putin will travel</claim>.</s>");
  const std::string& t = gold.text;
  hearsay::document p = empty_prediction(gold);
  // "NHK" lies inside the gold source; "sources" reaches Dice 2/3 with "diplomatic sources".
  p.claims.push_back(make_claim(t, "Putin will travel", status::reported,
                                {make_link(t, "NHK", source_kind::media, "citing"),
                                 make_link(t, "sources", source_kind::anonymous, "said")}));
  BOOST_TEST(hearsay::score_document(gold, p).totals.chain_exact.value() == 1.0);

  // Out of order, neither link matches; an unspecified source matches no named one.
  p.claims[0].chain = {make_link(t, "diplomatic sources", source_kind::anonymous, "said"),
                       make_link(t, "NHK", source_kind::media, "citing")};
  BOOST_TEST(hearsay::score_document(gold, p).totals.chain_exact.value() == 0.0);
  p.claims[0].chain = {make_link(t, "", source_kind::unspecified, "citing"),
                       make_link(t, "sources", source_kind::anonymous, "said")};
  BOOST_TEST(hearsay::score_document(gold, p).totals.chain_exact.value() == 0.0);
  // Any part of the gold source's words matches by containment.
  p.claims[0].chain = {make_link(t, "public broadcaster", source_kind::media, "citing"),
                       make_link(t, "sources", source_kind::anonymous, "said")};
  BOOST_TEST(hearsay::score_document(gold, p).totals.chain_exact.value() == 1.0);
  // "NHK citing diplomatic" overlaps "Japanese public broadcaster NHK" by one word of seven.
  p.claims[0].chain = {make_link(t, "NHK citing diplomatic", source_kind::media, "citing"),
                       make_link(t, "sources", source_kind::anonymous, "said")};
  BOOST_TEST(hearsay::score_document(gold, p).totals.chain_exact.value() == 0.0);
}

BOOST_AUTO_TEST_CASE(claims_match_at_dice_one_half_and_not_below) {
  const hearsay::gold_document gold = gold_of(
      "<s><claim status=\"confirmed\">Rates rose again</claim> and "
      "<claim status=\"confirmed\">stocks fell very sharply</claim>.</s>");
  hearsay::document p = empty_prediction(gold);
  // 1 shared word of 3 + 1: Dice 2/4 = 0.5, a match.
  p.claims.push_back(make_claim(p.text, "Rates", status::confirmed));
  // 1 shared word of 4 + 1: Dice 2/5 = 0.4, no match.
  p.claims.push_back(make_claim(p.text, "stocks", status::confirmed));
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.claims.correct == 1u);
  BOOST_TEST(s.totals.claims.predicted == 2u);
  BOOST_TEST(s.totals.claims.gold == 2u);
  BOOST_TEST(s.totals.span_exact.value() == 0.0);
  BOOST_TEST(hearsay::word_dice("Rates rose again", "rates") == 0.5);
  BOOST_TEST(hearsay::word_dice("stocks fell very sharply", "Stocks") == 0.4);
}

BOOST_AUTO_TEST_CASE(matching_is_one_to_one_best_overlap_first) {
  const hearsay::gold_document gold =
      gold_of("<s><claim status=\"confirmed\">the army left the town</claim>.</s>");
  hearsay::document p = empty_prediction(gold);
  p.claims.push_back(make_claim(p.text, "the army left", status::confirmed));         // Dice 0.75
  p.claims.push_back(make_claim(p.text, "the army left the town", status::alleged));  // Dice 1
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.claims.correct == 1u);
  BOOST_TEST(s.totals.claims.predicted == 2u);
  // The exact one won: its (wrong) status is judged, the other is spurious.
  BOOST_TEST(s.totals.span_exact.value() == 1.0);
  BOOST_TEST(s.totals.status.value() == 0.0);
  BOOST_TEST(s.mistakes.size() == 2u);
  BOOST_TEST(hearsay::to_string(s.mistakes.at(0).kind) == "wrong status");
  BOOST_TEST(hearsay::to_string(s.mistakes.at(1).kind) == "spurious claim");
}

BOOST_AUTO_TEST_CASE(claims_with_the_same_words_elsewhere_do_not_match) {
  const hearsay::gold_document gold =
      gold_of("<s><claim status=\"confirmed\">Talks failed</claim>.</s> <s>Talks failed.</s>");
  hearsay::document p = empty_prediction(gold);
  p.claims.push_back(hearsay::claim{});
  p.claims[0].where = find(p.text, "Talks failed", 1);
  BOOST_TEST(hearsay::score_document(gold, p).totals.claims.correct == 0u);
}

BOOST_AUTO_TEST_CASE(span_exact_compares_words_not_punctuation) {
  const hearsay::gold_document gold = gold_of(
      "<s>\xE2\x80\x9C<claim status=\"confirmed\">It\xE2\x80\x99s over</claim>.\xE2\x80\x9D"
      "</s> <s><claim status=\"confirmed\">Talks failed</claim> today.</s>");
  hearsay::document p = empty_prediction(gold);
  p.claims.push_back(make_claim(p.text, "\xE2\x80\x9CIt\xE2\x80\x99s over.", status::confirmed));
  p.claims.push_back(make_claim(p.text, "Talks failed today", status::confirmed));
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.claims.correct == 2u);
  BOOST_TEST(s.totals.span_exact.correct == 1u);
}

BOOST_AUTO_TEST_CASE(sentences_score_by_end_offset) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = empty_prediction(gold);
  // Merge the first two sentences: one end right, one missing; the third is right.
  p.sentences = {hearsay::span{0, gold.sentences[1].end}, gold.sentences[2]};
  const hearsay::prf s = hearsay::score_document(gold, p).totals.sentences;
  BOOST_TEST(s.correct == 2u);
  BOOST_TEST(s.predicted == 2u);
  BOOST_TEST(s.gold == 3u);
  BOOST_TEST(s.f1() == 0.8);
}

BOOST_AUTO_TEST_CASE(alleged_sentences_leave_out_optional_only_ones) {
  const hearsay::gold_document gold = gold_of(
      "<s><claim status=\"alleged\" optional=\"true\">Kim may go</claim>.</s> "
      "<s><claim status=\"alleged\">Putin may come</claim>.</s> "
      "<s><claim status=\"confirmed\">It rained</claim>.</s>");
  hearsay::document p = empty_prediction(gold);
  p.claims.push_back(make_claim(p.text, "Kim may go", status::alleged));
  p.claims.push_back(make_claim(p.text, "It rained", status::alleged));
  const hearsay::prf a = hearsay::score_document(gold, p).totals.alleged_sentences;
  BOOST_TEST(a.gold == 1u);       // the optional-only sentence is left out
  BOOST_TEST(a.predicted == 1u);  // ... on both sides
  BOOST_TEST(a.correct == 0u);
}

BOOST_AUTO_TEST_CASE(cues_score_by_dice_one_to_one) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  // "is thought" against "It is thought": Dice 0.8; the same cue twice counts once.
  p.claims[2].chain[0].cue.where = find(p.text, "is thought");
  p.claims[1].chain = {make_link(p.text, "NHK", source_kind::media, "said")};
  const hearsay::prf c = hearsay::score_document(gold, p).totals.cues;
  BOOST_TEST(c.correct == 2u);
  BOOST_TEST(c.predicted == 2u);
  p.claims[2].chain[0].cue.where = find(p.text, "thought");  // Dice 0.5
  BOOST_TEST(hearsay::score_document(gold, p).totals.cues.correct == 2u);
  p.claims[2].chain[0].cue.where = find(p.text, "minister");  // no overlap
  BOOST_TEST(hearsay::score_document(gold, p).totals.cues.correct == 1u);
}

BOOST_AUTO_TEST_CASE(attributes_are_judged_only_where_gold_gives_them) {
  const hearsay::gold_document gold = gold_of(
      "<s><claim status=\"confirmed\" polarity=\"negative\" quote=\"none\">No one "
      "came</claim>.</s> <s><claim status=\"confirmed\">It rained</claim>.</s>");
  hearsay::document p = empty_prediction(gold);
  p.claims.push_back(make_claim(p.text, "No one came", status::confirmed));
  p.claims.push_back(make_claim(p.text, "It rained", status::confirmed));
  p.claims[1].quote = hearsay::quote_kind::direct;  // gold is silent: not judged
  const hearsay::scores t = hearsay::score_document(gold, p).totals;
  BOOST_TEST(t.polarity.correct == 0u);
  BOOST_TEST(t.polarity.total == 1u);
  BOOST_TEST(t.quote.correct == 1u);
  BOOST_TEST(t.quote.total == 1u);
  BOOST_TEST(t.certainty.empty());
}

BOOST_AUTO_TEST_CASE(scores_add_up_over_documents) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  hearsay::scores total = hearsay::score_document(gold, p).totals;
  p.claims.clear();
  total += hearsay::score_document(gold, p).totals;
  BOOST_TEST(total.documents == 2u);
  BOOST_TEST(total.claims.correct == 3u);
  BOOST_TEST(total.claims.predicted == 3u);
  BOOST_TEST(total.claims.gold == 6u);
  BOOST_TEST(total.claims.recall() == 0.5);
  BOOST_TEST(total.claims.f1() == 2.0 / 3.0);
  BOOST_TEST(total.end_to_end.total == 6u);
  BOOST_TEST(total.cues.gold == 4u);
}

BOOST_AUTO_TEST_CASE(empty_counts_score_one_and_missing_predictions_zero) {
  const hearsay::prf none;
  BOOST_TEST(none.precision() == 1.0);
  BOOST_TEST(none.recall() == 1.0);
  BOOST_TEST(none.f1() == 1.0);
  const hearsay::prf missed{0, 0, 4};
  BOOST_TEST(missed.precision() == 0.0);
  BOOST_TEST(missed.recall() == 0.0);
  BOOST_TEST(missed.f1() == 0.0);
  BOOST_TEST(hearsay::accuracy{}.value() == 1.0);
  BOOST_TEST(hearsay::accuracy{}.empty());
  BOOST_TEST((hearsay::accuracy{1, 4}.value()) == 0.25);
  BOOST_TEST(hearsay::scores{}.status_macro_f1() == 1.0);
}

BOOST_AUTO_TEST_CASE(words_are_case_folded_runs_of_letters_and_digits) {
  BOOST_TEST(hearsay::words("The U.S.-led G7, \xC3\x9C"
                            "BER 2024\xE2\x80\x99s!") ==
                 (std::vector<std::string>{"the", "u", "s", "led", "g7",
                                           "\xC3\xBC"
                                           "ber",
                                           "2024", "s"}),
             boost::test_tools::per_element());
  BOOST_TEST(hearsay::words("\xE2\x80\x9C \xE2\x80\x94 ...").empty());
  // Invalid bytes split words and never crash.
  BOOST_TEST(hearsay::words("ab\xFF"
                            "cd\xE2\x80") == (std::vector<std::string>{"ab", "cd"}),
             boost::test_tools::per_element());
  BOOST_TEST(hearsay::word_dice("", "") == 0.0);
}

BOOST_AUTO_TEST_CASE(a_prediction_over_another_text_is_refused) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = empty_prediction(gold);
  p.text += " More.";
  try {
    hearsay::score_document(gold, p);
    BOOST_FAIL("no error");
  } catch (const hearsay::error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "[hearsay.invalid_argument.401] the predicted text of document 'd' differs from "
               "its gold text");
  }
}

BOOST_AUTO_TEST_CASE(spans_past_the_text_are_clamped) {
  const hearsay::gold_document gold = gold_of(three_claims);
  hearsay::document p = perfect_prediction(gold);
  p.claims.push_back(hearsay::claim{});
  p.claims.back().where = hearsay::span{5000, 9000};
  p.claims.back().chain.push_back(make_link(p.text, "NHK", source_kind::media, "said"));
  p.claims.back().chain.back().cue.where = hearsay::span{90, 4000};
  p.sentences.push_back(hearsay::span{7000, 8000});
  const hearsay::document_score s = hearsay::score_document(gold, p);
  BOOST_TEST(s.totals.claims.correct == 3u);
  BOOST_TEST(s.totals.claims.predicted == 4u);
}

BOOST_AUTO_TEST_CASE(confusion_matrix_agrees_with_the_per_status_counts) {
  // Over every corpus file: rows (gold status, then spurious) and columns (predicted status,
  // then missed) add up to the per-status counts, the diagonal to the correct ones.
  const hearsay::analyzer an;
  hearsay::scores total;
  std::size_t outcomes = 0, right = 0;
  for (const auto& entry : std::filesystem::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() != ".xml") continue;
    for (const hearsay::gold_document& g : hearsay::load_corpus_file(entry.path()).documents) {
      const hearsay::document_score d = hearsay::score_document(g, an.analyze(g.text, g.id));
      total += d.totals;
      outcomes += d.outcomes.size();
      for (const hearsay::claim_outcome& o : d.outcomes) right += o.right;
    }
  }
  BOOST_REQUIRE_GT(total.claims.gold, 400u);
  std::size_t spurious_row = 0, missed_column = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    std::size_t row = 0, column = 0;
    for (std::size_t j = 0; j < 4; ++j) row += total.confusion[i][j];
    for (std::size_t j = 0; j < 4; ++j) column += total.confusion[j][i];
    BOOST_TEST(row == total.by_status[i].gold);
    BOOST_TEST(column == total.by_status[i].predicted);
    BOOST_TEST(total.confusion[i][i] == total.by_status[i].correct);
    spurious_row += total.confusion[3][i];
    missed_column += total.confusion[i][3];
  }
  BOOST_TEST(total.confusion[3][3] == 0u);
  BOOST_TEST(spurious_row == total.claims.predicted - total.claims.correct);
  BOOST_TEST(missed_column == total.claims.gold - total.claims.correct);
  BOOST_TEST(outcomes == total.claims.correct);  // one outcome per matched claim
  BOOST_TEST(right == total.end_to_end.correct);
}

BOOST_AUTO_TEST_SUITE_END()
