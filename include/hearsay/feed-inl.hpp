// Definitions for feed.hpp.
#ifndef HEARSAY_FEED_INL_HPP
#define HEARSAY_FEED_INL_HPP

#include <nlohmann/json.hpp>

#include <cstdio>

#include "hearsay/feed.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

inline bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

inline int days_in_month(int y, int m) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

// The value of `n` ASCII digits at text[at], or -1 when one of them is not a digit.
inline int digits_at(std::string_view text, std::size_t at, std::size_t n) noexcept {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

// A parse_error of kind "input_error" at byte `column` of the line `where` names.
inline parse_error input_error(error_id id, const feed_position& where, std::size_t column,
                               const std::string& message) {
  return parse_error(id, where.source, text_position{where.offset + column, where.line, column + 1},
                     message, "input_error");
}

inline const char* json_kind(const nlohmann::json& v) noexcept {
  if (v.is_number()) return "a non-integer number";
  if (v.is_boolean()) return "a boolean";
  if (v.is_array()) return "an array";
  if (v.is_object()) return "an object";
  return "a string";
}

}  // namespace detail

HEARSAY_FUNC std::int64_t feed_date::sort_key() const noexcept {
  // Days from civil (Howard Hinnant's algorithm), counted from 0000-03-01.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = y / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t days =
      static_cast<std::int64_t>(era) * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return days * 1440 + (minute_of_day < 0 ? 0 : minute_of_day);
}

HEARSAY_FUNC std::optional<feed_date> parse_feed_date(std::string_view text) noexcept {
  if (text.size() != 10 && text.size() != 16) return std::nullopt;
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  feed_date d;
  d.year = detail::digits_at(text, 0, 4);
  d.month = detail::digits_at(text, 5, 2);
  d.day = detail::digits_at(text, 8, 2);
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > detail::days_in_month(d.year, d.month)) {
    return std::nullopt;
  }
  if (text.size() == 16) {
    if (text[10] != 'T' || text[13] != ':') return std::nullopt;
    const int hour = detail::digits_at(text, 11, 2);
    const int minute = detail::digits_at(text, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return std::nullopt;
    d.minute_of_day = hour * 60 + minute;
  }
  return d;
}

HEARSAY_FUNC std::string to_string(const feed_date& date) {
  char buffer[32];
  if (date.minute_of_day < 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d", date.year, date.month,
                  date.day, date.minute_of_day / 60, date.minute_of_day % 60);
  }
  return buffer;
}

HEARSAY_FUNC feed_record read_feed_record(std::string_view line, const feed_position& where,
                                          const feed_options& options) {
  std::string repaired;
  if (const utf8_check valid = check_utf8(line); !valid) {
    if (!options.repair_utf8) {
      throw detail::input_error(error_id::invalid_utf8, where, valid.offset,
                                std::string("invalid UTF-8: ") + valid.reason);
    }
    repaired = repair_utf8(line);
    line = repaired;
  }
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann counts the byte it stopped at from 1.
    const std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, line.size()) : 0;
    // Keep nlohmann's reason, not its own position ("[json.exception.parse_error.101] parse error
    // at line 1, column 2: syntax error ...").
    std::string why = e.what();
    if (const std::size_t column = why.find("column "); column != std::string::npos) {
      if (const std::size_t colon = why.find(": ", column); colon != std::string::npos)
        why = why.substr(colon + 2);
    }
    throw detail::input_error(error_id::malformed_json, where, at, "not JSON: " + why);
  }
  if (!record.is_object()) {
    throw detail::input_error(error_id::invalid_value, where, 0,
                              std::string("a record must be a JSON object, not ") +
                                  (record.is_string() ? "a string" : detail::json_kind(record)));
  }
  feed_record out;
  const auto text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    throw detail::input_error(error_id::invalid_value, where, 0,
                              "record needs a string field \"text\"");
  }
  out.text = text->get<std::string>();
  if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw detail::input_error(error_id::invalid_value, where, 0, "record has an empty \"text\"");
  }
  const auto id = record.find("id");
  if (id == record.end() || id->is_null()) {
    out.id = std::string(where.source) + ":" + std::to_string(where.line);
  } else if (id->is_string()) {
    out.id = id->get<std::string>();
  } else if (id->is_number_integer()) {
    out.id = id->dump();
  } else {
    throw detail::input_error(
        error_id::invalid_value, where, 0,
        std::string("record field \"id\" must be a string or an integer, not ") +
            detail::json_kind(*id));
  }
  if (const auto outlet = record.find("outlet"); outlet != record.end() && !outlet->is_null()) {
    if (outlet->is_string() && !outlet->get_ref<const std::string&>().empty()) {
      out.outlet = outlet->get<std::string>();
    } else {
      out.problems.push_back(detail::input_error(
          error_id::invalid_value, where, 0,
          std::string("record \"") + out.id +
              "\": field \"outlet\" must be a non-empty string, not " +
              (outlet->is_string() ? "an empty one" : detail::json_kind(*outlet)) +
              "; traced without an outlet"));
    }
  }
  if (const auto date = record.find("date"); date != record.end() && !date->is_null()) {
    if (date->is_string()) out.date = parse_feed_date(date->get_ref<const std::string&>());
    if (!out.date) {
      out.problems.push_back(detail::input_error(
          error_id::invalid_value, where, 0,
          std::string("record \"") + out.id + "\": date " + date->dump() +
              " does not parse (YYYY-MM-DD or YYYY-MM-DDTHH:MM); traced without a date"));
    }
  }
  return out;
}

}  // namespace hearsay

#endif  // HEARSAY_FEED_INL_HPP
