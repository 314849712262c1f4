// Fuzz gold-corpus loading: arbitrary bytes through load_corpus. Bad input throws corpus_error with
// a "[hearsay.corpus_error.N]" message and an offset inside the input; a corpus that loads keeps
// its promises (spans inside valid UTF-8 text, claims inside their <s>, chains and refs naming
// sources of the same document), and its documents can be analysed and scored.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_checks.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/score.hpp"

namespace {

const hearsay::analyzer& analyzer() {
  static const hearsay::analyzer an;
  return an;
}

void check_gold(const hearsay::gold_document& d) {
  const std::string_view text = d.text;
  HEARSAY_FUZZ_CHECK(!d.id.empty(), "a document without id");
  HEARSAY_FUZZ_CHECK(hearsay::check_utf8(text).valid, d.id + ": text is not valid UTF-8");
  for (const hearsay::span s : d.sentences) {
    hearsay_fuzz::check_span(text, s, d.id + " sentence");
    HEARSAY_FUZZ_CHECK(!s.empty(), d.id + ": empty sentence");
  }
  for (const hearsay::gold_claim& c : d.claims) {
    hearsay_fuzz::check_span(text, c.where, d.id + " claim");
    HEARSAY_FUZZ_CHECK(c.sentence < d.sentences.size(), d.id + ": claim outside every <s>");
    const hearsay::span s = d.sentences[c.sentence];
    HEARSAY_FUZZ_CHECK(s.begin <= c.where.begin && c.where.end <= s.end,
                       d.id + ": claim " + hearsay_fuzz::describe(c.where) + " leaves its <s> " +
                           hearsay_fuzz::describe(s));
    for (const std::string& id : c.chain) {
      HEARSAY_FUZZ_CHECK(id == "_" || d.find_source(id) != nullptr,
                         d.id + ": chain names unknown source " + id);
    }
  }
  for (const hearsay::gold_source& s : d.sources) {
    hearsay_fuzz::check_span(text, s.where, d.id + " source " + s.id);
    if (s.ref) {
      const hearsay::gold_source* target = d.find_source(*s.ref);
      HEARSAY_FUZZ_CHECK(target != nullptr && target != &s, d.id + ": bad ref of " + s.id);
    }
  }
  for (const hearsay::span c : d.cues) hearsay_fuzz::check_span(text, c, d.id + " cue");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view xml(reinterpret_cast<const char*>(data), size);
  hearsay::corpus gold;
  try {
    gold = hearsay::load_corpus(xml, "fuzz.xml");
  } catch (const hearsay::corpus_error& e) {
    HEARSAY_FUZZ_CHECK(std::string_view(e.what()).starts_with("[hearsay.corpus_error."),
                       std::string("unexpected message: ") + e.what());
    HEARSAY_FUZZ_CHECK(e.offset() <= size, "error offset " + std::to_string(e.offset()) +
                                               " beyond the input's " + std::to_string(size) +
                                               " bytes");
    return 0;
  }
  hearsay::scores total;
  for (const hearsay::gold_document& d : gold.documents) {
    check_gold(d);
    const hearsay::document predicted = analyzer().analyze(d.text, d.id);
    hearsay_fuzz::check_document(predicted);
    const hearsay::document_score s = hearsay::score_document(d, predicted);
    for (const hearsay::mistake& m : s.mistakes) (void)hearsay::describe(m);
    total += s.totals;
  }
  const double f1 = total.claims.f1();
  HEARSAY_FUZZ_CHECK(f1 >= 0 && f1 <= 1, "claim F1 outside [0, 1]");
  HEARSAY_FUZZ_CHECK(total.sentences.correct <= total.sentences.gold &&
                         total.sentences.correct <= total.sentences.predicted,
                     "more correct sentences than gold or predicted ones");
  return 0;
}
