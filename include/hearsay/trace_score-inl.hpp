// Definitions for trace_score.hpp.
#ifndef HEARSAY_TRACE_SCORE_INL_HPP
#define HEARSAY_TRACE_SCORE_INL_HPP

#include <map>
#include <unordered_map>
#include <utility>

#include "hearsay/error.hpp"
#include "hearsay/score-inl.hpp"  // detail::match_spans: SPEC 6 claim matching
#include "hearsay/trace_score.hpp"

namespace hearsay {
namespace detail {

// Do `a` and `b` hold the same outlets in the same circular order?
inline bool same_loop(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size() || a.empty()) return false;
  for (std::size_t shift = 0; shift < a.size(); ++shift) {
    bool all = true;
    for (std::size_t i = 0; i < a.size() && all; ++i) all = a[(i + shift) % a.size()] == b[i];
    if (all) return true;
  }
  return false;
}

}  // namespace detail

HEARSAY_FUNC std::vector<circular_citation> load_circular(std::string_view text,
                                                          std::string_view name) {
  std::vector<circular_citation> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    const std::size_t line_at = at;
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t i = 0;
    while (i <= line.size()) {
      std::size_t tab = line.find('\t', i);
      if (tab == std::string_view::npos) tab = line.size();
      fields.emplace_back(line.substr(i, tab - i));
      i = tab + 1;
    }
    if (fields.size() < 3) {
      throw corpus_error(error_id::invalid_structure, name, position_of(text, line_at),
                         "a circular citation needs a cluster and two outlets or more, "
                         "separated by tabs");
    }
    out.push_back({fields.front(), std::vector<std::string>(fields.begin() + 1, fields.end())});
  }
  return out;
}

HEARSAY_FUNC std::vector<circular_citation> load_circular_file(const std::string& path) {
  return load_circular(read_file(path), path);
}

HEARSAY_FUNC double trace_score::precision() const noexcept {
  return claims ? precision_sum / static_cast<double>(claims) : 1.0;
}
HEARSAY_FUNC double trace_score::recall() const noexcept {
  return claims ? recall_sum / static_cast<double>(claims) : 1.0;
}
HEARSAY_FUNC double trace_score::f1() const noexcept {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
HEARSAY_FUNC trace_score& trace_score::operator+=(const trace_score& o) noexcept {
  claims += o.claims;
  matched += o.matched;
  precision_sum += o.precision_sum;
  recall_sum += o.recall_sum;
  circular_gold += o.circular_gold;
  circular_found += o.circular_found;
  circular_predicted += o.circular_predicted;
  circular_right += o.circular_right;
  return *this;
}

HEARSAY_FUNC trace_score score_trace(const corpus& gold, const std::vector<document>& analysed,
                                     const std::vector<trace_cluster>& clusters,
                                     const std::vector<circular_citation>& circular,
                                     std::vector<trace_item>* listed) {
  if (analysed.size() != gold.documents.size()) {
    throw error("invalid_argument", error_id::invalid_argument,
                "score_trace needs one analysis per gold document");
  }
  // Each predicted claim's cluster (-1: in none, a claim without content words).
  std::unordered_map<std::string, std::size_t> doc_index;
  std::vector<std::vector<std::int64_t>> cluster_of(analysed.size());
  for (std::size_t d = 0; d < analysed.size(); ++d) {
    doc_index.emplace(analysed[d].id, d);
    cluster_of[d].assign(analysed[d].claims.size(), -1);
  }
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    for (const trace_mention& m : clusters[k].mentions) {
      const auto it = doc_index.find(m.document);
      if (it != doc_index.end() && m.claim < cluster_of[it->second].size())
        cluster_of[it->second][m.claim] = static_cast<std::int64_t>(k);
    }
  }
  // The items: labels of their gold and predicted clusters (a singleton gets a label of its own).
  std::vector<std::pair<std::string, std::int64_t>> items;
  std::int64_t next_singleton = -2;
  std::map<std::string, std::vector<std::size_t>> clusters_with_gold;  // gold name -> clusters
  trace_score out;
  for (std::size_t d = 0; d < analysed.size(); ++d) {
    const gold_document& g = gold.documents[d];
    std::vector<detail::worded_span> gold_spans, predicted_spans;
    for (const gold_claim& c : g.claims) gold_spans.push_back(detail::make_worded(g.text, c.where));
    for (const claim& c : analysed[d].claims)
      predicted_spans.push_back(detail::make_worded(g.text, c.where));
    const std::vector<std::size_t> match = detail::match_spans(gold_spans, predicted_spans);
    for (std::size_t i = 0; i < g.claims.size(); ++i) {
      const bool matched = match[i] != static_cast<std::size_t>(-1);
      if (g.claims[i].optional && !matched) continue;
      std::string label = g.claims[i].cluster.value_or("\x01" + g.id + "#" + std::to_string(i));
      std::int64_t predicted = matched ? cluster_of[d][match[i]] : -1;
      if (predicted < 0) predicted = next_singleton--;
      if (matched) ++out.matched;
      if (predicted >= 0 && g.claims[i].cluster)
        clusters_with_gold[*g.claims[i].cluster].push_back(static_cast<std::size_t>(predicted));
      if (listed) {
        listed->push_back({d, i, g.claims[i].cluster,
                           predicted >= 0 ? std::optional<std::size_t>(predicted) : std::nullopt});
      }
      items.emplace_back(std::move(label), predicted);
    }
  }
  std::map<std::string, std::size_t> gold_size;
  std::map<std::int64_t, std::size_t> predicted_size;
  std::map<std::pair<std::string, std::int64_t>, std::size_t> both;
  for (const auto& item : items) {
    ++gold_size[item.first];
    ++predicted_size[item.second];
    ++both[item];
  }
  for (const auto& item : items) {
    const auto common = static_cast<double>(both[item]);
    out.precision_sum += common / static_cast<double>(predicted_size[item.second]);
    out.recall_sum += common / static_cast<double>(gold_size[item.first]);
  }
  out.claims = items.size();

  // Circular citations: a gold loop is found when a cluster holding one of its claims reports it.
  const auto holds = [&](const std::string& name, std::size_t k) {
    const auto it = clusters_with_gold.find(name);
    return it != clusters_with_gold.end() &&
           std::find(it->second.begin(), it->second.end(), k) != it->second.end();
  };
  out.circular_gold = circular.size();
  for (const circular_citation& c : circular) {
    bool found = false;
    for (std::size_t k = 0; k < clusters.size() && !found; ++k) {
      for (const auto& loop : clusters[k].circular)
        found = found || (detail::same_loop(loop, c.outlets) && holds(c.cluster, k));
    }
    out.circular_found += found;
  }
  for (std::size_t k = 0; k < clusters.size(); ++k) {
    for (const auto& loop : clusters[k].circular) {
      ++out.circular_predicted;
      bool right = false;
      for (const circular_citation& c : circular)
        right = right || (detail::same_loop(loop, c.outlets) && holds(c.cluster, k));
      out.circular_right += right;
    }
  }
  return out;
}

}  // namespace hearsay

#endif  // HEARSAY_TRACE_SCORE_INL_HPP
