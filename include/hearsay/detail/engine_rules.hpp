// The rules of the claim engine (declared in engine.hpp). Each function says which linguistic
// pattern it reads; docs/RULES.md gives the same with examples.
#ifndef HEARSAY_DETAIL_ENGINE_RULES_HPP
#define HEARSAY_DETAIL_ENGINE_RULES_HPP

#include "hearsay/detail/engine.hpp"

namespace hearsay::detail {

/// How many earlier mentions a pronoun or short mention may reach back over.
inline constexpr std::size_t mention_window = 200;

/// At most this many attribution frames are read in one sentence. Real sentences hold a handful;
/// the cap keeps a pathological "sentence" (megabytes without a full stop) linear in its length.
inline constexpr std::size_t max_frames_per_sentence = 64;

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
         (t.text_is("\"") || t.text_is("'") || is_open_quote(t) || is_close_quote(t) ||
          t.text_is("\u2018") || t.text_is("\u2019"));
}

inline bool is_comma(const token& t) { return t.is_punct(","); }

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

// ---- the document ------------------------------------------------------------------------------

inline document engine::analyze(std::string_view input, std::string id) const {
  document doc;
  doc.id = std::move(id);
  doc.language = options_.language;
  if (options_.repair_utf8) {
    doc.text = repair_utf8(input);
  } else {
    require_utf8(input);
    doc.text = std::string(input);
  }
  doc.sentences = segmenter_.split_valid(doc.text);  // checked or repaired just above
  const std::string_view text = doc.text;
  // News runs at about 1.3 claims a sentence: one reservation instead of the doubling growth
  // whose spare capacity would be a third of a long document's size.
  doc.claims.reserve(doc.sentences.size() + doc.sentences.size() / 2);

  // One paragraph at a time: scratch memory is bounded by the longest paragraph, not the
  // document. What crosses paragraphs is carried: an open quotation and its speaker, the latest
  // speaker (for a quote paragraph after an attribution paragraph), and recent mentions.
  // The working buffers of this thread, kept from one analysis to the next: a stream of small
  // documents then allocates none of them again (the analyzer itself stays immutable and shared).
  static thread_local doc_state scratch;
  doc_state& st = scratch;
  st.reset(text);
  const doc_state::release_large release_on_exit{st};
  std::unique_ptr<icu::BreakIterator> words;  // made only for a paragraph the fast path skips
  std::vector<link> carried_quote_speaker;
  bool quote_open_at_end = false;
  std::vector<link> last_chain;
  int last_chain_paragraph = -2;
  int paragraph = 0;
  std::size_t s_begin = 0;
  const auto blank_line_between = [&](std::size_t from, std::size_t to) {
    const std::string_view gap = text.substr(from, to - from);
    return std::count(gap.begin(), gap.end(), '\n') >= 2 ||
           gap.find("\u2029") != std::string_view::npos;
  };
  const auto opens_quote = [&](std::size_t at) {
    const std::string_view rest = text.substr(at, 3);
    return rest.starts_with("\"") || rest.starts_with("\u201C") || rest.starts_with("\u00AB") ||
           rest.starts_with("\u201E");
  };
  while (s_begin < doc.sentences.size()) {
    std::size_t s_end = s_begin + 1;
    while (s_end < doc.sentences.size() &&
           !blank_line_between(doc.sentences[s_end - 1].end, doc.sentences[s_end].begin)) {
      ++s_end;
    }
    const span block{doc.sentences[s_begin].begin, doc.sentences[s_end - 1].end};
    const bool next_reopens =
        s_end < doc.sentences.size() && opens_quote(doc.sentences[s_end].begin);

    tokenizer_.run(words, st.pieces, text, block, st.tokens, st.lower);
    st.sentence_end_token.clear();
    // Tokens and sentences are in text order: one forward scan finds every sentence's end (its
    // test is true until the end, so it is well predicted, unlike a bisection's).
    std::size_t end_token = 0;
    for (std::size_t s = s_begin; s < s_end; ++s) {
      const std::size_t sentence_end = doc.sentences[s].end;
      while (end_token < st.tokens.size() && st.tokens[end_token].begin < sentence_end) {
        ++end_token;
      }
      st.sentence_end_token.push_back(end_token);
    }
    st.quotes = find_quotes(st.tokens, st.sentence_end_token, quote_open_at_end, next_reopens);
    st.quote_speaker.assign(st.quotes.size(), {});

    // Pass 1: the attribution frames of every sentence of the paragraph, so that a quote whose
    // speaker is named only at its end ("“A. B,” she said.") is attributed in all its sentences.
    std::vector<std::vector<frame>>& frames = st.frames;
    frames.resize(s_end - s_begin);
    std::size_t first = 0;
    for (std::size_t s = s_begin; s < s_end; ++s) {
      const range sent{first, st.sentence_end_token[s - s_begin]};
      first = sent.last;
      std::vector<frame>& fs = frames[s - s_begin];
      fs = find_frames(st, sent);
      resolve_chains(st, fs);
      add_mentions(st, sent);
      for (const frame& f : fs) {
        if (f.whole || f.chain.empty()) continue;
        // Quotes are in text order: visit only those that overlap the content.
        auto q =
            std::partition_point(st.quotes.begin(), st.quotes.end(),
                                 [&](const quote_region& r) { return r.last <= f.content.first; });
        for (; q != st.quotes.end() && q->first < f.content.last; ++q) {
          auto& speaker = st.quote_speaker[static_cast<std::size_t>(q - st.quotes.begin())];
          if (speaker.empty()) speaker = f.chain;
        }
      }
    }
    // A quote continued from the previous paragraph keeps its speaker; a quotation of whole
    // sentences with no speaker of its own belongs to the latest speaker of this or the previous
    // paragraph ("Onwu said the charges were false.\n\n“He has never taken a cent.”").
    for (std::size_t q = 0; q < st.quotes.size(); ++q) {
      if (!st.quote_speaker[q].empty()) continue;
      const quote_region& region = st.quotes[q];
      if (region.continues) {
        st.quote_speaker[q] = q == 0 ? carried_quote_speaker : st.quote_speaker[q - 1];
        continue;
      }
      if (region.words < 5) continue;  // scare quotes and titles are not speech
      const frame* latest = nullptr;
      for (const auto& fs : frames) {
        for (const frame& f : fs) {
          if (!f.whole && !f.chain.empty() && f.anchor < region.open) latest = &f;
        }
      }
      if (latest) {
        st.quote_speaker[q] = latest->chain;
      } else if (last_chain_paragraph + 1 >= paragraph) {
        st.quote_speaker[q] = last_chain;
      }
    }
    // Pass 2: claims.
    first = 0;
    for (std::size_t s = s_begin; s < s_end; ++s) {
      const range sent{first, st.sentence_end_token[s - s_begin]};
      first = sent.last;
      claims_from_frames(st, s, sent, frames[s - s_begin], doc);
    }
    // Carry to the next paragraph.
    const frame* latest_in_paragraph = nullptr;
    for (const auto& fs : frames) {
      for (const frame& f : fs) {
        if (!f.whole && !f.chain.empty()) latest_in_paragraph = &f;
      }
    }
    if (latest_in_paragraph) {
      last_chain = latest_in_paragraph->chain;
      last_chain_paragraph = paragraph;
    }
    quote_open_at_end = !st.quotes.empty() && !st.quotes.back().closed && next_reopens;
    carried_quote_speaker = quote_open_at_end ? st.quote_speaker.back() : std::vector<link>{};
    if (st.mentions.size() > 4 * mention_window) {
      st.mentions.erase(st.mentions.begin(),
                        st.mentions.end() - static_cast<std::ptrdiff_t>(mention_window));
    }
    ++paragraph;
    s_begin = s_end;
  }
  return doc;
}

// ---- adjuncts, objects, negation
// -----------------------------------------------------------------

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
  if (t.kind == token_kind::punct) return is_open_quote(t) || t.text_is("\"");
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
    if (is_comma(w) || is_final_punct(w) || w.is(wc_coordinator)) break;
    if (w.is(wc_auxiliary | wc_modal | wc_finite) || is_past_form(w) ||
        (k > i && w.is_word() && !w.capitalized && w.lower.size() > 3 && w.lower.back() == 's' &&
         !ends_with(w.lower, "ss") && !ends_with(w.lower, "'s") && !w.is(wc_preposition) &&
         tk[k - 1].is_word() && !tk[k - 1].is(wc_determiner | wc_preposition))) {
      return true;
    }
  }
  return false;
}

// ---- source phrases
// ------------------------------------------------------------------------------

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
                                    tk[b].is(wc_preposition) && b >= sent.first + 2 &&
                                    tk[b - 2].is_word() && !tk[b - 2].is(wc_auxiliary | wc_modal);
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
          (t.is(wc_source_noun | wc_lexicon_classes) && (sentence_initial || k == r.first)) ||
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

// "he", "they", "the ministry", "the broadcaster": the nearest earlier fitting full mention.
inline std::optional<span> engine::resolve_reference(const doc_state& st, range r,
                                                     source_kind kind) const {
  const token_span tk = st.tokens;
  if (r.empty()) return std::nullopt;
  const token& first = tk[r.first];
  const bool pronoun = r.last - r.first == 1 && first.is(wc_pronoun);
  std::string_view head;
  if (!pronoun) {
    if (!(first.lower_is("the") || first.lower_is("this"))) return std::nullopt;
    for (std::size_t k = r.first + 1; k < r.last; ++k) {
      if (tk[k].capitalized && !tk[k].is(wc_nationality)) return std::nullopt;  // a name itself
    }
    const token& last = tk[r.last - 1];
    if (!last.is(wc_back_reference)) return std::nullopt;
    head = last.lower;
  }
  const span self{tk[r.first].where().begin, tk[r.last - 1].where().end};
  // Look back over a bounded window of mentions: references reach a few paragraphs, and an
  // unbounded search would make long documents quadratic.
  const auto stop =
      st.mentions.size() > mention_window
          ? st.mentions.rend() - static_cast<std::ptrdiff_t>(st.mentions.size() - mention_window)
          : st.mentions.rend();
  std::string lower;  // one buffer for every mention looked at
  for (auto it = st.mentions.rbegin(); it != stop; ++it) {
    if (it->where.begin >= self.begin || !it->named) continue;
    if (pronoun) {
      const bool fits = first.is(wc_person_pronoun) ? it->kind == source_kind::person
                        : first.is(wc_thing_pronoun)
                            ? it->kind != source_kind::person && it->kind != source_kind::group
                            : it->kind != source_kind::person;
      if (fits) return it->where;
      continue;
    }
    // The mention has the kind, or names the head word ("Foreign Ministry" for "the ministry").
    if (it->kind == kind) return it->where;
    lower.clear();
    append_lower(it->where.of(st.text), lower);
    if (lower.find(head) != std::string::npos) return it->where;
  }
  return std::nullopt;
}

inline source engine::make_source(doc_state& st, range r) const {
  source out;
  if (r.empty()) return out;  // unspecified, empty span
  out.where = span{st.tokens[r.first].where().begin, st.tokens[r.last - 1].where().end};
  out.kind = classify(st, r, out.named);
  out.refers_to = resolve_reference(st, r, out.kind);
  if (out.named) st.mentions.push_back(mention{out.where, out.kind, true});
  return out;
}

// Runs of capitalised words ("Russian President Vladimir Putin") that later short mentions may
// stand for.
inline void engine::add_mentions(doc_state& st, range sent) const {
  const token_span tk = st.tokens;
  std::size_t k = sent.first;
  while (k < sent.last) {
    if (!tk[k].capitalized) {  // only words are capitalized
      ++k;
      continue;
    }
    std::size_t e = k;
    while (e < sent.last && tk[e].capitalized) ++e;
    const range r{k, e};
    if (e - k >= 2 || data().find_name(tk[k].text, tk[k].text8)) {
      bool named = false;
      const source_kind kind = classify(st, r, named);
      if (named)
        st.mentions.push_back(
            mention{span{tk[k].where().begin, tk[e - 1].where().end}, kind, true});
    }
    k = e;
  }
}

// ---- frames
// --------------------------------------------------------------------------------------

inline std::vector<frame> engine::find_frames(doc_state& st, range sent) const {
  const token_span tk = st.tokens;
  const lexicon_data& lex = data();
  std::vector<frame> out;
  const std::size_t n = sent.last;
  // The last token of the sentence's text proper, before final punctuation and closing quotes.
  std::size_t body_end = n;
  while (body_end > sent.first && !tk[body_end - 1].is_word() &&
         tk[body_end - 1].kind != token_kind::number) {
    --body_end;
  }
  const auto at_end = [&](std::size_t i) { return i >= body_end; };
  // A headline in title case capitalises most of its words (counted only when a capitalised
  // cue asks: most sentences never need it).
  const auto title_case = [&] {
    std::size_t words = 0, capitals = 0;
    for (std::size_t k = sent.first; k < n; ++k) {
      if (!tk[k].is_word() || tk[k].quote >= 0) continue;
      ++words;
      capitals += tk[k].capitalized;
    }
    return words >= 3 && capitals * 10 >= words * 6;
  };
  const auto link_of = [&](range src, range cue, std::string_view lemma, cue_class kind) {
    return proto_link{src, cue, lemma, kind};
  };
  // A cue that stays inside its claim ("X is seen as Y", "reportedly"): unspecified source.
  const auto add_whole_frame = [&](range cue, const simple_cue& c) {
    frame f;
    f.whole = true;
    f.links.push_back(link_of({}, cue, c.lemma, c.kind));
    f.content = cue;
    f.anchor = cue.first;
    out.push_back(std::move(f));
  };

  // "Putin: “The West is lying.”": a short name, a colon and a quotation.
  for (std::size_t c = sent.first + 1; c + 1 < n && c <= sent.first + 5; ++c) {
    if (!tk[c].is_punct(":")) continue;
    const bool opens = tk[c + 1].kind == token_kind::punct &&
                       (is_open_quote(tk[c + 1]) || tk[c + 1].text_is("\""));
    bool name = true;
    for (std::size_t k = sent.first; k < c; ++k) {
      name = name && (tk[k].capitalized || tk[k].is_punct(".")) && !tk[k].is(wc_label);
    }
    if (opens && name) {
      frame f;
      f.links.push_back(proto_link{{sent.first, c}, {c, c + 1}, "say", cue_class::report});
      f.frame_tokens.push_back({sent.first, c + 1});
      f.content = {c + 1, n};
      f.anchor = sent.first;
      out.push_back(std::move(f));
    }
    break;
  }
  for (std::size_t i = sent.first; i < n && out.size() < max_frames_per_sentence; ++i) {
    const token& t = tk[i];
    // Only cue words and the openers of "it is thought" and "according to" start a frame: one
    // bit, which most tokens lack, decides.
    if (!t.is(wc_cue_word) || !t.is_word() || t.quote >= 0) continue;
    static const word_entry no_entry{};
    const word_entry& e = t.entry ? *t.entry : no_entry;

    // "it is thought that", "it has been reported that"
    if (t.lower_is("it") && i + 2 < n) {
      std::size_t k = i + 1;
      while (k < n && (tk[k].is(wc_auxiliary | wc_modal) || is_adverb(tk[k]))) ++k;
      if (k > i + 1 && k + 1 < n && tk[k].entry && tk[k].entry->impersonal >= 0 &&
          is_word_in_that(tk[k + 1])) {
        const simple_cue& c = lex.impersonals[static_cast<std::size_t>(tk[k].entry->impersonal)];
        frame f;
        f.links.push_back(link_of({}, {i, k + 1}, c.lemma, c.kind));
        f.frame_tokens.push_back({i, k + 2});
        f.content = {k + 2, n};
        f.anchor = i;
        out.push_back(std::move(f));
        i = k + 1;
        continue;
      }
    }

    // "X is seen as Y", "X are thought to Y", "X was accused of Y": the claim keeps its subject.
    if (e.raising >= 0 && i > sent.first && i + 1 < n) {
      std::size_t b = i;
      while (b > sent.first && is_adverb(tk[b - 1])) --b;
      const token& next = tk[i + 1];
      const bool it_subject = b >= sent.first + 2 && tk[b - 2].lower_is("it");
      if (b > sent.first && is_be(tk[b - 1]) && !it_subject &&
          (next.lower_is("as") || next.lower_is("to") || next.lower_is("of"))) {
        std::size_t cue_first = b - 1;
        while (cue_first > sent.first && (tk[cue_first - 1].is(wc_auxiliary | wc_modal)))
          --cue_first;
        add_whole_frame({cue_first, i + 2}, lex.raisings[static_cast<std::size_t>(e.raising)]);
        continue;
      }
    }

    // "reportedly", "allegedly": the clause around them, from an unspecified source.
    if (e.adverb >= 0) {
      add_whole_frame({i, i + 1}, lex.adverbs[static_cast<std::size_t>(e.adverb)]);
      continue;
    }

    // "according to X"
    if (e.phrase >= 0 || (t.lower_is("according") && i + 1 < n && tk[i + 1].lower_is("to"))) {
      // "citing" is read with the frame it extends (the verb cues below), not here.
      const bool according = t.lower_is("according");
      if (according) {
        const word_entry* phrase = lex.find("according_to");
        if (!phrase || phrase->phrase < 0) continue;  // a lexicon without that cue
        const simple_cue& c = lex.phrases[static_cast<std::size_t>(phrase->phrase)];
        const range src = source_right(st, sent, i + 2);
        if (!src.empty()) {
          frame f;
          f.links.push_back(link_of(src, {i, i + 2}, c.lemma, c.kind));
          std::size_t frame_end = src.last;
          if (frame_end < n && is_comma(tk[frame_end])) ++frame_end;
          std::size_t frame_begin = i;
          if (frame_begin > sent.first && is_comma(tk[frame_begin - 1])) --frame_begin;
          f.frame_tokens.push_back({frame_begin, frame_end});
          // "According to Y, A" governs what follows; "A, according to Y[, although B]" what
          // precedes, and Y is then the outermost source of any attribution inside A.
          const bool initial = frame_begin == sent.first ||
                               (frame_begin > sent.first && tk[frame_begin - 1].is_word() &&
                                tk[frame_begin - 1].is(wc_coordinator | wc_clause_opener));
          f.content = initial ? range{frame_end, n} : range{sent.first, frame_begin};
          f.outermost = !initial;
          f.anchor = frame_begin;
          out.push_back(std::move(f));
          i = src.last - 1;
        }
        continue;
      }
    }

    // "speculation mounts that", "fears that", "claims that": a noun and its that-clause.
    // A word that is also a verb ("fear", "claims") is a noun only after a determiner, a
    // possessive, a preposition or at the start: "unions fear that" is the verb.
    const bool noun_position = i == sent.first || !tk[i - 1].is_word() ||
                               tk[i - 1].is(wc_determiner | wc_preposition) ||
                               tk[i - 1].possessive || e.verb < 0;
    if (e.noun >= 0 && noun_position && (!t.capitalized || i == sent.first)) {
      std::size_t k = i + 1;
      while (k < n && k < i + 6 && tk[k].is_word() && !tk[k].lower_is("that") &&
             !(tk[k].is(wc_verb_word))) {
        ++k;
      }
      if (k < n && k + 1 < n && tk[k].lower_is("that") && !tk[k + 1].is(wc_auxiliary | wc_modal) &&
          !(i > sent.first && tk[i - 1].is(wc_preposition) && !tk[i - 1].lower_is("amid"))) {
        const simple_cue& c = lex.nouns[static_cast<std::size_t>(e.noun)];
        frame f;
        f.links.push_back(link_of({}, {i, k}, c.lemma, c.kind));
        std::size_t b = i;
        // "X's claims that": the possessor is the source.
        if (b > sent.first && tk[b - 1].possessive) {
          f.links.back().source = {b - 1, b};
          --b;
        }
        f.frame_tokens.push_back({b, k + 1});
        f.content = {k + 1, n};
        f.anchor = b;
        out.push_back(std::move(f));
        i = k;
        continue;
      }
    }

    // Verb cues.
    int verb = e.verb;
    std::size_t cue_last = i + 1;
    if (i + 1 < n && t.pair && t.pair->verb >= 0) {
      verb = t.pair->verb;
      cue_last = i + 2;
    }
    if (verb < 0) continue;
    const verb_cue& v = lex.verbs[static_cast<std::size_t>(verb)];
    if (v.frame == verb_frame::source) continue;  // "citing": see extend_with_citation
    if (negated_before(st, sent, i)) continue;
    // A noun, not a verb: "the report", "his claims", "18 states", "secretary of state".
    if (i > sent.first &&
        (tk[i - 1].is(wc_article) || tk[i - 1].possessive || tk[i - 1].kind == token_kind::number ||
         (tk[i - 1].is(wc_preposition) && !tk[i - 1].lower_is("to")))) {
      continue;
    }
    // A capitalised cue word inside a sentence is a name ("the United States"), unless the
    // sentence is a title-case headline ("Minister Says …").
    if (t.capitalized && i > sent.first && !title_case()) continue;
    if (cue_last < n && tk[cue_last].is(wc_verb_word) && !tk[cue_last].capitalized &&
        v.frame != verb_frame::clause &&
        !(tk[cue_last].is(wc_proposition_noun) && cue_last + 1 < n &&
          tk[cue_last + 1].lower_is("that"))) {
      continue;
    }
    if (t.capitalized && i == sent.first && e.source_noun) continue;  // "Reports of ..."
    const bool gerund = e.verb_gerund;
    // Passive "was told", "is said": not this verb's source (raising handles "is said to").
    if (i > sent.first && is_be(tk[i - 1]) && !gerund) continue;

    proto_link lk{{}, {i, cue_last}, v.lemma, v.kind};
    std::vector<proto_link> links;
    std::size_t frame_begin = i;
    std::optional<cue_class> status_from;

    // The source before the cue.
    range src = source_left(st, sent, i);
    // "X, citing Y, said": the citation between the source and the cue.
    std::optional<proto_link> cited;
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

    // Inverted: "“…,” said the mayor." / "…, said Jane Roe, the mayor."
    bool inverted = false;
    if (src.empty() && !gerund &&
        (i == sent.first || is_comma(tk[i - 1]) || is_quote_mark(tk[i - 1]))) {
      src = source_right(st, sent, cue_last);
      inverted = !src.empty();
    }
    const bool coordinated = i > sent.first && tk[i - 1].is(wc_coordinator);
    bool inherited = false;
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
    if (src.empty() && !gerund) continue;
    lk.source = src;
    if (!inverted && !inherited && !src.empty() && links.empty()) {
      frame_begin = std::min(frame_begin, src.first);
    }
    if (cited) frame_begin = std::min(frame_begin, cited->cue.first);

    // The content.
    std::size_t j = skip_adjuncts(st, sent, inverted ? src.last : cue_last);
    if (v.needs_object) j = skip_adjuncts(st, sent, skip_object(st, sent, j));
    range content;
    std::vector<range> frame_tokens;
    bool left = false;
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
    // A cue right after a quotation or a comma is parenthetical ("“…,” Varelas told reporters
    // outside the headquarters."), unless a that-clause or a colon follows it.
    const std::size_t before_frame = inverted ? i : (src.empty() ? i : src.first);
    const bool after_break =
        before_frame > sent.first &&
        (is_comma(tk[before_frame - 1]) || is_quote_mark(tk[before_frame - 1]) ||
         tk[before_frame - 1].is_punct(":") || tk[before_frame - 1].is_punct("\u2014"));
    if (content.empty() && v.frame == verb_frame::quote) {
      // "called the offer “a good first step”", "described the plan as “reckless”"
      for (std::size_t q = j; q < n && q < j + 8; ++q) {
        if (tk[q].kind == token_kind::punct && (is_open_quote(tk[q]) || tk[q].text_is("\"")) &&
            q + 1 < n && tk[q + 1].quote >= 0 && q > j) {
          content = {j, n};
          frame_tokens.push_back({frame_begin, j});
          break;
        }
        if (!tk[q].is_word() && !tk[q].is_punct("-")) break;
      }
      if (content.empty()) continue;
    }
    if (content.empty()) {
      const bool has_that = j < n && tk[j].lower_is("that");
      const bool colon = j < n && tk[j].is_punct(":");
      const bool opens_quote = j < n && tk[j].kind == token_kind::punct &&
                               (is_open_quote(tk[j]) || tk[j].text_is("\"")) && j + 1 < n &&
                               tk[j + 1].quote >= 0;
      const bool comma_quote = j + 1 < n && is_comma(tk[j]) &&
                               tk[j + 1].kind == token_kind::punct &&
                               (is_open_quote(tk[j + 1]) || tk[j + 1].text_is("\""));
      if (has_that || colon) {
        content = {j + 1, n};
        frame_tokens.push_back({frame_begin, j + 1});
      } else if (opens_quote || comma_quote) {
        content = {comma_quote ? j + 1 : j, n};
        frame_tokens.push_back({frame_begin, content.first});
      } else if (v.frame == verb_frame::of) {
        std::size_t of = j;
        // "accused X of Y", "charged X with Y"
        while (of < n && of < j + 14 && !tk[of].lower_is("of") && !tk[of].lower_is("with")) ++of;
        if (of < n && (tk[of].lower_is("of") || tk[of].lower_is("with")) && of > j) {
          content = {j, n};
          frame_tokens.push_back({frame_begin, j});
        }
      } else if ((v.frame == verb_frame::that || v.frame == verb_frame::parenthetical) &&
                 j + 1 < n && tk[j].is(wc_subject_pronoun) &&
                 tk[j + 1].is(wc_auxiliary | wc_modal | wc_finite)) {
        content = {j, n};  // "the images show it is rougher than expected"
        frame_tokens.push_back({frame_begin, j});
      } else if (v.frame == verb_frame::clause && !at_end(j) && !is_comma(tk[j]) &&
                 !(after_break && is_quote_mark(tk[before_frame - 1])) &&
                 looks_like_clause(st, sent, j)) {
        content = {j, n};
        frame_tokens.push_back({frame_begin, j});
      }
      if (content.empty()) {
        // Parenthetical: "…, she said." / "“…,” he added, “…”" / "…, officials said on Monday."
        const std::size_t before = before_frame;
        bool closes = at_end(j) || (j < n && (is_comma(tk[j]) || is_quote_mark(tk[j])));
        if (!closes && after_break && is_quote_mark(tk[before - 1])) {
          // "“…,” Varelas told reporters outside the headquarters on Thursday."
          const std::size_t limit = std::min(n, j + 40);
          while (j < limit && !is_comma(tk[j]) && !is_quote_mark(tk[j]) && !at_end(j)) ++j;
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
            fe = (more > fe + 1 && (at_end(more) || (more < n && is_comma(tk[more])))) ? more : fe;
            if (fe < n && is_comma(tk[fe])) ++fe;
          }
          frame_tokens.push_back({fb, fe});
          content = {sent.first, n};
        }
      }
    }
    if (content.empty()) continue;
    // suggest, indicate: reported from a document or an outlet, alleged from a person or group.
    if (v.person_kind) {
      bool named = false;
      const source_kind k = classify(st, lk.source, named);
      if (k != source_kind::document && k != source_kind::media && k != source_kind::unspecified) {
        lk.kind = *v.person_kind;
      }
    }
    links.push_back(lk);
    if (cited) links.push_back(*cited);
    frame f;
    f.links = std::move(links);
    f.frame_tokens = std::move(frame_tokens);
    f.content = content;
    f.status_from = status_from;
    f.anchor = left ? f.frame_tokens.front().first : frame_begin;
    // Go on scanning inside a right-hand content: nested cues live there.
    const std::size_t resume = f.content.first > 0 ? f.content.first - 1 : i;
    out.push_back(std::move(f));
    if (!left) i = std::max(i, resume);
  }

  // A right-hand content ends where a later clause brings its own source: "…, with NHK citing
  // sources claiming that …" starts a new attribution, not one nested inside the first.
  for (std::size_t a = 0; a < out.size(); ++a) {
    frame& f = out[a];
    if (f.whole) continue;
    for (std::size_t b = a + 1; b < out.size(); ++b) {
      const frame& g = out[b];
      if (g.whole || g.anchor <= f.content.first || g.anchor >= f.content.last) continue;
      std::size_t k = g.anchor;
      while (k > f.content.first && tk[k - 1].is_word() && tk[k - 1].is(wc_clause_opener)) --k;
      std::size_t own_end = f.content.first;
      for (const range& r : f.frame_tokens) own_end = std::max(own_end, r.last);
      if (g.anchor > own_end && tk[g.anchor].is(wc_coordinator)) {
        f.content.last = g.anchor;  // "confirmed that A and said B"
        break;
      }
      if (k > own_end && (is_comma(tk[k - 1]) || tk[k - 1].is_punct(";"))) {
        f.content.last = k - 1;
        break;
      }
    }
  }
  // "X said A, and he is expected to …": a new coordinated clause is the writer's again.
  for (frame& f : out) {
    if (f.whole || f.content.first <= f.anchor) continue;
    for (std::size_t k = f.content.first + 1; k + 2 < f.content.last; ++k) {
      if (!is_comma(tk[k])) continue;
      std::size_t c = k + 1;
      // "“…,” but she …": the comma sits inside the quotation, the conjunction outside.
      if (tk[k].quote >= 0 && c < f.content.last && is_close_quote(tk[c]))
        ++c;
      else if (tk[k].quote >= 0)
        continue;
      if (c + 1 < f.content.last && tk[c].quote < 0 &&
          (tk[c].lower_is("and") || tk[c].lower_is("but")) && !tk[c + 1].lower_is("that") &&
          (subject_like(tk[c + 1]) || clause_follows(tk, c + 1, f.content.last))) {
        f.content.last = k;
        break;
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const frame& x, const frame& y) { return x.anchor < y.anchor; });
  return out;
}

// Nest the frames of one sentence (a frame whose cue lies in another's content is inside it) and
// resolve each link's source into a hearsay::source.
inline void engine::resolve_chains(doc_state& st, std::vector<frame>& frames) const {
  const token_span tk = st.tokens;
  for (std::size_t a = 0; a < frames.size(); ++a) {
    frame& f = frames[a];
    std::size_t best_size = SIZE_MAX;
    for (std::size_t b = 0; b < frames.size(); ++b) {
      const frame& g = frames[b];
      if (a == b || g.whole || !g.content.contains(f.anchor)) continue;
      // A frame's own tokens are not inside another frame it contains.
      bool own = false;
      for (const range& r : g.frame_tokens) own = own || r.contains(f.anchor);
      if (own) continue;
      const std::size_t size = g.content.last - g.content.first;
      if (f.outermost && !g.outermost) continue;
      if (size < best_size && (g.anchor < f.anchor || f.whole || g.outermost)) {
        best_size = size;
        f.parent = static_cast<int>(b);
      }
    }
  }
  // Parents come first in anchor order, except for parenthetical frames; resolve recursively.
  std::vector<int>& state = st.resolve_state;
  state.assign(frames.size(), 0);
  const auto resolve = [&](auto&& self, std::size_t a) -> void {
    if (state[a] == 2) return;
    if (state[a] == 1) {  // a cycle of parenthetical frames: cut it
      frames[a].parent = -1;
      return;
    }
    state[a] = 1;
    frame& f = frames[a];
    std::vector<link> chain;
    if (f.parent >= 0) {
      self(self, static_cast<std::size_t>(f.parent));
      if (f.parent >= 0) chain = frames[static_cast<std::size_t>(f.parent)].chain;
    }
    for (const proto_link& pl : f.links) {
      link l;
      l.source = make_source(st, pl.source);
      l.cue.where = span{tk[pl.cue.first].where().begin, tk[pl.cue.last - 1].where().end};
      l.cue.lemma = std::string(pl.lemma);
      l.cue.kind = pl.kind;
      chain.push_back(std::move(l));
    }
    f.chain = std::move(chain);
    state[a] = 2;
  };
  for (std::size_t a = 0; a < frames.size(); ++a) resolve(resolve, a);
}

// ---- claims
// --------------------------------------------------------------------------------------

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
  const auto speaker_of = [&](std::size_t k) -> const std::vector<link>* {
    const int q = tk[k].quote;
    if (q < 0) return nullptr;
    const std::vector<link>& sp = st.quote_speaker[static_cast<std::size_t>(q)];
    return sp.empty() ? nullptr : &sp;
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
      const bool participle = t.capitalized && (!t.entry || t.is(wc_verb_word)) &&
                              t.lower.size() > 4 &&
                              (ends_with(t.lower, "ing") || ends_with(t.lower, "ed"));
      const bool intro =
          (k == sent.first || (k > sent.first && !is_excluded(k - 1) && pieces.empty())) &&
          ((participle && k == sent.first) || t.is(wc_preposition | wc_dependent_opener) ||
           (t.is(wc_clause_opener) && !t.lower_is("and") && !t.lower_is("but") &&
            !t.lower_is("which")));
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
           tk[a].lower_is("with") || tk[a].lower_is("as") || tk[a].lower_is("that") ||
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
      has_verb = has_verb || tk[k].is(wc_auxiliary | wc_modal | wc_finite) ||
                 (tk[k].is(wc_verb_word) && !tk[k].capitalized);
    }
    const bool participle_intro =
        tk[p.first].capitalized && p.first == sent.first &&
        (!tk[p.first].entry || tk[p.first].is(wc_verb_word)) && tk[p.first].lower.size() > 4 &&
        (ends_with(tk[p.first].lower, "ing") || ends_with(tk[p.first].lower, "ed"));
    if (p.intro && (participle_intro ||
                    !(has_verb && !tk[p.first].is(wc_clause_opener | wc_dependent_opener)))) {
      const token& opener = tk[p.first];
      const bool clause_opener = opener.lower_is("as") || opener.lower_is("while") ||
                                 opener.lower_is("although") || opener.lower_is("though") ||
                                 opener.lower_is("whereas");
      const bool ends_at_comma = p.last < n && p.last > p.first && is_comma(tk[p.last - 1]);
      if (ends_at_comma &&
          !(clause_opener && words >= 3 && p.first + 1 < n && !tk[p.first + 1].is(wc_preposition) &&
            !tk[p.first + 1].lower_is("a") && !tk[p.first + 1].lower_is("an"))) {
        continue;
      }
    }
    // Questions are not claims.
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
    // "…, who made up 28% of participants": a non-restrictive relative clause is the writer's
    // background, not part of what the source said (unless it is quoted).
    const bool relative = p.first > sent.first && is_comma(tk[p.first - 1]) &&
                          tk[p.first].lower_is("who") && tk[p.first].quote < 0;
    if (!relative && p.context >= 0) {
      c.chain = frames[static_cast<std::size_t>(p.context)].chain;
    } else if (!relative && p.quoted) {
      c.chain = *p.quoted;
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
      c.chain.push_back(f.chain.back());
      status_override = false;
    }
    // Certainty and polarity from the piece's own words (not from quoted titles).
    certainty cert = certainty::certain;
    bool negative = false;
    std::size_t quoted_words = 0, speech_words = 0;
    for (std::size_t k = a; k < b; ++k) {
      const token& t = tk[k];
      if (!t.is_word()) continue;
      ++speech_words;
      if (t.quote >= 0 && (!st.quote_speaker[static_cast<std::size_t>(t.quote)].empty() ||
                           st.quotes[static_cast<std::size_t>(t.quote)].words >= 5)) {
        ++quoted_words;
      }
      if (t.is(wc_hedge_word) && !(t.capitalized && k > sent.first)) {
        cert = claim_rules::weakest(cert, *t.entry->hedge);
      } else if (k + 1 < b && t.pair && t.pair->hedge) {
        cert = claim_rules::weakest(cert, *t.pair->hedge);
      }
      if (is_negator(t) && !(t.lower_is("no") && k + 1 < b && !tk[k + 1].is_word())) {
        // "not only" and "no longer" keep their claims' polarity simple: only "not only" is
        // positive.
        if (!(t.lower_is("not") && k + 1 < b && tk[k + 1].lower_is("only"))) negative = true;
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
    doc.claims.push_back(std::move(c));
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_ENGINE_RULES_HPP
