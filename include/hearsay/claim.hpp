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
#include "hearsay/sourcing.hpp"
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

/// The rule that built a claim's innermost link or decided a writer's claim (SPEC 7 evidence);
/// to_string gives its stable id ("verb-cue.source-left"); docs/RULES.md lists each with an
/// example.
enum class rule_id : std::uint8_t {
  writer_plain,
  hedge_writer,
  speaker_colon_quote,
  speaker_colon_headline,
  speaker_colon_turn,
  impersonal,
  raising,
  adverb,
  according_to_fronted,
  according_to_trailing,
  cue_noun,
  cue_noun_possessor,
  adjective,
  adjective_contracted,
  verb_cue_source_left,
  verb_cue_inverted,
  verb_cue_parenthetical,
  verb_cue_inherited,
  verb_cue_relative,
  verb_cue_infinitive,
  verb_cue_citing,
  verb_cue_citing_claim,
  verb_cue_quoted_as,
  verb_cue_introduces,
  verb_cue_small_clause,
  verb_cue_deed,
  verb_cue_object_infinitive,
  quote_speaker,
  quote_earlier_speaker,
  quote_continued,
  quote_previous_paragraph,
};

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
template <>
inline constexpr std::size_t value_count<rule_id> = 31;

/// Return the SPEC spelling of a value ("confirmed", "person", ...).
HEARSAY_FUNC std::string_view to_string(status value) noexcept;
HEARSAY_FUNC std::string_view to_string(certainty value) noexcept;
HEARSAY_FUNC std::string_view to_string(polarity value) noexcept;
HEARSAY_FUNC std::string_view to_string(quote_kind value) noexcept;
HEARSAY_FUNC std::string_view to_string(source_kind value) noexcept;
HEARSAY_FUNC std::string_view to_string(cue_class value) noexcept;
HEARSAY_FUNC std::string_view to_string(rule_id value) noexcept;

/// Parse a SPEC spelling; return false (leaving `out` alone) when `text` is not one.
HEARSAY_FUNC bool parse(std::string_view text, status& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, certainty& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, polarity& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, quote_kind& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, source_kind& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, cue_class& out) noexcept;
HEARSAY_FUNC bool parse(std::string_view text, rule_id& out) noexcept;

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

/// Why a claim has its status and its innermost link (SPEC 7). Compact: a claim is small.
struct claim_evidence {
  rule_id rule = rule_id::writer_plain;
  /// Return how many deciding words there are: the innermost cue, a hedge, a negator.
  std::size_t word_count() const noexcept { return count_; }
  /// Return deciding word `i` (< word_count()).
  span word(std::size_t i) const noexcept { return {offsets_[2 * i], offsets_[2 * i + 1]}; }
  /// Return every deciding word, in the order added.
  std::vector<span> words() const {
    std::vector<span> out;
    for (std::size_t i = 0; i < count_; ++i) out.push_back(word(i));
    return out;
  }
  /// Add a deciding word (at most three are kept; an empty span is ignored).
  void add_word(span s) noexcept {
    if (s.empty() || count_ == 3) return;
    offsets_[2 * count_] = static_cast<std::uint32_t>(s.begin);
    offsets_[2 * count_ + 1] = static_cast<std::uint32_t>(s.end);
    ++count_;
  }
  friend bool operator==(const claim_evidence&, const claim_evidence&) = default;

 private:
  std::array<std::uint32_t, 6> offsets_{};  // texts stay below 4 GiB (as tokens' offsets do)
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
  float confidence = 0;
  claim_evidence evidence;  ///< The rule and the words that decided (SPEC 7).
  flag_set flags;           ///< Weaknesses of its sourcing (SPEC 8).
  friend bool operator==(const claim&, const claim&) = default;
};

/// The analysis of one text. Owns a copy of the text so that spans stay meaningful.
struct document {
  std::string id;
  std::string language = "en";
  std::string text;  ///< The analysed UTF-8 text; all spans index into it.
  std::vector<span> sentences;
  std::vector<claim> claims;
  /// What repair replaced in the input to give `text` (nothing, count 0, without repair).
  utf8_repairs repaired;
  /// Claims by status and source, and the distinct sources (SPEC 8), when sourcing was assessed
  /// (analyzer_options::sourcing, or assess_sourcing()); the claims' flags are meaningful then.
  std::optional<hearsay::sourcing> sourcing;

  /// Return the bytes of `s` in this document's text.
  std::string_view view(span s) const noexcept { return s.of(text); }
  friend bool operator==(const document&, const document&) = default;
};

}  // namespace hearsay

#define HEARSAY_CLAIM_TYPES_COMPLETE
#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/claim-inl.hpp"
#include "hearsay/sourcing-inl.hpp"
#endif

#endif  // HEARSAY_CLAIM_HPP
