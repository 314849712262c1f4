// Definitions for score.hpp.
#ifndef HEARSAY_SCORE_INL_HPP
#define HEARSAY_SCORE_INL_HPP

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <tuple>

#include "hearsay/detail/utf8_walk.hpp"
#include "hearsay/error.hpp"
#include "hearsay/score.hpp"

namespace hearsay {
namespace detail {

inline double ratio_or_one(std::size_t num, std::size_t den) noexcept {
  return den == 0 ? 1.0 : static_cast<double>(num) / static_cast<double>(den);
}

// Return `s` clamped to a text of `size` bytes, so that a faulty prediction cannot read past it.
inline span clamp(span s, std::size_t size) noexcept {
  const std::size_t end = std::min(s.end, size);
  return span{std::min(s.begin, end), end};
}

// A span with its words: in order (for exact comparison) and sorted (for multiset comparison).
struct worded_span {
  span where;
  std::vector<std::string> in_order;
  std::vector<std::string> sorted;
};

inline worded_span make_worded(std::string_view text, span s) {
  worded_span out;
  out.where = clamp(s, text.size());
  out.in_order = words(out.where.of(text));
  out.sorted = out.in_order;
  std::sort(out.sorted.begin(), out.sorted.end());
  return out;
}

// Return the size of the multiset intersection of two sorted word lists.
inline std::size_t common_words(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) noexcept {
  std::size_t n = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

// Dice >= 0.5, in integers: 2c / (a + b) >= 1/2  <=>  4c >= a + b.
inline bool dice_at_least_half(std::size_t common, std::size_t a, std::size_t b) noexcept {
  return a + b > 0 && 4 * common >= a + b;
}

inline bool is_submultiset(const std::vector<std::string>& small,
                           const std::vector<std::string>& large) noexcept {
  return !small.empty() && common_words(small, large) == small.size();
}

struct candidate {
  std::size_t gold;
  std::size_t predicted;
  double dice;
  std::size_t distance;  // how far the edges are apart, to prefer the closer of equal pairs
};

// Pair gold and predicted spans one-to-one, best Dice first: spans must overlap and reach Dice 0.5
// on their word multisets. Spans without words match only a span at the very same place.
// Returns, for each gold item, the index of its predicted item or npos.
inline std::vector<std::size_t> match_spans(const std::vector<worded_span>& gold,
                                            const std::vector<worded_span>& predicted) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<candidate> candidates;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    const worded_span& a = gold[g];
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      const worded_span& b = predicted[p];
      const std::size_t distance =
          (a.where.begin > b.where.begin ? a.where.begin - b.where.begin
                                         : b.where.begin - a.where.begin) +
          (a.where.end > b.where.end ? a.where.end - b.where.end : b.where.end - a.where.end);
      if (a.sorted.empty() || b.sorted.empty()) {
        if (a.where == b.where) candidates.push_back({g, p, 1.0, 0});
        continue;
      }
      const bool overlap = a.where.begin < b.where.end && b.where.begin < a.where.end;
      if (!overlap) continue;
      const std::size_t common = common_words(a.sorted, b.sorted);
      if (!dice_at_least_half(common, a.sorted.size(), b.sorted.size())) continue;
      const double dice = 2.0 * static_cast<double>(common) /
                          static_cast<double>(a.sorted.size() + b.sorted.size());
      candidates.push_back({g, p, dice, distance});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const candidate& x, const candidate& y) {
    return std::tie(y.dice, x.distance, x.gold, x.predicted) <
           std::tie(x.dice, y.distance, y.gold, y.predicted);
  });
  std::vector<std::size_t> match(gold.size(), none);
  std::vector<bool> taken(predicted.size(), false);
  for (const candidate& c : candidates) {
    if (match[c.gold] != none || taken[c.predicted]) continue;
    match[c.gold] = c.predicted;
    taken[c.predicted] = true;
  }
  return match;
}

inline bool is_unspecified(const source& s) noexcept {
  return s.kind == source_kind::unspecified || s.where.empty();
}

// SPEC 6: a link's source matches on Dice >= 0.5, or when one span's words all lie in the other's.
inline bool source_matches(const gold_document& gold, const std::string& gold_id,
                           std::string_view predicted_text, const source& predicted) {
  const gold_source* g = gold_id == "_" ? nullptr : gold.find_source(gold_id);
  if (g == nullptr || is_unspecified(predicted)) return g == nullptr && is_unspecified(predicted);
  const worded_span a = make_worded(gold.text, g->where);
  const worded_span b = make_worded(predicted_text, predicted.where);
  if (a.sorted.empty() || b.sorted.empty()) return a.where == b.where;
  return dice_at_least_half(common_words(a.sorted, b.sorted), a.sorted.size(), b.sorted.size()) ||
         is_submultiset(a.sorted, b.sorted) || is_submultiset(b.sorted, a.sorted);
}

inline bool chain_matches(const gold_document& gold, const gold_claim& g, const document& predicted,
                          const claim& p) {
  if (g.chain.size() != p.chain.size()) return false;
  for (std::size_t i = 0; i < g.chain.size(); ++i) {
    if (!source_matches(gold, g.chain[i], predicted.text, p.chain[i].source)) return false;
  }
  return true;
}

inline std::string gold_chain_text(const gold_document& gold, const gold_claim& c) {
  std::string out = "[";
  for (std::size_t i = 0; i < c.chain.size(); ++i) {
    if (i > 0) out += " > ";
    const gold_source* s = c.chain[i] == "_" ? nullptr : gold.find_source(c.chain[i]);
    out += s == nullptr ? std::string("(unspecified)") : std::string(s->where.of(gold.text));
  }
  return out + "]";
}

inline std::string predicted_chain_text(const document& doc, const claim& c) {
  std::string out = "[";
  for (std::size_t i = 0; i < c.chain.size(); ++i) {
    if (i > 0) out += " > ";
    const source& s = c.chain[i].source;
    out += is_unspecified(s) ? std::string("(unspecified)")
                             : std::string(clamp(s.where, doc.text.size()).of(doc.text));
  }
  return out + "]";
}

// Index of the gold sentence that `s` overlaps most, or npos when it overlaps none.
inline std::size_t best_sentence(const std::vector<span>& sentences, span s) noexcept {
  std::size_t best = static_cast<std::size_t>(-1);
  std::size_t best_overlap = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const std::size_t begin = std::max(sentences[i].begin, s.begin);
    const std::size_t end = std::min(sentences[i].end, s.end);
    if (end > begin && end - begin > best_overlap) {
      best_overlap = end - begin;
      best = i;
    }
  }
  return best;
}

// Fill `out` with the P/R/F1 counts of two sets of keys.
template <class T>
void count_sets(std::vector<T> gold, std::vector<T> predicted, prf& out) {
  std::sort(gold.begin(), gold.end());
  gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
  std::sort(predicted.begin(), predicted.end());
  predicted.erase(std::unique(predicted.begin(), predicted.end()), predicted.end());
  std::vector<T> both;
  std::set_intersection(gold.begin(), gold.end(), predicted.begin(), predicted.end(),
                        std::back_inserter(both));
  out.correct += both.size();
  out.gold += gold.size();
  out.predicted += predicted.size();
}

}  // namespace detail

HEARSAY_FUNC double prf::precision() const noexcept {
  if (predicted == 0 && gold == 0) return 1.0;
  return predicted == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(predicted);
}

HEARSAY_FUNC double prf::recall() const noexcept {
  if (predicted == 0 && gold == 0) return 1.0;
  return gold == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(gold);
}

HEARSAY_FUNC double prf::f1() const noexcept {
  if (predicted == 0 && gold == 0) return 1.0;
  return 2.0 * static_cast<double>(correct) / static_cast<double>(predicted + gold);
}

HEARSAY_FUNC prf& prf::operator+=(const prf& other) noexcept {
  correct += other.correct;
  predicted += other.predicted;
  gold += other.gold;
  return *this;
}

HEARSAY_FUNC double accuracy::value() const noexcept {
  return detail::ratio_or_one(correct, total);
}

HEARSAY_FUNC accuracy& accuracy::operator+=(const accuracy& other) noexcept {
  correct += other.correct;
  total += other.total;
  return *this;
}

HEARSAY_FUNC double scores::status_macro_f1() const noexcept {
  double sum = 0;
  std::size_t n = 0;
  for (const prf& p : by_status) {
    if (p.gold + p.predicted == 0) continue;
    sum += p.f1();
    ++n;
  }
  return n == 0 ? 1.0 : sum / static_cast<double>(n);
}

HEARSAY_FUNC scores& scores::operator+=(const scores& other) noexcept {
  documents += other.documents;
  sentences += other.sentences;
  claims += other.claims;
  span_exact += other.span_exact;
  status += other.status;
  for (std::size_t i = 0; i < by_status.size(); ++i) by_status[i] += other.by_status[i];
  for (std::size_t g = 0; g < confusion.size(); ++g) {
    for (std::size_t p = 0; p < confusion[g].size(); ++p) confusion[g][p] += other.confusion[g][p];
  }
  chain_exact += other.chain_exact;
  end_to_end += other.end_to_end;
  alleged_sentences += other.alleged_sentences;
  cues += other.cues;
  certainty += other.certainty;
  polarity += other.polarity;
  quote += other.quote;
  return *this;
}

HEARSAY_FUNC std::string_view to_string(mistake_kind kind) noexcept {
  switch (kind) {
    case mistake_kind::missed_claim:
      return "missed claim";
    case mistake_kind::spurious_claim:
      return "spurious claim";
    case mistake_kind::wrong_status:
      return "wrong status";
    case mistake_kind::wrong_chain:
      return "wrong chain";
  }
  return "mistake";
}

HEARSAY_FUNC std::string describe(const mistake& m) {
  std::string out(to_string(m.kind));
  out += " [" + m.document + "] \"";
  out += m.kind == mistake_kind::spurious_claim ? m.predicted_text : m.gold_text;
  out += '"';
  if (m.kind == mistake_kind::wrong_status || m.kind == mistake_kind::wrong_chain) {
    if (m.predicted_text != m.gold_text) out += " (predicted \"" + m.predicted_text + "\")";
  }
  if (!m.detail.empty()) out += ": " + m.detail;
  return out;
}

HEARSAY_FUNC std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  std::size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = detail::next_code_point(text, i);
    if (c >= 0 && u_isalnum(c)) {
      detail::append_code_point(word, u_foldCase(c, U_FOLD_CASE_DEFAULT));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

HEARSAY_FUNC double word_dice(std::string_view a, std::string_view b) {
  std::vector<std::string> x = words(a);
  std::vector<std::string> y = words(b);
  if (x.empty() && y.empty()) return 0.0;
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return 2.0 * static_cast<double>(detail::common_words(x, y)) /
         static_cast<double>(x.size() + y.size());
}

HEARSAY_FUNC document_score score_document(const gold_document& gold, const document& predicted) {
  if (predicted.text != gold.text) {
    throw error("invalid_argument", error_id::invalid_argument,
                "the predicted text of document '" + gold.id + "' differs from its gold text");
  }
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  const std::string_view text = gold.text;
  document_score out;
  out.id = gold.id;
  scores& s = out.totals;
  s.documents = 1;

  // Sentences: end offsets.
  {
    std::vector<std::size_t> gold_ends, predicted_ends;
    for (const span& x : gold.sentences) gold_ends.push_back(x.end);
    for (const span& x : predicted.sentences)
      predicted_ends.push_back(std::min(x.end, text.size()));
    detail::count_sets(std::move(gold_ends), std::move(predicted_ends), s.sentences);
  }

  // Claims: one-to-one matching over all gold claims; optional ones only absorb predictions.
  std::vector<detail::worded_span> gold_spans, predicted_spans;
  for (const gold_claim& c : gold.claims) gold_spans.push_back(detail::make_worded(text, c.where));
  for (const claim& c : predicted.claims) {
    predicted_spans.push_back(detail::make_worded(text, c.where));
  }
  const std::vector<std::size_t> match = detail::match_spans(gold_spans, predicted_spans);
  std::vector<bool> absorbed(predicted.claims.size(), false);  // matched to optional gold
  std::vector<bool> matched(predicted.claims.size(), false);
  for (std::size_t g = 0; g < gold.claims.size(); ++g) {
    if (match[g] == none) continue;
    matched[match[g]] = true;
    if (gold.claims[g].optional) absorbed[match[g]] = true;
  }

  for (std::size_t g = 0; g < gold.claims.size(); ++g) {
    const gold_claim& gc = gold.claims[g];
    if (gc.optional) continue;
    ++s.claims.gold;
    ++s.by_status[static_cast<std::size_t>(gc.status)].gold;
    ++s.end_to_end.total;
    mistake m;
    m.document = gold.id;
    m.gold = gold_spans[g].where;
    m.gold_text = gold_spans[g].where.of(text);
    if (match[g] == none) {
      ++s.confusion[static_cast<std::size_t>(gc.status)][value_count<status>];
      m.kind = mistake_kind::missed_claim;
      m.detail = std::string(to_string(gc.status)) + ", chain " + detail::gold_chain_text(gold, gc);
      out.mistakes.push_back(std::move(m));
      continue;
    }
    const std::size_t p = match[g];
    const claim& pc = predicted.claims[p];
    m.predicted = predicted_spans[p].where;
    m.predicted_text = predicted_spans[p].where.of(text);
    ++s.claims.correct;
    ++s.span_exact.total;
    s.span_exact.correct += gold_spans[g].in_order == predicted_spans[p].in_order;
    const bool status_ok = gc.status == pc.status;
    ++s.status.total;
    s.status.correct += status_ok;
    s.by_status[static_cast<std::size_t>(gc.status)].correct += status_ok;
    const bool chain_ok = detail::chain_matches(gold, gc, predicted, pc);
    ++s.chain_exact.total;
    s.chain_exact.correct += chain_ok;
    s.end_to_end.correct += status_ok && chain_ok;
    ++s.confusion[static_cast<std::size_t>(gc.status)][static_cast<std::size_t>(pc.status)];
    out.outcomes.push_back({p, status_ok && chain_ok, g});
    if (gc.certainty) {
      ++s.certainty.total;
      s.certainty.correct += *gc.certainty == pc.certainty;
    }
    if (gc.polarity) {
      ++s.polarity.total;
      s.polarity.correct += *gc.polarity == pc.polarity;
    }
    if (gc.quote) {
      ++s.quote.total;
      s.quote.correct += *gc.quote == pc.quote;
    }
    if (!status_ok) {
      mistake w = m;
      w.kind = mistake_kind::wrong_status;
      w.detail = "gold " + std::string(to_string(gc.status)) + ", predicted " +
                 std::string(to_string(pc.status));
      out.mistakes.push_back(std::move(w));
    }
    if (!chain_ok) {
      m.kind = mistake_kind::wrong_chain;
      m.detail = "gold " + detail::gold_chain_text(gold, gc) + ", predicted " +
                 detail::predicted_chain_text(predicted, pc);
      out.mistakes.push_back(std::move(m));
    }
  }

  for (std::size_t p = 0; p < predicted.claims.size(); ++p) {
    if (absorbed[p]) continue;
    ++s.claims.predicted;
    ++s.by_status[static_cast<std::size_t>(predicted.claims[p].status)].predicted;
    if (!matched[p]) {
      ++s.confusion[value_count<status>][static_cast<std::size_t>(predicted.claims[p].status)];
      mistake m;
      m.kind = mistake_kind::spurious_claim;
      m.document = gold.id;
      m.predicted = predicted_spans[p].where;
      m.predicted_text = predicted_spans[p].where.of(text);
      m.detail = std::string(to_string(predicted.claims[p].status)) + ", chain " +
                 detail::predicted_chain_text(predicted, predicted.claims[p]);
      out.mistakes.push_back(std::move(m));
    }
  }

  // Alleged sentences, over the gold sentences: a prediction counts for the gold sentence its
  // claim overlaps most (segmentation errors are scored once, above). A sentence whose only
  // alleged gold claims are optional is left out on both sides.
  {
    std::vector<std::size_t> gold_alleged, optional_only, predicted_alleged;
    for (const gold_claim& c : gold.claims) {
      if (c.status != status::alleged) continue;
      (c.optional ? optional_only : gold_alleged).push_back(c.sentence);
    }
    std::sort(gold_alleged.begin(), gold_alleged.end());
    const auto left_out = [&](std::size_t sentence) {
      return std::find(optional_only.begin(), optional_only.end(), sentence) !=
                 optional_only.end() &&
             !std::binary_search(gold_alleged.begin(), gold_alleged.end(), sentence);
    };
    for (std::size_t p = 0; p < predicted.claims.size(); ++p) {
      if (predicted.claims[p].status != status::alleged) continue;
      std::size_t sentence = detail::best_sentence(gold.sentences, predicted_spans[p].where);
      // Outside every gold sentence: a sentence of its own, which no gold sentence can match.
      if (sentence == none) sentence = gold.sentences.size() + predicted.claims[p].sentence;
      if (!left_out(sentence)) predicted_alleged.push_back(sentence);
    }
    detail::count_sets(std::move(gold_alleged), std::move(predicted_alleged), s.alleged_sentences);
  }

  // Cues: every distinct non-empty cue span of every predicted link.
  {
    std::vector<span> cue_spans;
    for (const claim& c : predicted.claims) {
      for (const link& l : c.chain) {
        const span where = detail::clamp(l.cue.where, text.size());
        if (!where.empty()) cue_spans.push_back(where);
      }
    }
    std::sort(cue_spans.begin(), cue_spans.end(),
              [](span a, span b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    cue_spans.erase(std::unique(cue_spans.begin(), cue_spans.end()), cue_spans.end());
    std::vector<detail::worded_span> gold_cues, predicted_cues;
    for (const span& x : gold.cues) gold_cues.push_back(detail::make_worded(text, x));
    for (const span& x : cue_spans) predicted_cues.push_back(detail::make_worded(text, x));
    const std::vector<std::size_t> cue_match = detail::match_spans(gold_cues, predicted_cues);
    s.cues.gold = gold_cues.size();
    s.cues.predicted = predicted_cues.size();
    s.cues.correct = static_cast<std::size_t>(std::count_if(
        cue_match.begin(), cue_match.end(), [&](std::size_t x) { return x != none; }));
  }

  std::stable_sort(out.mistakes.begin(), out.mistakes.end(),
                   [](const mistake& a, const mistake& b) {
                     const std::size_t x = a.gold ? a.gold->begin : a.predicted->begin;
                     const std::size_t y = b.gold ? b.gold->begin : b.predicted->begin;
                     return x < y;
                   });
  return out;
}

HEARSAY_FUNC document gold_as_document(const gold_document& gold) {
  document out;
  out.id = gold.id;
  out.text = gold.text;
  out.sentences = gold.sentences;
  const auto distance = [](span a, span b) {
    return a.end <= b.begin ? b.begin - a.end : (b.end <= a.begin ? a.begin - b.end : 0);
  };
  for (const gold_claim& g : gold.claims) {
    if (g.optional) continue;
    claim c;
    c.sentence = g.sentence;
    c.where = g.where;
    c.status = g.status;
    c.certainty = g.certainty.value_or(certainty::certain);
    c.polarity = g.polarity.value_or(polarity::positive);
    c.quote = g.quote.value_or(quote_kind::none);
    const span sentence = g.sentence < gold.sentences.size() ? gold.sentences[g.sentence] : g.where;
    for (const std::string& id : g.chain) {
      link l;
      const gold_source* s = id == "_" ? nullptr : gold.find_source(id);
      if (s != nullptr) {
        l.source.where = s->where;
        l.source.kind = s->kind;
        l.source.named = s->named;
      } else {
        l.source.where = {g.where.begin, g.where.begin};
      }
      std::size_t best = gold.cues.size();
      for (std::size_t k = 0; k < gold.cues.size(); ++k) {
        const span cue_span = gold.cues[k];
        if (cue_span.begin < sentence.begin || cue_span.end > sentence.end) continue;
        if (best == gold.cues.size() ||
            distance(cue_span, l.source.where) < distance(gold.cues[best], l.source.where)) {
          best = k;
        }
      }
      if (best != gold.cues.size()) {
        l.cue.where = gold.cues[best];
      }
      c.chain.push_back(std::move(l));
    }
    out.claims.push_back(std::move(c));
  }
  return out;
}

}  // namespace hearsay

#endif  // HEARSAY_SCORE_INL_HPP
