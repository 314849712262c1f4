// Definitions for html.hpp.
#ifndef HEARSAY_HTML_INL_HPP
#define HEARSAY_HTML_INL_HPP

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <ostream>
#include <sstream>

#include "hearsay/detail/escape.hpp"
#include "hearsay/detail/explain.hpp"
#include "hearsay/detail/html_style.hpp"
#include "hearsay/detail/markup.hpp"
#include "hearsay/html.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

// Append `s` as a JSON string (for data-chain); the caller HTML-escapes the result.
inline void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

// The summary of SPEC section 8's `sourcing`, computed from the claims: by status, by innermost
// source kind, named and anonymous, and the distinct innermost sources with their claim counts.
struct sourcing_summary {
  std::array<std::size_t, value_count<status>> by_status{};
  std::array<std::size_t, value_count<source_kind>> by_kind{};
  std::size_t writer = 0;  // claims with an empty chain
  std::size_t named = 0;
  std::size_t anonymous = 0;  // innermost source anonymous or unspecified
  std::vector<std::pair<std::string, std::size_t>> sources;  // most claims first

  explicit sourcing_summary(const document& doc) {
    std::map<std::string, std::size_t> counts;
    for (const claim& c : doc.claims) {
      ++by_status[static_cast<std::size_t>(c.status)];
      if (c.chain.empty()) {
        ++writer;
        continue;
      }
      const source& s = c.chain.back().source;
      ++by_kind[static_cast<std::size_t>(s.kind)];
      if (s.named) ++named;
      if (s.kind == source_kind::anonymous || s.kind == source_kind::unspecified) ++anonymous;
      const std::string_view shown = s.refers_to ? doc.view(*s.refers_to) : doc.view(s.where);
      ++counts[shown.empty() ? std::string("(unspecified)") : std::string(shown)];
    }
    sources.assign(counts.begin(), counts.end());
    std::stable_sort(sources.begin(), sources.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
};

inline std::string fixed2(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  return buffer;
}

// Writes one <article> through walk_marks, flushing to the stream every few hundred kilobytes.
class html_doc_writer {
 public:
  html_doc_writer(const document& doc, const marked_text& marks, std::ostream& out)
      : doc_(doc), marks_(marks), out_(out) {}

  void write(std::size_t number) {
    buf_ += "<article id=\"doc-";
    buf_ += std::to_string(number);
    buf_ += "\" data-id=\"";
    append_escaped(buf_, repair_utf8(doc_.id));
    buf_ += "\"><h2>";
    append_escaped(buf_, repair_utf8(doc_.id));
    buf_ += "</h2><div class=\"text\">\n";
    walk_marks(doc_.text, marks_, *this);
    buf_ += "</div>\n";
    summary();
    buf_ += "</article>\n";
    flush();
  }

  void paragraph(bool open) { buf_ += open ? "<p>" : "</p>\n"; }
  void sentence(const sentence_mark&, bool open) {
    if (!open && buf_.size() > (1u << 18)) flush();
  }
  void claim(const claim_mark& m, bool open) {
    if (!open) {
      buf_ += "</span>";
      return;
    }
    const hearsay::claim& c = doc_.claims[m.claim];
    buf_ += "<span class=\"claim st-";
    buf_ += to_string(c.status);
    buf_ += "\" tabindex=\"0\" data-claim=\"";
    buf_ += std::to_string(m.claim);
    buf_ += "\" data-status=\"";
    buf_ += to_string(c.status);
    buf_ += "\" data-certainty=\"";
    buf_ += to_string(c.certainty);
    buf_ += "\" data-polarity=\"";
    buf_ += to_string(c.polarity);
    buf_ += "\" data-chain=\"";
    scratch_.clear();
    scratch_ += '[';
    for (std::size_t i = 0; i < c.chain.size(); ++i) {
      if (i) scratch_ += ',';
      append_json_string(scratch_, doc_.view(c.chain[i].source.where));
    }
    scratch_ += ']';
    append_escaped(buf_, scratch_);
    buf_ += "\" data-tip=\"";
    tip(c);
    buf_ += "\">";
  }
  void leaf(const leaf_mark& m, bool open) {
    if (!open) {
      buf_ += "</span>";
      return;
    }
    if (m.kind == leaf_kind::cue) {
      buf_ += "<span class=\"cue\">";
      return;
    }
    const marked_source& s = marks_.sources[m.index];
    buf_ += "<span class=\"src";
    if (s.kind == source_kind::anonymous) buf_ += " anon";
    buf_ += "\" data-kind=\"";
    buf_ += to_string(s.kind);
    buf_ += "\">";
  }
  void text(std::string_view t) { append_escaped(buf_, t); }

 private:
  // The tip shown on hover and focus, one fact a line.
  void tip(const hearsay::claim& c) {
    scratch_.clear();
    std::string& t = scratch_;
    t += to_string(c.status);
    t += " \xC2\xB7 ";
    t += to_string(c.certainty);
    t += " \xC2\xB7 ";
    t += to_string(c.polarity);
    if (c.quote != quote_kind::none) {
      t += " \xC2\xB7 quote: ";
      t += to_string(c.quote);
    }
    if (c.chain.empty()) {
      t += "\nchain: the writer's own claim";
    } else {
      t += "\nchain (outermost first):";
      for (std::size_t i = 0; i < c.chain.size(); ++i) {
        const link& l = c.chain[i];
        t += '\n';
        t += std::to_string(i + 1);
        t += ". ";
        const std::string_view src = doc_.view(l.source.where);
        t += src.empty() ? std::string_view("(unspecified source)") : src;
        if (l.source.refers_to) {
          t += " = ";
          t += doc_.view(*l.source.refers_to);
        }
        t += " (";
        t += to_string(l.source.kind);
        if (l.source.named) t += ", named";
        t += ") \xE2\x80\x94 \xE2\x80\x9C";
        t += doc_.view(l.cue.where);
        t += "\xE2\x80\x9D ";
        t += to_string(l.cue.kind);
      }
    }
    if (const auto conf = confidence_of(c)) {
      t += "\nconfidence: ";
      t += fixed2(*conf);
    }
    if (const auto rule = rule_of(c)) {
      t += "\nrule: ";
      t += *rule;
    }
    if (const auto flags = flags_of(c)) {
      t += "\nflags: ";
      if (flags->empty()) t += "none";
      for (std::size_t i = 0; i < flags->size(); ++i) {
        if (i) t += ", ";
        t += (*flags)[i];
      }
    }
    append_escaped(buf_, t);
  }

  void row(std::string_view key, std::string_view label, std::size_t n, std::size_t total) {
    buf_ += "<tr><td>";
    if (!key.empty()) {
      buf_ += "<span class=\"key st-";
      buf_ += key;
      buf_ += "\">";
    }
    append_escaped(buf_, label);
    if (!key.empty()) buf_ += "</span>";
    buf_ += "</td><td class=\"n\">";
    buf_ += std::to_string(n);
    buf_ += "</td><td><span class=\"bar\" style=\"width:";
    buf_ += std::to_string(total ? (n * 80 + total - 1) / total : 0);
    buf_ += "px\"></span></td></tr>";
  }

  void summary() {
    const sourcing_summary s(doc_);
    const std::size_t total = doc_.claims.size();
    buf_ += "<aside aria-label=\"Sourcing summary\"><h3>Claims by status</h3><table>";
    for (std::size_t i = 0; i < s.by_status.size(); ++i) {
      const std::string_view name = to_string(static_cast<status>(i));
      row(name, name, s.by_status[i], total);
    }
    row("", "all claims", total, total);
    buf_ += "</table><h3>Innermost source by kind</h3><table>";
    row("", "the writer", s.writer, total);
    for (std::size_t i = 0; i < s.by_kind.size(); ++i) {
      if (s.by_kind[i]) row("", to_string(static_cast<source_kind>(i)), s.by_kind[i], total);
    }
    buf_ += "</table><h3>Named or anonymous</h3><table>";
    row("", "named source", s.named, total);
    row("", "anonymous or unspecified", s.anonymous, total);
    row("", "other unnamed source", total - s.writer - s.named - s.anonymous, total);
    buf_ += "</table><h3>Sources</h3><ol class=\"sources\">";
    const std::size_t shown = std::min<std::size_t>(s.sources.size(), 15);
    for (std::size_t i = 0; i < shown; ++i) {
      buf_ += "<li>";
      append_escaped(buf_, s.sources[i].first);
      buf_ += " <span class=\"n\">(";
      buf_ += std::to_string(s.sources[i].second);
      buf_ += ")</span></li>";
    }
    buf_ += "</ol>";
    if (s.sources.size() > shown) {
      buf_ += "<p>and " + std::to_string(s.sources.size() - shown) + " more</p>";
    }
    buf_ +=
        "<h3>Legend</h3><table class=\"legend\">"
        "<tr><td><span class=\"key st-confirmed\">confirmed</span></td><td>asserted as fact "
        "(solid underline, tick)</td></tr>"
        "<tr><td><span class=\"key st-reported\">reported</span></td><td>passed on from a source "
        "(dashed underline, quote mark)</td></tr>"
        "<tr><td><span class=\"key st-alleged\">alleged</span></td><td>belief, suspicion or "
        "speculation (wavy underline, question mark)</td></tr>"
        "<tr><td><span class=\"src\">source</span></td><td>who a claim comes from (dashed box: "
        "anonymous)</td></tr>"
        "<tr><td><span class=\"cue\">cue</span></td><td>the words that attribute it</td></tr>"
        "</table><p>Hover over a claim, or reach it with Tab, to see its chain and "
        "certainty.</p></aside>";
  }

  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  const document& doc_;
  const marked_text& marks_;
  std::ostream& out_;
  std::string buf_;
  std::string scratch_;
};

}  // namespace detail

HEARSAY_FUNC html_writer::html_writer(std::ostream& out, std::string_view title)
    : out_(out), title_(repair_utf8(title)) {}

HEARSAY_FUNC void html_writer::start() {
  if (started_) return;
  started_ = true;
  const std::string title = detail::escaped(title_);
  out_ << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'\"><title>"
       << title << "</title><style>" << detail::html_style
       << "</style></head>\n<body><a class=\"skip\" href=\"#toc\">Contents</a><main>"
          "<header class=\"page\"><h1>"
       << title << "</h1></header>\n";
}

HEARSAY_FUNC void html_writer::write(const document& doc) {
  start();
  const detail::marked_text marks = detail::mark_text(doc);
  detail::html_doc_writer(doc, marks, out_).write(toc_.size() + 1);
  toc_.push_back({repair_utf8(doc.id), doc.claims.size()});
}

HEARSAY_FUNC void html_writer::finish() {
  if (finished_) return;
  start();
  finished_ = true;
  out_ << "</main>";
  if (toc_.size() > 1) {
    // Shown first (a column of its own on a wide screen); written last so that documents stream.
    out_ << "<nav id=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>";
    for (std::size_t i = 0; i < toc_.size(); ++i) {
      out_ << "<li><a href=\"#doc-" << (i + 1) << "\">" << detail::escaped(toc_[i].id)
           << "</a> <span class=\"n\">(" << toc_[i].claims
           << (toc_[i].claims == 1 ? " claim" : " claims") << ")</span></li>";
    }
    out_ << "</ol></nav><style>@media (min-width:60rem){body{grid-template-columns:15rem "
            "minmax(0,1fr)}}</style>";
  }
  out_ << "</body></html>\n";
  out_.flush();
}

HEARSAY_FUNC html_writer::~html_writer() {
  try {
    finish();
  } catch (...) {  // a destructor must not throw; a failed stream shows in its state
  }
}

HEARSAY_FUNC std::string to_html(const std::vector<document>& docs, std::string_view title) {
  std::ostringstream out;
  {
    html_writer page(out, title);
    for (const document& d : docs) page.write(d);
  }
  return out.str();
}

}  // namespace hearsay

#endif  // HEARSAY_HTML_INL_HPP
