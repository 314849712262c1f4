// Tests for hearsay/segment.hpp.
//
// The gold cases live in tests/data/segmentation_cases.xml (HEARSAY_TEST_DATA_DIR), one
// BOOST_DATA_TEST_CASE sample per case; a failing sample prints the text with the expected and
// the actual sentences. The other test cases pin the contract of sentence_segmenter::split:
// encoding errors, span invariants, large inputs, the view it reads, sharing between threads.
// `--log_level=message` prints the share of gold cases passed per group (quoted in the README).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <iomanip>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "hearsay/error.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/segment.hpp"
#include "hearsay/text.hpp"

// CMake defines this as the absolute path of tests/data; the fallback serves a run from the
// source root.
#ifndef HEARSAY_TEST_DATA_DIR
#define HEARSAY_TEST_DATA_DIR "tests/data"
#endif

namespace {

namespace bdata = boost::unit_test::data;
using hearsay::span;
using spans = std::vector<span>;

// The sentinel fails below this many cases: a truncated or half-merged file must not pass quietly.
constexpr std::size_t min_cases = 150;

// ---- UTF-8 and white space --------------------------------------------------------------------

// Unicode White_Space (PropList.txt): what "without surrounding white space" trims.
constexpr bool is_white_space(char32_t c) noexcept {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

constexpr bool is_continuation(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// True when byte offset `i` starts a code point of `text` (or is its end).
bool on_boundary(std::string_view text, std::size_t i) noexcept {
  return i == text.size() || (i < text.size() && !is_continuation(text[i]));
}

// Decode the code point starting at text[i] (valid UTF-8, i on a boundary); `len` gets its length.
char32_t decode(std::string_view text, std::size_t i, std::size_t& len) noexcept {
  const auto b0 = static_cast<unsigned char>(text[i]);
  len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  char32_t c = len == 1 ? b0 : len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
  for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
    c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
  }
  return c;
}

// Decode the code point that ends just before byte `i` (i > 0, on a boundary).
char32_t decode_before(std::string_view text, std::size_t i) noexcept {
  std::size_t start = i - 1;
  while (start > 0 && is_continuation(text[start])) --start;
  std::size_t len = 0;
  return decode(text, start, len);
}

// True when `text` holds nothing but white space.
bool all_white_space(std::string_view text) noexcept {
  for (std::size_t i = 0, len = 0; i < text.size(); i += len) {
    if (!is_white_space(decode(text, i, len))) return false;
  }
  return true;
}

// True when `text` neither starts nor ends with white space (an empty text is trimmed).
bool trimmed(std::string_view text) noexcept {
  if (text.empty()) return true;
  std::size_t len = 0;
  return !is_white_space(decode(text, 0, len)) && !is_white_space(decode_before(text, text.size()));
}

// ---- showing texts and spans ------------------------------------------------------------------

// `text` as a C-style string body: control characters, invalid bytes (as \xNN) and non-ASCII
// white space (as \u{a0}) escaped so that line ends, tabs and no-break spaces show; other UTF-8
// is kept.
std::string show(std::string_view text) {
  const bool valid = static_cast<bool>(hearsay::check_utf8(text));
  std::ostringstream out;
  out << std::hex;
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u >= 0x80 && valid) {
      std::size_t len = 0;
      const char32_t c = decode(text, i, len);
      if (is_white_space(c)) {
        out << "\\u{" << static_cast<std::uint32_t>(c) << "}";
      } else {
        out << text.substr(i, len);
      }
      i += len;
      continue;
    }
    if (u == '\n') {
      out << "\\n";
    } else if (u == '\r') {
      out << "\\r";
    } else if (u == '\t') {
      out << "\\t";
    } else if (u == '"' || u == '\\') {
      out << '\\' << text[i];
    } else if (u < 0x20 || u >= 0x7F) {
      out << "\\x" << std::setw(2) << std::setfill('0') << static_cast<int>(u);
    } else {
      out << text[i];
    }
    ++i;
  }
  return out.str();
}

// One span as "[begin, end) "sentence"", safe for spans that do not fit `text`.
std::string show(std::string_view text, span s) {
  std::string out = "[" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ") ";
  if (s.begin > s.end || s.end > text.size()) return out + "<outside the text>";
  return out + "\"" + show(s.of(text)) + "\"";
}

// ---- span invariants --------------------------------------------------------------------------

// Why `got` breaks the contract of split() for `text` (ordered, non-overlapping, non-empty,
// trimmed, on code point boundaries); empty when it keeps it.
std::string invariant_violation(std::string_view text, const spans& got) {
  std::size_t previous_end = 0;
  for (std::size_t k = 0; k < got.size(); ++k) {
    const span s = got[k];
    const std::string where = "sentence " + std::to_string(k) + " " + show(text, s) + ": ";
    if (s.end > text.size() || s.begin > s.end) return where + "outside the text";
    if (s.empty()) return where + "empty";
    if (s.begin < previous_end) {
      return where + "starts before the previous sentence ends (" + std::to_string(previous_end) +
             ")";
    }
    if (!on_boundary(text, s.begin) || !on_boundary(text, s.end)) {
      return where + "splits a UTF-8 sequence";
    }
    if (!trimmed(s.of(text))) return where + "has surrounding white space";
    previous_end = s.end;
  }
  return {};
}

// Why `got` leaves some non-space character of `text` outside every sentence; empty when none.
// (Assumes the spans keep the invariants above.)
std::string coverage_violation(std::string_view text, const spans& got) {
  std::size_t from = 0;
  for (std::size_t k = 0; k <= got.size(); ++k) {
    const std::size_t to = k < got.size() ? got[k].begin : text.size();
    const std::string_view gap = text.substr(from, to - from);
    if (!all_white_space(gap)) {
      return "bytes [" + std::to_string(from) + ", " + std::to_string(to) + ") \"" + show(gap) +
             "\" are in no sentence";
    }
    if (k < got.size()) from = got[k].end;
  }
  return {};
}

// ---- the gold cases ---------------------------------------------------------------------------

struct gold_case {
  std::string id;
  std::string group;
  std::string text;
  spans sentences;
  std::string limitation;       ///< A known limitation (README): the case is expected to fail.
  std::string language = "en";  ///< The document's language (lang on the case or its group).
  bool held_out = false;        ///< Written before the rules and never tuned on.
};

struct case_file {
  std::string path;
  std::vector<gold_case> cases;
  std::vector<std::string> problems;  // why the file or a case could not be read; see the sentinel

  const gold_case* find(std::string_view id) const {
    for (const gold_case& c : cases) {
      if (c.id == id) return &c;
    }
    return nullptr;
  }
};

// Read one <case>: its text is the concatenation of its character data; each <s> is a sentence.
void read_case(pugi::xml_node node, pugi::xml_node group, std::set<std::string>& ids,
               case_file& file) {
  gold_case c;
  c.id = node.attribute("id").value();
  c.group = group.attribute("name").value();
  const char* lang =
      node.attribute("lang") ? node.attribute("lang").value() : group.attribute("lang").value();
  if (*lang) c.language = lang;
  c.held_out = std::string_view(group.attribute("held-out").value()) == "true";
  c.limitation = node.attribute("limitation").value();
  bool ok = true;
  const auto problem = [&](const std::string& what) {
    file.problems.push_back("case '" + c.id + "' (group " + c.group + "): " + what);
    ok = false;
  };
  if (c.id.empty()) problem("no id");
  if (!ids.insert(c.id).second) problem("duplicate id");

  for (const pugi::xml_node part : node.children()) {
    if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata) {
      if (!all_white_space(part.value())) {
        problem("text outside <s>: \"" + show(part.value()) + "\"");
      }
      c.text += part.value();
    } else if (part.type() == pugi::node_element) {
      if (std::string_view(part.name()) != "s") {
        problem(std::string("unexpected <") + part.name() + ">");
        continue;
      }
      const std::size_t begin = c.text.size();
      for (const pugi::xml_node piece : part.children()) {
        if (piece.type() == pugi::node_pcdata || piece.type() == pugi::node_cdata) {
          c.text += piece.value();
        } else if (piece.type() == pugi::node_element) {
          problem("<s> holds markup");
        }
      }
      const span s{begin, c.text.size()};
      if (s.empty()) problem("empty <s>");
      if (!trimmed(s.of(c.text))) problem("<s> with surrounding white space: " + show(c.text, s));
      c.sentences.push_back(s);
    }
  }
  if (ok) file.cases.push_back(std::move(c));
}

case_file load_cases() {
  case_file file;
  file.path = std::string(HEARSAY_TEST_DATA_DIR) + "/segmentation_cases.xml";
  try {
    pugi::xml_document doc;
    // parse_ws_pcdata keeps the white space between <s> elements: it is part of the text.
    // parse_eol (in parse_default) turns a CRLF checkout back into LF; a real CR is &#13;.
    const pugi::xml_parse_result parsed =
        doc.load_file(file.path.c_str(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed) {
      file.problems.push_back(file.path + ": " + parsed.description() + " (byte " +
                              std::to_string(parsed.offset) + ")");
      return file;
    }
    const pugi::xml_node root = doc.child("segmentation-cases");
    if (!root) {
      file.problems.push_back(file.path + ": no <segmentation-cases> root");
      return file;
    }
    std::set<std::string> ids;
    for (const pugi::xml_node group : root.children("group")) {
      for (const pugi::xml_node node : group.children("case")) {
        read_case(node, group, ids, file);
      }
    }
  } catch (const std::exception& e) {
    file.problems.push_back(file.path + ": " + e.what());
  }
  return file;
}

// Loaded once, on first use (test registration, before main).
const case_file& cases() {
  static const case_file file = load_cases();
  return file;
}

std::vector<std::string> case_ids() {
  std::vector<std::string> ids;
  for (const gold_case& c : cases().cases) ids.push_back(c.id);
  return ids;
}

const hearsay::sentence_segmenter& segmenter() {
  static const hearsay::sentence_segmenter seg;
  return seg;
}

// The segmenter for a case's language (built once per language).
const hearsay::sentence_segmenter& segmenter(const std::string& language) {
  static std::map<std::string, hearsay::sentence_segmenter> made;
  static std::mutex lock;
  const std::lock_guard<std::mutex> guard(lock);
  auto it = made.find(language);
  if (it == made.end()) {
    it = made.emplace(language, hearsay::sentence_segmenter(hearsay::lexicon::builtin(), language))
             .first;
  }
  return it->second;
}

// The text of case `c` with its expected and actual sentences; "-" marks an expected sentence
// that was not produced, "+" a produced one that was not expected.
std::string describe_mismatch(const gold_case& c, const spans& got) {
  const auto has = [](const spans& list, span s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  std::string out = "case '" + c.id + "' (group " + c.group + ", language " + c.language +
                    ")\n  text: \"" + show(c.text) + "\"\n  expected " +
                    std::to_string(c.sentences.size()) + " sentence(s):\n";
  for (const span s : c.sentences) {
    out += std::string("   ") + (has(got, s) ? "  " : "- ") + show(c.text, s) + "\n";
  }
  out += "  actual " + std::to_string(got.size()) + " sentence(s):\n";
  for (const span s : got) {
    out += std::string("   ") + (has(c.sentences, s) ? "  " : "+ ") + show(c.text, s) + "\n";
  }
  return out;
}

// Split `text`; on an exception, record its message in `error` and return no spans.
spans split_or_error(const hearsay::sentence_segmenter& seg, std::string_view text,
                     std::string& error) {
  try {
    return seg.split(text);
  } catch (const std::exception& e) {
    error = e.what();
  } catch (...) {
    error = "unknown exception";
  }
  return {};
}

// ---- generated texts --------------------------------------------------------------------------

// Deterministic texts built from tokens that stress boundaries: abbreviations, initials,
// numbers, ellipses, quotes, brackets, list markers, every kind of line end, non-ASCII
// (• … “ ” ‘ ’, no-break space, U+2029, 。 ？ 東 🎉, e + combining acute, Émile, U+10FFFF).
std::vector<std::string> generated_texts() {
  // clang-format off
  static const std::vector<std::string_view> tokens = {
      "The", "said", "iPhone", "Dr.", "U.S.", "Inc.", "Jan.", "No.", "J.", "R.", "a.m.", "e.g.",
      "Ph.D.", "3.14", "$7.5", "4.7%", "1.", "2)", "- ", "* ", "\xE2\x80\xA2 ", ".", ".", "?", "!",
      "...", "\xE2\x80\xA6", "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
      "\xE2\x80\x99", "(", ")", "[", "]", ",", ":", " ", " ", " ", "  ", "\t", "\n", "\n\n",
      "\r\n", "\r", "\xC2\xA0", "\xE2\x80\xA9", "\xE3\x80\x82", "\xEF\xBC\x9F", "\xE6\x9D\xB1",
      "\xF0\x9F\x8E\x89", "e\xCC\x81", "\xC3\x89mile", "\xF4\x8F\xBF\xBF", "WHO", "he", "asked"};
  // clang-format on
  std::mt19937 rng(20240601u);  // mt19937's output is fixed by the standard: same texts everywhere
  std::vector<std::string> texts;
  for (int n = 0; n < 400; ++n) {
    std::string text;
    const std::size_t length = rng() % 48;
    for (std::size_t k = 0; k < length; ++k) text += tokens[rng() % tokens.size()];
    texts.push_back(std::move(text));
  }
  return texts;
}

// Every text the invariant tests run over: the gold texts, then the generated ones.
std::vector<std::string> all_test_texts() {
  std::vector<std::string> texts;
  for (const gold_case& c : cases().cases) texts.push_back(c.text);
  for (std::string& t : generated_texts()) texts.push_back(std::move(t));
  return texts;
}

// Run `text` through the encoding check of split(); return what() of the encoding_error, or why
// there was none. `offset` gets encoding_error::offset().
std::string encoding_error_of(std::string_view text, std::size_t& offset) {
  try {
    segmenter().split(text);
  } catch (const hearsay::encoding_error& e) {
    offset = e.offset();
    if (e.id() != hearsay::error_id::invalid_utf8) return "wrong error id";
    return e.what();
  } catch (const std::exception& e) {
    return std::string("not an encoding_error: ") + e.what();
  }
  return "no exception";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(segment)

// ---- gold cases -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(gold_cases_file_is_present_and_complete) {
  const case_file& file = cases();
  BOOST_TEST_MESSAGE("gold segmentation cases: " << file.path);
  for (const std::string& problem : file.problems) BOOST_ERROR(problem);
  BOOST_REQUIRE_MESSAGE(file.cases.size() >= min_cases,
                        file.path << " holds " << file.cases.size()
                                  << " readable cases; expected at least " << min_cases
                                  << " (is HEARSAY_TEST_DATA_DIR right?)");
}

BOOST_DATA_TEST_CASE(gold_sentences, bdata::make(case_ids()), id) {
  const gold_case* c = cases().find(id);
  BOOST_REQUIRE(c != nullptr);
  std::string error;
  const spans got = split_or_error(segmenter(c->language), c->text, error);
  BOOST_REQUIRE_MESSAGE(error.empty(),
                        "case '" << c->id << "' text \"" << show(c->text) << "\" threw: " << error);
  const bool matches = got == c->sentences;
  if (!c->limitation.empty()) {
    // A documented limitation must still fail; once it passes, the mark must go.
    BOOST_TEST(!matches, "case '" << c->id << "' now passes: remove its limitation mark");
    BOOST_TEST_MESSAGE("known limitation '" << c->id << "': " << c->limitation);
    return;
  }
  BOOST_TEST(matches, describe_mismatch(*c, got));
}

// Informational: the share of gold cases passed, and sentence-end P/R/F1 (SPEC section 6), per
// group. Run with --log_level=message to see it. Failures are reported by gold_sentences.
BOOST_AUTO_TEST_CASE(gold_accuracy_per_group) {
  struct tally {
    std::string group;
    std::size_t cases = 0, passed = 0, gold_ends = 0, found_ends = 0, matched_ends = 0;
  };
  std::vector<tally> groups;     // in file order
  std::vector<tally> languages;  // by language, then held out or not
  tally total{"all"};
  const auto find = [](std::vector<tally>& list, const std::string& name) {
    auto it =
        std::find_if(list.begin(), list.end(), [&](const tally& t) { return t.group == name; });
    if (it == list.end()) it = list.insert(list.end(), tally{name});
    return it;
  };
  for (const gold_case& c : cases().cases) {
    auto it = find(groups, c.group);
    auto by_language = find(languages, "language " + c.language);
    auto by_part = find(languages, c.held_out ? "held out" : "development");
    std::string error;
    const spans got = split_or_error(segmenter(c.language), c.text, error);
    std::set<std::size_t> gold_ends, found_ends;
    for (const span s : c.sentences) gold_ends.insert(s.end);
    for (const span s : got) found_ends.insert(s.end);
    std::size_t matched = 0;
    for (const std::size_t e : found_ends) matched += gold_ends.count(e);
    for (tally* t : {&*it, &*by_language, &*by_part, &total}) {
      t->cases += 1;
      t->passed += error.empty() && got == c.sentences;
      t->gold_ends += gold_ends.size();
      t->found_ends += found_ends.size();
      t->matched_ends += matched;
    }
  }
  groups.insert(groups.end(), languages.begin(), languages.end());
  groups.push_back(total);
  const auto percent = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  };
  std::ostringstream table;
  table << std::fixed << std::setprecision(1)
        << "sentence segmentation on tests/data/segmentation_cases.xml\n"
        << "| phenomenon | cases | passed | end P | end R | end F1 |\n|---|---|---|---|---|---|\n";
  for (const tally& t : groups) {
    const double p = percent(t.matched_ends, t.found_ends);
    const double r = percent(t.matched_ends, t.gold_ends);
    const double f = p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    table << "| " << t.group << " | " << t.cases << " | " << percent(t.passed, t.cases) << "% | "
          << p << " | " << r << " | " << f << " |\n";
  }
  BOOST_TEST_MESSAGE(table.str());
  BOOST_TEST(total.cases == cases().cases.size());
}

// ---- the contract of split() ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(spans_are_ordered_non_overlapping_and_trimmed) {
  // In every language with rules of its own (Greek ";" and Armenian ":" add candidates).
  for (const std::string& text : all_test_texts()) {
    for (const char* language : {"en", "de", "fr", "el", "hy", "ru", "ja"}) {
      std::string error;
      const spans got = split_or_error(segmenter(language), text, error);
      BOOST_TEST_CONTEXT("text \"" << show(text) << "\" in " << language) {
        BOOST_TEST(error.empty(), "threw: " << error);
        const std::string violation = invariant_violation(text, got);
        BOOST_TEST(violation.empty(), violation);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(spans_cover_every_non_space_character) {
  for (const std::string& text : all_test_texts()) {
    std::string error;
    const spans got = split_or_error(segmenter(), text, error);
    if (!error.empty() || !invariant_violation(text, got).empty()) continue;  // reported above
    const std::string violation = coverage_violation(text, got);
    BOOST_TEST(violation.empty(), "text \"" << show(text) << "\": " << violation);
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_throws_encoding_error_naming_byte_and_reason) {
  struct bad_input {
    std::string text;
    std::size_t offset;
    std::string what;
  };
  const std::string prefix = "[hearsay.encoding_error.101] invalid UTF-8 at byte ";
  const std::vector<bad_input> inputs = {
      {"Hello \x80 world.", 6, prefix + "6: unexpected continuation byte"},
      {"Tokyo \xE6\x9D", 6, prefix + "6: truncated sequence at end of input"},
      {"Say \xC0\xAF.", 4, prefix + "4: overlong encoding"},
      {"Old \xE0\x80\xAF form.", 4, prefix + "4: overlong encoding"},
      {"Bad \xED\xA0\x80 half.", 4, prefix + "4: surrogate code point"},
      {"Big \xF4\x90\x80\x80 code.", 4, prefix + "4: code point above U+10FFFF"},
      {"Odd \xFF byte.", 4, prefix + "4: byte never valid in UTF-8"},
      {"Cut \xE2\x28\xA1 here.", 4, prefix + "4: invalid continuation byte"},
      // Multi-byte text before the bad byte: the offset counts bytes, not code points.
      {"Caf\xC3\xA9 \x80.", 6, prefix + "6: unexpected continuation byte"},
      // White space only: validation comes before "no sentences".
      {"   \xFE", 3, prefix + "3: byte never valid in UTF-8"},
  };
  for (const bad_input& input : inputs) {
    BOOST_TEST_CONTEXT("input \"" << show(input.text) << "\"") {
      std::size_t offset = 0;
      BOOST_TEST(encoding_error_of(input.text, offset) == input.what);
      BOOST_TEST(offset == input.offset);
    }
  }

  // Far into a long ASCII text (past any 8-byte fast path), then after a valid 4-byte sequence.
  std::string long_text(100003, 'a');
  long_text += "\x80";
  std::size_t offset = 0;
  BOOST_TEST(encoding_error_of(long_text, offset) ==
             prefix + "100003: unexpected continuation byte");
  BOOST_TEST(offset == 100003u);
  BOOST_TEST(encoding_error_of("\xF0\x9F\x8E\x89\xC3", offset) ==
             prefix + "4: truncated sequence at end of input");
}

BOOST_AUTO_TEST_CASE(offsets_are_relative_to_the_view_given) {
  // The view stops inside a larger buffer: split must not read past it.
  const std::string buffer = "Rain fell. Rivers rose.Roads closed.";
  const std::string_view text(buffer.data(), 23);  // "Rain fell. Rivers rose."
  const spans got = segmenter().split(text);
  const spans expected = {{0, 10}, {11, 23}};
  const bool matches = got == expected;
  BOOST_TEST(matches, "got " << got.size() << " sentence(s)");
  // And the same sentences found at an offset into another buffer are relative to that view.
  const std::string shifted = "xxxxRain fell. Rivers rose.";
  const bool same_again = segmenter().split(std::string_view(shifted).substr(4)) == expected;
  BOOST_TEST(same_again);
}

BOOST_AUTO_TEST_CASE(five_megabytes_segment_like_one_block_repeated) {
  // One block of five sentences, repeated past 5 MB: every block must segment as the first one,
  // shifted (no state leaks between sentences; linear in the text; not timed).
  const std::vector<std::pair<std::string_view, std::string_view>> block_parts = {
      {"Dr. Ana Ruiz said the U.S. economy grew 4.7% in the third quarter.", " "},
      {"\xE2\x80\x9CWe expected $7.5 billion,\xE2\x80\x9D she said.", " "},
      {"Shares of Acme Corp. rose 1.8 percent on Jan. 5.", "\n"},
      {"Was it enough?", " "},
      {"Analysts were unsure.", "\n\n"},
  };
  std::string block;
  spans block_sentences;
  for (const auto& [sentence, separator] : block_parts) {
    block_sentences.push_back({block.size(), block.size() + sentence.size()});
    block += sentence;
    block += separator;
  }
  constexpr std::size_t five_mb = 5u * 1024u * 1024u;
  std::string text;
  text.reserve(five_mb + block.size());
  spans expected;
  expected.reserve((five_mb / block.size() + 1) * block_sentences.size());
  while (text.size() < five_mb) {
    for (const span s : block_sentences) {
      expected.push_back({s.begin + text.size(), s.end + text.size()});
    }
    text += block;
  }

  const spans got = segmenter().split(text);
  BOOST_TEST(got.size() == expected.size());
  const auto mismatch = std::mismatch(got.begin(), got.end(), expected.begin(), expected.end());
  if (mismatch.first != got.end() || mismatch.second != expected.end()) {
    const std::size_t k = static_cast<std::size_t>(mismatch.first - got.begin());
    BOOST_ERROR("first difference at sentence "
                << k << ": expected "
                << (mismatch.second != expected.end() ? show(text, *mismatch.second) : "none")
                << ", got "
                << (mismatch.first != got.end() ? show(text, *mismatch.first) : "none"));
  }
}

BOOST_AUTO_TEST_CASE(one_megabyte_without_punctuation_is_one_sentence) {
  const std::vector<std::string_view> words = {"markets", "Ana",    "rallied", "after",
                                               "the",     "Ruiz",   "report",  "showed",
                                               "steady",  "growth", "in",      "exports"};
  std::string text = "  ";  // surrounding white space is trimmed, not a sentence
  for (std::size_t k = 0; text.size() < 1024u * 1024u; ++k) {
    if (k > 0) text += ' ';
    text += words[k % words.size()];
  }
  const std::size_t end = text.size();
  text += "  ";
  const spans got = segmenter().split(text);
  BOOST_TEST_REQUIRE(got.size() == 1u);
  BOOST_TEST(got[0].begin == 2u);
  BOOST_TEST(got[0].end == end);
}

BOOST_AUTO_TEST_CASE(one_segmenter_is_shared_between_threads) {
  const std::vector<std::string> texts = all_test_texts();
  std::vector<spans> sequential;
  for (const std::string& t : texts) {
    std::string error;
    sequential.push_back(split_or_error(segmenter(), t, error));
  }
  const hearsay::sentence_segmenter& shared = segmenter();
  constexpr int thread_count = 4;
  std::vector<std::vector<spans>> results(thread_count);
  std::vector<std::thread> threads;
  for (int n = 0; n < thread_count; ++n) {
    threads.emplace_back([&, n] {
      for (const std::string& t : texts) {
        std::string error;
        results[static_cast<std::size_t>(n)].push_back(split_or_error(shared, t, error));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::vector<spans>& result : results) {
    const bool same = result == sequential;
    BOOST_TEST(same);
  }
}

// A user's lexicon (docs/LEXICON.md) merged onto the built-in one adds a title abbreviation.
BOOST_AUTO_TEST_CASE(custom_lexicon_abbreviations_decide_boundaries) {
  hearsay::lexicon lex = hearsay::lexicon::builtin();
  lex.merge(hearsay::lexicon::from_string(
      "<lexicon><abbreviations kind=\"title\">Kpt.</abbreviations></lexicon>", "custom.xml"));
  const hearsay::sentence_segmenter custom(lex);
  const std::string_view text = "Kpt. Ana Ruiz arrived. She left.";
  // With "Kpt." in the list there is no break after it.
  const bool custom_ok = custom.split(text) == spans{{0, 22}, {23, 32}};
  BOOST_TEST(custom_ok);
  // The built-in list does not know "Kpt.": the title is cut off as a sentence of its own.
  BOOST_TEST(segmenter().split(text).size() == 3u);
}

// The document's language chooses the abbreviations: "Nr." is German, "Sr." Spanish.
BOOST_AUTO_TEST_CASE(language_chooses_the_abbreviation_list) {
  const std::string_view text = "Das Haus Nr. 7 steht leer. Es wird verkauft.";
  const bool german = segmenter("de").split(text) == spans{{0, 26}, {27, 44}};
  BOOST_TEST(german);
  // English lists "Nr." too (as a number abbreviation), so compare with a German-only one.
  const std::string_view bzw = "Es geht um 5 bzw. Neue Regeln gelten.";
  BOOST_TEST(segmenter("de").split(bzw).size() == 1u);  // "bzw." then a noun: no opener
  BOOST_TEST(segmenter("en").split(bzw).size() == 2u);
  const hearsay::sentence_segmenter regional(hearsay::lexicon::builtin(), "de-AT");
  BOOST_TEST(regional.language() == "de");
  BOOST_TEST(regional.split(bzw).size() == 1u);
  BOOST_TEST(segmenter().language() == "en");
}

BOOST_AUTO_TEST_CASE(language_without_data_gets_the_rules_of_every_script) {
  const hearsay::sentence_segmenter swahili(hearsay::lexicon::builtin(), "sw");
  const bool two =
      swahili.split("Mvua ilinyesha. Barabara zilifungwa.") == spans{{0, 15}, {16, 36}};
  BOOST_TEST(two);
  BOOST_TEST(swahili.split("本当ですか？はい。").size() == 2u);
}

BOOST_AUTO_TEST_CASE(invalid_language_code_is_an_invalid_argument_error) {
  for (const char* bad : {"", "e", "english", "d3", "-de"}) {
    BOOST_TEST_CONTEXT("language '" << bad << "'") {
      try {
        const hearsay::sentence_segmenter seg(hearsay::lexicon::builtin(), bad);
        BOOST_ERROR("no error");
      } catch (const hearsay::error& e) {
        BOOST_TEST((e.id() == hearsay::error_id::invalid_argument));
        BOOST_TEST(std::string(e.what()).find("invalid language") != std::string::npos);
      }
    }
  }
}

// A user's lexicon of another language (docs/LEXICON.md): multi-part abbreviations, the final
// kind, openers, ordinals and terminals of its own.
BOOST_AUTO_TEST_CASE(user_lexicon_adds_a_language) {
  hearsay::lexicon lex = hearsay::lexicon::builtin();
  lex.merge(hearsay::lexicon::from_string(
      "<lexicon lang=\"xq\"><segmentation ordinal-dot=\"true\" terminals=\"%\"/>"
      "<abbreviations kind=\"title\">q._r.</abbreviations>"
      "<abbreviations kind=\"final\">zz.</abbreviations>"
      "<sentence-openers>lo</sentence-openers></lexicon>",
      "xq.xml"));
  const hearsay::sentence_segmenter xq(lex, "xq");
  BOOST_TEST(xq.split("Met q. r. Ana today. Then left.").size() == 2u);  // "q. r." is one title
  BOOST_TEST(xq.split("Bought tea zz. Ana left.").size() == 2u);         // final: any capital
  BOOST_TEST(xq.split("On the 3. Day we met.").size() == 1u);            // an ordinal
  BOOST_TEST(xq.split("On the 3. Lo we met.").size() == 2u);             // unless an opener
  BOOST_TEST(xq.split("Why% Nobody knows.").size() == 2u);               // a terminal
  BOOST_TEST(xq.split("Up 5% today, Ana said.").size() == 1u);           // not before lower case
  BOOST_TEST(segmenter().split("Why% Nobody knows.").size() == 1u);
}

BOOST_AUTO_TEST_CASE(language_lexicon_errors_name_the_problem) {
  const auto message = [](const char* xml) {
    try {
      hearsay::lexicon::from_string(xml, "x.xml");
    } catch (const hearsay::error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  BOOST_TEST(message("<lexicon lang=\"german\"/>").find("invalid lang 'german'") !=
             std::string::npos);
  BOOST_TEST(message("<lexicon lang=\"de\"><words class=\"determiner\">der</words></lexicon>")
                 .find("only <abbreviations>") != std::string::npos);
  BOOST_TEST(message("<lexicon lang=\"de\"><abbreviations kind=\"title\">z_B.</abbreviations>"
                     "</lexicon>")
                 .find("must end with a period in every part") != std::string::npos);
  BOOST_TEST(message("<lexicon><segmentation ordinal-dot=\"maybe\"/></lexicon>")
                 .find("<segmentation> has invalid attribute") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
