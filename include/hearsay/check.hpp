// Checking a claim against articles (SPEC 9): which of their claims say what a query says, which
// contradict it in a number or a name, and what that makes of the query in each article —
// asserted, denied, conflicting, attributed, speculative or not found.
#ifndef HEARSAY_CHECK_HPP
#define HEARSAY_CHECK_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/match.hpp"

namespace hearsay {

/// What an article makes of a query, in SPEC 9's order (the first that applies is the verdict).
enum class verdict : std::uint8_t {
  asserted,     ///< A matching claim is confirmed, with the query's polarity.
  denied,       ///< A matching claim has the opposite polarity ("did not resign").
  conflicting,  ///< A claim says the same with another number or name.
  attributed,   ///< A matching claim is reported, with the query's polarity.
  speculative,  ///< A matching claim is alleged, with the query's polarity.
  not_found,    ///< None of these.
};
template <>
inline constexpr std::size_t value_count<verdict> = 6;
HEARSAY_FUNC std::string_view to_string(verdict value) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, verdict& out) noexcept;

/// A claim to check, as a user types it ("Putin will visit North Korea"). Its polarity is
/// negative when it holds a negation ("not", "never", "no", "n't"): a matching claim then denies
/// it when that claim is positive.
class claim_query {
 public:
  /// Throws encoding_error for invalid UTF-8, and error (query_error, 402) for a query that is
  /// empty or has no content word (only stop words).
  HEARSAY_FUNC explicit claim_query(std::string text, std::string_view language = "en");

  const std::string& text() const noexcept { return text_; }
  const hearsay::content& content() const noexcept { return content_; }
  hearsay::polarity polarity() const noexcept { return polarity_; }

 private:
  std::string text_;
  hearsay::content content_;
  hearsay::polarity polarity_ = polarity::positive;
};

/// One claim of a document that matches or conflicts with the query.
struct claim_hit {
  std::size_t claim = 0;  ///< Index into document::claims.
  double score = 0;       ///< Dice overlap of the content words.
  /// For a conflict: the query's numbers or names the claim lacks (spans into the query's text)
  /// and the claim's that the query lacks (spans into the document's text).
  std::vector<span> query_values;
  std::vector<span> claim_values;
};

/// What one document says about a query.
struct document_check {
  std::size_t document = 0;                ///< Index into the documents checked.
  std::vector<claim_hit> matches;          ///< Best score first.
  std::vector<claim_hit> conflicts;        ///< Best score first.
  std::vector<hearsay::verdict> verdicts;  ///< In SPEC order; {not_found} when nothing applies.

  /// Return the verdict: the first that applies.
  hearsay::verdict verdict() const noexcept { return verdicts.front(); }
  /// Return the best `reported` match with polarity `p` (what makes it attributed), or nullptr.
  HEARSAY_FUNC const claim_hit* attribution(const hearsay::document& doc,
                                            polarity p) const noexcept;
};

/// Check `query` against one analysed document (its index in the result is `index`).
HEARSAY_FUNC document_check check(const claim_query& query, const document& doc,
                                  std::size_t index = 0);
/// Check `query` against each document, in order.
HEARSAY_FUNC std::vector<document_check> check(const claim_query& query,
                                               std::span<const document> docs);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/check-inl.hpp"
#endif

#endif  // HEARSAY_CHECK_HPP
