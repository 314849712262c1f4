// UTF-8 checking and repair (text.hpp).
#include <boost/test/unit_test.hpp>

#include <string>

#include "hearsay/text.hpp"

BOOST_AUTO_TEST_SUITE(text)

// Repair once replaced a whole ill-formed sequence with one U+FFFD, so every later offset
// differed from what Python's or a browser's decoder gives for the same bytes.
BOOST_AUTO_TEST_CASE(repair_substitutes_each_maximal_subpart_as_unicode_and_whatwg_do) {
  const std::string r = "\xEF\xBF\xBD";
  struct example {
    std::string bytes, repaired;
    std::size_t count;
  };
  for (const example& e : std::initializer_list<example>{
           // Unicode 15, table 3-8 (U+FFFD for maximal subparts).
           {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
            "a" + r + r + r + "b" + r + "c" + r + r + "d", 6},
           {"\xC0\xAF", r + r, 2},                  // overlong: C0 can start nothing
           {"\xED\xA0\x80", r + r + r, 3},          // an encoded surrogate
           {"x\xE2\x82", "x" + r, 1},               // truncated at the end
           {"\xE2\x82y", r + "y", 1},               // truncated before a letter
           {"\xF0\x80\x80", r + r + r, 3},          // F0 80 is overlong: F0 alone
           {"\xF4\x90\x80\x80", r + r + r + r, 4},  // above U+10FFFF
           {"\xF0\x9F\x98", r, 1},                  // three bytes of a four-byte emoji
           {"\xFF\xFE", r + r, 2},
           {"ok \xE2\x80\x9C", "ok \xE2\x80\x9C", 0},
       }) {
    hearsay::utf8_repairs repairs;
    BOOST_TEST(hearsay::repair_utf8(e.bytes, &repairs) == e.repaired);
    BOOST_TEST(repairs.count == e.count);
    BOOST_TEST(hearsay::check_utf8(hearsay::repair_utf8(e.bytes)).valid);
  }
}

BOOST_AUTO_TEST_CASE(repairs_name_the_first_replacement_in_the_repaired_text) {
  hearsay::utf8_repairs repairs;
  const std::string out = hearsay::repair_utf8("caf\xC3\xA9 \xC0 and \xFF", &repairs);
  BOOST_TEST(repairs.count == 2u);
  BOOST_TEST(repairs.first == 6u);
  BOOST_TEST(out.substr(repairs.first, 3) == "\xEF\xBF\xBD");
  BOOST_TEST(hearsay::replace_invalid_utf8("a\xC0\xAF b", "?") == "a?? b");
}

BOOST_AUTO_TEST_SUITE_END()
