// See output.hpp.
#include "output.hpp"

#include <ostream>
#include <utility>

#include "hearsay/json.hpp"

namespace cli {
namespace {

void print_json(std::ostream& out, const hearsay::document& doc, bool pretty) {
  if (pretty) {
    out << hearsay::to_json(doc, 2);
  } else {
    hearsay::write_json(out, doc);  // streamed: memory stays small
  }
}

}  // namespace

document_output::document_output(std::ostream& out, output_options options)
    : out_(out), options_(std::move(options)) {
  if (options_.format == "xml") xml_ = std::make_unique<hearsay::gold_xml_writer>(out_);
  if (options_.format == "html") {
    html_ = std::make_unique<hearsay::html_writer>(out_, options_.title);
  }
}

document_output::~document_output() {
  if (!finished_) abandon();
}

void document_output::write(hearsay::document doc) {
  const std::string& f = options_.format;
  if (f == "jsonl" || (f == "json" && options_.stream_json)) {
    print_json(out_, doc, options_.stream_json && options_.pretty);
    out_ << '\n';
  } else if (f == "json") {
    held_.push_back(std::move(doc));
  } else if (f == "text") {
    if (!first_text_) out_ << '\n';
    first_text_ = false;
    write_text_view(out_, doc, options_.text);
  } else if (xml_) {
    xml_->write(doc);
  } else if (html_) {
    html_->write(doc);
  }
}

void document_output::finish() {
  if (finished_) return;
  finished_ = true;
  if (options_.format == "json" && !options_.stream_json) {
    if (held_.size() == 1) {
      print_json(out_, held_.front(), options_.pretty);
      out_ << '\n';
    } else {
      out_ << "[";
      for (std::size_t i = 0; i < held_.size(); ++i) {
        out_ << (i ? ",\n" : "\n");
        print_json(out_, held_[i], options_.pretty);
      }
      out_ << "\n]\n";
    }
    held_.clear();
  }
  if (xml_) xml_->finish();
  if (html_) html_->finish();
  out_.flush();
}

void document_output::abandon() {
  held_.clear();
  finished_ = true;
  // The views still close their wrappers so that what was written stays well-formed.
  if (xml_) xml_->finish();
  if (html_) html_->finish();
}

}  // namespace cli
