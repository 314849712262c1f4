// The sourcing flags that compare claims with each other (SPEC 8): `single_source` (no other
// source of the document says the same) and `headline_overstates` (the headline asserts what the
// body only attributes), with the innermost sources they need told apart.
#ifndef HEARSAY_DETAIL_SAME_CONTENT_HPP
#define HEARSAY_DETAIL_SAME_CONTENT_HPP

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/detail/unicode.hpp"
#include "hearsay/detail/word_keys.hpp"
#include "hearsay/match.hpp"

namespace hearsay::detail {

/// Who each claim's innermost source is, as one number: mentions with the same words (after case
/// folding, a pronoun taken as the mention it refers to) are one source. 0 is the writer (no
/// chain), 1 an unspecified source.
class source_identities {
 public:
  explicit source_identities(const document& doc) : of_claim_(doc.claims.size(), 0) {
    for (std::size_t i = 0; i < doc.claims.size(); ++i) {
      const claim& c = doc.claims[i];
      if (c.chain.empty()) continue;
      const source& s = c.chain.back().source;
      if (s.kind == source_kind::unspecified) {
        of_claim_[i] = 1;
        continue;
      }
      const span mention = s.refers_to.value_or(s.where);
      const std::uint64_t key = folded_words_hash(doc.view(mention));
      const auto [it, added] = index_.try_emplace(key, tallies_.size());
      if (added) tallies_.push_back({mention, s.kind, 0});
      ++tallies_[it->second].claims;
      of_claim_[i] = it->second + 2;
    }
  }

  /// Return claim `i`'s source (0 writer, 1 unspecified, else one per distinct source).
  std::size_t of(std::size_t i) const noexcept { return of_claim_[i]; }
  /// Return how many distinct sources with a span there are.
  std::size_t distinct() const noexcept { return tallies_.size(); }

  /// Return the distinct sources, most claims first, then in the order first mentioned.
  std::vector<source_tally> tallies() const {
    std::vector<source_tally> out = tallies_;
    std::stable_sort(out.begin(), out.end(), [](const source_tally& a, const source_tally& b) {
      return a.claims > b.claims;
    });
    return out;
  }

 private:
  // The hash of a mention's words, case-folded, one space between ("The  Ministry" = "the
  // ministry"), made without building the string.
  static std::uint64_t folded_words_hash(std::string_view text) {
    std::uint64_t h = hash_start;
    bool gap = false, any = false;
    std::size_t i = 0;
    while (i < text.size()) {
      const auto byte = static_cast<unsigned char>(text[i]);
      UChar32 c;
      if (byte < 0x80) {
        c = byte;
        ++i;
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (!alnum) {
          gap = true;
          continue;
        }
        if (c >= 'A' && c <= 'Z') c += 32;
      } else {
        c = next_cp(text, i);
        if (c < 0 || !u_isalnum(c)) {
          gap = true;
          continue;
        }
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
      }
      if (gap && any) h = hash_byte(h, ' ');
      gap = false;
      any = true;
      h = c < 0x80 ? hash_byte(h, static_cast<unsigned char>(c)) : hash_code_point(h, c);
    }
    return h;
  }

  std::vector<std::size_t> of_claim_;
  std::unordered_map<std::uint64_t, std::size_t> index_;
  std::vector<source_tally> tallies_;
};

/// Return the byte where the document's headline ends, or 0 when it has none: a first line
/// followed by more text that does not end as a sentence does (".", "!", "?", ":").
inline std::size_t headline_end(const document& doc) {
  const std::string_view text = doc.text;
  const std::size_t line_end = text.find('\n');
  if (line_end == std::string_view::npos || line_end > 400) return 0;
  if (text.find_first_not_of(" \t\r\n", line_end) == std::string_view::npos) return 0;
  if (line_end == 0) return 0;
  const std::size_t last = text.find_last_not_of(" \t\r\"'\xE2\x80\x9D)", line_end - 1);
  if (last == std::string_view::npos) return 0;
  const char end = text[last];
  if (end == '.' || end == '!' || end == '?' || end == ':' || end == ';' || end == ',') return 0;
  return line_end;
}

/// Return the byte after a wire dateline that opens the sentence at `begin` ("DENHOLM, April 6
/// (MPA) - ", "LONDON (Reuters) — "), or `begin` when there is none: a place in capitals, then
/// at most a date (after a comma) and an agency in brackets, then a dash between spaces, within
/// 80 bytes. The dateline says where and when the story was filed, not what it claims.
inline std::size_t dateline_end(std::string_view text, std::size_t begin) {
  const std::string_view head = text.substr(begin, std::min<std::size_t>(80, text.size() - begin));
  const auto upper = [&head](std::size_t k) {
    return k < head.size() && head[k] >= 'A' && head[k] <= 'Z';
  };
  const auto lower = [&head](std::size_t k) {
    return k < head.size() && head[k] >= 'a' && head[k] <= 'z';
  };
  // The place: words of capitals ("NEW YORK", "WINSTON-SALEM"), none followed by a small letter.
  std::size_t i = 0;
  for (;;) {
    std::size_t j = i;
    while (upper(j) || (j > i && j < head.size() && head[j] == '.')) ++j;
    if (j < i + 2 || lower(j)) return begin;
    i = j;
    if (i + 2 < head.size() && (head[i] == ' ' || head[i] == '-') && upper(i + 1) && upper(i + 2)) {
      ++i;
      continue;
    }
    break;
  }
  if (i < head.size() && head[i] == ',') {
    ++i;  // the date: letters, digits, spaces and commas
    while (i < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[i])) || head[i] == ' ' || head[i] == ','))
      ++i;
  }
  while (i < head.size() && head[i] == ' ') ++i;
  if (i < head.size() && head[i] == '(') {
    const std::size_t close = head.find(')', i);
    if (close == std::string_view::npos) return begin;
    i = close + 1;
    if (i < head.size() && head[i] == ' ') ++i;
  }
  if (i == 0 || head[i - 1] != ' ') return begin;
  while (i < head.size() && head[i] == ' ') ++i;
  for (const std::string_view dash : {"- ", "\xE2\x80\x94 ", "\xE2\x80\x93 "}) {
    if (head.substr(i, dash.size()) == dash) return begin + i + dash.size();
  }
  return begin;
}

/// The contents of a document's claims, each reduced once, when first asked for.
class claim_contents {
 public:
  explicit claim_contents(const document& doc, std::size_t headline_end)
      : doc_(doc), headline_end_(headline_end), contents_(doc.claims.size()) {}

  const content& of(std::size_t i) {
    if (!contents_[i]) {
      const claim& c = doc_.claims[i];
      content_options options;
      options.language = doc_.language;
      if (c.sentence < doc_.sentences.size()) {
        const span s = doc_.sentences[c.sentence];
        options.sentence_begin = s.begin;
        // Only a headline is read for title case (a body sentence of capitals is rare).
        options.title_case = s.begin < headline_end_ && is_title_case(doc_.view(s), doc_.language);
        // A claim that opens with the sentence's dateline is read from after it.
        const std::size_t after = dateline_end(doc_.text, s.begin);
        if (after > c.where.begin && after < c.where.end) {
          options.sentence_begin = after;
          contents_[i] = content_of(doc_.text, span{after, c.where.end}, options);
          return *contents_[i];
        }
      }
      contents_[i] = content_of(doc_.text, c.where, options);
    }
    return *contents_[i];
  }
  /// Return claim i's content, moved out (of(i) must not be asked for it again).
  content take(std::size_t i) {
    of(i);
    return std::move(*contents_[i]);
  }

 private:
  const document& doc_;
  std::size_t headline_end_;
  std::vector<std::optional<content>> contents_;
};

/// A set of claims with the same words and the same innermost source: one decision serves all.
struct content_group {
  std::size_t first_claim = 0;  // its representative
  std::size_t source = 0;
  bool target = false;   // reported or alleged: single_source is decided for it
  bool partner = false;  // has a chain: it is a source's word for the content
  std::vector<std::size_t> claims;
};

/// Return the claims grouped by words and source (claims without content words are left out).
inline std::vector<content_group> group_by_content(const document& doc, claim_contents& contents,
                                                   const source_identities& ids) {
  std::vector<content_group> groups;
  std::unordered_map<std::uint64_t, std::size_t> index;
  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    const claim& c = doc.claims[i];
    const bool target = c.status != status::confirmed;
    const bool partner = !c.chain.empty();
    if (!target && !partner) continue;
    const content& words = contents.of(i);
    if (words.empty()) continue;
    std::uint64_t key = (hash_start ^ ids.of(i)) * 1099511628211ull;
    for (const std::uint64_t w : words.words()) key = (key ^ w) * 1099511628211ull;
    const auto [it, added] = index.try_emplace(key, groups.size());
    if (added) groups.push_back({i, ids.of(i), false, false, {}});
    content_group& g = groups[it->second];
    g.target = g.target || target;
    g.partner = g.partner || partner;
    g.claims.push_back(i);
  }
  return groups;
}

/// Finds, for a content, the partner groups that may match it, without comparing every pair:
/// prefix filtering (a Dice of 0.5 needs a third of each side's words in common, so two
/// matching contents share a word among the first two thirds of each, rarest word first).
class partner_index {
 public:
  partner_index(const std::vector<content_group>& groups, claim_contents& contents)
      : groups_(groups) {
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!groups[g].partner) continue;
      for (const std::uint64_t t : tokens(contents.of(groups[g].first_claim))) ++frequency_[t];
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (!groups[g].partner) continue;
      for (const std::uint64_t t : prefix(contents.of(groups[g].first_claim)))
        lists_[t].push_back(g);
    }
  }

  /// Call `f(group)` for each partner group that may match `c` (each once), at most `limit`
  /// times; stop early when `f` returns true, and return whether it did.
  template <class F>
  bool any_candidate(const content& c, std::size_t limit, F f) {
    ++stamp_;
    if (seen_.size() < groups_.size()) seen_.resize(groups_.size(), 0);
    std::size_t scanned = 0;
    for (const std::uint64_t t : prefix(c)) {
      const auto it = lists_.find(t);
      if (it == lists_.end()) continue;
      for (const std::size_t g : it->second) {
        if (++scanned > limit) return false;
        if (seen_[g] == stamp_) continue;
        seen_[g] = stamp_;
        if (f(g)) return true;
      }
    }
    return false;
  }

 private:
  // A multiset as a set: the k-th repeat of a word is its own token.
  static std::vector<std::uint64_t> tokens(const content& c) {
    std::vector<std::uint64_t> out;
    const auto w = c.words();
    for (std::size_t i = 0, repeat = 0; i < w.size(); ++i) {
      repeat = i > 0 && w[i] == w[i - 1] ? repeat + 1 : 0;
      out.push_back(w[i] ^ (repeat * 0x9E3779B97F4A7C15ull));
    }
    return out;
  }
  std::vector<std::uint64_t> prefix(const content& c) const {
    std::vector<std::uint64_t> t = tokens(c);
    const auto rarity = [this](std::uint64_t x) {
      const auto it = frequency_.find(x);
      return it == frequency_.end() ? std::size_t{0} : it->second;
    };
    std::sort(t.begin(), t.end(), [&](std::uint64_t a, std::uint64_t b) {
      const std::size_t fa = rarity(a), fb = rarity(b);
      return fa != fb ? fa < fb : a < b;
    });
    const std::size_t n = t.size();
    t.resize(std::min(n, n - (n + 2) / 3 + 1));
    return t;
  }

  const std::vector<content_group>& groups_;
  std::unordered_map<std::uint64_t, std::size_t> frequency_;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> lists_;
  std::vector<std::uint32_t> seen_;
  std::uint32_t stamp_ = 0;
};

// SPEC 8 single_source: reported or alleged, and no other claim with the same content has another
// innermost source. Other claims count when a source stands behind them (they have a chain).
inline void flag_single_sources(document& doc, claim_contents& contents,
                                const source_identities& ids) {
  // With one source behind every chained claim, none of them can be corroborated: no content
  // is needed for them (most short articles quote one or two people).
  std::size_t first_source = 0;
  bool two_sources = false;
  for (std::size_t i = 0; i < doc.claims.size() && !two_sources; ++i) {
    if (doc.claims[i].chain.empty()) continue;
    if (first_source == 0) {
      first_source = ids.of(i);
    } else {
      two_sources = ids.of(i) != first_source;
    }
  }
  if (!two_sources) {
    for (std::size_t t = 0; t < doc.claims.size(); ++t) {
      claim& c = doc.claims[t];
      if (c.status == status::confirmed) continue;
      bool corroborated = false;
      if (c.chain.empty() && first_source != 0) {
        // The writer's own alleged claim: corroborated by any source that says it.
        const content& words = contents.of(t);
        for (std::size_t p = 0; p < doc.claims.size() && !corroborated && !words.empty(); ++p) {
          if (doc.claims[p].chain.empty()) continue;
          const content& theirs = contents.of(p);
          corroborated = 3 * theirs.size() >= words.size() && 3 * words.size() >= theirs.size() &&
                         matches(words, theirs);
        }
      }
      if (!corroborated) c.flags.add(flag::single_source);
    }
    return;
  }
  const std::vector<content_group> groups = group_by_content(doc, contents, ids);
  // Past this many index entries a content is taken as having no second source: a bound on
  // pathological documents (thousands of near-identical claims from one source).
  constexpr std::size_t candidate_limit = 4096;
  std::optional<partner_index> index;
  std::size_t partners = 0;
  for (const content_group& g : groups) partners += g.partner ? 1 : 0;
  if (partners > 32) index.emplace(groups, contents);
  for (std::size_t t = 0; t < groups.size(); ++t) {
    const content_group& target = groups[t];
    if (!target.target) continue;
    const content& words = contents.of(target.first_claim);
    const auto corroborates = [&](std::size_t p) {
      const content_group& other = groups[p];
      if (p == t || !other.partner || other.source == target.source) return false;
      const content& theirs = contents.of(other.first_claim);
      // Dice >= 0.5 needs sizes within a factor of three.
      if (3 * theirs.size() < words.size() || 3 * words.size() < theirs.size()) return false;
      return matches(words, theirs);
    };
    bool corroborated = false;
    if (index) {
      corroborated = index->any_candidate(words, candidate_limit, corroborates);
    } else {
      for (std::size_t p = 0; p < groups.size() && !corroborated; ++p)
        corroborated = corroborates(p);
    }
    if (corroborated) continue;
    for (const std::size_t i : target.claims) {
      if (doc.claims[i].status != status::confirmed) doc.claims[i].flags.add(flag::single_source);
    }
  }
  // A claim without content words has nothing another could say too.
  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    claim& c = doc.claims[i];
    if (c.status != status::confirmed && contents.of(i).empty()) c.flags.add(flag::single_source);
  }
}

// SPEC 8 headline_overstates: a confirmed headline claim whose matching body claims are reported
// or alleged. A body claim that asserts it too (confirmed) keeps the headline honest.
inline void flag_overstating_headline(document& doc, claim_contents& contents, std::size_t end) {
  for (std::size_t h = 0; h < doc.claims.size(); ++h) {
    claim& head = doc.claims[h];
    if (head.status != status::confirmed || head.sentence >= doc.sentences.size() ||
        doc.sentences[head.sentence].begin >= end) {
      continue;
    }
    const content& words = contents.of(h);
    if (words.empty()) continue;
    bool attributed = false, asserted = false;
    for (std::size_t b = 0; b < doc.claims.size() && !asserted; ++b) {
      const claim& body = doc.claims[b];
      if (body.sentence >= doc.sentences.size() || doc.sentences[body.sentence].begin < end)
        continue;
      if (!matches(words, contents.of(b))) continue;
      (body.status == status::confirmed ? asserted : attributed) = true;
    }
    if (attributed && !asserted) head.flags.add(flag::headline_overstates);
  }
}

inline void same_content_flags(document& doc, const source_identities& ids) {
  const std::size_t end = headline_end(doc);
  claim_contents contents(doc, end);
  flag_single_sources(doc, contents, ids);
  if (end > 0) flag_overstating_headline(doc, contents, end);
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_SAME_CONTENT_HPP
