// The hearsay command-line program.
//
//   hearsay analyze [--format text|json|jsonl|xml|html] [--input text|jsonl] [--lexicon FILE]
//                   [--color auto|always|never] [FILE...]
//   hearsay segment [--language CODE] [FILE...]
//   hearsay eval [--errors] [--polnear DIR] [--html REPORT.html] CORPUS.xml...
//   hearsay eval --segmentation FILE.jsonl [--language CODE] [--errors]
//   hearsay eval --trace SET.xml...
//   hearsay trace [--format json|text] [--min-documents N] [--lexicon FILE] [FEED.jsonl...]
//
// Exit codes: 0 success; 1 an input could not be read or analysed (unreadable file, invalid
// UTF-8, malformed JSON Lines record, malformed lexicon or corpus) or the output could not be
// written (a full disk); 2 usage error. A closed pipe ends the program as SIGPIPE does.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "check_command.hpp"
#include "eval_command.hpp"
#include "hearsay/hearsay.hpp"
#include "input/jsonl_record.hpp"
#include "input/record_id.hpp"
#include "progress.hpp"
#include "segment_eval.hpp"
#include "terminal.hpp"
#include "trace_command.hpp"
#include "trace_eval.hpp"
#include "verifier_eval.hpp"
#include "views/output.hpp"

namespace {

constexpr int exit_input_error = 1;
constexpr int exit_usage = 2;

struct analyze_options {
  std::vector<std::string> files;
  std::string format;  // empty: text on a terminal, json otherwise
  std::string input = "text";
  std::string color = "auto";
  std::string lexicon_file;
  bool repair = false;
  bool pretty = false;
  bool sourcing = false;
};

// Standard output failed. A closed pipe ends the program quietly with the status SIGPIPE gives
// (also when the parent ignores SIGPIPE, so that the write returned EPIPE instead); any other
// failure, such as a full disk, would silently truncate the output: it is an error.
[[noreturn]] void output_failed(int err) {
  if (err == EPIPE) {
    std::signal(SIGPIPE, SIG_DFL);
    std::raise(SIGPIPE);
    std::_Exit(128 + SIGPIPE);
  }
  std::cerr << "hearsay: "
            << hearsay::io_error("standard output", err != 0 ? std::strerror(err) : "write failed",
                                 hearsay::error_id::cannot_write)
                   .what()
            << '\n';
  std::_Exit(exit_input_error);
}

// Check what was written so far (stdio reports a failed write when its buffer goes out).
void check_output() {
  if (!std::cout) output_failed(errno);
}

// Send everything written to the system and check that it went.
void flush_output() {
  errno = 0;
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0 || std::ferror(stdout)) output_failed(errno);
}

// The document id SPEC 4 asks for: the file name without its extension, else "stdin".
std::string id_for(const std::string& path) {
  if (path.empty() || path == "-") return "stdin";
  return std::filesystem::path(path).stem().string();
}

std::string read_input(const std::string& path) {
  if (path.empty() || path == "-") {
    // In large reads, not a character at a time through istreambuf_iterator.
    std::string text;
    char chunk[1 << 16];
    while (std::cin.read(chunk, sizeof chunk) || std::cin.gcount() > 0) {
      text.append(chunk, static_cast<std::size_t>(std::cin.gcount()));
    }
    if (std::cin.bad()) throw hearsay::io_error("stdin", "read failed");
    return text;
  }
  return hearsay::read_file(path);
}

hearsay::analyzer make_analyzer(const analyze_options& o) {
  hearsay::lexicon lex = hearsay::lexicon::builtin();
  if (!o.lexicon_file.empty()) lex.merge(hearsay::lexicon::from_file(o.lexicon_file));
  hearsay::analyzer_options options;
  options.repair_utf8 = o.repair;
  options.sourcing = o.sourcing;
  return hearsay::analyzer(std::move(lex), options);
}

// Which U+FFFD of `repaired` (a record's text decoded with U+FFFD for each maximal invalid
// subpart) were put in by repair: the same text decoded with '?' instead has '?' there.
hearsay::utf8_repairs repairs_in(std::string_view repaired, std::string_view marked) {
  hearsay::utf8_repairs r;
  std::size_t i = 0, j = 0;
  while (i < repaired.size() && j < marked.size()) {
    if (repaired.substr(i, 3) == "\xEF\xBF\xBD" && marked[j] == '?') {
      if (r.count++ == 0) r.first = i;
      i += 3;
      j += 1;
      continue;
    }
    // The same (valid) character in both.
    const auto lead = static_cast<unsigned char>(repaired[i]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    i += len;
    j += len;
  }
  return r;
}

// Parse one JSON Lines record. With `repair`, a line that is not valid UTF-8 is decoded as a
// whole, each maximal invalid subpart becoming U+FFFD (what a consumer's decoder gives for the
// same line), and `text_repairs` says which of the text's characters that made.
nlohmann::json parse_record(const std::string& line, bool repair,
                            hearsay::utf8_repairs& text_repairs) {
  text_repairs = {};
  const hearsay::utf8_check valid = hearsay::check_utf8(line);
  if (valid) return nlohmann::json::parse(line);
  if (!repair) throw hearsay::encoding_error(valid.offset, valid.reason);  // byte in the line
  nlohmann::json record = nlohmann::json::parse(hearsay::repair_utf8(line));
  // Invalid bytes can only stand inside strings, where '?' is as plain as U+FFFD.
  const nlohmann::json with_marks = nlohmann::json::parse(hearsay::replace_invalid_utf8(line, "?"));
  if (record.is_object() && record.contains("text") && record["text"].is_string() &&
      with_marks.is_object() && with_marks.contains("text") && with_marks["text"].is_string()) {
    text_repairs = repairs_in(record["text"].get_ref<const std::string&>(),
                              with_marks["text"].get_ref<const std::string&>());
  }
  return record;
}

hearsay::error missing_text() {
  return hearsay::error("input_error", hearsay::error_id::invalid_value,
                        "record needs a string field \"text\"");
}

// Stream JSON Lines records {"id": ..., "text": ...} through the analyzer, one result each. The
// usual record (string members) is read without a DOM; any other goes to nlohmann::json.
int analyze_jsonl_stream(const hearsay::analyzer& an, std::istream& in, const std::string& name,
                         cli::document_output& sink, cli::progress& meter) {
  const bool repair = an.options().repair_utf8;
  hearsay::utf8_repairs text_repairs;
  cli::jsonl_record plain;  // its buffers are kept from one line to the next
  int status = 0;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      hearsay::document doc;
      if (hearsay::check_utf8(line) && cli::read_plain_record(line, plain)) {
        if (!plain.has_text) throw missing_text();
        doc = an.analyze(plain.text,
                         plain.has_id ? std::move(plain.id) : name + ":" + std::to_string(line_no));
      } else {
        const nlohmann::json record = parse_record(line, repair, text_repairs);
        if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) {
          throw missing_text();
        }
        std::string id = cli::record_id(record, name + ":" + std::to_string(line_no));
        doc = an.analyze(record["text"].get_ref<const std::string&>(), std::move(id));
        if (text_repairs) doc.repaired = text_repairs;
      }
      sink.write(std::move(doc));
    } catch (const std::exception& e) {
      meter.clear();
      std::cerr << "hearsay: " << name << ":" << line_no << ": " << e.what() << '\n';
      status = exit_input_error;
    }
    meter.step(line.size() + 1);
    check_output();
  }
  if (in.bad()) {
    meter.clear();
    std::cerr << "hearsay: " << hearsay::io_error(name, "read failed").what() << '\n';
    status = exit_input_error;
  }
  return status;
}

// The size of a regular file, 0 when unknown (a pipe, standard input).
std::size_t file_size_or_zero(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return 0;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<std::size_t>(size);
}

std::string resolved_format(const analyze_options& o) {
  return o.format.empty() ? (cli::is_terminal(1) ? "text" : "json") : o.format;
}

bool sink_is_all_or_nothing(const analyze_options& o) { return resolved_format(o) == "json"; }

cli::output_options output_for(const analyze_options& o) {
  cli::output_options out;
  out.format = resolved_format(o);
  out.pretty = o.pretty;
  out.stream_json = o.input == "jsonl";
  out.text.color = cli::use_color(o.color, 1);
  out.text.width = cli::terminal_width(1);
  if (o.files.size() == 1 && o.files.front() != "-") {
    out.title = std::filesystem::path(o.files.front()).filename().string();
  }
  return out;
}

int run_analyze(const analyze_options& o) {
  const hearsay::analyzer an = make_analyzer(o);
  std::vector<std::string> files = o.files;
  if (files.empty()) files.push_back("-");
  cli::document_output sink(std::cout, output_for(o));
  int status = 0;
  if (o.input == "jsonl") {
    std::size_t total = 0;
    for (const std::string& f : files) total += file_size_or_zero(f);
    // Not when the results go to the same terminal: they are the progress there.
    cli::progress meter(!cli::is_terminal(1), total);
    for (const std::string& f : files) {
      if (f == "-") {
        status |= analyze_jsonl_stream(an, std::cin, "stdin", sink, meter);
        continue;
      }
      std::ifstream in;
      try {
        hearsay::require_readable_file(f);
        in.open(f, std::ios::binary);
        if (!in) throw hearsay::io_error(f, std::strerror(errno));
      } catch (const hearsay::error& e) {
        meter.clear();
        std::cerr << "hearsay: " << e.what() << '\n';
        status = exit_input_error;
        continue;
      }
      status |= analyze_jsonl_stream(an, in, f, sink, meter);
    }
    meter.done();
    sink.finish();
    check_output();  // errno still says why the sink's last write failed
    flush_output();
    return status;
  }
  // Plain text: with --format json every input is analysed before anything is printed, so a
  // failure never leaves a partial JSON value on standard output.
  const bool all_or_nothing = sink_is_all_or_nothing(o);
  for (const std::string& f : files) {
    try {
      const std::string text = read_input(f);
      sink.write(an.analyze(text, id_for(f)));
      check_output();
    } catch (const hearsay::encoding_error& e) {
      std::cerr << "hearsay: " << (f == "-" ? "stdin" : f) << ": " << e.what() << '\n';
      status = exit_input_error;
      if (all_or_nothing) {
        sink.abandon();
        return status;
      }
    } catch (const hearsay::error& e) {
      std::cerr << "hearsay: " << e.what() << '\n';
      status = exit_input_error;
      if (all_or_nothing) {
        sink.abandon();
        return status;
      }
    }
  }
  sink.finish();
  check_output();  // errno still says why the sink's last write failed
  flush_output();
  return status;
}

int run_segment(const std::vector<std::string>& files_in, const std::string& language) {
  const hearsay::sentence_segmenter seg(hearsay::lexicon::builtin(), language);
  std::vector<std::string> files = files_in;
  if (files.empty()) files.push_back("-");
  int status = 0;
  for (const std::string& f : files) {
    try {
      const std::string text = read_input(f);
      for (const hearsay::span s : seg.split(text)) {
        std::cout << s.of(text) << '\n';
        if (!std::cout) break;
      }
      check_output();
    } catch (const hearsay::encoding_error& e) {
      std::cerr << "hearsay: " << (f == "-" ? "stdin" : f) << ": " << e.what() << '\n';
      status = exit_input_error;
    } catch (const hearsay::error& e) {
      std::cerr << "hearsay: " << e.what() << '\n';
      status = exit_input_error;
    }
  }
  flush_output();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"hearsay: claims, their status and their source chains in news text"};
  app.set_version_flag("--version", std::string(hearsay::version()));
  app.require_subcommand(1);

  analyze_options ao;
  CLI::App* analyze = app.add_subcommand("analyze", "Print the analysis of each input");
  analyze->add_option("files", ao.files, "Input files (standard input when none, or '-')");
  analyze
      ->add_option("--format", ao.format,
                   "text: a listing for a person (the default on a terminal); json: one SPEC "
                   "section 4 object, an array for several inputs (the default otherwise); "
                   "jsonl: one line per input; xml: SPEC section 5 gold XML; html: one "
                   "self-contained page")
      ->check(CLI::IsMember({"text", "json", "jsonl", "xml", "html"}));
  analyze
      ->add_option("--color", ao.color,
                   "Colour the text listing: auto (on a terminal, unless NO_COLOR is set), "
                   "always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  analyze
      ->add_option("--input", ao.input,
                   "text: each file is one document; jsonl: one "
                   "{\"id\", \"text\"} record per line, streamed")
      ->check(CLI::IsMember({"text", "jsonl"}));
  analyze->add_option("--lexicon", ao.lexicon_file,
                      "Merge this lexicon file into the built-in one");
  analyze->add_flag("--repair-utf8", ao.repair,
                    "Replace invalid UTF-8 with U+FFFD instead of failing");
  analyze->add_flag("--pretty", ao.pretty, "Indent the JSON");
  analyze->add_flag("--sourcing", ao.sourcing,
                    "Assess sourcing (SPEC 8): each claim's flags, each document's summary");

  check_options co;
  CLI::App* check = add_check_command(app, co);

  std::vector<std::string> segment_files;
  CLI::App* segment = app.add_subcommand("segment", "Print one sentence per line");
  std::string segment_language = "en";
  segment->add_option("files", segment_files, "Input files (standard input when none)");
  segment->add_option("--language", segment_language,
                      "The documents' language: its abbreviations and rules (en, de, fr, ...)");

  eval_options eo;
  std::string eval_lexicon;
  CLI::App* eval = app.add_subcommand("eval", "Score the analysis against gold corpora (SPEC 6)");
  eval->add_option("files", eo.files, "Gold files (SPEC section 5 XML, or standoff)");
  eval->add_option("--texts", eo.text_dirs,
                   "Folder of the articles that standoff gold annotates (default: "
                   "shared/<corpus>/text beside the checkout)");
  eval->add_flag("--summary", eo.summary, "With several files, print only the overall table");
  eval->add_option("--features", eo.features_file,
                   "Write each matched claim's confidence features and whether it is right (for "
                   "scripts/fit_confidence.py)");
  eval->add_flag("--agreement", eo.agreement,
                 "Files in pairs (reference, other): score one annotation against another");
  eval->add_flag("--errors", eo.errors, "List every miss, spurious claim, wrong status and chain");
  eval->add_option("--polnear", eo.polnear_dir, "Also score attributions on a PolNeAR directory");
  eval->add_option("--html", eo.html_report,
                   "Also write the scores as a page: confusion matrix, reliability diagram");
  eval->add_option("--lexicon", eval_lexicon, "Merge this lexicon file into the built-in one");
  std::string segmentation_file;
  std::string eval_language = "en";
  eval->add_option("--segmentation", segmentation_file,
                   "Score sentence ends against JSON Lines {\"text\", \"sentences\"} records "
                   "(code-point spans), e.g. ../shared/german-wikinews/dev.jsonl");
  eval->add_option("--language", eval_language, "The language to segment --segmentation in");
  std::vector<std::string> check_gold;
  eval->add_option("--checks", check_gold,
                   "Score check verdicts on gold <checks> files (query, document, verdict)");
  std::vector<std::string> trace_gold;
  eval->add_option("--trace", trace_gold,
                   "Score trace clusters (B-cubed) and circular citations against multi-document "
                   "gold sets (corpora/trace/*.xml, beside their .circular.txt)");

  trace_command_options to;
  analyze_options trace_lo;
  CLI::App* trace = app.add_subcommand(
      "trace", "Group matching claims of a JSON Lines feed into clusters across documents");
  trace->add_option("files", to.files,
                    "Feeds of {\"id\", \"text\", \"outlet\", \"date\"} records, one per line "
                    "(standard input when none, or '-')");
  trace->add_option("--format", to.format, "json: one cluster per line; text: for a person")
      ->check(CLI::IsMember({"json", "text"}));
  trace
      ->add_option("--min-documents", to.min_documents,
                   "Print only clusters with mentions from at least this many documents (1: "
                   "every claim)")
      ->check(CLI::PositiveNumber);
  trace->add_option("--lexicon", trace_lo.lexicon_file,
                    "Merge this lexicon file into the built-in one");
  trace->add_flag("--repair-utf8", trace_lo.repair,
                  "Replace invalid UTF-8 with U+FFFD instead of rejecting the record");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : exit_usage;
  }
  try {
    if (*analyze) return run_analyze(ao);
    if (*segment) return run_segment(segment_files, segment_language);
    if (*check) {
      analyze_options lo;
      lo.lexicon_file = co.lexicon_file;
      lo.repair = co.repair;
      const int status = run_check(co, make_analyzer(lo), std::cout, std::cerr);
      return status;
    }
    if (*trace) {
      to.progress = true;  // shown only when standard error is a terminal
      const int status = run_trace(to, make_analyzer(trace_lo), std::cout, std::cerr);
      flush_output();
      return status;
    }
    if (*eval) {
      if (!segmentation_file.empty()) {
        if (!eo.files.empty() || !eo.polnear_dir.empty()) {
          std::cerr << "hearsay eval: --segmentation goes without corpus files or --polnear\n";
          return exit_usage;
        }
        return run_segment_eval(segmentation_file, eval_language, eo.errors, std::cout, std::cerr);
      }
      // --checks, --trace and corpus files may be given together: each part is scored in turn,
      // and the first that fails ends the run with its status.
      const bool corpus_files = !eo.files.empty() || !eo.polnear_dir.empty();
      if (!check_gold.empty()) {
        analyze_options lo;
        lo.lexicon_file = eval_lexicon;
        const int status =
            run_check_eval(check_gold, make_analyzer(lo), eo.errors, std::cout, std::cerr);
        flush_output();
        if (status != 0 || (trace_gold.empty() && !corpus_files)) return status;
      }
      if (!trace_gold.empty()) {
        analyze_options lo;
        lo.lexicon_file = eval_lexicon;
        const int status =
            run_trace_eval(trace_gold, make_analyzer(lo), eo.errors, std::cout, std::cerr);
        flush_output();
        if (status != 0 || !corpus_files) return status;
      }
      if (eo.files.empty() && eo.polnear_dir.empty()) {
        std::cerr << "hearsay eval: give corpus files or --polnear DIR\n";
        return exit_usage;
      }
      analyze_options lo;
      lo.lexicon_file = eval_lexicon;
      eo.progress = true;  // shown only when standard error is a terminal
      const int status = run_eval(eo, make_analyzer(lo), std::cout, std::cerr);
      flush_output();
      return status;
    }
  } catch (const hearsay::error& e) {
    std::cerr << "hearsay: " << e.what() << '\n';
    return exit_input_error;
  } catch (const std::exception& e) {
    // Whatever the library did not foresee (out of memory, a system error) is still a message
    // and an exit status, never an abort.
    std::cerr << "hearsay: " << e.what() << '\n';
    return exit_input_error;
  }
  return exit_usage;
}
