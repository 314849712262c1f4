// Definitions for lexicon.hpp: parse lexicon XML with pugixml into detail::lexicon_data.
#ifndef HEARSAY_LEXICON_INL_HPP
#define HEARSAY_LEXICON_INL_HPP

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>

#include "hearsay/detail/builtin_lexicon.hpp"
#include "hearsay/detail/builtin_word_classes.hpp"
#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/unicode.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/text.hpp"

namespace hearsay {
namespace detail {

template <class F>
void for_each_word(std::string_view list, F&& f) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
    std::size_t j = i;
    while (j < list.size() && !std::isspace(static_cast<unsigned char>(list[j]))) ++j;
    if (j > i) f(list.substr(i, j - i));
    i = j;
  }
}

// Builds lexicon_data from one XML document after another; later documents win on conflict.
class lexicon_builder {
 public:
  explicit lexicon_builder(lexicon_data& data) : data_(data) {}

  void add(std::string_view xml, std::string_view name) {
    xml_ = xml;
    name_ = name;
    // pugixml passes invalid UTF-8 through into words the tokenizer would never match.
    if (const utf8_check utf8 = check_utf8(xml); !utf8) {
      fail(error_id::invalid_utf8, utf8.offset, std::string("invalid UTF-8: ") + utf8.reason);
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
      fail(error_id::malformed_xml, static_cast<std::size_t>(parsed.offset),
           std::string("malformed XML: ") + parsed.description());
    }
    const pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "lexicon") {
      fail(error_id::unexpected_element, offset(root),
           "root element must be <lexicon>, not <" + std::string(root.name()) + ">");
    }
    const pugi::xml_attribute lang = root.attribute("lang");
    const std::string code = lang ? ascii_lower(lang.value()) : std::string("en");
    if (!valid_language_code(code)) {
      fail(error_id::invalid_value, offset(root),
           "<lexicon> has invalid lang '" + std::string(lang.value()) +
               "' (a language code such as en, de, zh)");
    }
    language_segmentation& language = data_.languages[code];
    for (const pugi::xml_node node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view tag = node.name();
      if (tag == "abbreviations") {
        add_abbreviations(node, language);
      } else if (tag == "sentence-openers") {
        for_each_word(node.text().get(), [&](std::string_view w) {
          language.openers[unicode_lower(w)] = true;
          ++data_.entries;
        });
      } else if (tag == "segmentation") {
        add_segmentation(node, language);
      } else if (code != "en") {
        // The claim engine reads English; per-language claim lexicons come with it.
        fail(error_id::unexpected_element, offset(node),
             "<" + std::string(tag) + "> in a lexicon of language '" + code +
                 "': only <abbreviations>, <sentence-openers> and <segmentation> may have a "
                 "language other than en");
      } else if (tag == "words") {
        add_words(node);
      } else if (tag == "hedges") {
        const certainty c = parse_attr<certainty>(node, "certainty");
        each_entry(node, [&](std::string_view w) { entry(w).hedge = c; });
      } else if (tag == "cues") {
        add_cues(node);
      } else if (tag == "sources") {
        const source_kind k = parse_attr<source_kind>(node, "kind");
        each_entry(node, [&](std::string_view w) { entry(w).source_noun = k; });
      } else if (tag == "names") {
        const source_kind k = parse_attr<source_kind>(node, "kind");
        for_each_word(node.text().get(), [&](std::string_view w) {
          data_.names[std::string(w)] = k;
          ++data_.entries;
        });
      } else {
        fail(error_id::unexpected_element, offset(node),
             "unknown element <" + std::string(tag) + "> in <lexicon>");
      }
    }
    data_.sources.emplace_back(xml);
  }

 private:
  [[noreturn]] void fail(error_id id, std::size_t at, const std::string& message) const {
    throw lexicon_error(id, name_, position_of(xml_, at), message);
  }
  static std::size_t offset(const pugi::xml_node& node) {
    return static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
  }

  std::string_view required(const pugi::xml_node& node, const char* attr) const {
    const pugi::xml_attribute a = node.attribute(attr);
    if (!a) {
      fail(error_id::missing_attribute, offset(node),
           "<" + std::string(node.name()) + "> needs attribute '" + attr + "'");
    }
    return a.value();
  }

  template <class Enum>
  Enum parse_attr(const pugi::xml_node& node, const char* attr) const {
    const std::string_view value = required(node, attr);
    Enum out{};
    if (!parse(value, out)) {
      fail(error_id::invalid_value, offset(node),
           "<" + std::string(node.name()) + "> has invalid " + attr + " '" + std::string(value) +
               "'");
    }
    return out;
  }

  word_entry& entry(std::string_view word) {
    std::string key = ascii_lower(word);
    data_.longest_phrase = std::max<std::size_t>(
        data_.longest_phrase,
        1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), '_')));
    ++data_.entries;
    return data_.words[std::move(key)];
  }

  template <class F>
  void each_entry(const pugi::xml_node& node, F&& f) {
    for_each_word(node.text().get(), f);
  }

  // A language code: two or three ASCII letters ("en", "de", "hy").
  static bool valid_language_code(std::string_view code) {
    if (code.size() < 2 || code.size() > 3) return false;
    return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  }

  void add_segmentation(const pugi::xml_node& node, language_segmentation& language) {
    for (const pugi::xml_attribute a : node.attributes()) {
      const std::string_view name = a.name();
      const std::string_view value = a.value();
      if (name == "ordinal-dot" && (value == "true" || value == "false")) {
        language.ordinal_dot = value == "true";
      } else if (name == "terminals") {
        language.terminals = value;
      } else {
        fail(error_id::invalid_value, offset(node),
             "<segmentation> has invalid attribute " + std::string(name) + "='" +
                 std::string(value) + "' (ordinal-dot=\"true|false\", terminals=\"...\")");
      }
    }
  }

  // The lookup key of one part of an abbreviation: a single letter and its period as written,
  // anything longer lower-cased.
  static std::string abbreviation_key(std::string_view part) {
    std::size_t i = 0;
    next_cp(part, i);
    return i + 1 == part.size() ? std::string(part) : unicode_lower(part);
  }

  void add_abbreviations(const pugi::xml_node& node, language_segmentation& language) {
    const std::string_view kind = required(node, "kind");
    abbreviation_kind k;
    if (kind == "title") {
      k = abbreviation_kind::title;
    } else if (kind == "ambiguous") {
      k = abbreviation_kind::ambiguous;
    } else if (kind == "number") {
      k = abbreviation_kind::number;
    } else if (kind == "final") {
      k = abbreviation_kind::final;
    } else {
      fail(error_id::invalid_value, offset(node),
           "<abbreviations> has invalid kind '" + std::string(kind) +
               "' (title, ambiguous, number or final)");
    }
    for_each_word(node.text().get(), [&](std::string_view w) {
      // "z._B." is "z. B.": every part ends with a period.
      std::string key;
      std::size_t from = 0;
      while (true) {
        const std::size_t cut = w.find('_', from);
        const std::string_view part =
            w.substr(from, cut == std::string_view::npos ? w.npos : cut - from);
        if (part.empty() || part.back() != '.') {
          fail(error_id::invalid_value, offset(node),
               "abbreviation '" + std::string(w) + "' must end with a period" +
                   (cut == std::string_view::npos ? "" : " in every part"));
        }
        key += abbreviation_key(part);
        if (cut == std::string_view::npos) break;
        language.abbreviations.try_emplace(key, abbreviation_kind::part);
        key += '_';
        from = cut + 1;
      }
      language.abbreviations[key] = k;
      ++data_.entries;
    });
  }

  void add_words(const pugi::xml_node& node) {
    const std::string_view cls = required(node, "class");
    const auto* begin = std::begin(word_class_names);
    const auto* found = std::find(begin, std::end(word_class_names), cls);
    if (found == std::end(word_class_names)) {
      fail(error_id::invalid_value, offset(node),
           "<words> has unknown class '" + std::string(cls) + "'");
    }
    const std::uint64_t bit = std::uint64_t{1} << static_cast<unsigned>(found - begin);
    each_entry(node, [&](std::string_view w) { entry(w).classes |= bit; });
  }

  int add_simple(std::vector<simple_cue>& table, const pugi::xml_node& node) {
    table.push_back({std::string(required(node, "lemma")), parse_attr<cue_class>(node, "class")});
    return static_cast<int>(table.size() - 1);
  }

  void add_cues(const pugi::xml_node& cues) {
    for (const pugi::xml_node node : cues.children()) {
      if (node.type() != pugi::node_element) continue;
      const std::string_view tag = node.name();
      if (tag == "verb") {
        add_verb(node);
      } else if (tag == "phrase") {
        const int i = add_simple(data_.phrases, node);
        each_entry(node, [&](std::string_view w) { entry(w).phrase = i; });
      } else if (tag == "adverb") {
        const int i = add_simple(data_.adverbs, node);
        each_entry(node, [&](std::string_view w) { entry(w).adverb = i; });
      } else if (tag == "impersonal") {
        const int i = add_simple(data_.impersonals, node);
        each_entry(node, [&](std::string_view w) { entry(w).impersonal = i; });
      } else if (tag == "raising") {
        const int i = add_simple(data_.raisings, node);
        each_entry(node, [&](std::string_view w) { entry(w).raising = i; });
      } else if (tag == "noun") {
        const int i = add_simple(data_.nouns, node);
        each_entry(node, [&](std::string_view w) { entry(w).noun = i; });
      } else if (tag == "adjective") {
        const int i = add_simple(data_.adjectives, node);
        each_entry(node, [&](std::string_view w) { entry(w).adjective = i; });
      } else {
        fail(error_id::unexpected_element, offset(node),
             "unknown element <" + std::string(tag) + "> in <cues>");
      }
    }
  }

  void add_verb(const pugi::xml_node& node) {
    verb_cue v;
    v.lemma = required(node, "lemma");
    v.kind = parse_attr<cue_class>(node, "class");
    if (node.attribute("person-class")) v.person_kind = parse_attr<cue_class>(node, "person-class");
    const std::string_view takes =
        node.attribute("takes") ? node.attribute("takes").value() : "that";
    if (takes == "clause") {
      v.frame = verb_frame::clause;
    } else if (takes == "that") {
      v.frame = verb_frame::that;
    } else if (takes == "that-only") {
      v.frame = verb_frame::that_only;
    } else if (takes == "to") {
      v.frame = verb_frame::to;
    } else if (takes == "parenthetical") {
      v.frame = verb_frame::parenthetical;
    } else if (takes == "of") {
      v.frame = verb_frame::of;
    } else if (takes == "source") {
      v.frame = verb_frame::source;
    } else if (takes == "quote") {
      v.frame = verb_frame::quote;
    } else {
      fail(error_id::invalid_value, offset(node),
           "<verb> has invalid takes '" + std::string(takes) +
               "' (clause, that, that-only, to, parenthetical, of, source or quote)");
    }
    v.needs_object = std::string_view(node.attribute("object").value()) == "required";
    data_.verbs.push_back(std::move(v));
    const int index = static_cast<int>(data_.verbs.size() - 1);
    for_each_word(required(node, "forms"), [&](std::string_view w) {
      word_entry& e = entry(w);
      e.verb = index;
      const std::string_view head = w.substr(0, w.find('_'));
      e.verb_gerund = head.size() > 4 && head.substr(head.size() - 3) == "ing";
      e.verb_past = head.size() > 3 && (head.substr(head.size() - 2) == "ed" || head == "told" ||
                                        head == "thought" || head == "wrote" || head == "found" ||
                                        head == "felt" || head == "shown" || head == "written");
    });
  }

  lexicon_data& data_;
  std::string_view xml_;
  std::string_view name_;
};

inline std::shared_ptr<const lexicon_data> build_lexicon(const std::vector<std::string>& sources,
                                                         const std::vector<std::string>& names) {
  auto data = std::make_shared<lexicon_data>();
  lexicon_builder builder(*data);
  for (std::size_t i = 0; i < sources.size(); ++i) builder.add(sources[i], names[i]);
  // Mark the first word of every two-word entry, so the tokenizer looks up pairs only there.
  std::vector<std::string> firsts;
  for (const auto& [key, entry] : data->words) {
    const auto cut = key.find('_');
    if (cut != std::string::npos && cut > 0) firsts.push_back(key.substr(0, cut));
  }
  for (const std::string& f : firsts) data->words[f].starts_phrase = true;
  data->finish();
  return data;
}

}  // namespace detail

HEARSAY_FUNC lexicon::lexicon() : data_(std::make_shared<detail::lexicon_data>()) {}

HEARSAY_FUNC lexicon lexicon::builtin() {
  // Parsed once per process; copies share it.
  // The hand-written lexicon, the treebank's word classes (data/word_classes.en.xml), then each
  // further language's segmentation data (data/lexicon.<lang>.xml).
  static const lexicon instance = [] {
    std::vector<std::string> sources{std::string(detail::builtin_lexicon_xml),
                                     std::string(detail::builtin_word_classes_xml)};
    std::vector<std::string> names{"builtin:lexicon.xml", "builtin:word_classes.en.xml"};
    for (std::size_t i = 0; i < detail::builtin_lexicon_xml_extra.size(); ++i) {
      sources.emplace_back(detail::builtin_lexicon_xml_extra[i]);
      names.push_back("builtin:" + std::string(detail::builtin_lexicon_xml_extra_names[i]));
    }
    lexicon out;
    out.data_ = detail::build_lexicon(sources, names);
    return out;
  }();
  return instance;
}

HEARSAY_FUNC lexicon lexicon::from_string(std::string_view xml, std::string_view name) {
  lexicon out;
  out.data_ = detail::build_lexicon({std::string(xml)}, {std::string(name)});
  return out;
}

HEARSAY_FUNC lexicon lexicon::from_file(const std::string& path) {
  const std::string xml = read_file(path);
  return from_string(xml, path);
}

HEARSAY_FUNC lexicon_load_result lexicon::try_from_file(const std::string& path, lexicon& out) {
  lexicon_load_result result;
  try {
    out = from_file(path);
  } catch (const parse_error& e) {
    result.ok = false;
    result.id = e.id();
    result.where = text_position{e.offset(), e.line(), e.column()};
    result.message = e.what();
  } catch (const error& e) {
    result.ok = false;
    result.id = e.id();
    result.message = e.what();
  }
  return result;
}

HEARSAY_FUNC void lexicon::merge(const lexicon& other) {
  std::vector<std::string> sources = data_->sources;
  sources.insert(sources.end(), other.data_->sources.begin(), other.data_->sources.end());
  std::vector<std::string> names(sources.size(), "<merged>");
  data_ = detail::build_lexicon(sources, names);
}

HEARSAY_FUNC const std::vector<std::string>& lexicon::sources() const noexcept {
  return data_->sources;
}

HEARSAY_FUNC std::size_t lexicon::size() const noexcept { return data_->entries; }

}  // namespace hearsay

#endif  // HEARSAY_LEXICON_INL_HPP
