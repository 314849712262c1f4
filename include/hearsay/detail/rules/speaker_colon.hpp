// Speaker-colon frames: a short name, a colon, and what the named one says (SPEC 1: "X: Y"
// attributes Y to X, the colon its cue).
//   "Putin: “The West is lying.”"           a quotation after the colon, anywhere
//   "Sanders: Clinton needs to change"      a headline or a paragraph's first sentence
//   "WALLACE: Let's start with the news."   a transcript turn: the label in capitals speaks for
//                                           the whole paragraph (document_pass.hpp)
#ifndef HEARSAY_DETAIL_RULES_SPEAKER_COLON_HPP
#define HEARSAY_DETAIL_RULES_SPEAKER_COLON_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// Every word of the label in capitals ("WALLACE", "SEN. KAINE"): a transcript's turn.
inline bool capitals_label(token_span tk, std::size_t first, std::size_t colon) {
  for (std::size_t k = first; k < colon; ++k) {
    if (!tk[k].is_word()) continue;
    for (const char ch : tk[k].text) {
      if (ch >= 'a' && ch <= 'z') return false;
    }
    if (tk[k].text.size() < 2) return false;
  }
  return true;
}

// A speaker label: capitalised words (and initials' full stops), none of them a label word
// ("Exclusive", "Update", "Note"), nor a pronoun or determiner.
inline bool speaker_label(token_span tk, std::size_t first, std::size_t colon) {
  std::size_t words = 0;
  for (std::size_t k = first; k < colon; ++k) {
    if (tk[k].is_punct(".") || tk[k].is_punct("-")) continue;
    if (!tk[k].capitalized || tk[k].is(wc_label | wc_pronoun | wc_determiner | wc_preposition))
      return false;
    ++words;
  }
  // A topic is no speaker: "Data Breach: …" ends on a common word the treebank knows as one,
  // where "Sanders: …", "PENCE: …" and "Ministry: …" end on a name or a source noun.
  const token& head = tk[colon - 1];
  if (head.is(wc_part_of_speech) && !head.is(wc_source_noun) && !capitals_label(tk, first, colon))
    return false;
  return words >= 1 && words <= 4;
}

inline void engine::speaker_colon_frame(sentence_scan& sc) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  // A transcript may open each turn with a stray quotation mark ("\"WALLACE: …").
  const std::size_t first = sent.first + (sent.first < n && is_quote_mark(tk[sent.first]) ? 1 : 0);
  for (std::size_t c = first + 1; c + 1 < n && c <= first + 5; ++c) {
    if (!tk[c].is_punct(":")) continue;
    if (!speaker_label(tk, first, c)) break;
    const bool opens = tk[c + 1].kind == token_kind::punct &&
                       (is_open_quote(tk[c + 1]) || is_straight_quote(tk[c + 1]));
    // Without a quotation, only where a headline or a turn stands: the paragraph's first
    // sentence, with a clause of some words after the colon.
    std::size_t words = 0;
    for (std::size_t k = c + 1; k < n; ++k) words += tk[k].is_word();
    const bool turn = sent.first == 0 && capitals_label(tk, first, c);
    if (!opens && !(sent.first == 0 && words >= 3)) break;
    frame f;
    f.links.push_back(proto_link{{first, c}, {c, c + 1}, "say", cue_class::report});
    f.frame_tokens.push_back({sent.first, c + 1});
    f.content = {c + 1, n};
    f.anchor = sent.first;
    f.turn = turn;
    f.rule = turn    ? rule_id::speaker_colon_turn
             : opens ? rule_id::speaker_colon_quote
                     : rule_id::speaker_colon_headline;
    sc.out.push_back(std::move(f));
    break;
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_SPEAKER_COLON_HPP
