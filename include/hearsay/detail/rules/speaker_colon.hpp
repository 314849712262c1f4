// Speaker-colon frames: a short name, a colon, and what the named one says.
#ifndef HEARSAY_DETAIL_RULES_SPEAKER_COLON_HPP
#define HEARSAY_DETAIL_RULES_SPEAKER_COLON_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// "Putin: “The West is lying.”": a short name, a colon and a quotation.
inline void engine::speaker_colon_frame(sentence_scan& sc) const {
  const token_span tk = sc.tk;
  const range sent = sc.sent;
  const std::size_t n = sc.n;
  for (std::size_t c = sent.first + 1; c + 1 < n && c <= sent.first + 5; ++c) {
    if (!tk[c].is_punct(":")) continue;
    const bool opens = tk[c + 1].kind == token_kind::punct &&
                       (is_open_quote(tk[c + 1]) || is_straight_quote(tk[c + 1]));
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
      sc.out.push_back(std::move(f));
    }
    break;
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_SPEAKER_COLON_HPP
