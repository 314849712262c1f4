// "according to X" and "as X put it": X is the source; before the content it governs what follows,
// after it
// ("A, according to X") what precedes, and X is then the outermost source of A.
#ifndef HEARSAY_DETAIL_RULES_ACCORDING_TO_HPP
#define HEARSAY_DETAIL_RULES_ACCORDING_TO_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/sources.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

inline bool engine::according_to_frame(sentence_scan& sc, std::size_t& i) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  // "citing" is read with the frame it extends (the verb cues), not here.
  if (!(tk[i].lower_is("according") && i + 1 < n && tk[i + 1].lower_is("to"))) return false;
  const word_entry* phrase = data().find("according_to");
  if (!phrase || phrase->phrase < 0) return true;  // a lexicon without that cue
  const simple_cue& c = data().phrases[static_cast<std::size_t>(phrase->phrase)];
  const range src = source_right(sc.st, sent, i + 2);
  if (src.empty()) return true;
  frame f;
  f.links.push_back(proto_link{src, {i, i + 2}, c.lemma, c.kind});
  std::size_t frame_end = src.last;
  if (frame_end < n && is_comma(tk[frame_end])) ++frame_end;
  std::size_t frame_begin = i;
  if (frame_begin > sent.first && is_comma(tk[frame_begin - 1])) --frame_begin;
  f.frame_tokens.push_back({frame_begin, frame_end});
  // "According to Y, A" governs what follows; "A, according to Y[, although B]" what
  // precedes, and Y is then the outermost source of any attribution inside A.
  const bool initial =
      frame_begin == sent.first || (frame_begin > sent.first && tk[frame_begin - 1].is_word() &&
                                    tk[frame_begin - 1].is(wc_coordinator | wc_clause_opener));
  f.content = initial ? range{frame_end, n} : range{sent.first, frame_begin};
  f.outermost = !initial;
  f.anchor = frame_begin;
  f.rule = initial ? rule_id::according_to_fronted : rule_id::according_to_trailing;
  sc.out.push_back(std::move(f));
  i = src.last - 1;
  return true;
}

// "as X put it" (read at "it"): X is the source, like "according to X", of what precedes it at
// the end of a sentence ("A, as the memo put it."), or of what follows when it opens one.
inline bool engine::as_put_it_frame(sentence_scan& sc, std::size_t& i) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  if (!(tk[i].lower_is("it") && i >= sent.first + 3 &&
        (tk[i - 1].lower_is("put") || tk[i - 1].lower_is("puts")))) {
    return false;
  }
  const std::size_t cue = i - 1;
  std::size_t as = cue;
  while (as > sent.first && as + 10 > cue && !tk[as - 1].lower_is("as")) --as;
  if (as == sent.first || !tk[as - 1].lower_is("as") || as >= cue) return false;
  const std::size_t as_at = as - 1;
  const bool opens =
      as_at == sent.first || is_comma(tk[as_at - 1]) ||
      (is_quote_mark(tk[as_at - 1]) && as_at >= sent.first + 2 && is_comma(tk[as_at - 2])) ||
      tk[as_at - 1].is_punct("\u2014") || tk[as_at - 1].is(wc_coordinator);
  const range src = trim_to_subject_pronoun(tk, range{as, cue});
  if (!opens || src.first != as || !is_noun_phrase(tk, src)) return false;
  for (std::size_t k = src.first; k < src.last; ++k) {
    if (!tk[k].is_word() && !tk[k].is_punct(".") && !tk[k].is_punct("-") && !tk[k].is_punct("'")) {
      return false;
    }
  }
  // "as the memo put it in a letter last week": the adjuncts up to the next comma go with it.
  std::size_t frame_end = i + 1;
  while (frame_end < n && frame_end < i + 16 &&
         (tk[frame_end].is_word() ||
          (tk[frame_end].is_punct(".") && !tk[frame_end].space_before && !sc.at_end(frame_end)))) {
    ++frame_end;
  }
  if (frame_end < n && !(is_comma(tk[frame_end]) || sc.at_end(frame_end))) frame_end = i + 1;
  std::size_t frame_begin = as_at;
  if (frame_begin > sent.first && is_comma(tk[frame_begin - 1])) --frame_begin;
  // Mid-sentence ("seen, as the magazine put it, “the operator”") it is the writer's own
  // wording of a description: no frame.
  if (frame_begin != sent.first && !sc.at_end(frame_end)) return false;
  if (frame_end < n && is_comma(tk[frame_end])) ++frame_end;
  frame f;
  f.links.push_back(proto_link{src, {cue, i + 1}, "put", cue_class::report});
  f.frame_tokens.push_back({frame_begin, frame_end});
  const bool initial = frame_begin == sent.first;
  f.content = initial ? range{frame_end, n} : range{sent.first, frame_begin};
  f.outermost = !initial;
  f.anchor = frame_begin;
  f.rule = initial ? rule_id::according_to_fronted : rule_id::according_to_trailing;
  sc.out.push_back(std::move(f));
  return true;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_ACCORDING_TO_HPP
