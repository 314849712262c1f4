#include "verifier_eval.hpp"

#include <filesystem>
#include <iomanip>
#include <map>
#include <ostream>
#include <pugixml.hpp>

#include "hearsay/check.hpp"
#include "hearsay/error.hpp"

namespace {

std::string fixed3(double v) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << v;
  return s.str();
}

void print_row(std::ostream& out, std::string_view label, const hearsay::prf& p) {
  out << "  " << std::left << std::setw(26) << label << " P " << fixed3(p.precision()) << "  R "
      << fixed3(p.recall()) << "  F1 " << fixed3(p.f1()) << "  (predicted " << p.predicted
      << ", gold " << p.gold << ")\n";
}

// A gold file named by a check: beside the checks file, or one folder up (corpora/check/x.xml
// naming "politics.xml" or "check/articles.xml").
std::filesystem::path resolve(const std::filesystem::path& checks, const std::string& corpus) {
  const std::filesystem::path here = checks.parent_path();
  for (const std::filesystem::path& base : {here, here.parent_path()}) {
    if (std::filesystem::exists(base / corpus)) return base / corpus;
  }
  throw hearsay::io_error(corpus, "no such corpus beside " + checks.string());
}

}  // namespace

void flag_scores::add(const hearsay::gold_document& gold, const hearsay::document& predicted,
                      const hearsay::document_score& score) {
  bool any = false;
  for (const auto& g : gold.claims) any = any || g.flags.has_value();
  if (!any) return;
  ++documents;
  std::vector<bool> matched(predicted.claims.size(), false);
  for (const hearsay::claim_outcome& o : score.outcomes) {
    matched[o.predicted] = true;
    const auto& g = gold.claims[o.gold];
    if (!g.flags) continue;
    const hearsay::flag_set p = predicted.claims[o.predicted].flags;
    for (std::size_t f = 0; f < by_flag.size(); ++f) {
      const auto fl = static_cast<hearsay::flag>(f);
      by_flag[f].predicted += p.has(fl);
      by_flag[f].gold += g.flags->has(fl);
      by_flag[f].correct += p.has(fl) && g.flags->has(fl);
    }
  }
  // Gold claims the analysis missed, and claims it made up, count against it.
  std::vector<bool> gold_matched(gold.claims.size(), false);
  for (const hearsay::claim_outcome& o : score.outcomes) gold_matched[o.gold] = true;
  for (std::size_t i = 0; i < gold.claims.size(); ++i) {
    const auto& g = gold.claims[i];
    if (gold_matched[i] || g.optional || !g.flags) continue;
    for (std::size_t f = 0; f < by_flag.size(); ++f)
      by_flag[f].gold += g.flags->has(static_cast<hearsay::flag>(f));
  }
  for (std::size_t i = 0; i < predicted.claims.size(); ++i) {
    if (matched[i]) continue;
    for (std::size_t f = 0; f < by_flag.size(); ++f) {
      by_flag[f].predicted += predicted.claims[i].flags.has(static_cast<hearsay::flag>(f));
    }
  }
}

void flag_scores::print(std::ostream& out) const {
  if (documents == 0) return;
  out << "== sourcing flags (" << documents << " documents whose gold gives flags)\n";
  for (std::size_t f = 0; f < by_flag.size(); ++f) {
    print_row(out, to_string(static_cast<hearsay::flag>(f)), by_flag[f]);
  }
}

int run_check_eval(const std::vector<std::string>& files, const hearsay::analyzer& analyzer,
                   bool errors, std::ostream& out, std::ostream& err) {
  constexpr std::size_t n = hearsay::value_count<hearsay::verdict>;
  std::array<hearsay::prf, n> by_verdict{};
  hearsay::accuracy acc;
  std::map<std::string, hearsay::corpus> corpora;
  std::map<std::string, hearsay::document> analysed;
  std::vector<std::string> wrong;
  for (const std::string& file : files) {
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed = xml.load_file(file.c_str());
    if (!parsed) {
      err << "hearsay eval: " << file << ": byte " << parsed.offset << ": " << parsed.description()
          << '\n';
      return 2;
    }
    try {
      for (const pugi::xml_node c : xml.child("checks").children("check")) {
        const std::string corpus = resolve(file, c.attribute("corpus").value()).string();
        const std::string doc_id = c.attribute("doc").value();
        hearsay::verdict gold = hearsay::verdict::not_found;
        if (!parse(c.attribute("verdict").value(), gold)) {
          err << "hearsay eval: " << file << ": byte " << c.offset_debug() << ": unknown verdict '"
              << c.attribute("verdict").value() << "'\n";
          return 2;
        }
        if (!corpora.count(corpus)) corpora.emplace(corpus, hearsay::load_corpus_file(corpus));
        const std::string key = corpus + "#" + doc_id;
        if (!analysed.count(key)) {
          const hearsay::gold_document* found = nullptr;
          for (const auto& d : corpora[corpus].documents) found = d.id == doc_id ? &d : found;
          if (!found) throw hearsay::io_error(corpus, "has no document " + doc_id);
          analysed.emplace(key, analyzer.analyze(found->text, found->id));
        }
        const hearsay::claim_query query(c.child_value("query"));
        const hearsay::verdict got = hearsay::check(query, analysed[key]).verdict();
        ++acc.total;
        acc.correct += got == gold;
        by_verdict[static_cast<std::size_t>(gold)].gold += 1;
        by_verdict[static_cast<std::size_t>(got)].predicted += 1;
        by_verdict[static_cast<std::size_t>(got)].correct += got == gold;
        if (got != gold) {
          wrong.push_back(std::string(to_string(gold)) + " -> " + std::string(to_string(got)) +
                          "  [" + doc_id + "] " + query.text());
        }
      }
    } catch (const hearsay::error& e) {
      err << "hearsay eval: " << file << ": " << e.what() << '\n';
      return 2;
    }
  }
  out << "== check verdicts (" << acc.total << " query-document pairs)\n";
  out << "  accuracy " << fixed3(acc.value()) << " (" << acc.correct << "/" << acc.total << ")\n";
  for (std::size_t v = 0; v < n; ++v) {
    print_row(out, to_string(static_cast<hearsay::verdict>(v)), by_verdict[v]);
  }
  if (errors) {
    for (const std::string& w : wrong) out << "    " << w << '\n';
  }
  return 0;
}
