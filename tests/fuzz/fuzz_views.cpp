// Fuzz the views of an analysis: arbitrary bytes, analysed (invalid UTF-8 repaired), written as
// SPEC section 5 gold XML and as the HTML page. The XML must always load as gold (the marks
// never cross, every chain names a written <src>, every id is unique), with no more claims than
// the analysis; the page must hold one claim element per gold claim, and no raw '<' of the text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/gold_xml.hpp"
#include "hearsay/html.hpp"

namespace {

const hearsay::analyzer& lenient() {
  static const hearsay::analyzer an = [] {
    hearsay::analyzer_options options;
    options.repair_utf8 = true;
    return hearsay::analyzer(hearsay::lexicon::builtin(), options);
  }();
  return an;
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const hearsay::document doc = lenient().analyze(input, "fuzz<&\">");
  const std::string xml = hearsay::to_gold_xml({doc, doc});
  hearsay::corpus gold;
  try {
    gold = hearsay::load_corpus(xml, "fuzz.xml");
  } catch (const hearsay::error& e) {
    HEARSAY_FUZZ_CHECK(false, std::string("the gold XML does not load: ") + e.what());
  }
  HEARSAY_FUZZ_CHECK(gold.documents.size() == 2, "a document is missing from the gold XML");
  HEARSAY_FUZZ_CHECK(gold.documents[0].id != gold.documents[1].id, "document ids repeat");
  HEARSAY_FUZZ_CHECK(gold.documents[0].claims.size() <= doc.claims.size(),
                     "the gold XML has claims the analysis has not");
  const std::string html = hearsay::to_html({doc}, "fuzz<title>");
  HEARSAY_FUZZ_CHECK(count(html, "<span class=\"claim ") == gold.documents[0].claims.size(),
                     "the page and the gold XML place different claims");
  HEARSAY_FUZZ_CHECK(html.find("<title>fuzz&lt;title&gt;</title>") != std::string::npos,
                     "the title is not escaped");
  HEARSAY_FUZZ_CHECK(count(html, "<script") == 0, "the page holds a script");
  return 0;
}
