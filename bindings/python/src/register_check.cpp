// hearsay.check(query, docs): SPEC 9's check over analysed Documents, as one dict per document
// (verdict, verdicts, matches, conflicts, attributed); hearsay.CheckIndex(docs): the same for many
// queries against one archive, every claim reduced once. The matching runs without the GIL.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/check.hpp"
#include "hearsay/check_index.hpp"
#include "hearsay/text.hpp"

namespace hearsay::python {
namespace {

py::list chain_list(const document& doc, const claim& c) {
  py::list out;
  for (const link& l : c.chain) {
    py::dict one;
    one["source"] = py::str(std::string(doc.view(l.source.where)));
    one["kind"] = py::str(to_string(l.source.kind));
    one["cue"] = py::str(std::string(doc.view(l.cue.where)));
    out.append(std::move(one));
  }
  return out;
}

py::dict hit_dict(const claim_query& q, const document& doc, const codepoint_map& cps,
                  const claim_hit& h, bool conflict) {
  const claim& c = doc.claims[h.claim];
  py::dict out;
  out["claim"] = h.claim;
  out["start"] = cps.to_codepoint(c.where.begin);
  out["end"] = cps.to_codepoint(c.where.end);
  out["text"] = py::str(std::string(doc.view(c.where)));
  out["score"] = std::round(h.score * 1000) / 1000;
  out["status"] = py::str(to_string(c.status));
  out["certainty"] = py::str(to_string(c.certainty));
  out["polarity"] = py::str(to_string(c.polarity));
  out["chain"] = chain_list(doc, c);
  if (conflict) {
    py::list mine, theirs;
    for (const span s : h.query_values) mine.append(py::str(std::string(s.of(q.text()))));
    for (const span s : h.claim_values) theirs.append(py::str(std::string(doc.view(s))));
    out["query_values"] = std::move(mine);
    out["claim_values"] = std::move(theirs);
  }
  return out;
}

py::dict result_dict(const claim_query& q, const document& doc, const document_check& r) {
  const codepoint_map cps(doc.text);
  py::list verdicts, matches, conflicts;
  for (const verdict v : r.verdicts) verdicts.append(py::str(to_string(v)));
  for (const claim_hit& h : r.matches) matches.append(hit_dict(q, doc, cps, h, false));
  for (const claim_hit& h : r.conflicts) conflicts.append(hit_dict(q, doc, cps, h, true));
  py::object attributed = py::none();
  if (const claim_hit* h = r.attribution(doc, q.polarity())) {
    const claim& c = doc.claims[h->claim];
    py::dict a;
    a["outermost"] = py::str(std::string(doc.view(c.chain.front().source.where)));
    a["innermost"] = py::str(std::string(doc.view(c.chain.back().source.where)));
    attributed = std::move(a);
  }
  py::dict out;
  out["document"] = py::str(doc.id);
  out["index"] = r.document;
  out["verdict"] = py::str(to_string(r.verdict()));
  out["verdicts"] = std::move(verdicts);
  out["matches"] = std::move(matches);
  out["conflicts"] = std::move(conflicts);
  out["attributed"] = std::move(attributed);
  return out;
}

// The Documents of a CheckIndex, kept alive with the index that points into them.
struct check_index_object {
  std::vector<py::object> held;
  std::vector<const document*> docs;
  std::string language;
  std::unique_ptr<check_index> index;

  py::list results(const std::string& query, bool only_found) const {
    const claim_query q(query, language);
    std::vector<document_check> found;
    {
      py::gil_scoped_release unlocked;
      found = only_found ? index->find(q) : index->check(q);
    }
    py::list out;
    for (const document_check& r : found) out.append(result_dict(q, *docs[r.document], r));
    return out;
  }
};

}  // namespace

py::list check_documents(const std::string& query, const std::vector<const document*>& docs,
                         const std::string& language) {
  const claim_query q(query, language);
  std::vector<document_check> results;
  {
    py::gil_scoped_release unlocked;
    results.reserve(docs.size());
    for (std::size_t i = 0; i < docs.size(); ++i) results.push_back(check(q, *docs[i], i));
  }
  py::list out;
  for (std::size_t i = 0; i < docs.size(); ++i) out.append(result_dict(q, *docs[i], results[i]));
  return out;
}

void register_check(py::module_& m) {
  using namespace py::literals;
  m.def(
      "check",
      [](const std::string& query, const py::iterable& docs, const std::string& language) {
        std::vector<py::object> held;  // keeps each Document alive while the GIL is released
        std::vector<const document*> pointers;
        for (const py::handle d : docs) {
          held.push_back(py::reinterpret_borrow<py::object>(d));
          pointers.push_back(&d.cast<const document_object&>().data().doc);
        }
        return check_documents(query, pointers, language);
      },
      "query"_a, "docs"_a, py::kw_only(), "language"_a = "en",
      "Check a claim (SPEC 9) against analysed Documents: one dict per document, in order, with "
      "'verdict' (asserted, denied, conflicting, attributed, speculative or not_found), every "
      "'verdicts' that apply, the 'matches' and 'conflicts' (claim index, code-point span, text, "
      "score, status, certainty, polarity, chain; a conflict's differing 'query_values' and "
      "'claim_values') and 'attributed' ({'outermost', 'innermost'} sources, or None). Raises "
      "HearsayError for an empty query or one with no content word.");

  py::class_<check_index_object>(m, "CheckIndex",
                                 "An archive of analysed Documents indexed for checking many "
                                 "claims (SPEC 9): every claim is reduced once, and a query costs "
                                 "only the claims that share its rarer words.")
      .def(py::init([](const py::iterable& docs, const std::string& language) {
             auto self = std::make_unique<check_index_object>();
             self->language = language;
             for (const py::handle d : docs) {
               self->held.push_back(py::reinterpret_borrow<py::object>(d));
               self->docs.push_back(&d.cast<const document_object&>().data().doc);
             }
             py::gil_scoped_release unlocked;
             self->index = std::make_unique<check_index>(
                 std::span<const document* const>(self->docs.data(), self->docs.size()));
             return self;
           }),
           "docs"_a, py::kw_only(), "language"_a = "en",
           "Index the claims of `docs` (analysed Documents, kept alive by the index).")
      .def("__len__", [](const check_index_object& self) { return self.docs.size(); })
      .def(
          "check",
          [](const check_index_object& self, const std::string& query) {
            return self.results(query, false);
          },
          "query"_a,
          "Check a claim against every document: what hearsay.check(query, docs) gives, one dict "
          "per document in order.")
      .def(
          "find",
          [](const check_index_object& self, const std::string& query) {
            return self.results(query, true);
          },
          "query"_a,
          "Return only the documents whose verdict is not not_found (each dict's 'index' is its "
          "place among the indexed documents), in order.");
}

}  // namespace hearsay::python
