// The analysis laid out as nested marks over its text, for the views that show the text itself
// (the SPEC section 5 XML writer, the HTML page): paragraphs hold sentences, sentences hold claims
// and leaves (sources and cues), claims hold leaves. Marks that would cross are clipped so that
// the nesting is always well formed, the way a gold file has to be:
//  - a claim is clipped to its sentence and starts after the claim before it ends;
//  - a leaf is clipped to the sentence holding its first byte and to the inside or the outside
//    of the claim holding (or not holding) that byte; sources are placed before cues, a leaf that
//    overlaps one already placed is cut to the part before it or dropped (a source then shares
//    the number of the placed source it overlaps, so that its claims' chains still name one).
// White space at the edges of every mark is trimmed (the gold reader drops it too).
#ifndef HEARSAY_DETAIL_MARKUP_HPP
#define HEARSAY_DETAIL_MARKUP_HPP

#include <algorithm>
#include <cstddef>
#include <functional>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/text.hpp"

namespace hearsay::detail {

inline constexpr std::size_t no_mark = std::numeric_limits<std::size_t>::max();

/// A source mention shown once however many links name it.
struct marked_source {
  span where;
  source_kind kind = source_kind::unspecified;
  bool named = false;
  std::size_t refers_to = no_mark;  ///< The marked source its refers_to span is, or no_mark.
};

enum class leaf_kind : unsigned char { source, cue };

/// A source or cue placed in the text.
struct leaf_mark {
  span where;
  leaf_kind kind = leaf_kind::source;
  std::size_t index = 0;             ///< Into marked_text::sources, or the cue's number.
  std::size_t link_claim = no_mark;  ///< For a cue: a claim whose chain holds it.
  std::size_t link = 0;              ///< ... and the position of its link in that chain.
  span wanted;                       ///< The span asked for, before clipping.
};

/// A claim placed in the text.
struct claim_mark {
  span where;
  std::size_t claim = 0;  ///< Into document::claims.
};

/// One sentence with its claims and leaves, sorted by position.
struct sentence_mark {
  span where;
  std::vector<claim_mark> claims;
  std::vector<leaf_mark> leaves;  ///< Inside or outside claims, never across one.
};

/// Paragraphs (sentences separated by a line break start a new one) of sentences.
struct marked_text {
  std::vector<std::vector<sentence_mark>> paragraphs;
  std::vector<marked_source> sources;
  /// Per claim of the document: the marked source of each link, outermost first; no_mark for an
  /// unspecified source (no span) or one that could not be placed nor stood in for.
  std::vector<std::vector<std::size_t>> chains;
};

// White space, and what the writers turn into a space (the characters XML 1.0 forbids: C0
// controls, DEL, U+FFFE and U+FFFF; see escape.hpp): a mark never starts or ends with it, and a
// sentence of nothing else is none.
inline bool markup_space(char c) noexcept {
  const auto b = static_cast<unsigned char>(c);
  return b <= 0x20 || b == 0x7F;
}

// The number of bytes of U+FFFE or U+FFFF starting at `i`, else 0.
inline std::size_t noncharacter_at(std::string_view text, std::size_t i) noexcept {
  return i + 3 <= text.size() && static_cast<unsigned char>(text[i]) == 0xEF &&
                 static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                 (static_cast<unsigned char>(text[i + 2]) & 0xFE) == 0xBE
             ? 3
             : 0;
}

inline span trimmed(std::string_view text, span s) noexcept {
  s.end = std::min(s.end, text.size());
  s.begin = std::min(s.begin, s.end);
  while (s.begin < s.end) {
    if (markup_space(text[s.begin])) {
      ++s.begin;
    } else if (const std::size_t n = noncharacter_at(text, s.begin); n && s.begin + n <= s.end) {
      s.begin += n;
    } else {
      break;
    }
  }
  while (s.end > s.begin) {
    if (markup_space(text[s.end - 1])) {
      --s.end;
    } else if (s.end >= s.begin + 3 && noncharacter_at(text, s.end - 3)) {
      s.end -= 3;
    } else {
      break;
    }
  }
  return s;
}

inline span intersect(span a, span b) noexcept {
  const std::size_t begin = std::max(a.begin, b.begin);
  const std::size_t end = std::min(a.end, b.end);
  return begin < end ? span{begin, end} : span{begin, begin};
}

// Sentences in order, and whatever non-blank text lies between them as sentences of its own (a
// gold <p> holds nothing outside <s>), grouped into paragraphs at every gap with a line break.
inline std::vector<std::vector<sentence_mark>> mark_paragraphs(const document& doc) {
  const std::string_view text = doc.text;
  std::vector<span> sentences;
  std::size_t at = 0;
  auto gap = [&](std::size_t until) {
    const span g = trimmed(text, {at, until});
    if (!g.empty()) sentences.push_back(g);
  };
  for (const span s0 : doc.sentences) {
    const span s = trimmed(text, {std::max(s0.begin, at), s0.end});
    if (s.empty()) continue;
    gap(s.begin);
    sentences.push_back(s);
    at = s.end;
  }
  gap(text.size());
  std::vector<std::vector<sentence_mark>> paragraphs;
  std::size_t previous_end = 0;
  for (const span s : sentences) {
    const std::string_view between = text.substr(previous_end, s.begin - previous_end);
    const bool breaks = between.find('\n') != std::string_view::npos ||
                        between.find('\r') != std::string_view::npos ||
                        between.find("\u2029") != std::string_view::npos ||
                        between.find("\u2028") != std::string_view::npos;
    if (paragraphs.empty() || breaks) paragraphs.emplace_back();
    paragraphs.back().push_back({s, {}, {}});
    previous_end = s.end;
  }
  return paragraphs;
}

// Lays out one document's marks: claims first, then the chains' sources, what they refer to,
// and the cues (see the file comment for the clipping rules).
class text_marker {
 public:
  explicit text_marker(const document& doc) : doc_(doc), text_(doc.text) {
    out_.paragraphs = mark_paragraphs(doc);
    for (auto& p : out_.paragraphs) {
      for (sentence_mark& s : p) sentences_.push_back(&s);
    }
  }

  marked_text run() && {
    place_claims();
    place_sources();
    link_references();
    place_cues();
    return std::move(out_);
  }

 private:
  // The sentence holding byte `at`, or nullptr; the last one found is tried first, since marks
  // come mostly in text order, each near the one before.
  sentence_mark* sentence_at(std::size_t at) {
    if (hint_ && hint_->where.begin <= at && at < hint_->where.end) return hint_;
    auto it =
        std::upper_bound(sentences_.begin(), sentences_.end(), at,
                         [](std::size_t x, const sentence_mark* s) { return x < s->where.end; });
    if (it == sentences_.end() || (*it)->where.begin > at) return nullptr;
    return hint_ = *it;
  }
  sentence_mark* sentence_of(span w) {
    const span t = trimmed(text_, w);
    return t.empty() ? nullptr : sentence_at(t.begin);
  }

  // Claims: clipped to their sentence, in text order, never overlapping.
  void place_claims() {
    const auto& claims = doc_.claims;
    std::vector<std::size_t> order(claims.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return claims[a].where.begin < claims[b].where.begin;
    });
    for (const std::size_t i : order) {
      const claim& c = claims[i];
      span where = trimmed(text_, c.where);
      if (c.sentence < doc_.sentences.size()) where = intersect(where, doc_.sentences[c.sentence]);
      sentence_mark* s = where.empty() ? nullptr : sentence_at(where.begin);
      if (!s) continue;
      where = intersect(where, s->where);
      if (!s->claims.empty()) where.begin = std::max(where.begin, s->claims.back().where.end);
      where = trimmed(text_, where);
      if (!where.empty()) s->claims.push_back({where, i});
    }
  }

  // Clip `where` against the sorted, non-overlapping `marks`: only the one at or before its start
  // and the one after can (binary searches: a sentence with very many marks stays fast). Return
  // whether it starts inside one.
  template <class Marks>
  static bool clip(span& where, const Marks& marks) {
    auto next = std::upper_bound(marks.begin(), marks.end(), where.begin,
                                 [](std::size_t x, const auto& m) { return x < m.where.begin; });
    bool inside = false;
    if (next != marks.begin() && where.begin < std::prev(next)->where.end) {
      inside = true;
      where.end = std::min(where.end, std::prev(next)->where.end);
    }
    if (next != marks.end() && next->where.begin < where.end) where.end = next->where.begin;
    return inside;
  }

  // The sentence and span a leaf asking for `want` gets; no sentence when it gets none.
  std::pair<sentence_mark*, span> place(span want) {
    span where = trimmed(text_, want);
    sentence_mark* s = where.empty() ? nullptr : sentence_at(where.begin);
    if (!s) return {nullptr, {}};
    where = intersect(where, s->where);
    clip(where, s->claims);
    if (clip(where, s->leaves)) return {nullptr, {}};  // it starts inside a leaf placed before
    where = trimmed(text_, where);
    return {where.empty() ? nullptr : s, where};
  }

  static void insert(sentence_mark* s, const leaf_mark& leaf) {
    auto it = std::upper_bound(s->leaves.begin(), s->leaves.end(), leaf.where.begin,
                               [](std::size_t x, const leaf_mark& l) { return x < l.where.begin; });
    s->leaves.insert(it, leaf);
  }

  // A leaf of `kind` in sentence `s` placed for the span `wanted`, or nullptr. Marks that share a
  // span (a frame with several claims, a speaker named again) are almost always in one sentence:
  // looking there keeps this linear, where a map over the whole text would not be cheap.
  const leaf_mark* find_leaf(const sentence_mark* s, leaf_kind kind, span wanted) const {
    if (!s) return nullptr;
    // A placed leaf starts where the span asked for starts once trimmed.
    const std::size_t begin = trimmed(text_, wanted).begin;
    auto it = std::lower_bound(s->leaves.begin(), s->leaves.end(), begin,
                               [](const leaf_mark& l, std::size_t x) { return l.where.begin < x; });
    for (; it != s->leaves.end() && it->where.begin == begin; ++it) {
      if (it->kind == kind && it->wanted == wanted) return &*it;
    }
    return nullptr;
  }

  // The marked source of one link: found, placed, or stood in for by the placed source it
  // overlaps; no_mark when there is none.
  std::size_t source_mark(const source& src) {
    const span w = src.where;
    sentence_mark* s = w.empty() || src.kind == source_kind::unspecified ? nullptr : sentence_of(w);
    if (!s) return no_mark;
    if (const leaf_mark* seen = find_leaf(s, leaf_kind::source, w)) return seen->index;
    if (auto [placed_in, where] = place(w); placed_in) {
      const std::size_t index = out_.sources.size();
      out_.sources.push_back({where, src.kind, src.named, no_mark});
      insert(placed_in, {where, leaf_kind::source, index, no_mark, 0, w});
      return index;
    }
    const span t = trimmed(text_, w);
    auto next =
        std::upper_bound(s->leaves.begin(), s->leaves.end(), t.begin,
                         [](std::size_t x, const leaf_mark& m) { return x < m.where.begin; });
    if (next != s->leaves.begin() && t.begin < std::prev(next)->where.end) {
      return std::prev(next)->index;  // only sources are placed yet
    }
    if (next != s->leaves.end() && next->where.begin < t.end) return next->index;
    return no_mark;
  }

  // Sources: one mark per distinct span, in the order the chains name them.
  void place_sources() {
    out_.chains.resize(doc_.claims.size());
    for (std::size_t i = 0; i < doc_.claims.size(); ++i) {
      out_.chains[i].reserve(doc_.claims[i].chain.size());
      for (const link& l : doc_.claims[i].chain) out_.chains[i].push_back(source_mark(l.source));
    }
  }

  // A refers_to span names the earlier marked source it equals, if any.
  void link_references() {
    for (const claim& c : doc_.claims) {
      for (const link& l : c.chain) {
        if (!l.source.refers_to || l.source.where.empty()) continue;
        const leaf_mark* self =
            find_leaf(sentence_of(l.source.where), leaf_kind::source, l.source.where);
        const leaf_mark* target =
            find_leaf(sentence_of(*l.source.refers_to), leaf_kind::source, *l.source.refers_to);
        if (!self || !target || self->index == target->index) continue;
        marked_source& from = out_.sources[self->index];
        if (from.refers_to == no_mark && target->where.begin < self->where.begin) {
          from.refers_to = target->index;
        }
      }
    }
  }

  // Cues: one mark per distinct span.
  void place_cues() {
    std::size_t cues = 0;
    for (std::size_t i = 0; i < doc_.claims.size(); ++i) {
      const auto& chain = doc_.claims[i].chain;
      for (std::size_t k = 0; k < chain.size(); ++k) {
        const span w = chain[k].cue.where;
        if (w.empty() || find_leaf(sentence_of(w), leaf_kind::cue, w)) continue;
        if (auto [s, where] = place(w); s) insert(s, {where, leaf_kind::cue, cues++, i, k, w});
      }
    }
  }

  const document& doc_;
  std::string_view text_;
  marked_text out_;
  std::vector<sentence_mark*> sentences_;
  sentence_mark* hint_ = nullptr;
};

/// Lay out `doc`'s claims, sources and cues over its text (see the file comment).
inline marked_text mark_text(const document& doc) { return text_marker(doc).run(); }

/// Walk `m` over `text`, calling the visitor's paragraph(bool open), sentence(const
/// sentence_mark&, bool open), claim(const claim_mark&, bool open), leaf(const leaf_mark&, bool
/// open) and text(std::string_view) in document order. The text between two sentences of a
/// paragraph is passed as text() outside any sentence (it is white space).
template <class Visitor>
void walk_marks(std::string_view text, const marked_text& m, Visitor& v) {
  for (const auto& paragraph : m.paragraphs) {
    v.paragraph(true);
    std::size_t at = paragraph.front().where.begin;
    for (const sentence_mark& s : paragraph) {
      if (s.where.begin > at) v.text(text.substr(at, s.where.begin - at));
      v.sentence(s, true);
      at = s.where.begin;
      auto leaves = s.leaves.begin();
      auto emit_leaves_until = [&](std::size_t limit) {
        while (leaves != s.leaves.end() && leaves->where.begin < limit) {
          if (leaves->where.begin > at) v.text(text.substr(at, leaves->where.begin - at));
          v.leaf(*leaves, true);
          v.text(leaves->where.of(text));
          v.leaf(*leaves, false);
          at = leaves->where.end;
          ++leaves;
        }
      };
      for (const claim_mark& c : s.claims) {
        emit_leaves_until(c.where.begin);
        if (c.where.begin > at) v.text(text.substr(at, c.where.begin - at));
        v.claim(c, true);
        at = c.where.begin;
        emit_leaves_until(c.where.end);
        if (c.where.end > at) v.text(text.substr(at, c.where.end - at));
        v.claim(c, false);
        at = c.where.end;
      }
      emit_leaves_until(s.where.end);
      if (s.where.end > at) v.text(text.substr(at, s.where.end - at));
      v.sentence(s, false);
      at = s.where.end;
    }
    v.paragraph(false);
  }
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_MARKUP_HPP
