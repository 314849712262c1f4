// Tracing claims across a stream of articles (SPEC 9): matching claims of different documents
// grouped into clusters, each with its mentions, earliest dated mention, distinct innermost sources
// and circular citations between outlets.
//
//   hearsay::tracer tr;
//   for (const auto& [text, id, outlet, date] : feed)
//     tr.add(an.analyze(text, id), outlet, hearsay::parse_feed_date(date));
//   for (const hearsay::trace_cluster& c : tr.clusters()) std::cout << hearsay::to_json(c) << '\n';
//
// Memory grows with the claims kept, not with the text: a claim keeps its content keys, its
// MinHash band keys and a short mention record; a claim whose content repeats one seen before
// keeps only the mention. Candidate pairs come from the band keys (locality-sensitive hashing,
// never all pairs) and are verified with SPEC 9's exact `matches` (docs/VERIFIER.md, "trace").
#ifndef HEARSAY_TRACE_HPP
#define HEARSAY_TRACE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/match.hpp"

namespace hearsay {

/// How a tracer keeps and reports clusters.
struct trace_options {
  /// clusters() reports a cluster only when its mentions come from at least this many documents
  /// (1: every cluster, single claims included).
  std::size_t min_documents = 2;
  /// A mention keeps at most this many bytes of its claim's text (cut at a code point, "…" added).
  std::size_t text_bytes = 200;
  /// A chain link keeps at most this many bytes of its source's text.
  std::size_t source_bytes = 120;
};

/// One link of a mention's chain, as a tracer keeps it.
struct trace_link {
  std::string source;     ///< The source's words ("" for an unspecified source).
  std::string refers_to;  ///< The full mention a pronoun or short mention stands for, or "".
  source_kind kind = source_kind::unspecified;
  friend bool operator==(const trace_link&, const trace_link&) = default;
};

/// A claim of one document in a cluster.
struct trace_mention {
  std::string document;               ///< The document's id.
  std::optional<std::string> outlet;  ///< Its outlet, when the feed gave one.
  std::optional<feed_date> date;      ///< Its date, when the feed gave one that parses.
  std::size_t claim = 0;              ///< Index of the claim in the document's claims.
  std::size_t start = 0;              ///< Code-point offsets of the claim in the document's text.
  std::size_t end = 0;
  std::string text;  ///< The claim's text (at most trace_options::text_bytes).
  hearsay::status status = status::confirmed;
  hearsay::certainty certainty = certainty::certain;
  hearsay::polarity polarity = polarity::positive;
  std::vector<trace_link> chain;  ///< Outermost first; empty for the writer's own claim.
  friend bool operator==(const trace_mention&, const trace_mention&) = default;
};

/// A distinct innermost source of a cluster's mentions.
struct trace_source {
  std::string text;  ///< Its words as first met (the mention a pronoun refers to), "" unspecified.
  source_kind kind = source_kind::unspecified;
  std::size_t mentions = 0;  ///< How many mentions it is the innermost source of.
  friend bool operator==(const trace_source&, const trace_source&) = default;
};

/// Claims of the feed that say the same thing (connected by SPEC 9 matches).
struct trace_cluster {
  std::vector<trace_mention> mentions;  ///< In feed order.
  std::size_t documents = 0;            ///< How many distinct documents the mentions come from.
  /// Index into `mentions` of the earliest dated one (ties: the first in the feed), if any.
  std::optional<std::size_t> earliest;
  std::vector<trace_source> sources;  ///< Most mentions first, then in the order first met.
  /// Each circular citation: outlets in citation order (the first cites the second, ..., the
  /// last cites the first), starting from the alphabetically first.
  std::vector<std::vector<std::string>> circular;
  friend bool operator==(const trace_cluster&, const trace_cluster&) = default;
};

/// How many MinHash values a claim's signature has: bands of rows.
inline constexpr std::size_t trace_bands = 32;
inline constexpr std::size_t trace_rows = 2;

/// A document reduced to what tracing keeps of it: per claim with content words, the mention
/// record, the content keys and the band keys. Made where the document was analysed (a Dask
/// worker) and sent as bytes to the process that traces.
struct traced_document {
  struct traced_claim {
    trace_mention mention;  ///< `document`, `outlet` and `date` are the document's, left empty.
    std::vector<std::uint64_t> words;      ///< content::words()
    std::vector<std::uint64_t> mark_keys;  ///< the names' and numbers' keys
    std::vector<std::uint64_t> names;      ///< per name: first << 32 | count (into mark_keys)
    std::vector<std::uint64_t> numbers;    ///< per number: first << 32 | count
    std::array<std::uint32_t, trace_bands> bands{};  ///< one key per band of the signature
    friend bool operator==(const traced_claim&, const traced_claim&) = default;
  };
  std::string id;
  std::optional<std::string> outlet;
  std::optional<feed_date> date;
  std::vector<traced_claim> claims;

  /// Reduce `doc` (claims without content words are left out: they match nothing).
  HEARSAY_FUNC static traced_document of(const document& doc, std::optional<std::string> outlet,
                                         std::optional<feed_date> date,
                                         const trace_options& options = {});
  /// Return the bytes from_bytes reads back (the same on every machine).
  HEARSAY_FUNC std::string to_bytes() const;
  /// Read what to_bytes wrote; throws error (invalid_argument) on anything else.
  HEARSAY_FUNC static traced_document from_bytes(std::string_view bytes);
  friend bool operator==(const traced_document&, const traced_document&) = default;
};

/// Counts of what a tracer did, for benchmarks and docs.
struct trace_stats {
  std::size_t documents = 0;
  std::size_t mentions = 0;       ///< Claims kept (with content words).
  std::size_t contents = 0;       ///< Distinct contents among them (a repeat keeps no keys).
  std::size_t verifications = 0;  ///< Candidate pairs checked with `matches`.
  std::size_t matches = 0;        ///< Of them, pairs that matched.
};

/// Groups matching claims of a stream of documents into clusters. Add documents in feed order;
/// clusters() may be called at any time (later additions join the clusters).
class tracer {
 public:
  HEARSAY_FUNC explicit tracer(trace_options options = {});

  /// Add the claims of `doc`, published by `outlet` on `date`.
  HEARSAY_FUNC void add(const document& doc, std::optional<std::string> outlet = std::nullopt,
                        std::optional<feed_date> date = std::nullopt);
  /// Add a document reduced elsewhere (the same as adding the document it was made from).
  HEARSAY_FUNC void add(const traced_document& doc);

  /// Return the clusters with mentions from at least options().min_documents documents, in the
  /// order of their first mention.
  HEARSAY_FUNC std::vector<trace_cluster> clusters();
  /// Return the clusters with mentions from at least `min_documents` documents.
  HEARSAY_FUNC std::vector<trace_cluster> clusters(std::size_t min_documents);

  HEARSAY_FUNC trace_stats stats() const noexcept;
  /// Return the bytes the tracer holds (its vectors' capacities and tables), for benchmarks.
  HEARSAY_FUNC std::size_t memory_bytes() const noexcept;
  const trace_options& options() const noexcept { return options_; }

 private:
  struct document_record {
    std::uint64_t id_at = 0;
    std::uint32_t id_size = 0;
    std::int32_t outlet = -1;  // index into outlets_
    std::optional<feed_date> date;
  };
  struct mention_record {
    std::uint32_t document = 0;
    std::uint32_t content = 0;  // index into content_at_
    std::uint32_t claim = 0, start = 0, end = 0;
    std::uint64_t text_at = 0;  // into strings_
    std::uint32_t text_size = 0;
    std::uint32_t chain_at = 0;  // into links_
    std::uint8_t chain_size = 0;
    std::uint8_t status = 0, certainty = 0, polarity = 0;
  };
  struct link_record {
    std::uint64_t source_at = 0, refers_at = 0;
    std::uint16_t source_size = 0, refers_size = 0;
    std::uint8_t kind = 0;
  };

  std::uint64_t keep_string(std::string_view s);
  std::string_view string_at(std::uint64_t at, std::size_t size) const noexcept;
  std::uint32_t keep_content(const traced_document::traced_claim& c);
  void load_content(std::uint32_t id, content& out) const;
  void resolve();
  bool verify(std::uint32_t x, std::uint32_t y, content& a, content& b, double* dice,
              bool y_loaded);
  bool linked(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y, content& a,
              content& b);
  std::uint32_t find(std::uint32_t x) noexcept;
  trace_mention mention_of(const mention_record& m) const;

  trace_options options_;
  std::string strings_;  // ids, claim texts and sources, one after another
  std::vector<document_record> documents_;
  std::vector<std::string> outlets_;
  std::unordered_map<std::string, std::int32_t> outlet_index_;
  std::vector<mention_record> mentions_;
  std::vector<link_record> links_;
  // Distinct contents: each one's keys in keys_ from content_at_[i] (a header word, then words,
  // mark keys, names, numbers), found again by fingerprint.
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint64_t> content_at_;
  std::unordered_map<std::uint64_t, std::uint32_t> by_fingerprint_;
  // band key << 32 | content, one per band of each distinct content; sorted by resolve().
  std::vector<std::uint64_t> postings_;
  std::size_t resolved_postings_ = 0;  // postings_ holds no new entry past this when resolved
  std::vector<std::uint32_t> parent_;  // union-find over contents, rebuilt by resolve()
  trace_stats stats_;
};

/// Return `cluster` as one line of JSON (docs/VERIFIER.md, "trace", gives the fields).
HEARSAY_FUNC std::string to_json(const trace_cluster& cluster, std::size_t number);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/trace-inl.hpp"
#endif

#endif  // HEARSAY_TRACE_HPP
