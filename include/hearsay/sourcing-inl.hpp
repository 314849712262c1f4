// Definitions for sourcing.hpp.
#ifndef HEARSAY_SOURCING_INL_HPP
#define HEARSAY_SOURCING_INL_HPP

#include <algorithm>
#include <unordered_map>

#include "hearsay/claim.hpp"
#include "hearsay/detail/same_content.hpp"
#include "hearsay/match.hpp"
#include "hearsay/sourcing.hpp"

namespace hearsay {

HEARSAY_FUNC std::string_view to_string(flag value) noexcept {
  switch (value) {
    case flag::anonymous:
      return "anonymous";
    case flag::second_hand:
      return "second_hand";
    case flag::unattributed_allegation:
      return "unattributed_allegation";
    case flag::single_source:
      return "single_source";
    case flag::headline_overstates:
      return "headline_overstates";
  }
  return "anonymous";
}

HEARSAY_FUNC bool parse(std::string_view text, flag& out) noexcept {
  for (const flag f : {flag::anonymous, flag::second_hand, flag::unattributed_allegation,
                       flag::single_source, flag::headline_overstates}) {
    if (text == to_string(f)) {
      out = f;
      return true;
    }
  }
  return false;
}

HEARSAY_FUNC std::vector<std::string_view> flag_set::names() const {
  // Alphabetical, as SPEC 8's sorted arrays are.
  std::vector<std::string_view> out;
  for (const flag f : {flag::anonymous, flag::headline_overstates, flag::second_hand,
                       flag::single_source, flag::unattributed_allegation}) {
    if (has(f)) out.push_back(to_string(f));
  }
  return out;
}

HEARSAY_FUNC void assess_sourcing(document& doc) {
  sourcing summary;
  detail::source_identities ids(doc);
  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    claim& c = doc.claims[i];
    c.flags = flag_set{};
    ++summary.by_status[static_cast<std::size_t>(c.status)];
    if (c.chain.empty()) {
      if (c.status == status::alleged) c.flags.add(flag::unattributed_allegation);
      continue;
    }
    const source& inner = c.chain.back().source;
    const bool anonymous =
        inner.kind == source_kind::anonymous || inner.kind == source_kind::unspecified;
    if (anonymous) c.flags.add(flag::anonymous);
    if (c.chain.size() >= 2) c.flags.add(flag::second_hand);
    if (c.status == status::alleged && inner.kind == source_kind::unspecified) {
      c.flags.add(flag::unattributed_allegation);
    }
    ++summary.by_kind[static_cast<std::size_t>(inner.kind)];
    if (inner.named) ++summary.named;
    if (anonymous) ++summary.anonymous;
  }
  detail::same_content_flags(doc, ids);
  summary.sources = ids.tallies();
  doc.sourcing = std::move(summary);
}

}  // namespace hearsay

#endif  // HEARSAY_SOURCING_INL_HPP
