// Which outlets of a feed a source's words name ("the Harbour Ledger", "Ledger", "Both the
// Lakeshore Herald and HealthBeat Daily"), and the loops of citations between outlets that make a
// circular citation, and a cluster's distinct innermost sources (trace.hpp). Outlet graphs are
// per cluster and small.
#ifndef HEARSAY_DETAIL_TRACE_OUTLETS_HPP
#define HEARSAY_DETAIL_TRACE_OUTLETS_HPP

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/detail/unicode.hpp"
#include "hearsay/detail/utf8_walk.hpp"
#include "hearsay/trace.hpp"

namespace hearsay::detail {

/// A word of a name: its case fold, and whether it was written with a capital.
struct name_word {
  std::string folded;
  bool capital = false;
  friend bool operator==(const name_word&, const name_word&) = default;
};

/// Return the words (runs of letters and digits) of `text`, case-folded.
inline std::vector<name_word> name_words(std::string_view text) {
  std::vector<name_word> out;
  bool in_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = next_cp(text, i);
    if (c < 0 || !u_isalnum(c)) {
      in_word = false;
      continue;
    }
    if (!in_word) out.push_back({std::string(), u_isupper(c) || u_istitle(c) || u_isdigit(c)});
    in_word = true;
    append_code_point(out.back().folded, u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return out;
}

/// The outlets of a feed, by the words of their names (a leading "the" left out).
class outlet_names {
 public:
  explicit outlet_names(const std::vector<std::string>& outlets) {
    for (const std::string& o : outlets) {
      std::vector<std::string> words;
      for (name_word& w : name_words(o)) words.push_back(std::move(w.folded));
      if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
      words_.push_back(std::move(words));
    }
  }

  /// Add to `out` the outlets `text` names: by their whole names, else by short forms (the last
  /// words of one outlet's name, capitalised, standing alone: "the Ledger" for "Harbour Ledger").
  /// A short form that ends more than one outlet's name names none.
  void named_in(std::string_view text, std::vector<std::size_t>& out) const {
    const std::vector<name_word> words = name_words(text);
    const std::size_t before = out.size();
    for (std::size_t o = 0; o < words_.size(); ++o) {
      if (!words_[o].empty() && find_run(words, words_[o], 0) != npos) out.push_back(o);
    }
    if (out.size() > before) return;
    for (std::size_t p = 0; p < words.size(); ++p) {
      if (!words[p].capital || (p > 0 && words[p - 1].capital && words[p - 1].folded != "the"))
        continue;
      std::size_t found = npos, count = 0;
      for (std::size_t o = 0; o < words_.size(); ++o) {
        if (short_form_at(words, p, words_[o])) found = o, ++count;
      }
      if (count == 1) out.push_back(found);
    }
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  static std::size_t find_run(const std::vector<name_word>& words,
                              const std::vector<std::string>& name, std::size_t from) {
    for (std::size_t p = from; p + name.size() <= words.size(); ++p) {
      bool all = true;
      for (std::size_t k = 0; k < name.size() && all; ++k) all = words[p + k].folded == name[k];
      if (all) return p;
    }
    return npos;
  }

  // Do the last words of `name` (not all of them) stand at words[p], capitalised, and end there?
  static bool short_form_at(const std::vector<name_word>& words, std::size_t p,
                            const std::vector<std::string>& name) {
    for (std::size_t k = name.size() - 1; k >= 1; --k) {
      const std::size_t first = name.size() - k;
      if (p + k > words.size()) continue;
      bool all = true;
      for (std::size_t j = 0; j < k && all; ++j) {
        all = words[p + j].capital && words[p + j].folded == name[first + j];
      }
      if (all && (p + k == words.size() || !words[p + k].capital)) return true;
    }
    return false;
  }

  std::vector<std::vector<std::string>> words_;
};

/// Return the elementary cycles of the directed graph `next` (node -> its successors), each
/// starting at its smallest node, at most `limit` of them: the loops of citations.
inline std::vector<std::vector<std::size_t>> elementary_cycles(
    const std::vector<std::vector<std::size_t>>& next, std::size_t limit = 64) {
  std::vector<std::vector<std::size_t>> out;
  std::vector<std::size_t> path;
  std::vector<bool> on_path(next.size(), false);
  std::size_t steps = 0;  // a dense graph has exponentially many cycles: stop looking in time
  const auto walk = [&](auto&& self, std::size_t start, std::size_t node) -> void {
    for (const std::size_t n : next[node]) {
      if (out.size() >= limit || ++steps > 100000) return;
      if (n == start) {
        out.push_back(path);
      } else if (n > start && !on_path[n]) {
        on_path[n] = true;
        path.push_back(n);
        self(self, start, n);
        path.pop_back();
        on_path[n] = false;
      }
    }
  };
  for (std::size_t s = 0; s < next.size() && out.size() < limit; ++s) {
    path.assign(1, s);
    on_path[s] = true;
    walk(walk, s, s);
    on_path[s] = false;
  }
  return out;
}

// The case-folded words of a source, one space between: what tells two sources apart.
inline std::string source_key(std::string_view text) {
  std::string out;
  for (const name_word& w : name_words(text)) {
    if (!out.empty()) out += ' ';
    out += w.folded;
  }
  return out;
}

// The distinct innermost sources of a cluster's mentions, most mentions first.
inline std::vector<trace_source> innermost_sources(const std::vector<trace_mention>& mentions) {
  std::vector<trace_source> out;
  std::vector<std::string> keys;
  for (const trace_mention& m : mentions) {
    if (m.chain.empty()) continue;
    const trace_link& l = m.chain.back();
    const std::string& text = l.refers_to.empty() ? l.source : l.refers_to;
    const std::string key = source_key(text);
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it != keys.end()) {
      ++out[static_cast<std::size_t>(it - keys.begin())].mentions;
      continue;
    }
    keys.push_back(key);
    out.push_back({text, l.kind, 1});
  }
  std::stable_sort(out.begin(), out.end(), [](const trace_source& x, const trace_source& y) {
    return x.mentions > y.mentions;
  });
  return out;
}

// The loops of citations among a cluster's outlets: an edge from a mention's outlet to the
// outlets named by the outermost link of its chain that names another outlet of the feed.
inline std::vector<std::vector<std::string>> circular_citations(
    const std::vector<trace_mention>& mentions, const std::vector<std::string>& outlets,
    const outlet_names& names) {
  std::vector<std::size_t> nodes;  // feed outlet indices, sorted by name below
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  std::vector<std::size_t> named;
  for (const trace_mention& m : mentions) {
    if (!m.outlet) continue;
    const std::size_t from = static_cast<std::size_t>(
        std::find(outlets.begin(), outlets.end(), *m.outlet) - outlets.begin());
    for (const trace_link& l : m.chain) {
      named.clear();
      names.named_in(l.source, named);
      if (!l.refers_to.empty()) names.named_in(l.refers_to, named);
      std::erase(named, from);
      for (const std::size_t to : named) edges.emplace_back(from, to);
      if (!named.empty()) break;
    }
  }
  if (edges.empty()) return {};
  for (const auto& [from, to] : edges) nodes.push_back(from), nodes.push_back(to);
  std::sort(nodes.begin(), nodes.end(),
            [&](std::size_t x, std::size_t y) { return outlets[x] < outlets[y]; });
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  const auto node_of = [&](std::size_t outlet) {
    return static_cast<std::size_t>(std::find(nodes.begin(), nodes.end(), outlet) - nodes.begin());
  };
  std::vector<std::vector<std::size_t>> next(nodes.size());
  for (const auto& [from, to] : edges) next[node_of(from)].push_back(node_of(to));
  for (auto& n : next) {
    std::sort(n.begin(), n.end());
    n.erase(std::unique(n.begin(), n.end()), n.end());
  }
  std::vector<std::vector<std::string>> out;
  for (const std::vector<std::size_t>& cycle : elementary_cycles(next)) {
    std::vector<std::string> loop;
    for (const std::size_t n : cycle) loop.push_back(outlets[nodes[n]]);
    out.push_back(std::move(loop));
  }
  return out;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_TRACE_OUTLETS_HPP
