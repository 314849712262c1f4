// hearsay.Tracer and hearsay._core.traced_bytes: the C++ tracer (trace.hpp) over analysed
// Documents. traced_bytes() is what a Dask worker sends; Tracer.add_traced() reads it, so that a
// cluster of machines traces exactly as one process does. Clusters come out as the dicts of the
// CLI's JSON lines.
#include <optional>
#include <string>
#include <utility>

#include "bindings.hpp"
#include "hearsay/error.hpp"
#include "hearsay/feed.hpp"
#include "hearsay/trace.hpp"

namespace hearsay::python {
namespace {

std::optional<feed_date> date_of(const std::optional<std::string>& date) {
  if (!date) return std::nullopt;
  std::optional<feed_date> d = parse_feed_date(*date);
  if (!d) {
    throw py::value_error("date '" + *date + "' does not parse (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
  }
  return d;
}

py::bytes traced_bytes(const document_object& doc, std::optional<std::string> outlet,
                       std::optional<std::string> date) {
  const std::optional<feed_date> d = date_of(date);
  std::string bytes;
  {
    py::gil_scoped_release release;
    bytes = traced_document::of(doc.data().doc, std::move(outlet), d).to_bytes();
  }
  return py::bytes(bytes);
}

py::list clusters_of(tracer& tr, std::optional<std::size_t> min_documents) {
  std::vector<trace_cluster> clusters;
  {
    py::gil_scoped_release release;
    clusters = tr.clusters(min_documents.value_or(tr.options().min_documents));
  }
  const py::object loads = py::module_::import("json").attr("loads");
  py::list out;
  std::size_t number = 0;
  for (const trace_cluster& c : clusters) out.append(loads(to_json(c, ++number)));
  return out;
}

}  // namespace

void register_trace(py::module_& m) {
  using namespace pybind11::literals;
  m.def("traced_bytes", &traced_bytes, "document"_a, "outlet"_a = py::none(), "date"_a = py::none(),
        "Return what a tracer keeps of `document` (published by `outlet` on `date`, "
        "'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM') as bytes for Tracer.add_traced: made where the "
        "document was analysed.");
  py::class_<tracer> cls(m, "Tracer",
                         "Groups matching claims of documents into clusters (SPEC 9 trace). "
                         "Add documents in feed order, then call clusters().");
  in_package(cls);
  cls.def(py::init([](std::size_t min_documents) {
            trace_options o;
            o.min_documents = min_documents;
            return tracer(o);
          }),
          py::kw_only(), "min_documents"_a = 2)
      .def(
          "add",
          [](tracer& tr, const document_object& doc, std::optional<std::string> outlet,
             std::optional<std::string> date) {
            const std::optional<feed_date> d = date_of(date);
            py::gil_scoped_release release;
            tr.add(doc.data().doc, std::move(outlet), d);
          },
          "document"_a, "outlet"_a = py::none(), "date"_a = py::none(),
          "Add the claims of an analysed Document; a date that does not parse raises ValueError.")
      .def(
          "add_traced",
          [](tracer& tr, const py::bytes& bytes) {
            std::string data = bytes;
            py::gil_scoped_release release;
            tr.add(traced_document::from_bytes(data));
          },
          "data"_a, "Add a document reduced by traced_bytes() (on this machine or another).")
      .def("clusters", &clusters_of, "min_documents"_a = py::none(),
           "Return the clusters with mentions from at least `min_documents` documents (default: "
           "the tracer's), as dicts (the JSON of `hearsay trace`), in the order of their first "
           "mention.")
      .def_property_readonly("documents", [](const tracer& tr) { return tr.stats().documents; })
      .def_property_readonly("mentions", [](const tracer& tr) { return tr.stats().mentions; });
}

}  // namespace hearsay::python
