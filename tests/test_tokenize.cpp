// The fast word-boundary path (hearsay/detail/word_breaks.hpp) against ICU's word BreakIterator:
// same boundaries and same rule status on every gold text and on random text built from the
// characters the boundary rules care about; text it does not cover is handed back to ICU.
#include <boost/test/unit_test.hpp>

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/corpus.hpp"
#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/sentence_breaks.hpp"
#include "hearsay/detail/word_breaks.hpp"

namespace fs = std::filesystem;
using hearsay::detail::split_words;
using hearsay::detail::word_piece;

namespace {

// Walk ICU's root word (or sentence) iterator over `text`: visit(begin, end, rule status) for
// each piece.
template <class Visit>
void icu_walk(bool words, std::string_view text, Visit visit) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  BOOST_REQUIRE(U_SUCCESS(status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(ut, status);
  std::int32_t begin = it->first();
  for (std::int32_t end = it->next(); end != icu::BreakIterator::DONE;
       begin = end, end = it->next()) {
    visit(begin, end, it->getRuleStatus());
  }
  utext_close(ut);
}

std::vector<word_piece> icu_pieces(std::string_view text) {
  std::vector<word_piece> out;
  icu_walk(true, text, [&](std::int32_t begin, std::int32_t end, std::int32_t status) {
    out.push_back(
        word_piece{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), status});
  });
  return out;
}

// Describe the first difference between the two splits, or return "" when they agree.
std::string first_difference(std::string_view text, const std::vector<word_piece>& fast,
                             const std::vector<word_piece>& icu) {
  for (std::size_t k = 0; k < std::max(fast.size(), icu.size()); ++k) {
    const bool same = k < fast.size() && k < icu.size() && fast[k].begin == icu[k].begin &&
                      fast[k].end == icu[k].end && fast[k].status == icu[k].status;
    if (same) continue;
    std::ostringstream out;
    const auto show = [&](const char* who, const std::vector<word_piece>& v) {
      out << who << ' ';
      if (k >= v.size()) {
        out << "(none)";
      } else {
        out << '"' << text.substr(v[k].begin, v[k].end - v[k].begin) << "\" status " << v[k].status;
      }
    };
    const std::size_t at = k < icu.size() ? icu[k].begin : fast[k].begin;
    out << "piece " << k << " at byte " << at << " in \"" << text.substr(at >= 20 ? at - 20 : 0, 50)
        << "\": ";
    show("fast", fast);
    out << ", ";
    show("ICU", icu);
    return out.str();
  }
  return "";
}

std::vector<std::size_t> icu_sentence_ends(std::string_view text) {
  std::vector<std::size_t> out;
  icu_walk(false, text, [&](std::int32_t, std::int32_t end, std::int32_t) {
    out.push_back(static_cast<std::size_t>(end));
  });
  return out;
}

// Describe the first difference between two lists of sentence ends, or return "".
std::string first_sentence_difference(std::string_view text, const std::vector<std::size_t>& fast,
                                      const std::vector<std::size_t>& icu) {
  for (std::size_t k = 0; k < std::max(fast.size(), icu.size()); ++k) {
    if (k < fast.size() && k < icu.size() && fast[k] == icu[k]) continue;
    const std::size_t at =
        std::min(k < fast.size() ? fast[k] : text.size(), k < icu.size() ? icu[k] : text.size());
    std::ostringstream out;
    out << "boundary " << k << ": fast " << (k < fast.size() ? std::to_string(fast[k]) : "none")
        << ", ICU " << (k < icu.size() ? std::to_string(icu[k]) : "none") << " near \""
        << text.substr(at >= 30 ? at - 30 : 0, 60) << "\"";
    return out.str();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tokenize)

BOOST_AUTO_TEST_CASE(fast_sentence_breaks_equal_icu_on_every_gold_text) {
  std::size_t fast_texts = 0;
  std::vector<std::size_t> fast;
  for (const auto& entry : fs::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() != ".xml") continue;
    for (const auto& doc : hearsay::load_corpus_file(entry.path().string()).documents) {
      fast.clear();
      if (!hearsay::detail::split_sentences(doc.text, fast)) continue;
      ++fast_texts;
      const std::string diff =
          first_sentence_difference(doc.text, fast, icu_sentence_ends(doc.text));
      BOOST_TEST(diff.empty(), doc.id << ": " << diff);
    }
  }
  BOOST_TEST(fast_texts >= 30u);
}

BOOST_AUTO_TEST_CASE(fast_sentence_breaks_equal_icu_on_random_text_of_boundary_characters) {
  const std::vector<std::string> atoms = {
      "a",      "b",      "Z",      "Q",      "\u00E9", "\u00C9", "\u05D0", "\u0627", "5",
      "0",      ".",      ".",      "?",      "!",      "\u2026", "\u037E", "\u0589", ")",
      "(",      "\u201D", "\u201C", "\u2019", "\u2018", "\"",     "'",      "\u00BB", "\u00AB",
      "[",      "]",      " ",      " ",      "  ",     "\t",     "\u00A0", "\u2003", "\n",
      "\r\n",   "\r",     "\u2029", "\u2028", "\u0085", ",",      ";",      ":",      "-",
      "\u2014", "\u2013", "$",      "%",      "Mr",     "etc",    "U.S",    "e.g",    "said",
      "The",    "iPhone", "3.5",    "No"};
  std::mt19937 rng(112726);
  std::uniform_int_distribution<std::size_t> pick(0, atoms.size() - 1);
  std::uniform_int_distribution<int> length(1, 30);
  std::size_t failures = 0;
  for (int round = 0; round < 20000 && failures < 5; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += atoms[pick(rng)];
    std::vector<std::size_t> fast;
    BOOST_REQUIRE(hearsay::detail::split_sentences(text, fast));
    const std::string diff = first_sentence_difference(text, fast, icu_sentence_ends(text));
    if (!diff.empty()) ++failures;
    BOOST_TEST(diff.empty(), diff);
  }
}

BOOST_AUTO_TEST_CASE(every_code_point_the_fast_path_takes_ends_sentences_as_in_icu) {
  std::size_t covered = 0;
  for (UChar32 c = 1; c < 0x2100; ++c) {
    if (c == 0x800) c = 0x2000;
    char buffer[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    const std::string cp(buffer, static_cast<std::size_t>(length));
    for (const std::string& text :
         {"Hi" + cp + " there. Next", "Go." + cp + " Now", "Go. " + cp + "x", "A." + cp + "b",
          "Stop" + cp + "Then", "Stop" + cp + " then", "x." + cp + "5", "Yes?" + cp + " No"}) {
      std::vector<std::size_t> fast;
      if (!hearsay::detail::split_sentences(text, fast)) continue;
      ++covered;
      const std::string diff = first_sentence_difference(text, fast, icu_sentence_ends(text));
      BOOST_TEST(diff.empty(), "U+" << std::hex << c << ": " << diff);
    }
  }
  BOOST_TEST(covered > 8 * 1500);
}

BOOST_AUTO_TEST_CASE(fast_word_breaks_equal_icu_on_every_gold_paragraph) {
  std::size_t fast_paragraphs = 0, icu_paragraphs = 0;
  std::vector<word_piece> fast;
  for (const auto& entry : fs::directory_iterator(HEARSAY_CORPORA_DIR)) {
    if (entry.path().extension() != ".xml") continue;
    for (const auto& doc : hearsay::load_corpus_file(entry.path().string()).documents) {
      std::size_t from = 0;
      while (from < doc.text.size()) {
        std::size_t to = doc.text.find("\n\n", from);
        if (to == std::string::npos) to = doc.text.size();
        const std::string_view paragraph = std::string_view(doc.text).substr(from, to - from);
        from = to + 2;
        if (!split_words(paragraph, fast)) {
          ++icu_paragraphs;
          continue;
        }
        ++fast_paragraphs;
        const std::string diff = first_difference(paragraph, fast, icu_pieces(paragraph));
        BOOST_TEST(diff.empty(), doc.id << ": " << diff);
      }
    }
  }
  BOOST_TEST_MESSAGE(fast_paragraphs << " gold paragraphs on the fast path, " << icu_paragraphs
                                     << " left to ICU");
  BOOST_TEST(fast_paragraphs > 10 * icu_paragraphs);
}

BOOST_AUTO_TEST_CASE(fast_word_breaks_equal_icu_on_random_text_of_boundary_characters) {
  // Every class the fast path handles, with several members each, plus whole words.
  const std::vector<std::string> atoms = {
      "a",      "Z",      "\u00E9",  "\u00DF", "\u0416",    "\u03A9", "\u0627", "\u00AA",
      "0",      "7",      "\u0663",  ".",      ",",         ";",      ":",      "'",
      "\"",     "_",      "\u203F",  "\u2019", "\u2018",    "\u2024", "\u00B7", "\u055F",
      "\u201C", "\u201D", "\u2014",  "\u2013", "\u2026",    "\u00A0", " ",      "  ",
      "\t",     "\n",     "\r",      "\r\n",   "\u2028",    "\u2029", "\u0085", "\u2003",
      "\u2007", "-",      "!",       "?",      "(",         ")",      "$",      "\u20AC",
      "\u00A3", "%",      "/",       "@",      "#",         "&",      "\u00BD", "\u00B2",
      "said",   "U.S.",   "1,000.5", "don't",  "it\u2019s", "co-op",  "a_b",    "x1"};
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, atoms.size() - 1);
  std::uniform_int_distribution<int> length(1, 24);
  std::vector<word_piece> fast;
  std::size_t failures = 0;
  for (int round = 0; round < 20000 && failures < 5; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += atoms[pick(rng)];
    BOOST_REQUIRE(split_words(text, fast));
    const std::string diff = first_difference(text, fast, icu_pieces(text));
    if (!diff.empty()) ++failures;
    BOOST_TEST(diff.empty(), diff);
  }
}

BOOST_AUTO_TEST_CASE(every_code_point_the_fast_path_takes_breaks_as_in_icu_between_words) {
  std::vector<word_piece> fast;
  std::size_t covered = 0;
  for (UChar32 c = 1; c < 0x2100; ++c) {
    if (c == 0x800) c = 0x2000;
    std::string cp;
    char buffer[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, c);
    cp.assign(buffer, static_cast<std::size_t>(length));
    for (const std::string& text :
         {"a" + cp + "b", "1" + cp + "2", cp + cp + " " + cp, "x" + cp, cp + "9", "_" + cp + "_"}) {
      if (!split_words(text, fast)) continue;
      ++covered;
      const std::string diff = first_difference(text, fast, icu_pieces(text));
      BOOST_TEST(diff.empty(), "U+" << std::hex << c << ": " << diff);
    }
  }
  BOOST_TEST(covered > 6 * 1500);
}

BOOST_AUTO_TEST_CASE(eight_byte_scan_ends_letter_runs_where_the_byte_table_does) {
  const auto& table = hearsay::detail::word_break_table::get();
  // Every byte value at every place of runs of 0 to 20 letters, with the text ending there or not.
  for (std::size_t run = 0; run <= 20; ++run) {
    for (unsigned b = 0; b < 0x100; ++b) {
      for (const std::size_t tail : {std::size_t{0}, std::size_t{1}, std::size_t{9}}) {
        std::string text(run, 'k');
        text += static_cast<char>(b);
        text += std::string(tail, 'Q');
        std::size_t expected = 0;
        while (expected < text.size() && table.ascii_alnum(text[expected])) ++expected;
        BOOST_TEST(table.alnum_run_end(text, 0) == expected,
                   "run " << run << ", byte " << b << ", tail " << tail);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(packed_prefix_is_the_same_at_run_time_and_compile_time) {
  using hearsay::detail::pack_prefix8;
  static_assert(pack_prefix8("said") == 0x64696173);
  static_assert(pack_prefix8("") == 0);
  const std::string text = "according to officials\xC3\xA9";
  for (std::size_t from = 0; from < text.size(); ++from) {
    for (std::size_t size = 0; from + size <= text.size() && size <= 12; ++size) {
      const std::string_view s(text.data() + from, size);
      std::uint64_t expected = 0;
      for (std::size_t i = 0; i < size && i < 8; ++i) {
        expected |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
      }
      BOOST_TEST(pack_prefix8(s) == expected, "'" << s << "'");
    }
  }
}

BOOST_AUTO_TEST_CASE(word_index_finds_every_key_and_nothing_else) {
  hearsay::detail::word_map<int> map;
  std::vector<std::string> keys;
  for (int i = 0; i < 3000; ++i) {  // short, eight-byte and long keys, sharing prefixes
    keys.push_back(std::string(1 + i % 13, static_cast<char>('a' + i % 26)) + std::to_string(i));
    map.emplace(keys.back(), i);
  }
  hearsay::detail::flat_word_index<int> index;
  index.build(map);
  for (const std::string& key : keys) {
    const int* found = index.find(key);
    BOOST_REQUIRE(found != nullptr);
    BOOST_TEST(*found == map.at(key));
    // The same key with one byte changed, one byte more or less: not there.
    std::string other = key;
    other.back() = '#';
    BOOST_TEST(index.find(other) == nullptr, other);
    BOOST_TEST(index.find(key + "x") == nullptr);
    const std::string shorter = key.substr(0, key.size() - 1);
    const int* prefix = index.find(shorter);
    BOOST_TEST((prefix != nullptr) == (map.count(shorter) == 1), shorter);
    if (prefix) BOOST_TEST(*prefix == map.at(shorter));
  }
  BOOST_TEST(index.find("") == nullptr);
  hearsay::detail::flat_word_index<int> empty;
  BOOST_TEST(empty.find("said") == nullptr);
}

BOOST_AUTO_TEST_CASE(text_with_marks_emoji_or_cjk_is_left_to_icu) {
  std::vector<word_piece> fast;
  BOOST_TEST(!split_words("e\u0301tude", fast));               // combining accent (Extend)
  BOOST_TEST(!split_words("soft\u00ADhyphen", fast));          // Format
  BOOST_TEST(!split_words("ok \U0001F44D", fast));             // emoji
  BOOST_TEST(!split_words("\u5317\u4EAC said", fast));         // dictionary script
  BOOST_TEST(!split_words("\u05E9\u05DC\u05D5\u05DD", fast));  // Hebrew letters
  BOOST_TEST(!split_words("a\u200Db", fast));                  // ZWJ
  std::vector<std::size_t> ends;
  BOOST_TEST(!hearsay::detail::split_sentences("Yes.\u0301 No", ends));  // Extend
  BOOST_TEST(!hearsay::detail::split_sentences("Yes\u3002No", ends));    // ideographic stop
  BOOST_TEST(split_words("", fast));
  BOOST_TEST(fast.empty());
}

BOOST_AUTO_TEST_SUITE_END()
