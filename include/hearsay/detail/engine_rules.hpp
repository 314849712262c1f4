// The rules of the claim engine (declared in engine.hpp), one header per pattern family, each
// readable alone; docs/RULES.md describes each with examples. The order in which they run:
//   rules/document_pass.hpp  the document, one paragraph at a time:
//     1. frames of every sentence   rules/frames.hpp (the families, in their order, are listed
//                                   there: speaker colon, impersonal and raising, according to,
//                                   cue nouns, verb cues), nested by rules/chains.hpp, their
//                                   sources from rules/sources.hpp and rules/references.hpp
//     2. quotation speakers         rules/quotations.hpp
//     3. claims                     rules/claim_pieces.hpp
// Shared small tests: rules/token_tests.hpp; what stands around cues: rules/adjuncts.hpp.
#ifndef HEARSAY_DETAIL_ENGINE_RULES_HPP
#define HEARSAY_DETAIL_ENGINE_RULES_HPP

#include "hearsay/detail/engine.hpp"
#include "hearsay/detail/rules/adjuncts.hpp"
#include "hearsay/detail/rules/chains.hpp"
#include "hearsay/detail/rules/claim_pieces.hpp"
#include "hearsay/detail/rules/document_pass.hpp"
#include "hearsay/detail/rules/frames.hpp"
#include "hearsay/detail/rules/quotations.hpp"
#include "hearsay/detail/rules/references.hpp"
#include "hearsay/detail/rules/sources.hpp"
#include "hearsay/detail/rules/token_tests.hpp"

#endif  // HEARSAY_DETAIL_ENGINE_RULES_HPP
