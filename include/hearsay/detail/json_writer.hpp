// The compact SPEC section 4 JSON writer behind hearsay::to_json and hearsay::write_json: one
// pass over the document in SPEC's field order into a json_buffer, offsets converted by cursors
// that walk forward with the writer (detail/codepoint_cursor.hpp).
//
// A field is two lines: its key as a literal (`out_.raw(",\"name\":")`) and its value through
// one of the value functions below (number, fixed3, a span's text, a checked string, a list).
#ifndef HEARSAY_DETAIL_JSON_WRITER_HPP
#define HEARSAY_DETAIL_JSON_WRITER_HPP

#include <string>
#include <string_view>

#include "hearsay/claim.hpp"
#include "hearsay/detail/codepoint_index.hpp"
#include "hearsay/detail/json_buffer.hpp"
#include "hearsay/text.hpp"

namespace hearsay::detail {

class json_writer {
 public:
  json_writer(const document& doc, json_buffer& out)
      : doc_(doc),
        out_(out),
        cps_(doc.text),
        // The analyzer's text is valid UTF-8, and so is every span of it that starts and ends on a
        // code point boundary: one check here instead of one per span. A document built by hand
        // may hold anything; its spans are then checked one by one, as ids and lemmas are.
        text_valid_(check_utf8(doc.text).valid) {}

  /// Write the document object (one line, no trailing newline); call out.finish() after.
  void document_object() {
    out_.raw("{\"id\":");
    checked_string(doc_.id);
    out_.raw(",\"language\":");
    checked_string(doc_.language);
    out_.raw(",\"sentences\":[");
    for (std::size_t i = 0; i < doc_.sentences.size(); ++i) {
      if (i) out_.raw(',');
      out_.raw("{\"start\":");
      out_.number(cps_.to_codepoint(doc_.sentences[i].begin));
      out_.raw(",\"end\":");
      out_.number(cps_.to_codepoint(doc_.sentences[i].end));
      out_.raw('}');
    }
    out_.raw("],\"claims\":[");
    for (std::size_t i = 0; i < doc_.claims.size(); ++i) {
      if (i) out_.raw(',');
      claim_object(doc_.claims[i]);
    }
    out_.raw(']');
    if (doc_.sourcing) sourcing_object(*doc_.sourcing);
    if (doc_.repaired) {
      out_.raw(",\"repaired\":{\"replacements\":");
      out_.number(doc_.repaired.count);
      out_.raw(",\"first\":");
      out_.number(cps_.to_codepoint(doc_.repaired.first));
      out_.raw('}');
    }
    out_.raw('}');
  }

 private:
  void claim_object(const claim& c) {
    out_.raw("{\"sentence\":");
    out_.number(c.sentence);
    offsets(c.where);
    out_.raw(",\"text\":");
    span_text(c.where);
    out_.raw(",\"status\":");
    name(to_string(c.status));
    out_.raw(",\"certainty\":");
    name(to_string(c.certainty));
    out_.raw(",\"polarity\":");
    name(to_string(c.polarity));
    out_.raw(",\"quote\":");
    name(to_string(c.quote));
    out_.raw(",\"chain\":[");
    for (std::size_t i = 0; i < c.chain.size(); ++i) {
      if (i) out_.raw(',');
      link_object(c.chain[i]);
    }
    out_.raw("],\"confidence\":");
    const double x = static_cast<double>(c.confidence);
    out_.fixed3(x < 0 ? 0.0 : x > 1 ? 1.0 : x);  // a probability, "0.934"
    out_.raw(",\"evidence\":{\"rule\":");
    name(to_string(c.evidence.rule));
    out_.raw(",\"words\":[");
    for (std::size_t w = 0; w < c.evidence.word_count(); ++w) {
      if (w) out_.raw(',');
      const span word = c.evidence.word(w);
      out_.raw("{\"start\":");
      out_.number(cps_.to_codepoint(word.begin));
      out_.raw(",\"end\":");
      out_.number(cps_.to_codepoint(word.end));
      out_.raw('}');
    }
    out_.raw("]}");
    if (doc_.sourcing) {  // SPEC 8: only an analysis that assessed sourcing has flags
      out_.raw(",\"flags\":[");
      bool first = true;
      for (const std::string_view f : c.flags.names()) {
        if (!first) out_.raw(',');
        name(f);
        first = false;
      }
      out_.raw(']');
    }
    out_.raw('}');
  }

  // ,"sourcing":{"by_status":{...},"by_kind":{...},"named":N,"anonymous":N,"sources":[...]}
  void sourcing_object(const sourcing& s) {
    out_.raw(",\"sourcing\":{\"by_status\":{");
    for (std::size_t i = 0; i < s.by_status.size(); ++i) {
      if (i) out_.raw(',');
      name(to_string(static_cast<status>(i)));
      out_.raw(':');
      out_.number(s.by_status[i]);
    }
    out_.raw("},\"by_kind\":{");
    for (std::size_t i = 0; i < s.by_kind.size(); ++i) {
      if (i) out_.raw(',');
      name(to_string(static_cast<source_kind>(i)));
      out_.raw(':');
      out_.number(s.by_kind[i]);
    }
    out_.raw("},\"named\":");
    out_.number(s.named);
    out_.raw(",\"anonymous\":");
    out_.number(s.anonymous);
    out_.raw(",\"sources\":[");
    for (std::size_t i = 0; i < s.sources.size(); ++i) {
      if (i) out_.raw(',');
      out_.raw("{\"text\":");
      span_text(s.sources[i].where);
      out_.raw(",\"kind\":");
      name(to_string(s.sources[i].kind));
      out_.raw(",\"claims\":");
      out_.number(s.sources[i].claims);
      out_.raw('}');
    }
    out_.raw("]}");
  }

  void link_object(const link& l) {
    out_.raw("{\"source\":{\"text\":");
    span_text(l.source.where);
    offsets(l.source.where);
    out_.raw(",\"kind\":");
    name(to_string(l.source.kind));
    out_.raw(",\"named\":");
    if (l.source.named) {
      out_.raw("true");
    } else {
      out_.raw("false");
    }
    out_.raw(",\"refers_to\":");
    if (l.source.refers_to) {
      span_text(*l.source.refers_to);
    } else {
      out_.raw("null");
    }
    out_.raw("},\"cue\":{\"text\":");
    span_text(l.cue.where);
    offsets(l.cue.where);
    out_.raw(",\"lemma\":");
    checked_string(l.cue.lemma);
    out_.raw(",\"class\":");
    name(to_string(l.cue.kind));
    out_.raw("}}");
  }

  // ,"start":S,"end":E in code points.
  void offsets(span s) {
    out_.raw(",\"start\":");
    out_.number(cps_.to_codepoint(s.begin));
    out_.raw(",\"end\":");
    out_.number(cps_.to_codepoint(s.end));
  }

  // A SPEC spelling ("reported", "verb-cue.source-left"): plain ASCII, nothing to escape.
  void name(std::string_view spelling) { out_.plain_string(spelling); }

  // The text a span covers, as a JSON string.
  void span_text(span s) {
    const std::string_view v = doc_.view(s);
    if (text_valid_ && on_boundary(v.data() - doc_.text.data()) &&
        on_boundary(v.data() + v.size() - doc_.text.data())) {
      out_.string(v);
    } else {
      checked_string(v);
    }
  }
  bool on_boundary(std::ptrdiff_t at) const noexcept {
    const auto i = static_cast<std::size_t>(at);
    return i >= doc_.text.size() || (static_cast<unsigned char>(doc_.text[i]) & 0xC0) != 0x80;
  }

  // A string that may not be valid UTF-8 (an id is a file name or a record's field): invalid
  // bytes become U+FFFD, so that the output is always valid JSON.
  void checked_string(std::string_view s) {
    if (check_utf8(s)) {
      out_.string(s);
    } else {
      out_.string(repair_utf8(s));
    }
  }

  const document& doc_;
  json_buffer& out_;
  codepoint_index cps_;
  bool text_valid_;
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_JSON_WRITER_HPP
