// hearsay_bench: throughput of hearsay against raw ICU on the same text in the same run, time per
// MB for single inputs of 1 KB, 1 MB and 100 MB, and peak memory of analysing one 100 MB document.
// A program, not a test (issue 5). It prints a markdown table for the README.
//
//   hearsay_bench                # full: 50 MB corpus, 100 MB single document, best of 5 rounds
//   hearsay_bench --quick        # smoke run: 4 MB corpus, 8 MB single document, 1 run (< 30 s)
//   hearsay_bench --mb 200 --big-mb 100 --repeats 5 --corpora DIR
//
// The corpus is every <doc> text of corpora/*.xml, repeated and shuffled with a fixed seed until it
// holds --mb megabytes; each stage runs over its documents one by one, as a pipeline would.
// MB means 10^6 bytes. The stages run in --repeats rounds, each stage once per round, and each
// reports its fastest run (other work on the machine only ever slows a run down; rounds spread a
// slow spell over all stages) and the CPU time it used, so that a 2-thread speedup held back by a
// busy machine can be told from contention inside hearsay. The single-thread stages share one
// core (see core_pin). Peak memory is measured in a fresh child process (this program re-executed
// with --memory-child) so that the corpus held here does not count.
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench_check.hpp"
#include "bench_output.hpp"
#include "bench_process.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"
#include "hearsay/segment.hpp"
#include "hearsay/version.hpp"

namespace {

constexpr double mb_bytes = 1e6;
constexpr std::uint64_t shuffle_seed = 20240601;

struct options {
  double mb = 50;              // corpus size for the throughput stages
  double big_mb = 100;         // the single large document (time per MB and peak memory)
  int repeats = 5;             // rounds of the throughput stages (fastest counts)
  int threads = 2;             // threads for the shared-analyzer stage
  double small_seconds = 1.0;  // how long to loop over the 1 KB input
  bool memory = true;          // measure peak memory in a child process
  bool process = true;         // the whole-process stages (the CLI, Python)
  bool quick = false;
  bool memory_child = false;  // internal: we are that child
  std::string command_line;   // the arguments given, for the "reproduce" line
  std::string corpora = HEARSAY_CORPORA_DIR;
};

void usage(std::ostream& out) {
  out << "usage: hearsay_bench [--quick] [--mb N] [--big-mb N] [--repeats N] [--threads N]\n"
         "                     [--small-seconds S] [--no-memory] [--no-process] [--corpora DIR]\n"
         "  --quick          smoke run: --mb 4 --big-mb 8 --repeats 1 --small-seconds 0.2\n"
         "  --mb N           corpus size in MB (10^6 bytes) for the throughput stages (50)\n"
         "  --big-mb N       size of the single large document (100)\n"
         "  --repeats N      rounds of the throughput stages; fastest reported (5)\n"
         "  --threads N      threads sharing one analyzer in the parallel stage (2)\n"
         "  --small-seconds  how long to loop over the 1 KB input (1.0)\n"
         "  --no-memory      skip the peak-memory child; time the large document in-process\n"
         "  --no-process     skip the whole-process stages (hearsay analyze, Python)\n"
         "  --corpora DIR    where the gold corpora (*.xml) are (" HEARSAY_CORPORA_DIR ")\n";
}

options parse_args(int argc, char** argv) {
  options o;
  std::vector<std::string> args(argv + 1, argv + argc);
  for (const auto& a : args) o.command_line += " " + a;
  // --quick first, so that explicit sizes given with it win.
  if (std::find(args.begin(), args.end(), "--quick") != args.end()) {
    o.quick = true;
    o.mb = 4;
    o.big_mb = 8;
    o.repeats = 1;
    o.small_seconds = 0.2;
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
      return args[++i];
    };
    if (a == "--quick") {
    } else if (a == "--mb") {
      o.mb = std::stod(value());
    } else if (a == "--big-mb") {
      o.big_mb = std::stod(value());
    } else if (a == "--repeats") {
      o.repeats = std::max(1, std::stoi(value()));
    } else if (a == "--threads") {
      o.threads = std::max(1, std::stoi(value()));
    } else if (a == "--small-seconds") {
      o.small_seconds = std::stod(value());
    } else if (a == "--no-memory") {
      o.memory = false;
    } else if (a == "--no-process") {
      o.process = false;
    } else if (a == "--corpora") {
      o.corpora = value();
    } else if (a == "--memory-child") {
      o.memory_child = true;
    } else if (a == "--help" || a == "-h") {
      usage(std::cout);
      std::exit(0);
    } else {
      throw std::invalid_argument("unknown argument " + a);
    }
  }
  if (o.mb <= 0 || o.big_mb <= 0) throw std::invalid_argument("sizes must be positive");
  return o;
}

// --- the text ------------------------------------------------------------------------------------

std::vector<std::string> load_gold_texts(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".xml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& f : files) {
    for (auto& d : hearsay::load_corpus_file(f.string()).documents) {
      if (!d.text.empty()) texts.push_back(std::move(d.text));
    }
  }
  if (texts.empty()) throw std::runtime_error("no documents in " + dir + "/*.xml");
  return texts;
}

// Documents drawn from `texts` in shuffled rounds (fixed seed) until they hold `bytes` bytes.
std::vector<std::string> make_corpus(const std::vector<std::string>& texts, double bytes) {
  std::mt19937_64 rng(shuffle_seed);
  std::vector<std::size_t> order(texts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::string> docs;
  double total = 0;
  while (total < bytes) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t i : order) {
      docs.push_back(texts[i]);
      total += static_cast<double>(texts[i].size());
      if (total >= bytes) break;
    }
  }
  return docs;
}

// One document of exactly `bytes` bytes (cut back to a UTF-8 boundary): shuffled gold texts joined
// as paragraphs.
std::string make_document(const std::vector<std::string>& texts, std::size_t bytes,
                          std::uint64_t seed = shuffle_seed + 1) {
  std::mt19937_64 rng(seed);
  std::vector<std::size_t> order(texts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::size_t longest = 0;
  for (const auto& t : texts) longest = std::max(longest, t.size());
  std::string out;
  out.reserve(bytes + longest + 2);
  while (out.size() < bytes) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t i : order) {
      if (!out.empty()) out += "\n\n";
      out += texts[i];
      if (out.size() >= bytes) break;
    }
  }
  std::size_t cut = bytes;
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  out.resize(cut);
  return out;
}

std::size_t total_bytes(const std::vector<std::string>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs) n += d.size();
  return n;
}

// --- timing --------------------------------------------------------------------------------------

double now_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

// User + system CPU seconds of this process so far (all threads) and of its finished children
// (the whole-process stages).
double cpu_seconds() {
  double total = 0;
  for (const int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage ru{};
    getrusage(who, &ru);
    total += static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
             static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  }
  return total;
}

struct stage_result {
  std::string name;
  double mb_per_s = 0;         // the fastest run
  double slowest = 0;          // the slowest run, MB/s
  double cpu_ms_per_mb = 0;    // CPU time (all threads) per MB in the fastest run
  std::uint64_t checksum = 0;  // what the stage counted, so that nothing is optimised away
};

struct stage_spec {
  stage_spec(std::string n, std::function<std::uint64_t()> b, std::size_t size = 0,
             std::function<double()> own_seconds = {})
      : name(std::move(n)), body(std::move(b)), bytes(size), seconds(std::move(own_seconds)) {}
  std::string name;
  std::function<std::uint64_t()> body;  // runs the stage once; returns its checksum
  std::size_t bytes;                    // what it reads, when not the corpus's size (0)
  // When set, the stage's own measure of its seconds (a child that times itself) replaces the
  // wall time of body().
  std::function<double()> seconds;
};

// Run every stage `repeats` times over `bytes` bytes, in rounds (each stage once per round, in
// order), keeping each stage's fastest run. Rounds rather than one stage after the other: a slow
// spell of a shared machine then falls on all stages alike instead of on whichever ran during it,
// and the ratios between stages, which the targets are about, stay steady.
std::vector<stage_result> run_stages(const std::vector<stage_spec>& stages, std::size_t bytes,
                                     int repeats) {
  std::vector<stage_result> results;
  for (const stage_spec& spec : stages) results.push_back(stage_result{spec.name, 0, 1e300});
  for (int k = 0; k < repeats; ++k) {
    for (std::size_t i = 0; i < stages.size(); ++i) {
      stage_result& r = results[i];
      const double mb = static_cast<double>(stages[i].bytes ? stages[i].bytes : bytes) / mb_bytes;
      const double c0 = cpu_seconds();
      const double t0 = now_seconds();
      r.checksum = stages[i].body();
      const double dt = stages[i].seconds ? stages[i].seconds() : now_seconds() - t0;
      const double cpu = cpu_seconds() - c0;
      if (mb / dt > r.mb_per_s) {
        r.mb_per_s = mb / dt;
        r.cpu_ms_per_mb = cpu * 1e3 / mb;
      }
      r.slowest = std::min(r.slowest, mb / dt);
    }
  }
  for (const stage_result& r : results) {
    std::fprintf(stderr,
                 "  %-46s %9.1f MB/s  (slowest run %.1f; CPU %.1f ms/MB; count %" PRIu64 ")\n",
                 r.name.c_str(), r.mb_per_s, r.slowest, r.cpu_ms_per_mb, r.checksum);
  }
  return results;
}

// --- the stages ----------------------------------------------------------------------------------

std::unique_ptr<icu::BreakIterator> make_iterator(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));
  return it;
}

// Raw ICU: one iterator and one UText reused over every document, UTF-8 in place.
std::uint64_t icu_boundaries(icu::BreakIterator& it, const std::vector<std::string>& docs) {
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = nullptr;
  std::uint64_t n = 0;
  for (const auto& d : docs) {
    ut = utext_openUTF8(ut, d.data(), static_cast<int64_t>(d.size()), &status);
    it.setText(ut, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + u_errorName(status));
    for (std::int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) ++n;
  }
  utext_close(ut);
  return n;
}

// The single-thread stages run on one core, the one the program started on: raw ICU and hearsay
// then share the same core's conditions (on a shared virtual machine one core can be busier than
// the other for a while), and their ratio, which the targets are about, compares like with like.
// The parallel stage's threads may use every core.
class core_pin {
 public:
  core_pin() {
    if (sched_getaffinity(0, sizeof all_, &all_) != 0) return;
    const int cpu = sched_getcpu();
    if (cpu < 0) return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    pinned_ = sched_setaffinity(0, sizeof one, &one) == 0;
    cpu_ = cpu;
  }
  core_pin(const core_pin&) = delete;
  core_pin& operator=(const core_pin&) = delete;
  ~core_pin() { free_this_thread(); }
  /// Let the calling thread (a worker of the parallel stage) run on every core again.
  void free_this_thread() const {
    if (pinned_) sched_setaffinity(0, sizeof all_, &all_);
  }
  int cpu() const { return pinned_ ? cpu_ : -1; }

 private:
  cpu_set_t all_{};
  bool pinned_ = false;
  int cpu_ = -1;
};
const core_pin* g_pin = nullptr;  // set while the benchmark runs

std::uint64_t count_of(const hearsay::document& doc) {
  return doc.sentences.size() * 1000003u + doc.claims.size();
}

std::uint64_t analyze_all(const hearsay::analyzer& an, const std::vector<std::string>& docs,
                          int threads) {
  if (threads <= 1) {
    std::uint64_t n = 0;
    for (const auto& d : docs) n += count_of(an.analyze(d, "bench"));
    return n;
  }
  // Threads take chunks of documents from a shared counter; the analyzer is shared, read-only.
  constexpr std::size_t chunk = 16;
  std::atomic<std::size_t> next{0};
  std::vector<std::uint64_t> counts(static_cast<std::size_t>(threads), 0);
  {
    std::vector<std::jthread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        if (g_pin) g_pin->free_this_thread();  // threads inherit the main thread's pin
        std::uint64_t n = 0;
        for (std::size_t i; (i = next.fetch_add(chunk)) < docs.size();) {
          const std::size_t e = std::min(docs.size(), i + chunk);
          for (; i < e; ++i) n += count_of(an.analyze(docs[i], "bench"));
        }
        counts[static_cast<std::size_t>(t)] = n;
      });
    }
  }
  return std::accumulate(counts.begin(), counts.end(), std::uint64_t{0});
}

// Seconds per MB for analysing `text`, looped until `min_seconds` have passed (at least once).
double seconds_per_mb(const hearsay::analyzer& an, const std::string& text, double min_seconds,
                      std::uint64_t& runs) {
  runs = 0;
  const double t0 = now_seconds();
  double dt = 0;
  std::uint64_t sink = 0;
  do {
    sink += count_of(an.analyze(text, "bench"));
    ++runs;
    dt = now_seconds() - t0;
  } while (dt < min_seconds);
  if (sink == 0) std::fprintf(stderr, "  (no sentence found)\n");
  return dt / static_cast<double>(runs) / (static_cast<double>(text.size()) / mb_bytes);
}

// --- memory --------------------------------------------------------------------------------------

// A field of /proc/self/status in kB ("VmRSS", "VmHWM"), or -1.
long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + key.size(), nullptr, 10);
  }
  return -1;
}

struct memory_result {
  bool ok = false;
  double size_mb = 0;
  double baseline_mb = 0;  // process with the analyzer built, before the text exists
  double text_mb = 0;      // RSS added by the input buffer
  double peak_mb = 0;      // peak RSS while analysing
  double seconds = 0;
  double result_mb = 0;  // heap bytes the returned document holds (text, spans, claims)
  std::uint64_t sentences = 0, claims = 0;
  std::string how;
};

// Heap bytes held by `doc` (capacities, so growth slack counts; short strings count nothing).
std::size_t footprint(const hearsay::document& doc) {
  const auto heap = [](const std::string& s) {
    return s.capacity() > std::string().capacity() ? s.capacity() + 1 : 0;
  };
  std::size_t n = heap(doc.text) + heap(doc.id) + doc.sentences.capacity() * sizeof(hearsay::span) +
                  doc.claims.capacity() * sizeof(hearsay::claim);
  for (const hearsay::claim& c : doc.claims) {
    n += c.chain.capacity() * sizeof(hearsay::link);
    for (const hearsay::link& l : c.chain) n += heap(l.cue.lemma);
  }
  return n;
}

// In the child: build the document, analyse it once, print the numbers on one line.
int memory_child_main(const options& o) {
  const std::vector<std::string> texts = load_gold_texts(o.corpora);
  const hearsay::analyzer an;
  (void)an.analyze(texts.front(), "warm-up");
  const long base = status_kb("VmRSS");
  std::string text = make_document(texts, static_cast<std::size_t>(o.big_mb * mb_bytes));
  const long with_text = status_kb("VmRSS");
  // Reset the peak-RSS mark (Linux >= 4.0) so that building the text does not count.
  std::string how = "VmHWM";
  if (std::ofstream clear("/proc/self/clear_refs"); !(clear << "5" << std::flush)) {
    how = "VmHWM (not reset)";
  }
  const double t0 = now_seconds();
  const hearsay::document doc = an.analyze(text, "big");
  const double dt = now_seconds() - t0;
  long peak = status_kb("VmHWM");
  if (peak < 0) {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    peak = ru.ru_maxrss;
    how = "ru_maxrss";
  }
  std::printf("%zu %ld %ld %ld %.6f %zu %zu %zu %s\n", text.size(), base, with_text, peak, dt,
              footprint(doc), doc.sentences.size(), doc.claims.size(), how.c_str());
  return 0;
}

memory_result run_memory_child(const options& o) {
  memory_result m;
  int fd[2];
  if (pipe(fd) != 0) return m;
  const pid_t pid = fork();
  if (pid < 0) return m;
  if (pid == 0) {
    dup2(fd[1], STDOUT_FILENO);
    close(fd[0]);
    close(fd[1]);
    const std::string big = std::to_string(o.big_mb);
    execl("/proc/self/exe", "hearsay_bench", "--memory-child", "--big-mb", big.c_str(), "--corpora",
          o.corpora.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fd[1]);
  std::string out;
  char buf[512];
  for (ssize_t n; (n = read(fd[0], buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<std::size_t>(n));
  close(fd[0]);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    std::fprintf(stderr, "  memory child failed (status %d)\n", wstatus);
    return m;
  }
  std::istringstream in(out);
  std::size_t size = 0;
  long base = 0, with_text = 0, peak = 0;
  std::size_t result = 0;
  in >> size >> base >> with_text >> peak >> m.seconds >> result >> m.sentences >> m.claims;
  std::getline(in >> std::ws, m.how);
  if (!in && !in.eof()) return m;
  m.ok = size > 0 && peak > 0;
  m.size_mb = static_cast<double>(size) / mb_bytes;
  m.baseline_mb = static_cast<double>(base) * 1024 / mb_bytes;
  m.text_mb = static_cast<double>(with_text - base) * 1024 / mb_bytes;
  m.peak_mb = static_cast<double>(peak) * 1024 / mb_bytes;
  m.result_mb = static_cast<double>(result) / mb_bytes;
  return m;
}

// --- report --------------------------------------------------------------------------------------

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  }
  return "unknown CPU";
}

// The 1-minute load average: other work on the machine skews every number.
std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one;
  in >> one;
  return in ? one : "unknown";
}

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string size_label(std::size_t bytes) {
  if (bytes >= 1000000)
    return fixed(static_cast<double>(bytes) / 1e6, bytes % 1000000 ? 1 : 0) + " MB";
  return fixed(static_cast<double>(bytes) / 1e3, bytes % 1000 ? 1 : 0) + " KB";
}

const char* verdict(bool ok) { return ok ? "met" : "NOT met"; }

int bench_main(const options& o) {
  std::fprintf(stderr, "hearsay_bench: loading %s/*.xml\n", o.corpora.c_str());
  const std::string load_before = load_average();
  const std::vector<std::string> texts = load_gold_texts(o.corpora);
  const std::vector<std::string> docs = make_corpus(texts, o.mb * mb_bytes);
  const std::size_t bytes = total_bytes(docs);
  std::fprintf(stderr, "  corpus: %zu documents, %.1f MB (from %zu gold texts)\n", docs.size(),
               static_cast<double>(bytes) / mb_bytes, texts.size());

  // What an analyzer costs to build from scratch: parse the lexicon XML and compile it.
  const std::vector<std::string> lexicon_xml = hearsay::lexicon::builtin().sources();
  const double t_build = now_seconds();
  {
    hearsay::lexicon lex;
    for (const auto& xml : lexicon_xml) lex.merge(hearsay::lexicon::from_string(xml));
    const hearsay::analyzer fresh(std::move(lex));
    (void)fresh.analyze("Officials said it.", "warm-up");
  }
  const double build_ms = (now_seconds() - t_build) * 1e3;
  const hearsay::analyzer an;
  hearsay::analyzer_options sourcing_options;
  sourcing_options.sourcing = true;
  const hearsay::analyzer an_sourcing(hearsay::lexicon::builtin(), sourcing_options);
  const hearsay::sentence_segmenter seg;
  auto sent_it = make_iterator(false);
  auto word_it = make_iterator(true);

  const core_pin pin;
  g_pin = &pin;
  // Warm up caches, ICU's lazily loaded data and the allocator on a slice of the corpus.
  {
    const std::vector<std::string> warm(
        docs.begin(), docs.begin() + std::min<std::ptrdiff_t>(200, std::ssize(docs)));
    icu_boundaries(*sent_it, warm);
    icu_boundaries(*word_it, warm);
    analyze_all(an, warm, o.threads);
  }

  std::fprintf(stderr, "throughput over the corpus (fastest of %d rounds):\n", o.repeats);
  const std::string many_name =
      "hearsay::analyzer::analyze, " + std::to_string(o.threads) + " threads";
  std::vector<stage_spec> specs = {
      {"raw ICU sentence BreakIterator", [&] { return icu_boundaries(*sent_it, docs); }},
      {"raw ICU word BreakIterator", [&] { return icu_boundaries(*word_it, docs); }},
      {"hearsay::sentence_segmenter::split",
       [&] {
         std::uint64_t n = 0;
         for (const auto& d : docs) n += seg.split(d).size();
         return n;
       }},
      {"hearsay::analyzer::analyze, 1 thread", [&] { return analyze_all(an, docs, 1); }},
      {many_name, [&] { return analyze_all(an, docs, o.threads); }},
      // Issue 11: what the sourcing flags (SPEC 8, opt-in) add to the analysis.
      {"analyze with sourcing flags, 1 thread", [&] { return analyze_all(an_sourcing, docs, 1); }},
  };
  constexpr std::size_t first_process_stage = 6;
  // Issue 16: the same corpus through the program and Python, in the same rounds.
  std::unique_ptr<bench::process_inputs> inputs;
  std::string joined;
  long feed_peak_kb = 0;
  double python_dicts_s = 0, python_alone_s = 0;
  bool python = false;
  if (o.process) {
    inputs = std::make_unique<bench::process_inputs>(docs);
    joined = hearsay::read_file(inputs->text_file.string());
    const std::string cli = HEARSAY_BENCH_CLI, text = inputs->text_file.string();
    const std::string feed = inputs->feed_file.string();
    const std::size_t text_bytes = inputs->text_bytes, feed_bytes = inputs->feed_text_bytes;
    specs.push_back({"analyze, the corpus as one document",
                     [&] { return count_of(an.analyze(joined, "corpus")); }, text_bytes});
    specs.push_back({"hearsay analyze --format json FILE",
                     [=] {
                       bench::run_process({cli, "analyze", "--format", "json", text});
                       return std::uint64_t{0};
                     },
                     text_bytes});
    specs.push_back({"hearsay analyze --format jsonl FILE",
                     [=] {
                       bench::run_process({cli, "analyze", "--format", "jsonl", text});
                       return std::uint64_t{0};
                     },
                     text_bytes});
    specs.push_back(
        {"hearsay analyze --input jsonl FEED",
         [=, &feed_peak_kb] {
           feed_peak_kb =
               bench::run_process({cli, "analyze", "--input", "jsonl", feed}).peak_rss_kb;
           return std::uint64_t{0};
         },
         feed_bytes});
    try {
      bench::run_process({HEARSAY_BENCH_PYTHON, "-c", "import hearsay"}, false,
                         HEARSAY_BENCH_PYTHONPATH);
      python = true;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "  (no Python stages: %s)\n", e.what());
    }
    const auto python_stage = [&](const char* what, double& seconds) {
      return [&seconds, what, feed] {
        const bench::process_run r = bench::run_process(
            {HEARSAY_BENCH_PYTHON, "-c", bench::python_stage_script(), feed, what}, true,
            HEARSAY_BENCH_PYTHONPATH);
        std::uint64_t n = 0;
        std::sscanf(r.out.c_str(), "%lf %" SCNu64, &seconds, &n);
        return n;
      };
    };
    if (python) {
      specs.push_back({"Python analyze_many(threads=1)", python_stage("alone", python_alone_s),
                       feed_bytes, [&] { return python_alone_s; }});
      specs.push_back({"Python analyze_many(threads=1) + to_dict()",
                       python_stage("dicts", python_dicts_s), feed_bytes,
                       [&] { return python_dicts_s; }});
    }
  }
  const std::vector<stage_result> stages = run_stages(specs, bytes, o.repeats);
  const stage_result& icu_sent = stages[0];
  const stage_result& icu_word = stages[1];
  const stage_result& split = stages[2];
  const stage_result& one = stages[3];
  const stage_result& many = stages[4];
  const stage_result& sourced = stages[5];
  if (many.checksum != one.checksum) {
    std::fprintf(stderr, "error: %d threads found other results than 1 thread\n", o.threads);
    return 1;
  }

  std::fprintf(stderr, "single inputs:\n");
  struct single {
    std::size_t bytes;
    double s_per_mb = 0;
    std::uint64_t runs = 0;
  };
  std::vector<single> singles = {{1000}, {1000000}};
  for (auto& s : singles) {
    const std::string text = make_document(texts, s.bytes);
    s.s_per_mb = seconds_per_mb(an, text, s.bytes < 100000 ? o.small_seconds : 1.0, s.runs);
    std::fprintf(stderr, "  %-8s %9.2f ms/MB (%" PRIu64 " runs)\n", size_label(s.bytes).c_str(),
                 s.s_per_mb * 1e3, s.runs);
  }
  const auto big_bytes = static_cast<std::size_t>(o.big_mb * mb_bytes);
  memory_result mem;
  if (o.memory) {
    std::fprintf(stderr, "  %s in a child process (time and peak memory)...\n",
                 size_label(big_bytes).c_str());
    mem = run_memory_child(o);
  }
  single big{big_bytes};
  if (mem.ok) {
    big.s_per_mb = mem.seconds / mem.size_mb;
    big.runs = 1;
  } else {
    const std::string text = make_document(texts, big_bytes);
    big.s_per_mb = seconds_per_mb(an, text, 0, big.runs);
  }
  std::fprintf(stderr, "  %-8s %9.2f ms/MB\n", size_label(big_bytes).c_str(), big.s_per_mb * 1e3);
  singles.push_back(big);

  // Output: the big document analysed once, then written in each format (fastest of 3).
  std::fprintf(stderr, "output of the %s document:\n", size_label(big_bytes).c_str());
  std::vector<bench::output_result> outputs;
  {
    const hearsay::document doc = an.analyze(make_document(texts, big_bytes), "big");
    outputs = bench::measure_output(doc, std::min(o.repeats, 3));
  }
  for (const auto& r : outputs) {
    std::fprintf(stderr, "  %-5s %8.1f MB/s of input, %.0f MB written\n", r.format.c_str(),
                 static_cast<double>(big_bytes) / mb_bytes / r.seconds,
                 static_cast<double>(r.bytes) / mb_bytes);
  }

  // Issue 11: check, 100 queries against 10,000 analysed documents (fewer with --quick).
  const std::size_t check_documents = o.mb >= 20 ? 10000 : 1000;
  std::fprintf(stderr, "check: 100 queries against %zu documents...\n", check_documents);
  const bench::check_result checked =
      bench::measure_check(an, docs, check_documents, 100, std::min(o.repeats, 3));
  std::fprintf(stderr, "  %.2f s\n", checked.seconds);

  // --- the table ---
  const double ratio = one.mb_per_s / icu_word.mb_per_s;
  const double speedup = many.mb_per_s / one.mb_per_s;
  std::printf("\n### Throughput\n\n");
  std::printf("hearsay %s, ICU %s, compiler %s, build %s%s; %s, %u hardware threads.\n",
              hearsay::version(), U_ICU_VERSION, __VERSION__, HEARSAY_BENCH_BUILD_TYPE,
#ifdef HEARSAY_BENCH_SANITIZED
              " WITH SANITIZERS (numbers meaningless)",
#else
              "",
#endif
              cpu_model().c_str(), std::thread::hardware_concurrency());
  std::printf("Load average %s before the run, %s after (the benchmark itself adds up to %d).\n",
              load_before.c_str(), load_average().c_str(), o.threads);
  if (pin.cpu() >= 0) {
    std::printf("Single-thread stages pinned to CPU %d (raw ICU and hearsay on the same core).\n",
                pin.cpu());
  }
  std::printf(
      "Corpus: %.1f MB in %zu documents (the %zu gold texts of `corpora/`, repeated and "
      "shuffled, seed %" PRIu64
      "), analysed one document at a time; fastest of %d round%s (each stage once per round); "
      "MB = 10^6 bytes.\n\n",
      static_cast<double>(bytes) / mb_bytes, docs.size(), texts.size(), shuffle_seed, o.repeats,
      o.repeats == 1 ? "" : "s");
  std::printf("| Stage | MB/s | vs. raw ICU word iteration |\n|---|---:|---:|\n");
  for (const stage_result* r : {&icu_sent, &icu_word, &split, &one, &many, &sourced}) {
    std::string note = fixed(r->mb_per_s / icu_word.mb_per_s, 2) + "×";
    if (r == &many) note += " (" + fixed(speedup, 2) + "× one thread)";
    std::printf("| %s | %s | %s |\n", r->name.c_str(), fixed(r->mb_per_s, 1).c_str(), note.c_str());
  }
  std::printf("\n| Single input | time per MB | MB/s |\n|---|---:|---:|\n");
  for (const auto& s : singles) {
    std::printf("| %s | %s ms | %s |\n", size_label(s.bytes).c_str(),
                fixed(s.s_per_mb * 1e3, 1).c_str(), fixed(1 / s.s_per_mb, 1).c_str());
  }
  std::printf(
      "\n| Output of the %s document (analysed once) | MB/s of input | MB written | vs. JSON |\n"
      "|---|---:|---:|---:|\n",
      size_label(big_bytes).c_str());
  for (const auto& r : outputs) {
    std::printf("| %s | %s | %s | %s× |\n", r.format.c_str(),
                fixed(static_cast<double>(big_bytes) / mb_bytes / r.seconds, 1).c_str(),
                fixed(static_cast<double>(r.bytes) / mb_bytes, 0).c_str(),
                fixed(outputs.front().seconds / r.seconds, 2).c_str());
  }
  {
    const double pairs = static_cast<double>(checked.queries * checked.documents);
    const double text_mb = static_cast<double>(checked.queries * checked.document_bytes) / mb_bytes;
    std::printf(
        "\n| check (issue 11): %zu queries × %zu analysed documents (%.1f MB) | all queries | "
        "per query | documents checked per second | document text checked, MB/s |\n"
        "|---|---:|---:|---:|---:|\n",
        checked.queries, checked.documents, static_cast<double>(checked.document_bytes) / mb_bytes);
    for (const auto& [what, seconds] :
         {std::pair<const char*, double>{"hearsay::check (every claim reduced per query)",
                                         checked.seconds},
          std::pair<const char*, double>{"hearsay::check_index::find", checked.index_seconds}}) {
      std::printf("| %s | %s s | %s ms | %s | %s (%s× analysis) |\n", what,
                  fixed(seconds, 2).c_str(),
                  fixed(seconds * 1e3 / static_cast<double>(checked.queries), 2).c_str(),
                  fixed(pairs / seconds, 0).c_str(), fixed(text_mb / seconds, 1).c_str(),
                  fixed(text_mb / seconds / one.mb_per_s, 1).c_str());
    }
    std::printf(
        "\nBuilding the check_index (every claim reduced and filed once): %s s. Query-document "
        "pairs with a match: %" PRIu64
        " (the queries are claims of the corpus, whose texts repeat).\n",
        fixed(checked.index_build_seconds, 2).c_str(), checked.matches);
  }
  if (o.process) {
    std::printf(
        "\n| Whole process (issue 16) | MB/s | vs. raw ICU word iteration | vs. in-process "
        "analysis |\n|---|---:|---:|---:|\n");
    for (std::size_t i = first_process_stage; i < stages.size(); ++i) {
      const stage_result& r = stages[i];
      std::printf("| %s | %s | %s× | %s× |\n", r.name.c_str(), fixed(r.mb_per_s, 1).c_str(),
                  fixed(r.mb_per_s / icu_word.mb_per_s, 2).c_str(),
                  fixed(r.mb_per_s / one.mb_per_s, 2).c_str());
    }
    std::printf(
        "\nThe text file is the corpus's documents as paragraphs of one text (%.1f MB); the feed "
        "one JSON Lines record per document. The program's stages are the wall time of the "
        "whole process (start, lexicon, reading, analysis, JSON to /dev/null); Python's are "
        "analyze_many and to_dict as timed inside the interpreter. `--input jsonl` peak RSS: "
        "%.1f MB.\n",
        static_cast<double>(inputs->text_bytes) / mb_bytes,
        static_cast<double>(feed_peak_kb) * 1024 / mb_bytes);
  }
  std::printf(
      "\nCPU time per MB: %.1f ms with 1 thread, %.1f ms summed over %d threads (%.2f×; near 1 "
      "means the threads do not slow each other, and a speedup short of %d× is the "
      "machine's other load).\n",
      one.cpu_ms_per_mb, many.cpu_ms_per_mb, o.threads, many.cpu_ms_per_mb / one.cpu_ms_per_mb,
      o.threads);
  std::printf(
      "Building an analyzer from the lexicon XML (parse, compile, first analysis; once per "
      "analyzer, never per document): %.1f ms.\n",
      build_ms);
  if (mem.ok) {
    const double above = mem.peak_mb - mem.baseline_mb;
    std::printf(
        "Peak memory analysing one %.0f MB document: %.0f MB above the process baseline "
        "(%.0f MB with the analyzer loaded) = %.2f× its size, of which the input buffer "
        "is %.2f× and the analysis %.2f× (the returned document alone holds %.2f×: its copy of "
        "the text, %" PRIu64 " sentences, %" PRIu64 " claims; %s).\n",
        mem.size_mb, above, mem.baseline_mb, above / mem.size_mb, mem.text_mb / mem.size_mb,
        (mem.peak_mb - mem.baseline_mb - mem.text_mb) / mem.size_mb, mem.result_mb / mem.size_mb,
        mem.sentences, mem.claims, mem.how.c_str());
  }
  std::printf(
      "\nIssue 5 targets: analysis ≥ 0.5× raw ICU words: %s (%.2f×); %d threads ≥ 1.8× one: "
      "%s (%.2f×)",
      verdict(ratio >= 0.5), ratio, o.threads, verdict(speedup >= 1.8), speedup);
  if (mem.ok) {
    const double multiple = (mem.peak_mb - mem.baseline_mb) / mem.size_mb;
    std::printf("; peak memory < 4× document: %s (%.2f×)", verdict(multiple < 4), multiple);
  }
  const double html_vs_json = outputs.front().seconds / outputs.back().seconds;
  std::printf(". Issue 13 target: HTML output ≥ 0.5× the speed of JSON output: %s (%.2f×)",
              verdict(html_vs_json >= 0.5), html_vs_json);
  if (o.process) {
    const double cli = stages[first_process_stage + 1].mb_per_s;
    const double feed = stages[first_process_stage + 3].mb_per_s;
    std::printf(
        ". Issue 16 targets: `analyze --format json` ≥ 0.9× analysis: %s (%.2f×) and ≥ 0.55× raw "
        "ICU words: %s (%.2f×); `--input jsonl` ≥ 0.85× analysis: %s (%.2f×)",
        verdict(cli >= 0.9 * one.mb_per_s), cli / one.mb_per_s,
        verdict(cli >= 0.55 * icu_word.mb_per_s), cli / icu_word.mb_per_s,
        verdict(feed >= 0.85 * one.mb_per_s), feed / one.mb_per_s);
    if (python) {
      const double py = stages[first_process_stage + 5].mb_per_s;
      std::printf("; Python analyze_many + to_dict ≥ 0.7× analysis: %s (%.2f×)",
                  verdict(py >= 0.7 * one.mb_per_s), py / one.mb_per_s);
    }
  }
  std::printf(
      ".\n\nReproduce:\n\n```sh\n"
      "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release\n"
      "cmake --build build -j2 --target hearsay_bench\n"
      "build/tests/bench/hearsay_bench%s\n```\n",
      o.command_line.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const options o = parse_args(argc, argv);
    return o.memory_child ? memory_child_main(o) : bench_main(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hearsay_bench: %s\n", e.what());
    usage(std::cerr);
    return 2;
  }
}
