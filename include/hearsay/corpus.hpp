// Gold corpora in the SPEC section 5 XML format, read with pugixml.
//
//   hearsay::corpus gold = hearsay::load_corpus_file("corpora/politics.xml");
//   for (const hearsay::gold_document& d : gold.documents) ...
#ifndef HEARSAY_CORPUS_HPP
#define HEARSAY_CORPUS_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"
#include "hearsay/text.hpp"

namespace hearsay {

/// A `<src>`: a source mention in the gold text.
struct gold_source {
  std::string id;
  span where;
  source_kind kind = source_kind::unspecified;
  bool named = false;
  std::optional<std::string> ref;  ///< Id of the earlier `<src>` it refers to.
};

/// A `<claim>`.
struct gold_claim {
  std::size_t sentence = 0;  ///< Index of the `<s>` holding it.
  span where;
  hearsay::status status = status::confirmed;
  std::optional<hearsay::certainty> certainty;  ///< Scored only where given.
  std::optional<hearsay::polarity> polarity;
  std::optional<quote_kind> quote;
  bool optional = false;
  std::vector<std::string> chain;  ///< `src` ids outermost first; "_" for an unspecified source.
  /// The sourcing flags (SPEC 8), where the gold gives them (`flags="anonymous single_source"`).
  std::optional<flag_set> flags;
  /// Trace gold: the name shared by the claims of one proposition across documents (none: a
  /// proposition of its own).
  std::optional<std::string> cluster;
};

/// A `<doc>`: its text (paragraphs joined by "\n\n", white space collapsed) and its marks.
struct gold_document {
  std::string id;
  std::string text;
  std::vector<span> sentences;
  std::vector<gold_claim> claims;
  std::vector<gold_source> sources;
  std::vector<span> cues;
  std::optional<std::string> outlet;  ///< Trace gold: who published it.
  std::optional<std::string> date;    ///< Trace gold: when ("2026-03-14" or "2026-03-14T09:30").
  /// Return the `<src>` with `id`, or nullptr.
  HEARSAY_FUNC const gold_source* find_source(std::string_view id) const noexcept;
};

/// A `<corpus>`.
struct corpus {
  std::string language = "en";
  std::vector<gold_document> documents;
};

/// Parse corpus XML; `name` appears in error messages. Throws corpus_error.
HEARSAY_FUNC corpus load_corpus(std::string_view xml, std::string_view name = "<string>");
/// Load a corpus file. Throws io_error or corpus_error.
HEARSAY_FUNC corpus load_corpus_file(const std::string& path);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/corpus-inl.hpp"
#endif

#endif  // HEARSAY_CORPUS_HPP
