// The text listing of `hearsay analyze --format text` (see text_view.hpp).
#include "text_view.hpp"

#include <unicode/uchar.h>

#include <array>
#include <ostream>
#include <vector>

#include "hearsay/detail/explain.hpp"
#include "hearsay/detail/utf8_walk.hpp"

namespace cli {
namespace {

constexpr std::string_view reset = "\x1b[0m";
constexpr std::string_view bold = "\x1b[1m";
constexpr std::string_view dim = "\x1b[2m";

std::string_view status_color(hearsay::status s) {
  switch (s) {
    case hearsay::status::confirmed:
      return "\x1b[32m";  // green
    case hearsay::status::reported:
      return "\x1b[34m";  // blue
    case hearsay::status::alleged:
      return "\x1b[33m";  // yellow
  }
  return "";
}

// A line being built with its width counted apart from the escape codes.
class line_builder {
 public:
  explicit line_builder(bool color) : color_(color) {}
  void add(std::string_view text) {
    line_ += text;
    width_ += display_width(text);
  }
  void style(std::string_view code) {
    if (color_) line_ += code;
  }
  std::size_t width() const { return width_; }
  const std::string& str() const { return line_; }

 private:
  bool color_;
  std::string line_;
  std::size_t width_ = 0;
};

// Cut `text` to at most `width` columns, ending with "…" when cut.
std::string shortened(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  std::string out;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    hearsay::detail::next_code_point(text, i);
    const std::size_t w = display_width(text.substr(start, i - start));
    if (used + w + 1 > width) break;
    out.append(text.substr(start, i - start));
    used += w;
  }
  return out + "\xE2\x80\xA6";
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The chain as "NHK «citing» › diplomatic sources «said»", shortened to `width` columns.
void add_chain(line_builder& line, const hearsay::document& doc, const hearsay::claim& c,
               std::size_t width) {
  if (c.chain.empty()) {
    line.style(dim);
    line.add("writer");
    line.style(reset);
    return;
  }
  // Each link gets an equal share of the room; what a short link leaves over goes to the next.
  std::size_t room = width;
  for (std::size_t i = 0; i < c.chain.size(); ++i) {
    const hearsay::link& l = c.chain[i];
    const std::size_t separator = i ? 3 : 0;
    if (room <= separator + 1) break;
    const std::size_t share = (room - separator) / (c.chain.size() - i);
    std::string src = one_line(doc.view(l.source.where));
    if (src.empty()) src = "(unspecified)";
    if (l.source.refers_to) src += " (" + one_line(doc.view(*l.source.refers_to)) + ")";
    const std::string cue = "\xC2\xAB" + one_line(doc.view(l.cue.where)) + "\xC2\xBB";
    const std::size_t cue_width = display_width(cue);
    std::string shown_src;
    std::string shown_cue;
    if (display_width(src) + 1 + cue_width <= share) {
      shown_src = src;
      shown_cue = cue;
    } else if (share > cue_width + 6) {
      shown_src = shortened(src, share - cue_width - 1);
      shown_cue = cue;
    } else {
      shown_src = shortened(src, share);
    }
    if (i) line.add(" \xE2\x80\xBA ");
    line.style(bold);
    line.add(shown_src);
    line.style(reset);
    if (!shown_cue.empty()) {
      line.add(" ");
      line.style(dim);
      line.add(shown_cue);
      line.style(reset);
    }
    room -= separator + display_width(shown_src) + (shown_cue.empty() ? 0 : 1 + cue_width);
  }
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const UChar32 c = hearsay::detail::next_code_point(text, i);
    if (c < 0) {
      ++width;  // shown as U+FFFD
      continue;
    }
    if (c < 0x300) {
      width += c >= 0x20 && c != 0x7F ? 1 : 0;
      continue;
    }
    const auto category = U_GET_GC_MASK(c);
    if (category & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_CF_MASK)) continue;
    const auto eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    width += eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
  }
  return width;
}

std::string wrap(std::string_view text, std::size_t width, std::size_t indent,
                 std::size_t first_column) {
  std::string out;
  std::size_t column = first_column;
  bool fresh = true;  // nothing on the current line yet
  std::size_t i = 0;
  const std::string margin(indent, ' ');
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' ||
                               text[i] == '\t' || text[i] == '\f' || text[i] == '\v'))
      ++i;
    if (i == text.size()) break;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\r' &&
           text[j] != '\t' && text[j] != '\f' && text[j] != '\v')
      ++j;
    const std::string_view word = text.substr(i, j - i);
    const std::size_t w = display_width(word);
    if (first_column == 0 && fresh && out.empty()) {
      out += margin;
      column = indent;
    } else if (column + (fresh ? 0 : 1) + w > width && !(fresh && column == indent)) {
      out += '\n';
      out += margin;
      column = indent;
    } else if (!fresh) {
      out += ' ';
      ++column;
    }
    fresh = false;
    out += word;
    column += w;
    i = j;
  }
  return out;
}

void write_text_view(std::ostream& out, const hearsay::document& doc,
                     const text_view_options& options) {
  const std::size_t width = std::max<std::size_t>(40, std::min<std::size_t>(options.width, 100));
  std::array<std::size_t, hearsay::value_count<hearsay::status>> counts{};
  for (const hearsay::claim& c : doc.claims) ++counts[static_cast<std::size_t>(c.status)];
  {
    line_builder head(options.color);
    head.style(bold);
    head.add("== ");
    head.add(shortened(one_line(doc.id), width / 2));
    head.style(reset);
    head.add(": " + std::to_string(doc.claims.size()) +
             (doc.claims.size() == 1 ? " claim" : " claims"));
    if (!doc.claims.empty()) {
      head.add(" (");
      for (std::size_t s = 0; s < counts.size(); ++s) {
        if (s) head.add(", ");
        const auto st = static_cast<hearsay::status>(s);
        head.style(status_color(st));
        head.add(std::to_string(counts[s]) + " " + std::string(hearsay::to_string(st)));
        head.style(reset);
      }
      head.add(")");
    }
    out << head.str() << '\n';
  }
  const std::size_t number_width = std::to_string(doc.claims.size()).size();
  std::string record;
  for (std::size_t k = 0; k < doc.claims.size(); ++k) {
    const hearsay::claim& c = doc.claims[k];
    line_builder line(options.color);
    const std::string number = std::to_string(k + 1);
    line.add(std::string(number_width - number.size(), ' ') + number + " ");
    line.style(bold);
    line.style(status_color(c.status));
    line.add(padded(hearsay::to_string(c.status), 10));
    line.style(reset);
    line.add(padded(hearsay::to_string(c.certainty), 9));
    if (const auto conf = hearsay::detail::confidence_of(c)) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "%.2f ", *conf);
      line.style(dim);
      line.add(buffer);
      line.style(reset);
    }
    std::string tags;  // what is not the common case, in brackets
    auto tag = [&](std::string_view t) { tags += (tags.empty() ? "[" : ", ") + std::string(t); };
    if (c.polarity == hearsay::polarity::negative) tag("negative");
    if (c.quote != hearsay::quote_kind::none)
      tag(std::string(hearsay::to_string(c.quote)) + " quote");
    if (!tags.empty()) line.add(tags + "] ");
    const std::size_t used = line.width() + 2;  // and ": " after the chain
    add_chain(line, doc, c, width > used + 10 ? width - used : 10);
    // The text follows on the same line, wrapping under the status column; after a long chain
    // it starts on a line of its own.
    const std::size_t indent = number_width + 1;
    if (line.width() + 22 > width) {
      line.add(":");
      record = line.str();
      record += '\n';
      record += wrap(doc.view(c.where), width, indent, 0);
    } else {
      line.add(": ");
      record = line.str();
      record += wrap(doc.view(c.where), width, indent, line.width());
    }
    record += '\n';
    out << record;
  }
}

}  // namespace cli
