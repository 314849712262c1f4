// `hearsay check --claim "..." FILE...`: SPEC 9's check, as JSON Lines (one object per query and
// article) or as a listing for a person.
#include "check_command.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "hearsay/check.hpp"
#include "hearsay/check_index.hpp"
#include "hearsay/error.hpp"
#include "hearsay/text.hpp"
#include "input/record_id.hpp"

namespace {

constexpr int exit_input_error = 1;
constexpr int exit_usage = 2;

using nlohmann::ordered_json;

double rounded(double x) { return std::round(x * 1000) / 1000; }

ordered_json chain_json(const hearsay::document& doc, const hearsay::claim& c) {
  ordered_json chain = ordered_json::array();
  for (const hearsay::link& l : c.chain) {
    chain.push_back({{"source", std::string(doc.view(l.source.where))},
                     {"kind", std::string(to_string(l.source.kind))},
                     {"cue", std::string(doc.view(l.cue.where))}});
  }
  return chain;
}

ordered_json hit_json(const hearsay::claim_query& q, const hearsay::document& doc,
                      const hearsay::codepoint_map& cps, const hearsay::claim_hit& h,
                      bool conflict) {
  const hearsay::claim& c = doc.claims[h.claim];
  ordered_json j{{"claim", h.claim},
                 {"start", cps.to_codepoint(c.where.begin)},
                 {"end", cps.to_codepoint(c.where.end)},
                 {"text", std::string(doc.view(c.where))},
                 {"score", rounded(h.score)},
                 {"status", std::string(to_string(c.status))},
                 {"certainty", std::string(to_string(c.certainty))},
                 {"polarity", std::string(to_string(c.polarity))},
                 {"chain", chain_json(doc, c)}};
  if (conflict) {
    ordered_json mine = ordered_json::array(), theirs = ordered_json::array();
    for (const hearsay::span s : h.query_values) mine.push_back(std::string(s.of(q.text())));
    for (const hearsay::span s : h.claim_values) theirs.push_back(std::string(doc.view(s)));
    j["query_values"] = std::move(mine);
    j["claim_values"] = std::move(theirs);
  }
  return j;
}

ordered_json result_json(const hearsay::claim_query& q, const hearsay::document& doc,
                         const hearsay::document_check& r) {
  const hearsay::codepoint_map cps(doc.text);
  ordered_json verdicts = ordered_json::array(), matches = ordered_json::array(),
               conflicts = ordered_json::array();
  for (const hearsay::verdict v : r.verdicts) verdicts.push_back(std::string(to_string(v)));
  for (const auto& h : r.matches) matches.push_back(hit_json(q, doc, cps, h, false));
  for (const auto& h : r.conflicts) conflicts.push_back(hit_json(q, doc, cps, h, true));
  ordered_json attributed = nullptr;
  if (const hearsay::claim_hit* h = r.attribution(doc, q.polarity())) {
    const hearsay::claim& c = doc.claims[h->claim];
    attributed = {{"outermost", std::string(doc.view(c.chain.front().source.where))},
                  {"innermost", std::string(doc.view(c.chain.back().source.where))}};
  }
  return {{"query", q.text()},
          {"document", doc.id},
          {"verdict", verdicts.front()},
          {"verdicts", std::move(verdicts)},
          {"matches", std::move(matches)},
          {"conflicts", std::move(conflicts)},
          {"attributed", std::move(attributed)}};
}

std::string chain_text(const hearsay::document& doc, const hearsay::claim& c) {
  std::string out;
  for (const hearsay::link& l : c.chain) out += " <- " + std::string(doc.view(l.source.where));
  return out.empty() ? " (the writer)" : out;
}

void print_text(std::ostream& out, const hearsay::claim_query& q, const hearsay::document& doc,
                const hearsay::document_check& r) {
  out << "  " << doc.id << ": " << to_string(r.verdict());
  if (r.verdicts.size() > 1) {
    out << " (also";
    for (std::size_t i = 1; i < r.verdicts.size(); ++i) out << ' ' << to_string(r.verdicts[i]);
    out << ')';
  }
  out << '\n';
  for (const auto& h : r.matches) {
    const hearsay::claim& c = doc.claims[h.claim];
    out << "    match " << rounded(h.score) << ' ' << to_string(c.status)
        << (c.polarity == hearsay::polarity::negative ? " negative" : "") << " \""
        << doc.view(c.where) << "\"" << chain_text(doc, c) << '\n';
  }
  for (const auto& h : r.conflicts) {
    const hearsay::claim& c = doc.claims[h.claim];
    out << "    conflict " << rounded(h.score) << " \"" << doc.view(c.where) << "\": query";
    for (const hearsay::span s : h.query_values) out << " " << s.of(q.text());
    out << ", article";
    for (const hearsay::span s : h.claim_values) out << " " << doc.view(s);
    out << '\n';
  }
}

// Read every article; a file or record that fails is reported and left out.
std::vector<hearsay::document> read_articles(const check_options& o, const hearsay::analyzer& an,
                                             std::ostream& err, int& status) {
  std::vector<hearsay::document> out;
  for (const std::string& f : o.files) {
    try {
      if (o.input == "text") {
        const std::string id = std::filesystem::path(f).stem().string();
        out.push_back(an.analyze(hearsay::read_file(f), id));
        continue;
      }
      hearsay::require_readable_file(f);
      std::ifstream in(f, std::ios::binary);
      std::string line;
      for (std::size_t n = 1; std::getline(in, line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = f + ":" + std::to_string(n);
        try {
          const hearsay::utf8_check valid = hearsay::check_utf8(line);
          const std::string decoded = valid      ? line
                                      : o.repair ? hearsay::repair_utf8(line)
                                                 : std::string();
          if (!valid && !o.repair) throw hearsay::encoding_error(valid.offset, valid.reason);
          const nlohmann::json record = nlohmann::json::parse(decoded);
          if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) {
            throw hearsay::error("record_error", hearsay::error_id::invalid_record,
                                 "record needs a string field \"text\"");
          }
          out.push_back(
              an.analyze(record["text"].get<std::string>(), cli::record_id(record, where)));
        } catch (const nlohmann::json::exception& e) {
          err << "hearsay check: " << where << ": [hearsay.record_error.403] not JSON: " << e.what()
              << '\n';
          status = exit_input_error;
        } catch (const hearsay::error& e) {
          err << "hearsay check: " << where << ": " << e.what() << '\n';
          status = exit_input_error;
        }
      }
      if (in.bad()) throw hearsay::io_error(f, "read failed");
    } catch (const hearsay::error& e) {
      err << "hearsay check: " << f << ": " << e.what() << '\n';
      status = exit_input_error;
    }
  }
  return out;
}

}  // namespace

CLI::App* add_check_command(CLI::App& app, check_options& o) {
  CLI::App* check = app.add_subcommand(
      "check", "Which articles carry a claim, how firmly and from whom (SPEC 9)");
  check->add_option("--claim", o.claims, "A claim to check (repeatable)");
  check->add_option("--claims", o.claims_file, "A file of claims to check, one per line");
  check->add_option("files", o.files, "Articles: text files, or JSON Lines with --input jsonl")
      ->required();
  check->add_option("--input", o.input, "text: each file is one article; jsonl: {id, text} records")
      ->check(CLI::IsMember({"text", "jsonl"}));
  check->add_option("--format", o.format, "json: one JSON object per claim and article; text")
      ->check(CLI::IsMember({"json", "text"}));
  check->add_option("--lexicon", o.lexicon_file, "Merge this lexicon file into the built-in one");
  check->add_flag("--repair-utf8", o.repair,
                  "Replace invalid UTF-8 with U+FFFD instead of failing");
  return check;
}

int run_check(const check_options& o, const hearsay::analyzer& an, std::ostream& out,
              std::ostream& err) {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> texts;  // (where, query)
  for (const std::string& c : o.claims) texts.emplace_back("--claim", c);
  if (!o.claims_file.empty()) {
    try {
      const std::string all = hearsay::read_file(o.claims_file);
      std::size_t start = 0, n = 1;
      while (start < all.size()) {
        std::size_t end = all.find('\n', start);
        if (end == std::string::npos) end = all.size();
        std::string line = all.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) {
          texts.emplace_back(o.claims_file + ":" + std::to_string(n), line);
        }
        start = end + 1;
        ++n;
      }
    } catch (const hearsay::error& e) {
      err << "hearsay check: " << e.what() << '\n';
      return exit_input_error;
    }
  }
  if (texts.empty()) {
    err << "hearsay check: give a claim with --claim or --claims FILE\n";
    return exit_usage;
  }
  std::vector<hearsay::claim_query> queries;
  for (const auto& [where, text] : texts) {
    try {
      queries.emplace_back(text, an.options().language);
    } catch (const hearsay::error& e) {
      err << "hearsay check: " << where << ": " << e.what() << '\n';
      status = exit_input_error;
    }
  }
  const std::vector<hearsay::document> articles = read_articles(o, an, err, status);
  // Every claim of the articles reduced and filed once, whatever the number of queries.
  const hearsay::check_index index(articles);
  for (const hearsay::claim_query& q : queries) {
    if (o.format == "text") out << '"' << q.text() << "\"\n";
    for (const hearsay::document_check& r : index.check(q)) {
      const hearsay::document& doc = articles[r.document];
      if (o.format == "text") {
        print_text(out, q, doc, r);
      } else {
        out << result_json(q, doc, r).dump(-1, ' ', false, ordered_json::error_handler_t::replace)
            << '\n';
      }
    }
  }
  out.flush();
  if (!out) {
    err << "hearsay check: "
        << hearsay::io_error("standard output", "write failed", hearsay::error_id::cannot_write)
               .what()
        << '\n';
    return exit_input_error;
  }
  return status;
}
