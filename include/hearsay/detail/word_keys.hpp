// The keys matching compares (SPEC 9): a word's Snowball stem, hashed; 0 for a stop word. One
// table per thread and language, because a Snowball stemmer is not thread-safe and stemming the
// same frequent words again and again would cost more than a lookup.
#ifndef HEARSAY_DETAIL_WORD_KEYS_HPP
#define HEARSAY_DETAIL_WORD_KEYS_HPP

#include <libstemmer.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "hearsay/detail/builtin_stopwords.hpp"

namespace hearsay::detail {

/// FNV-1a, 64 bits: a key the same on every machine (std::hash is not).
inline std::uint64_t stable_hash(std::string_view bytes,
                                 std::uint64_t h = 14695981039346656037ull) noexcept {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

/// Return the key of a number written with the digits `digits` ("2000", "7.5"): apart from
/// every word's key, so that the number 2000 and a word "2000s" never meet.
inline std::uint64_t number_key(std::string_view digits) noexcept {
  return stable_hash(digits, stable_hash("#"));
}

/// Return the two-letter code whose tables apply to `language` ("en-GB" -> "en"; "en" for an
/// empty or unknown one).
inline std::string_view matching_language(std::string_view language) noexcept {
  const std::string_view code = language.substr(0, 2);
  for (const std::string_view known : {"de", "fr", "es", "it", "nl", "pt", "sv", "ru"}) {
    if (code == known) return known;
  }
  return "en";
}

/// Return the stop words of `language`, from data/stopwords.<lang>.txt (# starts a comment).
inline std::unordered_set<std::string> stop_words_of(std::string_view language) {
  std::unordered_set<std::string> out;
  std::string_view list;
  if (language == "en") list = builtin_stopwords_en;
  std::size_t i = 0;
  while (i < list.size()) {
    std::size_t end = list.find('\n', i);
    if (end == std::string_view::npos) end = list.size();
    std::string_view line = list.substr(i, end - i);
    i = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') out.emplace(line);
  }
  return out;
}

/// One step of FNV-1a: what stable_hash does for each byte, for hashing while folding.
inline std::uint64_t hash_byte(std::uint64_t h, unsigned char byte) noexcept {
  return (h ^ byte) * 1099511628211ull;
}
inline constexpr std::uint64_t hash_start = 14695981039346656037ull;

/// Feed the UTF-8 bytes of code point `c` to the running hash `h`.
inline std::uint64_t hash_code_point(std::uint64_t h, UChar32 c) noexcept {
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, c, error);
  for (std::int32_t k = 0; k < len && !error; ++k)
    h = hash_byte(h, static_cast<unsigned char>(buf[k]));
  return h;
}

class word_keys {
 public:
  explicit word_keys(std::string_view language)
      : stemmer_(sb_stemmer_new(std::string(language).c_str(), "UTF_8")), slots_(1u << 14) {
    if (!stemmer_) stemmer_ = sb_stemmer_new("english", "UTF_8");
    for (const std::string& w : stop_words_of(language)) stops_.insert(stable_hash(w));
  }
  ~word_keys() {
    if (stemmer_) sb_stemmer_delete(stemmer_);
  }
  word_keys(const word_keys&) = delete;
  word_keys& operator=(const word_keys&) = delete;

  /// Return true when the case-folded word whose stable_hash is `folded_hash` is a stop word.
  bool is_stop(std::uint64_t folded_hash) const { return stops_.contains(folded_hash); }
  bool is_stop(std::string_view folded) const { return is_stop(stable_hash(folded)); }

  /// Return the key of a case-folded word known by its stable_hash, or 0 when it is a stop word.
  /// `folded` gives the word itself when it is not yet in the table (it is stemmed then).
  template <class Fold>
  std::uint64_t key(std::uint64_t folded_hash, Fold folded) {
    if (folded_hash == 0) folded_hash = 1;  // 0 marks an empty slot
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = folded_hash & mask;; i = (i + 1) & mask) {
      if (slots_[i].word == folded_hash) return slots_[i].key;
      if (slots_[i].word == 0) break;
    }
    // A bounded table: a feed of rare names must not grow it without end.
    if (used_ * 2 >= slots_.size()) {
      if (slots_.size() < max_slots) {
        grow();
      } else {
        std::fill(slots_.begin(), slots_.end(), slot{});
        used_ = 0;
      }
      mask = slots_.size() - 1;
    }
    std::uint64_t k = 0;
    if (!stops_.contains(folded_hash)) {
      k = stable_hash(stem(folded()));
      if (k == 0) k = 1;
    }
    insert(folded_hash, k);
    return k;
  }

  /// Return the Snowball stem of case-folded `word`.
  std::string stem(std::string_view word) {
    if (!stemmer_ || word.empty()) return std::string(word);
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
    if (!s) return std::string(word);  // out of memory inside Snowball: the word as it is
    return std::string(reinterpret_cast<const char*>(s),
                       static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }

 private:
  struct slot {
    std::uint64_t word = 0;  // stable_hash of the folded word; 0: empty
    std::uint64_t key = 0;   // stable_hash of its stem; 0: a stop word
  };
  static constexpr std::size_t max_slots = 1u << 19;

  void insert(std::uint64_t word, std::uint64_t key) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = word & mask;
    while (slots_[i].word != 0) i = (i + 1) & mask;
    slots_[i] = {word, key};
    ++used_;
  }
  void grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    used_ = 0;
    for (const slot& s : old) {
      if (s.word != 0) insert(s.word, s.key);
    }
  }

  sb_stemmer* stemmer_;
  std::unordered_set<std::uint64_t> stops_;
  std::vector<slot> slots_;
  std::size_t used_ = 0;
};

/// Return this thread's table for `language` (a matching_language() code).
inline word_keys& word_keys_for(std::string_view language) {
  thread_local std::vector<std::pair<std::string, std::unique_ptr<word_keys>>> tables;
  for (auto& [code, table] : tables) {
    if (code == language) return *table;
  }
  tables.emplace_back(std::string(language), std::make_unique<word_keys>(language));
  return *tables.back().second;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_WORD_KEYS_HPP
