// How well a claim and a document are sourced (SPEC 8): a claim's flags ("anonymous",
// "second_hand", ...) and a document's sourcing summary (claims by status and by the kind of
// their innermost source, and the distinct sources with the claims each supports).
#ifndef HEARSAY_SOURCING_HPP
#define HEARSAY_SOURCING_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/text.hpp"

namespace hearsay {

enum class source_kind : std::uint8_t;  // claim.hpp, which holds flags and sourcing

/// A weakness in how a claim is sourced (SPEC 8).
enum class flag : std::uint8_t {
  anonymous,                ///< The innermost source is anonymous or unspecified.
  second_hand,              ///< The chain has two links or more.
  unattributed_allegation,  ///< Alleged, with an unspecified source or no chain.
  single_source,            ///< Reported or alleged, and no other source in the document says it.
  headline_overstates,      ///< A confirmed headline claim the body only attributes or hedges.
};
/// Return the SPEC spelling of a flag ("second_hand").
HEARSAY_FUNC std::string_view to_string(flag value) noexcept;
/// Parse a SPEC spelling; return false (leaving `out` alone) when `text` is not one.
HEARSAY_FUNC bool parse(std::string_view text, flag& out) noexcept;

/// The flags of one claim: a set, one bit each.
class flag_set {
 public:
  constexpr bool has(flag f) const noexcept { return (bits_ >> static_cast<unsigned>(f)) & 1u; }
  constexpr void add(flag f) noexcept {
    bits_ = static_cast<std::uint8_t>(bits_ | (1u << static_cast<unsigned>(f)));
  }
  constexpr bool empty() const noexcept { return bits_ == 0; }
  constexpr std::uint8_t bits() const noexcept { return bits_; }
  /// Return the flags' spellings in the sorted order SPEC 8's arrays have.
  HEARSAY_FUNC std::vector<std::string_view> names() const;
  friend constexpr bool operator==(flag_set, flag_set) noexcept = default;

 private:
  std::uint8_t bits_ = 0;
};

/// One distinct innermost source of a document and how many claims it supports.
struct source_tally {
  span where;          ///< Its first mention (the full mention a pronoun refers to).
  source_kind kind{};  ///< The kind of that mention.
  std::size_t claims = 0;
  friend bool operator==(const source_tally&, const source_tally&) = default;
};

/// A document's sourcing summary (SPEC 8).
struct sourcing {
  std::array<std::size_t, 3>
      by_status{};  ///< Claims by status value (confirmed, reported, alleged).
  /// Claims with a chain, by the source_kind value of their innermost source.
  std::array<std::size_t, 8> by_kind{};
  std::size_t named = 0;      ///< Claims whose innermost source is named.
  std::size_t anonymous = 0;  ///< Claims whose innermost source is anonymous or unspecified.
  /// The distinct innermost sources (unspecified ones left out), most claims first, then in the
  /// order of their first mention.
  std::vector<source_tally> sources;
  friend bool operator==(const sourcing&, const sourcing&) = default;
};

struct document;
/// Set every claim's flags and the document's sourcing from its claims (the analyzer does this for
/// every analysis; call it after changing a document's claims yourself).
HEARSAY_FUNC void assess_sourcing(document& doc);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
// assess_sourcing's definition needs the whole document: claim.hpp includes this header first and
// the definitions last, once its own types are complete.
#include "hearsay/claim.hpp"
#ifdef HEARSAY_CLAIM_TYPES_COMPLETE
#include "hearsay/sourcing-inl.hpp"
#endif
#endif

#endif  // HEARSAY_SOURCING_HPP
