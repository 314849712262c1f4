// See jsonl_record.hpp.
#include "jsonl_record.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace cli {
namespace {

class reader {
 public:
  explicit reader(std::string_view line) : p_(line.data()), end_(line.data() + line.size()) {}

  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool eat(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool at_end() {
    skip_space();
    return p_ == end_;
  }
  bool null_literal() {
    skip_space();
    if (end_ - p_ < 4 || std::memcmp(p_, "null", 4) != 0) return false;
    p_ += 4;
    return true;
  }

  // A string (the opening quote next), decoded into `out`.
  bool string(std::string& out) {
    out.clear();
    if (!eat('"')) return false;
    while (true) {
      // Plain bytes in runs; the line is valid UTF-8 already.
      const char* run = p_;
      while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) {
        ++p_;
      }
      out.append(run, static_cast<std::size_t>(p_ - run));
      if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
      if (*p_++ == '"') return true;
      if (!escape(out)) return false;
    }
  }

 private:
  bool escape(std::string& out) {
    if (p_ == end_) return false;
    switch (*p_++) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        return unicode_escape(out);
      default:
        return false;
    }
  }

  bool hex4(std::uint32_t& value) {
    if (end_ - p_ < 4) return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      const int digit = c >= '0' && c <= '9'   ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
  }

  // \uXXXX, a surrogate pair as two; a lone surrogate is left to the full parser.
  bool unicode_escape(std::string& out) {
    std::uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
      p_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  const char* p_;
  const char* end_;
};

}  // namespace

bool read_plain_record(std::string_view line, jsonl_record& out) {
  out.has_id = out.has_text = false;
  bool seen_id = false, seen_text = false;
  reader in(line);
  if (!in.eat('{')) return false;
  std::string key;
  std::string ignored;
  if (!in.eat('}')) {
    do {
      if (!in.string(key) || !in.eat(':')) return false;
      const bool is_id = key == "id", is_text = key == "text";
      if ((is_id && seen_id) || (is_text && seen_text)) return false;
      seen_id |= is_id;
      seen_text |= is_text;
      if (in.null_literal()) continue;
      std::string& value = is_id ? out.id : is_text ? out.text : ignored;
      if (!in.string(value)) return false;
      out.has_id |= is_id;
      out.has_text |= is_text;
    } while (in.eat(','));
    if (!in.eat('}')) return false;
  }
  return in.at_end();
}

}  // namespace cli
