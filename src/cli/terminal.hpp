// What the command-line program needs to know about the terminal: whether a stream is one, how
// wide it is, and whether to colour (NO_COLOR, https://no-color.org, is respected).
#ifndef HEARSAY_CLI_TERMINAL_HPP
#define HEARSAY_CLI_TERMINAL_HPP

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace cli {

/// Return true when file descriptor `fd` (1 standard output, 2 standard error) is a terminal.
inline bool is_terminal(int fd) noexcept { return ::isatty(fd) == 1; }

/// Return the width of the terminal on `fd`, else $COLUMNS, else `fallback`.
inline std::size_t terminal_width(int fd, std::size_t fallback = 100) noexcept {
  winsize ws{};
  if (is_terminal(fd) && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
  }
  return fallback;
}

/// Return whether to colour output on `fd` for `--color` `mode` ("auto", "always", "never"):
/// auto colours a terminal unless NO_COLOR is set to a non-empty value or TERM is "dumb".
inline bool use_color(std::string_view mode, int fd) noexcept {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb") return false;
  return is_terminal(fd);
}

}  // namespace cli

#endif  // HEARSAY_CLI_TERMINAL_HPP
