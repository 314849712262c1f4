// Definitions for corpus.hpp: read SPEC section 5 XML with pugixml into gold documents.
#ifndef HEARSAY_CORPUS_INL_HPP
#define HEARSAY_CORPUS_INL_HPP

#include <pugixml.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "hearsay/corpus.hpp"
#include "hearsay/detail/gold_xml_reader.hpp"
#include "hearsay/error.hpp"

namespace hearsay {
namespace detail {

// Reads one corpus. Keeps the per-document state of the text being built, so that white space
// collapses across element boundaries and every span excludes the white space at its edges.
class corpus_reader : gold_xml_reader {
 public:
  corpus_reader(std::string_view xml, std::string_view name) : gold_xml_reader(xml, name) {}

  corpus read() {
    pugi::xml_document xml_doc;
    // parse_ws_pcdata keeps the white space between two elements ("<src>NHK</src> <cue>").
    const pugi::xml_node root = parse_root(xml_doc, pugi::parse_default | pugi::parse_ws_pcdata);
    corpus out;
    if (std::string_view(root.name()) != "corpus") {
      fail(error_id::unexpected_element, offset(root),
           "root element must be <corpus>, not <" + std::string(root.name()) + ">");
    }
    check_attributes(root, {"lang"});
    if (const pugi::xml_attribute lang = root.attribute("lang")) out.language = lang.value();

    std::unordered_set<std::string> ids;
    for (const pugi::xml_node node : root.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        if (!blank(node.value()))
          fail(error_id::invalid_structure, offset(node), "text outside <doc>");
        continue;
      }
      if (node.type() != pugi::node_element) continue;
      if (std::string_view(node.name()) != "doc") unexpected(node, "corpus");
      gold_document doc = read_document(node);
      if (!ids.insert(doc.id).second) {
        fail(error_id::invalid_value, offset(node), "duplicate <doc> id '" + doc.id + "'");
      }
      out.documents.push_back(std::move(doc));
    }
    return out;
  }

 private:
  // A claim whose chain is checked once the whole document (and so every <src>) has been read.
  struct chain_check {
    pugi::xml_node node;
    std::size_t claim;
  };

  gold_document read_document(const pugi::xml_node& node) {
    check_attributes(node, {"id", "outlet", "date"});
    gold_document doc;
    doc.id = required(node, "id");
    if (doc.id.empty()) invalid(node, "id", doc.id);
    if (const pugi::xml_attribute a = node.attribute("outlet")) doc.outlet = a.value();
    if (const pugi::xml_attribute a = node.attribute("date")) doc.date = a.value();
    doc_ = &doc;
    source_ids_.clear();
    chains_.clear();
    for (const pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        if (!blank(child.value()))
          fail(error_id::invalid_structure, offset(child), "text outside <p>");
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      if (std::string_view(child.name()) != "p") unexpected(child, "doc");
      read_paragraph(child);
    }
    for (const chain_check& check : chains_) {
      for (const std::string& id : doc.claims[check.claim].chain) {
        if (id != "_" && source_ids_.find(id) == source_ids_.end()) {
          fail(error_id::invalid_reference, offset(check.node),
               "chain names no <src> with id '" + id + "'");
        }
      }
    }
    doc_ = nullptr;
    return doc;
  }

  void read_paragraph(const pugi::xml_node& node) {
    check_attributes(node, {});
    if (!doc_->text.empty()) doc_->text += "\n\n";
    paragraph_start_ = doc_->text.size();
    pending_space_ = false;
    for (const pugi::xml_node child : node.children()) read_node(child, corpus_context::paragraph);
    if (doc_->text.size() == paragraph_start_) {
      fail(error_id::invalid_structure, offset(node), "<p> holds no text");
    }
    // pugixml may decode a character reference into bytes that are not UTF-8 (a surrogate).
    const utf8_check utf8 = check_utf8(std::string_view(doc_->text).substr(paragraph_start_));
    if (!utf8) {
      fail(error_id::invalid_utf8, offset(node),
           std::string("invalid UTF-8 in <p> text: ") + utf8.reason);
    }
  }

  void append_text(std::string_view text) {
    std::string& out = doc_->text;
    for (const char c : text) {
      if (is_xml_space(c)) {
        pending_space_ = out.size() > paragraph_start_;
        continue;
      }
      if (pending_space_) {
        out += ' ';
        pending_space_ = false;
      }
      out += c;
    }
  }

  void read_node(const pugi::xml_node& node, corpus_context where) {
    switch (node.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (where == corpus_context::paragraph && !blank(node.value())) {
          fail(error_id::invalid_structure, offset(node), "text outside <s> in <p>");
        }
        append_text(node.value());
        return;
      case pugi::node_element:
        read_element(node, where);
        return;
      default:
        return;  // comments, processing instructions
    }
  }

  void read_element(const pugi::xml_node& node, corpus_context where) {
    const std::string_view name = node.name();
    corpus_context inner = corpus_context::paragraph;
    if (name == "s" && where == corpus_context::paragraph) {
      inner = corpus_context::sentence;
      check_attributes(node, {});
    } else if (name == "claim" && where == corpus_context::claim) {
      fail(error_id::invalid_structure, offset(node), "claims do not nest: <claim> inside <claim>");
    } else if (name == "claim" && where == corpus_context::sentence) {
      inner = corpus_context::claim;
      check_attributes(node, {"status", "chain", "certainty", "polarity", "quote", "optional",
                              "flags", "cluster"});
    } else if (name == "src" &&
               (where == corpus_context::sentence || where == corpus_context::claim)) {
      inner = corpus_context::source;
      check_attributes(node, {"id", "kind", "named", "ref"});
    } else if (name == "cue" &&
               (where == corpus_context::sentence || where == corpus_context::claim)) {
      inner = corpus_context::cue;
      check_attributes(node, {});
    } else {
      unexpected(node, context_tag(where));
    }

    // Attributes first, so that an element's own errors come before those of its content.
    gold_claim claim;
    gold_source src;
    if (inner == corpus_context::claim) {
      claim = read_claim_attributes(node);
    } else if (inner == corpus_context::source) {
      src = read_source_attributes(node);
    }

    const std::size_t sentence_index = doc_->sentences.size();
    const std::size_t begin = doc_->text.size() + (pending_space_ ? 1 : 0);
    for (const pugi::xml_node child : node.children()) read_node(child, inner);
    const std::size_t end = doc_->text.size();
    if (end <= begin) {
      fail(error_id::invalid_structure, offset(node), "<" + tag(node) + "> holds no text");
    }
    const span where_span{begin, end};

    switch (inner) {
      case corpus_context::sentence:
        doc_->sentences.push_back(where_span);
        break;
      case corpus_context::claim:
        claim.where = where_span;
        // A claim's <s> is pushed when the <s> closes: its index is the count so far.
        claim.sentence = sentence_index;
        if (!claim.chain.empty()) chains_.push_back({node, doc_->claims.size()});
        doc_->claims.push_back(std::move(claim));
        break;
      case corpus_context::source:
        src.where = where_span;
        source_ids_.emplace(src.id, doc_->sources.size());
        doc_->sources.push_back(std::move(src));
        break;
      case corpus_context::cue:
        doc_->cues.push_back(where_span);
        break;
      case corpus_context::paragraph:
        break;
    }
  }

  gold_document* doc_ = nullptr;
  std::size_t paragraph_start_ = 0;
  bool pending_space_ = false;  // white space seen and not yet written (collapsed to one space)
  std::vector<chain_check> chains_;
};

}  // namespace detail

HEARSAY_FUNC const gold_source* gold_document::find_source(
    std::string_view source_id) const noexcept {
  for (const gold_source& s : sources) {
    if (s.id == source_id) return &s;
  }
  return nullptr;
}

HEARSAY_FUNC corpus load_corpus(std::string_view xml, std::string_view name) {
  return detail::corpus_reader(xml, name).read();
}

HEARSAY_FUNC corpus load_corpus_file(const std::string& path) {
  const std::string xml = read_file(path);
  return load_corpus(xml, path);
}

}  // namespace hearsay

#endif  // HEARSAY_CORPUS_INL_HPP
