// Definitions for json.hpp (nlohmann::ordered_json keeps SPEC's field order).
#ifndef HEARSAY_JSON_INL_HPP
#define HEARSAY_JSON_INL_HPP

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include <ostream>

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

// Compact SPEC JSON written straight into a buffer that is flushed to a stream in chunks. A DOM
// (nlohmann::json) costs about ten times the output in memory and a tenth of the analysis time;
// this writer costs neither. Strings are valid UTF-8 (the analyzer guarantees it), so escaping
// is RFC 8259's: quote, backslash and control characters.
class json_writer {
 public:
  json_writer(const document& doc, std::string& buffer, std::ostream* sink)
      : doc_(doc), cps_(doc.text), out_(buffer), sink_(sink) {}

  void document_object() {
    out_ += "{\"id\":";
    string(doc_.id);
    out_ += ",\"language\":";
    string(doc_.language);
    out_ += ",\"sentences\":[";
    for (std::size_t i = 0; i < doc_.sentences.size(); ++i) {
      if (i) out_ += ',';
      out_ += "{\"start\":";
      number(cps_.to_codepoint(doc_.sentences[i].begin));
      out_ += ",\"end\":";
      number(cps_.to_codepoint(doc_.sentences[i].end));
      out_ += '}';
      flush_if_full();
    }
    out_ += "],\"claims\":[";
    for (std::size_t i = 0; i < doc_.claims.size(); ++i) {
      if (i) out_ += ',';
      claim_object(doc_.claims[i]);
      flush_if_full();
    }
    out_ += ']';
    if (doc_.sourcing) {
      out_ += ",\"sourcing\":";
      sourcing_object(*doc_.sourcing);
    }
    if (doc_.repaired) {
      out_ += ",\"repaired\":{\"replacements\":";
      number(doc_.repaired.count);
      out_ += ",\"first\":";
      number(cps_.to_codepoint(doc_.repaired.first));
      out_ += '}';
    }
    out_ += '}';
    flush();
  }

 private:
  void claim_object(const claim& c) {
    out_ += "{\"sentence\":";
    number(c.sentence);
    span_fields(c.where, true);
    out_ += ",\"status\":\"";
    out_ += to_string(c.status);
    out_ += "\",\"certainty\":\"";
    out_ += to_string(c.certainty);
    out_ += "\",\"polarity\":\"";
    out_ += to_string(c.polarity);
    out_ += "\",\"quote\":\"";
    out_ += to_string(c.quote);
    out_ += "\",\"chain\":[";
    for (std::size_t i = 0; i < c.chain.size(); ++i) {
      const link& l = c.chain[i];
      if (i) out_ += ',';
      out_ += "{\"source\":{\"text\":";
      string(doc_.view(l.source.where));
      span_fields(l.source.where, false);
      out_ += ",\"kind\":\"";
      out_ += to_string(l.source.kind);
      out_ += "\",\"named\":";
      out_ += l.source.named ? "true" : "false";
      out_ += ",\"refers_to\":";
      if (l.source.refers_to) {
        string(doc_.view(*l.source.refers_to));
      } else {
        out_ += "null";
      }
      out_ += "},\"cue\":{\"text\":";
      string(doc_.view(l.cue.where));
      span_fields(l.cue.where, false);
      out_ += ",\"lemma\":";
      string(l.cue.lemma);
      out_ += ",\"class\":\"";
      out_ += to_string(l.cue.kind);
      out_ += "\"}}";
    }
    out_ += "],\"confidence\":";
    fraction(static_cast<double>(c.confidence));
    out_ += ",\"evidence\":{\"rule\":";
    out_ += '"';
    out_ += to_string(c.evidence.rule);
    out_ += '"';
    out_ += ",\"words\":[";
    for (std::size_t w = 0; w < c.evidence.word_count(); ++w) {
      const span word = c.evidence.word(w);
      out_ += w ? ",{\"start\":" : "{\"start\":";
      number(cps_.to_codepoint(word.begin));
      out_ += ",\"end\":";
      number(cps_.to_codepoint(word.end));
      out_ += '}';
    }
    out_ += "]}";
    if (doc_.sourcing) flags_array(c.flags);
    out_ += '}';
  }

  void flags_array(flag_set flags) {
    out_ += ",\"flags\":[";
    bool first = true;
    for (const std::string_view name : flags.names()) {
      out_ += first ? "\"" : ",\"";
      out_ += name;
      out_ += '"';
      first = false;
    }
    out_ += ']';
  }

  // SPEC 8: {"by_status":{...},"by_kind":{...},"named":N,"anonymous":N,"sources":[...]}.
  void sourcing_object(const sourcing& s) {
    out_ += "{\"by_status\":{";
    for (std::size_t i = 0; i < s.by_status.size(); ++i) {
      out_ += i ? ",\"" : "\"";
      out_ += to_string(static_cast<status>(i));
      out_ += "\":";
      number(s.by_status[i]);
    }
    out_ += "},\"by_kind\":{";
    for (std::size_t i = 0; i < s.by_kind.size(); ++i) {
      out_ += i ? ",\"" : "\"";
      out_ += to_string(static_cast<source_kind>(i));
      out_ += "\":";
      number(s.by_kind[i]);
    }
    out_ += "},\"named\":";
    number(s.named);
    out_ += ",\"anonymous\":";
    number(s.anonymous);
    out_ += ",\"sources\":[";
    for (std::size_t i = 0; i < s.sources.size(); ++i) {
      out_ += i ? ",{\"text\":" : "{\"text\":";
      string(doc_.view(s.sources[i].where));
      out_ += ",\"kind\":\"";
      out_ += to_string(s.sources[i].kind);
      out_ += "\",\"claims\":";
      number(s.sources[i].claims);
      out_ += '}';
      flush_if_full();
    }
    out_ += "]}";
  }

  // A probability with three decimals ("0.934"), as the JSON number it is.
  void fraction(double x) {
    char buffer[16];
    const int n = std::snprintf(buffer, sizeof buffer, "%.3f", x < 0 ? 0.0 : x > 1 ? 1.0 : x);
    out_.append(buffer, static_cast<std::size_t>(n > 0 ? n : 0));
  }

  // ,"start":S,"end":E and, for a claim, ,"text":"..." after them (SPEC 4 field order).
  void span_fields(span s, bool text_after) {
    out_ += ",\"start\":";
    number(cps_.to_codepoint(s.begin));
    out_ += ",\"end\":";
    number(cps_.to_codepoint(s.end));
    if (text_after) {
      out_ += ",\"text\":";
      string(doc_.view(s));
    }
  }

  void number(std::size_t n) { out_ += std::to_string(n); }

  void string(std::string_view s) {
    // Spans of the analysed text are valid UTF-8; an id (a file name, a corpus attribute) may not
    // be: such bytes become U+FFFD so that the output is always valid JSON.
    if (!check_utf8(s)) {
      const std::string repaired = repair_utf8(s);
      string(repaired);
      return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out_ += '"';
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        default:
          if (c < 0x20) {
            out_ += "\\u00";
            out_ += hex[c >> 4];
            out_ += hex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
  }

  void flush_if_full() {
    if (sink_ && out_.size() > (1u << 16)) flush();
  }
  void flush() {
    if (!sink_) return;
    sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }

  const document& doc_;
  codepoint_map cps_;
  std::string& out_;
  std::ostream* sink_;
};

}  // namespace detail

HEARSAY_FUNC void write_json(std::ostream& out, const document& doc) {
  std::string buffer;
  buffer.reserve(1u << 17);
  detail::json_writer(doc, buffer, &out).document_object();
}

HEARSAY_FUNC std::string to_json(const document& doc, int indent) {
  if (indent < 0) {
    std::string out;
    detail::json_writer(doc, out, nullptr).document_object();
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
