// Checking many claims against one archive (SPEC 9's check, indexed): each claim of the archive's
// documents is reduced once and filed under its content words, so that a query costs the claims
// that share its rarer words instead of every claim of every document. A fact-checker's pipeline
// analyses an archive once and checks each claim going around against it.
#ifndef HEARSAY_CHECK_INDEX_HPP
#define HEARSAY_CHECK_INDEX_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "hearsay/check.hpp"
#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/match.hpp"

namespace hearsay {

/// An index of the claims of analysed documents, for check(). The documents are not copied: they
/// must outlive the index and stay unchanged. Built once; check() and find() are const and may
/// be called from several threads at once.
class check_index {
 public:
  /// Reduce and index every claim of `docs` (SPEC 9's content words, stemmed).
  HEARSAY_FUNC explicit check_index(std::span<const document> docs);
  /// The same, for documents held elsewhere (none may be null).
  HEARSAY_FUNC explicit check_index(std::span<const document* const> docs);

  /// Return how many documents the index holds.
  std::size_t size() const noexcept { return docs_.size(); }

  /// Check `query` against every document: the same result as hearsay::check(query, docs), one
  /// entry per document in order.
  HEARSAY_FUNC std::vector<document_check> check(const claim_query& query) const;
  /// Return only the documents with a match or a conflict (verdict other than not_found), in
  /// document order: what a search over an archive wants.
  HEARSAY_FUNC std::vector<document_check> find(const claim_query& query) const;

 private:
  // The claims (flattened over documents) that may match or conflict with `query`, ascending.
  std::vector<std::uint32_t> candidates(const content& query) const;
  document_check check_document(const claim_query& query, std::size_t doc,
                                std::span<const std::uint32_t> claims) const;

  void add(const document& doc);

  std::vector<const document*> docs_;
  std::vector<content> contents_;           // per claim, flattened in document order
  std::vector<std::uint32_t> first_claim_;  // per document, then the total
  std::vector<std::uint32_t> document_of_;  // per claim
  // A content word's k-th occurrence in a claim is its own token (a multiset as a set), so that
  // shared tokens count the common words Dice needs.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;
};

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/check_index-inl.hpp"
#endif

#endif  // HEARSAY_CHECK_INDEX_HPP
