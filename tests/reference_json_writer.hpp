// The JSON writer as it was before issue 16 (std::string appends, std::to_string, snprintf,
// codepoint_map per offset), kept as the reference that the new writer must match byte for byte.
#ifndef HEARSAY_TESTS_REFERENCE_JSON_WRITER_HPP
#define HEARSAY_TESTS_REFERENCE_JSON_WRITER_HPP

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/text.hpp"

namespace reference {

using namespace hearsay;

// Code-point offsets by a prefix count: independent of codepoint_map, which issue 16 changed.
class prefix_codepoints {
 public:
  explicit prefix_codepoints(std::string_view text) : before_(text.size() + 1, 0) {
    for (std::size_t i = 0; i < text.size(); ++i) {
      before_[i + 1] = before_[i] + ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80);
    }
  }
  std::size_t to_codepoint(std::size_t byte) const {
    return before_[std::min(byte, before_.size() - 1)];
  }

 private:
  std::vector<std::size_t> before_;
};

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
      const hearsay::link& l = c.chain[i];
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
    out_ += "]}}";
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
  prefix_codepoints cps_;
  std::string& out_;
  std::ostream* sink_;
};

// The old hearsay::to_json(doc) (compact).
inline std::string to_json(const document& doc) {
  std::string out;
  json_writer(doc, out, nullptr).document_object();
  return out;
}

}  // namespace reference

#endif  // HEARSAY_TESTS_REFERENCE_JSON_WRITER_HPP
