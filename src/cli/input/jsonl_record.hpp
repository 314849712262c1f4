// The common JSON Lines record read without a DOM: `{"id": "...", "text": "..."}`, members in
// any order, any others ignored. nlohmann::json built a tree for each line and copied the text
// twice more; this decodes the two strings once, into buffers kept from line to line.
#ifndef HEARSAY_CLI_INPUT_JSONL_RECORD_HPP
#define HEARSAY_CLI_INPUT_JSONL_RECORD_HPP

#include <string>
#include <string_view>

namespace cli {

struct jsonl_record {
  std::string id;  ///< The "id" string, when has_id.
  std::string text;
  bool has_id = false;    ///< "id" was a string (absent or null: false).
  bool has_text = false;  ///< "text" was a string (absent or null: false).
};

/// Read `line` (valid UTF-8) into `out` when it is a JSON object whose members are all strings
/// or null; return false for anything else (another value, an escape this reader does not
/// take, a repeated "id" or "text", a syntax error), which the caller then gives to a full JSON
/// parser, so that every answer and every error message stays that parser's.
bool read_plain_record(std::string_view line, jsonl_record& out);

}  // namespace cli

#endif  // HEARSAY_CLI_INPUT_JSONL_RECORD_HPP
