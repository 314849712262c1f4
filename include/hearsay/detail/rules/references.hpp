// References: the mentions a pronoun or a short mention ("the ministry") may stand for, and
// sources made from token ranges with their kind and reference.
#ifndef HEARSAY_DETAIL_RULES_REFERENCES_HPP
#define HEARSAY_DETAIL_RULES_REFERENCES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// "he", "they", "the ministry", "the broadcaster": the nearest earlier fitting full mention.
inline std::optional<span> engine::resolve_reference(const doc_state& st, range r,
                                                     source_kind kind) const {
  const token_span tk = st.tokens;
  if (r.empty()) return std::nullopt;
  const token& first = tk[r.first];
  const bool pronoun = r.last - r.first == 1 && first.is(wc_pronoun);
  std::string_view head;
  if (!pronoun) {
    if (!(first.lower_is("the") || first.lower_is("this"))) return std::nullopt;
    for (std::size_t k = r.first + 1; k < r.last; ++k) {
      if (tk[k].capitalized && !tk[k].is(wc_nationality)) return std::nullopt;  // a name itself
    }
    const token& last = tk[r.last - 1];
    if (!last.is(wc_back_reference)) return std::nullopt;
    head = last.lower;
  }
  const span self{tk[r.first].where().begin, tk[r.last - 1].where().end};
  // Look back over a bounded window of mentions: references reach a few paragraphs, and an
  // unbounded search would make long documents quadratic.
  const auto stop =
      st.mentions.size() > mention_window
          ? st.mentions.rend() - static_cast<std::ptrdiff_t>(st.mentions.size() - mention_window)
          : st.mentions.rend();
  std::string lower;  // one buffer for every mention looked at
  for (auto it = st.mentions.rbegin(); it != stop; ++it) {
    if (it->where.begin >= self.begin || !it->named) continue;
    if (pronoun) {
      const bool fits = first.is(wc_person_pronoun) ? it->kind == source_kind::person
                        : first.is(wc_thing_pronoun)
                            ? it->kind != source_kind::person && it->kind != source_kind::group
                            : it->kind != source_kind::person;
      if (fits) return it->where;
      continue;
    }
    // The mention has the kind, or names the head word ("Foreign Ministry" for "the ministry").
    if (it->kind == kind) return it->where;
    lower.clear();
    append_lower(it->where.of(st.text), lower);
    if (lower.find(head) != std::string::npos) return it->where;
  }
  return std::nullopt;
}

inline source engine::make_source(doc_state& st, range r) const {
  source out;
  if (r.empty()) return out;  // unspecified, empty span
  out.where = span{st.tokens[r.first].where().begin, st.tokens[r.last - 1].where().end};
  out.kind = classify(st, r, out.named);
  out.refers_to = resolve_reference(st, r, out.kind);
  if (out.named) st.mentions.push_back(mention{out.where, out.kind, true});
  return out;
}

// Runs of capitalised words ("Russian President Vladimir Putin") that later short mentions may
// stand for.
inline void engine::add_mentions(doc_state& st, range sent) const {
  const token_span tk = st.tokens;
  std::size_t k = sent.first;
  while (k < sent.last) {
    if (!tk[k].capitalized) {  // only words are capitalized
      ++k;
      continue;
    }
    std::size_t e = k;
    while (e < sent.last && tk[e].capitalized) ++e;
    const range r{k, e};
    if (e - k >= 2 || data().find_name(tk[k].text, tk[k].text8)) {
      bool named = false;
      const source_kind kind = classify(st, r, named);
      if (named)
        st.mentions.push_back(
            mention{span{tk[k].where().begin, tk[e - 1].where().end}, kind, true});
    }
    k = e;
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_REFERENCES_HPP
