// Attribution frames of one sentence. The order in which the pattern families run is here, in
// one place; each family lives in a header of its own:
//   speaker_colon.hpp   "Putin: “The West is lying.”"
//   impersonal.hpp      "it is thought that", "X is seen as Y", "reportedly"
//   according_to.hpp    "according to X", "as X put it"
//   cue_nouns.hpp       "speculation mounts that", "fears that", "X's claim that"
//   adjective_cues.hpp  "X is confident that", "X was afraid that"
//   verb_cues.hpp       "X said (that) Y", "Y, X said", "said X", "X, citing Y, said"
// A token starts at most one frame: the first family that reads a pattern there takes it.
#ifndef HEARSAY_DETAIL_RULES_FRAMES_HPP
#define HEARSAY_DETAIL_RULES_FRAMES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/according_to.hpp"
#include "hearsay/detail/rules/adjective_cues.hpp"
#include "hearsay/detail/rules/cue_nouns.hpp"
#include "hearsay/detail/rules/impersonal.hpp"
#include "hearsay/detail/rules/speaker_colon.hpp"
#include "hearsay/detail/rules/token_tests.hpp"
#include "hearsay/detail/rules/verb_cues.hpp"

namespace hearsay::detail {

inline bool sentence_scan::title_case() const noexcept {
  std::size_t words = 0, capitals = 0;
  for (std::size_t k = sent.first; k < n; ++k) {
    if (!tk[k].is_word() || tk[k].quote >= 0) continue;
    ++words;
    capitals += tk[k].capitalized;
  }
  return words >= 3 && capitals * 10 >= words * 6;
}

inline std::vector<frame> engine::find_frames(doc_state& st, range sent) const {
  const token_span tk = st.tokens;
  std::vector<frame> out;
  // The last token of the sentence's text proper, before final punctuation and closing quotes.
  std::size_t body_end = sent.last;
  while (body_end > sent.first && !tk[body_end - 1].is_word() &&
         tk[body_end - 1].kind != token_kind::number) {
    --body_end;
  }
  sentence_scan sc{st, tk, sent, sent.last, body_end, out};

  speaker_colon_frame(sc);
  for (std::size_t i = sent.first; i < sc.n && out.size() < max_frames_per_sentence; ++i) {
    const token& t = tk[i];
    // Only cue words and the openers of "it is thought" and "according to" start a frame: one
    // bit, which most tokens lack, decides. Inside a quotation, only in speech (not a title).
    if (!t.is(wc_cue_word) || !t.is_word()) continue;
    if (t.quote >= 0 && st.quotes[static_cast<std::size_t>(t.quote)].words < min_speech_words)
      continue;
    if (impersonal_frame(sc, i)) continue;
    if (raising_frame(sc, i)) continue;
    if (adverb_frame(sc, i)) continue;
    if (according_to_frame(sc, i)) continue;
    if (as_put_it_frame(sc, i)) continue;
    if (cue_noun_frame(sc, i)) continue;
    if (adjective_frame(sc, i)) continue;
    verb_cue_frame(sc, i);
  }
  end_contents_at_new_clauses(sc);
  keep_quoted_frames_inside(sc);
  std::sort(out.begin(), out.end(),
            [](const frame& x, const frame& y) { return x.anchor < y.anchor; });
  return out;
}

// A frame whose cue stands inside a quotation is the speaker's own framing: its content stays
// inside the quotation.
inline void engine::keep_quoted_frames_inside(sentence_scan& sc) const {
  for (frame& f : sc.out) {
    if (f.links.empty()) continue;
    const int q = sc.tk[f.links.back().cue.first].quote;
    if (q < 0) continue;
    const quote_region& region = sc.st.quotes[static_cast<std::size_t>(q)];
    f.quote = q;
    f.content.first = std::max(f.content.first, region.first);
    f.content.last = std::min(f.content.last, region.last);
    if (f.whole) continue;
    for (range& r : f.frame_tokens) {
      r.first = std::max(r.first, region.first);
      r.last = std::min(r.last, region.last);
    }
  }
}

// A right-hand content ends where a later clause brings its own source, and where a new
// coordinated clause with its own subject begins.
inline void engine::end_contents_at_new_clauses(sentence_scan& sc) const {
  const token_span tk = sc.tk;
  std::vector<frame>& out = sc.out;
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
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_FRAMES_HPP
