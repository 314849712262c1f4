// Source phrases (SPEC section 3): the noun phrase before a cue or after it, and its kind.
#ifndef HEARSAY_DETAIL_RULES_SOURCES_HPP
#define HEARSAY_DETAIL_RULES_SOURCES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// "At a rally on Tuesday night he": an adverbial before the subject pronoun is not the source.
inline range trim_to_subject_pronoun(token_span tk, range r) {
  for (std::size_t k = r.last; k > r.first + 1;) {
    --k;
    if (tk[k].is_word() && tk[k].is(wc_subject_pronoun) && !tk[k - 1].lower_is("and") &&
        !tk[k - 1].lower_is("or") && !is_comma(tk[k - 1])) {
      return {k, r.last};
    }
  }
  return r;
}

// SPEC 3: a source is a noun phrase, never a verb, an adverb, an infinitive or a clause. A
// range a pattern took for one ("out there", "included one", "You went on television to",
// "There's some", "what Liz Wahl", "African-Americans this weekend he") is none. Words after a
// relative pronoun ("an official who declined to be named") belong to its clause.
inline bool is_noun_phrase(token_span tk, range r) {
  if (r.empty()) return true;  // an unspecified source
  const token& first = tk[r.first];
  const token& last = tk[r.last - 1];
  if (last.is(wc_preposition | wc_coordinator) || last.lower_is("to")) return false;
  // "as the" before a quoted name: an article ends no noun phrase.
  if (last.lower_is("the") || last.lower_is("a") || last.lower_is("an")) return false;
  if (first.lower_is("there") || first.lower_is("what") || first.lower_is("out") ||
      first.lower_is("here")) {
    return false;
  }
  // An object pronoun alone ("them said") is no subject.
  if (r.last - r.first == 1 && (first.lower_is("him") || first.lower_is("them") ||
                                first.lower_is("us") || first.lower_is("me"))) {
    return false;
  }
  for (std::size_t k = r.first; k < r.last; ++k) {
    const token& t = tk[k];
    if (!t.is_word()) continue;
    if (t.is(wc_relative) && k > r.first) return true;  // the rest is a relative clause
    // "you're", "There's" (not "the county's planning office": a possessive before a noun).
    if (contracted_verb(t, nullptr)) return false;
    if (t.is(wc_auxiliary | wc_modal) && !t.possessive) return false;
    // A subject pronoun after other words: two phrases run together.
    if (k > r.first && t.is(wc_subject_pronoun) && !tk[k - 1].lower_is("and") &&
        !tk[k - 1].lower_is("or") && !is_comma(tk[k - 1])) {
      return false;
    }
    // A verb form that is not a noun: "went", "appeared", "included" (but "a report released
    // by", "the appointed envoy": a participle before a preposition or after a determiner).
    if (!t.capitalized && !t.is(wc_source_noun | wc_never_verb) &&
        (t.is(wc_finite) ||
         (t.is(wc_verb_form) && (ends_with(t.lower, "ed") || t.is(wc_verb_word))))) {
      const bool modifier = (k + 1 < r.last && tk[k + 1].is(wc_preposition)) ||
                            (k > r.first && tk[k - 1].is(wc_determiner));
      if (!modifier) return false;
    }
  }
  return true;
}

// The noun phrase that ends right before a cue: "Japanese public broadcaster NHK", "the U.S.,
// South Korea, and their allies", "a person familiar with the matter", "Ana Ruiz, a spokeswoman
// for the ministry,". Returns an empty range when none stands there.
inline range engine::source_left(const doc_state& st, range sent, std::size_t cue_first) const {
  const token_span tk = st.tokens;
  std::size_t end = cue_first;
  while (end > sent.first && (tk[end - 1].is(wc_auxiliary | wc_modal) || is_adverb(tk[end - 1])) &&
         !tk[end - 1].is(wc_pronoun)) {
    --end;
  }
  if (end == sent.first) return {};
  // "John Dickey, the chief executive of Ora -- the company that owns the show -- told me": a
  // parenthesis between dashes closes the phrase; the source is the phrase before it. (A dash
  // is one token or two hyphens.)
  const auto dash_before = [&](std::size_t k) -> std::size_t {  // the dash's first token, or 0
    if (k <= sent.first) return 0;
    if (is_dash(tk[k - 1])) return k - 1;
    if (k >= sent.first + 2 && tk[k - 1].is_punct("-") && tk[k - 2].is_punct("-")) return k - 2;
    return 0;
  };
  if (const std::size_t close = dash_before(end); close > sent.first + 1) {
    for (std::size_t k = close; k > sent.first + 1 && k + 40 > close; --k) {
      const std::size_t open = dash_before(k);
      if (open == 0 || open + 2 > close) continue;
      return source_left(st, sent, open);
    }
    return {};
  }
  // "Jane Roe, 59, of Ashton, Md., said", "Senator Ann Roe, Democrat of Ohio, said": an age, a
  // home town or a party and state after a name belong to the phrase; the name is the source.
  if (is_comma(tk[end - 1])) {
    std::size_t k = end - 1;  // the comma that closes the appositions
    std::size_t name_end = 0;
    for (std::size_t chunks = 0; chunks < 4 && k > sent.first + 1; ++chunks) {
      std::size_t c = k;  // the chunk is [c, k)
      while (c > sent.first && c + 6 > k && !is_comma(tk[c - 1])) --c;
      if (c == sent.first || !is_comma(tk[c - 1]) || c == k) break;
      if (k - c == 1 && tk[c].kind == token_kind::number) {
        name_end = c - 1;  // an age
        break;
      }
      bool place = tk[c].is_word() && (tk[c].lower_is("of") || tk[c].capitalized);
      bool role_of = false;
      for (std::size_t m = c + 1; place && m < k; ++m) {
        role_of = role_of || (tk[m].lower_is("of") && m > c && tk[c].capitalized);
        place = tk[m].capitalized || tk[m].lower_is("of") ||
                (tk[m].is_punct(".") && !tk[m].space_before);
      }
      if (!place) break;
      if (role_of) {
        name_end = c - 1;  // "Democrat of California"
        break;
      }
      k = c - 1;
    }
    if (name_end > sent.first && tk[name_end - 1].is_word() && tk[name_end - 1].capitalized) {
      std::size_t b = name_end;
      while (b > sent.first &&
             ((tk[b - 1].is_word() && tk[b - 1].capitalized) ||
              (tk[b - 1].is_punct(".") && !tk[b - 1].space_before && b - 1 > sent.first))) {
        --b;
      }
      if (b < name_end && tk[b].is_word() && (b == sent.first || !is_comma(tk[b - 1]))) {
        return {b, name_end};
      }
    }
  }
  // A short parenthesis closing the phrase ("Rep. John Mica (R-Fla.) said") belongs to it.
  if (tk[end - 1].is_punct(")")) {
    for (std::size_t k = end - 1; k > sent.first && k + 8 > end; --k) {
      if (!tk[k - 1].is_punct("(")) continue;
      const range before = k - 1 > sent.first ? source_left(st, sent, k - 1) : range{};
      if (before.empty() || before.last != k - 1) return {};
      return {before.first, end};
    }
    return {};
  }
  // Appositions closed by a comma: "Gen. Rurik Tamm, the chief of staff, said" gives the name;
  // "her brother, Joost Vos, said" gives the whole phrase.
  if (is_comma(tk[end - 1])) {
    std::size_t k = end - 1;
    std::size_t words = 0;
    while (k > sent.first && !is_comma(tk[k - 1]) && tk[k - 1].quote < 0 && words < 20) {
      --k;
      ++words;
    }
    if (k > sent.first + 1 && is_comma(tk[k - 1]) &&
        (tk[k].is(wc_determiner | wc_preposition | wc_relative) || tk[k].possessive ||
         tk[k].kind == token_kind::number ||
         (tk[k].lower_is("one") && k + 1 < end && tk[k + 1].lower_is("of")) ||
         (tk[k].is_word() && !tk[k].capitalized && tk[k].is(wc_source_noun))) &&
        tk[k - 2].capitalized) {
      std::size_t b = k - 1;
      while (b > sent.first &&
             ((tk[b - 1].is_word() && tk[b - 1].capitalized) ||
              (tk[b - 1].is_punct(".") && !tk[b - 1].space_before && b - 1 > sent.first) ||
              (tk[b - 1].lower_is("of") && b - 1 > sent.first && tk[b - 2].capitalized))) {
        --b;
      }
      return {b, k - 1};
    }
    // "The complaint, filed in federal court, says"; "Alderton, now a pundit, said":
    // the phrase before the apposition is the source; the apposition stays in the frame.
    const token& opener = tk[k];
    const bool participle_apposition =
        k < end - 1 && opener.is_word() && !opener.capitalized && !opener.lower_is("citing") &&
        !opener.lower_is("quoting") &&
        (is_past_form(opener) || opener.is(wc_finite | wc_adjunct) ||
         (opener.lower.size() > 4 && ends_with(opener.lower, "ing")) ||
         (opener.lower.size() > 4 && ends_with(opener.lower, "ly")));
    if (participle_apposition && k > sent.first + 1 && is_comma(tk[k - 1])) {
      return source_left(st, sent, k - 1);
    }
    bool name = k < end - 1;
    for (std::size_t m = k; m < end - 1; ++m) {
      name = name && (tk[m].capitalized || tk[m].is_punct(".") || tk[m].is_punct("&") ||
                      tk[m].is_punct("-") || tk[m].is_punct("'") || tk[m].lower_is("and"));
    }
    if (name && k > sent.first + 1 && is_comma(tk[k - 1])) {
      const range role = source_left(st, sent, k - 1 + 0);  // the phrase before the first comma
      if (!role.empty()) return {role.first, end - 1};
      return {k, end - 1};
    }
    return {};
  }
  if (tk[end - 1].lower_is("and") || tk[end - 1].lower_is("but") || tk[end - 1].lower_is("or")) {
    return {};  // "… and said that": the verb shares the earlier subject (see find_frames)
  }
  std::size_t b = end;
  bool list = false;
  std::size_t count = 0;
  while (b > sent.first && count < 14) {
    const token& t = tk[b - 1];
    if (t.quote >= 0 && tk[end - 1].quote < 0) break;
    if (t.is_word()) {
      // "A report released on Tuesday by the agency", "satellite data included in":
      // a participle followed by a preposition belongs to the phrase.
      const bool reduced_relative = (is_past_form(t) || t.is(wc_finite)) && b < end &&
                                    tk[b].is(wc_preposition) && !tk[b].lower_is("to") &&
                                    b >= sent.first + 2 && tk[b - 2].is_word() &&
                                    !tk[b - 2].is(wc_auxiliary | wc_modal);
      // "two riders who spoke on condition of anonymity"
      const bool relative_verb = (is_past_form(t) || t.is(wc_finite)) && b >= sent.first + 3 &&
                                 tk[b - 2].lower_is("who") && tk[b - 3].is_word();
      if (relative_verb) {
        b -= 2;
        count += 2;
        continue;
      }
      // "a senior official who declined to be named said": jump over the whole who-clause.
      {
        std::size_t w = b - 1;
        while (w > sent.first && w + 7 > b && !tk[w].lower_is("who") && !is_comma(tk[w])) --w;
        if (tk[w].lower_is("who") && w > sent.first && tk[w - 1].is_word() &&
            !tk[w - 1].is(wc_pronoun | wc_determiner)) {
          count += b - w;
          b = w;
          continue;
        }
      }
      if (!reduced_relative &&
          (t.lower_is("that") || t.is(wc_relative | wc_modal) ||
           (t.is(wc_auxiliary) && !t.possessive) ||
           (t.is(wc_verb_word) && !t.capitalized && !(t.entry->source_noun)) ||
           (is_past_form(t) && !(b >= 2 && tk[b - 2].is(wc_determiner))) || t.is(wc_finite))) {
        break;
      }
      if (t.lower_is("and") || t.lower_is("or")) list = true;
      if (t.is(wc_clause_opener) && !t.lower_is("and") && !t.lower_is("with") && !t.lower_is("as"))
        break;
      --b;
    } else if (t.kind == token_kind::number) {
      --b;
    } else if (((t.is_punct(".") || t.is_punct("-") || t.is_punct("'")) && !t.space_before) ||
               (t.is_punct("&") && b - 1 > sent.first && tk[b - 2].capitalized)) {
      --b;
    } else if (is_comma(t) && list && b - 1 > sent.first &&
               ((tk[b - 2].is_word() && tk[b - 2].capitalized) ||
                (tk[b - 2].is_punct(".") && !tk[b - 2].space_before)) &&
               b < end && (subject_like(tk[b]) || tk[b].lower_is("and") || tk[b].lower_is("or"))) {
      --b;
    } else {
      break;
    }
    ++count;
  }
  // Drop what cannot open a source phrase: "with", "and", prepositions, connectives.
  while (b < end && (tk[b].is(wc_preposition | wc_coordinator | wc_clause_opener) ||
                     tk[b].kind == token_kind::punct)) {
    ++b;
  }
  if (b >= end || tk[end - 1].is(wc_coordinator)) return {};
  return {b, end};
}

// The noun phrase that starts at `from`: after "according to", "citing", or an inverted cue
// ("said the mayor, Jane Roe").
inline range engine::source_right(const doc_state& st, range sent, std::size_t from) const {
  const token_span tk = st.tokens;
  std::size_t i = from;
  while (i < sent.last && is_adverb(tk[i])) ++i;
  const std::size_t b = i;
  if (i < sent.last && tk[i].is(wc_preposition) && !tk[i].lower_is("to")) return {};
  std::size_t count = 0;
  while (i < sent.last && count < 12) {
    const token& t = tk[i];
    if (t.is_word()) {
      if (t.lower_is("that") || t.is(wc_relative | wc_modal | wc_auxiliary) ||
          (i > b && (t.is(wc_finite) || is_past_form(t)) && !tk[i - 1].is(wc_determiner) &&
           !(i + 1 < sent.last && tk[i + 1].is(wc_preposition))) ||
          (t.is(wc_verb_word) && !t.capitalized && !t.entry->source_noun && !t.lower_is("report") &&
           i > b)) {
        break;
      }
      if (t.is(wc_clause_opener) && !t.lower_is("and") && i > b &&
          !(t.lower_is("with") && tk[i - 1].is(wc_anonymous_marker))) {
        break;
      }
      ++i;
    } else if (t.kind == token_kind::number) {
      ++i;
    } else if ((t.is_punct(".") || t.is_punct("-") || t.is_punct("&") || t.is_punct("'")) &&
               !t.space_before && i + 1 < sent.last &&
               (!tk[i + 1].space_before ||
                (t.is_punct(".") && i > b && tk[i - 1].capitalized && tk[i + 1].capitalized &&
                 (tk[i - 1].text.size() == 1 ||
                  data().find_abbreviation(std::string(tk[i - 1].lower) + "."))))) {
      ++i;  // "Ledger-Star", "J. R. Haldane"
    } else if (t.is_punct(".") && !t.space_before && i > b &&
               tk[i - 1].text.find('.') != std::string_view::npos && i + 1 < sent.last) {
      ++i;  // "U.S." followed by more of the phrase
    } else if (is_comma(t) && i + 1 < sent.last && i > b &&
               (tk[i + 1].is(wc_determiner) || tk[i + 1].lower_is("now") ||
                (tk[i + 1].capitalized && tk[i + 1].text.size() <= 5 && i + 2 < sent.last &&
                 tk[i + 2].is_punct(".")))) {
      // "said Tom Baird, an analyst at Redfield Partners." / "Hanne Lystad, Ph.D., a former
      // director": an apposition that runs to the end of the sentence belongs to the source.
      std::size_t k = i + 1;
      while (k < sent.last && !is_final_punct(tk[k]) && !is_quote_mark(tk[k]) &&
             !(tk[k].is_word() && tk[k].is(wc_auxiliary | wc_modal)) && !tk[k].lower_is("that")) {
        ++k;
      }
      if (k == sent.last || is_final_punct(tk[k]) || is_quote_mark(tk[k])) {
        while (k > i + 1 && !tk[k - 1].is_word()) --k;
        i = k;
      }
      break;
    } else if (is_comma(t) && i + 1 < sent.last && tk[i + 1].capitalized &&
               !tk[i + 1].is(wc_pronoun | wc_determiner)) {
      // "the mayor, Jane Roe": an apposition that names the source, to the end or a comma.
      std::size_t k = i + 1;
      while (k < sent.last && tk[k].is_word() && tk[k].capitalized) ++k;
      if (k == sent.last || is_final_punct(tk[k]) || is_comma(tk[k]) || is_quote_mark(tk[k])) {
        i = k;
      }
      break;
    } else {
      break;
    }
    ++count;
  }
  // "and" may not end the phrase.
  while (i > b && (tk[i - 1].is(wc_coordinator | wc_preposition) || !tk[i - 1].is_word())) {
    if (tk[i - 1].is_punct(".") && i - 1 > b && !tk[i - 1].space_before) break;
    --i;
  }
  return {b, i};
}

inline source_kind engine::classify(const doc_state& st, range r, bool& named) const {
  const token_span tk = st.tokens;
  named = false;
  if (r.empty()) return source_kind::unspecified;
  const lexicon_data& lex = data();
  if (r.last - r.first == 1 && tk[r.first].is(wc_pronoun)) {
    const token& p = tk[r.first];
    if (p.is(wc_person_pronoun)) return source_kind::person;
    if (p.is(wc_thing_pronoun)) return source_kind::organization;
    return source_kind::group;
  }
  std::optional<source_kind> name_kind, noun_kind;
  bool anonymous = false, capital = false;
  std::size_t capitals = 0, words = 0;
  std::size_t head = r.last;  // the head noun: the last word before a preposition
  for (std::size_t k = r.first; k < r.last; ++k) {
    const token& t = tk[k];
    if (!t.is_word()) continue;
    if (t.is(wc_preposition) && head == r.last && k > r.first) head = k;
    ++words;
    if (t.is(wc_anonymous_marker)) anonymous = true;
    if (t.capitalized) {
      // A capital at the start of a sentence or headline marks a name only when the next word
      // is capitalised too, or the word is a known name: "Recent media reports" is not named.
      const bool sentence_initial =
          k == 0 || is_final_punct(tk[k - 1]);  // tokens are one paragraph's
      const bool next_capital = k + 1 < r.last && tk[k + 1].capitalized;
      std::string_view key = t.text;
      if (t.possessive) key = key.substr(0, key.size() - (key.ends_with("'s") ? 2 : 4));
      const source_kind* known = t.possessive ? lex.find_name(key) : lex.find_name(key, t.text8);
      const bool known_as_written =
          t.possessive ? lex.find_name(t.text) != nullptr : known != nullptr;
      const bool common_initial =
          (t.is(wc_source_noun | (wc_lexicon_classes & ~wc_part_of_speech)) &&
           (sentence_initial || k == r.first)) ||
          (sentence_initial && !next_capital && r.last - r.first > 1 && !known_as_written);
      if (!known && next_capital) {
        // "White_House": two capitalised words as one name (built on the stack when short).
        const std::string_view next = tk[k + 1].text;
        char buffer[64];
        if (key.size() + 1 + next.size() <= sizeof buffer) {
          std::memcpy(buffer, key.data(), key.size());
          buffer[key.size()] = '_';
          std::memcpy(buffer + key.size() + 1, next.data(), next.size());
          known = lex.find_name(std::string_view(buffer, key.size() + 1 + next.size()));
        } else {
          std::string joined(key);
          joined += '_';
          joined += next;
          known = lex.find_name(joined);
        }
      }
      if (known) name_kind = *known;
      if (!t.is(wc_nationality) && !common_initial) {
        capital = true;
        ++capitals;
      }
    }
  }
  if (head > r.first) {
    // The head noun: the last common noun before any preposition, looking past a name
    // ("the authority's chairwoman, Ines Duarte" is a person).
    for (std::size_t k = head; k > r.first; --k) {
      const token& t = tk[k - 1];
      if (t.is_word() && t.is(wc_source_noun) && !t.possessive) {
        noun_kind = t.entry->source_noun;
        break;
      }
      if (t.is_word() && !t.capitalized && !t.possessive) break;
    }
  }
  named = capital;
  if (anonymous && !capital) return source_kind::anonymous;
  // Co-sources at one level ("the U.S., South Korea, and their allies") form a group.
  for (std::size_t k = r.first + 1; k + 1 < r.last; ++k) {
    if (tk[k].lower_is("and") || tk[k].lower_is("or")) return source_kind::group;
  }
  if (name_kind) return *name_kind;
  if (noun_kind) return *noun_kind;
  if (capital)
    return (capitals >= 2 && capitals == words) || capitals == 1 ? source_kind::person
                                                                 : source_kind::organization;
  return ends_with(tk[r.last - 1].lower, "s") ? source_kind::group : source_kind::person;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_SOURCES_HPP
