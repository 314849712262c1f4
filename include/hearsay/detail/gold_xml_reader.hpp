// The part of reading gold XML that the SPEC XML reader (corpus-inl.hpp) and the standoff reader
// (standoff-inl.hpp) share: errors with a position in the file, parsing with UTF-8 checks, and the
// attributes of <claim> and <src>, checked the same way. Uses pugixml: include from -inl files
// only.
#ifndef HEARSAY_DETAIL_GOLD_XML_READER_HPP
#define HEARSAY_DETAIL_GOLD_XML_READER_HPP

#include <pugixml.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/text.hpp"

namespace hearsay::detail {

// Where an element may stand decides what it may hold.
enum class corpus_context { paragraph, sentence, claim, source, cue };

inline std::string_view context_tag(corpus_context c) noexcept {
  switch (c) {
    case corpus_context::paragraph:
      return "p";
    case corpus_context::sentence:
      return "s";
    case corpus_context::claim:
      return "claim";
    case corpus_context::source:
      return "src";
    case corpus_context::cue:
      return "cue";
  }
  return "p";
}

inline bool is_xml_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// What the SPEC XML reader and the standoff reader (standoff-inl.hpp) share: errors with a
// position in the file, parsing with UTF-8 checks, and the attributes of <claim> and <src>.
class gold_xml_reader {
 protected:
  gold_xml_reader(std::string_view xml, std::string_view name) : xml_(xml), name_(name) {}

  [[noreturn]] void fail(error_id id, std::size_t at, const std::string& message) const {
    throw corpus_error(id, name_, position_of(xml_, at), message);
  }
  static std::size_t offset(const pugi::xml_node& node) {
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
  }
  static bool blank(std::string_view text) noexcept {
    return std::all_of(text.begin(), text.end(), is_xml_space);
  }
  static std::string tag(const pugi::xml_node& node) { return std::string(node.name()); }

  // Parse the file, check its UTF-8 (also of decoded attributes) and return its one root element.
  pugi::xml_node parse_root(pugi::xml_document& xml_doc, unsigned options) const {
    // Validate up front: pugixml passes invalid UTF-8 through, and every span we build is a byte
    // range that later code decodes.
    const utf8_check utf8 = check_utf8(xml_);
    if (!utf8) {
      fail(error_id::invalid_utf8, utf8.offset, std::string("invalid UTF-8: ") + utf8.reason);
    }
    const pugi::xml_parse_result parsed =
        xml_doc.load_buffer(xml_.data(), xml_.size(), options, pugi::encoding_utf8);
    if (!parsed) {
      fail(error_id::malformed_xml,
           static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)),
           std::string("malformed XML: ") + parsed.description());
    }
    // Character references can still decode to invalid UTF-8 (a lone surrogate "&#xD800;"):
    // check every attribute value after parsing.
    for (const pugi::xpath_node found : xml_doc.select_nodes("//@*")) {
      const pugi::xml_attribute a = found.attribute();
      const utf8_check valid = check_utf8(a.value());
      if (!valid) {
        fail(error_id::invalid_utf8, offset(found.parent()),
             "attribute '" + std::string(a.name()) +
                 "' is not valid UTF-8 after decoding: " + valid.reason);
      }
    }
    pugi::xml_node root;
    for (const pugi::xml_node node : xml_doc.children()) {
      if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
        if (!blank(node.value()))
          fail(error_id::invalid_structure, offset(node), "text outside <corpus>");
      } else if (node.type() == pugi::node_element) {
        if (root) fail(error_id::unexpected_element, offset(node), "more than one root element");
        root = node;
      }
    }
    return root;
  }

  [[noreturn]] void unexpected(const pugi::xml_node& node, std::string_view parent) const {
    static constexpr std::string_view known[] = {"corpus", "doc", "p", "s", "claim", "src", "cue"};
    const bool is_known = std::find(std::begin(known), std::end(known),
                                    std::string_view(node.name())) != std::end(known);
    fail(error_id::unexpected_element, offset(node),
         is_known ? "<" + tag(node) + "> is not allowed inside <" + std::string(parent) + ">"
                  : "unknown element <" + tag(node) + "> in <" + std::string(parent) + ">");
  }

  void check_attributes(const pugi::xml_node& node,
                        std::initializer_list<std::string_view> allowed) const {
    for (const pugi::xml_attribute a : node.attributes()) {
      if (std::find(allowed.begin(), allowed.end(), std::string_view(a.name())) == allowed.end()) {
        fail(error_id::unexpected_element, offset(node),
             "<" + tag(node) + "> does not take attribute '" + a.name() + "'");
      }
    }
  }

  std::string_view required(const pugi::xml_node& node, const char* attr) const {
    const pugi::xml_attribute a = node.attribute(attr);
    if (!a) {
      fail(error_id::missing_attribute, offset(node),
           "<" + tag(node) + "> needs attribute '" + attr + "'");
    }
    return a.value();
  }

  [[noreturn]] void invalid(const pugi::xml_node& node, const char* attr,
                            std::string_view value) const {
    fail(error_id::invalid_value, offset(node),
         "<" + tag(node) + "> has invalid " + attr + " '" + std::string(value) + "'");
  }

  template <class Enum>
  Enum parse_attr(const pugi::xml_node& node, const char* attr, std::string_view value) const {
    Enum out{};
    if (!parse(value, out)) invalid(node, attr, value);
    return out;
  }

  template <class Enum>
  std::optional<Enum> optional_attr(const pugi::xml_node& node, const char* attr) const {
    const pugi::xml_attribute a = node.attribute(attr);
    if (!a) return std::nullopt;
    return parse_attr<Enum>(node, attr, a.value());
  }

  bool bool_attr(const pugi::xml_node& node, const char* attr) const {
    const pugi::xml_attribute a = node.attribute(attr);
    if (!a) return false;
    const std::string_view value = a.value();
    if (value == "true") return true;
    if (value != "false") invalid(node, attr, value);
    return false;
  }

  static std::vector<std::string_view> space_separated(std::string_view list) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < list.size()) {
      while (i < list.size() && is_xml_space(list[i])) ++i;
      std::size_t j = i;
      while (j < list.size() && !is_xml_space(list[j])) ++j;
      if (j > i) out.push_back(list.substr(i, j - i));
      i = j;
    }
    return out;
  }

  gold_claim read_claim_attributes(const pugi::xml_node& node) const {
    gold_claim claim;
    claim.status = parse_attr<status>(node, "status", required(node, "status"));
    claim.certainty = optional_attr<certainty>(node, "certainty");
    claim.polarity = optional_attr<polarity>(node, "polarity");
    claim.quote = optional_attr<quote_kind>(node, "quote");
    claim.optional = bool_attr(node, "optional");
    if (const pugi::xml_attribute flags = node.attribute("flags")) {
      claim.flags = flag_set{};
      for (const std::string_view name : space_separated(flags.value())) {
        flag f;
        if (!parse(name, f)) invalid(node, "flags", name);
        claim.flags->add(f);
      }
    }
    if (const pugi::xml_attribute cluster = node.attribute("cluster"))
      claim.cluster = cluster.value();
    for (const std::string_view id : space_separated(node.attribute("chain").value())) {
      claim.chain.emplace_back(id);
    }
    return claim;
  }

  gold_source read_source_attributes(const pugi::xml_node& node) const {
    gold_source src;
    src.id = required(node, "id");
    if (src.id.empty() || src.id == "_" ||
        std::any_of(src.id.begin(), src.id.end(), is_xml_space)) {
      invalid(node, "id", src.id);
    }
    if (source_ids_.count(src.id) != 0) {
      fail(error_id::invalid_value, offset(node), "duplicate <src> id '" + src.id + "'");
    }
    src.kind = parse_attr<source_kind>(node, "kind", required(node, "kind"));
    if (src.kind == source_kind::unspecified) {
      fail(error_id::invalid_value, offset(node),
           "<src> cannot be kind 'unspecified'; write '_' in the claim's chain instead");
    }
    src.named = bool_attr(node, "named");
    if (const pugi::xml_attribute ref = node.attribute("ref")) {
      const std::string target = ref.value();
      if (source_ids_.count(target) == 0) {
        fail(error_id::invalid_reference, offset(node),
             "ref '" + target + "' names no earlier <src>");
      }
      src.ref = target;
    }
    return src;
  }

  std::string_view xml_;
  std::string_view name_;
  std::unordered_map<std::string, std::size_t> source_ids_;  // <src> ids of the current document
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_GOLD_XML_READER_HPP
