// Chains: the frames of a sentence nested (a frame whose cue lies in another's content is
// inside it), and each link's source resolved.
#ifndef HEARSAY_DETAIL_RULES_CHAINS_HPP
#define HEARSAY_DETAIL_RULES_CHAINS_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

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
    if (chain.size() > limits::chain_links) {  // the outermost links are kept
      chain.erase(chain.begin() + static_cast<std::ptrdiff_t>(limits::chain_links), chain.end());
    }
    f.chain = std::move(chain);
    state[a] = 2;
  };
  for (std::size_t a = 0; a < frames.size(); ++a) resolve(resolve, a);
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_CHAINS_HPP
