// The check stage of the benchmark (issue 11): queries checked against an archive of analysed
// documents, as a fact-checker's pipeline does (analyse once, check many claims). The queries are
// claims of the corpus itself, taken at an even stride, so that every query finds articles that
// carry it and the matching work is done, not skipped.
#ifndef HEARSAY_BENCH_CHECK_HPP
#define HEARSAY_BENCH_CHECK_HPP

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "hearsay/check.hpp"
#include "hearsay/check_index.hpp"

namespace bench {

struct check_result {
  std::size_t queries = 0;
  std::size_t documents = 0;
  std::size_t document_bytes = 0;  // text of the documents checked (each query reads them all)
  double seconds = 0;              // fastest round, all queries, hearsay::check
  double index_build_seconds = 0;  // hearsay::check_index over the documents, once
  double index_seconds = 0;        // fastest round, all queries, check_index::find
  std::uint64_t matches = 0;       // summed over queries: documents with a match
};

// Analyse the first `max_documents` of `texts`, pick `max_queries` distinct claim texts among
// them, and time checking every query against every document (fastest of `repeats` rounds), by
// plain check and through a check_index (built once, then find() per query).
inline check_result measure_check(const hearsay::analyzer& an,
                                  const std::vector<std::string>& texts, std::size_t max_documents,
                                  std::size_t max_queries, int repeats) {
  check_result r;
  std::vector<hearsay::document> docs;
  for (std::size_t i = 0; i < texts.size() && docs.size() < max_documents; ++i) {
    docs.push_back(an.analyze(texts[i], "bench-" + std::to_string(i)));
    r.document_bytes += texts[i].size();
  }
  r.documents = docs.size();
  std::size_t claims = 0;
  for (const auto& d : docs) claims += d.claims.size();
  const std::size_t stride = claims / max_queries + 1;
  std::set<std::string> seen;
  std::vector<hearsay::claim_query> queries;
  std::size_t k = 0;
  for (const auto& d : docs) {
    for (const auto& c : d.claims) {
      if (k++ % stride != 0 || queries.size() >= max_queries) continue;
      std::string text(d.view(c.where));
      if (!seen.insert(text).second) continue;
      try {
        queries.emplace_back(std::move(text));
      } catch (const std::exception&) {
        // A claim of stop words only is no query; take the next.
      }
    }
  }
  r.queries = queries.size();
  const auto since = [](std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  r.seconds = r.index_seconds = 1e300;
  for (int round = 0; round < repeats; ++round) {
    const auto t0 = std::chrono::steady_clock::now();
    std::uint64_t found = 0;
    for (const auto& q : queries) {
      for (const auto& result : hearsay::check(q, std::span<const hearsay::document>(docs)))
        found += result.matches.empty() ? 0 : 1;
    }
    r.seconds = std::min(r.seconds, since(t0));
    r.matches = found;
  }
  const auto t_build = std::chrono::steady_clock::now();
  const hearsay::check_index index(docs);
  r.index_build_seconds = since(t_build);
  for (int round = 0; round < repeats; ++round) {
    const auto t0 = std::chrono::steady_clock::now();
    std::uint64_t found = 0;
    for (const auto& q : queries) {
      for (const auto& result : index.find(q)) found += result.matches.empty() ? 0 : 1;
    }
    r.index_seconds = std::min(r.index_seconds, since(t0));
    if (found != r.matches) throw std::runtime_error("check_index found other documents");
  }
  return r;
}

}  // namespace bench

#endif  // HEARSAY_BENCH_CHECK_HPP
