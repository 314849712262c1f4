// The claim engine: segment -> tokens -> quotes -> attribution frames -> claims -> sources and
// references. Rules are general patterns over tokens and lexicon classes (data/lexicon.xml);
// docs/RULES.md describes each one.
#ifndef HEARSAY_DETAIL_ENGINE_HPP
#define HEARSAY_DETAIL_ENGINE_HPP

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/tokenize.hpp"
#include "hearsay/segment.hpp"

namespace hearsay::detail {

/// A token range [first, last).
struct range {
  std::size_t first = 0;
  std::size_t last = 0;
  bool empty() const noexcept { return last <= first; }
  bool contains(std::size_t i) const noexcept { return i >= first && i < last; }
};

/// One level of attribution found in a sentence: who (a token range, or none when unspecified)
/// and through which cue.
struct proto_link {
  range source;  ///< Empty for an unspecified source.
  range cue;
  std::string_view lemma;
  cue_class kind = cue_class::report;
};

/// An attribution frame: its links (outermost first), the tokens that only attribute (left out of
/// claims), and the content it governs.
struct frame {
  std::vector<proto_link> links;
  std::vector<range> frame_tokens;
  range content;
  bool whole = false;                    ///< The claim keeps the cue inside it ("X is seen as Y").
  std::optional<cue_class> status_from;  ///< "citing Y claiming": the citation decides.
  std::size_t anchor = 0;                ///< First token of the frame (for ordering and clipping).
  std::vector<link> chain;               ///< Resolved links, outer frames' links first.
  bool outermost = false;                ///< "A, according to Y": encloses the frames inside A.
  int parent = -1;                       ///< Enclosing frame in the same sentence.
};

/// A mention of an entity that later pronouns and short mentions may refer to.
struct mention {
  span where;
  source_kind kind;
  bool named;
};

/// Working state of one analysis; the token-level parts hold one paragraph at a time.
struct doc_state {
  std::string_view text;
  std::vector<token> tokens;
  std::vector<word_piece> pieces;  ///< Word boundaries of the paragraph (tokenizer scratch).
  std::string lower;
  std::vector<std::size_t> sentence_end_token;  ///< One past each sentence's last token.
  std::vector<quote_region> quotes;
  std::vector<std::vector<link>> quote_speaker;  ///< Chain of each quote, when known.
  std::vector<mention> mentions;                 ///< Recent full mentions, for references.
  // Scratch kept from one sentence or paragraph to the next, so that each does not allocate.
  std::vector<std::vector<frame>> frames;  ///< Per sentence of the paragraph.
  std::vector<char> excluded;
  std::vector<int> context;
  std::vector<int> resolve_state;
};

class engine {
 public:
  engine(lexicon lex, analyzer_options options)
      : lex_(std::move(lex)),
        options_(std::move(options)),
        segmenter_(lex_),
        tokenizer_(lex_.data()) {}

  const lexicon& lex() const noexcept { return lex_; }
  const analyzer_options& options() const noexcept { return options_; }

  document analyze(std::string_view input, std::string id) const;

 private:
  const lexicon_data& data() const noexcept { return lex_.data(); }

  void add_mentions(doc_state& st, range sent) const;
  void resolve_chains(doc_state& st, std::vector<frame>& frames) const;
  std::vector<frame> find_frames(doc_state& st, range sent) const;
  void claims_from_frames(doc_state& st, std::size_t s, range sent, std::vector<frame>& frames,
                          document& doc) const;

  // Source phrases.
  range source_left(const doc_state& st, range sent, std::size_t cue_first) const;
  range source_right(const doc_state& st, range sent, std::size_t from) const;
  source make_source(doc_state& st, range r) const;
  source_kind classify(const doc_state& st, range r, bool& named) const;
  std::optional<span> resolve_reference(const doc_state& st, range r, source_kind kind) const;

  // Helpers over tokens.
  bool negated_before(const doc_state& st, range sent, std::size_t i) const;
  std::size_t skip_adjuncts(const doc_state& st, range sent, std::size_t i) const;
  std::size_t skip_object(const doc_state& st, range sent, std::size_t i) const;
  bool looks_like_clause(const doc_state& st, range sent, std::size_t i) const;

  lexicon lex_;
  analyzer_options options_;
  sentence_segmenter segmenter_;
  tokenizer tokenizer_;
};

}  // namespace hearsay::detail

#include "hearsay/detail/engine_rules.hpp"

#endif  // HEARSAY_DETAIL_ENGINE_HPP
