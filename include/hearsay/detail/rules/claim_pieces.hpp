// Claims: a sentence cut into pieces at frame tokens, context changes and clause boundaries,
// each piece trimmed and kept or dropped (adverbials, datelines, questions), then given its
// chain, status, certainty, polarity and quote kind.
#ifndef HEARSAY_DETAIL_RULES_CLAIM_PIECES_HPP
#define HEARSAY_DETAIL_RULES_CLAIM_PIECES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// A sentence adverb or time phrase set off by a comma ("However,", "Meanwhile,", "Last week,",
// "These days,"): an adverbial outside the claim (SPEC 1). A hedge ("Apparently,") is not: it
// decides the claim's status.
inline bool sentence_adverbial(token_span tk, std::size_t k, std::size_t n) {
  const token& t = tk[k];
  if (!t.is_word() || t.is(wc_hedge_word)) return false;
  std::size_t words = 1;
  if (t.is(wc_determiner | wc_time_modifier) && k + 1 < n && tk[k + 1].is(wc_time | wc_weekday)) {
    words = 2;  // "last week", "these days"
  } else if ((t.is(wc_determiner) || t.kind == token_kind::number) && k + 3 < n &&
             ((tk[k + 1].is(wc_time) && tk[k + 2].lower_is("ago")) ||
              (tk[k + 2].is(wc_time) && tk[k + 3].lower_is("ago")))) {
    return true;  // "Two weeks ago", "A few days ago": the phrase runs on to its comma
  } else if (!(t.is(wc_adjunct) || (t.lower.size() > 4 && ends_with(t.lower, "ly")))) {
    return false;
  }
  return k + words < n && is_comma(tk[k + words]);
}

// "It's unclear whether …", "it is not clear how many …", "it remains uncertain if …": an
// indirect question (SPEC 1), no claim.
inline bool unclear_question(token_span tk, std::size_t a, std::size_t b) {
  std::size_t k = a;
  if (k < b && tk[k].lower_is("it's")) {
    ++k;
  } else if (k + 1 < b && tk[k].lower_is("it") &&
             (is_be(tk[k + 1]) || tk[k + 1].lower_is("remains") ||
              tk[k + 1].lower_is("remained"))) {
    k += 2;
  } else {
    return false;
  }
  bool negated = false;
  while (k < b && (is_negator(tk[k]) || is_adverb(tk[k]))) negated |= is_negator(tk[k++]);
  if (k + 1 >= b) return false;
  const bool unclear = tk[k].lower_is("unclear") || tk[k].lower_is("uncertain") ||
                       (negated && (tk[k].lower_is("clear") || tk[k].lower_is("known") ||
                                    tk[k].lower_is("certain")));
  const token& next = tk[k + 1];
  return unclear && next.is_word() &&
         (next.is(wc_question) || next.lower_is("whether") || next.lower_is("if"));
}

// A title-case sentence (a headline or subhead): most words capitalised.
inline bool title_case_sentence(token_span tk, range sent) {
  std::size_t words = 0, capitals = 0;
  for (std::size_t k = sent.first; k < sent.last; ++k) {
    if (!tk[k].is_word() || tk[k].quote >= 0) continue;
    ++words;
    capitals += tk[k].capitalized;
  }
  return words >= 3 && capitals * 10 >= words * 6;
}

// Some word of [a, b) can be a verb: an auxiliary, a modal, a known verb form or cue verb, a
// contraction ("won't"), or an unknown lower-case word with a verb's ending.
inline bool has_possible_verb(token_span tk, std::size_t a, std::size_t b) {
  for (std::size_t k = a; k < b; ++k) {
    const token& t = tk[k];
    if (!t.is_word() || t.is(wc_never_verb)) continue;
    if (t.is(wc_auxiliary | wc_modal | wc_finite | wc_verb_word | wc_verb_form) ||
        ends_with_nt(t) || contracted_verb(t, k + 1 < b ? &tk[k + 1] : nullptr)) {
      return true;
    }
    // An unknown word with a verb's ending; a plural after a determiner ("her supporters")
    // is a noun.
    const bool after_determiner =
        k > a && (tk[k - 1].is(wc_determiner | wc_preposition) || tk[k - 1].possessive ||
                  tk[k - 1].kind == token_kind::number);
    if (!t.entry && !t.capitalized && t.lower.size() > 3 &&
        (ends_with(t.lower, "ed") || ends_with(t.lower, "ing") || ends_with(t.lower, "en") ||
         (ends_with(t.lower, "s") && !after_determiner))) {
      return true;
    }
  }
  return false;
}

// The first word of the sentence (past opening punctuation).
inline std::size_t first_word(token_span tk, range sent) {
  std::size_t k = sent.first;
  while (k < sent.last && !tk[k].is_word()) ++k;
  return k;
}

// An imperative: "Don't …", "Let's …", "Please …", or a verb the treebank uses as an imperative
// followed by its object or particle ("Pay another quarter", "Take out loans", "Look at it").
inline bool writer_imperative(token_span tk, std::size_t a, std::size_t b) {
  const token& t = tk[a];
  // "Don't forget that X": X is a claim; a subhead in capitals ("SPEND A QUARTER") is none.
  for (std::size_t k = a + 1; k < b; ++k) {
    if (tk[k].lower_is("that")) return false;
  }
  if (t.text.size() > 1 &&
      std::none_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
    return false;
  }
  if (t.lower_is("please") || t.lower_is("let's") || t.lower_is("don't") ||
      t.lower_is("don\u2019t") || (t.lower_is("do") && a + 1 < b && tk[a + 1].lower_is("not"))) {
    return true;
  }
  if (!t.is(wc_imperative) || a + 1 >= b) return false;
  const token& next = tk[a + 1];
  return next.is_word() && !next.is(wc_auxiliary | wc_modal | wc_finite) && !next.possessive &&
         (next.is(wc_determiner) || next.lower_is("out") || next.lower_is("up") ||
          next.lower_is("at") || next.lower_is("off") || next.lower_is("away") ||
          next.lower_is("back") || next.lower_is("it") || next.lower_is("them") ||
          next.lower_is("yourself") || next.lower_is("me") || next.lower_is("us"));
}

// Some of [a, b) is quoted speech (a quotation of a speaker, or of five words or more).
inline bool quoted_speech(const doc_state& st, token_span tk, std::size_t a, std::size_t b) {
  for (std::size_t k = a; k < b; ++k) {
    const int q = tk[k].quote;
    if (q >= 0 && (!st.quote_speaker[static_cast<std::size_t>(q)].empty() ||
                   st.quotes[static_cast<std::size_t>(q)].words >= min_speech_words)) {
      return true;
    }
  }
  return false;
}

// "That was then", "that can be deadly": a demonstrative subject, not a complementiser.
inline bool demonstrative_that(token_span tk, std::size_t a, range sent) {
  if (a == sent.first) return true;
  if (a + 1 >= sent.last) return false;
  const token& next = tk[a + 1];
  return next.is(wc_auxiliary | wc_modal | wc_finite) || ends_with_nt(next) ||
         (next.is_word() && !next.is(wc_determiner | wc_pronoun) && next.lower.size() > 2 &&
          next.lower.back() == 's' && !next.capitalized && !tk[a].possessive);
}

namespace claim_rules {

inline certainty weakest(certainty a, certainty b) {
  return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

}  // namespace claim_rules

inline void engine::claims_from_frames(doc_state& st, std::size_t s, range sent,
                                       std::vector<frame>& frames, document& doc) const {
  const token_span tk = st.tokens;
  const std::size_t n = sent.last;
  if (sent.empty()) return;

  // Which tokens only attribute, and which frame's content holds each token (in a sentence
  // without frames, none and none: most sentences skip the tables).
  const bool framed = !frames.empty();
  std::vector<char>& excluded = st.excluded;  // scratch kept across sentences
  std::vector<int>& context = st.context;
  if (framed) {
    excluded.assign(n - sent.first, 0);
    context.assign(n - sent.first, -1);
  }
  const auto is_excluded = [&](std::size_t k) { return framed && excluded[k - sent.first] != 0; };
  for (std::size_t a = 0; a < frames.size(); ++a) {
    const frame& f = frames[a];
    if (f.whole) continue;
    for (const range& r : f.frame_tokens) {
      for (std::size_t k = std::max(r.first, sent.first); k < std::min(r.last, n); ++k) {
        excluded[k - sent.first] = 1;
      }
    }
  }
  for (std::size_t k = sent.first; k < n && framed; ++k) {
    std::size_t best = SIZE_MAX;
    for (std::size_t a = 0; a < frames.size(); ++a) {
      const frame& f = frames[a];
      if (f.whole || !f.content.contains(k)) continue;
      const std::size_t size = f.content.last - f.content.first;
      // Inner frames have smaller contents; ties go to the later frame (the nested one).
      if (size <= best) {
        best = size;
        context[k - sent.first] = static_cast<int>(a);
      }
    }
  }
  // Quotes: text inside a quotation with a known speaker is that speaker's.
  // A transcript turn is the speaker's words too, quoted or not.
  const bool in_turn_sentence = !st.turn_speaker.empty() && n > st.turn_from;
  const auto in_turn = [&](std::size_t k) { return in_turn_sentence && k >= st.turn_from; };
  const auto speaker_of = [&](std::size_t k) -> const std::vector<link>* {
    const int q = tk[k].quote;
    if (q < 0) return in_turn(k) ? &st.turn_speaker : nullptr;
    const std::vector<link>& sp = st.quote_speaker[static_cast<std::size_t>(q)];
    if (sp.empty()) return in_turn(k) ? &st.turn_speaker : nullptr;
    return &sp;
  };
  const bool question = [&] {
    for (std::size_t k = n; k > sent.first; --k) {
      if (tk[k - 1].is_punct("?")) return true;
      if (!is_quote_mark(tk[k - 1]) && !tk[k - 1].is_punct(")")) return false;
    }
    return false;
  }();

  using piece = claim_piece;
  std::vector<piece>& pieces = st.claim_pieces;  // scratch kept across sentences
  pieces.clear();
  std::optional<piece> cur;
  bool absolute_pending = false;  // the next piece continues a "with X doing …" construction
  const auto close = [&](std::size_t end) {
    if (cur) {
      cur->last = end;
      pieces.push_back(*cur);
      cur.reset();
    }
  };
  for (std::size_t k = sent.first; k < n; ++k) {
    const token& t = tk[k];
    if (is_excluded(k)) {
      close(k);
      continue;
    }
    const int ctx = framed ? context[k - sent.first] : -1;
    const std::vector<link>* quoted = ctx < 0 ? speaker_of(k) : nullptr;
    if (cur) {
      bool boundary = cur->context != ctx || (cur->quoted != quoted && t.is_word());
      if (!boundary && t.is_word() && k > sent.first) {
        const token& prev = tk[k - 1];
        // After a semicolon, or a comma or dash that a new clause follows.
        const bool after_punct = prev.kind == token_kind::punct;
        if (after_punct && prev.is_punct(";")) boundary = true;
        // A colon, a dash or an ellipsis that a clause with its own subject follows: "The
        // incentive was strong: bankers received bonuses", "… ― 5,300 employees were fired".
        if (after_punct && !boundary &&
            (prev.is_punct(":") || prev.is_punct("\u2015") || prev.is_punct("--") ||
             prev.is_punct("\u2026") || prev.is_punct("...")) &&
            t.is_word() && !t.is(wc_relative | wc_auxiliary | wc_modal | wc_finite) &&
            clause_follows(tk, k, n)) {
          boundary = true;
        }
        if (after_punct && !boundary && (prev.is_punct("\u2014") || prev.is_punct("\u2013")) &&
            t.is(wc_determiner | wc_pronoun) && !t.is(wc_relative) && clause_follows(tk, k, n)) {
          boundary = true;
        }
        if (after_punct && (is_comma(prev) || prev.is_punct("—") || prev.is_punct("–"))) {
          if (t.is(wc_clause_opener) && !t.is(wc_dependent_opener) && !t.lower_is("and") &&
              !t.lower_is("but") && (!t.lower_is("as") || clause_follows(tk, k + 1, n))) {
            boundary = true;
          } else if ((t.lower_is("and") || t.lower_is("but") || t.lower_is("yet")) && k + 1 < n &&
                     (subject_like(tk[k + 1]) || clause_follows(tk, k + 1, n) ||
                      tk[k + 1].is(wc_dependent_opener))) {
            boundary = true;
          } else if ((cur->intro && !cur->has_verb) || cur->subordinate) {
            boundary = true;
          }
        }
        // "… in the 1990s but it wasn't approved": a clause joined by "but" without a comma.
        if (!boundary && !after_punct && t.lower_is("but") && k + 1 < n &&
            tk[k + 1].is(wc_subject_pronoun) && clause_follows(tk, k + 1, n)) {
          boundary = true;
        }
        // "that A and that B": two contents.
        if (!boundary && (t.lower_is("and") || t.lower_is("or") || t.lower_is("but")) &&
            k + 1 < n && tk[k + 1].lower_is("that") && cur->context >= 0) {
          boundary = true;
        }
        // "with X doing A and Y doing B": two absolute clauses.
        if (!boundary && t.lower_is("and") && cur->opener == "with" && k + 1 < n &&
            subject_like(tk[k + 1])) {
          for (std::size_t g = k + 1; g < n && g < k + 6 && !is_comma(tk[g]); ++g) {
            if (tk[g].is_word() && tk[g].lower.size() > 4 && ends_with(tk[g].lower, "ing")) {
              boundary = true;
              absolute_pending = true;
              break;
            }
          }
        }
      }
      if (boundary) close(k);
    }
    if (cur && t.is(wc_auxiliary | wc_modal | wc_finite) && !t.possessive) cur->has_verb = true;
    if (!cur) {
      if (t.kind == token_kind::punct && !t.is_word()) continue;  // pieces start on a word
      const bool participle = t.capitalized && may_be_verb_entry(t) && t.lower.size() > 4 &&
                              (ends_with(t.lower, "ing") || ends_with(t.lower, "ed"));
      const bool intro =
          (k == sent.first || (k > sent.first && !is_excluded(k - 1) && pieces.empty())) &&
          ((participle && k == sent.first) || t.is(wc_preposition | wc_dependent_opener) ||
           (t.is(wc_clause_opener) && !t.lower_is("and") && !t.lower_is("but") &&
            !t.lower_is("which")) ||
           sentence_adverbial(tk, k, n));
      const bool subordinate =
          absolute_pending ||
          (!intro && k > sent.first && t.is(wc_clause_opener) && !t.is(wc_coordinator) &&
           !t.lower_is("which") && (is_comma(tk[k - 1]) || tk[k - 1].is_word()));
      absolute_pending = false;
      cur = piece{k, n, ctx, quoted, intro, subordinate, t.lower};
    }
  }
  close(n);

  for (const piece& p : pieces) {
    std::size_t a = p.first, b = p.last;
    // "Exclusive: …", "Analysis: …": a label before a colon is not part of the claim.
    if (a == sent.first && a + 1 < b && tk[a].is(wc_label) && tk[a + 1].is_punct(":")) a += 2;
    // Trim connectives at the start and punctuation at both ends.
    while (
        a < b &&
        (tk[a].kind == token_kind::punct ||
         (tk[a].is_word() &&
          (tk[a].is(wc_coordinator) || (tk[a].is(wc_clause_opener) && !tk[a].is(wc_preposition)) ||
           tk[a].lower_is("with") || tk[a].lower_is("as") ||
           (tk[a].lower_is("that") && !demonstrative_that(tk, a, sent)) ||
           (tk[a].is(wc_relative) && a == p.first && a > sent.first && is_comma(tk[a - 1])))))) {
      ++a;
    }
    while (b > a && tk[b - 1].kind == token_kind::punct &&
           !(tk[b - 1].is_punct(".") && !tk[b - 1].space_before && b - 1 > a &&
             tk[b - 2].text.find('.') != std::string_view::npos && b < n &&
             !is_final_punct(tk[b - 1]))) {
      --b;
    }
    std::size_t words = 0;
    for (std::size_t k = a; k < b; ++k)
      words += tk[k].is_word() || tk[k].kind == token_kind::number;
    if (words < 2) continue;
    // A verbless fragment ("New York", "The Donald", "Officials at") is no claim, unless it is
    // someone's quoted words or stands under an attribution.
    // Headlines and subheads are left alone: a nominal one is optional gold (SPEC 1), and title
    // case hides which words are verbs. Under an attribution, a fragment split off its content
    // ("to his coalition of supporters") is none either; a small clause ("called the vote a
    // mistake") and quoted words are.
    const bool small_clause =
        p.context >= 0 && frames[static_cast<std::size_t>(p.context)].small_clause;
    // (the verb test first: it is short and true for most pieces; the headline test reads the
    // whole sentence)
    if (!p.quoted && !small_clause && !has_possible_verb(tk, a, b) &&
        !(s == 0 || title_case_sentence(tk, sent)) && !quoted_speech(st, tk, a, b)) {
      continue;
    }
    // The writer's own imperative ("Borrow the rest", "Don't let it stop you") is no claim.
    if (p.context < 0 && !p.quoted && a == first_word(tk, sent) && writer_imperative(tk, a, b)) {
      continue;
    }
    // A dateline ("DETROIT, Jan. 28") is no claim.
    {
      const auto all_caps = [](std::string_view w) {
        return w.size() >= 2 &&
               std::none_of(w.begin(), w.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      };
      std::size_t k = a;
      while (k < b && tk[k].is_word() && all_caps(tk[k].text)) ++k;
      if (words <= 6 && k > a && k < b && is_comma(tk[k]) && tk[a].text.size() >= 3) continue;
      // A byline: "By Hanne Sorvik and Mateo Quist".
      bool byline = tk[a].text_is("By") && words <= 9;
      for (std::size_t m = a + 1; m < b && byline; ++m) {
        byline = !tk[m].is_word() || tk[m].capitalized || tk[m].lower_is("and");
      }
      if (byline) continue;
    }
    // A sentence-initial adverbial ("On Monday,", "Since the visit,") is no claim; a fronted
    // "As/While/Although X …" clause with a verb is one.
    bool has_verb = false;
    for (std::size_t k = a; k < b; ++k) {
      // (a cue word after a preposition is a gerund: "in the vote for admitting Poland,")
      has_verb = has_verb || tk[k].is(wc_auxiliary | wc_modal | wc_finite) ||
                 (tk[k].is(wc_verb_word) && !tk[k].capitalized &&
                  !(k > a && tk[k - 1].is(wc_preposition)));
    }
    const bool participle_intro =
        tk[p.first].capitalized && p.first == sent.first && may_be_verb_entry(tk[p.first]) &&
        tk[p.first].lower.size() > 4 &&
        (ends_with(tk[p.first].lower, "ing") || ends_with(tk[p.first].lower, "ed"));
    if (p.intro && (participle_intro ||
                    !(has_verb && !tk[p.first].is(wc_clause_opener | wc_dependent_opener)))) {
      const token& opener = tk[p.first];
      const bool clause_opener = opener.lower_is("as") || opener.lower_is("while") ||
                                 opener.lower_is("although") || opener.lower_is("though") ||
                                 opener.lower_is("whereas");
      // (a verbless one's comma may stand inside a closing quotation mark: "On the broadcast
      // of “Fox News Sunday,” Pence said")
      const bool ends_at_comma =
          p.last < n && p.last > p.first &&
          (is_comma(tk[p.last - 1]) || (!has_verb && p.last > p.first + 1 &&
                                        is_quote_mark(tk[p.last - 1]) && is_comma(tk[p.last - 2])));
      if (ends_at_comma &&
          !(clause_opener && words >= 3 && p.first + 1 < n && !tk[p.first + 1].is(wc_preposition) &&
            !tk[p.first + 1].lower_is("a") && !tk[p.first + 1].lower_is("an"))) {
        continue;
      }
    }
    // Questions are not claims, nor indirect ones: "It's unclear whether X", "it is not clear
    // how many X" (SPEC 1).
    if (unclear_question(tk, a, b)) continue;
    std::size_t after = b;
    while (after < n && is_quote_mark(tk[after])) ++after;
    if (after < n && tk[after].is_punct("?")) continue;
    if (question && b >= n - 2 && p.context < 0 && !p.quoted) continue;

    claim c;
    c.sentence = s;
    // A word token may straddle a sentence boundary the segmenter drew inside it ("e\u00a2.S"):
    // a claim never leaves its sentence.
    const span bounds = doc.sentences[s];
    c.where = span{std::max(tk[a].where().begin, bounds.begin),
                   std::min(tk[b - 1].where().end, bounds.end)};
    if (c.where.end <= c.where.begin) continue;
    std::optional<rule_id> rule;  // the evidence: which rule built the innermost link
    // "…, who made up 28% of participants": a non-restrictive relative clause is the writer's
    // background, not part of what the source said (unless it is quoted).
    const bool relative = p.first > sent.first && is_comma(tk[p.first - 1]) &&
                          tk[p.first].lower_is("who") && tk[p.first].quote < 0;
    if (!relative && p.context >= 0) {
      // A frame inside a quotation ("I think …") nests under the quotation's speaker.
      std::size_t root = static_cast<std::size_t>(p.context);
      while (frames[root].parent >= 0) root = static_cast<std::size_t>(frames[root].parent);
      const int q = frames[root].quote;
      if (q >= 0 && !st.quote_speaker[static_cast<std::size_t>(q)].empty() && !frames[root].turn) {
        c.chain = st.quote_speaker[static_cast<std::size_t>(q)];
      } else if (in_turn(frames[root].anchor) && !frames[root].turn) {
        c.chain = st.turn_speaker;
      }
      const std::vector<link>& own = frames[static_cast<std::size_t>(p.context)].chain;
      c.chain.insert(c.chain.end(), own.begin(), own.end());
      rule = frames[static_cast<std::size_t>(p.context)].rule;
    } else if (!relative && p.quoted) {
      c.chain = *p.quoted;
      const int q = tk[a].quote >= 0 ? tk[a].quote : tk[p.first].quote;
      rule = p.quoted == &st.turn_speaker || q < 0 ? rule_id::speaker_colon_turn
                                                   : st.quote_rule[static_cast<std::size_t>(q)];
    }
    // "citing Y claiming that": the citation, not the inner cue, decides the status.
    bool status_override = false;
    cue_class override_kind = cue_class::report;
    if (p.context >= 0 && !relative) {
      const frame& ctx = frames[static_cast<std::size_t>(p.context)];
      if (ctx.status_from) {
        status_override = true;
        override_kind = *ctx.status_from;
      }
    }
    // Whole-clause cues inside the piece ("is seen as", "reportedly") add their link.
    for (const frame& f : frames) {
      if (!f.whole || f.anchor < a || f.anchor >= b || f.chain.empty()) continue;
      if (c.chain.size() < limits::chain_links) c.chain.push_back(f.chain.back());
      status_override = false;
      rule = f.rule;
    }
    // Certainty and polarity from the piece's own words (not from quoted titles).
    certainty cert = certainty::certain;
    bool negative = false;
    std::size_t quoted_words = 0, speech_words = 0;
    bool embedded = false;
    span hedge_word, negator_word;
    for (std::size_t k = a; k < b; ++k) {
      const token& t = tk[k];
      if (!t.is_word()) continue;
      ++speech_words;
      if (in_turn(k) ||
          (t.quote >= 0 &&
           (!st.quote_speaker[static_cast<std::size_t>(t.quote)].empty() ||
            st.quotes[static_cast<std::size_t>(t.quote)].words >= min_speech_words))) {
        ++quoted_words;
      }
      // A hedge inside a relative or embedded clause ("drones that could supplement", "what
      // he might be concealing") hedges that clause, not the claim.
      if (k > a && (t.is(wc_relative | wc_question) || t.lower_is("that"))) embedded = true;
      if (!embedded && t.is(wc_hedge_word) && !(t.capitalized && k > sent.first)) {
        cert = claim_rules::weakest(cert, *t.entry->hedge);
        if (hedge_word.empty()) hedge_word = t.where();
      } else if (!embedded && k + 1 < b && t.pair && t.pair->hedge) {
        cert = claim_rules::weakest(cert, *t.pair->hedge);
        if (hedge_word.empty()) hedge_word = {t.where().begin, tk[k + 1].where().end};
      }
      if (is_negator(t) && !(t.lower_is("no") && k + 1 < b && !tk[k + 1].is_word())) {
        // "not only" and "no longer" keep their claims' polarity simple: only "not only" is
        // positive.
        if (!(t.lower_is("not") && k + 1 < b && tk[k + 1].lower_is("only"))) {
          negative = true;
          if (negator_word.empty()) negator_word = t.where();
        }
      }
    }
    c.certainty = cert;
    if (c.chain.empty()) {
      c.status = cert == certainty::certain ? status::confirmed : status::alleged;
    } else {
      const cue_class k = status_override ? override_kind : c.chain.back().cue.kind;
      switch (k) {
        case cue_class::report:
          c.status = status::reported;
          break;
        case cue_class::deny:
          c.status = status::reported;
          negative = true;
          break;
        case cue_class::confirm:
          c.status = status::confirmed;
          break;
        default:
          c.status = status::alleged;
      }
    }
    c.polarity = negative ? polarity::negative : polarity::positive;
    if (quoted_words > 0 && !c.chain.empty()) {
      c.quote = quoted_words == speech_words ? quote_kind::direct : quote_kind::mixed;
    }
    // SPEC 7: the rule, and the words that decided (the innermost cue, a hedge, a negator).
    if (c.chain.empty()) {
      c.evidence.rule = hedge_word.empty() ? rule_id::writer_plain : rule_id::hedge_writer;
    } else {
      c.evidence.rule = rule.value_or(rule_id::quote_speaker);
      c.evidence.add_word(c.chain.back().cue.where);
    }
    c.evidence.add_word(hedge_word);
    c.evidence.add_word(negator_word);
    doc.claims.push_back(std::move(c));
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_CLAIM_PIECES_HPP
