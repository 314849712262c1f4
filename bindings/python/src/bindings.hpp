// Shared declarations of the hearsay._core module: the Python-side values (code-point offsets,
// plain fields) and the register_<concept>() functions that module.cpp wires together.
#ifndef HEARSAY_PYTHON_BINDINGS_HPP
#define HEARSAY_PYTHON_BINDINGS_HPP

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/lexicon.hpp"

namespace hearsay::python {

namespace py = pybind11;

// Python values. Offsets are code points into the document's text; the structs hold no Python
// objects, so worker threads build them without the GIL.

struct sentence_value {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  friend bool operator==(const sentence_value&, const sentence_value&) = default;
};

struct source_value {
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  source_kind kind = source_kind::unspecified;
  bool named = false;
  std::optional<std::string> refers_to;
  friend bool operator==(const source_value&, const source_value&) = default;
};

struct cue_value {
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string lemma;
  cue_class kind = cue_class::report;
  friend bool operator==(const cue_value&, const cue_value&) = default;
};

struct link_value {
  source_value source;
  cue_value cue;
  friend bool operator==(const link_value&, const link_value&) = default;
};

struct claim_value {
  std::size_t sentence = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
  hearsay::status status = status::confirmed;
  hearsay::certainty certainty = certainty::certain;
  hearsay::polarity polarity = polarity::positive;
  quote_kind quote = quote_kind::none;
  std::vector<link_value> chain;
  double confidence = 0;  ///< SPEC 7, rounded to three decimals as in the JSON.
  std::string rule;       ///< evidence.rule
  std::vector<std::pair<std::size_t, std::size_t>> words;  ///< evidence.words, code points
  bool assessed = false;  ///< Sourcing was assessed: `flags` is meaningful (SPEC 8).
  flag_set flags;
  friend bool operator==(const claim_value&, const claim_value&) = default;
};

// One analysed document: the C++ result (byte offsets, for to_json and ==) and its Python values.
struct document_data {
  hearsay::document doc;
  std::vector<sentence_value> sentences;
  std::vector<claim_value> claims;
  std::size_t repaired_first = 0;  ///< Code-point offset of doc.repaired.first.
};

// Convert `doc` to code-point values; needs no GIL.
std::shared_ptr<const document_data> make_document_data(hearsay::document doc);

// The Python Document: shared immutable data plus the text as a Python str.
class document_object {
 public:
  document_object(std::shared_ptr<const document_data> data, py::object text);

  const document_data& data() const noexcept { return *data_; }
  // The analysed text as str (the caller's own object when it could be reused).
  py::object text() const;
  // Tuples of Sentence / Claim objects, built on first use.
  py::tuple sentences() const;
  py::tuple claims() const;

 private:
  std::shared_ptr<const document_data> data_;
  mutable py::object text_;
  mutable py::object sentences_;
  mutable py::object claims_;
};

// A text handed to the analyzer: UTF-8 bytes inside `source` (a str's cached UTF-8 or a bytes
// object's buffer), or in `owned` after a repair. `source` is held so that the bytes outlive any
// change to the container the text came from while the GIL is released.
struct text_input {
  py::object source;
  const char* data = nullptr;
  std::size_t size = 0;
  bool uses_owned = false;
  std::string owned;
  bool is_exact_str = false;  ///< `source` is a str whose UTF-8 is exactly the analysed text.
  utf8_repairs repairs;       ///< Lone surrogates of a str replaced by U+FFFD (with repair).

  std::string_view utf8() const noexcept {
    return uses_owned ? std::string_view(owned) : std::string_view(data, size);
  }
};

// Read `obj` (str or bytes) as UTF-8 without copying where possible. A str with lone surrogates
// raises hearsay.EncodingError naming `source`, or with `repair` has them replaced by U+FFFD.
// Needs the GIL; the result points into `obj`, which must outlive it.
text_input read_text(py::handle obj, bool repair, std::string_view source);

// The Python exception object an exception stands for (a hearsay error as its hearsay.* type).
// Needs the GIL.
py::object exception_object(std::exception_ptr p);

// Rebuild a lexicon from the XML documents lexicon::sources() returned (for pickling); a first
// source equal to the built-in lexicon's reuses the compiled built-in tables.
lexicon lexicon_from_sources(const std::vector<std::string>& sources);

// Return the lexicon's sources as a tuple of str.
py::tuple sources_tuple(const lexicon& lex);

// Present `cls` as a member of the public package (hearsay.Claim, not hearsay._core.Claim) before
// its methods are defined, so that the signatures help() shows use the public names too.
template <class T>
void in_package(py::class_<T>& cls) {
  cls.attr("__module__") = "hearsay";
}

void register_errors(py::module_& m);
void register_lexicon(py::module_& m);
void register_document(py::module_& m);
void register_analyzer(py::module_& m);
void register_check(py::module_& m);
// SPEC 9's check of `query` against each document, as dicts (register_check.cpp); releases the
// GIL while matching. Throws hearsay::error for an empty query or one without content words.
py::list check_documents(const std::string& query, const std::vector<const document*>& docs,
                         const std::string& language);
void register_trace(py::module_& m);

}  // namespace hearsay::python

#endif  // HEARSAY_PYTHON_BINDINGS_HPP
