// Hostile texts that tests run through the analyzer and its writers: shapes that once made
// analysis quadratic (test_analyzer_limits.cpp grows them) and that the JSON writer must write
// exactly as before (test_json.cpp).
#ifndef HEARSAY_TESTS_STRESS_TEXTS_HPP
#define HEARSAY_TESTS_STRESS_TEXTS_HPP

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hearsay/corpus.hpp"

namespace stress {

// `unit` repeated until the text reaches `bytes`.
inline std::string repeat_to(const std::string& unit, std::size_t bytes) {
  std::string text;
  text.reserve(bytes + unit.size());
  while (text.size() < bytes) text += unit;
  return text;
}

// Every gold text of corpora/ joined into one paragraph (a scraper that drops paragraph breaks).
inline std::string corpus_without_breaks() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (const std::filesystem::path& path : files) {
    for (const hearsay::gold_document& g : hearsay::load_corpus_file(path.string()).documents) {
      for (const char c : g.text) out += (c == '\n' || c == '\r') ? ' ' : c;
      out += ' ';
    }
  }
  return out;
}

struct shape {
  const char* name;
  std::function<std::string(std::size_t)> make;  // a text of about this many bytes
};

inline std::vector<shape> pathological_shapes() {
  const auto repeated = [](std::string unit) {
    return [unit](std::size_t bytes) { return repeat_to(unit, bytes); };
  };
  return {
      {"speakerless quotations in one paragraph", repeated("\u201CA b c d e.\u201D ")},
      {"quotations after a speaker in one paragraph",
       repeated("Kim said it rained. \u201CThe roads were closed all day long.\u201D ")},
      {"unclosed quotation marks", repeated("\u201C officials said the plan failed ")},
      {"straight quotes", repeated("\"Officials said \" the plan \"failed\" ")},
      {"no punctuation at all", repeated("officials said the plan failed and ")},
      {"capitalised cues without punctuation", repeated("Officials Said The Plan Failed And ")},
      {"deep nesting of reports", repeated("NHK said that Reuters reported that ")},
      {"deep nesting of parentheses", repeated("(officials said (the plan ")},
      {"colons and dashes", repeated("Kim: \u201CNo \u2014 officials said \u2014 never: ")},
      {"one long word", repeated("a")},
      {"corpus text without paragraph breaks",
       [](std::size_t bytes) { return repeat_to(corpus_without_breaks(), bytes); }},
  };
}

}  // namespace stress

#endif  // HEARSAY_TESTS_STRESS_TEXTS_HPP
