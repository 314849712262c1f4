// Adjective cues: a copula, a belief adjective and a that-clause ("Analysts are confident that
// X", "She was afraid that X", "officials remain hopeful that X"): the subject holds the belief
// (SPEC 2: be confident/optimistic/hopeful that → alleged, the subject in the chain).
#ifndef HEARSAY_DETAIL_RULES_ADJECTIVE_CUES_HPP
#define HEARSAY_DETAIL_RULES_ADJECTIVE_CUES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/sources.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

inline bool engine::adjective_frame(sentence_scan& sc, std::size_t& i) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  const word_entry* e = tk[i].entry;
  if (!e || e->adjective < 0 || i + 1 >= n) return false;
  // The copula (or "remain", "seem") before it, past adverbs: "are increasingly confident".
  std::size_t b = i;
  while (b > sent.first && is_adverb(tk[b - 1])) --b;
  if (b == sent.first) return false;
  const token& copula = tk[b - 1];
  // "I'm sure", "we're confident": the pronoun and the copula are one token, the source.
  const bool contracted =
      copula.is_word() && (ends_with(copula.lower, "'m") || ends_with(copula.lower, "'re") ||
                           (copula.possessive && copula.is(wc_pronoun)));
  if (!contracted &&
      !(is_be(copula) || copula.lower_is("remain") || copula.lower_is("remains") ||
        copula.lower_is("remained") || copula.lower_is("seem") || copula.lower_is("seems") ||
        copula.lower_is("seemed") || copula.lower_is("grew") || copula.lower_is("feel") ||
        copula.lower_is("felt"))) {
    return false;
  }
  // "that" follows, or a clause with its own subject ("confident the deal will hold", "sure
  // some of the voters would").
  std::size_t j = i + 1;
  const bool that = tk[j].lower_is("that");
  if (!that && !bare_clause_at(tk, j, n)) return false;
  if (negated_before(sc.st, sent, b - 1)) return false;  // "is not sure that": no frame
  const range src = contracted ? range{b - 1, b} : source_left(sc.st, sent, b - 1);
  if (src.empty()) return false;
  const simple_cue& c = data().adjectives[static_cast<std::size_t>(e->adjective)];
  frame f;
  f.links.push_back(proto_link{src, {contracted ? i : b - 1, i + 1}, c.lemma, c.kind});
  f.frame_tokens.push_back({src.first, that ? j + 1 : j});
  f.content = {that ? j + 1 : j, n};
  f.anchor = src.first;
  f.rule = contracted ? rule_id::adjective_contracted : rule_id::adjective;
  sc.out.push_back(std::move(f));
  i = f.content.first > 0 ? f.content.first - 1 : i;
  return true;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_ADJECTIVE_CUES_HPP
