// `hearsay eval --segmentation`: sentence ends against a JSON Lines file of sentence spans.
#include "segment_eval.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/error.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/segment.hpp"

namespace {

// Byte offset of every code point of `text` (and of its end), so code-point offsets map to bytes.
std::vector<std::size_t> code_point_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(text.size());
  return starts;
}

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// `end` (a byte offset) moved back over white space: spans here exclude it.
std::size_t trimmed_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_blank(text[end - 1])) --end;
  return end;
}

// The text around byte `at`, on one line, with a bar where the boundary is.
std::string context(std::string_view text, std::size_t at) {
  std::size_t from = at > 60 ? at - 60 : 0;
  std::size_t to = std::min(text.size(), at + 60);
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string out(text.substr(from, at - from));
  out += " | ";
  out += text.substr(at, to - at);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

int run_segment_eval(const std::string& path, const std::string& language, bool errors,
                     std::ostream& out, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << "hearsay eval: cannot read " << path << '\n';
    return 2;
  }
  const hearsay::sentence_segmenter seg(hearsay::lexicon::builtin(), language);
  std::size_t documents = 0, gold_total = 0, found_total = 0, matched_total = 0;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::string text;
    std::string name;
    std::set<std::size_t> gold;
    try {
      const nlohmann::json record = nlohmann::json::parse(line);
      text = record.at("text").get<std::string>();
      name = record.value("name", "line " + std::to_string(line_number));
      const std::vector<std::size_t> starts = code_point_starts(text);
      for (const auto& s : record.at("sentences")) {
        const auto b = s.at(0).get<std::size_t>();
        const auto e = s.at(1).get<std::size_t>();
        if (b > e || e >= starts.size()) throw std::out_of_range("sentence span outside the text");
        const std::size_t end = trimmed_end(text, starts[b], starts[e]);
        if (end > starts[b]) gold.insert(end);
      }
    } catch (const std::exception& e) {
      err << "hearsay eval: " << path << ":" << line_number << ": " << e.what() << '\n';
      return 2;
    }
    std::set<std::size_t> found;
    try {
      for (const hearsay::span s : seg.split(text)) found.insert(s.end);
    } catch (const hearsay::error& e) {
      err << "hearsay eval: " << path << ":" << line_number << ": " << e.what() << '\n';
      return 2;
    }
    ++documents;
    std::size_t matched = 0;
    for (const std::size_t e : found) matched += gold.count(e);
    gold_total += gold.size();
    found_total += found.size();
    matched_total += matched;
    if (!errors) continue;
    for (const std::size_t e : gold) {
      if (!found.count(e)) out << "missed   [" << name << "] " << context(text, e) << '\n';
    }
    for (const std::size_t e : found) {
      if (!gold.count(e)) out << "spurious [" << name << "] " << context(text, e) << '\n';
    }
  }
  const auto ratio = [](std::size_t a, std::size_t b) {
    return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  const double p = ratio(matched_total, found_total);
  const double r = ratio(matched_total, gold_total);
  const double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  char buffer[160];
  std::snprintf(buffer, sizeof buffer,
                "  sentence ends       %.3f  %.3f  %.3f   (%zu correct, %zu predicted, %zu gold)\n",
                p, r, f, matched_total, found_total, gold_total);
  out << path << " (" << documents << " documents, language " << seg.language() << ")\n"
      << "                       P      R      F1\n"
      << buffer;
  return 0;
}
