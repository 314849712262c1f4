// Where `hearsay analyze` sends each analysed document, in the format asked for: JSON Lines and
// the streaming views (text, xml, html) write each document as it comes; JSON writes one object,
// or an array of several, once every input has succeeded (so a failure never leaves a partial
// JSON value).
#ifndef HEARSAY_CLI_VIEWS_OUTPUT_HPP
#define HEARSAY_CLI_VIEWS_OUTPUT_HPP

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/gold_xml.hpp"
#include "hearsay/html.hpp"
#include "text_view.hpp"

namespace cli {

struct output_options {
  std::string format = "json";  ///< json, jsonl, text, xml, html
  bool pretty = false;          ///< Indent JSON.
  bool stream_json = false;     ///< json: one document a line as it comes (--input jsonl).
  text_view_options text;
  std::string title = "hearsay";  ///< Of the HTML page.
};

class document_output {
 public:
  document_output(std::ostream& out, output_options options);
  document_output(const document_output&) = delete;
  document_output& operator=(const document_output&) = delete;
  ~document_output();

  /// Take one analysed document.
  void write(hearsay::document doc);
  /// Write what is held back (JSON) and close the views' wrappers.
  void finish();
  /// Drop what is held back: an input failed and JSON must print nothing.
  void abandon();

 private:
  std::ostream& out_;
  output_options options_;
  std::vector<hearsay::document> held_;  // json only
  std::unique_ptr<hearsay::gold_xml_writer> xml_;
  std::unique_ptr<hearsay::html_writer> html_;
  bool first_text_ = true;
  bool finished_ = false;
};

}  // namespace cli

#endif  // HEARSAY_CLI_VIEWS_OUTPUT_HPP
