// Definitions for standoff.hpp: gold rebuilt from offsets into an article kept elsewhere.
#ifndef HEARSAY_STANDOFF_INL_HPP
#define HEARSAY_STANDOFF_INL_HPP

// First: in the header-only form corpus.hpp brings corpus-inl.hpp, which defines the reader base.
#include "hearsay/standoff.hpp"

#include <pugixml.hpp>

#include <charconv>
#include <filesystem>
#include <system_error>
#include <unordered_set>

#include "hearsay/detail/gold_xml_reader.hpp"
#include "hearsay/detail/sha256.hpp"
#include "hearsay/error.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

class standoff_reader : gold_xml_reader {
 public:
  standoff_reader(std::string_view xml, std::string_view name) : gold_xml_reader(xml, name) {
    root_ = parse_root(xml_doc_, pugi::parse_default);
    if (std::string_view(root_.name()) != "standoff") {
      fail(error_id::unexpected_element, offset(root_),
           "root element must be <standoff>, not <" + std::string(root_.name()) + ">");
    }
    check_attributes(root_, {"lang", "corpus", "file", "sha256", "chars"});
    if (const pugi::xml_attribute lang = root_.attribute("lang")) article_.language = lang.value();
    article_.corpus = required(root_, "corpus");
    article_.file = required(root_, "file");
    article_.sha256 = required(root_, "sha256");
    article_.chars = number(root_, "chars");
    // The file name is joined to a folder: it must not climb out of it.
    if (article_.file.empty() || article_.file.find('/') != std::string::npos ||
        article_.file == "." || article_.file == "..") {
      invalid(root_, "file", article_.file);
    }
  }

  const standoff_article& article() const noexcept { return article_; }

  corpus read(std::string_view text) {
    require_utf8(text, article_.file);
    if (sha256_hex(text) != article_.sha256) {
      fail(error_id::invalid_value, offset(root_),
           "the article " + article_.file +
               " is not the text this standoff annotates (its "
               "SHA-256 differs)");
    }
    const codepoint_map map(text);
    if (count_codepoints(text) != article_.chars) {
      fail(error_id::invalid_value, offset(root_), "the article's length differs from 'chars'");
    }
    text_ = text;
    map_ = &map;
    corpus out;
    out.language = article_.language;
    std::unordered_set<std::string> ids;
    for (const pugi::xml_node node : root_.children("doc")) {
      gold_document doc = read_document(node);
      if (!ids.insert(doc.id).second) {
        fail(error_id::invalid_value, offset(node), "duplicate <doc> id '" + doc.id + "'");
      }
      out.documents.push_back(std::move(doc));
    }
    for (const pugi::xml_node node : root_.children()) {
      if (node.type() == pugi::node_element && std::string_view(node.name()) != "doc")
        unexpected(node, "standoff");
    }
    map_ = nullptr;
    return out;
  }

 private:
  std::size_t number(const pugi::xml_node& node, const char* attr) const {
    const std::string_view value = required(node, attr);
    std::size_t out = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || end != value.data() + value.size()) invalid(node, attr, value);
    return out;
  }

  // The element's [start, end) in code points, inside its parent's and after its elder sibling.
  span where(const pugi::xml_node& node, span parent, std::size_t after) const {
    const std::size_t start = number(node, "start");
    const std::size_t end = number(node, "end");
    if (end <= start || end > article_.chars) {
      fail(error_id::invalid_value, offset(node),
           "<" + tag(node) +
               "> has an empty or "
               "out-of-range span [" +
               std::to_string(start) + ", " + std::to_string(end) + ")");
    }
    const span bytes{map_->to_byte(start), map_->to_byte(end)};
    if (bytes.begin < parent.begin || bytes.end > parent.end || bytes.begin < after) {
      fail(error_id::invalid_structure, offset(node),
           "<" + tag(node) + "> lies outside its parent or overlaps the element before it");
    }
    return bytes;
  }

  gold_document read_document(const pugi::xml_node& node) {
    check_attributes(node, {"id"});
    gold_document doc;
    doc.id = required(node, "id");
    if (doc.id.empty()) invalid(node, "id", doc.id);
    doc.text = std::string(text_);
    source_ids_.clear();
    std::vector<std::pair<pugi::xml_node, std::size_t>> chains;
    std::size_t after = 0;
    const span whole{0, text_.size()};
    for (const pugi::xml_node p : node.children()) {
      if (p.type() != pugi::node_element) continue;
      if (std::string_view(p.name()) != "p") unexpected(p, "doc");
      check_attributes(p, {"start", "end"});
      const span paragraph = where(p, whole, after);
      after = paragraph.end;
      std::size_t in_paragraph = paragraph.begin;
      for (const pugi::xml_node s : p.children()) {
        if (s.type() != pugi::node_element) continue;
        if (std::string_view(s.name()) != "s") unexpected(s, "p");
        check_attributes(s, {"start", "end"});
        const span sentence = where(s, paragraph, in_paragraph);
        in_paragraph = sentence.end;
        read_marks(s, sentence, doc, chains, /*in_claim=*/false);
        doc.sentences.push_back(sentence);
      }
    }
    for (const auto& [claim_node, index] : chains) {
      for (const std::string& id : doc.claims[index].chain) {
        if (id != "_" && source_ids_.find(id) == source_ids_.end()) {
          fail(error_id::invalid_reference, offset(claim_node),
               "chain names no <src> with id '" + id + "'");
        }
      }
    }
    return doc;
  }

  // The <claim>, <src> and <cue> marks of a sentence, or the <src> and <cue> inside a claim.
  void read_marks(const pugi::xml_node& parent, span outer, gold_document& doc,
                  std::vector<std::pair<pugi::xml_node, std::size_t>>& chains, bool in_claim) {
    std::size_t after = outer.begin;
    for (const pugi::xml_node node : parent.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view name = node.name();
      if (name == "claim" && !in_claim) {
        check_attributes(node, {"status", "chain", "certainty", "polarity", "quote", "optional",
                                "flags", "start", "end"});
        gold_claim claim = read_claim_attributes(node);
        claim.where = where(node, outer, after);
        claim.sentence = doc.sentences.size();
        read_marks(node, claim.where, doc, chains, /*in_claim=*/true);
        if (!claim.chain.empty()) chains.emplace_back(node, doc.claims.size());
        after = claim.where.end;
        doc.claims.push_back(std::move(claim));
      } else if (name == "src") {
        check_attributes(node, {"id", "kind", "named", "ref", "start", "end"});
        gold_source src = read_source_attributes(node);
        src.where = where(node, outer, after);
        after = src.where.end;
        source_ids_.emplace(src.id, doc.sources.size());
        doc.sources.push_back(std::move(src));
      } else if (name == "cue") {
        check_attributes(node, {"start", "end"});
        const span cue = where(node, outer, after);
        after = cue.end;
        doc.cues.push_back(cue);
      } else if (name == "claim") {
        fail(error_id::invalid_structure, offset(node),
             "claims do not nest: <claim> inside <claim>");
      } else {
        unexpected(node, in_claim ? "claim" : "s");
      }
    }
  }

  pugi::xml_document xml_doc_;
  pugi::xml_node root_;
  standoff_article article_;
  std::string_view text_;
  const codepoint_map* map_ = nullptr;
};

inline bool is_file(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::is_regular_file(p, ec);
}

}  // namespace detail

HEARSAY_FUNC standoff_article read_standoff_article(std::string_view xml, std::string_view name) {
  return detail::standoff_reader(xml, name).article();
}

HEARSAY_FUNC corpus load_standoff(std::string_view xml, std::string_view article,
                                  std::string_view name) {
  return detail::standoff_reader(xml, name).read(article);
}

HEARSAY_FUNC std::optional<std::string> find_standoff_text(
    const std::string& path, const std::vector<std::string>& text_dirs) {
  const standoff_article a = read_standoff_article(read_file(path), path);
  namespace fs = std::filesystem;
  for (const std::string& dir : text_dirs) {
    if (detail::is_file(fs::path(dir) / a.file)) return (fs::path(dir) / a.file).string();
  }
  if (!text_dirs.empty()) return std::nullopt;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(path), ec).parent_path();
  while (!ec && !dir.empty()) {
    const fs::path candidate = dir / "shared" / a.corpus / "text" / a.file;
    if (detail::is_file(candidate)) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return std::nullopt;
}

HEARSAY_FUNC corpus load_gold_file(const std::string& path,
                                   const std::vector<std::string>& text_dirs) {
  const std::string xml = read_file(path);
  // The root element's name decides the form; a file that is neither fails in the XML reader.
  const std::size_t root = xml.find("<standoff");
  const std::size_t corpus_root = xml.find("<corpus");
  if (root == std::string::npos || (corpus_root != std::string::npos && corpus_root < root)) {
    return load_corpus(xml, path);
  }
  detail::standoff_reader reader(xml, path);
  const std::optional<std::string> text = find_standoff_text(path, text_dirs);
  if (!text) {
    throw io_error(path, "its article " + reader.article().corpus + "/text/" +
                             reader.article().file +
                             " was not found (give --texts DIR, or put ../shared beside the "
                             "checkout)");
  }
  return reader.read(read_file(*text));
}

}  // namespace hearsay

#endif  // HEARSAY_STANDOFF_INL_HPP
