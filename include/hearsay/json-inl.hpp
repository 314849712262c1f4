// Definitions for json.hpp: the compact form by detail/json_writer.hpp, the indented one through
// nlohmann::ordered_json (which keeps SPEC's field order).
#ifndef HEARSAY_JSON_INL_HPP
#define HEARSAY_JSON_INL_HPP

#include <cmath>
#include <nlohmann/json.hpp>

#include <ostream>

#include "hearsay/detail/json_writer.hpp"
#include "hearsay/json.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

inline nlohmann::ordered_json text_span_json(const document& doc, const codepoint_map& cps,
                                             span s) {
  nlohmann::ordered_json j;
  j["text"] = std::string(doc.view(s));
  j["start"] = cps.to_codepoint(s.begin);
  j["end"] = cps.to_codepoint(s.end);
  return j;
}

inline nlohmann::ordered_json sourcing_json(const document& doc) {
  const sourcing& s = *doc.sourcing;
  nlohmann::ordered_json by_status, by_kind, sources = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < s.by_status.size(); ++i) {
    by_status[std::string(to_string(static_cast<status>(i)))] = s.by_status[i];
  }
  for (std::size_t i = 0; i < s.by_kind.size(); ++i) {
    by_kind[std::string(to_string(static_cast<source_kind>(i)))] = s.by_kind[i];
  }
  for (const source_tally& t : s.sources) {
    sources.push_back({{"text", std::string(doc.view(t.where))},
                       {"kind", std::string(to_string(t.kind))},
                       {"claims", t.claims}});
  }
  return {{"by_status", std::move(by_status)},
          {"by_kind", std::move(by_kind)},
          {"named", s.named},
          {"anonymous", s.anonymous},
          {"sources", std::move(sources)}};
}

}  // namespace detail

HEARSAY_FUNC void write_json(std::ostream& out, const document& doc) {
  detail::json_buffer buffer(out);
  detail::json_writer(doc, buffer).document_object();
  buffer.finish();
}

HEARSAY_FUNC std::string to_json(const document& doc, int indent) {
  if (indent < 0) {
    std::string out;
    detail::json_buffer buffer(out);
    detail::json_writer(doc, buffer).document_object();
    buffer.finish();
    return out;
  }
  using nlohmann::ordered_json;
  const codepoint_map cps(doc.text);
  ordered_json out;
  out["id"] = doc.id;
  out["language"] = doc.language;
  ordered_json sentences = ordered_json::array();
  for (const span s : doc.sentences) {
    sentences.push_back({{"start", cps.to_codepoint(s.begin)}, {"end", cps.to_codepoint(s.end)}});
  }
  out["sentences"] = std::move(sentences);
  ordered_json claims = ordered_json::array();
  for (const claim& c : doc.claims) {
    ordered_json j;
    j["sentence"] = c.sentence;
    j["start"] = cps.to_codepoint(c.where.begin);
    j["end"] = cps.to_codepoint(c.where.end);
    j["text"] = std::string(doc.view(c.where));
    j["status"] = to_string(c.status);
    j["certainty"] = to_string(c.certainty);
    j["polarity"] = to_string(c.polarity);
    j["quote"] = to_string(c.quote);
    ordered_json chain = ordered_json::array();
    for (const link& l : c.chain) {
      ordered_json src = detail::text_span_json(doc, cps, l.source.where);
      src["kind"] = to_string(l.source.kind);
      src["named"] = l.source.named;
      src["refers_to"] = l.source.refers_to
                             ? ordered_json(std::string(doc.view(*l.source.refers_to)))
                             : ordered_json(nullptr);
      ordered_json cue = detail::text_span_json(doc, cps, l.cue.where);
      cue["lemma"] = l.cue.lemma;
      cue["class"] = to_string(l.cue.kind);
      chain.push_back({{"source", std::move(src)}, {"cue", std::move(cue)}});
    }
    j["chain"] = std::move(chain);
    j["confidence"] = std::round(static_cast<double>(c.confidence) * 1000) / 1000;
    ordered_json words = ordered_json::array();
    for (const span w : c.evidence.words()) {
      words.push_back({{"start", cps.to_codepoint(w.begin)}, {"end", cps.to_codepoint(w.end)}});
    }
    j["evidence"] = {{"rule", std::string(to_string(c.evidence.rule))},
                     {"words", std::move(words)}};
    if (doc.sourcing) {
      ordered_json flags = ordered_json::array();
      for (const std::string_view name : c.flags.names()) flags.push_back(std::string(name));
      j["flags"] = std::move(flags);
    }
    claims.push_back(std::move(j));
  }
  out["claims"] = std::move(claims);
  if (doc.sourcing) out["sourcing"] = detail::sourcing_json(doc);
  if (doc.repaired) {
    out["repaired"] = {{"replacements", doc.repaired.count},
                       {"first", cps.to_codepoint(doc.repaired.first)}};
  }
  return out.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace hearsay

#endif  // HEARSAY_JSON_INL_HPP
