// hearsay: claims, their status (confirmed, reported, alleged) and their source chains in news
// text. The umbrella header: include it, or only the headers you need.
#ifndef HEARSAY_HEARSAY_HPP
#define HEARSAY_HEARSAY_HPP

#include "hearsay/analyzer.hpp"
#include "hearsay/check.hpp"
#include "hearsay/check_index.hpp"
#include "hearsay/claim.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/gold_xml.hpp"
#include "hearsay/html.hpp"
#include "hearsay/json.hpp"
#include "hearsay/lexicon.hpp"
#include "hearsay/match.hpp"
#include "hearsay/score.hpp"
#include "hearsay/segment.hpp"
#include "hearsay/sourcing.hpp"
#include "hearsay/standoff.hpp"
#include "hearsay/text.hpp"
#include "hearsay/trace.hpp"
#include "hearsay/trace_score.hpp"
#include "hearsay/version.hpp"

#endif  // HEARSAY_HEARSAY_HPP
