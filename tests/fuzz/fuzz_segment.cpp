// Fuzz sentence segmentation: arbitrary bytes through sentence_segmenter::split. Valid UTF-8 gives
// sorted, non-overlapping, non-empty spans on code-point boundaries, without surrounding white
// space, and nothing but white space between them (no text is dropped); invalid UTF-8 throws
// encoding_error, and its repaired form segments like valid text.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "hearsay/error.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/segment.hpp"
#include "hearsay/text.hpp"

namespace {

// White space as the segmenter sees it: ASCII white space or Unicode White_Space.
bool only_space(std::string_view text, std::size_t begin, std::size_t end) {
  auto i = static_cast<std::int32_t>(begin);
  while (static_cast<std::size_t>(i) < end) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), i, static_cast<std::int32_t>(end),
            c);
    const bool ascii_space = c == ' ' || (c >= '\t' && c <= '\r');
    if (!ascii_space && !(c > 127 && u_isUWhiteSpace(c))) return false;
  }
  return true;
}

void check_split(std::string_view text, const std::vector<hearsay::span>& spans) {
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const hearsay::span s = spans[i];
    const std::string name = "sentence " + std::to_string(i);
    hearsay_fuzz::check_span(text, s, name);
    HEARSAY_FUZZ_CHECK(!s.empty(), name + " is empty");
    HEARSAY_FUZZ_CHECK(s.begin >= previous_end, name + " " + hearsay_fuzz::describe(s) +
                                                    " overlaps or precedes the one before");
    HEARSAY_FUZZ_CHECK(
        !hearsay_fuzz::space_at(text, s.begin) && !hearsay_fuzz::space_before(text, s.end),
        name + " " + hearsay_fuzz::describe(s) + " keeps surrounding white space");
    HEARSAY_FUZZ_CHECK(only_space(text, previous_end, s.begin),
                       "text dropped before " + name + " " + hearsay_fuzz::describe(s));
    previous_end = s.end;
  }
  HEARSAY_FUZZ_CHECK(only_space(text, previous_end, text.size()),
                     "text dropped after the last sentence");
}

// One segmenter per language with rules of its own (and one without data); the input's length
// picks one, so every language sees every kind of input.
const hearsay::sentence_segmenter& segmenter(std::size_t pick) {
  static const std::vector<hearsay::sentence_segmenter> all = [] {
    std::vector<hearsay::sentence_segmenter> out;
    for (const char* language : {"en", "de", "fr", "es", "ru", "el", "hy", "ja", "sw"}) {
      out.emplace_back(hearsay::lexicon::builtin(), language);
    }
    return out;
  }();
  return all[pick % all.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const hearsay::sentence_segmenter& seg = segmenter(size);
  const hearsay::utf8_check utf8 = hearsay::check_utf8(input);
  if (utf8.valid) {
    const std::vector<hearsay::span> spans = seg.split(input);
    check_split(input, spans);
    HEARSAY_FUZZ_CHECK(seg.split(input) == spans, "segmentation is not deterministic");
    return 0;
  }
  try {
    (void)seg.split(input);
    HEARSAY_FUZZ_CHECK(false, "invalid UTF-8 segmented without encoding_error");
  } catch (const hearsay::encoding_error& e) {
    HEARSAY_FUZZ_CHECK(e.offset() == utf8.offset,
                       "encoding_error names another byte than check_utf8");
  }
  const std::string repaired = hearsay::repair_utf8(input);
  check_split(repaired, seg.split(repaired));
  return 0;
}
