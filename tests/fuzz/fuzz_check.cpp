// Fuzz the verifier: the input's first line is a query, the rest an article. The article is
// analysed with sourcing assessed; the query is checked against it. A query is either accepted or
// rejected with query_error/encoding_error; verdicts are in SPEC order, each once, not_found only
// alone; hits name existing claims; flags agree with what SPEC 8 defines from the chain; content
// comparison is symmetric in its score; a check_index over the article (and the article twice)
// gives exactly what plain check gives.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/check.hpp"
#include "hearsay/check_index.hpp"
#include "hearsay/error.hpp"
#include "hearsay/match.hpp"
#include "hearsay/text.hpp"

namespace {

const hearsay::analyzer& assessing() {
  static const hearsay::analyzer an = [] {
    hearsay::analyzer_options options;
    options.repair_utf8 = true;
    options.sourcing = true;
    return hearsay::analyzer(hearsay::lexicon::builtin(), options);
  }();
  return an;
}

void check_flags(const hearsay::document& doc) {
  HEARSAY_FUZZ_CHECK(doc.sourcing.has_value(), "sourcing was asked for but not assessed");
  std::size_t counted = 0;
  for (std::size_t s = 0; s < 3; ++s) counted += doc.sourcing->by_status[s];
  HEARSAY_FUZZ_CHECK(counted == doc.claims.size(), "by_status does not count every claim");
  for (const hearsay::claim& c : doc.claims) {
    HEARSAY_FUZZ_CHECK(c.flags.has(hearsay::flag::second_hand) == (c.chain.size() >= 2),
                       "second_hand disagrees with the chain");
    const bool unattributed =
        c.status == hearsay::status::alleged &&
        (c.chain.empty() || c.chain.back().source.kind == hearsay::source_kind::unspecified);
    HEARSAY_FUZZ_CHECK(c.flags.has(hearsay::flag::unattributed_allegation) == unattributed,
                       "unattributed_allegation disagrees with status and chain");
    HEARSAY_FUZZ_CHECK(
        !c.flags.has(hearsay::flag::single_source) || c.status != hearsay::status::confirmed,
        "a confirmed claim is flagged single_source");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view query_text = input.substr(0, std::min(newline, input.size()));
  const std::string_view article =
      newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  const hearsay::document doc = assessing().analyze(article, "fuzz");
  hearsay_fuzz::check_document(doc);
  check_flags(doc);
  try {
    const hearsay::claim_query query{std::string(query_text)};
    HEARSAY_FUZZ_CHECK(!query.content().empty(), "a query without content words was accepted");
    const hearsay::document_check r = hearsay::check(query, doc);
    HEARSAY_FUZZ_CHECK(!r.verdicts.empty(), "no verdict");
    {
      const std::vector<hearsay::document> both = {doc, doc};
      const hearsay::check_index index{std::span<const hearsay::document>(both)};
      const std::vector<hearsay::document_check> indexed = index.check(query);
      HEARSAY_FUZZ_CHECK(indexed.size() == 2, "the index lost a document");
      for (std::size_t d = 0; d < 2; ++d) {
        const hearsay::document_check& x = indexed[d];
        HEARSAY_FUZZ_CHECK(x.document == d && x.verdicts == r.verdicts &&
                               x.matches.size() == r.matches.size() &&
                               x.conflicts.size() == r.conflicts.size(),
                           "the check index disagrees with plain check");
        for (std::size_t i = 0; i < r.matches.size(); ++i) {
          HEARSAY_FUZZ_CHECK(
              x.matches[i].claim == r.matches[i].claim && x.matches[i].score == r.matches[i].score,
              "the check index found other matches");
        }
      }
      HEARSAY_FUZZ_CHECK(
          index.find(query).size() == (r.verdict() == hearsay::verdict::not_found ? 0u : 2u),
          "find disagrees with check");
    }
    for (std::size_t i = 1; i < r.verdicts.size(); ++i) {
      HEARSAY_FUZZ_CHECK(r.verdicts[i - 1] < r.verdicts[i], "verdicts out of SPEC order");
      HEARSAY_FUZZ_CHECK(r.verdicts[i] != hearsay::verdict::not_found, "not_found among others");
    }
    for (const auto* hits : {&r.matches, &r.conflicts}) {
      for (const hearsay::claim_hit& h : *hits) {
        HEARSAY_FUZZ_CHECK(h.claim < doc.claims.size(), "a hit names no claim");
        HEARSAY_FUZZ_CHECK(h.score >= 0.5 && h.score <= 1.0, "a hit below the Dice threshold");
        const hearsay::content other = hearsay::content_of(doc.text, doc.claims[h.claim].where);
        HEARSAY_FUZZ_CHECK(hearsay::compare(other, query.content()).score ==
                               hearsay::compare(query.content(), other).score,
                           "Dice is not symmetric");
      }
    }
  } catch (const hearsay::encoding_error&) {
    HEARSAY_FUZZ_CHECK(!hearsay::check_utf8(query_text).valid, "valid query called invalid");
  } catch (const hearsay::error& e) {
    HEARSAY_FUZZ_CHECK(e.id() == hearsay::error_id::invalid_query, "unexpected error kind");
  }
  return 0;
}
