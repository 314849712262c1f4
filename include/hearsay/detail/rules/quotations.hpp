// Quotations without a speaker of their own: a quote continued from the previous paragraph
// keeps its speaker; a quotation of whole sentences belongs to the latest speaker of this or the
// previous paragraph ("Onwu said the charges were false.\n\n“He has never taken a cent.”").
#ifndef HEARSAY_DETAIL_RULES_QUOTATIONS_HPP
#define HEARSAY_DETAIL_RULES_QUOTATIONS_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

inline void engine::assign_quote_speakers(doc_state& st,
                                          const std::vector<link>& carried_quote_speaker,
                                          const std::vector<link>& last_chain,
                                          bool last_chain_near) const {
  const std::vector<std::vector<frame>>& frames = st.frames;
  for (std::size_t q = 0; q < st.quotes.size(); ++q) {
    if (!st.quote_speaker[q].empty()) continue;
    const quote_region& region = st.quotes[q];
    if (region.continues) {
      st.quote_speaker[q] = q == 0 ? carried_quote_speaker : st.quote_speaker[q - 1];
      continue;
    }
    if (region.words < min_speech_words) continue;  // scare quotes and titles are not speech
    const frame* latest = nullptr;
    for (const auto& fs : frames) {
      for (const frame& f : fs) {
        if (!f.whole && !f.chain.empty() && f.quote < 0 && f.anchor < region.open) latest = &f;
      }
    }
    if (latest) {
      st.quote_speaker[q] = latest->chain;
    } else if (last_chain_near) {
      st.quote_speaker[q] = last_chain;
    }
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_QUOTATIONS_HPP
