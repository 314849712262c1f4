// Confidence (SPEC 7): the estimated probability that a claim's status and chain are both right,
// from a logistic model over what the rule saw. Its weights are data (data/confidence.en.tsv),
// fitted by scripts/fit_confidence.py on the development gold from the features that
// `hearsay eval --features` writes; the same function below names the features for both.
#ifndef HEARSAY_DETAIL_CONFIDENCE_HPP
#define HEARSAY_DETAIL_CONFIDENCE_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"

namespace hearsay::detail {

// Pronouns that stand for a source named elsewhere.
inline bool is_pronoun_text(std::string_view s) {
  static constexpr std::string_view pronouns[] = {"he", "she", "they", "it", "i", "we", "you",
                                                  "He", "She", "They", "It", "I", "We", "You"};
  for (const std::string_view p : pronouns) {
    if (s == p) return true;
  }
  return false;
}

/// Call `f` with the name of every feature of claim `c` of `doc` (the names of
/// data/confidence.en.tsv), without allocating: names are built in a small buffer.
template <class F>
void for_each_confidence_feature(const document& doc, const claim& c, F&& f) {
  char buffer[96];
  const auto joined = [&](std::string_view a, std::string_view b) {
    const std::size_t n = std::min(a.size() + b.size(), sizeof buffer);
    std::copy(a.begin(), a.end(), buffer);
    std::copy(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n - a.size()), buffer + a.size());
    return std::string_view(buffer, n);
  };
  f(std::string_view("bias"));
  f(joined("rule=", to_string(c.evidence.rule)));
  f(std::string_view(c.chain.empty() ? "chain=0" : c.chain.size() == 1 ? "chain=1" : "chain=2+"));
  f(joined("status=", to_string(c.status)));
  f(joined("quote=", to_string(c.quote)));
  if (!c.chain.empty()) {
    const source& s = c.chain.back().source;
    if (is_pronoun_text(doc.view(s.where))) {
      f(std::string_view(s.refers_to ? "pronoun-source" : "unresolved-pronoun"));
    }
    if (s.named) f(std::string_view("named-source"));
    if (c.chain.back().cue.lemma == "say" || c.chain.back().cue.lemma == "tell") {
      f(std::string_view("cue=say"));
    }
  }
  // Short and long contents are cut more often in the wrong place.
  const std::size_t bytes = c.where.size();
  if (bytes < 25) f(std::string_view("short-claim"));
  if (bytes > 220) f(std::string_view("long-claim"));
  if (c.sentence < doc.sentences.size() && doc.sentences[c.sentence].size() > 400) {
    f(std::string_view("long-sentence"));  // about sixty words
  }
  if (c.sentence == 0) f(std::string_view("headline"));
}

/// The features of claim `c` of `doc` as strings (for `hearsay eval --features`).
inline std::vector<std::string> confidence_features(const document& doc, const claim& c) {
  std::vector<std::string> out;
  for_each_confidence_feature(doc, c, [&](std::string_view name) { out.emplace_back(name); });
  return out;
}

/// The fitted weights; an empty model gives every claim 0.5. The names are resolved once, when
/// the model is read, into tables indexed by the feature's value: predicting reads a few of them
/// (no string is built or looked up per claim).
class confidence_model {
 public:
  /// Read "name<TAB>weight" lines; '#' starts a comment. Lines that do not parse are skipped.
  static confidence_model from_tsv(std::string_view tsv) {
    std::map<std::string, double, std::less<>> weights;
    std::size_t at = 0;
    while (at < tsv.size()) {
      std::size_t end = tsv.find('\n', at);
      if (end == std::string_view::npos) end = tsv.size();
      const std::string_view line = tsv.substr(at, end - at);
      at = end + 1;
      if (line.empty() || line.front() == '#') continue;
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      const std::string value(line.substr(tab + 1));
      char* stop = nullptr;
      const double w = std::strtod(value.c_str(), &stop);
      if (stop == value.c_str()) continue;
      weights[std::string(line.substr(0, tab))] = w;
    }
    confidence_model m;
    m.empty_ = weights.empty();
    const auto weight = [&](std::string_view name) {
      const auto it = weights.find(name);
      return it == weights.end() ? 0.0 : it->second;
    };
    m.bias_ = weight("bias");
    for (std::size_t r = 0; r < value_count<rule_id>; ++r) {
      m.rule_[r] = weight("rule=" + std::string(to_string(static_cast<rule_id>(r))));
    }
    m.chain_ = {weight("chain=0"), weight("chain=1"), weight("chain=2+")};
    for (std::size_t v = 0; v < value_count<status>; ++v) {
      m.status_[v] = weight("status=" + std::string(to_string(static_cast<status>(v))));
    }
    for (std::size_t v = 0; v < value_count<quote_kind>; ++v) {
      m.quote_[v] = weight("quote=" + std::string(to_string(static_cast<quote_kind>(v))));
    }
    m.pronoun_ = weight("pronoun-source");
    m.unresolved_ = weight("unresolved-pronoun");
    m.named_ = weight("named-source");
    m.say_ = weight("cue=say");
    m.short_ = weight("short-claim");
    m.long_claim_ = weight("long-claim");
    m.long_sentence_ = weight("long-sentence");
    m.headline_ = weight("headline");
    return m;
  }

  /// Return the probability for claim `c` of `doc`, rounded to three decimals. The features are
  /// those for_each_confidence_feature names (a test keeps the two in agreement).
  float predict(const document& doc, const claim& c) const {
    if (empty_) return 0.5f;
    double z = bias_ + rule_[static_cast<std::size_t>(c.evidence.rule)] +
               chain_[std::min<std::size_t>(c.chain.size(), 2)] +
               status_[static_cast<std::size_t>(c.status)] +
               quote_[static_cast<std::size_t>(c.quote)];
    if (!c.chain.empty()) {
      const source& s = c.chain.back().source;
      if (is_pronoun_text(doc.view(s.where))) z += s.refers_to ? pronoun_ : unresolved_;
      if (s.named) z += named_;
      if (c.chain.back().cue.lemma == "say" || c.chain.back().cue.lemma == "tell") z += say_;
    }
    const std::size_t bytes = c.where.size();
    if (bytes < 25) z += short_;
    if (bytes > 220) z += long_claim_;
    if (c.sentence < doc.sentences.size() && doc.sentences[c.sentence].size() > 400) {
      z += long_sentence_;
    }
    if (c.sentence == 0) z += headline_;
    const double p = 1 / (1 + std::exp(-z));
    return static_cast<float>(std::round(p * 1000) / 1000);
  }

 private:
  bool empty_ = true;
  double bias_ = 0;
  std::array<double, value_count<rule_id>> rule_{};
  std::array<double, 3> chain_{}, status_{}, quote_{};
  double pronoun_ = 0, unresolved_ = 0, named_ = 0, say_ = 0, short_ = 0, long_claim_ = 0;
  double long_sentence_ = 0, headline_ = 0;
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_CONFIDENCE_HPP
