// What the views (HTML page, text listing) show of a claim's explanation (SPEC sections 7 and
// 8): its confidence, the id of the rule that decided it and its sourcing flags. These fields are
// added to hearsay::claim by other parts of the project; the views read them through these
// functions, which find them at compile time when the struct has them and report "absent"
// otherwise, so the views show them as soon as they exist without a change here.
#ifndef HEARSAY_DETAIL_EXPLAIN_HPP
#define HEARSAY_DETAIL_EXPLAIN_HPP

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "hearsay/claim.hpp"

namespace hearsay::detail {

template <class T>
std::optional<double> as_number(const T& v) {
  if constexpr (std::is_arithmetic_v<T>) {
    return static_cast<double>(v);
  } else if constexpr (requires {
                         v.has_value();
                         *v;
                       }) {
    if (!v.has_value()) return std::nullopt;
    return as_number(*v);
  } else {
    return std::nullopt;
  }
}

template <class T>
std::optional<std::string> as_text(const T& v) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    const std::string_view s = v;
    if (s.empty()) return std::nullopt;
    return std::string(s);
  } else if constexpr (requires { to_string(v); }) {
    return std::string(to_string(v));
  } else if constexpr (requires {
                         v.has_value();
                         *v;
                       }) {
    if (!v.has_value()) return std::nullopt;
    return as_text(*v);
  } else {
    return std::nullopt;
  }
}

/// Return the claim's confidence (SPEC 7) when the analysis has one.
template <class Claim>
std::optional<double> confidence_of(const Claim& c) {
  if constexpr (requires { c.confidence; }) {
    return as_number(c.confidence);
  } else {
    return std::nullopt;
  }
}

/// Return the id of the rule that decided the claim (SPEC 7 evidence.rule) when there is one.
template <class Claim>
std::optional<std::string> rule_of(const Claim& c) {
  if constexpr (requires { c.evidence.rule; }) {
    return as_text(c.evidence.rule);
  } else if constexpr (requires { c.evidence->rule; }) {
    if (!c.evidence) return std::nullopt;
    return as_text(c.evidence->rule);
  } else if constexpr (requires { c.rule; }) {
    return as_text(c.rule);
  } else {
    return std::nullopt;
  }
}

/// Return the claim's sourcing flags (SPEC 8), or nullopt when the analysis has none at all.
template <class Claim>
std::optional<std::vector<std::string>> flags_of(const Claim& c) {
  if constexpr (requires {
                  c.flags.begin();
                  c.flags.end();
                }) {
    std::vector<std::string> out;
    for (const auto& f : c.flags) {
      if (auto t = as_text(f)) out.push_back(std::move(*t));
    }
    return out;
  } else if constexpr (requires { to_strings(c.flags); }) {
    std::vector<std::string> out;
    for (const auto& f : to_strings(c.flags)) out.emplace_back(f);
    return out;
  } else {
    return std::nullopt;
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_EXPLAIN_HPP
