// Verb cues: "X said (that) Y", "“Y,” X said", "Y, said X", "X, citing Y, said", "X accused Y
// of Z", "X quoted Y as saying Z", "called the offer “a good first step”", and the verb's
// source carried on by a gerund or a coordinated verb ("…, adding that", "and said that").
#ifndef HEARSAY_DETAIL_RULES_VERB_CUES_HPP
#define HEARSAY_DETAIL_RULES_VERB_CUES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/adjuncts.hpp"
#include "hearsay/detail/rules/references.hpp"
#include "hearsay/detail/rules/sources.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// A verb-cue frame while its parts are found: the cue, its source, where its content starts.
struct verb_frame_draft {
  const verb_cue* v = nullptr;
  std::size_t i = 0;         // the cue's first token
  std::size_t cue_last = 0;  // one past its last ("went on to say": a pair)
  bool gerund = false;
  proto_link lk;
  std::vector<proto_link> links;  // outer links before lk ("NHK citing …")
  std::size_t frame_begin = 0;
  std::optional<cue_class> status_from;
  std::optional<proto_link> cited;
  range src;
  bool inverted = false;
  bool inherited = false;
  std::size_t j = 0;  // where the content may start
  range content;
  std::vector<range> frame_tokens;
  bool left = false;        // a parenthetical frame: its content is the clause before it
  bool introduces = false;  // "X continued:" with nothing after the colon
  bool relative = false;    // "listeners who said they …": the relative's antecedent speaks
  bool infinitive = false;  // "refused to admit that": the governing verb's subject

  // The token the frame starts at: its source's first, or the cue's when inverted or sourceless.
  std::size_t before_frame() const noexcept { return inverted ? i : (src.empty() ? i : src.first); }
  // A cue right after a quotation, a comma, a colon or a dash is parenthetical ("“…,” Varelas
  // told reporters outside the headquarters."), unless a that-clause or a colon follows it.
  bool after_break(const sentence_scan& sc) const noexcept {
    const std::size_t b = before_frame();
    if (b <= sc.sent.first) return false;
    const token& t = sc.tk[b - 1];
    // The mark that opens a quotation starts the speaker's own framing ("“I think …”").
    const int q = sc.tk[b].quote;
    if (q >= 0 && sc.st.quotes[static_cast<std::size_t>(q)].open == b - 1) return false;
    // A short title closing a fronted phrase ("On Sunday's edition of “The Morning Hour,” the
    // mayor said"): its mark is no break; a quotation that opens the sentence is speech.
    if (is_quote_mark(t) && b >= sc.sent.first + 2 && sc.tk[b - 2].quote >= 0) {
      const quote_region& r = sc.st.quotes[static_cast<std::size_t>(sc.tk[b - 2].quote)];
      bool fronted = r.last == b - 1 && r.words < min_speech_words && r.open > sc.sent.first &&
                     sc.tk[sc.sent.first].is(wc_preposition);
      for (std::size_t k = sc.sent.first; fronted && k < r.open; ++k) {
        fronted = !sc.tk[k].is(wc_auxiliary | wc_modal | wc_finite | wc_verb_word);
      }
      if (fronted) return false;
    }
    return is_comma(t) || is_quote_mark(t) || t.is_punct(":") || t.is_punct("\u2014");
  }
};

// "refused", "declined", "failed": before "to" and a cue, the cue is negated.
inline bool refusal_verb(const token& t) {
  static constexpr std::string_view stems[] = {"refus", "declin", "fail"};
  for (const std::string_view s : stems) {
    if (t.lower.starts_with(s) && t.lower.size() <= s.size() + 3) return true;
  }
  return false;
}

// The verb cue at token i, or nullptr when the word is not a cue verb here: a noun ("the
// report"), a name ("the United States"), negated ("did not say"), passive ("was told").
inline const verb_cue* engine::verb_cue_at(sentence_scan& sc, std::size_t i,
                                           std::size_t& cue_last) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  const token& t = tk[i];
  static const word_entry no_entry{};
  const word_entry& e = t.entry ? *t.entry : no_entry;
  const lexicon_data& lex = data();
  int verb = e.verb;
  cue_last = i + 1;
  if (i + 1 < n && t.pair && t.pair->verb >= 0) {
    verb = t.pair->verb;
    cue_last = i + 2;
  }
  if (verb < 0) return nullptr;
  const verb_cue& v = lex.verbs[static_cast<std::size_t>(verb)];
  if (v.frame == verb_frame::source) return nullptr;  // "citing": see extend_with_citation
  if (negated_before(sc.st, sent, i)) return nullptr;
  // A noun, not a verb: "the report", "his claims", "18 states", "secretary of state".
  if (i > sent.first &&
      (tk[i - 1].is(wc_article) || tk[i - 1].possessive || tk[i - 1].kind == token_kind::number ||
       (tk[i - 1].is(wc_preposition) && !tk[i - 1].lower_is("to")))) {
    return nullptr;
  }
  // A capitalised cue word inside a sentence is a name ("the United States"), unless the
  // sentence is a title-case headline ("Minister Says …").
  if (t.capitalized && i > sent.first && !sc.title_case()) return nullptr;
  if (cue_last < n && tk[cue_last].is(wc_verb_word) && !tk[cue_last].capitalized &&
      v.frame != verb_frame::clause &&
      !(tk[cue_last].is(wc_proposition_noun) && cue_last + 1 < n &&
        tk[cue_last + 1].lower_is("that"))) {
    return nullptr;
  }
  if (t.capitalized && i == sent.first && e.source_noun) return nullptr;  // "Reports of ..."
  const bool gerund = e.verb_gerund;
  // Passive "was told", "is said": not this verb's source (raising handles "is said to").
  if (i > sent.first && is_be(tk[i - 1]) && !gerund) return nullptr;
  return &v;
}

// The source: before the cue, across a citation ("X, citing Y, said"), after it (inverted),
// or carried from the previous frame or the sentence's subject. False when there is none.
inline bool engine::verb_cue_source(sentence_scan& sc, verb_frame_draft& d) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  doc_state& st = sc.st;
  const std::vector<frame>& out = sc.out;
  const std::size_t i = d.i, cue_last = d.cue_last;
  const bool gerund = d.gerund;
  proto_link& lk = d.lk;
  std::vector<proto_link>& links = d.links;
  std::size_t& frame_begin = d.frame_begin;
  std::optional<cue_class>& status_from = d.status_from;
  std::optional<proto_link>& cited = d.cited;
  range& src = d.src;
  bool& inverted = d.inverted;
  bool& inherited = d.inherited;

  // The source before the cue.
  src = source_left(st, sent, i);
  // "X, citing Y, said": the citation between the source and the cue.
  if (src.empty() && i > sent.first + 2 && is_comma(tk[i - 1])) {
    for (std::size_t c = i - 1; c > sent.first && c + 12 > i; --c) {
      if (tk[c - 1].lower_is("citing") && c - 1 > sent.first && is_comma(tk[c - 2])) {
        cited = proto_link{{c, i - 1}, {c - 1, c}, "cite", cue_class::report};
        src = source_left(st, sent, c - 2);
        break;
      }
    }
  }
  // "NHK citing diplomatic sources claiming that": the cited source claims.
  if (!src.empty() && gerund && src.first > sent.first && tk[src.first - 1].lower_is("citing")) {
    const std::size_t c = src.first - 1;
    const range outer = source_left(st, sent, c);
    links.push_back(proto_link{outer, {c, c + 1}, "cite", cue_class::report});
    status_from = cue_class::report;
    frame_begin = outer.empty() ? c : outer.first;
  }

  // An infinitive: "Stumpf refused to admit that", "she declined to say whether": the subject
  // of the verb that governs it speaks.
  // "refused to admit that", "declined to say": a negated cue, which attributes nothing (SPEC 2).
  if (i >= sent.first + 3 && tk[i - 1].lower_is("to") && refusal_verb(tk[i - 2])) return false;
  if (i >= sent.first + 3 && tk[i - 1].lower_is("to") && tk[i - 2].is(wc_verb_form) &&
      !tk[i - 2].is(wc_verb_word | wc_never_verb)) {
    src = source_left(st, sent, i - 2);
    if (!src.empty()) frame_begin = src.first;
    d.infinitive = !src.empty();
  }

  // Inverted: "“…,” said the mayor." / "…, said Jane Roe, the mayor." Only a verb of saying
  // inverts ("…, see the plan as …" and "…, described Burma as …" do not), and the phrase after
  // it is no subject of a clause ("…, said the program has sent …").
  if (src.empty() && !gerund && d.v->frame != verb_frame::quote && d.v->frame != verb_frame::of &&
      d.v->frame != verb_frame::to &&
      (i == sent.first || is_comma(tk[i - 1]) || is_quote_mark(tk[i - 1]))) {
    src = source_right(st, sent, cue_last);
    if (!src.empty() && src.last < sc.n) {
      const token& after = tk[src.last];
      if (after.is_word() && (after.is(wc_auxiliary | wc_modal | wc_finite) ||
                              is_past_form(after) || after.is(wc_verb_word))) {
        src = {};
      }
    }
    inverted = !src.empty();
  }
  const bool coordinated = i > sent.first && tk[i - 1].is(wc_coordinator);
  if (src.empty() && (gerund || coordinated) && !out.empty() && !out.back().whole &&
      !out.back().links.empty()) {
    // "…, adding that", "… and said that": the previous frame's source goes on.
    src = out.back().links.back().source;
    inherited = true;
    frame_begin = coordinated ? i - 1 : i;
  } else if (src.empty() && (gerund || coordinated) && i > sent.first &&
             (is_comma(tk[i - 1]) || coordinated)) {
    // "The spokesman rejected the idea, saying …": the sentence's subject speaks; the main
    // clause before the comma stays a claim of its own.
    src = source_right(st, sent, sent.first);
    inherited = !src.empty();
    frame_begin = i;
  }
  if (src.empty() && !gerund) return false;
  // "anyone who says otherwise": the cue stands in a relative clause about its subject; it
  // attributes only a that-clause or a clause with a pronoun subject ("listeners who said they
  // had misgivings"), to the relative's antecedent.
  if (!src.empty() && tk[src.last - 1].is(wc_relative) && !inherited) {
    const std::size_t j = cue_last;
    const bool clause =
        j + 1 < sent.last &&
        (tk[j].lower_is("that") ||
         (tk[j].is(wc_subject_pronoun) && tk[j + 1].is(wc_auxiliary | wc_modal | wc_finite)));
    if (!clause || src.last - 1 <= sent.first) return false;
    src = source_left(st, sent, src.last - 1);
    if (src.empty()) return false;
    d.relative = true;
  }
  if (!inherited && !src.empty()) src = trim_to_subject_pronoun(tk, src);
  if (!inherited && !is_noun_phrase(tk, src)) return false;
  // "What we saw was …", "how she thinks it works": a free relative or an indirect question.
  if (!inherited && !src.empty() && src.first > sent.first &&
      (tk[src.first - 1].lower_is("what") || tk[src.first - 1].lower_is("how") ||
       tk[src.first - 1].lower_is("why") || tk[src.first - 1].lower_is("whether"))) {
    return false;
  }
  lk.source = src;
  if (!inverted && !inherited && !src.empty() && links.empty()) {
    frame_begin = std::min(frame_begin, src.first);
  }
  if (cited) frame_begin = std::min(frame_begin, cited->cue.first);
  return true;
}

// Where the content may start, past adjuncts, an object, a citation, a preposition phrase or
// a proposition noun ("rejected the idea that"); "X quoted Y as saying": Y becomes a link.
inline void engine::verb_cue_content_start(sentence_scan& sc, verb_frame_draft& d) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  doc_state& st = sc.st;
  const lexicon_data& lex = data();
  const verb_cue& v = *d.v;
  proto_link& lk = d.lk;
  std::optional<proto_link>& cited = d.cited;
  const range src = d.src;
  const std::size_t frame_begin = d.frame_begin, cue_last = d.cue_last;
  const bool inverted = d.inverted;
  std::vector<proto_link>& links = d.links;
  range& content = d.content;
  std::vector<range>& frame_tokens = d.frame_tokens;
  std::size_t& j = d.j;
  j = skip_adjuncts(st, sent, inverted ? src.last : cue_last);
  if (v.needs_object) j = skip_adjuncts(st, sent, skip_object(st, sent, j));
  // "X quoted Y as saying that Z"
  if (v.lemma == "quote" && !inverted) {
    std::size_t as = j;
    while (as < n && as < j + 8 && !tk[as].lower_is("as")) ++as;
    if (as + 1 < n && as > j && tk[as].lower_is("as") && tk[as + 1].entry &&
        tk[as + 1].entry->verb >= 0) {
      const verb_cue& inner = lex.verbs[static_cast<std::size_t>(tk[as + 1].entry->verb)];
      links.push_back(lk);
      lk = proto_link{{j, as}, {as + 1, as + 2}, inner.lemma, inner.kind};
      j = as + 2;
      if (j < n && tk[j].lower_is("that")) ++j;
      if (j < n && (is_comma(tk[j]) || tk[j].is_punct(":"))) ++j;
      content = {j, n};
      frame_tokens.push_back({frame_begin, j});
    }
  }
  // "cautioned, however, that"
  if (j + 2 < n && is_comma(tk[j]) && tk[j + 1].is(wc_adjunct) && is_comma(tk[j + 2])) j += 3;
  // "X reported, citing Y, that Z": Y is a further link.
  if (j + 2 < n && is_comma(tk[j]) && tk[j + 1].lower_is("citing")) {
    const range cited_src = source_right(st, sent, j + 2);
    if (!cited_src.empty() && cited_src.last < n && is_comma(tk[cited_src.last])) {
      cited = proto_link{cited_src, {j + 1, j + 2}, "cite", cue_class::report};
      j = cited_src.last + 1;
    }
  }
  // "acknowledged under questioning that", "said after the meeting that"
  if (j < n && tk[j].is(wc_preposition) && !tk[j].lower_is("that")) {
    for (std::size_t k = j + 1; k < n && k < j + 6; ++k) {
      if (tk[k].lower_is("that")) {
        j = k;
        break;
      }
      if (!tk[k].is_word() || is_verbish_word(tk[k])) break;
    }
  }
  // "dismissed suggestions that", "rejected the idea that": the noun names the content.
  if (j + 1 < n && tk[j].is(wc_proposition_noun) && tk[j + 1].lower_is("that")) {
    j += 1;
  } else if (j + 2 < n && tk[j].is(wc_determiner) && tk[j + 1].is(wc_proposition_noun) &&
             tk[j + 2].lower_is("that")) {
    j += 2;
  }
}

// A short phrase, a comma and a quotation after a cue ("said on the other hand, “…”"): the
// quotation's opening mark, or n when there is none.
inline std::size_t quote_after_phrase(const sentence_scan& sc, std::size_t j) {
  const token_span tk = sc.tk;
  for (std::size_t k = j; k + 1 < sc.n && k < j + 7; ++k) {
    if (is_comma(tk[k])) {
      const token& mark = tk[k + 1];
      const bool opens = mark.kind == token_kind::punct &&
                         (is_open_quote(mark) || is_straight_quote(mark)) && k + 2 < sc.n &&
                         tk[k + 2].quote >= 0;
      return opens && k > j ? k + 1 : sc.n;
    }
    if (!tk[k].is_word() || tk[k].is(wc_auxiliary | wc_modal | wc_finite) ||
        tk[k].lower_is("that")) {
      return sc.n;
    }
  }
  return sc.n;
}

// A right-hand content: a that-clause, a colon, a quotation, "accused X of Y", a bare clause.
// False when the cue cannot stand without one and has none ("called the offer …" unquoted).
inline bool engine::verb_cue_right_content(sentence_scan& sc, verb_frame_draft& d) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  doc_state& st = sc.st;
  const verb_cue& v = *d.v;
  const std::size_t j = d.j, frame_begin = d.frame_begin;
  range& content = d.content;
  std::vector<range>& frame_tokens = d.frame_tokens;
  const std::size_t before_frame = d.before_frame();
  const bool after_break = d.after_break(sc);
  if (content.empty() && v.frame == verb_frame::quote) {
    // "called the offer “a good first step”", "described the plan as “reckless”": an object,
    // then a quotation; or a small clause (SPEC 1): "called the vote a mistake", "described the
    // plan as reckless". Not "called for", "called on X to", "called off".
    if (j < n && (tk[d.cue_last].is(wc_preposition) || tk[d.cue_last].lower_is("off") ||
                  tk[d.cue_last].lower_is("up") || tk[d.cue_last].lower_is("back") ||
                  tk[d.cue_last].lower_is("out"))) {
      return false;
    }
    for (std::size_t q = j; q < n && q < j + 12; ++q) {
      const bool quotation = tk[q].kind == token_kind::punct &&
                             (is_open_quote(tk[q]) || is_straight_quote(tk[q])) && q + 1 < n &&
                             tk[q + 1].quote >= 0;
      const bool small_clause =
          q > j + 0 && tk[q].is_word() &&
          ((tk[q].lower_is("as") && q + 1 < n && !tk[q + 1].is(wc_adjunct) &&
            !tk[q + 1].lower_is("soon") && !tk[q + 1].lower_is("well") &&
            !tk[q + 1].lower_is("long") && !tk[q + 1].lower_is("much") &&
            !tk[q + 1].lower_is("many") && !tk[q + 1].lower_is("far") &&
            !tk[q + 1].lower_is("if") && !tk[q + 1].lower_is("though")) ||
           ((tk[q].lower_is("a") || tk[q].lower_is("an")) && !tk[q - 1].is(wc_preposition) &&
            !tk[q - 1].is(wc_verb_word | wc_auxiliary | wc_modal) && !tk[q - 1].lower_is("to")));
      if ((quotation || small_clause) && q > j) {
        content = {j, n};
        frame_tokens.push_back({frame_begin, j});
        break;
      }
      if (!tk[q].is_word() && !tk[q].is_punct("-") && !tk[q].is_punct("'")) break;
    }
    return !content.empty();
  }
  // "asks that people be heard" is a request, not a report of a proposition.
  const bool has_that = j < n && tk[j].lower_is("that") && v.lemma != "ask";
  const bool colon = j < n && tk[j].is_punct(":");
  const bool opens_quote = j < n && tk[j].kind == token_kind::punct &&
                           (is_open_quote(tk[j]) || is_straight_quote(tk[j])) && j + 1 < n &&
                           tk[j + 1].quote >= 0;
  const bool comma_quote = j + 1 < n && is_comma(tk[j]) && tk[j + 1].kind == token_kind::punct &&
                           (is_open_quote(tk[j + 1]) || is_straight_quote(tk[j + 1]));
  if (has_that || colon) {
    content = {j + 1, n};
    frame_tokens.push_back({frame_begin, j + 1});
    // "Caddell continued:" at a paragraph's end introduces the quotation that follows.
    d.introduces = colon && sc.at_end(j + 1);
  } else if (opens_quote || comma_quote) {
    content = {comma_quote ? j + 1 : j, n};
    frame_tokens.push_back({frame_begin, content.first});
  } else if (const std::size_t q = quote_after_phrase(sc, j); q < n) {
    // "said on the other hand, “…”", "told reporters at the White House, “…”"
    content = {q, n};
    frame_tokens.push_back({frame_begin, q});
  } else if (v.frame == verb_frame::of) {
    std::size_t of = j;
    // "accused X of Y", "charged X with Y"
    const auto deed = [&](std::size_t k) {
      return tk[k].lower_is("of") || tk[k].lower_is("with") || tk[k].lower_is("for");
    };
    while (of < n && of < j + 14 && !deed(of)) ++of;
    if (of < n && deed(of) && of > j) {
      content = {j, n};
      frame_tokens.push_back({frame_begin, j});
    }
  } else if (v.frame == verb_frame::to && j < n && tk[j].is_word() && !tk[j].lower_is("to")) {
    // "expects Clinton to fully recover": the object is the claim's subject (SPEC 1, small
    // clause); "expected to win" has no object and is a hedge instead.
    for (std::size_t k = j + 1; k + 1 < n && k < j + 8; ++k) {
      if (!tk[k].is_word()) break;
      if (tk[k].lower_is("to")) {
        std::size_t verb = k + 1;
        while (verb < n && is_adverb(tk[verb])) ++verb;
        if (verb < n && tk[verb].is_word() && tk[verb].is(wc_verb_form | wc_auxiliary)) {
          content = {j, n};
          frame_tokens.push_back({frame_begin, j});
        }
        break;
      }
    }
  } else if ((v.frame == verb_frame::that || v.frame == verb_frame::that_only ||
              v.frame == verb_frame::parenthetical) &&
             bare_clause_at(tk, j, n)) {
    // "the images show it is rougher than expected", "hoped the move will spur", "we know at
    // least two states have been"
    content = {j, n};
    frame_tokens.push_back({frame_begin, j});
  } else if (v.frame == verb_frame::clause && !sc.at_end(j) && !is_comma(tk[j]) &&
             !(after_break && is_quote_mark(tk[before_frame - 1])) &&
             looks_like_clause(st, sent, j)) {
    content = {j, n};
    frame_tokens.push_back({frame_begin, j});
  }
  return true;
}

// A parenthetical frame ("…, she said." / "“…,” he added, “…”"): its content is the clause
// before it; the frame tokens run from the break before the source to the end of the frame.
inline void engine::verb_cue_parenthetical(sentence_scan& sc, verb_frame_draft& d) const {
  if (d.v->frame == verb_frame::that_only) return;
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  doc_state& st = sc.st;
  const verb_cue& v = *d.v;
  std::size_t& j = d.j;
  const std::size_t before = d.before_frame();
  const bool after_break = d.after_break(sc);
  std::optional<proto_link>& cited = d.cited;
  range& content = d.content;
  std::vector<range>& frame_tokens = d.frame_tokens;
  bool& left = d.left;
  bool closes = sc.at_end(j) || (j < n && (is_comma(tk[j]) || is_quote_mark(tk[j])));
  if (!closes && after_break && is_quote_mark(tk[before - 1])) {
    // "“…,” Varelas told reporters outside the headquarters on Thursday."
    const std::size_t limit = std::min(n, j + 40);
    while (j < limit && !is_comma(tk[j]) && !is_quote_mark(tk[j]) && !sc.at_end(j)) ++j;
    closes = true;
  }
  if (after_break && closes && v.frame != verb_frame::of && v.frame != verb_frame::quote) {
    left = true;
    std::size_t fb = before - 1;
    if (is_quote_mark(tk[fb]) && fb > sent.first && is_comma(tk[fb - 1])) {
      ++fb;  // keep the closing quote out of the frame; the comma goes with the quote
    }
    std::size_t fe = j;
    // "…, the newspaper reported, citing diplomatic sources."
    if (fe + 1 < n && is_comma(tk[fe]) && tk[fe + 1].lower_is("citing")) {
      const range cited_src = source_right(st, sent, fe + 2);
      if (!cited_src.empty()) {
        cited = proto_link{cited_src, {fe + 1, fe + 2}, "cite", cue_class::report};
        fe = cited_src.last;
      }
    }
    if (fe < n && is_comma(tk[fe])) {
      const std::size_t more = skip_adjuncts(st, sent, fe + 1);
      fe = (more > fe + 1 && (sc.at_end(more) || (more < n && is_comma(tk[more])))) ? more : fe;
      if (fe < n && is_comma(tk[fe])) ++fe;
    }
    frame_tokens.push_back({fb, fe});
    content = {sent.first, n};
  }
}

// Which verb-cue pattern built the frame (SPEC 7 evidence ids, docs/RULES.md).
inline rule_id verb_cue_rule(const verb_frame_draft& d, const verb_cue& v) {
  if (d.cited) return rule_id::verb_cue_citing;
  if (!d.links.empty())
    return d.status_from ? rule_id::verb_cue_citing_claim : rule_id::verb_cue_quoted_as;
  if (d.introduces) return rule_id::verb_cue_introduces;
  if (d.left) return rule_id::verb_cue_parenthetical;
  if (d.inverted) return rule_id::verb_cue_inverted;
  if (d.inherited) return rule_id::verb_cue_inherited;
  if (d.relative) return rule_id::verb_cue_relative;
  if (d.infinitive) return rule_id::verb_cue_infinitive;
  switch (v.frame) {
    case verb_frame::quote:
      return rule_id::verb_cue_small_clause;
    case verb_frame::of:
      return rule_id::verb_cue_deed;
    case verb_frame::to:
      return d.content.first == d.j ? rule_id::verb_cue_object_infinitive
                                    : rule_id::verb_cue_source_left;
    default:
      return rule_id::verb_cue_source_left;
  }
}

inline void engine::verb_cue_frame(sentence_scan& sc, std::size_t& i) const {
  verb_frame_draft d;
  d.v = verb_cue_at(sc, i, d.cue_last);
  if (!d.v) return;
  const verb_cue& v = *d.v;
  d.i = i;
  d.gerund = sc.tk[i].entry && sc.tk[i].entry->verb_gerund;
  d.lk = proto_link{{}, {i, d.cue_last}, v.lemma, v.kind};
  d.frame_begin = i;
  if (!verb_cue_source(sc, d)) return;
  verb_cue_content_start(sc, d);
  if (d.content.empty() && !verb_cue_right_content(sc, d)) return;
  if (d.content.empty() && !d.introduces) verb_cue_parenthetical(sc, d);
  if (d.content.empty() && !d.introduces) return;
  doc_state& st = sc.st;
  proto_link& lk = d.lk;
  // suggest, indicate: reported from a document or an outlet, alleged from a person or group.
  if (v.person_kind) {
    bool named = false;
    const source_kind k = classify(st, lk.source, named);
    if (k != source_kind::document && k != source_kind::media && k != source_kind::unspecified) {
      lk.kind = *v.person_kind;
    }
  }
  frame f;
  f.rule = verb_cue_rule(d, v);  // before the links are joined: it reads which there were
  d.links.push_back(lk);
  if (d.cited) d.links.push_back(*d.cited);
  f.links = std::move(d.links);
  f.frame_tokens = std::move(d.frame_tokens);
  f.content = d.content;
  f.status_from = d.status_from;
  f.small_clause =
      v.frame == verb_frame::quote || v.frame == verb_frame::of || v.frame == verb_frame::to;
  f.anchor = d.left ? f.frame_tokens.front().first : d.frame_begin;
  // Go on scanning inside a right-hand content: nested cues live there.
  const std::size_t resume = f.content.first > 0 ? f.content.first - 1 : i;
  sc.out.push_back(std::move(f));
  if (!d.left) i = std::max(i, resume);
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_VERB_CUES_HPP
