// Cue nouns with a that-clause: "speculation mounts that X", "fears that X", "X's claim that
// Y" (the possessor is the source; else unspecified). Status from the noun.
#ifndef HEARSAY_DETAIL_RULES_CUE_NOUNS_HPP
#define HEARSAY_DETAIL_RULES_CUE_NOUNS_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

inline bool engine::cue_noun_frame(sentence_scan& sc, std::size_t& i) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  const token& t = tk[i];
  const word_entry* e = t.entry;
  if (!e || e->noun < 0) return false;
  // A word that is also a verb ("fear", "claims") is a noun only after a determiner, a
  // possessive, a preposition or at the start: "unions fear that" is the verb.
  const bool noun_position = i == sent.first || !tk[i - 1].is_word() ||
                             tk[i - 1].is(wc_determiner | wc_preposition) || tk[i - 1].possessive ||
                             e->verb < 0;
  if (!noun_position || (t.capitalized && i != sent.first)) return false;
  std::size_t k = i + 1;
  while (k < n && k < i + 6 && tk[k].is_word() && !tk[k].lower_is("that") &&
         !(tk[k].is(wc_verb_word))) {
    ++k;
  }
  if (!(k < n && k + 1 < n && tk[k].lower_is("that") && !tk[k + 1].is(wc_auxiliary | wc_modal) &&
        !(i > sent.first && tk[i - 1].is(wc_preposition) && !tk[i - 1].lower_is("amid")))) {
    return false;
  }
  const simple_cue& c = data().nouns[static_cast<std::size_t>(e->noun)];
  frame f;
  f.links.push_back(proto_link{{}, {i, k}, c.lemma, c.kind});
  std::size_t b = i;
  // "X's claims that": the possessor is the source.
  if (b > sent.first && tk[b - 1].possessive) {
    f.links.back().source = {b - 1, b};
    --b;
  }
  f.frame_tokens.push_back({b, k + 1});
  f.content = {k + 1, n};
  f.anchor = b;
  f.rule = b < i ? rule_id::cue_noun_possessor : rule_id::cue_noun;
  sc.out.push_back(std::move(f));
  i = k;
  return true;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_CUE_NOUNS_HPP
