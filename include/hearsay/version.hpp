// The library's version, for compile-time and run-time checks.
#ifndef HEARSAY_VERSION_HPP
#define HEARSAY_VERSION_HPP

#define HEARSAY_VERSION_MAJOR 0
#define HEARSAY_VERSION_MINOR 1
#define HEARSAY_VERSION_PATCH 0
#define HEARSAY_VERSION_STRING "0.1.0"

namespace hearsay {
/// Return the version string, "MAJOR.MINOR.PATCH".
constexpr const char* version() noexcept { return HEARSAY_VERSION_STRING; }
}  // namespace hearsay

#endif  // HEARSAY_VERSION_HPP
