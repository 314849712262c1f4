// `hearsay eval`: the SPEC section 6 tables.
#include "eval_command.hpp"
#include "verifier_eval.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/corpus.hpp"
#include "hearsay/detail/confidence.hpp"
#include "hearsay/detail/explain.hpp"
#include "hearsay/error.hpp"
#include "hearsay/polnear.hpp"
#include "hearsay/score.hpp"
#include "hearsay/standoff.hpp"
#include "progress.hpp"
#include "views/eval_report.hpp"

namespace {

// SPEC 7: how well confidence predicts whether status and chain are right, over matched claims
// (the bins and the calibration error are the report's, views/eval_report.hpp).
struct calibration {
  std::vector<cli::reliability_point> points;
  std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> by_rule;  // right, total

  void add(const hearsay::claim& c, bool ok) {
    points.push_back({static_cast<double>(c.confidence), ok});
    auto& r = by_rule[std::string(to_string(c.evidence.rule))];
    r.first += ok;
    ++r.second;
  }
};

struct loaded_corpus {
  std::string path;
  hearsay::corpus gold;
};

std::string fixed3(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

// A share, or "-" when nothing was judged.
std::string share(const hearsay::accuracy& a) {
  return a.empty() ? std::string("-") : fixed3(a.value());
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

void print_prf(std::ostream& out, std::string_view label, const hearsay::prf& p) {
  out << "  " << padded(label, 20) << fixed3(p.precision()) << "  " << fixed3(p.recall()) << "  "
      << fixed3(p.f1()) << "   (" << p.correct << " correct, " << p.predicted << " predicted, "
      << p.gold << " gold)\n";
}

void print_share(std::ostream& out, std::string_view label, const hearsay::accuracy& a) {
  out << "  " << padded(label, 20) << padded(share(a), 7) << "  (" << a.correct << " of " << a.total
      << ")\n";
}

void print_table(std::ostream& out, const hearsay::scores& s) {
  out << "  " << padded("", 20) << "P      R      F1\n";
  print_prf(out, "sentences", s.sentences);
  print_prf(out, "claims", s.claims);
  for (const hearsay::status st :
       {hearsay::status::confirmed, hearsay::status::reported, hearsay::status::alleged}) {
    print_prf(out, "status " + std::string(hearsay::to_string(st)), s.of(st));
  }
  print_prf(out, "alleged sentences", s.alleged_sentences);
  print_prf(out, "cues", s.cues);
  print_share(out, "span exact", s.span_exact);
  print_share(out, "status accuracy", s.status);
  out << "  " << padded("status macro-F1", 20) << fixed3(s.status_macro_f1()) << '\n';
  print_share(out, "chain exact", s.chain_exact);
  print_share(out, "end to end", s.end_to_end);
  print_share(out, "certainty", s.certainty);
  print_share(out, "polarity", s.polarity);
  print_share(out, "quote", s.quote);
}

void print_document_line(std::ostream& out, const hearsay::document_score& d) {
  const hearsay::scores& s = d.totals;
  out << "  " << d.id << ": sentences F1 " << fixed3(s.sentences.f1()) << ", claims P/R/F1 "
      << fixed3(s.claims.precision()) << '/' << fixed3(s.claims.recall()) << '/'
      << fixed3(s.claims.f1()) << ", status " << share(s.status) << ", chain "
      << share(s.chain_exact) << ", end to end " << share(s.end_to_end) << ", cues F1 "
      << fixed3(s.cues.f1()) << '\n';
}

void print_calibration(std::ostream& out, const calibration& cal) {
  out << "== calibration (matched claims: confidence against status and chain both right)\n";
  out << "  bin        claims  mean conf.  right\n";
  const std::vector<cli::calibration_bin> bins = cli::calibration_bins(cal.points);
  for (const cli::calibration_bin& bin : bins) {
    if (!bin.claims) continue;
    char line[96];
    std::snprintf(line, sizeof line, "  %.1f-%.1f  %7zu  %10.3f  %5.3f\n", bin.low, bin.high,
                  bin.claims, bin.mean_confidence,
                  static_cast<double>(bin.right) / static_cast<double>(bin.claims));
    out << line;
  }
  std::size_t high_total = 0, high_right = 0;
  for (const cli::reliability_point& p : cal.points) {
    if (p.confidence < 0.9) continue;
    ++high_total;
    high_right += p.right;
  }
  out << "  expected calibration error " << fixed3(cli::expected_calibration_error(bins))
      << "; confidence >= 0.9: "
      << (high_total ? fixed3(static_cast<double>(high_right) / static_cast<double>(high_total))
                     : std::string("-"))
      << " right (" << high_right << " of " << high_total << ")\n";
  out << "== accuracy per rule (status and chain both right)\n";
  for (const auto& [rule, counts] : cal.by_rule) {
    out << "  " << padded(rule, 28)
        << fixed3(static_cast<double>(counts.first) / static_cast<double>(counts.second)) << "  ("
        << counts.first << " of " << counts.second << ")\n";
  }
}

void print_polnear(std::ostream& out, const std::string& dir, const hearsay::polnear_scores& s) {
  out << "== PolNeAR " << dir << " (" << s.articles << " articles)\n";
  out << "  " << padded("", 20) << "P      R      F1\n";
  print_prf(out, "source exact", s.source_exact);
  print_prf(out, "cue exact", s.cue_exact);
  print_prf(out, "content exact", s.content_exact);
  print_prf(out, "source overlap", s.source_overlap);
  print_prf(out, "cue overlap", s.cue_overlap);
  print_prf(out, "content overlap", s.content_overlap);
}

// Inter-annotator agreement: the second file of each pair scored as if it were the analysis.
int print_agreement(const eval_options& options, const std::vector<loaded_corpus>& corpora,
                    std::ostream& out, std::ostream& err) {
  if (corpora.size() % 2 != 0) {
    err << "hearsay eval --agreement: give the files in pairs (reference, other)\n";
    return eval_bad_file;
  }
  hearsay::scores overall;
  try {
    for (std::size_t i = 0; i < corpora.size(); i += 2) {
      const hearsay::corpus& a = corpora[i].gold;
      const hearsay::corpus& b = corpora[i + 1].gold;
      if (a.documents.size() != b.documents.size()) {
        err << "hearsay eval --agreement: " << corpora[i].path << " and " << corpora[i + 1].path
            << " hold different numbers of documents\n";
        return eval_bad_file;
      }
      for (std::size_t d = 0; d < a.documents.size(); ++d) {
        const hearsay::document_score score =
            hearsay::score_document(a.documents[d], hearsay::gold_as_document(b.documents[d]));
        if (!options.summary) print_document_line(out, score);
        if (options.errors) {
          for (const hearsay::mistake& m : score.mistakes)
            out << "    " << hearsay::describe(m) << '\n';
        }
        overall += score.totals;
      }
    }
  } catch (const hearsay::error& e) {
    err << "hearsay eval: " << e.what() << '\n';
    return 1;
  }
  out << "== agreement (" << overall.documents << " documents annotated twice)\n";
  print_table(out, overall);
  return 0;
}

// The reliability points of one scored document: each matched claim's confidence (1 when the
// analysis has none) and whether its status and chain are both right.
void add_points(cli::eval_report& report, const hearsay::document_score& score,
                const hearsay::document& predicted) {
  for (const hearsay::claim_outcome& o : score.outcomes) {
    const auto confidence = hearsay::detail::confidence_of(predicted.claims[o.predicted]);
    report.has_confidence = report.has_confidence || confidence.has_value();
    report.points.push_back({confidence.value_or(1.0), o.right});
  }
}

bool write_report(const std::string& path, const cli::eval_report& report, std::ostream& err) {
  std::ofstream file(path, std::ios::binary);
  if (file) cli::write_eval_report(file, report);
  file.close();
  if (!file) {
    err << "hearsay eval: " << hearsay::io_error(path, "cannot write the report").what() << '\n';
    return false;
  }
  return true;
}

}  // namespace

int run_eval(const eval_options& options, const hearsay::analyzer& analyzer, std::ostream& out,
             std::ostream& err) {
  if (options.files.empty() && options.polnear_dir.empty()) {
    err << "hearsay eval: give corpus files or --polnear DIR\n";
    return eval_bad_file;
  }
  // Load everything first: a bad file stops the run before any table is printed.
  std::vector<loaded_corpus> corpora;
  std::vector<hearsay::polnear_article> articles;
  try {
    for (const std::string& path : options.files) {
      corpora.push_back({path, hearsay::load_gold_file(path, options.text_dirs)});
    }
    if (!options.polnear_dir.empty()) articles = hearsay::load_polnear(options.polnear_dir);
  } catch (const hearsay::error& e) {
    err << "hearsay eval: " << e.what() << '\n';
    return eval_bad_file;
  }

  if (options.agreement) return print_agreement(options, corpora, out, err);
  std::size_t total_bytes = 0;
  for (const loaded_corpus& c : corpora) {
    for (const hearsay::gold_document& gold : c.gold.documents) total_bytes += gold.text.size();
  }
  for (const hearsay::polnear_article& a : articles) total_bytes += a.text.size();
  // The tables go to `out` as each file is done; the progress line is cleared before each.
  cli::progress meter(options.progress, total_bytes);
  cli::eval_report report;
  hearsay::scores overall;
  calibration cal;
  flag_scores flags;
  std::ofstream features;
  if (!options.features_file.empty()) {
    features.open(options.features_file);
    if (!features) {
      err << "hearsay eval: cannot write " << options.features_file << '\n';
      return eval_bad_file;
    }
  }
  try {
    for (const loaded_corpus& c : corpora) {
      hearsay::scores file_total;
      std::vector<hearsay::document_score> scored;
      for (const hearsay::gold_document& gold : c.gold.documents) {
        hearsay::document analysed = analyzer.analyze(gold.text, gold.id);
        scored.push_back(hearsay::score_document(gold, analysed));
        if (!analysed.sourcing) hearsay::assess_sourcing(analysed);
        flags.add(gold, analysed, scored.back());
        for (const hearsay::claim_outcome& o : scored.back().outcomes) {
          const hearsay::claim& pc = analysed.claims[o.predicted];
          cal.add(pc, o.right);
          if (features.is_open()) {
            features << (o.right ? 1 : 0);
            for (const std::string& f : hearsay::detail::confidence_features(analysed, pc))
              features << '\t' << f;
            features << '\n';
          }
        }
        if (!options.html_report.empty()) add_points(report, scored.back(), analysed);
        meter.step(gold.text.size());
      }
      meter.clear();
      if (!options.summary)
        out << "== " << c.path << " (" << c.gold.documents.size() << " documents)\n";
      for (const hearsay::document_score& d : scored) {
        if (options.per_document && !options.summary) print_document_line(out, d);
        if (options.errors) {
          for (const hearsay::mistake& m : d.mistakes)
            out << "    " << hearsay::describe(m) << '\n';
        }
        file_total += d.totals;
      }
      if (!options.summary || corpora.size() == 1) print_table(out, file_total);
      overall += file_total;
      report.files.emplace_back(c.path, file_total);
    }
    report.overall = overall;
    if (!options.html_report.empty() && !write_report(options.html_report, report, err)) {
      return 1;
    }
    if (corpora.size() > 1) {
      out << "== overall (" << overall.documents << " documents in " << corpora.size()
          << " files)\n";
      print_table(out, overall);
    }
    print_calibration(out, cal);
    flags.print(out);
  } catch (const hearsay::error& e) {
    meter.clear();
    err << "hearsay eval: " << e.what() << '\n';
    return 1;
  }

  if (!options.polnear_dir.empty()) {
    hearsay::polnear_scores total;
    try {
      for (const hearsay::polnear_article& a : articles) {
        total += hearsay::score_polnear(a, analyzer.analyze(a.text, a.id));
        meter.step(a.text.size());
      }
      meter.done();
    } catch (const hearsay::error& e) {
      meter.clear();
      err << "hearsay eval: " << e.what() << '\n';
      return 1;
    }
    print_polnear(out, options.polnear_dir, total);
  }
  return 0;
}
