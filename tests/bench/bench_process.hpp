// The whole-process stages of the benchmark (issue 16): what a user of the program and of Python
// gets, input read and output written included. The corpus is written once as one text file and
// as a JSON Lines feed; each stage runs `hearsay analyze` on them in a child process (output to
// /dev/null, wall time from fork to exit, peak RSS from wait4), or a Python child that times
// analyze_many + to_dict itself (interpreter start and reading the feed are not the library's).
#ifndef HEARSAY_BENCH_PROCESS_HPP
#define HEARSAY_BENCH_PROCESS_HPP

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {

struct process_run {
  double seconds = 0;
  long peak_rss_kb = 0;  // of the child
  std::string out;       // its standard output, when kept
};

// Run `argv` (argv[0] a path), standard output to /dev/null or kept; throw unless it exits 0.
inline process_run run_process(const std::vector<std::string>& argv, bool keep_output = false,
                               const std::string& pythonpath = "") {
  int fd[2] = {-1, -1};
  if (keep_output && pipe(fd) != 0) throw std::runtime_error("pipe failed");
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out = keep_output ? fd[1] : open("/dev/null", O_WRONLY);
    dup2(out, STDOUT_FILENO);
    if (keep_output) close(fd[0]);
    if (!pythonpath.empty()) setenv("PYTHONPATH", pythonpath.c_str(), 1);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  process_run r;
  if (keep_output) {
    close(fd[1]);
    char buf[512];
    for (ssize_t n; (n = read(fd[0], buf, sizeof buf)) > 0;) {
      r.out.append(buf, static_cast<std::size_t>(n));
    }
    close(fd[0]);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.peak_rss_kb = ru.ru_maxrss;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(argv[0] + " exited with status " + std::to_string(status));
  }
  return r;
}

// The corpus as the two inputs: one text (documents as paragraphs) and one JSON Lines record
// per document.
struct process_inputs {
  std::filesystem::path dir;
  std::filesystem::path text_file, feed_file;
  std::size_t text_bytes = 0;       // of the text file
  std::size_t feed_text_bytes = 0;  // of the records' texts

  explicit process_inputs(const std::vector<std::string>& docs) {
    dir = std::filesystem::temp_directory_path() / ("hearsay-bench-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    text_file = dir / "corpus.txt";
    feed_file = dir / "corpus.jsonl";
    std::ofstream text(text_file, std::ios::binary), feed(feed_file, std::ios::binary);
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (i) text << "\n\n";
      text << docs[i];
      feed << "{\"id\":\"doc-" << i << "\",\"text\":" << quoted(docs[i]) << "}\n";
      feed_text_bytes += docs[i].size();
    }
    text.close();
    text_bytes = std::filesystem::file_size(text_file);
  }
  ~process_inputs() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  process_inputs(const process_inputs&) = delete;
  process_inputs& operator=(const process_inputs&) = delete;

 private:
  // `s` as a JSON string.
  static std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += ch;
      } else if (c < 0x20) {
        char b[8];
        std::snprintf(b, sizeof b, "\\u%04x", c);
        out += b;
      } else {
        out += ch;
      }
    }
    return out + "\"";
  }
};

// The Python child: analyze_many(threads=1) over the feed's texts, then to_dict() of each
// result (`dicts` false: analyze_many alone); prints seconds and a checksum.
inline const char* python_stage_script() {
  return R"PY(
import json, sys, time
import hearsay
texts, ids = [], []
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        texts.append(r["text"])
        ids.append(r["id"])
an = hearsay.Analyzer()
an.analyze_many(texts[:50], threads=1)
start = time.perf_counter()
docs = an.analyze_many(texts, ids=ids, threads=1)
n = 0
if sys.argv[2] == "dicts":
    dicts = [d.to_dict() for d in docs]
    n = sum(len(d["claims"]) for d in dicts)
else:
    n = sum(len(d) for d in docs)
print(time.perf_counter() - start, n)
)PY";
}

}  // namespace bench

#endif  // HEARSAY_BENCH_PROCESS_HPP
