// The claim engine: segment -> tokens -> quotes -> attribution frames -> claims -> sources and
// references. Rules are general patterns over tokens and lexicon classes (data/lexicon.xml);
// docs/RULES.md describes each one.
#ifndef HEARSAY_DETAIL_ENGINE_HPP
#define HEARSAY_DETAIL_ENGINE_HPP

#include <algorithm>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/detail/builtin_confidence.hpp"
#include "hearsay/detail/confidence.hpp"
#include "hearsay/detail/lexicon_data.hpp"
#include "hearsay/detail/tokenize.hpp"
#include "hearsay/segment.hpp"

namespace hearsay::detail {

/// The rules read tokens through a span, a pointer held in a register: through the vector, every
/// store to a char (the rules' flags) might have changed its buffer, and each read reloads it.
using token_span = std::span<const token>;

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
  /// The quotation the frame stands in, or -1: a speaker's own framing ("“I think X,” she
  /// said") nests under the quotation's speaker and never speaks for the quotation itself.
  int quote = -1;
  /// A transcript's speaker label ("WALLACE: …"): it speaks for the rest of the paragraph.
  bool turn = false;
  /// The content is a small clause or a deed, verbless by nature: "called the vote a mistake",
  /// "accused him of fraud", "expects prices to fall", "X is seen as Y".
  bool small_clause = false;
  /// The rule that built the frame's last link (SPEC 7 evidence; docs/RULES.md lists them).
  rule_id rule = rule_id::verb_cue_source_left;
};

struct verb_frame_draft;  // rules/verb_cues.hpp

/// A mention of an entity that later pronouns and short mentions may refer to.
struct mention {
  span where;
  source_kind kind;
  bool named;
};

/// A stretch of a sentence that becomes a claim unless a rule drops it.
struct claim_piece {
  std::size_t first, last;
  int context;
  const std::vector<link>* quoted;
  bool intro;        ///< Starts the sentence with a preposition or a subordinator.
  bool subordinate;  ///< Opened by "with", "as", "while" … after a comma.
  std::string_view opener;
  bool has_verb = false;  ///< A finite verb seen so far.
};

/// Working state of one analysis; the token-level parts hold one paragraph at a time.
struct doc_state {
  std::string_view text;
  std::vector<token> tokens;
  std::vector<word_piece> pieces;  ///< Word boundaries of the paragraph (tokenizer scratch).
  std::string lower;
  std::vector<std::size_t> sentence_end_token;  ///< One past each unit's last token.
  std::vector<std::size_t> unit_sentence;       ///< The sentence each unit belongs to.
  std::vector<quote_region> quotes;
  std::vector<std::vector<link>> quote_speaker;  ///< Chain of each quote, when known.
  std::vector<rule_id> quote_rule;               ///< How each quote's speaker was found.
  /// A transcript turn: who speaks from token `turn_from` to the paragraph's end (empty: none).
  std::vector<link> turn_speaker;
  std::size_t turn_from = 0;
  std::vector<mention> mentions;  ///< Recent full mentions, for references.
  // Scratch kept from one sentence or paragraph to the next, so that each does not allocate.
  std::vector<std::vector<frame>> frames;  ///< Per sentence of the paragraph.
  std::vector<char> excluded;
  std::vector<int> context;
  std::vector<int> resolve_state;
  std::vector<claim_piece> claim_pieces;

  /// Start a new document: forget the last one's mentions, keep every buffer's capacity.
  void reset(std::string_view document_text) {
    text = document_text;
    mentions.clear();
    quotes.clear();
    quote_speaker.clear();
    frames.clear();
  }

  /// On leaving an analysis, let go of buffers a very large paragraph left behind, so that one
  /// huge document does not pin its scratch memory to the thread for good.
  struct release_large {
    doc_state& st;
    ~release_large() {
      constexpr std::size_t keep_bytes = std::size_t{1} << 22;  // 4 MiB per buffer
      if (st.tokens.capacity() * sizeof(token) > keep_bytes) std::vector<token>().swap(st.tokens);
      if (st.lower.capacity() > keep_bytes) std::string().swap(st.lower);
      if (st.pieces.capacity() * sizeof(word_piece) > keep_bytes) {
        std::vector<word_piece>().swap(st.pieces);
      }
      if (st.excluded.capacity() > keep_bytes) std::vector<char>().swap(st.excluded);
      if (st.context.capacity() * sizeof(int) > keep_bytes) std::vector<int>().swap(st.context);
      st.text = {};
    }
  };
};

/// What the frame finders of one sentence share (rules/frames.hpp runs them in order).
struct sentence_scan {
  doc_state& st;
  token_span tk;
  range sent;
  std::size_t n;         ///< sent.last
  std::size_t body_end;  ///< One past the last token of the text proper (before final punctuation).
  std::vector<frame>& out;
  /// Return true when token `i` lies past the text proper.
  bool at_end(std::size_t i) const noexcept { return i >= body_end; }
  /// Return true when the sentence is a title-case headline ("Minister Says …"); counted only
  /// when a capitalised cue asks, since most sentences never need it.
  bool title_case() const noexcept;
};

class engine {
 public:
  engine(lexicon lex, analyzer_options options)
      : lex_(std::move(lex)),
        options_(std::move(options)),
        segmenter_(lex_),
        tokenizer_(lex_.data()),
        confidence_(confidence_model::from_tsv(builtin_confidence_tsv)) {}

  const lexicon& lex() const noexcept { return lex_; }
  const analyzer_options& options() const noexcept { return options_; }

  document analyze(std::string_view input, std::string id) const;

 private:
  const lexicon_data& data() const noexcept { return lex_.data(); }

  void add_mentions(doc_state& st, range sent) const;
  void resolve_chains(doc_state& st, std::vector<frame>& frames) const;
  std::vector<frame> find_frames(doc_state& st, range sent) const;
  void assign_quote_speakers(doc_state& st, const std::vector<link>& carried,
                             const std::vector<link>& last_chain, bool last_chain_near,
                             rule_id last_chain_rule) const;

  // Frame families (one header each in rules/; rules/frames.hpp runs them in order). Each that
  // takes `i` reads the pattern that starts at token i, adds its frame to `sc.out` and returns
  // true when the token is used up; `i` may move past the tokens it read.
  void speaker_colon_frame(sentence_scan& sc) const;
  bool impersonal_frame(sentence_scan& sc, std::size_t& i) const;
  bool raising_frame(sentence_scan& sc, std::size_t i) const;
  bool adverb_frame(sentence_scan& sc, std::size_t i) const;
  bool according_to_frame(sentence_scan& sc, std::size_t& i) const;
  bool as_put_it_frame(sentence_scan& sc, std::size_t& i) const;
  bool cue_noun_frame(sentence_scan& sc, std::size_t& i) const;
  bool adjective_frame(sentence_scan& sc, std::size_t& i) const;
  void verb_cue_frame(sentence_scan& sc, std::size_t& i) const;
  const verb_cue* verb_cue_at(sentence_scan& sc, std::size_t i, std::size_t& cue_last) const;
  bool verb_cue_source(sentence_scan& sc, verb_frame_draft& d) const;
  void verb_cue_content_start(sentence_scan& sc, verb_frame_draft& d) const;
  bool verb_cue_right_content(sentence_scan& sc, verb_frame_draft& d) const;
  void verb_cue_parenthetical(sentence_scan& sc, verb_frame_draft& d) const;
  void end_contents_at_new_clauses(sentence_scan& sc) const;
  void keep_quoted_frames_inside(sentence_scan& sc) const;
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
  confidence_model confidence_;  // data/confidence.en.tsv
};

}  // namespace hearsay::detail

#include "hearsay/detail/engine_rules.hpp"

#endif  // HEARSAY_DETAIL_ENGINE_HPP
