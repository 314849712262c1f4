// Definitions for claim.hpp.
#ifndef HEARSAY_CLAIM_INL_HPP
#define HEARSAY_CLAIM_INL_HPP

#include <array>

#include "hearsay/claim.hpp"

namespace hearsay {
namespace detail {
// Sized by value_count, and checked to name every value: a new enumerator without its spelling
// does not compile.
template <class Enum>
using name_table = std::array<std::string_view, value_count<Enum>>;
inline constexpr name_table<status> status_names{"confirmed", "reported", "alleged"};
inline constexpr name_table<certainty> certainty_names{"certain", "probable", "possible"};
inline constexpr name_table<polarity> polarity_names{"positive", "negative"};
inline constexpr name_table<quote_kind> quote_names{"none", "direct", "mixed"};
inline constexpr name_table<source_kind> source_kind_names{
    "person",   "organization", "government", "media",
    "document", "group",        "anonymous",  "unspecified"};
inline constexpr name_table<cue_class> cue_class_names{"report",      "belief",  "allegation",
                                                       "speculation", "confirm", "deny"};
inline constexpr name_table<rule_id> rule_id_names{"writer.plain",
                                                   "hedge.writer",
                                                   "speaker-colon.quote",
                                                   "speaker-colon.headline",
                                                   "speaker-colon.turn",
                                                   "impersonal",
                                                   "raising",
                                                   "adverb",
                                                   "according-to.fronted",
                                                   "according-to.trailing",
                                                   "cue-noun",
                                                   "cue-noun.possessor",
                                                   "adjective",
                                                   "adjective.contracted",
                                                   "verb-cue.source-left",
                                                   "verb-cue.inverted",
                                                   "verb-cue.parenthetical",
                                                   "verb-cue.inherited",
                                                   "verb-cue.relative",
                                                   "verb-cue.infinitive",
                                                   "verb-cue.citing",
                                                   "verb-cue.citing-claim",
                                                   "verb-cue.quoted-as",
                                                   "verb-cue.introduces",
                                                   "verb-cue.small-clause",
                                                   "verb-cue.deed",
                                                   "verb-cue.object-infinitive",
                                                   "quote.speaker",
                                                   "quote.earlier-speaker",
                                                   "quote.continued",
                                                   "quote.previous-paragraph"};

template <std::size_t N>
constexpr bool all_named(const std::array<std::string_view, N>& names) {
  for (const std::string_view n : names) {
    if (n.empty()) return false;
  }
  return true;
}
static_assert(all_named(status_names) && all_named(certainty_names) && all_named(polarity_names) &&
              all_named(quote_names) && all_named(source_kind_names) &&
              all_named(cue_class_names) && all_named(rule_id_names));

template <class Enum, std::size_t N>
bool parse_name(std::string_view text, const std::array<std::string_view, N>& names,
                Enum& out) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) {
      out = static_cast<Enum>(i);
      return true;
    }
  }
  return false;
}
}  // namespace detail

HEARSAY_FUNC std::string_view to_string(status v) noexcept {
  return detail::status_names[static_cast<std::size_t>(v)];
}
HEARSAY_FUNC std::string_view to_string(certainty v) noexcept {
  return detail::certainty_names[static_cast<std::size_t>(v)];
}
HEARSAY_FUNC std::string_view to_string(polarity v) noexcept {
  return detail::polarity_names[static_cast<std::size_t>(v)];
}
HEARSAY_FUNC std::string_view to_string(quote_kind v) noexcept {
  return detail::quote_names[static_cast<std::size_t>(v)];
}
HEARSAY_FUNC std::string_view to_string(source_kind v) noexcept {
  return detail::source_kind_names[static_cast<std::size_t>(v)];
}
HEARSAY_FUNC std::string_view to_string(cue_class v) noexcept {
  return detail::cue_class_names[static_cast<std::size_t>(v)];
}
HEARSAY_FUNC std::string_view to_string(rule_id v) noexcept {
  return detail::rule_id_names[static_cast<std::size_t>(v)];
}

HEARSAY_FUNC bool parse(std::string_view t, status& out) noexcept {
  return detail::parse_name(t, detail::status_names, out);
}
HEARSAY_FUNC bool parse(std::string_view t, certainty& out) noexcept {
  return detail::parse_name(t, detail::certainty_names, out);
}
HEARSAY_FUNC bool parse(std::string_view t, polarity& out) noexcept {
  return detail::parse_name(t, detail::polarity_names, out);
}
HEARSAY_FUNC bool parse(std::string_view t, quote_kind& out) noexcept {
  return detail::parse_name(t, detail::quote_names, out);
}
HEARSAY_FUNC bool parse(std::string_view t, source_kind& out) noexcept {
  return detail::parse_name(t, detail::source_kind_names, out);
}
HEARSAY_FUNC bool parse(std::string_view t, cue_class& out) noexcept {
  return detail::parse_name(t, detail::cue_class_names, out);
}
HEARSAY_FUNC bool parse(std::string_view t, rule_id& out) noexcept {
  return detail::parse_name(t, detail::rule_id_names, out);
}

}  // namespace hearsay

#endif  // HEARSAY_CLAIM_INL_HPP
