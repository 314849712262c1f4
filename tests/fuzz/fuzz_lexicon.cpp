// Fuzz lexicon loading: arbitrary bytes through lexicon::from_string. Bad input throws
// lexicon_error with a "[hearsay.lexicon_error.N]" message (101 at the first invalid UTF-8 byte)
// and an offset inside the input, never anything else; a lexicon that loads can drive a segmenter
// and an analyzer (alone and merged into the built-in one), and rebuilding it from its sources()
// gives the same size.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/error.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/segment.hpp"
#include "hearsay/text.hpp"

namespace {

// A text that exercises abbreviations, cues, sources, quotes and hedges.
constexpr std::string_view probe =
    "Finance Minister Petra Havelund said on Monday that the bill would pass. Officials, citing "
    "documents seen by Reuters, claimed it was expected to fail. “It is a disgrace,” he told "
    "reporters in the U.S. capital at 9 a.m. It is thought that the vote may be delayed.\n\n"
    "Mr. Smith denied the report; reportedly, no one was hurt.";

void exercise(const hearsay::lexicon& lex) {
  const hearsay::sentence_segmenter seg(lex);
  (void)seg.split(probe);
  const hearsay::analyzer an(lex);
  hearsay_fuzz::check_document(an.analyze(probe, "probe"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  hearsay::lexicon lex;
  try {
    lex = hearsay::lexicon::from_string(xml, "fuzz.xml");
  } catch (const hearsay::lexicon_error& e) {
    const hearsay::utf8_check utf8 = hearsay::check_utf8(xml);
    // Invalid UTF-8 is reported first, at its first bad byte; every other error is a 2xx.
    HEARSAY_FUZZ_CHECK(
        utf8.valid ? std::string_view(e.what()).starts_with("[hearsay.lexicon_error.2")
                   : std::string_view(e.what()).starts_with("[hearsay.lexicon_error.101]") &&
                         e.offset() == utf8.offset,
        std::string("unexpected message: ") + e.what());
    HEARSAY_FUZZ_CHECK(e.offset() <= size, "error offset " + std::to_string(e.offset()) +
                                               " beyond the input's " + std::to_string(size) +
                                               " bytes");
    HEARSAY_FUZZ_CHECK(e.source() == "fuzz.xml", "error names source " + e.source());
    return 0;
  }
  exercise(lex);

  hearsay::lexicon rebuilt;
  for (const std::string& source : lex.sources()) {
    rebuilt.merge(hearsay::lexicon::from_string(source));
  }
  HEARSAY_FUZZ_CHECK(rebuilt.size() == lex.size(),
                     "a lexicon rebuilt from sources() differs in size");

  hearsay::lexicon merged = hearsay::lexicon::builtin();
  merged.merge(lex);
  exercise(merged);
  return 0;
}
