// Escaping text for XML and HTML. The input is valid UTF-8 (spans of an analysed text); an id or a
// name that may not be is repaired first by the caller.
#ifndef HEARSAY_DETAIL_ESCAPE_HPP
#define HEARSAY_DETAIL_ESCAPE_HPP

#include <string>
#include <string_view>

namespace hearsay::detail {

/// Append `text` to `out` with &, <, > and " escaped. Characters XML 1.0 and HTML do not allow
/// in a document (C0 controls but tab and line breaks, U+FFFE, U+FFFF) become a space, so that
/// words stay apart as the analysis saw them.
inline void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the bytes not yet copied
  auto flush = [&](std::size_t i) { out.append(text.data() + run, i - run); };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const char* replacement = nullptr;
    std::size_t width = 1;
    switch (c) {
      case '&':
        replacement = "&amp;";
        break;
      case '<':
        replacement = "&lt;";
        break;
      case '>':
        replacement = "&gt;";
        break;
      case '"':
        replacement = "&quot;";
        break;
      case 0xEF:  // U+FFFE and U+FFFF are EF BF BE and EF BF BF
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE) {
          replacement = " ";
          width = 3;
        }
        break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') replacement = " ";
        if (c == 0x7F) replacement = " ";
        break;
    }
    if (replacement) {
      flush(i);
      out += replacement;
      i += width - 1;
      run = i + 1;
    }
  }
  flush(text.size());
}

/// Return `text` escaped as append_escaped does.
inline std::string escaped(std::string_view text) {
  std::string out;
  append_escaped(out, text);
  return out;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_ESCAPE_HPP
