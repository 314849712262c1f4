// Definitions for trace.hpp.
#ifndef HEARSAY_TRACE_INL_HPP
#define HEARSAY_TRACE_INL_HPP

#include <unicode/uchar.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <numeric>

// trace.hpp first: in the header-only form claim.hpp ends by including sourcing-inl.hpp, which
// needs same_content.hpp read whole, not from the middle of this file's includes.
#include "hearsay/trace.hpp"

#include "hearsay/detail/same_content.hpp"
#include "hearsay/detail/trace_bytes.hpp"
#include "hearsay/detail/trace_outlets.hpp"
#include "hearsay/detail/trace_signature.hpp"
#include "hearsay/detail/unicode.hpp"
#include "hearsay/error.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

// Claims with more content words than this are not traced: no news claim has them, and the
// compact records count them in 16 bits.
inline constexpr std::size_t trace_max_words = 4096;

/// Return at most `limit` bytes of `text`, cut before a code point, with "…" when cut.
inline std::string capped(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

}  // namespace detail

HEARSAY_FUNC traced_document traced_document::of(const document& doc,
                                                 std::optional<std::string> outlet,
                                                 std::optional<feed_date> date,
                                                 const trace_options& options) {
  traced_document out;
  out.id = doc.id;
  out.outlet = std::move(outlet);
  out.date = date;
  detail::claim_contents contents(doc, detail::headline_end(doc));
  const codepoint_map cps(doc.text);
  for (std::size_t i = 0; i < doc.claims.size(); ++i) {
    const content& c = contents.of(i);
    if (c.empty() || c.size() > detail::trace_max_words) continue;
    const claim& cl = doc.claims[i];
    traced_claim t;
    t.mention.claim = i;
    t.mention.start = cps.to_codepoint(cl.where.begin);
    t.mention.end = cps.to_codepoint(cl.where.end);
    t.mention.text = detail::capped(doc.view(cl.where), options.text_bytes);
    t.mention.status = cl.status;
    t.mention.certainty = cl.certainty;
    t.mention.polarity = cl.polarity;
    for (const link& l : cl.chain) {
      trace_link tl;
      tl.source = detail::capped(doc.view(l.source.where), options.source_bytes);
      if (l.source.refers_to) {
        tl.refers_to = detail::capped(doc.view(*l.source.refers_to), options.source_bytes);
      }
      tl.kind = l.source.kind;
      t.mention.chain.push_back(std::move(tl));
    }
    t.words.assign(c.words().begin(), c.words().end());
    // The marks' keys laid out afresh: names first, then numbers.
    for (const content::mark& m : c.names()) {
      t.names.push_back(std::uint64_t{t.mark_keys.size()} << 32 | m.count);
      for (const std::uint64_t k : c.keys(m)) t.mark_keys.push_back(k);
    }
    for (const content::mark& m : c.numbers()) {
      t.numbers.push_back(std::uint64_t{t.mark_keys.size()} << 32 | m.count);
      for (const std::uint64_t k : c.keys(m)) t.mark_keys.push_back(k);
    }
    t.bands = detail::band_keys(t.words);
    out.claims.push_back(std::move(t));
  }
  return out;
}

HEARSAY_FUNC std::string traced_document::to_bytes() const {
  detail::byte_writer w;
  w.u64(detail::traced_magic);
  w.str(id);
  w.opt(outlet);
  w.u64(date ? 1 : 0);
  if (date) w.str(to_string(*date));
  w.u64(claims.size());
  for (const traced_claim& c : claims) {
    const trace_mention& m = c.mention;
    for (const std::size_t v : {m.claim, m.start, m.end}) w.u64(v);
    w.str(m.text);
    w.u64(static_cast<std::uint64_t>(m.status));
    w.u64(static_cast<std::uint64_t>(m.certainty));
    w.u64(static_cast<std::uint64_t>(m.polarity));
    w.u64(m.chain.size());
    for (const trace_link& l : m.chain) {
      w.str(l.source);
      w.str(l.refers_to);
      w.u64(static_cast<std::uint64_t>(l.kind));
    }
    for (const auto* keys : {&c.words, &c.mark_keys, &c.names, &c.numbers})
      detail::write_keys(w, *keys);
    for (const std::uint32_t b : c.bands) w.u64(b);
  }
  return w.take();
}

HEARSAY_FUNC traced_document traced_document::from_bytes(std::string_view bytes) {
  detail::byte_reader r(bytes);
  if (r.u64() != detail::traced_magic) r.fail("no traced-document header");
  traced_document out;
  out.id = r.str();
  out.outlet = r.opt();
  if (r.u64() != 0) {
    out.date = parse_feed_date(r.str());
    if (!out.date) r.fail("a date that does not parse");
  }
  out.claims.resize(r.count(8));
  for (traced_claim& c : out.claims) {
    trace_mention& m = c.mention;
    m.claim = r.u64();
    m.start = r.u64();
    m.end = r.u64();
    m.text = r.str();
    m.status = r.small<status>(value_count<status>);
    m.certainty = r.small<certainty>(value_count<certainty>);
    m.polarity = r.small<polarity>(value_count<polarity>);
    m.chain.resize(r.count(24));
    for (trace_link& l : m.chain) {
      l.source = r.str();
      l.refers_to = r.str();
      l.kind = r.small<source_kind>(value_count<source_kind>);
    }
    c.words = detail::read_keys(r);
    c.mark_keys = detail::read_keys(r);
    c.names = detail::read_keys(r);
    c.numbers = detail::read_keys(r);
    for (std::uint32_t& b : c.bands) {
      const std::uint64_t v = r.u64();
      if (v > 0xFFFFFFFFull) r.fail("a band key beyond 32 bits");
      b = static_cast<std::uint32_t>(v);
    }
    if (c.words.empty() || c.words.size() > detail::trace_max_words ||
        !std::is_sorted(c.words.begin(), c.words.end()) || c.mark_keys.size() > 0xFFFF ||
        c.names.size() > 0xFFFF || c.numbers.size() > 0xFFFF || m.chain.size() > 0xFF) {
      r.fail("content keys out of bounds");
    }
    for (const auto* marks : {&c.names, &c.numbers}) {
      for (const std::uint64_t k : *marks) {
        if ((k >> 32) + (k & 0xFFFFFFFFull) > c.mark_keys.size() || (k & 0xFFFFFFFFull) == 0)
          r.fail("a mark outside its keys");
      }
    }
  }
  if (!r.done()) r.fail("bytes after the end");
  return out;
}

HEARSAY_FUNC std::string to_json(const trace_cluster& cluster, std::size_t number) {
  using nlohmann::ordered_json;
  ordered_json out;
  out["cluster"] = number;
  out["documents"] = cluster.documents;
  ordered_json mentions = ordered_json::array();
  for (const trace_mention& m : cluster.mentions) {
    ordered_json j;
    j["document"] = m.document;
    j["outlet"] = m.outlet ? ordered_json(*m.outlet) : ordered_json(nullptr);
    j["date"] = m.date ? ordered_json(to_string(*m.date)) : ordered_json(nullptr);
    j["claim"] = m.claim;
    j["start"] = m.start;
    j["end"] = m.end;
    j["text"] = m.text;
    j["status"] = to_string(m.status);
    j["certainty"] = to_string(m.certainty);
    j["polarity"] = to_string(m.polarity);
    ordered_json chain = ordered_json::array();
    for (const trace_link& l : m.chain) {
      chain.push_back(
          {{"source", l.source},
           {"kind", to_string(l.kind)},
           {"refers_to", l.refers_to.empty() ? ordered_json(nullptr) : ordered_json(l.refers_to)}});
    }
    j["chain"] = std::move(chain);
    mentions.push_back(std::move(j));
  }
  out["mentions"] = std::move(mentions);
  if (cluster.earliest) {
    const trace_mention& e = cluster.mentions[*cluster.earliest];
    out["earliest"] = {
        {"mention", *cluster.earliest}, {"document", e.document}, {"date", to_string(*e.date)}};
  } else {
    out["earliest"] = nullptr;
  }
  ordered_json sources = ordered_json::array();
  for (const trace_source& s : cluster.sources) {
    sources.push_back({{"text", s.text}, {"kind", to_string(s.kind)}, {"mentions", s.mentions}});
  }
  out["sources"] = std::move(sources);
  out["circular"] = cluster.circular;
  return out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace hearsay

namespace hearsay {

HEARSAY_FUNC tracer::tracer(trace_options options) : options_(options) {}

HEARSAY_FUNC std::uint64_t tracer::keep_string(std::string_view s) {
  const std::uint64_t at = strings_.size();
  strings_.append(s);
  return at;
}

HEARSAY_FUNC std::string_view tracer::string_at(std::uint64_t at, std::size_t size) const noexcept {
  return std::string_view(strings_).substr(at, size);
}

HEARSAY_FUNC void tracer::add(const document& doc, std::optional<std::string> outlet,
                              std::optional<feed_date> date) {
  add(traced_document::of(doc, std::move(outlet), date, options_));
}

HEARSAY_FUNC void tracer::add(const traced_document& doc) {
  document_record d;
  d.id_at = keep_string(doc.id);
  d.id_size = static_cast<std::uint32_t>(doc.id.size());
  if (doc.outlet) {
    const auto [it, added] =
        outlet_index_.try_emplace(*doc.outlet, static_cast<std::int32_t>(outlets_.size()));
    if (added) outlets_.push_back(*doc.outlet);
    d.outlet = it->second;
  }
  d.date = doc.date;
  const auto document_index = static_cast<std::uint32_t>(documents_.size());
  documents_.push_back(d);
  ++stats_.documents;
  for (const traced_document::traced_claim& c : doc.claims) {
    mention_record m;
    m.document = document_index;
    m.content = keep_content(c);
    m.claim = static_cast<std::uint32_t>(c.mention.claim);
    m.start = static_cast<std::uint32_t>(c.mention.start);
    m.end = static_cast<std::uint32_t>(c.mention.end);
    const std::string text = detail::capped(c.mention.text, options_.text_bytes);
    m.text_at = keep_string(text);
    m.text_size = static_cast<std::uint32_t>(text.size());
    m.chain_at = static_cast<std::uint32_t>(links_.size());
    m.chain_size = static_cast<std::uint8_t>(std::min<std::size_t>(c.mention.chain.size(), 0xFF));
    for (std::size_t i = 0; i < m.chain_size; ++i) {
      const trace_link& l = c.mention.chain[i];
      link_record r;
      const std::string source = detail::capped(l.source, options_.source_bytes);
      const std::string refers = detail::capped(l.refers_to, options_.source_bytes);
      r.source_at = keep_string(source);
      r.source_size = static_cast<std::uint16_t>(source.size());
      r.refers_at = keep_string(refers);
      r.refers_size = static_cast<std::uint16_t>(refers.size());
      r.kind = static_cast<std::uint8_t>(l.kind);
      links_.push_back(r);
    }
    m.status = static_cast<std::uint8_t>(c.mention.status);
    m.certainty = static_cast<std::uint8_t>(c.mention.certainty);
    m.polarity = static_cast<std::uint8_t>(c.mention.polarity);
    mentions_.push_back(m);
    ++stats_.mentions;
  }
}

// A content already kept with the same keys is reused (its mention joins it, no new keys); a new
// one is kept with its band keys filed.
HEARSAY_FUNC std::uint32_t tracer::keep_content(const traced_document::traced_claim& c) {
  const std::uint64_t fingerprint = detail::content_fingerprint(c);
  const auto found = by_fingerprint_.find(fingerprint);
  if (found != by_fingerprint_.end()) {
    const std::uint64_t at = content_at_[found->second];
    const std::uint64_t header = keys_[at];
    const std::uint64_t expected =
        c.words.size() | c.mark_keys.size() << 16 | c.names.size() << 32 | c.numbers.size() << 48;
    const std::uint64_t* k = keys_.data() + at + 1;
    const auto same = [&k](const std::vector<std::uint64_t>& v) {
      const bool equal = std::equal(v.begin(), v.end(), k);
      k += v.size();
      return equal;
    };
    if (header == expected && same(c.words) && same(c.mark_keys) && same(c.names) &&
        same(c.numbers)) {
      return found->second;
    }
  }
  const auto id = static_cast<std::uint32_t>(content_at_.size());
  content_at_.push_back(keys_.size());
  keys_.push_back(c.words.size() | c.mark_keys.size() << 16 | c.names.size() << 32 |
                  c.numbers.size() << 48);
  for (const auto* v : {&c.words, &c.mark_keys, &c.names, &c.numbers})
    keys_.insert(keys_.end(), v->begin(), v->end());
  if (found == by_fingerprint_.end()) by_fingerprint_.emplace(fingerprint, id);
  for (const std::uint32_t b : c.bands) postings_.push_back(std::uint64_t{b} << 32 | id);
  parent_.push_back(id);
  ++stats_.contents;
  return id;
}

HEARSAY_FUNC void tracer::load_content(std::uint32_t id, content& out) const {
  thread_local std::vector<content::mark> names, numbers;
  const std::uint64_t at = content_at_[id];
  const std::uint64_t header = keys_[at];
  const std::size_t n_words = header & 0xFFFF, n_keys = (header >> 16) & 0xFFFF;
  const std::size_t n_names = (header >> 32) & 0xFFFF, n_numbers = header >> 48;
  const std::uint64_t* k = keys_.data() + at + 1;
  const auto marks = [](const std::uint64_t* from, std::size_t n, std::vector<content::mark>& to) {
    to.clear();
    for (std::size_t i = 0; i < n; ++i) {
      to.push_back({span{}, static_cast<std::uint32_t>(from[i] >> 32),
                    static_cast<std::uint32_t>(from[i] & 0xFFFFFFFFull)});
    }
  };
  marks(k + n_words + n_keys, n_names, names);
  marks(k + n_words + n_keys + n_names, n_numbers, numbers);
  out.assign({k, n_words}, {k + n_words, n_keys}, names, numbers);
}

HEARSAY_FUNC std::uint32_t tracer::find(std::uint32_t x) noexcept {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];  // path halving
    x = parent_[x];
  }
  return x;
}

// Clusters are built in two steps. Candidates: within each of its band buckets, a content is
// paired with the contents filed just before it (at most `window`, the closest in feed order), so
// that a bucket of thousands of unrelated contents (two common words) costs a bounded number of
// pairs per content, never a quadratic number; each pair is verified with SPEC 9 matching. Linkage:
// the matching pairs, best Dice first, join two clusters only when at least half of all the pairs
// across them match too (average linkage on the match graph). Plain connected components chain
// a whole news event into one cluster through short headlines and topic words ("Veridane Recalls
// Flu Vaccine Batch" matches both "the batch was recalled because particles were found" and
// "Shares in Veridane fell 7% after the company recalled a batch"); docs/VERIFIER.md measures both.
HEARSAY_FUNC bool tracer::verify(std::uint32_t x, std::uint32_t y, content& a, content& b,
                                 double* dice, bool y_loaded) {
  // Dice >= 0.5 first, on the kept keys themselves: most candidates fail it, unloaded.
  const std::uint64_t* kx = keys_.data() + content_at_[x];
  const std::uint64_t* ky = keys_.data() + content_at_[y];
  const std::size_t nx = kx[0] & 0xFFFF, ny = ky[0] & 0xFFFF;
  std::size_t i = 0, j = 0, common = 0;
  while (i < nx && j < ny) {
    if (kx[1 + i] < ky[1 + j]) {
      ++i;
    } else if (ky[1 + j] < kx[1 + i]) {
      ++j;
    } else {
      ++common, ++i, ++j;
    }
  }
  ++stats_.verifications;
  if (4 * common < nx + ny) return false;
  if (dice) *dice = 2.0 * static_cast<double>(common) / static_cast<double>(nx + ny);
  load_content(x, a);
  if (!y_loaded) load_content(y, b);
  // Either side may be the query: on a tie of sizes SPEC 9 reads the names and numbers of one.
  return matches(a, b) || (a.size() == b.size() && matches(b, a));
}

HEARSAY_FUNC void tracer::resolve() {
  if (resolved_postings_ == postings_.size()) return;
  constexpr std::size_t window = 16;
  std::sort(postings_.begin(), postings_.end());
  struct edge {
    double dice;
    std::uint64_t pair;
  };
  std::vector<edge> edges;
  std::vector<std::uint32_t> candidates;
  content a, b;
  // Where each content's postings landed in the sorted list (trace_bands per content): found by
  // one pass, not by a search per band, which missed the cache on large feeds.
  std::vector<std::uint32_t> where(postings_.size());
  {
    std::vector<std::uint8_t> filled(content_at_.size(), 0);
    for (std::size_t j = 0; j < postings_.size(); ++j) {
      const auto c = static_cast<std::uint32_t>(postings_[j]);
      where[std::size_t{c} * trace_bands + filled[c]++] = static_cast<std::uint32_t>(j);
    }
  }
  // Per content, its candidates from all its bands at once, each verified once: a pair of near
  // duplicates shares most bands, and a list of all pairs would cost more memory than the keys.
  for (std::uint32_t cj = 0; cj < content_at_.size(); ++cj) {
    candidates.clear();
    for (std::size_t band = 0; band < trace_bands; ++band) {
      const std::size_t at = where[std::size_t{cj} * trace_bands + band];
      const std::uint64_t key = postings_[at] >> 32;
      for (std::size_t i = at; i-- > 0 && at - i <= window;) {
        if (postings_[i] >> 32 != key) break;
        candidates.push_back(static_cast<std::uint32_t>(postings_[i]));
      }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    bool loaded = false;
    for (const std::uint32_t ci : candidates) {
      if (ci == cj) continue;
      double dice = 0;
      const bool m = verify(ci, cj, a, b, &dice, loaded);
      loaded = loaded || dice > 0;
      if (m) {
        edges.push_back({dice, std::uint64_t{ci} << 32 | cj});
        ++stats_.matches;
      }
    }
  }
  std::sort(edges.begin(), edges.end(), [](const edge& x, const edge& y) {
    return x.dice != y.dice ? x.dice > y.dice : x.pair < y.pair;
  });
  std::iota(parent_.begin(), parent_.end(), 0u);
  std::vector<std::vector<std::uint32_t>> members(parent_.size());
  for (std::uint32_t i = 0; i < members.size(); ++i) members[i].assign(1, i);
  for (const edge& e : edges) {
    std::uint32_t x = find(static_cast<std::uint32_t>(e.pair >> 32));
    std::uint32_t y = find(static_cast<std::uint32_t>(e.pair));
    if (x == y || !linked(members[x], members[y], a, b)) continue;
    if (members[x].size() < members[y].size()) std::swap(x, y);
    parent_[y] = x;
    members[x].insert(members[x].end(), members[y].begin(), members[y].end());
    std::vector<std::uint32_t>().swap(members[y]);
  }
  resolved_postings_ = postings_.size();
}

// Do at least half of the pairs across `x` and `y` match? Large clusters are judged on a fixed
// sample of their pairs, so that joining two big ones costs a bounded number of checks.
HEARSAY_FUNC bool tracer::linked(const std::vector<std::uint32_t>& x,
                                 const std::vector<std::uint32_t>& y, content& a, content& b) {
  constexpr std::size_t most = 256;
  const std::size_t total = x.size() * y.size();
  const std::size_t step = total <= most ? 1 : total / most;
  std::size_t checked = 0, matched = 0;
  for (std::size_t k = 0; k < total; k += step) {
    ++checked;
    matched += verify(x[k / y.size()], y[k % y.size()], a, b, nullptr, false);
  }
  return 2 * matched >= checked;
}

HEARSAY_FUNC trace_mention tracer::mention_of(const mention_record& m) const {
  trace_mention out;
  const document_record& d = documents_[m.document];
  out.document = std::string(string_at(d.id_at, d.id_size));
  if (d.outlet >= 0) out.outlet = outlets_[static_cast<std::size_t>(d.outlet)];
  out.date = d.date;
  out.claim = m.claim;
  out.start = m.start;
  out.end = m.end;
  out.text = std::string(string_at(m.text_at, m.text_size));
  out.status = static_cast<status>(m.status);
  out.certainty = static_cast<certainty>(m.certainty);
  out.polarity = static_cast<polarity>(m.polarity);
  for (std::size_t i = 0; i < m.chain_size; ++i) {
    const link_record& l = links_[m.chain_at + i];
    out.chain.push_back({std::string(string_at(l.source_at, l.source_size)),
                         std::string(string_at(l.refers_at, l.refers_size)),
                         static_cast<source_kind>(l.kind)});
  }
  return out;
}

HEARSAY_FUNC std::vector<trace_cluster> tracer::clusters() {
  return clusters(options_.min_documents);
}

HEARSAY_FUNC std::vector<trace_cluster> tracer::clusters(std::size_t min_documents) {
  resolve();
  // Mentions by cluster (the root of their content), in feed order.
  std::vector<std::int64_t> cluster_of_root(content_at_.size(), -1);
  std::vector<std::vector<std::uint32_t>> members;
  for (std::uint32_t i = 0; i < mentions_.size(); ++i) {
    const std::uint32_t root = find(mentions_[i].content);
    if (cluster_of_root[root] < 0) {
      cluster_of_root[root] = static_cast<std::int64_t>(members.size());
      members.emplace_back();
    }
    members[static_cast<std::size_t>(cluster_of_root[root])].push_back(i);
  }
  const detail::outlet_names names(outlets_);
  std::vector<trace_cluster> out;
  for (const std::vector<std::uint32_t>& group : members) {
    std::size_t documents = 0;
    for (std::size_t k = 0; k < group.size(); ++k) {
      if (k == 0 || mentions_[group[k]].document != mentions_[group[k - 1]].document) ++documents;
    }
    if (documents < std::max<std::size_t>(min_documents, 1)) continue;
    trace_cluster c;
    c.documents = documents;
    for (const std::uint32_t m : group) c.mentions.push_back(mention_of(mentions_[m]));
    for (std::size_t k = 0; k < c.mentions.size(); ++k) {
      const std::optional<feed_date>& d = c.mentions[k].date;
      if (d && (!c.earliest || d->sort_key() < c.mentions[*c.earliest].date->sort_key())) {
        c.earliest = k;
      }
    }
    c.sources = detail::innermost_sources(c.mentions);
    c.circular = detail::circular_citations(c.mentions, outlets_, names);
    out.push_back(std::move(c));
  }
  return out;
}

HEARSAY_FUNC trace_stats tracer::stats() const noexcept { return stats_; }

HEARSAY_FUNC std::size_t tracer::memory_bytes() const noexcept {
  // The hash tables: a node (key, value, next pointer) per entry and a bucket pointer each.
  return strings_.capacity() + documents_.capacity() * sizeof(document_record) +
         mentions_.capacity() * sizeof(mention_record) + links_.capacity() * sizeof(link_record) +
         (keys_.capacity() + content_at_.capacity() + postings_.capacity()) * 8 +
         parent_.capacity() * 4 + by_fingerprint_.size() * 32 + by_fingerprint_.bucket_count() * 8;
}

}  // namespace hearsay

#endif  // HEARSAY_TRACE_INL_HPP
