// The output stage of the benchmark: one analysed document written as SPEC JSON, as gold XML
// and as the HTML page to a stream that only counts bytes, so that formatting alone is timed.
// Issue 13's target: HTML written at >= 0.5x the speed of JSON.
#ifndef HEARSAY_BENCH_OUTPUT_HPP
#define HEARSAY_BENCH_OUTPUT_HPP

#include <chrono>
#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

#include "hearsay/claim.hpp"
#include "hearsay/gold_xml.hpp"
#include "hearsay/html.hpp"
#include "hearsay/json.hpp"

namespace bench {

// A stream buffer that counts what it is given and keeps nothing.
class counting_buffer : public std::streambuf {
 public:
  std::size_t count() const noexcept { return count_; }

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) ++count_;
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    count_ += static_cast<std::size_t>(n);
    return n;
  }

 private:
  std::size_t count_ = 0;
};

struct output_result {
  std::string format;
  double seconds = 1e300;  // fastest run
  std::size_t bytes = 0;   // output size
};

// Time writing `doc` in each format, fastest of `repeats` runs (in rounds, as the other stages).
inline std::vector<output_result> measure_output(const hearsay::document& doc, int repeats) {
  std::vector<output_result> results = {{"json"}, {"xml"}, {"html"}};
  for (int round = 0; round < repeats; ++round) {
    for (output_result& r : results) {
      counting_buffer buffer;
      std::ostream out(&buffer);
      const auto t0 = std::chrono::steady_clock::now();
      if (r.format == "json") {
        hearsay::write_json(out, doc);
      } else if (r.format == "xml") {
        hearsay::gold_xml_writer xml(out);
        xml.write(doc);
        xml.finish();
      } else {
        hearsay::html_writer page(out, "bench");
        page.write(doc);
        page.finish();
      }
      const double dt =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (dt < r.seconds) r.seconds = dt;
      r.bytes = buffer.count();
    }
  }
  return results;
}

}  // namespace bench

#endif  // HEARSAY_BENCH_OUTPUT_HPP
