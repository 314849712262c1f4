// A JSON Lines record's id, decided once for every command (docs/RELIABILITY.md, the same rule
// as hearsay.dask): a string as it is, an integer as its decimal text, absent or null the
// default; any other value rejects the record.
#ifndef HEARSAY_CLI_INPUT_RECORD_ID_HPP
#define HEARSAY_CLI_INPUT_RECORD_ID_HPP

#include <nlohmann/json.hpp>

#include <string>

#include "hearsay/error.hpp"

namespace cli {

inline std::string record_id(const nlohmann::json& record, std::string fallback) {
  const auto it = record.find("id");
  if (it == record.end() || it->is_null()) return fallback;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  throw hearsay::error("input_error", hearsay::error_id::invalid_value,
                       std::string("record field \"id\" must be a string or an integer, not ") +
                           (it->is_number()    ? "a non-integer number"
                            : it->is_boolean() ? "a boolean"
                            : it->is_array()   ? "an array"
                                               : "an object"));
}

}  // namespace cli

#endif  // HEARSAY_CLI_INPUT_RECORD_ID_HPP
