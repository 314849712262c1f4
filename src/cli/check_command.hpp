// `hearsay check`: which articles carry a claim, how firmly, from whom (SPEC 9).
#ifndef HEARSAY_CLI_CHECK_COMMAND_HPP
#define HEARSAY_CLI_CHECK_COMMAND_HPP

#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"

struct check_options {
  std::vector<std::string> claims;  // --claim, repeatable
  std::string claims_file;          // --claims FILE: one query per line
  std::vector<std::string> files;   // articles (text), or JSON Lines with --input jsonl
  std::string input = "text";
  std::string format = "json";
  std::string lexicon_file;
  bool repair = false;
};

/// Add the `check` subcommand's options to `app`; return the subcommand.
CLI::App* add_check_command(CLI::App& app, check_options& o);

/// Run `check`: 0 when every query and article was read, 1 when one failed (the rest still
/// checked), 2 for a usage error.
int run_check(const check_options& o, const hearsay::analyzer& an, std::ostream& out,
              std::ostream& err);

#endif  // HEARSAY_CLI_CHECK_COMMAND_HPP
