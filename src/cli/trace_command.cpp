// `hearsay trace`: the feed read line by line (memory holds the tracer, never the feed), the
// clusters printed at the end.
#include "trace_command.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <ostream>
#include <string>

#include "hearsay/error.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/trace.hpp"
#include "progress.hpp"

namespace {

constexpr int exit_input_error = 1;

// Trace the records of one feed; return exit_input_error when any failed.
int trace_stream(std::istream& in, const std::string& name, const hearsay::analyzer& an,
                 hearsay::tracer& tr, cli::progress& meter, std::ostream& err) {
  hearsay::feed_options feed;
  feed.repair_utf8 = an.options().repair_utf8;
  int status = 0;
  std::string line;
  std::size_t line_no = 0, offset = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const hearsay::feed_position at{name, line_no, offset};
    offset += line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      hearsay::feed_record r = hearsay::read_feed_record(line, at, feed);
      for (const hearsay::parse_error& p : r.problems) {
        meter.clear();
        err << "hearsay: " << p.what() << '\n';
        status = exit_input_error;
      }
      tr.add(an.analyze(r.text, std::move(r.id)), std::move(r.outlet), r.date);
    } catch (const hearsay::parse_error& e) {
      meter.clear();
      err << "hearsay: " << e.what() << '\n';  // names the feed, line and byte itself
      status = exit_input_error;
    } catch (const std::exception& e) {
      meter.clear();
      err << "hearsay: " << name << ":" << line_no << ": " << e.what() << '\n';
      status = exit_input_error;
    }
    meter.step(line.size() + 1);
  }
  if (in.bad()) {
    meter.clear();
    err << "hearsay: " << hearsay::io_error(name, "read failed").what() << '\n';
    status = exit_input_error;
  }
  return status;
}

void write_text(std::ostream& out, const hearsay::trace_cluster& c, std::size_t number) {
  out << "Cluster " << number << ": " << c.mentions.size() << " mentions in " << c.documents
      << " documents";
  if (c.earliest) {
    const hearsay::trace_mention& e = c.mentions[*c.earliest];
    out << ", earliest " << hearsay::to_string(*e.date) << " (" << e.document << ")";
  }
  out << '\n';
  for (const hearsay::trace_mention& m : c.mentions) {
    out << "  " << (m.date ? hearsay::to_string(*m.date) : std::string("(no date)")) << "  "
        << m.outlet.value_or("(no outlet)") << "  " << m.document << " #" << m.claim << "  "
        << hearsay::to_string(m.status);
    if (m.polarity == hearsay::polarity::negative) out << ", negative";
    if (!m.chain.empty()) {
      out << " [";
      for (std::size_t i = 0; i < m.chain.size(); ++i) {
        out << (i ? " > " : "")
            << (m.chain[i].source.empty() ? "(unspecified)" : m.chain[i].source);
      }
      out << ']';
    }
    out << "\n      \"" << m.text << "\"\n";
  }
  if (!c.sources.empty()) {
    out << "  innermost sources:";
    for (std::size_t i = 0; i < c.sources.size(); ++i) {
      const hearsay::trace_source& s = c.sources[i];
      out << (i ? "; " : " ") << (s.text.empty() ? "(unspecified)" : s.text) << " ("
          << hearsay::to_string(s.kind) << ", " << s.mentions << ')';
    }
    out << '\n';
  }
  for (const std::vector<std::string>& loop : c.circular) {
    out << "  circular citation:";
    for (const std::string& o : loop) out << ' ' << o << " ->";
    out << ' ' << loop.front() << '\n';
  }
  out << '\n';
}

}  // namespace

int run_trace(const trace_command_options& options, const hearsay::analyzer& analyzer,
              std::ostream& out, std::ostream& err) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  hearsay::trace_options to;
  to.min_documents = options.min_documents;
  hearsay::tracer tr(to);
  int status = 0;
  cli::progress meter(options.progress);
  for (const std::string& f : files) {
    if (f == "-") {
      status |= trace_stream(std::cin, "stdin", analyzer, tr, meter, err);
      continue;
    }
    std::ifstream in;
    try {
      hearsay::require_readable_file(f);
      in.open(f, std::ios::binary);
      if (!in) throw hearsay::io_error(f, std::strerror(errno));
    } catch (const hearsay::error& e) {
      meter.clear();
      err << "hearsay: " << e.what() << '\n';
      status = exit_input_error;
      continue;
    }
    status |= trace_stream(in, f, analyzer, tr, meter, err);
  }
  meter.done();
  std::size_t number = 0;
  for (const hearsay::trace_cluster& c : tr.clusters()) {
    if (options.format == "text") {
      write_text(out, c, ++number);
    } else {
      out << hearsay::to_json(c, ++number) << '\n';
    }
  }
  return status;
}
