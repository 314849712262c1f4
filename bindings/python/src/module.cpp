// hearsay._core: the compiled half of the Python package. Each concept registers itself from its
// own register_<concept>.cpp; the pure-Python package `hearsay` re-exports everything.
#include "bindings.hpp"
#include "hearsay/version.hpp"

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  using namespace hearsay::python;
  m.doc() = "hearsay's C++ core; use the `hearsay` package instead of importing this directly.";
  register_errors(m);  // first: the others raise through its translator
  register_lexicon(m);
  register_document(m);
  register_analyzer(m);
  register_check(m);
  register_trace(m);
  // The classes are documented, pickled and shown as members of the public package.
  for (const char* name : {"Lexicon", "Sentence", "Source", "Cue", "Link", "Claim", "Document",
                           "Analyzer", "ItemError", "Tracer"}) {
    m.attr(name).attr("__module__") = "hearsay";
  }
  m.attr("__version__") = hearsay::version();
}
