// Progress on standard error for long runs (`analyze --input jsonl`, `eval` over many files):
// documents done, megabytes, MB/s and, when the total is known, time left. Only when standard
// error is a terminal: never in a pipe or a log file. Redrawn at most five times a second on one
// line, which is cleared at the end.
#ifndef HEARSAY_CLI_PROGRESS_HPP
#define HEARSAY_CLI_PROGRESS_HPP

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>

#include "terminal.hpp"

namespace cli {

class progress {
 public:
  /// Report to standard error when `enabled` and it is a terminal; `total_bytes` 0: unknown.
  explicit progress(bool enabled, std::size_t total_bytes = 0)
      : on_(enabled && is_terminal(2)), total_(total_bytes), start_(clock::now()) {}
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;
  ~progress() { done(); }

  /// Whether anything is shown.
  bool shown() const noexcept { return on_; }

  /// Count one document of `bytes` bytes.
  void step(std::size_t bytes) {
    ++documents_;
    bytes_ += bytes;
    if (!on_) return;
    const auto now = clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    draw(now);
  }

  /// Clear the line for other output; the next step draws it again.
  void clear() {
    if (!on_ || !drawn_) return;
    drawn_ = false;
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
  }

  /// Clear the line and show nothing more.
  void done() {
    clear();
    on_ = false;
  }

  /// Return the line shown after `seconds` with the counts so far (for tests).
  std::string line(double seconds) const {
    const double mb = static_cast<double>(bytes_) / 1e6;
    const double rate = seconds > 0 ? mb / seconds : 0;
    char buffer[160];
    int n = std::snprintf(buffer, sizeof buffer, "%zu documents, %.1f MB, %.1f MB/s", documents_,
                          mb, rate);
    if (total_ > bytes_ && rate > 0 && n > 0) {
      const double left = (static_cast<double>(total_ - bytes_) / 1e6) / rate;
      const long s = static_cast<long>(left + 0.5);
      std::snprintf(
          buffer + n, sizeof buffer - static_cast<std::size_t>(n), ", %.0f%%, %ld:%02ld left",
          100.0 * static_cast<double>(bytes_) / static_cast<double>(total_), s / 60, s % 60);
    }
    return buffer;
  }

 private:
  using clock = std::chrono::steady_clock;
  void draw(clock::time_point now) {
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\x1b[Khearsay: %s", line(seconds).c_str());
    std::fflush(stderr);
    drawn_ = true;
  }

  bool on_;
  std::size_t total_;
  clock::time_point start_;
  clock::time_point last_{};
  std::size_t documents_ = 0;
  std::size_t bytes_ = 0;
  bool drawn_ = false;
};

}  // namespace cli

#endif  // HEARSAY_CLI_PROGRESS_HPP
