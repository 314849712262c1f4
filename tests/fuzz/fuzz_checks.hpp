// Invariants the fuzz targets check on every result. A broken invariant aborts with a message, so
// libFuzzer (or the replay main) reports it like a crash and keeps the input.
//
// To fuzz on past a known, reported bug, list fragments of its message in HEARSAY_FUZZ_IGNORE,
// separated by '|': HEARSAY_FUZZ_IGNORE='leaves its sentence|keeps surrounding' ./fuzz_analyze ...
#ifndef HEARSAY_FUZZ_CHECKS_HPP
#define HEARSAY_FUZZ_CHECKS_HPP

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "hearsay/analyzer.hpp"
#include "hearsay/claim.hpp"
#include "hearsay/json.hpp"
#include "hearsay/text.hpp"

#define HEARSAY_FUZZ_CHECK(cond, what)                                    \
  do {                                                                    \
    if (!(cond)) ::hearsay_fuzz::fail(__FILE__, __LINE__, #cond, (what)); \
  } while (false)

namespace hearsay_fuzz {

// True when `what` matches a fragment listed in HEARSAY_FUZZ_IGNORE.
inline bool ignored(std::string_view what) {
  static const std::string list = [] {
    const char* env = std::getenv("HEARSAY_FUZZ_IGNORE");
    return std::string(env ? env : "");
  }();
  std::size_t i = 0;
  while (i < list.size()) {
    std::size_t j = list.find('|', i);
    if (j == std::string::npos) j = list.size();
    if (j > i && what.find(std::string_view(list).substr(i, j - i)) != std::string_view::npos) {
      return true;
    }
    i = j + 1;
  }
  return false;
}

inline void fail(const char* file, int line, const char* cond, std::string_view what) {
  if (ignored(what)) return;
  std::fprintf(stderr, "\n%s:%d: invariant broken: %s\n  %.*s\n", file, line, cond,
               static_cast<int>(what.size()), what.data());
  std::abort();
}

inline std::string describe(hearsay::span s) {
  char buf[64];  // not "[" + std::to_string(...): GCC 12 warns falsely there (-Wrestrict)
  std::snprintf(buf, sizeof buf, "[%zu, %zu)", s.begin, s.end);
  return buf;
}

// True when byte `i` of `text` starts a code point (or is its end).
inline bool on_boundary(std::string_view text, std::size_t i) {
  return i == text.size() ||
         (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80);
}

// ASCII white space and the Unicode spaces news text uses (NBSP, thin spaces, ideographic space).
inline bool space_at(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return true;
  const std::string_view rest = text.substr(i);
  return rest.starts_with("\u00A0") || rest.starts_with("\u2009") || rest.starts_with("\u202F") ||
         rest.starts_with("\u3000") || rest.starts_with("\u2002") || rest.starts_with("\u2003");
}
inline bool space_before(std::string_view text, std::size_t end) {
  std::size_t b = end;
  do --b;
  while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80);
  return space_at(text, b);
}

// A span lies in `text` with both ends on code-point boundaries.
inline void check_span(std::string_view text, hearsay::span s, std::string_view what) {
  HEARSAY_FUZZ_CHECK(s.begin <= s.end && s.end <= text.size(),
                     std::string(what) + " " + describe(s) + " outside text of " +
                         std::to_string(text.size()) + " bytes");
  HEARSAY_FUZZ_CHECK(on_boundary(text, s.begin) && on_boundary(text, s.end),
                     std::string(what) + " " + describe(s) + " splits a code point");
}

// Byte -> code point -> byte is the identity on boundaries, and increasing.
inline void check_round_trip(const hearsay::codepoint_map& cps, std::size_t byte) {
  const std::size_t cp = cps.to_codepoint(byte);
  HEARSAY_FUZZ_CHECK(cps.to_byte(cp) == byte, "code point round trip of byte " +
                                                  std::to_string(byte) + " gives " +
                                                  std::to_string(cps.to_byte(cp)));
}

// Every invariant of an analysed document (SPEC sections 1-4).
inline void check_document(const hearsay::document& doc) {
  const std::string_view text = doc.text;
  HEARSAY_FUZZ_CHECK(hearsay::check_utf8(text).valid, "document text is not valid UTF-8");
  const hearsay::codepoint_map cps(text);
  HEARSAY_FUZZ_CHECK(cps.to_codepoint(text.size()) == hearsay::count_codepoints(text),
                     "codepoint_map and count_codepoints disagree on the text's length");
  for (std::size_t i = 0; i <= text.size(); i += 1 + i % 7) {
    if (on_boundary(text, i)) check_round_trip(cps, i);
  }

  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
    const hearsay::span s = doc.sentences[i];
    const std::string name = "sentence " + std::to_string(i);
    check_span(text, s, name);
    HEARSAY_FUZZ_CHECK(!s.empty(), name + " is empty");
    HEARSAY_FUZZ_CHECK(s.begin >= previous_end,
                       name + " " + describe(s) + " overlaps or precedes the one before");
    HEARSAY_FUZZ_CHECK(!space_at(text, s.begin) && !space_before(text, s.end),
                       name + " " + describe(s) + " keeps surrounding white space");
    check_round_trip(cps, s.begin);
    check_round_trip(cps, s.end);
    previous_end = s.end;
  }

  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    const hearsay::claim& c = doc.claims[i];
    const std::string name = "claim " + std::to_string(i);
    HEARSAY_FUZZ_CHECK(c.sentence < doc.sentences.size(),
                       name + " names sentence " + std::to_string(c.sentence));
    check_span(text, c.where, name);
    HEARSAY_FUZZ_CHECK(!c.where.empty(), name + " is empty");
    const hearsay::span s = doc.sentences[c.sentence];
    HEARSAY_FUZZ_CHECK(s.begin <= c.where.begin && c.where.end <= s.end,
                       name + " " + describe(c.where) + " leaves its sentence " + describe(s));
    HEARSAY_FUZZ_CHECK(c.chain.size() <= hearsay::limits::chain_links,
                       name + " has a chain of " + std::to_string(c.chain.size()) + " links");
    for (std::size_t k = 0; k < c.chain.size(); ++k) {
      const hearsay::link& l = c.chain[k];
      const std::string lname = name + " link " + std::to_string(k);
      check_span(text, l.source.where, lname + " source");
      check_span(text, l.cue.where, lname + " cue");
      HEARSAY_FUZZ_CHECK(
          l.source.kind != hearsay::source_kind::unspecified || l.source.where.empty(),
          lname + ": an unspecified source has text");
      if (l.source.refers_to) check_span(text, *l.source.refers_to, lname + " refers_to");
      HEARSAY_FUZZ_CHECK(!l.cue.lemma.empty(), lname + " cue has no lemma");
    }
  }

  // The JSON form parses back and agrees with the document.
  const std::string json = hearsay::to_json(doc);
  const nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  HEARSAY_FUZZ_CHECK(!j.is_discarded(),
                     "to_json output is not valid JSON (or not UTF-8): " + json.substr(0, 200));
  if (j.is_discarded()) return;
  HEARSAY_FUZZ_CHECK(j.at("sentences").size() == doc.sentences.size(), "JSON sentence count");
  HEARSAY_FUZZ_CHECK(j.at("claims").size() == doc.claims.size(), "JSON claim count");
  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    const auto& jc = j["claims"][i];
    HEARSAY_FUZZ_CHECK(
        cps.to_byte(jc.at("start").get<std::size_t>()) == doc.claims[i].where.begin &&
            cps.to_byte(jc.at("end").get<std::size_t>()) == doc.claims[i].where.end,
        "JSON claim " + std::to_string(i) + " offsets do not map back");
  }
}

}  // namespace hearsay_fuzz

#endif  // HEARSAY_FUZZ_CHECKS_HPP
