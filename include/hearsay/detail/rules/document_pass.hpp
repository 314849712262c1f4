// The document pass: segment, then one paragraph at a time (in blocks of at most
// limits::block_bytes, sentences in windows of limits::sentence_tokens) tokens, quotations, the
// frames of every sentence (rules/frames.hpp), the speakers of quotations (rules/quotations.hpp)
// and the claims (rules/claim_pieces.hpp). What crosses paragraphs is carried here.
#ifndef HEARSAY_DETAIL_RULES_DOCUMENT_PASS_HPP
#define HEARSAY_DETAIL_RULES_DOCUMENT_PASS_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

namespace hearsay::detail {

// Where to end a block inside a sentence longer than limits::block_bytes: after white space and
// before an ASCII byte that is not (always a word boundary), at or before `limit` and past the
// block's middle; else (no such place: one huge word) at the code point boundary before `limit`.
inline std::size_t block_cut(std::string_view text, std::size_t from, std::size_t limit) {
  for (std::size_t p = limit; p > from + (limit - from) / 2; --p) {
    const auto next = static_cast<unsigned char>(text[p]);
    const char prev = text[p - 1];
    if ((prev == ' ' || prev == '\t' || prev == '\n') && next > ' ' && next < 0x80) return p;
  }
  std::size_t p = limit;
  while (p > from + 1 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p;
}

inline document engine::analyze(std::string_view input, std::string id) const {
  document doc;
  doc.id = std::move(id);
  doc.language = options_.language;
  if (options_.repair_utf8) {
    doc.text = repair_utf8(input, &doc.repaired);
  } else {
    require_utf8(input);
    doc.text = std::string(input);
  }
  doc.sentences = segmenter_.split_valid(doc.text);  // checked or repaired just above
  const std::string_view text = doc.text;
  // News runs at about 1.3 claims a sentence: one reservation instead of the doubling growth
  // whose spare capacity would be a third of a long document's size.
  doc.claims.reserve(doc.sentences.size() + doc.sentences.size() / 2);

  // One paragraph at a time: scratch memory is bounded by the longest paragraph, not the
  // document. What crosses paragraphs is carried: an open quotation and its speaker, the latest
  // speaker (for a quote paragraph after an attribution paragraph), and recent mentions.
  // The working buffers of this thread, kept from one analysis to the next: a stream of small
  // documents then allocates none of them again (the analyzer itself stays immutable and shared).
  static thread_local doc_state scratch;
  doc_state& st = scratch;
  st.reset(text);
  const doc_state::release_large release_on_exit{st};
  std::unique_ptr<icu::BreakIterator> words;  // made only for a paragraph the fast path skips
  std::vector<link> carried_quote_speaker;
  bool quote_open_at_end = false;
  std::vector<link> last_chain;
  int last_chain_paragraph = -2;
  rule_id last_chain_rule = rule_id::quote_previous_paragraph;
  int paragraph = 0;
  std::size_t s_begin = 0;
  const auto blank_line_between = [&](std::size_t from, std::size_t to) {
    const std::string_view gap = text.substr(from, to - from);
    return std::count(gap.begin(), gap.end(), '\n') >= 2 ||
           gap.find("\u2029") != std::string_view::npos;
  };
  const auto opens_quote = [&](std::size_t at) {
    const std::string_view rest = text.substr(at, 3);
    return rest.starts_with("\"") || rest.starts_with("''") || rest.starts_with("\u201C") ||
           rest.starts_with("\u00AB") || rest.starts_with("\u201E");
  };
  // A paragraph is read in blocks of at most limits::block_bytes (one block for any real
  // paragraph), cut between sentences, or after white space inside a longer sentence; a block's
  // sentences are read in units of at most limits::sentence_tokens tokens (one unit a sentence
  // for any real sentence). Working memory is per block, and every rule sees at most one unit.
  std::size_t paragraph_end = 0;     // one past the last sentence of the current paragraph
  std::size_t cut = 0;               // where the next block starts
  bool continues_paragraph = false;  // the next block is not the start of its paragraph
  while (s_begin < doc.sentences.size()) {
    if (s_begin >= paragraph_end) {
      paragraph_end = s_begin + 1;
      while (paragraph_end < doc.sentences.size() &&
             !blank_line_between(doc.sentences[paragraph_end - 1].end,
                                 doc.sentences[paragraph_end].begin)) {
        ++paragraph_end;
      }
      cut = doc.sentences[s_begin].begin;
    }
    std::size_t s_end = s_begin + 1;
    while (s_end < paragraph_end && doc.sentences[s_end].end - cut <= limits::block_bytes) {
      ++s_end;
    }
    std::size_t block_end = doc.sentences[s_end - 1].end;
    const bool cut_inside = block_end - cut > limits::block_bytes;  // one sentence, too long
    if (cut_inside) block_end = block_cut(text, cut, cut + limits::block_bytes);
    const span block{cut, block_end};
    const bool paragraph_ends = !cut_inside && s_end == paragraph_end;
    const bool next_reopens =
        paragraph_ends && s_end < doc.sentences.size() && opens_quote(doc.sentences[s_end].begin);

    tokenizer_.run(words, st.pieces, text, block, st.tokens, st.lower);
    // Tokens and sentences are in text order: one forward scan finds every unit's end (its test
    // is true until the end, so it is well predicted, unlike a bisection's).
    st.sentence_end_token.clear();
    st.unit_sentence.clear();
    std::size_t end_token = 0;
    for (std::size_t s = s_begin; s < s_end; ++s) {
      const std::size_t sentence_end = std::min(doc.sentences[s].end, block_end);
      std::size_t unit_first = end_token;
      while (end_token < st.tokens.size() && st.tokens[end_token].begin < sentence_end) {
        ++end_token;
        if (end_token - unit_first == limits::sentence_tokens) {
          st.sentence_end_token.push_back(end_token);
          st.unit_sentence.push_back(s);
          unit_first = end_token;
        }
      }
      if (end_token > unit_first || st.unit_sentence.empty() || st.unit_sentence.back() != s) {
        st.sentence_end_token.push_back(end_token);
        st.unit_sentence.push_back(s);
      }
    }
    const std::size_t units = st.sentence_end_token.size();
    st.quotes = find_quotes(st.tokens, st.sentence_end_token, quote_open_at_end, next_reopens);
    st.quote_speaker.assign(st.quotes.size(), {});
    st.quote_rule.assign(st.quotes.size(), rule_id::quote_speaker);

    // Pass 1: the attribution frames of every unit of the block, so that a quote whose speaker
    // is named only at its end ("“A. B,” she said.") is attributed in all its sentences.
    std::vector<std::vector<frame>>& frames = st.frames;
    frames.resize(units);
    std::size_t first = 0;
    for (std::size_t u = 0; u < units; ++u) {
      const range sent{first, st.sentence_end_token[u]};
      first = sent.last;
      std::vector<frame>& fs = frames[u];
      fs = find_frames(st, sent);
      resolve_chains(st, fs);
      add_mentions(st, sent);
      for (const frame& f : fs) {
        if (f.whole || f.chain.empty() || f.quote >= 0) continue;
        // Quotes are in text order: visit only those that overlap the content.
        auto q =
            std::partition_point(st.quotes.begin(), st.quotes.end(),
                                 [&](const quote_region& r) { return r.last <= f.content.first; });
        for (; q != st.quotes.end() && q->first < f.content.last; ++q) {
          auto& speaker = st.quote_speaker[static_cast<std::size_t>(q - st.quotes.begin())];
          if (speaker.empty()) speaker = f.chain;
        }
      }
    }
    // A quotation paragraph continues a speaker named one or two paragraphs before it.
    assign_quote_speakers(st, carried_quote_speaker, last_chain,
                          last_chain_paragraph + 2 >= paragraph, last_chain_rule);
    // A transcript turn ("PENCE: …") speaks for the whole paragraph, its later blocks too.
    if (continues_paragraph && !st.turn_speaker.empty()) {
      st.turn_from = 0;
    } else if (st.turn_speaker.clear(); !frames.empty()) {
      for (const frame& f : frames.front()) {
        if (f.turn && !f.chain.empty()) {
          st.turn_speaker = f.chain;
          st.turn_from = f.content.first;
        }
      }
    }
    // A turn's quotation marks ("\"PENCE: …" left open into the next paragraph) are the
    // speaker's: the quotation a later paragraph continues keeps the turn's speaker.
    for (std::size_t q = 0; q < st.quotes.size() && !st.turn_speaker.empty(); ++q) {
      // A new label starts a new speaker, also in a quotation continued from before.
      if ((st.quote_speaker[q].empty() || st.quotes[q].continues ||
           st.quotes[q].open < st.turn_from) &&
          st.quotes[q].last > st.turn_from) {
        st.quote_speaker[q] = st.turn_speaker;
        st.quote_rule[q] = rule_id::speaker_colon_turn;
      }
    }
    // Pass 2: claims.
    first = 0;
    for (std::size_t u = 0; u < units; ++u) {
      const range sent{first, st.sentence_end_token[u]};
      first = sent.last;
      claims_from_frames(st, st.unit_sentence[u], sent, frames[u], doc);
    }
    // Carry to the next block.
    const frame* latest_in_block = nullptr;
    for (const auto& fs : frames) {
      for (const frame& f : fs) {
        if (!f.whole && !f.chain.empty() && f.quote < 0) latest_in_block = &f;
      }
    }
    if (latest_in_block) {
      last_chain = latest_in_block->chain;
      last_chain_paragraph = paragraph;
      // "She continued:" introduces the quotation after it; any other frame is just the latest.
      last_chain_rule = latest_in_block->rule == rule_id::verb_cue_introduces
                            ? rule_id::verb_cue_introduces
                            : rule_id::quote_previous_paragraph;
    }
    quote_open_at_end = !st.quotes.empty() && !st.quotes.back().closed && next_reopens;
    carried_quote_speaker = quote_open_at_end ? st.quote_speaker.back() : std::vector<link>{};
    if (st.mentions.size() > 4 * mention_window) {
      st.mentions.erase(st.mentions.begin(),
                        st.mentions.end() - static_cast<std::ptrdiff_t>(mention_window));
    }
    if (paragraph_ends) ++paragraph;
    continues_paragraph = !paragraph_ends;
    if (cut_inside) {
      cut = block_end;
    } else {
      s_begin = s_end;
      if (s_begin < paragraph_end) cut = doc.sentences[s_begin].begin;
    }
  }
  // SPEC 7: how likely each claim's status and chain are right, from what its rule saw.
  for (claim& c : doc.claims) c.confidence = confidence_.predict(doc, c);
  // SPEC 8: flags and the sourcing summary.
  if (options_.sourcing) assess_sourcing(doc);
  return doc;
}

}  // namespace hearsay::detail

#endif  // HEARSAY_DETAIL_RULES_DOCUMENT_PASS_HPP
