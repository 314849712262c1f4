// The analyzer's limits (analyzer.hpp, hearsay::limits): no input makes analysis grow faster than
// its size in time or memory, and a pathological "sentence" gives a bounded result.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "hearsay/analyzer.hpp"
#include "stress_texts.hpp"

using namespace std::chrono_literals;
using stress::pathological_shapes;
using stress::repeat_to;
using stress::shape;

namespace {

const hearsay::analyzer& shared_analyzer() {
  static const hearsay::analyzer an;
  return an;
}

// CPU seconds per MB of one analysis of `text` (CPU time: a wall clock would also count the
// time other processes of a loaded machine take the core away).
double seconds_per_mb(const std::string& text) {
  timespec start{}, end{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start);
  const hearsay::document doc = shared_analyzer().analyze(text);
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end);
  const double took = static_cast<double>(end.tv_sec - start.tv_sec) +
                      static_cast<double>(end.tv_nsec - start.tv_nsec) * 1e-9;
  return took / (static_cast<double>(text.size()) / 1e6);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analyzer_limits)

// Issue 15: a 16k-unit paragraph of quotations took 0.13 s, 64k units 1.93 s. Time per MB at
// 4 MB must stay within 3x of time per MB at 256 KB for every shape of hostile input.
BOOST_AUTO_TEST_CASE(time_per_mb_at_4_mb_stays_within_3x_of_256_kb_for_pathological_input) {
  for (const shape& s : pathological_shapes()) {
    const std::string small = s.make(256 * 1024);
    const std::string large = s.make(4 * 1024 * 1024);
    // Small and large in turn, the fastest of each: the machine's other load then weighs on
    // both alike. Until a second is spent (at most 10 rounds); a quadratic shape (minutes a
    // run) stops after its first.
    double per_mb_small = 1e300, per_mb_large = 1e300;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < 10 && std::chrono::steady_clock::now() - start < 1s; ++round) {
      for (int k = 0; k < 4; ++k) per_mb_small = std::min(per_mb_small, seconds_per_mb(small));
      per_mb_large = std::min(per_mb_large, seconds_per_mb(large));
    }
    BOOST_TEST_MESSAGE(s.name << ": " << per_mb_small * 1000 << " ms/MB at 256 KB, "
                              << per_mb_large * 1000 << " ms/MB at 4 MB");
    BOOST_TEST(per_mb_large <= 3 * per_mb_small,
               s.name << ": " << per_mb_large * 1000 << " ms/MB at 4 MB against "
                      << per_mb_small * 1000 << " ms/MB at 256 KB");
  }
}

// A megabyte without a full stop once gave one claim of the whole megabyte.
BOOST_AUTO_TEST_CASE(no_claim_spans_more_than_one_window_of_a_sentence) {
  const std::string text = repeat_to("officials said the plan failed and ", 1 << 20);
  const hearsay::document doc = shared_analyzer().analyze(text);
  BOOST_TEST(doc.sentences.size() == 1u);
  BOOST_TEST(doc.claims.size() > text.size() / 1024 / 6);  // every window still has its claims
  std::size_t longest = 0;
  for (const hearsay::claim& c : doc.claims) {
    const std::string_view v = doc.view(c.where);
    longest = std::max<std::size_t>(longest, std::count(v.begin(), v.end(), ' ') + 1);
  }
  BOOST_TEST(longest <= hearsay::limits::sentence_tokens);
}

// "NHK said that Reuters reported that …" nested 60 deep once gave a chain of 63 links.
BOOST_AUTO_TEST_CASE(source_chains_stop_at_the_documented_depth_keeping_the_outermost_links) {
  const std::string text = repeat_to("NHK said that Reuters reported that ", 1 << 20);
  const hearsay::document doc = shared_analyzer().analyze(text);
  std::size_t deepest = 0;
  for (const hearsay::claim& c : doc.claims) {
    deepest = std::max(deepest, c.chain.size());
    // Outermost first: here the earliest source in the text; the cap drops the innermost.
    for (std::size_t i = 1; i < c.chain.size(); ++i) {
      BOOST_TEST(c.chain[i - 1].source.where.begin < c.chain[i].source.where.begin);
    }
  }
  BOOST_TEST(deepest == hearsay::limits::chain_links);
}

// A paragraph of 16 MB without punctuation once took 27 times its size (tokens of the whole
// paragraph); working memory is per block now: what analysis adds to the process's peak is the
// document (its copy of the text, its sentences and claims) and scratch of one block.
BOOST_AUTO_TEST_CASE(peak_memory_of_one_huge_paragraph_stays_a_small_multiple_of_its_size) {
  const auto status_kib = [](const char* field) -> long {
    std::ifstream in("/proc/self/status");
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with(field)) return std::stol(line.substr(std::strlen(field)));
    }
    return -1;
  };
  const std::size_t size = std::size_t{16} << 20;
  const std::string text = repeat_to("the plan and the city of ", size);
  // Writing 5 to clear_refs resets the peak (VmHWM) to the current resident size (Linux 4.0).
  if (!(std::ofstream("/proc/self/clear_refs") << "5" << std::flush) || status_kib("VmHWM:") < 0) {
    BOOST_TEST_MESSAGE("skipped: this system cannot reset the peak resident size");
    return;
  }
  const long before = status_kib("VmRSS:");
  std::size_t claims = 0;
  {
    const hearsay::document doc = shared_analyzer().analyze(text);
    claims = doc.claims.size();
  }
  const double added = static_cast<double>(status_kib("VmHWM:") - before) * 1024;
  BOOST_TEST_MESSAGE("analysis added " << added / static_cast<double>(size) << "x the input to the "
                                       << "peak (" << claims << " claims)");
  BOOST_TEST(added <= 3.0 * static_cast<double>(size));
}

BOOST_AUTO_TEST_SUITE_END()
