// `hearsay eval --trace`: each set traced on its own, scores per set and pooled over sets.
#include "trace_eval.hpp"

#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>

#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/trace.hpp"
#include "hearsay/trace_score.hpp"

namespace {

std::string fixed3(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  return buffer;
}

void print_score(std::ostream& out, const hearsay::trace_score& s) {
  out << "  B-cubed             P " << fixed3(s.precision()) << "  R " << fixed3(s.recall())
      << "  F1 " << fixed3(s.f1()) << "   (" << s.claims << " gold claims, " << s.matched
      << " matched to a mention)\n";
  out << "  circular citations  " << s.circular_found << " of " << s.circular_gold
      << " gold found; " << s.circular_predicted << " reported, " << s.circular_right
      << " of them gold\n";
}

// Each gold cluster's claims, with the predicted cluster each landed in ("-": a singleton).
void print_items(std::ostream& out, const hearsay::corpus& gold,
                 const std::vector<hearsay::trace_item>& items) {
  std::map<std::string, std::vector<const hearsay::trace_item*>> by_gold;
  for (const hearsay::trace_item& i : items) by_gold[i.cluster.value_or("(none)")].push_back(&i);
  for (const auto& [name, list] : by_gold) {
    out << "    gold " << name << ":\n";
    for (const hearsay::trace_item* i : list) {
      const hearsay::gold_document& d = gold.documents[i->document];
      out << "      [" << (i->predicted ? std::to_string(*i->predicted) : std::string("-")) << "] "
          << d.id << " #" << i->claim << " \"" << d.claims[i->claim].where.of(d.text) << "\"\n";
    }
  }
}

}  // namespace

int run_trace_eval(const std::vector<std::string>& files, const hearsay::analyzer& analyzer,
                   bool errors, std::ostream& out, std::ostream& err) {
  struct loaded {
    std::string path;
    hearsay::corpus gold;
    std::vector<hearsay::circular_citation> circular;
  };
  std::vector<loaded> sets;
  try {
    for (const std::string& path : files) {
      loaded l{path, hearsay::load_corpus_file(path), {}};
      std::filesystem::path loops(path);
      loops.replace_extension(".circular.txt");
      if (std::filesystem::exists(loops)) l.circular = hearsay::load_circular_file(loops.string());
      sets.push_back(std::move(l));
    }
  } catch (const hearsay::error& e) {
    err << "hearsay eval: " << e.what() << '\n';
    return 2;
  }
  hearsay::trace_score overall;
  for (const loaded& set : sets) {
    hearsay::trace_options options;
    options.min_documents = 1;
    hearsay::tracer tr(options);
    std::vector<hearsay::document> analysed;
    for (const hearsay::gold_document& g : set.gold.documents) {
      analysed.push_back(analyzer.analyze(g.text, g.id));
      std::optional<hearsay::feed_date> date;
      if (g.date) {
        date = hearsay::parse_feed_date(*g.date);
        if (!date)
          err << "hearsay eval: " << set.path << ": " << g.id << ": date '" << *g.date
              << "' does not parse; traced without a date\n";
      }
      tr.add(analysed.back(), g.outlet, date);
    }
    const std::vector<hearsay::trace_cluster> clusters = tr.clusters(1);
    std::vector<hearsay::trace_item> items;
    const hearsay::trace_score s =
        hearsay::score_trace(set.gold, analysed, clusters, set.circular, &items);
    out << "== " << set.path << " (" << set.gold.documents.size() << " documents)\n";
    print_score(out, s);
    if (errors) print_items(out, set.gold, items);
    overall += s;
  }
  if (sets.size() > 1) {
    out << "== overall (" << sets.size() << " sets, claims pooled)\n";
    print_score(out, overall);
  }
  return 0;
}
