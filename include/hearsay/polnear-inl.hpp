// Definitions for polnear.hpp.
#ifndef HEARSAY_POLNEAR_INL_HPP
#define HEARSAY_POLNEAR_INL_HPP

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <map>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "hearsay/detail/utf8_walk.hpp"
#include "hearsay/error.hpp"
#include "hearsay/polnear.hpp"

namespace hearsay {
namespace detail {

inline bool overlaps(span a, span b) noexcept { return a.begin < b.end && b.begin < a.end; }

inline bool overlaps_any(const std::vector<span>& pieces,
                         const std::vector<span>& others) noexcept {
  for (const span a : pieces) {
    for (const span b : others) {
      if (overlaps(a, b)) return true;
    }
  }
  return false;
}

// The span a relation is known by when deciding whether it lies in a flagged region: its cue,
// else its content, else its source.
inline const std::vector<span>& relation_anchor(const polnear_relation& r) noexcept {
  return !r.cue.empty() ? r.cue : !r.content.empty() ? r.content : r.source;
}

inline span hull(const std::vector<span>& pieces) noexcept {
  span out = pieces.front();
  for (const span s : pieces) {
    out.begin = std::min(out.begin, s.begin);
    out.end = std::max(out.end, s.end);
  }
  return out;
}

inline bool is_trimmable(UChar32 c) noexcept { return c < 0 || u_isUWhiteSpace(c) || u_ispunct(c); }

// Drop white space and punctuation (quotation marks included) at both ends of `s`; for a content,
// also a leading complementiser "that".
inline span trim_for_exact(std::string_view text, span s, bool content) noexcept {
  std::size_t end = std::min(s.end, text.size());
  std::size_t begin = std::min(s.begin, end);
  const auto strip = [&] {
    while (begin < end) {
      std::size_t i = begin;
      if (!is_trimmable(next_code_point(text.substr(0, end), i))) break;
      begin = i;
    }
    while (begin < end) {
      std::size_t i = end;
      if (!is_trimmable(previous_code_point(text, begin, i))) break;
      end = i;
    }
  };
  strip();
  if (content && end - begin >= 4) {
    bool is_that = true;
    for (std::size_t k = 0; k < 4; ++k) {
      is_that = is_that && (text[begin + k] | 0x20) == "that"[k];
    }
    std::size_t i = begin + 4;
    if (is_that && (i == end || !u_isalnum(next_code_point(text.substr(0, end), i)))) {
      begin += 4;
      strip();
    }
  }
  return span{begin, end};
}

// Counts of one role: exact (after trimming) and overlap, one-to-one.
inline void score_role(std::string_view text, const std::vector<std::vector<span>>& gold,
                       const std::vector<span>& predicted, bool content, prf& exact, prf& overlap) {
  exact.gold += gold.size();
  exact.predicted += predicted.size();
  overlap.gold += gold.size();
  overlap.predicted += predicted.size();

  std::vector<std::pair<std::size_t, std::size_t>> gold_keys, predicted_keys;
  for (const std::vector<span>& g : gold) {
    const span t = trim_for_exact(text, hull(g), content);
    gold_keys.emplace_back(t.begin, t.end);
  }
  for (const span p : predicted) {
    const span t = trim_for_exact(text, p, content);
    predicted_keys.emplace_back(t.begin, t.end);
  }
  std::sort(gold_keys.begin(), gold_keys.end());
  std::sort(predicted_keys.begin(), predicted_keys.end());
  std::vector<std::pair<std::size_t, std::size_t>> both;
  std::set_intersection(gold_keys.begin(), gold_keys.end(), predicted_keys.begin(),
                        predicted_keys.end(), std::back_inserter(both));
  exact.correct += both.size();

  struct overlap_candidate {
    std::size_t shared, gold, predicted;
  };
  std::vector<overlap_candidate> candidates;
  for (std::size_t g = 0; g < gold.size(); ++g) {
    for (std::size_t p = 0; p < predicted.size(); ++p) {
      std::size_t shared = 0;
      for (const span piece : gold[g]) {
        const std::size_t b = std::max(piece.begin, predicted[p].begin);
        const std::size_t e = std::min(piece.end, predicted[p].end);
        if (e > b) shared += e - b;
      }
      if (shared > 0) candidates.push_back({shared, g, p});
    }
  }
  std::sort(candidates.begin(), candidates.end(),
            [](const overlap_candidate& x, const overlap_candidate& y) {
              return std::tie(y.shared, x.gold, x.predicted) <
                     std::tie(x.shared, y.gold, y.predicted);
            });
  std::vector<bool> gold_taken(gold.size(), false), predicted_taken(predicted.size(), false);
  for (const overlap_candidate& c : candidates) {
    if (gold_taken[c.gold] || predicted_taken[c.predicted]) continue;
    gold_taken[c.gold] = predicted_taken[c.predicted] = true;
    ++overlap.correct;
  }
}

// Reads one BRAT .ann file.
class brat_reader {
 public:
  brat_reader(std::string_view ann, std::string_view name, std::string_view text)
      : ann_(ann), name_(name), map_(text), codepoints_(count_codepoints(text)) {}

  void read(polnear_article& out) {
    std::size_t start = 0;
    while (start < ann_.size()) {
      std::size_t stop = ann_.find('\n', start);
      if (stop == std::string_view::npos) stop = ann_.size();
      std::string_view line = ann_.substr(start, stop - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      read_line(line, start);
      start = stop + 1;
    }
    for (const auto& [id, t] : spans_) {
      if (t.label == "Discuss" || t.label == "Discard") {
        out.flagged.insert(out.flagged.end(), t.pieces.begin(), t.pieces.end());
      }
    }
    std::sort(out.flagged.begin(), out.flagged.end(),
              [](span a, span b) { return std::tie(a.begin, a.end) < std::tie(b.begin, b.end); });
    for (const relation_line& e : relations_) {
      polnear_relation r;
      std::vector<span> trigger;
      for (const auto& [role, target] : e.roles) {
        const auto it = spans_.find(target);
        if (it == spans_.end()) {
          fail(error_id::invalid_reference, e.offset,
               "relation names no span with id '" + target + "'");
        }
        const std::vector<span>& pieces = it->second.pieces;
        std::vector<span>* into = role == "Source"                    ? &r.source
                                  : role == "Cue"                     ? &r.cue
                                  : role.rfind("Content", 0) == 0     ? &r.content
                                  : role.rfind("Attribution", 0) == 0 ? &trigger
                                                                      : nullptr;
        if (into != nullptr) into->insert(into->end(), pieces.begin(), pieces.end());
      }
      if (r.cue.empty()) r.cue = trigger;
      if (overlaps_any(relation_anchor(r), out.flagged)) continue;
      out.relations.push_back(std::move(r));
    }
  }

 private:
  struct text_bound {
    std::string label;
    std::vector<span> pieces;
  };
  struct relation_line {
    std::size_t offset;
    std::vector<std::pair<std::string, std::string>> roles;
  };

  [[noreturn]] void fail(error_id id, std::size_t at, const std::string& message) const {
    throw parse_error(id, name_, position_of(ann_, at), message);
  }

  static bool has_id_prefix(std::string_view line, char letter) noexcept {
    if (line.size() < 2 || line[0] != letter) return false;
    std::size_t i = 1;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    return i > 1 && i < line.size() && line[i] == '\t';
  }

  void read_line(std::string_view line, std::size_t at) {
    // Lines that are neither spans nor relations (notes, continuations of a span's text that
    // holds a newline) are skipped.
    if (has_id_prefix(line, 'T')) {
      read_span(line, at);
    } else if (has_id_prefix(line, 'E')) {
      read_relation(line, at);
    }
  }

  void read_span(std::string_view line, std::size_t at) {
    const std::size_t tab = line.find('\t');
    const std::string id(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    rest = rest.substr(0, rest.find('\t'));
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos)
      fail(error_id::invalid_value, at, "span " + id + " has no offsets");
    text_bound t;
    t.label = rest.substr(0, space);
    std::string_view offsets = rest.substr(space + 1);
    while (true) {
      const std::size_t semicolon = offsets.find(';');
      const std::string_view piece = offsets.substr(0, semicolon);
      std::size_t begin = 0, end = 0;
      const char* p = piece.data();
      const char* last = piece.data() + piece.size();
      auto r = std::from_chars(p, last, begin);
      bool ok = r.ec == std::errc() && r.ptr < last && *r.ptr == ' ';
      if (ok) {
        r = std::from_chars(r.ptr + 1, last, end);
        ok = r.ec == std::errc() && r.ptr == last;
      }
      if (!ok) {
        fail(error_id::invalid_value, at,
             "span " + id + " has invalid offsets '" + std::string(piece) + "'");
      }
      if (begin > end || end > codepoints_) {
        fail(error_id::invalid_value, at,
             "span " + id + " offsets " + std::to_string(begin) + " " + std::to_string(end) +
                 " do not fit the text (" + std::to_string(codepoints_) + " code points)");
      }
      t.pieces.push_back(span{map_.to_byte(begin), map_.to_byte(end)});
      if (semicolon == std::string_view::npos) break;
      offsets = offsets.substr(semicolon + 1);
    }
    spans_[id] = std::move(t);
  }

  void read_relation(std::string_view line, std::size_t at) {
    relation_line e;
    e.offset = at;
    std::string_view rest = line.substr(line.find('\t') + 1);
    std::size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
      std::size_t j = i;
      while (j < rest.size() && rest[j] != ' ' && rest[j] != '\t') ++j;
      const std::string_view token = rest.substr(i, j - i);
      const std::size_t colon = token.find(':');
      if (colon != std::string_view::npos) {
        e.roles.emplace_back(std::string(token.substr(0, colon)),
                             std::string(token.substr(colon + 1)));
      }
      i = j;
    }
    relations_.push_back(std::move(e));
  }

  std::string_view ann_;
  std::string_view name_;
  codepoint_map map_;
  std::size_t codepoints_;
  std::map<std::string, text_bound> spans_;
  std::vector<relation_line> relations_;
};

inline std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& dir,
                                                               std::string_view extension) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) throw io_error(dir.string(), ec.message());
  std::vector<std::filesystem::path> out;
  for (const std::filesystem::directory_entry& entry : it) {
    if (entry.path().extension() == extension) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace detail

HEARSAY_FUNC polnear_article parse_polnear(std::string id, std::string text, std::string_view ann,
                                           std::string_view ann_name) {
  require_utf8(text, id);
  polnear_article out;
  out.id = std::move(id);
  out.text = std::move(text);
  detail::brat_reader(ann, ann_name, out.text).read(out);
  return out;
}

HEARSAY_FUNC std::vector<polnear_article> load_polnear(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::vector<fs::path> texts = detail::files_with_extension(fs::path(dir) / "text", ".txt");
  const std::vector<fs::path> anns =
      detail::files_with_extension(fs::path(dir) / "attributions", ".ann");
  std::vector<polnear_article> out;
  for (const fs::path& text_path : texts) {
    const std::string stem = text_path.stem().string();
    // "<stem>_<annotator>.ann": the annotator part holds no underscore.
    const auto ann = std::find_if(anns.begin(), anns.end(), [&](const fs::path& p) {
      const std::string name = p.stem().string();
      return name.size() > stem.size() + 1 && name.compare(0, stem.size(), stem) == 0 &&
             name[stem.size()] == '_' && name.find('_', stem.size() + 1) == std::string::npos;
    });
    if (ann == anns.end()) continue;
    out.push_back(parse_polnear(stem, read_file(text_path.string()), read_file(ann->string()),
                                ann->string()));
  }
  return out;
}

HEARSAY_FUNC std::vector<polnear_relation> predicted_relations(const document& predicted) {
  std::vector<polnear_relation> out;
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> by_cue;
  const std::size_t size = predicted.text.size();
  const auto clamp = [size](span s) {
    const std::size_t end = std::min(s.end, size);
    return span{std::min(s.begin, end), end};
  };
  for (const claim& c : predicted.claims) {
    if (c.chain.empty()) continue;
    const link& last = c.chain.back();
    const span cue_span = clamp(last.cue.where);
    const span content = clamp(c.where);
    if (!cue_span.empty()) {
      const auto it = by_cue.find({cue_span.begin, cue_span.end});
      if (it != by_cue.end()) {
        span& merged = out[it->second].content.front();
        merged.begin = std::min(merged.begin, content.begin);
        merged.end = std::max(merged.end, content.end);
        continue;
      }
      by_cue.emplace(std::make_pair(cue_span.begin, cue_span.end), out.size());
    }
    polnear_relation r;
    const span source_span = clamp(last.source.where);
    if (last.source.kind != source_kind::unspecified && !source_span.empty()) {
      r.source.push_back(source_span);
    }
    if (!cue_span.empty()) r.cue.push_back(cue_span);
    r.content.push_back(content);
    out.push_back(std::move(r));
  }
  return out;
}

HEARSAY_FUNC polnear_scores& polnear_scores::operator+=(const polnear_scores& other) noexcept {
  articles += other.articles;
  source_exact += other.source_exact;
  cue_exact += other.cue_exact;
  content_exact += other.content_exact;
  source_overlap += other.source_overlap;
  cue_overlap += other.cue_overlap;
  content_overlap += other.content_overlap;
  return *this;
}

HEARSAY_FUNC polnear_scores score_polnear(const polnear_article& gold, const document& predicted) {
  if (predicted.text != gold.text) {
    throw error("invalid_argument", error_id::invalid_argument,
                "the predicted text of article '" + gold.id + "' differs from its PolNeAR text");
  }
  std::vector<polnear_relation> mine = predicted_relations(predicted);
  mine.erase(std::remove_if(mine.begin(), mine.end(),
                            [&](const polnear_relation& r) {
                              return detail::overlaps_any(detail::relation_anchor(r), gold.flagged);
                            }),
             mine.end());

  polnear_scores out;
  out.articles = 1;
  const auto role = [&](std::vector<span> polnear_relation::*member, bool content, prf& exact,
                        prf& overlap) {
    std::vector<std::vector<span>> g;
    std::vector<span> p;
    for (const polnear_relation& r : gold.relations) {
      if (!(r.*member).empty()) g.push_back(r.*member);
    }
    for (const polnear_relation& r : mine) {
      if (!(r.*member).empty()) p.push_back(detail::hull(r.*member));
    }
    detail::score_role(gold.text, g, p, content, exact, overlap);
  };
  role(&polnear_relation::source, false, out.source_exact, out.source_overlap);
  role(&polnear_relation::cue, false, out.cue_exact, out.cue_overlap);
  role(&polnear_relation::content, true, out.content_exact, out.content_overlap);
  return out;
}

HEARSAY_FUNC polnear_scores score_polnear_dir(const std::string& dir,
                                              const analyze_function& analyze) {
  polnear_scores total;
  for (const polnear_article& article : load_polnear(dir)) {
    total += score_polnear(article, analyze(article.text, article.id));
  }
  return total;
}

}  // namespace hearsay

#endif  // HEARSAY_POLNEAR_INL_HPP
