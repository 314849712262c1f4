// Fuzz the fast word and sentence boundaries against ICU's iterators: for any valid UTF-8 input
// the fast paths either decline it (a code point they leave to ICU) or give exactly ICU's
// boundaries and, for words, ICU's rule status. The analyzer's tokens and sentences rest on this.
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.hpp"
#include "hearsay/detail/sentence_breaks.hpp"
#include "hearsay/detail/word_breaks.hpp"
#include "hearsay/text.hpp"

namespace {

// ICU's boundaries of `text` after position 0 (and the rule status before each, for words).
void icu_breaks(icu::BreakIterator& it, std::string_view text, std::vector<std::size_t>& ends,
                std::vector<std::int32_t>& statuses) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it.setText(ut, status);
  HEARSAY_FUZZ_CHECK(U_SUCCESS(status), "ICU cannot iterate the input");
  for (std::int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
    ends.push_back(static_cast<std::size_t>(b));
    statuses.push_back(it.getRuleStatus());
  }
  utext_close(ut);
}

std::unique_ptr<icu::BreakIterator> make(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  HEARSAY_FUZZ_CHECK(U_SUCCESS(status) && it, "cannot create an ICU iterator");
  return it;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!hearsay::check_utf8(text)) return 0;  // both paths take valid UTF-8 only
  static const std::unique_ptr<icu::BreakIterator> words = make(true);
  static const std::unique_ptr<icu::BreakIterator> sentences = make(false);

  std::vector<hearsay::detail::word_piece> pieces;
  if (hearsay::detail::split_words(text, pieces)) {
    std::vector<std::size_t> ends;
    std::vector<std::int32_t> statuses;
    icu_breaks(*words, text, ends, statuses);
    HEARSAY_FUZZ_CHECK(pieces.size() == ends.size(), "word piece count differs from ICU's");
    std::size_t begin = 0;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      const std::string at = "word piece " + std::to_string(k);
      HEARSAY_FUZZ_CHECK(pieces[k].begin == begin && pieces[k].end == ends[k],
                         at + " has other bounds than ICU's");
      HEARSAY_FUZZ_CHECK(pieces[k].status == statuses[k], at + " has another rule status");
      begin = ends[k];
    }
  }

  std::vector<std::size_t> fast_ends;
  if (hearsay::detail::split_sentences(text, fast_ends)) {
    std::vector<std::size_t> ends;
    std::vector<std::int32_t> statuses;
    icu_breaks(*sentences, text, ends, statuses);
    HEARSAY_FUZZ_CHECK(fast_ends == ends, "sentence boundaries differ from ICU's");
  }
  return 0;
}
