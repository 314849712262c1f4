// Gold kept as standoff: SPEC section 5's elements and attributes, each with `start`/`end`
// code-point offsets into an article whose text stays outside the repository (the real articles
// we measure on have no licence to be copied). `hearsay eval` rebuilds the gold from the standoff
// and the article; scripts/gold_standoff.py converts an annotator's SPEC XML into it.
//
//   <standoff lang="en" corpus="polnear-dev" file="nyt_....txt" sha256="…" chars="4321">
//     <doc id="real-nyt-…"><p start="0" end="57"><s start="0" end="57">
//       <claim status="confirmed" start="0" end="56"/></s></p></doc>
//   </standoff>
//
//   hearsay::corpus gold = hearsay::load_gold_file("corpora/real/dev/nyt_....xml");
#ifndef HEARSAY_STANDOFF_HPP
#define HEARSAY_STANDOFF_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/corpus.hpp"

namespace hearsay {

/// Which article a standoff file annotates: its root element's attributes.
struct standoff_article {
  std::string language = "en";
  std::string corpus;  ///< The collection, e.g. "polnear-dev": its texts are in `<corpus>/text/`.
  std::string file;    ///< The article's file name in that folder.
  std::string sha256;  ///< Hex SHA-256 of the article's bytes.
  std::size_t chars = 0;  ///< Its length in code points.
};

/// Read the root of standoff XML; `name` appears in error messages. Throws corpus_error.
HEARSAY_FUNC standoff_article read_standoff_article(std::string_view xml,
                                                    std::string_view name = "<string>");

/// Rebuild gold from standoff XML and the `article` it annotates (checked against the hash and
/// length): each document's text is the article, verbatim; spans become byte offsets into it.
/// Throws corpus_error.
HEARSAY_FUNC corpus load_standoff(std::string_view xml, std::string_view article,
                                  std::string_view name = "<string>");

/// Find the article of the standoff file at `path`: in each of `text_dirs`, else in
/// `shared/<corpus>/text/` under the file's folder or any folder above it (the project's
/// `../shared` beside a checkout). Returns its path, or nothing when it is nowhere.
HEARSAY_FUNC std::optional<std::string> find_standoff_text(
    const std::string& path, const std::vector<std::string>& text_dirs = {});

/// Load a gold file of either form: SPEC XML (`<corpus>`) or standoff (`<standoff>`, its article
/// found as find_standoff_text says). Throws io_error (also when the article is missing) or
/// corpus_error.
HEARSAY_FUNC corpus load_gold_file(const std::string& path,
                                   const std::vector<std::string>& text_dirs = {});

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/standoff-inl.hpp"
#endif

#endif  // HEARSAY_STANDOFF_HPP
