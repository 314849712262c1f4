// SPEC section 4 JSON: one object per document, offsets in code points.
#ifndef HEARSAY_JSON_HPP
#define HEARSAY_JSON_HPP

#include <iosfwd>
#include <string>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"

namespace hearsay {

/// Return `doc` as a SPEC section 4 JSON object on one line (no trailing newline);
/// `indent` >= 0 pretty-prints with that many spaces. When repair changed the text, a last field
/// says so: "repaired": {"replacements": N, "first": code-point offset of the first U+FFFD}.
HEARSAY_FUNC std::string to_json(const document& doc, int indent = -1);

/// Write `doc` as SPEC section 4 JSON to `out` (one line, no trailing newline), streaming:
/// memory stays small however many claims the document holds.
HEARSAY_FUNC void write_json(std::ostream& out, const document& doc);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/json-inl.hpp"
#endif

#endif  // HEARSAY_JSON_HPP
