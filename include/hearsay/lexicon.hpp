// The word lists and cue tables the analysis runs on, loaded from XML (data/lexicon.xml is
// embedded at build time; users may load their own or extend the built-in one).
//
//   hearsay::lexicon lex = hearsay::lexicon::builtin();
//   lex.merge(hearsay::lexicon::from_file("newsroom-extra.xml"));   // add words, keep the rest
//
// The format is documented in docs/LEXICON.md.
#ifndef HEARSAY_LEXICON_HPP
#define HEARSAY_LEXICON_HPP

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/config.hpp"
#include "hearsay/error.hpp"

namespace hearsay {
namespace detail {
struct lexicon_data;
}

/// The outcome of a non-throwing load (like pugixml's xml_parse_result).
struct lexicon_load_result {
  bool ok = true;
  error_id id = error_id::malformed_xml;  ///< Meaningful when !ok.
  text_position where;                    ///< Where the problem is, when !ok.
  std::string message;                    ///< The full "[hearsay.lexicon_error.N] ..." text.
  explicit operator bool() const noexcept { return ok; }
};

/// An immutable-after-load set of word lists. Cheap to copy (shared, copy-on-merge).
class lexicon {
 public:
  /// Make an empty lexicon (no cues, no abbreviations).
  HEARSAY_FUNC lexicon();
  /// Return the lexicon built into the library (data/lexicon.xml).
  HEARSAY_FUNC static lexicon builtin();
  /// Parse lexicon XML; `name` appears in error messages. Throws lexicon_error.
  HEARSAY_FUNC static lexicon from_string(std::string_view xml, std::string_view name = "<string>");
  /// Load a lexicon file. Throws io_error or lexicon_error.
  HEARSAY_FUNC static lexicon from_file(const std::string& path);
  /// Load a lexicon file without throwing; on failure `out` is left unchanged.
  HEARSAY_FUNC static lexicon_load_result try_from_file(const std::string& path, lexicon& out);

  /// Add every entry of `other` to this lexicon; entries of `other` win on conflict.
  HEARSAY_FUNC void merge(const lexicon& other);
  /// Return the XML documents this lexicon was built from, in merge order (for pickling: a
  /// lexicon rebuilt from them with from_string and merge is equal to this one).
  HEARSAY_FUNC const std::vector<std::string>& sources() const noexcept;
  /// Return how many entries (words, phrases, abbreviations) the lexicon holds.
  HEARSAY_FUNC std::size_t size() const noexcept;

  /// Internal tables, for the analysis stages.
  const detail::lexicon_data& data() const noexcept { return *data_; }

 private:
  std::shared_ptr<const detail::lexicon_data> data_;
};

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/lexicon-inl.hpp"
#endif

#endif  // HEARSAY_LEXICON_HPP
