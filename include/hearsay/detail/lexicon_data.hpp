// The compiled form of a lexicon: hash tables from lower-cased words to what the rules need.
#ifndef HEARSAY_DETAIL_LEXICON_DATA_HPP
#define HEARSAY_DETAIL_LEXICON_DATA_HPP

#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "hearsay/claim.hpp"

// Word packing and the tokens' literal comparisons are one integer operation each once inlined;
// GCC at -O2 sometimes leaves them as calls in the large rule functions.
#if defined(__GNUC__)
#define HEARSAY_ALWAYS_INLINE [[gnu::always_inline]] inline
#define HEARSAY_LAMBDA_ALWAYS_INLINE __attribute__((always_inline))
#else
#define HEARSAY_ALWAYS_INLINE inline
#define HEARSAY_LAMBDA_ALWAYS_INLINE
#endif

namespace hearsay::detail {

/// Closed word classes (lexicon <words class="...">), one bit each.
enum word_class : std::uint32_t {
  wc_determiner = 1u << 0,
  wc_pronoun = 1u << 1,
  wc_person_pronoun = 1u << 2,
  wc_group_pronoun = 1u << 3,
  wc_thing_pronoun = 1u << 4,
  wc_auxiliary = 1u << 5,
  wc_modal = 1u << 6,
  wc_negation = 1u << 7,
  wc_negation_subject = 1u << 8,
  wc_preposition = 1u << 9,
  wc_coordinator = 1u << 10,
  wc_clause_opener = 1u << 11,
  wc_dependent_opener = 1u << 12,
  wc_relative = 1u << 13,
  wc_question = 1u << 14,
  wc_sentence_opener = 1u << 15,
  wc_adjunct = 1u << 16,
  wc_weekday = 1u << 17,
  wc_nationality = 1u << 18,
  wc_anonymous_marker = 1u << 19,
  wc_back_reference = 1u << 20,
  wc_venue = 1u << 21,
  wc_time = 1u << 22,
  wc_finite = 1u << 23,
  wc_proposition_noun = 1u << 24,
  wc_label = 1u << 25,
  wc_subject_pronoun = 1u << 26,
  wc_article = 1u << 27,
  wc_time_modifier = 1u << 28,
  wc_not_clause = 1u << 29,
  // From the treebank (data/word_classes.en.xml): whether a form can be a verb.
  wc_verb_form = 1u << 30,
  wc_never_verb = 1u << 31,
};

/// Lexicon classes past the 32 of the enum (the bit after its last, in word_class_names order).
inline constexpr std::uint64_t wc_imperative = 1ull << 32;  ///< An imperative verb in the treebank.

/// The treebank's part-of-speech classes: they say what a word is, not how rules treat it.
inline constexpr std::uint64_t wc_part_of_speech = wc_verb_form | wc_never_verb | wc_imperative;

// Not lexicon classes: summaries of a word's entry that lexicon_data::finish() sets, so that the
// rules test a bit of the token instead of reading the entry (one cache line further) each time.
/// A word that may start an attribution frame (a verb, phrase, adverb, impersonal, raising or
/// noun cue, or the first word of a two-word entry; the tokenizer adds it to the tokens "it" and
/// "according", which open "it is thought that" and "according to"): the frame finder skips all
/// others at once.
inline constexpr std::uint64_t wc_cue_word = 1ull << 48;
inline constexpr std::uint64_t wc_verb_word = 1ull << 49;      ///< entry->verb >= 0.
inline constexpr std::uint64_t wc_hedge_word = 1ull << 50;     ///< entry->hedge is set.
inline constexpr std::uint64_t wc_source_noun = 1ull << 51;    ///< entry->source_noun is set.
inline constexpr std::uint64_t wc_starts_phrase = 1ull << 52;  ///< entry->starts_phrase.
/// The bits that come from the lexicon's <words class="..."> lists.
inline constexpr std::uint64_t wc_lexicon_classes = (1ull << 48) - 1;

/// The class names as written in the lexicon, in bit order.
inline constexpr std::string_view word_class_names[] = {"determiner",
                                                        "pronoun",
                                                        "person-pronoun",
                                                        "group-pronoun",
                                                        "thing-pronoun",
                                                        "auxiliary",
                                                        "modal",
                                                        "negation",
                                                        "negation-subject",
                                                        "preposition",
                                                        "coordinator",
                                                        "clause-opener",
                                                        "dependent-opener",
                                                        "relative",
                                                        "question",
                                                        "sentence-opener",
                                                        "adjunct",
                                                        "weekday",
                                                        "nationality",
                                                        "anonymous-marker",
                                                        "back-reference",
                                                        "venue",
                                                        "time",
                                                        "finite",
                                                        "proposition-noun",
                                                        "label",
                                                        "subject-pronoun",
                                                        "article",
                                                        "time-modifier",
                                                        "not-clause",
                                                        "verb-form",
                                                        "never-verb",
                                                        "imperative"};

/// How an abbreviation's period behaves at a sentence boundary (docs/LEXICON.md). `part` is no
/// list of its own: the leading parts of a multi-part entry ("z." of "z._b."), which end nothing
/// when the rest follows.
enum class abbreviation_kind : std::uint8_t { title, ambiguous, number, final, part };

/// What a verb cue needs around it to attribute a claim.
enum class verb_frame : std::uint8_t {
  clause,         ///< "said the plan failed": any clause object.
  that,           ///< only "that ...", a quote or a parenthetical use.
  that_only,      ///< only "that ..." or a quote: "you know," is no frame (know, realize).
  to,             ///< "that ...", or an object and an infinitive: "expects prices to fall".
  parenthetical,  ///< only ", she added." / "“…,” she added" and "added that".
  of,             ///< "accused X of Y".
  source,         ///< "citing X": introduces a further source.
  quote,          ///< "called the offer “a good first step”": an object, then a quotation.
};

struct verb_cue {
  std::string lemma;
  cue_class kind = cue_class::report;
  std::optional<cue_class> person_kind;  ///< Class when the source is a person or group.
  verb_frame frame = verb_frame::that;
  bool needs_object = false;  ///< "told reporters that": an object precedes the content.
};

/// A cue that is not a verb: its lemma and class.
struct simple_cue {
  std::string lemma;
  cue_class kind = cue_class::report;
};

/// Everything the lexicon says about one lower-cased word or "_"-joined phrase.
struct word_entry {
  std::uint64_t classes = 0;
  int verb = -1;  ///< Index into lexicon_data::verbs.
  bool verb_gerund = false;
  bool verb_past = false;
  int phrase = -1;      ///< Index into phrases ("according to", "citing").
  int adverb = -1;      ///< Index into adverbs.
  int impersonal = -1;  ///< Index into impersonals ("it is thought").
  int raising = -1;     ///< Index into raisings ("is seen as").
  int noun = -1;        ///< Index into nouns ("speculation").
  int adjective = -1;   ///< Index into adjectives ("is confident that").
  std::optional<source_kind> source_noun;
  std::optional<certainty> hedge;
  bool starts_phrase = false;  ///< Some "_"-joined entry begins with this word.
};

// FNV-1a: lexicon keys are short words, for which it beats the general-purpose string hash.
struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};
template <class T>
using word_map = std::unordered_map<std::string, T, string_hash, std::equal_to<>>;

/// The first 8 bytes of `s` (all of a short word) in an integer, first byte lowest: words of up
/// to 8 bytes then compare and hash as one integer.
HEARSAY_ALWAYS_INLINE constexpr std::uint64_t pack_prefix8(std::string_view s) noexcept {
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  };
  if (std::is_constant_evaluated() || std::endian::native != std::endian::little) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < s.size() && i < 8; ++i) v |= byte(i);
    return v;
  }
  // Whole loads rather than a loop over the bytes, whose exit would be a mispredicted branch for
  // most words.
  if (s.size() >= 8) {
    std::uint64_t v = 0;
    std::memcpy(&v, s.data(), 8);
    return v;
  }
  if (s.size() >= 4) {  // two loads of four that overlap: a byte in both is OR-ed with itself
    std::uint32_t head = 0, tail = 0;
    std::memcpy(&head, s.data(), 4);
    std::memcpy(&tail, s.data() + s.size() - 4, 4);
    return head | (std::uint64_t{tail} << (8 * (s.size() - 4)));
  }
  if (s.empty()) return 0;
  return byte(0) | byte(s.size() / 2) | byte(s.size() - 1);  // bytes 0,0,0 / 0,1,1 / 0,1,2
}

/// A read-only open-addressing copy of a finished word_map: the tokenizer looks up every word of
/// every text, and std::unordered_map's node walk (re-hashing each node it passes, each node
/// elsewhere in memory) was the largest single cost of analysis.
template <class T>
class flat_word_index {
 public:
  void build(const word_map<T>& map) {
    std::size_t capacity = 16;
    while (capacity < 2 * map.size()) capacity *= 2;  // load at most one half: short probes
    slots_.assign(capacity, slot{});
    mask_ = capacity - 1;
    keys_.clear();
    entries_.clear();
    values_.clear();
    entries_.reserve(map.size() + 1);
    values_.reserve(map.size() + 1);
    entries_.push_back(entry{0, 0, 0});  // the sentinel: find() reads it for a slot that differs
    values_.push_back(T{});
    for (const auto& [key, value] : map) {
      const std::uint64_t h = hash(key);
      std::size_t i = static_cast<std::size_t>(h) & mask_;
      while (slots_[i].entry) i = (i + 1) & mask_;
      entries_.push_back(entry{pack(key), static_cast<std::uint32_t>(keys_.size()),
                               static_cast<std::uint32_t>(key.size())});
      values_.push_back(value);
      keys_ += key;
      slots_[i] = slot{static_cast<std::uint32_t>(h >> 32),
                       static_cast<std::uint32_t>(entries_.size() - 1)};
    }
  }

  const T* find(std::string_view word) const noexcept { return find(word, hash(word), pack(word)); }

  /// Find `word`, whose hash() is `h` and pack() is `packed` (computed by the caller on the way).
  const T* find(std::string_view word, std::uint64_t h, std::uint64_t packed) const noexcept {
    if (slots_.empty()) return nullptr;
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = static_cast<std::size_t>(h) & mask_;; i = (i + 1) & mask_) {
      // No branch until the verdict, which for most words is the first slot's (found, or an empty
      // slot): whether a word of the text is in the lexicon is not predictable, and a mispredicted
      // branch costs more than the few operations below. A slot with another tag reads the
      // sentinel entry, which matches nothing.
      const slot s = slots_[i];
      const std::uint32_t at = s.tag == tag ? s.entry : 0;
      const entry& e = entries_[at];
      bool match = (at != 0) & (e.size == word.size()) & (e.packed == packed);
      if (match & (word.size() > 8)) {
        match =
            std::char_traits<char>::compare(keys_.data() + e.key, word.data(), word.size()) == 0;
      }
      if (match | (s.entry == 0)) return match ? &values_[at] : nullptr;
    }
  }

  /// Hash eight bytes at a time (a word of up to 8 bytes is one multiply): every word of every
  /// text is looked up. `hash_packed` gives the same value from a short word's size and pack().
  static constexpr std::uint64_t mix(std::uint64_t x) noexcept {
    x *= 0xFF51AFD7ED558CCDULL;
    return x ^ (x >> 32);
  }
  static constexpr std::uint64_t hash_packed(std::size_t size, std::uint64_t packed) noexcept {
    return mix((static_cast<std::uint64_t>(size) * 0x9E3779B97F4A7C15ULL) ^ packed);
  }
  static constexpr std::uint64_t hash(std::string_view s) noexcept {
    std::uint64_t h = static_cast<std::uint64_t>(s.size()) * 0x9E3779B97F4A7C15ULL;
    for (std::size_t i = 0; i < s.size(); i += 8) h = mix(h ^ pack(s.substr(i, 8)));
    if (s.empty()) h = mix(h);
    return h;
  }
  /// The first 8 bytes (all of a short word) in an integer: pack_prefix8().
  static constexpr std::uint64_t pack(std::string_view s) noexcept { return pack_prefix8(s); }

 private:
  // Contiguous arrays, so that the few thousand words stay in the inner caches: slots of 8 bytes
  // (the upper half of the hash as a tag, and the entry's index, 0 marking an empty slot: entry 0
  // is a sentinel),
  // entries of 16 (a word of up to 8 bytes compares as one integer), values, keys end to end.
  struct slot {
    std::uint32_t tag = 0;
    std::uint32_t entry = 0;
  };
  struct entry {
    std::uint64_t packed;
    std::uint32_t key;  ///< Offset in keys_.
    std::uint32_t size;
  };

  std::vector<slot> slots_;
  std::vector<entry> entries_;
  std::vector<T> values_;
  std::string keys_;
  std::size_t mask_ = 0;
};

/// One language's sentence-segmentation data (data/lexicon.xml for English, data/lexicon.<lang>.xml
/// for the others; docs/LEXICON.md).
struct language_segmentation {
  /// Lower-cased, with their periods ("u.s.", "z._b." for "z. B."); a single letter and its
  /// period keeps its case ("v." versus, "M." monsieur), so that it is not taken for an initial.
  word_map<abbreviation_kind> abbreviations;
  word_map<bool> openers;    ///< Lower-cased words that typically open a sentence ("der", "il").
  bool ordinal_dot = false;  ///< "am 3. Oktober": a number's period marks an ordinal.
  std::string terminals;     ///< Further sentence terminals, UTF-8 (Greek ";").
  flat_word_index<abbreviation_kind> abbreviation_index;  ///< Built by finish().

  const abbreviation_kind* find_abbreviation(std::string_view abbreviation) const noexcept {
    return abbreviation_index.find(abbreviation);
  }
};

struct lexicon_data {
  std::vector<std::string> sources;
  std::size_t entries = 0;
  /// Segmentation data per language code ("en", "de"); English always exists.
  std::map<std::string, language_segmentation, std::less<>> languages{{"en", {}}};
  word_map<abbreviation_kind>& abbreviations = languages.at("en").abbreviations;  ///< English.
  word_map<word_entry> words;      ///< Lower-cased words and "_"-joined phrases.
  word_map<source_kind> names;     ///< Case-sensitive proper names ("NHK", "White_House").
  std::size_t longest_phrase = 1;  ///< Most words in a "_"-joined entry.
  std::vector<verb_cue> verbs;
  std::vector<simple_cue> phrases, adverbs, impersonals, raisings, nouns, adjectives;
  // Lookup copies of the maps above, built by finish() once they are complete.
  flat_word_index<word_entry> index;
  flat_word_index<source_kind> name_index;

  lexicon_data() = default;
  lexicon_data(const lexicon_data&) = delete;  // `abbreviations` refers into `languages`
  lexicon_data& operator=(const lexicon_data&) = delete;

  /// Build the lookup indexes; call once the maps are complete.
  void finish() {
    for (auto& [key, e] : words) {
      const bool cue = e.verb >= 0 || e.phrase >= 0 || e.adverb >= 0 || e.impersonal >= 0 ||
                       e.raising >= 0 || e.noun >= 0 || e.adjective >= 0 || e.starts_phrase;
      e.classes &= wc_lexicon_classes;
      if (cue) e.classes |= wc_cue_word;
      if (e.verb >= 0) e.classes |= wc_verb_word;
      if (e.hedge) e.classes |= wc_hedge_word;
      if (e.source_noun) e.classes |= wc_source_noun;
      if (e.starts_phrase) e.classes |= wc_starts_phrase;
    }
    index.build(words);
    name_index.build(names);
    for (auto& [code, language] : languages) {
      language.abbreviation_index.build(language.abbreviations);
    }
    english_ = &languages.at("en");
  }

  /// The segmentation data of language `code` ("en", "de"), or nullptr.
  const language_segmentation* language(std::string_view code) const noexcept {
    const auto it = languages.find(code);
    return it == languages.end() ? nullptr : &it->second;
  }

  /// Return the kind of the case-sensitive name `name` ("NHK", "White_House"), or nullptr.
  const source_kind* find_name(std::string_view name) const noexcept {
    return name_index.find(name);
  }
  /// find_name() for a name whose pack8() form `packed` the caller has (tokens carry it).
  const source_kind* find_name(std::string_view name, std::uint64_t packed) const noexcept {
    if (name.size() > 8) return name_index.find(name);
    using index_type = flat_word_index<source_kind>;
    return name_index.find(name, index_type::hash_packed(name.size(), packed), packed);
  }
  /// Return the kind of the lower-cased abbreviation `abbreviation` ("u.s."), or nullptr.
  const abbreviation_kind* find_abbreviation(std::string_view abbreviation) const noexcept {
    return english_->find_abbreviation(abbreviation);
  }

  /// Return the entry of lower-cased `word`, or nullptr.
  const word_entry* find(std::string_view word) const noexcept { return index.find(word); }

 private:
  const language_segmentation* english_ = &languages.at("en");

 public:
  const word_entry* find(std::string_view word, std::uint64_t hash,
                         std::uint64_t packed) const noexcept {
    return index.find(word, hash, packed);
  }
};

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_LEXICON_DATA_HPP
