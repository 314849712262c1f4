// Definitions for check.hpp.
#ifndef HEARSAY_CHECK_INL_HPP
#define HEARSAY_CHECK_INL_HPP

#include <algorithm>

#include "hearsay/check.hpp"
#include "hearsay/detail/same_content.hpp"
#include "hearsay/error.hpp"
#include "hearsay/match-inl.hpp"  // the word scanner (detail::scan_words)
#include "hearsay/text.hpp"

namespace hearsay {

HEARSAY_FUNC std::string_view to_string(verdict value) noexcept {
  switch (value) {
    case verdict::asserted:
      return "asserted";
    case verdict::denied:
      return "denied";
    case verdict::conflicting:
      return "conflicting";
    case verdict::attributed:
      return "attributed";
    case verdict::speculative:
      return "speculative";
    case verdict::not_found:
      return "not_found";
  }
  return "not_found";
}

HEARSAY_FUNC bool parse(std::string_view text, verdict& out) noexcept {
  for (std::size_t i = 0; i < value_count<verdict>; ++i) {
    const auto v = static_cast<verdict>(i);
    if (text == to_string(v)) {
      out = v;
      return true;
    }
  }
  return false;
}

namespace detail {

// A query is negative when one of its words negates: the negation words of data/lexicon.xml
// ("not", "never", "no", "without", "didn't"), which decide a claim's polarity too.
inline polarity query_polarity(std::string_view text) {
  std::vector<raw_word> words;
  scan_words(text, span{0, text.size()}, words);
  std::string folded;
  for (std::size_t i = 0; i < words.size(); ++i) {
    fold_into(text.substr(words[i].begin, words[i].end - words[i].begin), folded);
    for (const std::string_view negator : {"not", "no", "never", "nothing", "none", "nobody",
                                           "neither", "nor", "nowhere", "without", "cannot"}) {
      if (folded == negator) return polarity::negative;
    }
    // "didn't", "won't": a "t" after an apostrophe.
    if (folded == "t" && i > 0 && apostrophe_at(text, words[i - 1].end) &&
        words[i - 1].end + apostrophe_at(text, words[i - 1].end) == words[i].begin) {
      return polarity::negative;
    }
  }
  return polarity::positive;
}

inline std::vector<span> mark_spans(const std::vector<content::mark>& marks) {
  std::vector<span> out;
  for (const content::mark& m : marks) out.push_back(m.where);
  return out;
}

}  // namespace detail

HEARSAY_FUNC claim_query::claim_query(std::string text, std::string_view language)
    : text_(std::move(text)) {
  if (const utf8_check valid = check_utf8(text_); !valid) {
    throw encoding_error(valid.offset, valid.reason, "query");
  }
  content_options options;
  options.language = language;
  content_ = content_of(text_, options);
  if (text_.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw error("query_error", error_id::invalid_query, "the query is empty");
  }
  if (content_.empty()) {
    throw error("query_error", error_id::invalid_query,
                "the query \"" + text_ + "\" has no content word (only stop words)");
  }
  polarity_ = detail::query_polarity(text_);
}

HEARSAY_FUNC const claim_hit* document_check::attribution(const hearsay::document& doc,
                                                          polarity p) const noexcept {
  for (const claim_hit& h : matches) {
    const claim& c = doc.claims[h.claim];
    if (c.status == status::reported && c.polarity == p) return &h;
  }
  return nullptr;
}

namespace detail {

// Record claim `i`'s relation to the query in `out`, when it matches or conflicts.
inline void add_hit(const claim_query& query, const content& words, std::size_t i,
                    document_check& out) {
  content_comparison cmp = compare(query.content(), words);
  if (cmp.relation == content_relation::none) return;
  claim_hit hit{i, cmp.score, {}, {}};
  if (cmp.relation == content_relation::conflict) {
    hit.query_values = mark_spans(cmp.only_in_a);
    hit.claim_values = mark_spans(cmp.only_in_b);
    out.conflicts.push_back(std::move(hit));
  } else {
    out.matches.push_back(std::move(hit));
  }
}

// Sort the hits (best score first, claim order on a tie) and decide SPEC 9's verdicts, each at
// most once, in its order.
inline void decide_verdicts(const claim_query& query, const document& doc, document_check& out) {
  const auto by_score = [](const claim_hit& a, const claim_hit& b) { return a.score > b.score; };
  std::stable_sort(out.matches.begin(), out.matches.end(), by_score);
  std::stable_sort(out.conflicts.begin(), out.conflicts.end(), by_score);
  bool found[value_count<verdict>] = {};
  for (const claim_hit& h : out.matches) {
    const claim& c = doc.claims[h.claim];
    if (c.polarity != query.polarity()) {
      found[static_cast<std::size_t>(verdict::denied)] = true;
    } else if (c.status == status::confirmed) {
      found[static_cast<std::size_t>(verdict::asserted)] = true;
    } else if (c.status == status::reported) {
      found[static_cast<std::size_t>(verdict::attributed)] = true;
    } else {
      found[static_cast<std::size_t>(verdict::speculative)] = true;
    }
  }
  found[static_cast<std::size_t>(verdict::conflicting)] = !out.conflicts.empty();
  out.verdicts.clear();
  for (std::size_t v = 0; v + 1 < value_count<verdict>; ++v) {
    if (found[v]) out.verdicts.push_back(static_cast<verdict>(v));
  }
  if (out.verdicts.empty()) out.verdicts.push_back(verdict::not_found);
}

}  // namespace detail

HEARSAY_FUNC document_check check(const claim_query& query, const document& doc,
                                  std::size_t index) {
  document_check out;
  out.document = index;
  detail::claim_contents contents(doc, detail::headline_end(doc));
  for (std::size_t i = 0; i < doc.claims.size(); ++i)
    detail::add_hit(query, contents.of(i), i, out);
  detail::decide_verdicts(query, doc, out);
  return out;
}

HEARSAY_FUNC std::vector<document_check> check(const claim_query& query,
                                               std::span<const document> docs) {
  std::vector<document_check> out;
  out.reserve(docs.size());
  for (std::size_t i = 0; i < docs.size(); ++i) out.push_back(check(query, docs[i], i));
  return out;
}

}  // namespace hearsay

#endif  // HEARSAY_CHECK_INL_HPP
