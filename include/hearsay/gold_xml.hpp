// The analysis written as SPEC section 5 gold XML, so that a person can correct it and use it as
// gold (`hearsay analyze --format xml`; `load_corpus` reads it back).
//
//   hearsay::gold_xml_writer xml(std::cout);
//   xml.write(an.analyze(text, "article"));
//   xml.finish();  // </corpus>
//
// Sentences become <s>, claims <claim> with every attribute (status, chain, certainty, polarity,
// quote), the sources of the chains <src id kind named ref>, their cues <cue>. A paragraph starts
// at every line break between two sentences (so a headline stays a sentence of its own when read
// back); inside one, white space collapses when read, as SPEC 5 says. Marks that would cross are
// clipped (see detail/markup.hpp): the output is always well-formed gold.
#ifndef HEARSAY_GOLD_XML_HPP
#define HEARSAY_GOLD_XML_HPP

#include <iosfwd>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/config.hpp"

namespace hearsay {

/// Writes documents as one `<corpus>` to a stream, one `<doc>` at a time.
class gold_xml_writer {
 public:
  /// Start a corpus of language `language` on `out` (written at the first document or finish()).
  HEARSAY_FUNC explicit gold_xml_writer(std::ostream& out, std::string_view language = "en");
  /// Write `doc` as one `<doc>`; a document id seen before gets a suffix ("-2") to stay unique.
  HEARSAY_FUNC void write(const document& doc);
  /// Close the corpus; also done by the destructor.
  HEARSAY_FUNC void finish();
  HEARSAY_FUNC ~gold_xml_writer();
  gold_xml_writer(const gold_xml_writer&) = delete;
  gold_xml_writer& operator=(const gold_xml_writer&) = delete;

 private:
  HEARSAY_FUNC void start();
  std::ostream& out_;
  std::string language_;
  std::set<std::string> ids_;
  bool started_ = false;
  bool finished_ = false;
};

/// Return `docs` as one SPEC section 5 `<corpus>`.
HEARSAY_FUNC std::string to_gold_xml(const std::vector<document>& docs);

}  // namespace hearsay

#ifdef HEARSAY_HEADER_ONLY
#include "hearsay/gold_xml-inl.hpp"
#endif

#endif  // HEARSAY_GOLD_XML_HPP
