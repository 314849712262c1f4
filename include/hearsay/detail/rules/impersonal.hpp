// Impersonal and raising frames, and attributing adverbs: the cue has no source in the text.
//   "it is thought that X"      X from an unspecified source, the frame left out of the claim
//   "X is seen as Y"            the whole clause is the claim, the cue inside it
//   "X reportedly did Y"        likewise
#ifndef HEARSAY_DETAIL_RULES_IMPERSONAL_HPP
#define HEARSAY_DETAIL_RULES_IMPERSONAL_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// A cue that stays inside its claim ("X is seen as Y", "reportedly"): unspecified source.
inline void add_whole_frame(sentence_scan& sc, range cue, const simple_cue& c, rule_id rule) {
  frame f;
  f.whole = true;
  f.rule = rule;
  f.links.push_back(proto_link{{}, cue, c.lemma, c.kind});
  f.content = cue;
  f.anchor = cue.first;
  sc.out.push_back(std::move(f));
}

// "it is thought that", "it has been reported that"
inline bool engine::impersonal_frame(sentence_scan& sc, std::size_t& i) const {
  const token_span tk = sc.tk;
  const std::size_t n = sc.n;
  if (!tk[i].lower_is("it") || i + 2 >= n) return false;
  std::size_t k = i + 1;
  while (k < n && (tk[k].is(wc_auxiliary | wc_modal) || is_adverb(tk[k]))) ++k;
  if (!(k > i + 1 && k + 1 < n && tk[k].entry && tk[k].entry->impersonal >= 0 &&
        is_word_in_that(tk[k + 1]))) {
    return false;
  }
  const simple_cue& c = data().impersonals[static_cast<std::size_t>(tk[k].entry->impersonal)];
  frame f;
  f.links.push_back(proto_link{{}, {i, k + 1}, c.lemma, c.kind});
  f.frame_tokens.push_back({i, k + 2});
  f.content = {k + 2, n};
  f.anchor = i;
  f.rule = rule_id::impersonal;
  sc.out.push_back(std::move(f));
  i = k + 1;
  return true;
}

// "X is seen as Y", "X are thought to Y", "X was accused of Y": the claim keeps its subject.
inline bool engine::raising_frame(sentence_scan& sc, std::size_t i) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const word_entry* e = tk[i].entry;
  if (!e || e->raising < 0 || i <= sent.first || i + 1 >= sc.n) return false;
  std::size_t b = i;
  while (b > sent.first && is_adverb(tk[b - 1])) --b;
  const token& next = tk[i + 1];
  const bool it_subject = b >= sent.first + 2 && tk[b - 2].lower_is("it");
  if (!(b > sent.first && is_be(tk[b - 1]) && !it_subject &&
        (next.lower_is("as") || next.lower_is("to") || next.lower_is("of")))) {
    return false;
  }
  std::size_t cue_first = b - 1;
  while (cue_first > sent.first && (tk[cue_first - 1].is(wc_auxiliary | wc_modal))) --cue_first;
  add_whole_frame(sc, {cue_first, i + 2}, data().raisings[static_cast<std::size_t>(e->raising)],
                  rule_id::raising);
  return true;
}

// "reportedly", "allegedly": the clause around them, from an unspecified source.
inline bool engine::adverb_frame(sentence_scan& sc, std::size_t i) const {
  const word_entry* e = sc.tk[i].entry;
  if (!e || e->adverb < 0) return false;
  add_whole_frame(sc, {i, i + 1}, data().adverbs[static_cast<std::size_t>(e->adverb)],
                  rule_id::adverb);
  return true;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_IMPERSONAL_HPP
