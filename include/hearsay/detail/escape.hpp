// Escaping text for XML and HTML. The input is valid UTF-8 (spans of an analysed text); an id or a
// name that may not be is repaired first by the caller.
#ifndef HEARSAY_DETAIL_ESCAPE_HPP
#define HEARSAY_DETAIL_ESCAPE_HPP

#include <array>
#include <string>
#include <string_view>

namespace hearsay::detail {

/// Append `text` to `out` with &, <, > and " escaped. Characters XML 1.0 and HTML do not allow
/// in a document (C0 controls but tab and line breaks, U+FFFE, U+FFFF) become a space, so that
/// words stay apart as the analysis saw them.
inline void append_escaped(std::string& out, std::string_view text) {
  // Bytes that need a look: the four escaped ones, the forbidden controls, and 0xEF (the lead
  // byte of U+FFFE and U+FFFF). Runs of other bytes are copied whole.
  static constexpr auto special = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = c != '\t' && c != '\n' && c != '\r';
    t['&'] = t['<'] = t['>'] = t['"'] = t[0x7F] = t[0xEF] = true;
    return t;
  }();
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const char* run = p;
    while (p < end && !special[static_cast<unsigned char>(*p)]) ++p;
    out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case 0xEF:  // U+FFFE and U+FFFF are EF BF BE and EF BF BF
        if (end - p > 2 && static_cast<unsigned char>(p[1]) == 0xBF &&
            (static_cast<unsigned char>(p[2]) & 0xFE) == 0xBE) {
          out += ' ';
          p += 2;
        } else {
          out += *p;
        }
        break;
      default:  // a forbidden control character
        out += ' ';
        break;
    }
    ++p;
  }
}

/// Return `text` escaped as append_escaped does.
inline std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_ESCAPE_HPP
