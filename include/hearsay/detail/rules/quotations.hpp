// Quotations without a speaker of their own: a quote continued from the previous paragraph
// keeps its speaker; a quotation of whole sentences belongs to the latest speaker of this or the
// previous paragraph ("Onwu said the charges were false.\n\n“He has never taken a cent.”").
#ifndef HEARSAY_DETAIL_RULES_QUOTATIONS_HPP
#define HEARSAY_DETAIL_RULES_QUOTATIONS_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// The quotation is a sentence of its own: its mark opens the sentence and closes it.
inline bool whole_sentence_quote(const doc_state& st, const quote_region& region) {
  if (!region.closed || region.words == 0) return false;
  const auto& ends = st.sentence_end_token;
  const auto it = std::upper_bound(ends.begin(), ends.end(), region.open);
  const std::size_t sentence_first = it == ends.begin() ? 0 : *(it - 1);
  if (region.open != sentence_first || it == ends.end()) return false;
  std::size_t after = region.last + 1;  // past the closing mark
  while (after < *it && st.tokens[after].kind == token_kind::punct) ++after;
  return after == *it;
}

// Quotes and units are in text order and every frame's anchor lies in its own unit, so one
// forward walk serves all quotes: `before` is the latest speaking frame of the units wholly
// before the quote's unit, and only that unit's frames are searched (at most
// max_frames_per_sentence). Linear in the paragraph; a scan of every frame of the paragraph for
// each quote was quadratic in a long paragraph of quotations.
inline void engine::assign_quote_speakers(doc_state& st,
                                          const std::vector<link>& carried_quote_speaker,
                                          const std::vector<link>& last_chain, bool last_chain_near,
                                          rule_id last_chain_rule) const {
  const std::vector<std::vector<frame>>& frames = st.frames;
  const auto speaks = [](const frame& f) { return !f.whole && !f.chain.empty() && f.quote < 0; };
  const frame* before = nullptr;
  std::size_t unit = 0;
  for (std::size_t q = 0; q < st.quotes.size(); ++q) {
    if (!st.quote_speaker[q].empty()) continue;
    const quote_region& region = st.quotes[q];
    if (region.continues) {
      st.quote_speaker[q] = q == 0 ? carried_quote_speaker : st.quote_speaker[q - 1];
      st.quote_rule[q] = rule_id::quote_continued;
      continue;
    }
    // Scare quotes and titles are not speech; a whole quoted sentence is, however short.
    if (region.words < min_speech_words && !whole_sentence_quote(st, region)) continue;
    while (unit < frames.size() && st.sentence_end_token[unit] <= region.open) {
      for (const frame& f : frames[unit]) {
        if (speaks(f)) before = &f;
      }
      ++unit;
    }
    const frame* latest = before;
    if (unit < frames.size()) {
      for (const frame& f : frames[unit]) {
        if (speaks(f) && f.anchor < region.open) latest = &f;
      }
    }
    if (latest) {
      st.quote_speaker[q] = latest->chain;
      st.quote_rule[q] = rule_id::quote_earlier_speaker;
    } else if (last_chain_near) {
      st.quote_speaker[q] = last_chain;
      st.quote_rule[q] = last_chain_rule;
    }
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_QUOTATIONS_HPP
