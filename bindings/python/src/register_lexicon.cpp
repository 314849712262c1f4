// hearsay.Lexicon: the word lists an Analyzer runs on. Pickles as the XML documents it was built
// from (lexicon::sources()), so that it can travel to worker processes.
#include <algorithm>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "hearsay/lexicon.hpp"

namespace hearsay::python {

lexicon lexicon_from_sources(const std::vector<std::string>& sources) {
  if (sources.empty()) return lexicon();
  const lexicon builtin = lexicon::builtin();
  const std::vector<std::string>& builtin_sources = builtin.sources();
  std::size_t first = 0;
  lexicon out;
  if (!builtin_sources.empty() && sources.size() >= builtin_sources.size() &&
      std::equal(builtin_sources.begin(), builtin_sources.end(), sources.begin())) {
    out = builtin;  // already compiled once per process
    first = builtin_sources.size();
  } else {
    out = lexicon::from_string(sources.front(), "<pickled lexicon>");
    first = 1;
  }
  for (std::size_t i = first; i < sources.size(); ++i) {
    out.merge(lexicon::from_string(sources[i], "<pickled lexicon>"));
  }
  return out;
}

py::tuple sources_tuple(const lexicon& lex) {
  const std::vector<std::string>& sources = lex.sources();
  py::tuple out(sources.size());
  for (std::size_t i = 0; i < sources.size(); ++i) out[i] = py::str(sources[i]);
  return out;
}

namespace {

std::vector<std::string> sources_from(const py::tuple& state) {
  std::vector<std::string> sources;
  sources.reserve(state.size());
  for (const py::handle item : state) {
    const text_input in = read_text(item, false, "lexicon source");
    sources.emplace_back(in.utf8());
  }
  return sources;
}

}  // namespace

void register_lexicon(py::module_& m) {
  using namespace pybind11::literals;
  py::class_<lexicon> cls(
      m, "Lexicon",
      "The word lists and cue tables the analysis runs on (docs/LEXICON.md).\n\n"
      "    lex = hearsay.Lexicon.builtin()\n"
      "    lex.merge(hearsay.Lexicon.from_file('newsroom-extra.xml'))\n"
      "    analyzer = hearsay.Analyzer(lex)");
  in_package(cls);
  cls.def(py::init<>(), "Make an empty lexicon (no cues, no abbreviations).")
      .def_static("builtin", &lexicon::builtin,
                  "Return the lexicon built into the library (data/lexicon.xml).")
      .def_static(
          "from_string",
          [](const py::object& xml, const std::string& name) {
            const text_input in = read_text(xml, false, name);
            py::gil_scoped_release unlocked;
            return lexicon::from_string(in.utf8(), name);
          },
          "xml"_a, "name"_a = "<string>",
          "Parse lexicon XML (str or UTF-8 bytes); `name` appears in error messages. "
          "Raises LexiconError.")
      .def_static(
          "from_file",
          [](const py::object& path) {
            const std::string p = py::str(py::module_::import("os").attr("fsdecode")(path));
            py::gil_scoped_release unlocked;
            return lexicon::from_file(p);
          },
          "path"_a, "Load a lexicon file. Raises IOError or LexiconError.")
      .def("merge", &lexicon::merge, "other"_a,
           "Add every entry of `other` to this lexicon, in place; entries of `other` win on "
           "conflict.")
      .def_property_readonly("sources", &sources_tuple,
                             "The XML documents this lexicon was built from, in merge order.")
      .def("__len__", &lexicon::size, "Return how many entries the lexicon holds.")
      .def(
          "__eq__", [](const lexicon& a, const lexicon& b) { return a.sources() == b.sources(); },
          py::is_operator())
      .def("__repr__",
           [](const lexicon& l) {
             return "Lexicon(entries=" + std::to_string(l.size()) +
                    ", sources=" + std::to_string(l.sources().size()) + ")";
           })
      .def("__copy__", [](const lexicon& l) { return l; })
      .def(
          "__deepcopy__", [](const lexicon& l, py::handle) { return l; }, "memo"_a)
      .def(py::pickle(
          [](const lexicon& l) { return sources_tuple(l); },
          [](const py::tuple& state) { return lexicon_from_sources(sources_from(state)); }));
  cls.attr("__hash__") = py::none();  // mutable (merge), so unhashable
}

}  // namespace hearsay::python
