// Errors: one root type with a stable numeric id, as nlohmann/json does.
//
// Every message starts with "[hearsay.<kind>.<id>]" so logs can be grepped and tests can pin it:
//   [hearsay.parse_error.203] lexicon.xml:12:5 (byte 311): <cue> needs attribute 'lemma'
#ifndef HEARSAY_ERROR_HPP
#define HEARSAY_ERROR_HPP

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "hearsay/config.hpp"

namespace hearsay {

/// Stable error ids. The hundreds name the kind; never renumber a published id.
enum class error_id : int {
  invalid_utf8 = 101,        ///< Input is not valid UTF-8.
  malformed_xml = 201,       ///< An XML file is not well-formed.
  unexpected_element = 202,  ///< An element that the format does not allow here.
  missing_attribute = 203,   ///< A required attribute is absent.
  invalid_value = 204,       ///< An attribute or text holds a value outside its set.
  invalid_reference = 205,   ///< An id that names nothing (chain, ref).
  invalid_structure = 206,   ///< Nesting the format forbids (a claim inside a claim).
  malformed_json = 207,      ///< A JSON Lines record is not JSON.
  cannot_read = 301,         ///< A file could not be opened or read.
  cannot_write = 302,        ///< Output could not be written (a full disk, a closed file).
  invalid_argument = 401,    ///< A caller passed a value outside the function's domain.
  invalid_query = 402,       ///< A check query that is empty or has no content word.
  invalid_record = 403,      ///< A stream record without text, with a bad field, or not JSON.
};

/// The root of every exception hearsay throws.
class error : public std::runtime_error {
 public:
  /// Make an error of `kind` ("parse_error") with `id`; what() is "[hearsay.kind.id] message".
  HEARSAY_FUNC error(std::string_view kind, error_id id, std::string_view message);
  /// Return the stable id.
  error_id id() const noexcept { return id_; }

 private:
  error_id id_;
};

/// Input text is not valid UTF-8; `offset()` is the byte where the bad sequence starts.
class encoding_error : public error {
 public:
  HEARSAY_FUNC encoding_error(std::size_t offset, std::string_view reason,
                              std::string_view source = {});
  /// Return the 0-based byte offset of the first invalid byte.
  std::size_t offset() const noexcept { return offset_; }

 private:
  std::size_t offset_;
};

/// Where in a parsed file an error was found.
struct text_position {
  std::size_t offset = 0;  ///< 0-based byte offset.
  std::size_t line = 1;    ///< 1-based line.
  std::size_t column = 1;  ///< 1-based column, in bytes.
};

/// Compute line and column of byte `offset` in `text`.
HEARSAY_FUNC text_position position_of(std::string_view text, std::size_t offset) noexcept;

/// A data file (lexicon, corpus) that cannot be read as its format says.
class parse_error : public error {
 public:
  /// Make "[hearsay.<kind>.<id>] <source>:<line>:<col> (byte <offset>): <message>".
  HEARSAY_FUNC parse_error(error_id id, std::string_view source, text_position where,
                           std::string_view message, std::string_view kind = "parse_error");
  const std::string& source() const noexcept { return source_; }
  std::size_t offset() const noexcept { return where_.offset; }
  std::size_t line() const noexcept { return where_.line; }
  std::size_t column() const noexcept { return where_.column; }

 private:
  std::string source_;
  text_position where_;
};

/// A lexicon file that cannot be loaded (malformed XML, unknown cue class, ...).
class lexicon_error : public parse_error {
 public:
  lexicon_error(error_id id, std::string_view source, text_position where, std::string_view message)
      : parse_error(id, source, where, message, "lexicon_error") {}
};

/// A gold corpus file that cannot be loaded.
class corpus_error : public parse_error {
 public:
  corpus_error(error_id id, std::string_view source, text_position where, std::string_view message)
      : parse_error(id, source, where, message, "corpus_error") {}
};

/// A file that cannot be opened or read.
class io_error : public error {
 public:
  /// Make "[hearsay.io_error.<id>] <path>: <reason>" (301 cannot read, 302 cannot write).
  HEARSAY_FUNC io_error(std::string_view path, std::string_view reason,
                        error_id id = error_id::cannot_read);
};

/// Throw io_error unless `path` names something that is not a directory and whose status can be
/// read (the reason names a missing file, a symlink loop, a name too long, "is a directory").
HEARSAY_FUNC void require_readable_file(const std::string& path);

/// Read the whole file at `path` into a string; throws io_error (see require_readable_file).
HEARSAY_FUNC std::string read_file(const std::string& path);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/error-inl.hpp"
#endif

#endif  // HEARSAY_ERROR_HPP
