// Definitions for gold_xml.hpp.
#ifndef HEARSAY_GOLD_XML_INL_HPP
#define HEARSAY_GOLD_XML_INL_HPP

#include <ostream>
#include <sstream>

#include "hearsay/detail/escape.hpp"
#include "hearsay/detail/markup.hpp"
#include "hearsay/gold_xml.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

// Writes one <doc> through walk_marks, flushing to the stream every few hundred kilobytes.
class gold_xml_doc_writer {
 public:
  gold_xml_doc_writer(const document& doc, const marked_text& marks, std::ostream& out)
      : doc_(doc), marks_(marks), out_(out) {}

  void write(std::string_view id) {
    buf_ += "  <doc id=\"";
    append_escaped(buf_, id);
    buf_ += "\">\n";
    walk_marks(doc_.text, marks_, *this);
    buf_ += "  </doc>\n";
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void paragraph(bool open) { buf_ += open ? "    <p>" : "</p>\n"; }
  void sentence(const sentence_mark&, bool open) {
    buf_ += open ? "<s>" : "</s>";
    if (!open && buf_.size() > (1u << 18)) {
      out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
      buf_.clear();
    }
  }
  void claim(const claim_mark& m, bool open) {
    if (!open) {
      buf_ += "</claim>";
      return;
    }
    const hearsay::claim& c = doc_.claims[m.claim];
    buf_ += "<claim status=\"";
    buf_ += to_string(c.status);
    buf_ += '"';
    if (!c.chain.empty()) {
      buf_ += " chain=\"";
      const auto& chain = marks_.chains[m.claim];
      for (std::size_t i = 0; i < chain.size(); ++i) {
        if (i) buf_ += ' ';
        if (chain[i] == no_mark) {
          buf_ += '_';
        } else {
          source_id(chain[i]);
        }
      }
      buf_ += '"';
    }
    buf_ += " certainty=\"";
    buf_ += to_string(c.certainty);
    buf_ += "\" polarity=\"";
    buf_ += to_string(c.polarity);
    buf_ += "\" quote=\"";
    buf_ += to_string(c.quote);
    buf_ += "\">";
  }
  void leaf(const leaf_mark& m, bool open) {
    if (m.kind == leaf_kind::cue) {
      buf_ += open ? "<cue>" : "</cue>";
      return;
    }
    if (!open) {
      buf_ += "</src>";
      return;
    }
    const marked_source& s = marks_.sources[m.index];
    buf_ += "<src id=\"";
    source_id(m.index);
    buf_ += "\" kind=\"";
    buf_ += to_string(s.kind);
    buf_ += "\" named=\"";
    buf_ += s.named ? "true" : "false";
    buf_ += '"';
    if (s.refers_to != no_mark) {
      buf_ += " ref=\"";
      source_id(s.refers_to);
      buf_ += '"';
    }
    buf_ += '>';
  }
  void text(std::string_view t) { append_escaped(buf_, t); }

 private:
  void source_id(std::size_t i) {
    buf_ += 's';
    buf_ += std::to_string(i + 1);
  }

  const document& doc_;
  const marked_text& marks_;
  std::ostream& out_;
  std::string buf_;
};

}  // namespace detail

HEARSAY_FUNC gold_xml_writer::gold_xml_writer(std::ostream& out, std::string_view language)
    : out_(out), language_(language.empty() ? "en" : std::string(language)) {}

HEARSAY_FUNC void gold_xml_writer::start() {
  if (started_) return;
  started_ = true;
  out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<corpus lang=\""
       << detail::escaped(repair_utf8(language_)) << "\">\n";
}

HEARSAY_FUNC void gold_xml_writer::write(const document& doc) {
  start();
  // An id must be non-empty and unique in the corpus for the gold reader.
  std::string base = repair_utf8(doc.id);
  if (base.empty()) base = "doc";
  std::string id = base;
  for (std::size_t n = 2; !ids_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
  const detail::marked_text marks = detail::mark_text(doc);
  detail::gold_xml_doc_writer(doc, marks, out_).write(id);
}

HEARSAY_FUNC void gold_xml_writer::finish() {
  if (finished_) return;
  start();
  finished_ = true;
  out_ << "</corpus>\n";
  out_.flush();
}

HEARSAY_FUNC gold_xml_writer::~gold_xml_writer() {
  try {
    finish();
  } catch (...) {  // a destructor must not throw; a failed stream shows in its state
  }
}

HEARSAY_FUNC std::string to_gold_xml(const std::vector<document>& docs) {
  std::ostringstream out;
  {
    gold_xml_writer xml(out, docs.empty() ? "en" : std::string_view(docs.front().language));
    for (const document& d : docs) xml.write(d);
  }
  return out.str();
}

}  // namespace hearsay

#endif  // HEARSAY_GOLD_XML_INL_HPP
