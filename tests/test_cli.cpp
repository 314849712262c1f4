// The command-line program's failures: every write checked, a closed pipe ends quietly, every
// filesystem error reported as an io_error with exit status 1 (never an uncaught exception).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "hearsay/analyzer.hpp"
#include "hearsay/json.hpp"

namespace fs = std::filesystem;

namespace {

// A temp folder of this process's own: the compiled and header-only suites run in parallel.
fs::path scratch_dir() {
  static const fs::path dir = [] {
    const fs::path d =
        fs::temp_directory_path() / ("hearsay-test-cli-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct outcome {
  int status = -1;  ///< Exit status, or 128 + the signal that ended the program.
  std::string err;  ///< What it wrote to standard error.
};

// Run `hearsay ARGS` in bash (`prefix` first, e.g. a trap), stdout to `out`, stderr kept.
outcome run_cli(const std::string& args, const std::string& out = "/dev/null",
                const std::string& prefix = "") {
  const fs::path err = scratch_dir() / "stderr.txt";
  const std::string script = prefix + std::string(HEARSAY_CLI_PATH) + " " + args + " >" + out +
                             " 2>" + err.string() + "; exit $?";
  const std::string command = "bash -c '" + script + "'";
  const int status = std::system(command.c_str());
  outcome o;
  o.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.err = slurp(err);
  return o;
}

fs::path write(const std::string& name, const std::string& content) {
  const fs::path p = scratch_dir() / name;
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

// `hearsay analyze X > /dev/full` exited 0 with no message: a full disk truncated the output.
BOOST_AUTO_TEST_CASE(a_failed_write_is_an_error_with_a_message_in_every_command) {
  const std::string text = write("good.txt", "NHK said the talks failed.\n").string();
  const std::string jsonl =
      write("good.jsonl", "{\"id\": \"a\", \"text\": \"NHK said the talks failed.\"}\n").string();
  for (const std::string& args :
       {"analyze " + text, "analyze --format jsonl " + text, "analyze --pretty " + text,
        "segment " + text, "analyze --input jsonl " + jsonl}) {
    const outcome o = run_cli(args, "/dev/full");
    BOOST_TEST(o.status == 1, args);
    BOOST_TEST(
        o.err == "hearsay: [hearsay.io_error.302] standard output: No space left on device\n",
        args);
  }
}

// With SIGPIPE ignored (as some parents leave it), a closed pipe used to give exit status 0.
BOOST_AUTO_TEST_CASE(a_closed_pipe_ends_quietly_with_the_sigpipe_status_even_when_ignored) {
  std::string records;
  for (int i = 0; i < 2000; ++i) {
    records += "{\"id\": \"" + std::to_string(i) +
               "\", \"text\": \"NHK said the talks failed. Officials believe a deal is near.\"}\n";
  }
  const std::string feed = write("many.jsonl", records).string();
  for (const char* trap : {"", "trap \"\" PIPE; "}) {
    const fs::path err = scratch_dir() / "pipe_stderr.txt";
    const std::string script = std::string(trap) + HEARSAY_CLI_PATH + " analyze --input jsonl " +
                               feed + " 2>" + err.string() +
                               " | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}";
    const int status = std::system(("bash -c '" + script + "'").c_str());
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 128 + SIGPIPE, trap);
    BOOST_TEST(slurp(err).empty(), trap);
  }
}

// A symlink loop or a name over 255 bytes threw std::filesystem::filesystem_error (exit 134).
BOOST_AUTO_TEST_CASE(filesystem_errors_are_reported_as_io_errors_with_status_1) {
  const fs::path dir = scratch_dir();
  const fs::path loop_a = dir / "loop_a", loop_b = dir / "loop_b";
  fs::remove(loop_a);
  fs::remove(loop_b);
  fs::create_symlink(loop_b, loop_a);
  fs::create_symlink(loop_a, loop_b);
  const std::string long_name = (dir / std::string(300, 'x')).string();
  const std::string text = write("good.txt", "NHK said the talks failed.\n").string();
  struct expectation {
    std::string args, message;
  };
  const std::string loop = loop_a.string();
  const std::string loop_msg = ": Too many levels of symbolic links\n";
  const std::string long_msg = ": File name too long\n";
  const std::string dir_msg = ": is a directory\n";
  for (const expectation& e : std::initializer_list<expectation>{
           {"analyze " + loop, loop + loop_msg},
           {"analyze " + long_name, long_name + long_msg},
           {"analyze --format jsonl " + loop, loop + loop_msg},
           {"analyze --input jsonl " + loop, loop + loop_msg},
           {"analyze --input jsonl " + long_name, long_name + long_msg},
           {"analyze --input jsonl " + dir.string(), dir.string() + dir_msg},
           {"analyze " + dir.string(), dir.string() + dir_msg},
           {"segment " + loop, loop + loop_msg},
           {"segment " + long_name, long_name + long_msg},
           {"segment " + dir.string(), dir.string() + dir_msg},
           {"analyze --lexicon " + loop + " " + text, loop + loop_msg},
           {"analyze --lexicon " + dir.string() + " " + text, dir.string() + dir_msg},
       }) {
    const outcome o = run_cli(e.args);
    BOOST_TEST(o.status == 1, e.args);
    BOOST_TEST(o.err == "hearsay: [hearsay.io_error.301] " + e.message, e.args);
  }
  // eval keeps its documented status 2 for a corpus it cannot load.
  const outcome o = run_cli("eval " + loop);
  BOOST_TEST(o.status == 2);
  BOOST_TEST(o.err == "hearsay eval: [hearsay.io_error.301] " + loop + loop_msg);
}

// --repair-utf8 was ignored for --input jsonl: a record with a raw invalid byte was dropped.
BOOST_AUTO_TEST_CASE(repair_utf8_keeps_a_jsonl_record_with_invalid_bytes_and_says_so) {
  const std::string feed =
      write("bad.jsonl",
            "{\"id\": \"a\", \"text\": \"NHK said \xC0\xAF the \xEF\xBF\xBD talks failed.\"}\n"
            "{\"id\": \"b\", \"text\": \"Kim left.\"}\n")
          .string();
  const fs::path out = scratch_dir() / "repaired.jsonl";
  const outcome o = run_cli("analyze --input jsonl --repair-utf8 " + feed, out.string());
  BOOST_TEST(o.status == 0);
  BOOST_TEST(o.err.empty());
  std::istringstream lines(slurp(out));
  std::string line;
  std::getline(lines, line);
  const nlohmann::json a = nlohmann::json::parse(line);
  BOOST_TEST(a["id"] == "a");
  // Two for C0 AF (maximal subparts); the literal U+FFFD of the record is not a repair.
  BOOST_TEST(a["repaired"]["replacements"] == 2);
  BOOST_TEST(a["repaired"]["first"] == 9);
  std::getline(lines, line);
  BOOST_TEST(!nlohmann::json::parse(line).contains("repaired"));
  // Without repair the record is reported with its byte and the rest still stream.
  const outcome strict = run_cli("analyze --input jsonl " + feed, out.string());
  BOOST_TEST(strict.status == 1);
  BOOST_TEST(strict.err ==
             "hearsay: " + feed +
                 ":1: [hearsay.encoding_error.101] invalid UTF-8 at byte 30: overlong "
                 "encoding\n");
}

// Issue 16: the usual record is read without a DOM. Whatever path a line takes, the result (or
// the error) is what nlohmann::json's reading of it gives.
BOOST_AUTO_TEST_CASE(jsonl_records_give_what_a_full_json_parser_reads_in_them) {
  const std::vector<std::string> good = {
      R"({"id": "a", "text": "NHK said the talks failed."})",
      R"(  {"text":"Kim said \"no\" \\ \/ it\tfailed.\nIt is thought that\r\nhe left.","id":"b"} )",
      R"({"text": "Caf\u00e9 \u201cofficials\u201d said \ud83d\ude00 it.", "extra": "x"})",
      R"({"id": null, "text": "Officials said it."})",
      R"({"id": 42, "text": "Officials said it.", "n": [1, {"k": true}]})",
      R"({"id": "dup", "id": "second", "text": "Officials said it."})",
      "\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"Officials said it.\"}",
      "{\"id\": \"raw\", \"text\": \"Zo\xC3\xAB said \xE6\x9D\xB1 failed.\"}",
  };
  const std::vector<std::string> bad = {
      R"({"id": "c"})",
      R"({"id": "d", "text": null})",
      R"({"id": "e", "text": "bad \u12 escape"})",
      R"({"id": "f", "text": "lone \udc00 surrogate"})",
      R"({"id": "g", "text": "x"} trailing)",
      R"({"id": 1.5, "text": "x"})",
      "{\"id\": \"h\", \"text\": \"raw \x01 control\"}",
  };
  std::string feed;
  for (const std::string& line : good) feed += line + "\n";
  for (const std::string& line : bad) feed += line + "\n";
  const std::string path = write("records.jsonl", feed).string();
  const fs::path out = scratch_dir() / "records.out.jsonl";
  const outcome o = run_cli("analyze --input jsonl " + path, out.string());
  BOOST_TEST(o.status == 1);

  const hearsay::analyzer an;
  std::string expected_out;
  std::size_t line_no = 0;
  for (const std::string& line : good) {
    ++line_no;
    const nlohmann::json j = nlohmann::json::parse(line);
    const auto id = j.find("id");
    const std::string name = id == j.end() || id->is_null() ? path + ":" + std::to_string(line_no)
                             : id->is_string()              ? id->get<std::string>()
                                                            : id->dump();
    expected_out += hearsay::to_json(an.analyze(j["text"].get<std::string>(), name)) + "\n";
  }
  BOOST_TEST(slurp(out) == expected_out);
  // One error line per bad record; where the parser rejects the line, its message.
  std::istringstream err_lines(o.err);
  std::string err_line;
  line_no = good.size();
  for (const std::string& line : bad) {
    ++line_no;
    BOOST_REQUIRE(std::getline(err_lines, err_line));
    const std::string prefix = "hearsay: " + path + ":" + std::to_string(line_no) + ": ";
    BOOST_TEST(err_line.rfind(prefix, 0) == 0u, err_line);
    std::string parser_message;
    try {
      const nlohmann::json parsed = nlohmann::json::parse(line);
      BOOST_TEST(parsed.is_object());  // rejected for its fields, not its syntax
    } catch (const nlohmann::json::exception& e) {
      parser_message = e.what();
    }
    if (!parser_message.empty()) BOOST_TEST(err_line == prefix + parser_message);
  }
  BOOST_TEST(!std::getline(err_lines, err_line));
}

BOOST_AUTO_TEST_SUITE_END()
