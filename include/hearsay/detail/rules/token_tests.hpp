// Small tests on one token or a few that every rule family reads: negators, forms of "be",
// adverbs, punctuation, and whether a clause or a subject starts at a token.
#ifndef HEARSAY_DETAIL_RULES_TOKEN_TESTS_HPP
#define HEARSAY_DETAIL_RULES_TOKEN_TESTS_HPP

#include "hearsay/detail/engine.hpp"

namespace hearsay::detail {

/// How many earlier mentions a pronoun or short mention may reach back over.
inline constexpr std::size_t mention_window = 200;

/// A quotation of fewer words is a title or scare quotes, not speech.
inline constexpr std::size_t min_speech_words = 5;

/// At most this many attribution frames are read in one sentence. Real sentences hold a handful;
/// the cap keeps a pathological "sentence" (megabytes without a full stop) linear in its length.
inline constexpr std::size_t max_frames_per_sentence = limits::frames_per_sentence;

// ---- small token predicates --------------------------------------------------------------------

inline bool ends_with_nt(const token& t) { return ends_with(t.lower, "n't"); }

inline bool is_negator(const token& t) {
  if (!(t.is(wc_negation) || ends_with_nt(t)) || !t.is_word()) return false;  // most words
  return !(t.lower_is("no") && t.capitalized && !t.text_is("No"));            // "NO"
}

inline bool is_be(const token& t) {
  return t.lower_is("is") || t.lower_is("are") || t.lower_is("was") || t.lower_is("were") ||
         t.lower_is("be") || t.lower_is("been") || t.lower_is("being") || t.lower_is("'s") ||
         t.lower_is("'re");
}

inline bool is_adverb(const token& t) {
  return t.is_word() &&
         (t.is(wc_adjunct) || (t.lower.size() > 4 && ends_with(t.lower, "ly") && !t.capitalized));
}

// A word the lexicon does not know, or one that can be a verb (a cue verb, or a verb form in
// the treebank), and never one the treebank never saw as a verb.
inline bool may_be_verb_entry(const token& t) {
  if (t.is(wc_never_verb)) return false;
  return !t.entry || t.is(wc_verb_word | wc_verb_form) ||
         (t.classes & (wc_lexicon_classes & ~wc_part_of_speech)) == 0;
}

// "it's", "we're", "I'm", "they've", "Trump's not": a contracted auxiliary, not a possessive.
inline bool contracted_verb(const token& t, const token* next) {
  const std::string_view w = t.lower;  // the curly apostrophe is lower-cased to '
  if (ends_with(w, "'re") || ends_with(w, "'m") || ends_with(w, "'ve") || ends_with(w, "'ll") ||
      ends_with(w, "'d")) {
    return true;
  }
  if (!t.possessive) return false;
  if (t.is(wc_pronoun | wc_relative | wc_question) || w == "that's" || w == "there's" ||
      w == "here's" || w == "it's") {
    return true;
  }
  return next && next->is_word() &&
         (next->is(wc_negation | wc_determiner | wc_adjunct) || next->lower_is("here") ||
          next->lower_is("there") || next->lower_is("been") || next->lower_is("going") ||
          ends_with(next->lower, "ing") || ends_with(next->lower, "ly"));
}

inline bool is_past_form(const token& t) {
  return t.is_word() && !t.capitalized && t.lower.size() > 4 && ends_with(t.lower, "ed");
}

inline bool is_final_punct(const token& t) {
  return t.kind == token_kind::punct &&
         (t.text_is(".") || t.text_is("?") || t.text_is("!") || t.text_is("\u2026"));
}

inline bool is_quote_mark(const token& t) {
  // Every mark starts with '"', '\'' or 0xE2 (U+2018…U+201E), or 0xC2 (U+00AB, U+00BB).
  const auto lead = static_cast<unsigned char>(t.text8);
  if (lead != '"' && lead != '\'' && lead != 0xE2 && lead != 0xC2) return false;
  return t.kind == token_kind::punct &&
         (is_straight_quote(t) || t.text_is("'") || is_open_quote(t) || is_close_quote(t) ||
          t.text_is("\u2018") || t.text_is("\u2019"));
}

inline bool is_comma(const token& t) { return t.is_punct(","); }

// A dash setting off a parenthesis: "--", an em dash, an en dash or a horizontal bar.
inline bool is_dash(const token& t) {
  return t.is_punct("--") || t.is_punct("\u2014") || t.is_punct("\u2013") || t.is_punct("\u2015");
}

inline bool is_word_in_that(const token& t) { return t.is_word() && t.lower_is("that"); }

// A clause starts at `k`: a finite verb follows within a few words, before any comma
// ("shares in Corvalis rose", "customers are talking").
inline bool clause_follows(token_span tk, std::size_t k, std::size_t end) {
  for (std::size_t g = k; g < end && g < k + 8; ++g) {
    const token& w = tk[g];
    if (!w.is_word() && w.kind != token_kind::number && !w.is_punct("%") && !w.is_punct("$")) {
      return false;
    }
    if (g > k && (w.is(wc_auxiliary | wc_modal | wc_finite) ||
                  (is_past_form(w) && !tk[g - 1].is(wc_determiner)))) {
      return true;
    }
  }
  return false;
}

inline bool is_verbish_word(const token& t) {
  return t.is_word() && (t.is(wc_auxiliary | wc_modal | wc_finite) || (t.is(wc_verb_word)));
}

// A word that may open a source phrase or a subject: a determiner, a name, a pronoun, a number.
inline bool subject_like(const token& t) {
  return t.kind == token_kind::number ||
         (t.is_word() && (t.capitalized || t.is(wc_determiner | wc_pronoun)));
}

// A subject pronoun with its auxiliary in one word: "she'll", "we're", "I'm", "they've".
inline bool pronoun_contraction(const token& t) {
  if (!t.is_word()) return false;
  const std::string_view w = t.lower;
  const std::size_t apo = w.find('\'');
  if (apo == std::string_view::npos || apo == 0) return false;
  const std::string_view stem = w.substr(0, apo), tail = w.substr(apo);
  const bool pronoun = stem == "i" || stem == "you" || stem == "he" || stem == "she" ||
                       stem == "we" || stem == "they";
  return pronoun &&
         (tail == "'ll" || tail == "'re" || tail == "'m" || tail == "'ve" || tail == "'d");
}

// A clause without "that" starts at j (SPEC 2: "sure the bridge will hold", "hoped the move
// will spur", "know at least two states have"): a subject pronoun and its verb, or a short noun
// phrase opened by a determiner, a quantifier, a number or a name ("of", "and" and modifiers
// inside, no other preposition, relative or verb) and then an auxiliary, a modal or a finite
// verb.
inline bool bare_clause_at(token_span tk, std::size_t j, std::size_t n) {
  if (j + 1 >= n) return false;
  if (pronoun_contraction(tk[j])) return true;
  if (tk[j].is_word() && tk[j].is(wc_subject_pronoun)) {
    return tk[j + 1].is(wc_auxiliary | wc_modal | wc_finite);
  }
  std::size_t k = j;
  if (tk[k].lower_is("at") && k + 2 < n && tk[k + 1].lower_is("least")) k += 2;  // "at least"
  if (!subject_like(tk[k]) || tk[k].is(wc_relative | wc_question) || tk[k].lower_is("that")) {
    return false;
  }
  for (std::size_t g = k + 1; g < n && g < k + 8; ++g) {
    const token& w = tk[g];
    if (w.is_word() && w.is(wc_auxiliary | wc_modal | wc_finite) && !w.possessive) {
      return !tk[g - 1].is(wc_coordinator);  // not "their address and have not cast"
    }
    if (!w.is_word() && w.kind != token_kind::number && !w.is_punct("-")) return false;
    if (!w.is_word()) continue;
    if (w.is(wc_preposition) && !w.lower_is("of")) return false;
    if (w.is(wc_relative | wc_question | wc_subject_pronoun) || w.lower_is("that") ||
        w.lower_is("to")) {
      return false;
    }
    // A cue verb or a past form ends the phrase, unless it is a noun after a determiner, a
    // number or a possessive ("the states have", "two reports were").
    const token& before = tk[g - 1];
    if ((w.is(wc_verb_word) || is_past_form(w)) &&
        !(before.is(wc_determiner) || before.kind == token_kind::number || before.possessive)) {
      return false;
    }
  }
  return false;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_TOKEN_TESTS_HPP
