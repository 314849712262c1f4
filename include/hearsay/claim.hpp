// What the analysis finds: claims with status, certainty, polarity, quote kind and source chain
// (SPEC.md sections 1-3). Plain structs; spans are byte offsets into the analysed text.
#ifndef HEARSAY_CLAIM_HPP
#define HEARSAY_CLAIM_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/text.hpp"

namespace hearsay {

/// How firmly a claim is put forward (SPEC 2).
enum class status : std::uint8_t { confirmed, reported, alleged };
/// How sure the claim's source is that it holds.
enum class certainty : std::uint8_t { certain, probable, possible };
/// Whether the claim says its event happens or does not.
enum class polarity : std::uint8_t { positive, negative };
/// Whether the claim's words are quoted speech.
enum class quote_kind : std::uint8_t { none, direct, mixed };
/// What kind of entity stands behind a claim (SPEC 3).
enum class source_kind : std::uint8_t {
  person,
  organization,
  government,
  media,
  document,
  group,
  anonymous,
  unspecified
};
/// What an attribution cue says about its content.
enum class cue_class : std::uint8_t { report, belief, allegation, speculation, confirm, deny };

/// How many values each enum has (they run from 0), for tables indexed by value.
template <class Enum>
inline constexpr std::size_t value_count = 0;
template <>
inline constexpr std::size_t value_count<status> = 3;
template <>
inline constexpr std::size_t value_count<certainty> = 3;
template <>
inline constexpr std::size_t value_count<polarity> = 2;
template <>
inline constexpr std::size_t value_count<quote_kind> = 3;
template <>
inline constexpr std::size_t value_count<source_kind> = 8;
template <>
inline constexpr std::size_t value_count<cue_class> = 6;

/// Return the SPEC spelling of a value ("confirmed", "person", ...).
HEARSAY_FUNC std::string_view to_string(status value) noexcept;
HEARSAY_FUNC std::string_view to_string(certainty value) noexcept;
HEARSAY_FUNC std::string_view to_string(polarity value) noexcept;
HEARSAY_FUNC std::string_view to_string(quote_kind value) noexcept;
HEARSAY_FUNC std::string_view to_string(source_kind value) noexcept;
HEARSAY_FUNC std::string_view to_string(cue_class value) noexcept;

/// Parse a SPEC spelling; return false (leaving `out` alone) when `text` is not one.
HEARSAY_FUNC bool parse(std::string_view text, status& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, certainty& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, polarity& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, quote_kind& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, source_kind& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, cue_class& out) noexcept;

/// Write the SPEC spelling of an enum value.
template <class Enum>
requires requires(Enum e) { to_string(e); }
std::ostream& operator<<(std::ostream& out, Enum value) { return out << to_string(value); }

/// Who stands behind a claim. An `unspecified` source has an empty span.
struct source {
  span where;
  source_kind kind = source_kind::unspecified;
  bool named = false;  ///< Identified by a proper name.
  std::optional<span>
      refers_to;  ///< The earlier full mention a pronoun or short mention stands for.
  friend bool operator==(const source&, const source&) = default;
};

/// The words that attribute a claim to its source.
struct cue {
  span where;
  std::string lemma;  ///< Dictionary form: "say", "according to", "it is thought".
  cue_class kind = cue_class::report;
  friend bool operator==(const cue&, const cue&) = default;
};

/// One level of a source chain: a source and the cue that attributes the claim to it.
struct link {
  hearsay::source source;
  hearsay::cue cue;
  friend bool operator==(const link&, const link&) = default;
};

/// Why a claim has its status and its innermost link (SPEC 7).
struct claim_evidence {
  /// The stable id of the rule that built the innermost link or decided a writer's claim
  /// ("verb-cue.source-left", "according-to.fronted", "hedge.writer", "writer.plain"); every id
  /// is listed with an example in docs/RULES.md. Points to static storage.
  std::string_view rule;
  /// Return the words that decided the status: the innermost cue, a hedge, a negator.
  std::span<const span> words() const noexcept { return {words_.data(), count_}; }
  /// Add a deciding word (at most four are kept; an empty span is ignored).
  void add_word(span s) noexcept {
    if (!s.empty() && count_ < words_.size()) words_[count_++] = s;
  }
  friend bool operator==(const claim_evidence& a, const claim_evidence& b) noexcept {
    return a.rule == b.rule &&
           std::equal(a.words().begin(), a.words().end(), b.words().begin(), b.words().end());
  }

 private:
  std::array<span, 4> words_{};
  std::uint8_t count_ = 0;
};

/// One checkable proposition.
struct claim {
  std::size_t sentence = 0;  ///< Index into document::sentences.
  span where;                ///< The claim's content, never its attribution frame.
  hearsay::status status = status::confirmed;
  hearsay::certainty certainty = certainty::certain;
  hearsay::polarity polarity = polarity::positive;
  quote_kind quote = quote_kind::none;
  std::vector<link> chain;  ///< Outermost first; empty for the writer's own claims.
  /// The estimated probability that status and chain are both right (SPEC 7), from a model
  /// fitted on the development gold (data/confidence.en.tsv).
  double confidence = 0;
  claim_evidence evidence;  ///< The rule and the words that decided (SPEC 7).
  friend bool operator==(const claim&, const claim&) = default;
};

/// The analysis of one text. Owns a copy of the text so that spans stay meaningful.
struct document {
  std::string id;
  std::string language = "en";
  std::string text;  ///< The analysed UTF-8 text; all spans index into it.
  std::vector<span> sentences;
  std::vector<claim> claims;

  /// Return the bytes of `s` in this document's text.
  std::string_view view(span s) const noexcept { return s.of(text); }
  friend bool operator==(const document&, const document&) = default;
};

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/claim-inl.hpp"
#endif

#endif  // HEARSAY_CLAIM_HPP
