// Definitions for match.hpp.
#ifndef HEARSAY_MATCH_INL_HPP
#define HEARSAY_MATCH_INL_HPP

#include <unicode/uchar.h>

#include <algorithm>

#include "hearsay/detail/unicode.hpp"
#include "hearsay/detail/word_keys.hpp"
#include "hearsay/match.hpp"

namespace hearsay {

namespace detail {

/// A word of SPEC 6 (a run of letters and digits) as the matcher first sees it.
struct raw_word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint64_t hash = hash_start;  ///< stable_hash of its case fold, made while scanning.
  bool capital = false;             ///< Its first letter is upper or title case.
  bool all_caps = false;            ///< Two letters or more, none lower case ("NHK").
  bool digits = true;               ///< ASCII digits only.
};

// The words of text[where], each with the hash of its case fold: one pass, no string built (a
// word is folded into a string only when the table of keys has not seen it).
inline void scan_words(std::string_view text, span where, std::vector<raw_word>& out) {
  out.clear();
  std::size_t i = where.begin;
  raw_word w;
  bool in_word = false;
  std::size_t letters = 0;
  bool lower = false;
  const auto finish = [&](std::size_t at) {
    w.end = at;
    w.all_caps = letters >= 2 && !lower;
    out.push_back(w);
    in_word = false;
  };
  while (i < where.end) {
    const std::size_t at = i;
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      const bool digit = byte >= '0' && byte <= '9';
      const bool upper = byte >= 'A' && byte <= 'Z';
      const bool low = byte >= 'a' && byte <= 'z';
      if (!digit && !upper && !low) {
        if (in_word) finish(at);
        continue;
      }
      if (!in_word) {
        w = raw_word{at, at, hash_start, upper, false, true};
        in_word = true;
        letters = 0;
        lower = false;
      }
      if (!digit) {
        w.digits = false;
        ++letters;
        lower = lower || low;
      }
      w.hash = hash_byte(w.hash, upper ? static_cast<unsigned char>(byte + 32) : byte);
      continue;
    }
    const UChar32 c = next_cp(text, i);
    if (c < 0 || !u_isalnum(c)) {
      if (in_word) finish(at);
      continue;
    }
    const bool digit = u_isdigit(c);
    if (!in_word) {
      w = raw_word{at, at, hash_start, !digit && (u_isupper(c) || u_istitle(c)), false, false};
      in_word = true;
      letters = 0;
      lower = false;
    }
    w.digits = false;  // a non-ASCII digit is not one SPEC's numbers compare
    if (!digit) {
      ++letters;
      lower = lower || u_islower(c);
    }
    w.hash = hash_code_point(w.hash, u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  if (in_word) finish(where.end);
}

/// Set `out` to the case fold of `word` (valid UTF-8).
inline void fold_into(std::string_view word, std::string& out) {
  out.clear();
  std::size_t i = 0;
  while (i < word.size()) {
    const auto byte = static_cast<unsigned char>(word[i]);
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte + 32) : word[i]);
      ++i;
      continue;
    }
    const UChar32 c = next_cp(word, i);
    if (c < 0) continue;
    char buf[4];
    std::int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, u_foldCase(c, U_FOLD_CASE_DEFAULT),
              error);
    if (!error) out.append(buf, static_cast<std::size_t>(len));
  }
}

/// Return the length of the apostrophe at `text[i]` (' or U+2019), or 0.
inline std::size_t apostrophe_at(std::string_view text, std::size_t i) noexcept {
  if (i < text.size() && text[i] == '\'') return 1;
  if (text.substr(i, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

inline bool is_clitic(std::string_view folded) noexcept {
  for (const std::string_view c : {"s", "t", "d", "ll", "re", "ve", "m"}) {
    if (folded == c) return true;
  }
  return false;
}

}  // namespace detail

/// Builds a content from the words of a span: joins what SPEC 6's words split ("2,000", "U.S.",
/// "isn't"), drops stop words, keys the rest and collects names and numbers.
class content_builder {
 public:
  content_builder(std::string_view text, const content_options& options)
      : text_(text),
        options_(options),
        keys_(detail::word_keys_for(detail::matching_language(options.language))) {}

  content build(span where) {
    content out;
    thread_local std::vector<detail::raw_word> words;
    detail::scan_words(text_, where, words);
    out.words_.reserve(words.size() + 2);
    const std::size_t first_word = first_word_of_sentence(where);
    std::size_t i = 0;
    while (i < words.size()) {
      const detail::raw_word& w = words[i];
      if (w.digits) {
        i = add_number(out, words, i);
        continue;
      }
      if (const std::size_t next = join_initials(words, i); next > i + 1) {
        add_acronym(out, span{w.begin, words[next - 1].end});
        i = next;
        continue;
      }
      // A contraction is looked up whole ("isn't"); a clitic after an apostrophe is dropped.
      if (const std::size_t a = detail::apostrophe_at(text_, w.end);
          a && i + 1 < words.size() && words[i + 1].begin == w.end + a && !words[i + 1].digits) {
        const detail::raw_word& piece = words[i + 1];
        std::uint64_t joined = detail::hash_byte(w.hash, '\'');
        const std::string_view piece_text = text_.substr(piece.begin, piece.end - piece.begin);
        detail::fold_into(piece_text, piece_);
        for (const char ch : piece_)
          joined = detail::hash_byte(joined, static_cast<unsigned char>(ch));
        if (keys_.is_stop(joined)) {
          close_name();
          i += 2;
          continue;
        }
        if (detail::is_clitic(piece_)) {
          add_word(out, w, w.begin == first_word);
          i += 2;
          continue;
        }
      }
      // "per cent" is "percent".
      if (w.hash == per_hash_ && i + 1 < words.size() && words[i + 1].hash == cent_hash_) {
        add_key(out, percent_key(), words[i].begin, words[i + 1].end, false);
        i += 2;
        continue;
      }
      add_word(out, w, w.begin == first_word);
      ++i;
    }
    std::sort(out.words_.begin(), out.words_.end());
    return out;
  }

 private:
  std::uint64_t key_of(std::string_view word) {
    return keys_.key(detail::stable_hash(word), [word] { return std::string(word); });
  }
  std::uint64_t percent_key() { return key_of("percent"); }

  // The byte where the sentence's first word begins (its capital is not a name's).
  std::size_t first_word_of_sentence(span where) const {
    if (options_.sentence_begin > where.begin) return where.begin;
    std::size_t i = options_.sentence_begin;
    while (i < where.begin) {
      const std::size_t at = i;
      const UChar32 c = detail::next_cp(text_, i);
      if (c >= 0 && u_isalnum(c)) return at;
    }
    return where.begin;
  }

  // "U.S.", "U.K.": single capitals joined by full stops are one acronym. Return one past the
  // last joined word (i + 1 when there is nothing to join).
  std::size_t join_initials(const std::vector<detail::raw_word>& words, std::size_t i) const {
    std::size_t j = i;
    while (j + 1 < words.size() && single_capital(words[j]) && single_capital(words[j + 1]) &&
           words[j].end < text_.size() && text_[words[j].end] == '.' &&
           words[j + 1].begin == words[j].end + 1) {
      ++j;
    }
    return j + 1;
  }
  bool single_capital(const detail::raw_word& w) const {
    return w.end == w.begin + 1 && text_[w.begin] >= 'A' && text_[w.begin] <= 'Z';
  }

  // A run of digits, with "2,000,000" and "7.5" joined; "$", "€", "£" before it and "%" after it
  // add their words, so that "$7.5 billion" is "7.5 billion dollars".
  std::size_t add_number(content& out, const std::vector<detail::raw_word>& words, std::size_t i) {
    digits_.assign(text_.substr(words[i].begin, words[i].end - words[i].begin));
    std::size_t j = i;
    bool decimal = false;
    while (j + 1 < words.size() && words[j + 1].digits && words[j + 1].begin == words[j].end + 1) {
      const char sep = text_[words[j].end];
      const std::size_t len = words[j + 1].end - words[j + 1].begin;
      if (sep == ',' && !decimal && len == 3) {
        digits_.append(text_.substr(words[j + 1].begin, len));
      } else if (sep == '.' && !decimal) {
        digits_ += '.';
        digits_.append(text_.substr(words[j + 1].begin, len));
        decimal = true;
      } else {
        break;
      }
      ++j;
    }
    const span where{words[i].begin, words[j].end};
    close_name();
    const std::uint64_t key = detail::number_key(digits_);
    out.words_.push_back(key);
    out.numbers_.push_back({where, static_cast<std::uint32_t>(out.mark_keys_.size()), 1});
    out.mark_keys_.push_back(key);
    if (where.begin > 0) {
      const std::string_view before = text_.substr(0, where.begin);
      if (before.ends_with("$")) out.words_.push_back(key_of("dollar"));
      if (before.ends_with("\xE2\x82\xAC")) out.words_.push_back(key_of("euro"));
      if (before.ends_with("\xC2\xA3")) out.words_.push_back(key_of("pound"));
    }
    if (where.end < text_.size() && text_[where.end] == '%') out.words_.push_back(percent_key());
    return j + 1;
  }

  // "U.S." is the acronym "us", whatever the stop words say.
  void add_acronym(content& out, span where) {
    acronym_.clear();
    for (std::size_t k = where.begin; k < where.end; ++k) {
      if (text_[k] != '.') acronym_.push_back(static_cast<char>(text_[k] + 32));
    }
    add_key(out, key_of(acronym_), where.begin, where.end, true);
  }

  void add_word(content& out, const detail::raw_word& w, bool sentence_initial) {
    const std::string_view word = text_.substr(w.begin, w.end - w.begin);
    std::uint64_t key = keys_.key(w.hash, [&] {
      detail::fold_into(word, folded_);
      return folded_;
    });
    if (key == 0) {
      // A stop word; in capitals it is an acronym ("US", "WHO") and keeps its word.
      if (!w.all_caps) {
        close_name();
        return;
      }
      detail::fold_into(word, folded_);
      key = detail::stable_hash(keys_.stem(folded_));
    }
    const bool name = w.all_caps || (w.capital && !sentence_initial && !options_.title_case);
    add_key(out, key, w.begin, w.end, name);
  }

  void add_key(content& out, std::uint64_t key, std::size_t begin, std::size_t end, bool name) {
    out.words_.push_back(key);
    if (!name) {
      close_name();
      return;
    }
    // A name goes on while its words follow one another with one space or hyphen between.
    if (open_name_ && out.names_.back().where.end + 1 == begin &&
        (text_[begin - 1] == ' ' || text_[begin - 1] == '-')) {
      out.names_.back().where.end = end;
      ++out.names_.back().count;
    } else {
      out.names_.push_back(
          {span{begin, end}, static_cast<std::uint32_t>(out.mark_keys_.size()), 1});
      open_name_ = true;
    }
    out.mark_keys_.push_back(key);
  }
  void close_name() noexcept { open_name_ = false; }

  std::string_view text_;
  const content_options& options_;
  detail::word_keys& keys_;
  bool open_name_ = false;
  std::string folded_, piece_, digits_, acronym_;
  const std::uint64_t per_hash_ = detail::stable_hash("per");
  const std::uint64_t cent_hash_ = detail::stable_hash("cent");
};

HEARSAY_FUNC content content_of(std::string_view text, span where, const content_options& options) {
  return content_builder(text, options).build(where);
}

HEARSAY_FUNC content content_of(std::string_view text, const content_options& options) {
  content_options whole = options;
  whole.sentence_begin = 0;
  return content_builder(text, whole).build(span{0, text.size()});
}

HEARSAY_FUNC bool is_title_case(std::string_view sentence, std::string_view language) {
  thread_local std::vector<detail::raw_word> words;
  detail::scan_words(sentence, span{0, sentence.size()}, words);
  detail::word_keys& keys = detail::word_keys_for(detail::matching_language(language));
  std::size_t content_words = 0;
  for (const detail::raw_word& w : words) {
    if (w.digits || keys.is_stop(w.hash)) continue;
    if (!w.capital) return false;
    ++content_words;
  }
  return content_words >= 3;
}

HEARSAY_FUNC std::string_view to_string(content_relation value) noexcept {
  switch (value) {
    case content_relation::none:
      return "none";
    case content_relation::match:
      return "match";
    case content_relation::conflict:
      return "conflict";
  }
  return "none";
}

namespace detail {

inline std::size_t common_keys(std::span<const std::uint64_t> a,
                               std::span<const std::uint64_t> b) noexcept {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

inline bool ends_with(std::span<const std::uint64_t> longer,
                      std::span<const std::uint64_t> shorter) noexcept {
  return shorter.size() <= longer.size() &&
         std::equal(shorter.begin(), shorter.end(),
                    longer.end() - static_cast<std::ptrdiff_t>(shorter.size()));
}

// A name occurs in `in` when one of its names ends the other ("Putin", "Vladimir Putin"), or when
// `in` has the name's last word where a capital marks no name (the first word of a sentence).
inline bool name_occurs(const content& from, const content::mark& n, const content& in) noexcept {
  const auto k = from.keys(n);
  for (const content::mark& m : in.names()) {
    const auto j = in.keys(m);
    if (ends_with(j, k) || ends_with(k, j)) return true;
  }
  return std::binary_search(in.words().begin(), in.words().end(), k.back());
}

inline bool number_occurs(const content& from, const content::mark& n, const content& in) noexcept {
  const std::uint64_t k = from.keys(n).front();
  for (const content::mark& m : in.numbers()) {
    if (in.keys(m).front() == k) return true;
  }
  return false;
}

template <class Occurs>
bool all_occur(const content& from, std::span<const content::mark> marks, const content& in,
               Occurs occurs) noexcept {
  for (const content::mark& m : marks) {
    if (!occurs(from, m, in)) return false;
  }
  return true;
}

template <class Occurs>
void missing(const content& from, std::span<const content::mark> marks, const content& in,
             Occurs occurs, std::vector<content::mark>* out, bool& any) {
  for (const content::mark& m : marks) {
    if (!occurs(from, m, in)) {
      any = true;
      if (out) out->push_back(m);
    }
  }
}

// The relation of `a` and `b`; with `out`, the differing marks of a conflict too.
inline content_relation relate(const content& a, const content& b, content_comparison* out) {
  if (a.empty() || b.empty()) return content_relation::none;
  const std::size_t common = common_keys(a.words(), b.words());
  if (out)
    out->score = 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
  if (4 * common < a.size() + b.size()) return content_relation::none;  // Dice < 0.5
  const bool a_smaller = a.size() <= b.size();
  const content& small = a_smaller ? a : b;
  const content& large = a_smaller ? b : a;
  const bool names_agree = all_occur(small, small.names(), large, name_occurs);
  const bool numbers_agree = all_occur(small, small.numbers(), large, number_occurs);
  if (names_agree && numbers_agree) return content_relation::match;
  if (names_agree == numbers_agree) return content_relation::none;  // both differ
  // One kind differs: a conflict when the larger side states another value of that kind.
  const bool numbers = !numbers_agree;
  bool small_missing = false, large_extra = false;
  std::vector<content::mark>* small_out =
      out ? (a_smaller ? &out->only_in_a : &out->only_in_b) : nullptr;
  std::vector<content::mark>* large_out =
      out ? (a_smaller ? &out->only_in_b : &out->only_in_a) : nullptr;
  if (numbers) {
    missing(small, small.numbers(), large, number_occurs, small_out, small_missing);
    missing(large, large.numbers(), small, number_occurs, large_out, large_extra);
  } else {
    missing(small, small.names(), large, name_occurs, small_out, small_missing);
    missing(large, large.names(), small, name_occurs, large_out, large_extra);
  }
  if (large_extra) return content_relation::conflict;
  if (out) out->only_in_a.clear(), out->only_in_b.clear();
  return content_relation::none;
}

}  // namespace detail

HEARSAY_FUNC content_comparison compare(const content& a, const content& b) {
  content_comparison out;
  out.relation = detail::relate(a, b, &out);
  return out;
}

HEARSAY_FUNC bool matches(const content& a, const content& b) noexcept {
  return detail::relate(a, b, nullptr) == content_relation::match;
}

HEARSAY_FUNC std::string stem(std::string_view word, std::string_view language) {
  return detail::word_keys_for(detail::matching_language(language)).stem(word);
}

HEARSAY_FUNC bool is_stop_word(std::string_view word, std::string_view language) {
  return detail::word_keys_for(detail::matching_language(language)).is_stop(std::string(word));
}

}  // namespace hearsay

#endif  // HEARSAY_MATCH_INL_HPP
