// Definitions for error.hpp.
#ifndef HEARSAY_ERROR_INL_HPP
#define HEARSAY_ERROR_INL_HPP

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hearsay/error.hpp"

namespace hearsay {
namespace detail {
inline std::string format_error(std::string_view kind, error_id id, std::string_view message) {
  std::string out = "[hearsay.";
  out += kind;
  out += '.';
  out += std::to_string(static_cast<int>(id));
  out += "] ";
  out += message;
  return out;
}
}  // namespace detail

HEARSAY_FUNC error::error(std::string_view kind, error_id id, std::string_view message)
    : std::runtime_error(detail::format_error(kind, id, message)), id_(id) {}

HEARSAY_FUNC encoding_error::encoding_error(std::size_t offset, std::string_view reason,
                                            std::string_view source)
    : error("encoding_error", error_id::invalid_utf8,
            (source.empty() ? std::string() : std::string(source) + ": ") +
                "invalid UTF-8 at byte " + std::to_string(offset) + ": " + std::string(reason)),
      offset_(offset) {}

HEARSAY_FUNC text_position position_of(std::string_view text, std::size_t offset) noexcept {
  text_position p;
  if (offset > text.size()) offset = text.size();  // a parser may point one past the end
  p.offset = offset;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

HEARSAY_FUNC parse_error::parse_error(error_id id, std::string_view source, text_position where,
                                      std::string_view message, std::string_view kind)
    : error(kind, id,
            std::string(source) + ":" + std::to_string(where.line) + ":" +
                std::to_string(where.column) + " (byte " + std::to_string(where.offset) +
                "): " + std::string(message)),
      source_(source),
      where_(where) {}

HEARSAY_FUNC io_error::io_error(std::string_view path, std::string_view reason, error_id id)
    : error("io_error", id, std::string(path) + ": " + std::string(reason)) {}

HEARSAY_FUNC void require_readable_file(const std::string& path) {
  // status() with an error_code: a symlink loop or an over-long name is a reason, not an
  // uncaught std::filesystem::filesystem_error.
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(path, ec);
  if (ec) throw io_error(path, ec.message());
  if (std::filesystem::is_directory(st)) throw io_error(path, "is a directory");
}

HEARSAY_FUNC std::string read_file(const std::string& path) {
  require_readable_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error(path, std::strerror(errno));
  // One read of the size the file has (a stringstream copied it twice, growing as it went);
  // then whatever a file that cannot tell its size, or grew meanwhile, still holds.
  std::string out;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0 && in) {
    out.resize(static_cast<std::size_t>(size));
    in.read(out.data(), size);
    out.resize(static_cast<std::size_t>(in.gcount()));
  }
  in.clear(in.rdstate() & std::ios::badbit);
  char chunk[1 << 14];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    out.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw io_error(path, "read failed");
  return out;
}

}  // namespace hearsay

#endif  // HEARSAY_ERROR_INL_HPP
