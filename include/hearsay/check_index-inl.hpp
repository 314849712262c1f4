// Definitions for check_index.hpp.
#ifndef HEARSAY_CHECK_INDEX_INL_HPP
#define HEARSAY_CHECK_INDEX_INL_HPP

#include <algorithm>
#include <limits>

#include "hearsay/check-inl.hpp"
#include "hearsay/check_index.hpp"
#include "hearsay/detail/same_content.hpp"
#include "hearsay/error.hpp"

namespace hearsay {

namespace detail {

// The tokens of a content: its sorted word keys, the k-th repeat of a key made its own token.
template <class F>
void for_each_token(const content& c, F f) {
  const auto w = c.words();
  std::uint64_t repeat = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    repeat = i > 0 && w[i] == w[i - 1] ? repeat + 1 : 0;
    f(w[i] ^ (repeat * 0x9E3779B97F4A7C15ull));
  }
}

}  // namespace detail

HEARSAY_FUNC check_index::check_index(std::span<const document> docs) {
  docs_.reserve(docs.size());
  for (const document& d : docs) add(d);
  first_claim_.push_back(static_cast<std::uint32_t>(contents_.size()));
}

HEARSAY_FUNC check_index::check_index(std::span<const document* const> docs) {
  docs_.reserve(docs.size());
  for (const document* d : docs) add(*d);
  first_claim_.push_back(static_cast<std::uint32_t>(contents_.size()));
}

HEARSAY_FUNC void check_index::add(const document& doc) {
  if (contents_.size() + doc.claims.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw error("check_error", error_id::invalid_argument,
                "a check index holds fewer than 2^32 claims; split the archive");
  }
  const auto d = static_cast<std::uint32_t>(docs_.size());
  docs_.push_back(&doc);
  first_claim_.push_back(static_cast<std::uint32_t>(contents_.size()));
  // The same reduction as check() (the claim's sentence start, a title-case headline).
  detail::claim_contents reduce(doc, detail::headline_end(doc));
  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    const auto id = static_cast<std::uint32_t>(contents_.size());
    contents_.push_back(reduce.take(i));
    document_of_.push_back(d);
    detail::for_each_token(contents_.back(), [&](std::uint64_t t) { postings_[t].push_back(id); });
  }
}

// A claim that matches or conflicts has Dice >= 0.5 with the query: 4 * common >= n + m for the
// query's n words and its m. Since common <= m, m >= n / 3, so common >= n / 3: the claim shares a
// token with any n - ceil(n / 3) + 1 of the query's tokens. Those are taken rarest first, and a
// claim found through them is kept only when the tokens it shares there, plus every token left
// out, can still reach its own 4 * common >= n + m. What is kept is then compared exactly.
HEARSAY_FUNC std::vector<std::uint32_t> check_index::candidates(const content& query) const {
  struct token {
    std::uint64_t key;
    const std::vector<std::uint32_t>* claims;  // nullptr: no claim has it
  };
  std::vector<token> tokens;
  detail::for_each_token(query, [&](std::uint64_t t) {
    const auto it = postings_.find(t);
    tokens.push_back({t, it == postings_.end() ? nullptr : &it->second});
  });
  const auto length = [](const token& t) { return t.claims ? t.claims->size() : std::size_t{0}; };
  std::sort(tokens.begin(), tokens.end(), [&](const token& a, const token& b) {
    return length(a) != length(b) ? length(a) < length(b) : a.key < b.key;
  });
  const std::size_t n = tokens.size();
  const std::size_t prefix = std::min(n, n - (n + 2) / 3 + 1);
  const std::size_t left_out = n - prefix;
  std::vector<std::uint32_t> touched;
  // One counter per claim of the archive: zeroing 4 bytes a claim costs less than hashing the
  // claims of the long posting lists.
  std::vector<std::uint32_t> shared(contents_.size(), 0);
  for (std::size_t k = 0; k < prefix; ++k) {
    if (!tokens[k].claims) continue;
    for (const std::uint32_t c : *tokens[k].claims) {
      if (shared[c]++ == 0) touched.push_back(c);
    }
  }
  std::vector<std::uint32_t> out;
  for (const std::uint32_t c : touched) {
    const std::size_t m = contents_[c].size();
    if (4 * (shared[c] + left_out) >= n + m) out.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

HEARSAY_FUNC document_check check_index::check_document(
    const claim_query& query, std::size_t doc, std::span<const std::uint32_t> claims) const {
  document_check out;
  out.document = doc;
  for (const std::uint32_t c : claims)
    detail::add_hit(query, contents_[c], c - first_claim_[doc], out);
  detail::decide_verdicts(query, *docs_[doc], out);
  return out;
}

HEARSAY_FUNC std::vector<document_check> check_index::find(const claim_query& query) const {
  const std::vector<std::uint32_t> found = candidates(query.content());
  std::vector<document_check> out;
  for (std::size_t i = 0; i < found.size();) {
    const std::uint32_t doc = document_of_[found[i]];
    std::size_t j = i;
    while (j < found.size() && document_of_[found[j]] == doc) ++j;
    document_check result =
        check_document(query, doc, std::span<const std::uint32_t>(found).subspan(i, j - i));
    if (result.verdict() != verdict::not_found) out.push_back(std::move(result));
    i = j;
  }
  return out;
}

HEARSAY_FUNC std::vector<document_check> check_index::check(const claim_query& query) const {
  std::vector<document_check> found = find(query);
  std::vector<document_check> out;
  out.reserve(docs_.size());
  std::size_t next = 0;
  for (std::size_t d = 0; d < docs_.size(); ++d) {
    if (next < found.size() && found[next].document == d) {
      out.push_back(std::move(found[next++]));
    } else {
      document_check none;
      none.document = d;
      none.verdicts.push_back(verdict::not_found);
      out.push_back(std::move(none));
    }
  }
  return out;
}

}  // namespace hearsay

#endif  // HEARSAY_CHECK_INDEX_INL_HPP
