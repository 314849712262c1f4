// Definitions for analyzer.hpp.
#ifndef HEARSAY_ANALYZER_INL_HPP
#define HEARSAY_ANALYZER_INL_HPP

#include "hearsay/analyzer.hpp"
#include "hearsay/detail/engine.hpp"

namespace hearsay {

HEARSAY_FUNC analyzer::analyzer() : analyzer(lexicon::builtin()) {}

HEARSAY_FUNC analyzer::analyzer(lexicon lex, analyzer_options options)
    : engine_(std::make_shared<const detail::engine>(std::move(lex), std::move(options))) {}

HEARSAY_FUNC document analyzer::analyze(std::string_view text, std::string id) const {
  return engine_->analyze(text, std::move(id));
}

HEARSAY_FUNC const lexicon& analyzer::lexicon_in_use() const noexcept { return engine_->lex(); }

HEARSAY_FUNC const analyzer_options& analyzer::options() const noexcept {
  return engine_->options();
}

}  // namespace hearsay

#endif  // HEARSAY_ANALYZER_INL_HPP
