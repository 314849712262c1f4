// Write the fuzzers' seed corpora from the project's data:
//
//   fuzz_make_seeds OUT CORPORA_DIR LEXICON_XML [SEGMENTATION_CASES_XML] [TEXT_FILE...]
//
//   OUT/text/     every gold document's text, every segmentation case's text, each TEXT_FILE
//                 (seeds for fuzz_analyze and fuzz_segment)
//   OUT/corpus/   every corpus file and every one of its documents as a corpus of its own
//   OUT/lexicon/  the lexicon and each of its top-level elements as a lexicon of its own
//
// Missing optional inputs are skipped. Small seeds are worth more than big ones to a fuzzer, hence
// the one-document corpora and one-element lexicons.
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "hearsay/corpus.hpp"
#include "hearsay/error.hpp"

namespace fs = std::filesystem;

namespace {

std::size_t written = 0;

void write(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + file.string());
  ++written;
}

std::string print(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

// Each child element of `root` alone, inside a copy of `root` (attributes kept).
void split_children(const pugi::xml_node& root, const char* only, const fs::path& dir,
                    const std::string& stem) {
  std::size_t i = 0;
  for (const pugi::xml_node child : root.children()) {
    if (child.type() != pugi::node_element || (only && std::string(child.name()) != only)) continue;
    pugi::xml_document one;
    pugi::xml_node r = one.append_child(root.name());
    for (const pugi::xml_attribute a : root.attributes()) r.append_copy(a);
    r.append_copy(child);
    write(dir / (stem + "-" + std::to_string(i++) + ".xml"), print(one));
  }
}

void corpus_seeds(const fs::path& corpora, const fs::path& out) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(corpora)) {
    if (e.path().extension() == ".xml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const std::string stem = f.stem().string();
    const std::string xml = hearsay::read_file(f.string());
    write(out / "corpus" / (stem + ".xml"), xml);
    pugi::xml_document doc;
    if (doc.load_buffer(xml.data(), xml.size())) {
      split_children(doc.document_element(), "doc", out / "corpus", stem);
    }
    std::size_t i = 0;
    for (const auto& d : hearsay::load_corpus(xml, f.string()).documents) {
      write(out / "text" / (stem + "-" + std::to_string(i++) + ".txt"), d.text);
    }
  }
}

void lexicon_seeds(const fs::path& lexicon, const fs::path& out) {
  const std::string xml = hearsay::read_file(lexicon.string());
  write(out / "lexicon" / "lexicon.xml", xml);
  pugi::xml_document doc;
  if (doc.load_buffer(xml.data(), xml.size())) {
    split_children(doc.document_element(), nullptr, out / "lexicon", "part");
  }
}

// The text of a case is all its character data, white space included.
void case_seeds(const fs::path& cases, const fs::path& out) {
  pugi::xml_document doc;
  if (!doc.load_file(cases.c_str(), pugi::parse_default | pugi::parse_ws_pcdata)) return;
  std::size_t i = 0;
  for (const pugi::xpath_node x : doc.select_nodes("//case")) {
    std::string text;
    for (const pugi::xpath_node n : x.node().select_nodes(".//text()")) text += n.node().value();
    write(out / "text" / ("case-" + std::to_string(i++) + ".txt"), text);
  }
}

// Feeds for fuzz_feed: the development trace sets (corpora/trace/*.xml; never the held-out
// set below it) as JSON Lines of three records each, and a feed of bad lines.
void feed_seeds(const fs::path& corpora, const fs::path& out) {
  const fs::path dir = corpora / "trace";
  if (!fs::is_directory(dir)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".xml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    const hearsay::corpus gold = hearsay::load_corpus_file(f.string());
    std::string feed;
    std::size_t part = 0;
    for (std::size_t i = 0; i < gold.documents.size(); ++i) {
      const hearsay::gold_document& d = gold.documents[i];
      nlohmann::json record = {{"id", d.id}, {"text", d.text}};
      if (d.outlet) record["outlet"] = *d.outlet;
      if (d.date) record["date"] = *d.date;
      feed += record.dump() + "\n";
      if (i % 3 == 2 || i + 1 == gold.documents.size()) {
        write(out / "feed" / (f.stem().string() + "-" + std::to_string(part++) + ".jsonl"), feed);
        feed.clear();
      }
    }
  }
  write(out / "feed" / "bad-lines.jsonl",
        "not json\n{\"id\": 1}\n{\"text\": \"\"}\n[1, 2]\n{\"id\": true, \"text\": \"x\"}\n"
        "{\"text\": \"Rain fell, the Ledger said.\", \"date\": \"2026-02-30\", \"outlet\": 7}\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s OUT CORPORA_DIR LEXICON_XML [CASES_XML] [TEXT_FILE...]\n",
                 argv[0]);
    return 2;
  }
  try {
    const fs::path out = argv[1];
    for (const char* sub : {"text", "corpus", "lexicon", "feed"}) {
      fs::remove_all(out / sub);
      fs::create_directories(out / sub);
    }
    corpus_seeds(argv[2], out);
    feed_seeds(argv[2], out);
    lexicon_seeds(argv[3], out);
    if (argc > 4 && fs::exists(argv[4])) case_seeds(argv[4], out);
    for (int i = 5; i < argc; ++i) {
      if (fs::exists(argv[i])) {
        write(out / "text" / fs::path(argv[i]).filename(), hearsay::read_file(argv[i]));
      }
    }
    std::printf("fuzz_make_seeds: %zu seed files in %s\n", written, out.c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz_make_seeds: %s\n", e.what());
    return 1;
  }
  return 0;
}
