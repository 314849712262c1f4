// Definitions for segment.hpp.
#ifndef HEARSAY_SEGMENT_INL_HPP
#define HEARSAY_SEGMENT_INL_HPP

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <memory>

#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/sentence_breaks.hpp"
#include "hearsay/detail/sentence_candidates.hpp"
#include "hearsay/detail/sentence_judge.hpp"
#include "hearsay/detail/swar.hpp"
#include "hearsay/detail/unicode.hpp"
#include "hearsay/error.hpp"
#include "hearsay/segment.hpp"

namespace hearsay {
namespace detail {

struct segmenter_impl {
  lexicon lex;  // keeps the abbreviation tables alive
  std::string code;
  const language_segmentation* language = nullptr;  // lex's data for `code`, else `none`
  bool english = false;
  language_segmentation none;  // a language without data of its own: the rules of every script
  std::unique_ptr<icu::BreakIterator> prototype;

  segmenter_impl(lexicon l, std::string_view language_code)
      : lex(std::move(l)), code(language_code_of(language_code)) {
    language = lex.data().language(code);
    if (!language) {
      none.abbreviation_index.build(none.abbreviations);
      language = &none;
    }
    english = code == "en";
    UErrorCode status = U_ZERO_ERROR;
    prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !prototype) {
      throw error("icu_error", error_id::invalid_argument,
                  std::string("cannot create ICU sentence iterator: ") + u_errorName(status));
    }
  }

  // "de", "de-AT", "DE_at" give "de"; anything but two or three letters (before a "-" or "_")
  // is an invalid_argument error.
  static std::string language_code_of(std::string_view tag) {
    const std::string_view primary = tag.substr(0, tag.find_first_of("-_"));
    std::string code = ascii_lower(primary);
    const bool letters =
        std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (code.size() < 2 || code.size() > 3 || !letters) {
      throw error("invalid_argument", error_id::invalid_argument,
                  "invalid language '" + std::string(tag) +
                      "' for segmentation (a language code such as en, de, fr, zh-Hans)");
    }
    return code;
  }

  /// Split `text`; `checked` says its UTF-8 is known to be valid.
  std::vector<span> split(std::string_view text, bool checked = false) const;
};

// "« C’est fini.&#160;» Puis": a closing guillemet (or „…“ quote) that ICU left at the start of the
// next sentence, while the sentence before has one open, belongs to the sentence before.
inline void close_quote(std::string_view text, std::size_t sentence_start, gap& g) {
  std::size_t k = g.start;
  const UChar32 c = next_cp(text, k);
  UChar32 opener = 0;
  if (c == 0x00BB)
    opener = 0x00AB;  // « … »
  else if (c == 0x00AB)
    opener = 0x00BB;  // » … « (German)
  else if (c == 0x201C)
    opener = 0x201E;  // „ … “
  else if (c == 0x201D)
    opener = 0x201C;  // “ … ”
  else if (c == 0x300D)
    opener = 0x300C;  // 「 … 」
  else
    return;
  int open = 0;
  for (std::size_t i = sentence_start; i < g.end;) {
    const UChar32 d = next_cp(text, i);
    open += d == opener ? 1 : d == c ? -1 : 0;
  }
  if (open <= 0) return;
  g.end = k;
  while (k < text.size()) {
    std::size_t after = k;
    if (!is_space(next_cp(text, after))) break;
    k = after;
  }
  g.start = k;
}

inline std::vector<span> segmenter_impl::split(std::string_view text, bool checked) const {
  if (!checked) require_utf8(text);
  std::vector<span> out;
  if (text.empty()) return out;
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw error("invalid_argument", error_id::invalid_argument,
                "text of " + std::to_string(text.size()) + " bytes exceeds the 2 GiB limit");
  }

  // Candidate boundaries: ICU's rules' (which include the end of every line and paragraph: rule
  // SB4 breaks after each separator), plus every ellipsis and a stop before a numeral or a
  // lower-case word (which ICU never ends at). The fast path applies ICU's rules itself; a text it
  // does not cover goes to ICU.
  std::vector<std::size_t> candidates;
  candidates.reserve(text.size() / 64 + 4);
  if (!split_sentences(text, candidates)) {
    candidates.clear();
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    std::unique_ptr<icu::BreakIterator> it(prototype->clone());
    it->setText(ut, status);
    if (U_FAILURE(status)) {
      utext_close(ut);
      throw error("icu_error", error_id::invalid_argument,
                  std::string("ICU cannot iterate the text: ") + u_errorName(status));
    }
    for (std::int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
      candidates.push_back(static_cast<std::size_t>(b));
    }
    it.reset();
    utext_close(ut);
  }
  const std::size_t from_rules = candidates.size();  // sorted; what is added below is too
  candidate_scan scan;
  add_candidates(text, *language, candidates, scan);
  candidates.insert(candidates.end(), scan.forced.begin(), scan.forced.end());
  // Two sorted runs: merged (the second is short, and usually empty), then without repeats.
  if (candidates.size() > from_rules) {
    const auto added = candidates.begin() + static_cast<std::ptrdiff_t>(from_rules);
    if (!std::is_sorted(added, candidates.end())) std::sort(added, candidates.end());
    std::inplace_merge(candidates.begin(), added, candidates.end());
  }
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  boundary_judge judge(text, lex.data(), *language, english);
  const auto skip_space_forward = [&](std::size_t i) {
    while (i < text.size()) {
      std::size_t after = i;
      if (!is_space(next_cp(text, after))) break;
      i = after;
    }
    return i;
  };
  const auto skip_space_backward = [&](std::size_t i, std::size_t floor) {
    while (i > floor) {
      std::size_t before = i;
      if (!is_space(prev_cp(text, before))) break;
      i = before;
    }
    return i;
  };

  std::size_t sentence_start = skip_space_forward(0);
  std::size_t last_gap_start = SIZE_MAX;
  auto forced = scan.forced.begin();
  auto inside = scan.inside.begin();
  for (const std::size_t c : candidates) {
    if (c <= sentence_start || c >= text.size()) continue;
    while (forced != scan.forced.end() && *forced < c) ++forced;
    while (inside != scan.inside.end() && inside->second < c) ++inside;
    const bool item_starts = forced != scan.forced.end() && *forced == c;
    if (!item_starts && inside != scan.inside.end() && inside->first < c) continue;  // "2.) "
    gap g{skip_space_backward(c, sentence_start), skip_space_forward(c)};
    if (g.start == last_gap_start || g.start >= text.size() || g.end <= sentence_start) continue;
    close_quote(text, sentence_start, g);
    last_gap_start = g.start;
    judge.set_floor(sentence_start);
    if (item_starts ? judge.has_word_before(g.end) : judge.keep(g)) {
      out.push_back(span{sentence_start, g.end});
      sentence_start = g.start;
    }
  }
  const std::size_t end = skip_space_backward(text.size(), sentence_start);
  if (end > sentence_start) out.push_back(span{sentence_start, end});
  return out;
}

}  // namespace detail

HEARSAY_FUNC sentence_segmenter::sentence_segmenter() : sentence_segmenter(lexicon::builtin()) {}

HEARSAY_FUNC sentence_segmenter::sentence_segmenter(const lexicon& lex)
    : sentence_segmenter(lex, "en") {}

HEARSAY_FUNC sentence_segmenter::sentence_segmenter(const lexicon& lex, std::string_view language)
    : impl_(std::make_shared<detail::segmenter_impl>(lex, language)) {}

HEARSAY_FUNC const std::string& sentence_segmenter::language() const noexcept {
  return impl_->code;
}

HEARSAY_FUNC std::vector<span> sentence_segmenter::split(std::string_view text) const {
  return impl_->split(text);
}

HEARSAY_FUNC std::vector<span> sentence_segmenter::split_valid(std::string_view text) const {
  return impl_->split(text, true);
}

}  // namespace hearsay

#endif  // HEARSAY_SEGMENT_INL_HPP
