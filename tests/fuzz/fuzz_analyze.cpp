// Fuzz the whole analysis: arbitrary bytes through the throwing analyzer and the repairing one.
// Valid UTF-8 must analyse without throwing; invalid UTF-8 must throw encoding_error naming the
// first bad byte (strict) or be repaired (lenient); every result keeps the invariants of
// fuzz_checks.hpp, and analysing the same text twice gives the same document.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/error.hpp"
#include "hearsay/text.hpp"

namespace {

const hearsay::analyzer& strict() {
  static const hearsay::analyzer an;
  return an;
}

const hearsay::analyzer& lenient() {
  static const hearsay::analyzer an = [] {
    hearsay::analyzer_options options;
    options.repair_utf8 = true;
    return hearsay::analyzer(hearsay::lexicon::builtin(), options);
  }();
  return an;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const hearsay::utf8_check utf8 = hearsay::check_utf8(input);

  // The throwing path.
  if (utf8.valid) {
    const hearsay::document doc = strict().analyze(input, "fuzz");
    HEARSAY_FUZZ_CHECK(doc.text == input, "the document's text is not the input");
    hearsay_fuzz::check_document(doc);
    HEARSAY_FUZZ_CHECK(strict().analyze(input, "fuzz") == doc, "analysis is not deterministic");
    HEARSAY_FUZZ_CHECK(lenient().analyze(input, "fuzz") == doc,
                       "repair_utf8 changes the analysis of valid text");
    return 0;
  }
  try {
    (void)strict().analyze(input, "fuzz");
    HEARSAY_FUZZ_CHECK(false, "invalid UTF-8 analysed without encoding_error");
  } catch (const hearsay::encoding_error& e) {
    HEARSAY_FUZZ_CHECK(e.offset() == utf8.offset,
                       "encoding_error at byte " + std::to_string(e.offset()) +
                           ", check_utf8 says " + std::to_string(utf8.offset));
    HEARSAY_FUZZ_CHECK(std::string_view(e.what()).starts_with("[hearsay.encoding_error.101]"),
                       std::string("unexpected message: ") + e.what());
  }

  // The repairing path.
  const std::string repaired = hearsay::repair_utf8(input);
  HEARSAY_FUZZ_CHECK(hearsay::check_utf8(repaired).valid, "repair_utf8 left invalid UTF-8");
  HEARSAY_FUZZ_CHECK(hearsay::repair_utf8(repaired) == repaired, "repair_utf8 is not idempotent");
  hearsay::document doc = lenient().analyze(input, "fuzz");
  HEARSAY_FUZZ_CHECK(doc.text == repaired,
                     "the repaired document's text is not repair_utf8(input)");
  hearsay_fuzz::check_document(doc);
  // The document says what repair changed: at least one U+FFFD, the first where it says.
  HEARSAY_FUZZ_CHECK(doc.repaired.count > 0, "repair changed the text but says nothing");
  HEARSAY_FUZZ_CHECK(std::string_view(doc.text).substr(doc.repaired.first, 3) == "\xEF\xBF\xBD",
                     "the first repair is not a U+FFFD");
  HEARSAY_FUZZ_CHECK(doc.repaired.first == utf8.offset,
                     "the first repair is not at the first invalid byte");
  doc.repaired = {};
  HEARSAY_FUZZ_CHECK(strict().analyze(repaired, "fuzz") == doc,
                     "analysing repaired text differs from analysing with repair_utf8");
  return 0;
}
