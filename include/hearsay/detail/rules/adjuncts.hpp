// What stands between a cue and its content or around it: negation before a cue, adjuncts
// ("on Monday", "in a statement"), the object of "tell", and whether a clause follows.
#ifndef HEARSAY_DETAIL_RULES_ADJUNCTS_HPP
#define HEARSAY_DETAIL_RULES_ADJUNCTS_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// "did not say", "has never claimed", "didn't confirm": a negated cue attributes nothing.
inline bool engine::negated_before(const doc_state& st, range sent, std::size_t i) const {
  const token_span tk = st.tokens;
  for (std::size_t k = i; k > sent.first && i - k < 4;) {
    --k;
    const token& t = tk[k];
    if (is_negator(t) && !t.is(wc_determiner)) return true;
    if (!(t.is(wc_auxiliary | wc_modal) || is_adverb(t))) return false;
  }
  return false;
}

// Skip what may stand between a cue and its content: "on Monday", "in a statement", "last week",
// "at a news conference", "also", "publicly".
inline std::size_t engine::skip_adjuncts(const doc_state& st, range sent, std::size_t i) const {
  const token_span tk = st.tokens;
  while (i < sent.last) {
    const token& t = tk[i];
    if (!t.is_word()) break;
    if (t.is(wc_adjunct | wc_weekday) && !t.is(wc_determiner)) {
      ++i;
      // "Monday morning", "Tuesday night"
      if (t.is(wc_weekday) && i < sent.last && tk[i].is(wc_time)) ++i;
      continue;
    }
    const bool has_next = i + 1 < sent.last;
    if (t.is(wc_time_modifier) && has_next && tk[i + 1].is(wc_time | wc_weekday)) {
      i += 2;
      continue;
    }
    if (t.lower_is("on") && has_next &&
        (tk[i + 1].is(wc_weekday) || tk[i + 1].kind == token_kind::number ||
         (tk[i + 1].capitalized && !tk[i + 1].is(wc_determiner)))) {
      i += 2;
      while (i < sent.last &&
             (tk[i].is(wc_time | wc_weekday) || tk[i].kind == token_kind::number ||
              (tk[i].is_punct(".") && i + 1 < sent.last && tk[i + 1].kind == token_kind::number))) {
        ++i;
      }
      continue;
    }
    if (t.is(wc_preposition) && (t.lower_is("in") || t.lower_is("at") || t.lower_is("during") ||
                                 t.lower_is("on") || t.lower_is("to") || t.lower_is("through"))) {
      // A venue phrase: the preposition, up to five words, a venue noun.
      std::size_t k = i + 1;
      std::size_t venue = 0;
      for (; k < sent.last && k < i + 7; ++k) {
        if (!tk[k].is_word() && !tk[k].is_punct("-")) break;
        if (tk[k].lower_is("that")) break;
        if (tk[k].is(wc_venue)) venue = k + 1;
      }
      if (venue) {
        i = venue;
        // "in an interview with CNN", "in a statement to Reuters"
        if (i < sent.last &&
            (tk[i].lower_is("with") || tk[i].lower_is("to") || tk[i].lower_is("on"))) {
          std::size_t j = i + 1;
          while (j < sent.last && j < i + 5 && tk[j].is_word() && !tk[j].lower_is("that")) ++j;
          i = j;
        }
        continue;
      }
    }
    break;
  }
  return i;
}

// The object of "tell": "told reporters", "told Reuters", "told him", "told the newspaper".
inline std::size_t engine::skip_object(const doc_state& st, range sent, std::size_t i) const {
  const token_span tk = st.tokens;
  if (i >= sent.last) return i;
  if (tk[i].is(wc_pronoun)) return i + 1;  // "told him"
  const bool name = tk[i].capitalized;
  std::size_t k = i;
  while (k < sent.last && k < i + 7 &&
         ((tk[k].is_word() && !tk[k].lower_is("that") && !(tk[k].is(wc_preposition) && k > i) &&
           !(tk[k].is(wc_adjunct) && k > i) &&
           // the object ends where the content's subject begins: "told Wire the fund could",
           // "told the newspaper the plan failed"
           !(k > i && (tk[k].is(wc_determiner | wc_pronoun) || (name && !tk[k].capitalized)))) ||
          (k > i && !tk[k].space_before &&
           (tk[k].is_punct("-") || tk[k].is_punct(".") || tk[k].is_punct("&"))))) {
    ++k;
  }
  return k;
}

// What follows a clause-taking cue reads as a clause: not the end, not a preposition or "to".
inline bool engine::looks_like_clause(const doc_state& st, range sent, std::size_t i) const {
  if (i >= sent.last) return false;
  const token_span tk = st.tokens;
  const token& t = tk[i];
  if (t.kind == token_kind::punct) return is_open_quote(t) || is_straight_quote(t);
  // "said about 14,000 passengers were stranded": an approximate number opens the subject.
  if ((t.lower_is("about") || t.lower_is("nearly") || t.lower_is("almost") ||
       t.lower_is("roughly") || t.lower_is("around")) &&
      i + 1 < sent.last && tk[i + 1].kind == token_kind::number) {
    return looks_like_clause(st, sent, i + 1);
  }
  if (t.is(wc_not_clause)) return false;
  if (t.is(wc_pronoun)) return true;  // "said it would", "said they had"
  // "think both sides want …": a subject-like word and a few more words before the next comma.
  if (subject_like(t)) {
    std::size_t words = 0;
    for (std::size_t k = i; k < sent.last && k < i + 40 && !is_comma(tk[k]); ++k) {
      words += tk[k].is_word();
    }
    if (words >= 4) return true;
  }
  // Some finite verb must follow before the next comma or the end.
  for (std::size_t k = i; k < sent.last && k < i + 14; ++k) {
    const token& w = tk[k];
    if (is_comma(w) || is_final_punct(w)) break;
    // "believe bigotry and xenophobia are": a coordinated subject, not a second verb phrase
    // ("said goodbye and left").
    if (w.is(wc_coordinator)) {
      const token* next = k + 1 < sent.last ? &tk[k + 1] : nullptr;
      // (a word that may be a verb is a noun when an auxiliary follows it: "and dust are")
      const bool noun_next =
          (w.lower_is("and") || w.lower_is("or")) && k > i && next && next->is_word() &&
          !next->is(wc_auxiliary | wc_modal | wc_finite | wc_pronoun | wc_adjunct | wc_preposition |
                    wc_not_clause) &&
          !is_adverb(*next) &&
          (!(next->is(wc_verb_form | wc_verb_word) || is_past_form(*next)) ||
           (k + 2 < sent.last && tk[k + 2].is(wc_auxiliary | wc_modal) && !tk[k + 2].possessive));
      if (!noun_next) break;
      continue;
    }
    if (w.is(wc_auxiliary | wc_modal | wc_finite) || is_past_form(w) ||
        (k > i && w.is_word() && !w.capitalized && w.lower.size() > 3 && w.lower.back() == 's' &&
         !ends_with(w.lower, "ss") && !ends_with(w.lower, "'s") && !w.is(wc_preposition) &&
         tk[k - 1].is_word() && !tk[k - 1].is(wc_determiner | wc_preposition))) {
      return true;
    }
  }
  return false;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_ADJUNCTS_HPP
