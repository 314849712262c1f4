// The verifier (SPEC 8 and 9): matching claims by content, sourcing flags and summaries, and
// checking a query against articles; scored on the blind gold in corpora/check and
// corpora/sourcing.
#include <boost/test/unit_test.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/check.hpp"
#include "hearsay/check_index.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/match.hpp"
#include "hearsay/score.hpp"
#include "hearsay/sourcing.hpp"

namespace {

const hearsay::analyzer& assessing() {
  static const hearsay::analyzer an = [] {
    hearsay::analyzer_options o;
    o.sourcing = true;
    return hearsay::analyzer(hearsay::lexicon::builtin(), o);
  }();
  return an;
}

hearsay::content_relation relation(const std::string& a, const std::string& b) {
  return hearsay::compare(hearsay::content_of(a), hearsay::content_of(b)).relation;
}

const hearsay::claim* claim_with(const hearsay::document& d, std::string_view words) {
  for (const hearsay::claim& c : d.claims) {
    if (d.view(c.where).find(words) != std::string_view::npos) return &c;
  }
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(matching)

BOOST_AUTO_TEST_CASE(inflections_match_through_snowball_stems) {
  BOOST_TEST(hearsay::stem("resigned") == hearsay::stem("resigning"));
  BOOST_TEST(relation("The minister resigned over the scandal",
                      "the minister resigns over a scandal") == hearsay::content_relation::match);
}

BOOST_AUTO_TEST_CASE(stop_words_do_not_count_and_contractions_are_stop_words_whole) {
  BOOST_TEST(hearsay::is_stop_word("the"));
  BOOST_TEST(hearsay::content_of("it isn't finished").size() == 1u);   // "finished" only
  BOOST_TEST(hearsay::content_of("Smith won the race").size() == 3u);  // "won" is no "won't"
  BOOST_TEST(hearsay::content_of("the of and").empty());
}

BOOST_AUTO_TEST_CASE(numbers_compare_by_their_digits_and_currency_signs_are_words) {
  BOOST_TEST(relation("The port will cut 2,000 jobs", "the port will cut 2000 jobs") ==
             hearsay::content_relation::match);
  BOOST_TEST(relation("The deal is worth $7.5 billion", "the deal is worth 7.5 billion dollars") ==
             hearsay::content_relation::match);
  BOOST_TEST(relation("Turnout rose 12 per cent", "turnout rose 12%") ==
             hearsay::content_relation::match);
}

BOOST_AUTO_TEST_CASE(a_short_name_matches_the_longer_name_it_ends) {
  BOOST_TEST(relation("Officials said Putin will visit Hanoi",
                      "Officials said Vladimir Putin will visit Hanoi") ==
             hearsay::content_relation::match);
}

BOOST_AUTO_TEST_CASE(a_differing_number_or_name_is_a_conflict_not_a_match) {
  const std::string q = "The port will cut 1,500 jobs";
  const std::string c = "the port will cut 2,000 jobs";
  const hearsay::content_comparison r =
      hearsay::compare(hearsay::content_of(q), hearsay::content_of(c));
  BOOST_TEST(r.relation == hearsay::content_relation::conflict);
  BOOST_REQUIRE(r.only_in_a.size() == 1u);
  BOOST_TEST(r.only_in_a[0].where.of(q) == "1,500");
  BOOST_TEST(r.only_in_b[0].where.of(c) == "2,000");
  BOOST_TEST(relation("Police said Mayor Ortiz approved the budget",
                      "Police said Mayor Lindqvist approved the budget") ==
             hearsay::content_relation::conflict);
  // Both a name and a number differ: neither a match nor a conflict.
  BOOST_TEST(
      relation("Police said Ortiz approved 40 posts", "Police said Lindqvist approved 60 posts") ==
      hearsay::content_relation::none);
}

BOOST_AUTO_TEST_CASE(the_capital_of_a_sentence_or_a_title_case_headline_marks_no_name) {
  BOOST_TEST(hearsay::content_of("Putin will visit North Korea").names().size() == 1u);
  hearsay::content_options headline;
  headline.title_case = true;
  BOOST_TEST(hearsay::content_of("Putin Will Visit North Korea", headline).names().empty());
  BOOST_TEST(hearsay::is_title_case("Putin Will Visit North Korea"));
  BOOST_TEST(!hearsay::is_title_case("Kim met Putin in Pyongyang"));
  BOOST_TEST(hearsay::content_of("aid from the U.S. arrived").names().size() == 1u);  // acronym
}

BOOST_AUTO_TEST_CASE(too_little_in_common_is_no_match) {
  BOOST_TEST(relation("The bridge will close for repairs", "The minister denied the report") ==
             hearsay::content_relation::none);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(sourcing_flags)

BOOST_AUTO_TEST_CASE(flags_follow_the_innermost_source_and_the_chain_length) {
  const hearsay::document d = assessing().analyze(
      "Officials familiar with the talks said the deal was close. NHK, citing diplomatic "
      "sources, said the summit would be delayed. The company may close its plant.");
  const hearsay::claim* anon = claim_with(d, "deal was close");
  BOOST_REQUIRE(anon);
  BOOST_TEST(anon->flags.has(hearsay::flag::anonymous));
  BOOST_TEST(anon->flags.has(hearsay::flag::single_source));
  const hearsay::claim* hedged = claim_with(d, "close its plant");
  BOOST_REQUIRE(hedged);
  BOOST_TEST(hedged->flags.has(hearsay::flag::unattributed_allegation));
  BOOST_REQUIRE(d.sourcing);
  BOOST_TEST(d.sourcing->by_status[static_cast<int>(hearsay::status::alleged)] >= 1u);
}

BOOST_AUTO_TEST_CASE(a_claim_two_sources_make_is_not_single_sourced) {
  const hearsay::document d = assessing().analyze(
      "The union said the port will cut 2,000 jobs. The mayor said the port will cut 2000 "
      "jobs. Analysts said the harbour would be dredged next year.");
  const hearsay::claim* first = claim_with(d, "2,000 jobs");
  const hearsay::claim* second = claim_with(d, "2000 jobs");
  const hearsay::claim* lone = claim_with(d, "dredged");
  BOOST_REQUIRE(first && second && lone);
  BOOST_TEST(!first->flags.has(hearsay::flag::single_source));
  BOOST_TEST(!second->flags.has(hearsay::flag::single_source));
  BOOST_TEST(lone->flags.has(hearsay::flag::single_source));
  BOOST_TEST(d.sourcing->sources.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_headline_that_asserts_what_the_body_attributes_overstates) {
  const hearsay::document d = assessing().analyze(
      "Mayor Will Close Harbour Bridge\n\nThe mayor will close the harbour bridge, officials "
      "said on Monday.");
  BOOST_REQUIRE(!d.claims.empty());
  BOOST_TEST(d.claims.front().flags.has(hearsay::flag::headline_overstates));
  const hearsay::document fair = assessing().analyze(
      "Mayor Closes Harbour Bridge\n\nThe mayor closed the harbour bridge on Monday.");
  BOOST_TEST(!fair.claims.front().flags.has(hearsay::flag::headline_overstates));
}

BOOST_AUTO_TEST_CASE(sourcing_is_assessed_only_when_asked) {
  const hearsay::analyzer plain;
  BOOST_TEST(!plain.analyze("Officials said the talks failed.").sourcing.has_value());
}

BOOST_AUTO_TEST_CASE(every_flag_is_precise_on_the_blind_sourcing_gold) {
  std::array<hearsay::prf, 5> by_flag{};
  const hearsay::corpus gold =
      hearsay::load_corpus_file(std::string(HEARSAY_CORPORA_DIR) + "/sourcing/dev.xml");
  for (const hearsay::gold_document& g : gold.documents) {
    const hearsay::document d = assessing().analyze(g.text, g.id);
    const hearsay::document_score s = hearsay::score_document(g, d);
    for (const hearsay::claim_outcome& o : s.outcomes) {
      if (!g.claims[o.gold].flags) continue;
      for (std::size_t f = 0; f < 5; ++f) {
        const auto fl = static_cast<hearsay::flag>(f);
        by_flag[f].predicted += d.claims[o.predicted].flags.has(fl);
        by_flag[f].correct +=
            d.claims[o.predicted].flags.has(fl) && g.claims[o.gold].flags->has(fl);
      }
    }
  }
  for (std::size_t f = 0; f < 5; ++f) {
    BOOST_TEST_CONTEXT(to_string(static_cast<hearsay::flag>(f))) {
      BOOST_TEST(by_flag[f].predicted > 0u);
      BOOST_TEST(by_flag[f].precision() >= 0.90);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(checking)

BOOST_AUTO_TEST_CASE(verdicts_come_in_spec_order_the_first_being_the_verdict) {
  const hearsay::document d = hearsay::analyzer().analyze(
      "Putin Will Visit North Korea\n\nVladimir Putin will visit North Korea next month, "
      "according to NHK. Officials said the port will cut 2,000 jobs.");
  const hearsay::document_check r =
      hearsay::check(hearsay::claim_query("Putin will visit North Korea"), d);
  BOOST_TEST(r.verdict() == hearsay::verdict::asserted);
  BOOST_TEST(r.verdicts.size() == 2u);
  BOOST_TEST(r.verdicts[1] == hearsay::verdict::attributed);
  const hearsay::claim_hit* a = r.attribution(d, hearsay::polarity::positive);
  BOOST_REQUIRE(a);
  BOOST_TEST(d.view(d.claims[a->claim].chain.back().source.where) == "NHK");
  const hearsay::claim_query jobs("The port will cut 1,500 jobs");
  const hearsay::document_check c = hearsay::check(jobs, d);
  BOOST_TEST(c.verdict() == hearsay::verdict::conflicting);
  BOOST_TEST(c.conflicts.front().query_values.front().of(jobs.text()) == "1,500");
  BOOST_TEST(hearsay::check(hearsay::claim_query("The stadium roof collapsed"), d).verdict() ==
             hearsay::verdict::not_found);
}

BOOST_AUTO_TEST_CASE(a_negated_claim_denies_a_positive_query) {
  const hearsay::document d =
      hearsay::analyzer().analyze("The minister said she will not resign over the report.");
  BOOST_TEST(hearsay::check(hearsay::claim_query("The minister will resign over the report"), d)
                 .verdict() == hearsay::verdict::denied);
  // A negative query agrees with the negative claim: it is reported, not denied.
  BOOST_TEST(hearsay::check(hearsay::claim_query("The minister won't resign over the report"), d)
                 .verdict() == hearsay::verdict::attributed);
}

BOOST_AUTO_TEST_CASE(a_query_negated_by_without_agrees_with_a_claim_negated_the_same_way) {
  const hearsay::document d =
      hearsay::analyzer().analyze("The talks ended on Saturday without a joint statement.");
  BOOST_TEST(hearsay::check(hearsay::claim_query("The talks ended without a joint statement"), d)
                 .verdict() == hearsay::verdict::asserted);
}

BOOST_AUTO_TEST_CASE(an_empty_query_or_one_of_stop_words_is_a_query_error) {
  for (const std::string q : {"", "   ", "the of and", "it is"}) {
    BOOST_TEST_CONTEXT(q) {
      try {
        (void)hearsay::claim_query(q);
        BOOST_FAIL("no error");
      } catch (const hearsay::error& e) {
        BOOST_TEST(static_cast<int>(e.id()) == static_cast<int>(hearsay::error_id::invalid_query));
      }
    }
  }
  BOOST_CHECK_THROW((void)hearsay::claim_query("caf\xC3"), hearsay::encoding_error);
}

BOOST_AUTO_TEST_CASE(verdicts_are_right_on_the_blind_development_triples) {
  const std::filesystem::path dir = std::filesystem::path(HEARSAY_CORPORA_DIR);
  pugi::xml_document xml;
  BOOST_REQUIRE(xml.load_file((dir / "check" / "dev.xml").c_str()));
  std::map<std::string, hearsay::document> docs;
  const hearsay::analyzer an;
  std::size_t right = 0, total = 0;
  for (const pugi::xml_node c : xml.child("checks").children("check")) {
    const std::string key =
        std::string(c.attribute("corpus").value()) + "#" + c.attribute("doc").value();
    if (!docs.count(key)) {
      for (const auto& g :
           hearsay::load_corpus_file((dir / c.attribute("corpus").value()).string()).documents) {
        if (g.id == c.attribute("doc").value()) docs.emplace(key, an.analyze(g.text, g.id));
      }
    }
    BOOST_REQUIRE(docs.count(key));
    hearsay::verdict gold = hearsay::verdict::not_found;
    BOOST_REQUIRE(hearsay::parse(c.attribute("verdict").value(), gold));
    ++total;
    right +=
        hearsay::check(hearsay::claim_query(c.child_value("query")), docs[key]).verdict() == gold;
  }
  BOOST_TEST(total >= 150u);
  // Pinned a little under the measured 0.929 (README): a regression shows, noise does not.
  BOOST_TEST(static_cast<double>(right) / static_cast<double>(total) >= 0.90);
}

namespace {

bool same_hits(const std::vector<hearsay::claim_hit>& a, const std::vector<hearsay::claim_hit>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].claim != b[i].claim || a[i].score != b[i].score ||
        a[i].query_values != b[i].query_values || a[i].claim_values != b[i].claim_values) {
      return false;
    }
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_index_of_an_archive_checks_exactly_as_plain_check_does) {
  // Every gold text of corpora/ analysed, and every claim of every other document as a query
  // (with its paraphrases in other documents, numbers that differ, names that differ): the
  // index's candidates must never lose a match or a conflict that plain check finds.
  std::vector<hearsay::document> docs;
  const hearsay::analyzer an;
  for (const auto& entry : std::filesystem::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() != ".xml") continue;
    for (const auto& g : hearsay::load_corpus_file(entry.path().string()).documents)
      docs.push_back(an.analyze(g.text, g.id));
  }
  BOOST_REQUIRE(docs.size() >= 20u);
  const hearsay::check_index index(docs);
  BOOST_TEST(index.size() == docs.size());
  std::size_t queries = 0, hits = 0;
  for (std::size_t d = 0; d < docs.size(); d += 2) {
    for (const hearsay::claim& c : docs[d].claims) {
      std::unique_ptr<hearsay::claim_query> q;
      try {
        q = std::make_unique<hearsay::claim_query>(std::string(docs[d].view(c.where)));
      } catch (const hearsay::error&) {
        continue;  // a claim of stop words only is no query
      }
      ++queries;
      const std::vector<hearsay::document_check> plain = hearsay::check(*q, docs);
      const std::vector<hearsay::document_check> indexed = index.check(*q);
      BOOST_REQUIRE_EQUAL(plain.size(), indexed.size());
      std::size_t found = 0;
      for (std::size_t i = 0; i < plain.size(); ++i) {
        BOOST_TEST_CONTEXT("query \"" << q->text() << "\", document " << docs[i].id) {
          BOOST_TEST(indexed[i].document == i);
          BOOST_TEST(same_hits(plain[i].matches, indexed[i].matches));
          BOOST_TEST(same_hits(plain[i].conflicts, indexed[i].conflicts));
          BOOST_TEST(plain[i].verdicts == indexed[i].verdicts);
        }
        if (plain[i].verdict() != hearsay::verdict::not_found) ++found;
      }
      const std::vector<hearsay::document_check> only = index.find(*q);
      BOOST_TEST(only.size() == found);
      hits += found;
    }
  }
  BOOST_TEST(queries >= 300u);
  BOOST_TEST(hits >= queries);  // each query at least finds its own document
}

BOOST_AUTO_TEST_SUITE_END()
