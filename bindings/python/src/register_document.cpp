// hearsay.Document and the values it holds (Sentence, Claim, Link, Source, Cue): plain, immutable,
// comparable, hashable (except Document) and picklable, with SPEC section 4 field names and
// code-point offsets, so that text[c.start:c.end] == c.text in Python.
#include <Python.h>
#include <cmath>

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "hearsay/detail/codepoint_index.hpp"
#include "hearsay/json.hpp"
#include "hearsay/text.hpp"

namespace hearsay::python {

// --- conversion from the C++ result --------------------------------------------------------------

std::shared_ptr<const document_data> make_document_data(hearsay::document doc) {
  auto out = std::make_shared<document_data>();
  out->doc = std::move(doc);
  const hearsay::document& d = out->doc;
  const detail::codepoint_index cps(d.text);  // O(1) an offset (codepoint_map walked)
  out->repaired_first = cps.to_codepoint(d.repaired.first);
  out->sentences.reserve(d.sentences.size());
  for (const span s : d.sentences) {
    out->sentences.push_back(
        {cps.to_codepoint(s.begin), cps.to_codepoint(s.end), std::string(d.view(s))});
  }
  out->claims.reserve(d.claims.size());
  for (const claim& c : d.claims) {
    claim_value v;
    v.sentence = c.sentence;
    v.start = cps.to_codepoint(c.where.begin);
    v.end = cps.to_codepoint(c.where.end);
    v.text = std::string(d.view(c.where));
    v.status = c.status;
    v.certainty = c.certainty;
    v.polarity = c.polarity;
    v.quote = c.quote;
    v.chain.reserve(c.chain.size());
    for (const link& l : c.chain) {
      link_value lv;
      lv.source.text = std::string(d.view(l.source.where));
      lv.source.start = cps.to_codepoint(l.source.where.begin);
      lv.source.end = cps.to_codepoint(l.source.where.end);
      lv.source.kind = l.source.kind;
      lv.source.named = l.source.named;
      if (l.source.refers_to) lv.source.refers_to = std::string(d.view(*l.source.refers_to));
      lv.cue.text = std::string(d.view(l.cue.where));
      lv.cue.start = cps.to_codepoint(l.cue.where.begin);
      lv.cue.end = cps.to_codepoint(l.cue.where.end);
      lv.cue.lemma = l.cue.lemma;
      lv.cue.kind = l.cue.kind;
      v.chain.push_back(std::move(lv));
    }
    v.confidence = std::round(static_cast<double>(c.confidence) * 1000) / 1000;
    v.rule = std::string(to_string(c.evidence.rule));
    for (std::size_t w = 0; w < c.evidence.word_count(); ++w) {
      const span word = c.evidence.word(w);
      v.words.emplace_back(cps.to_codepoint(word.begin), cps.to_codepoint(word.end));
    }
    v.assessed = d.sourcing.has_value();
    v.flags = c.flags;
    out->claims.push_back(std::move(v));
  }
  return out;
}

namespace {

// --- enums as their SPEC strings -----------------------------------------------------------------

// The word used for each enum in error messages; the value counts come from the library.
template <class E>
constexpr const char* enum_name();
template <>
constexpr const char* enum_name<status>() {
  return "status";
}
template <>
constexpr const char* enum_name<certainty>() {
  return "certainty";
}
template <>
constexpr const char* enum_name<polarity>() {
  return "polarity";
}
template <>
constexpr const char* enum_name<quote_kind>() {
  return "quote";
}
template <>
constexpr const char* enum_name<source_kind>() {
  return "source kind";
}
template <>
constexpr const char* enum_name<cue_class>() {
  return "cue class";
}
template <>
constexpr const char* enum_name<rule_id>() {
  return "rule id";
}

template <class E>
E parse_value(const std::string& text) {
  E out{};
  if (hearsay::parse(text, out)) return out;
  std::string expected;
  for (std::size_t i = 0; i < hearsay::value_count<E>; ++i) {
    expected += i ? ", '" : "'";
    expected += to_string(static_cast<E>(i));
    expected += "'";
  }
  throw py::value_error("'" + text + "' is not a valid " + enum_name<E>() + "; expected one of " +
                        expected);
}

// Interned once per process (and never freed: they must outlive every Document): to_dict() makes
// many small dicts, and the same few keys and enum spellings would otherwise be allocated anew.
PyObject* interned(std::string_view s) {
  PyObject* out = PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
  if (out == nullptr) throw py::error_already_set();
  PyUnicode_InternInPlace(&out);
  return out;
}

template <class E>
py::str str_of(E value) {
  static const auto table = [] {
    std::array<PyObject*, hearsay::value_count<E>> t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = interned(to_string(static_cast<E>(i)));
    return t;
  }();
  return py::reinterpret_borrow<py::str>(table[static_cast<std::size_t>(value)]);
}

struct dict_keys {
  PyObject* id = interned("id");
  PyObject* language = interned("language");
  PyObject* sentences = interned("sentences");
  PyObject* repaired = interned("repaired");
  PyObject* replacements = interned("replacements");
  PyObject* first = interned("first");
  PyObject* claims = interned("claims");
  PyObject* sentence = interned("sentence");
  PyObject* start = interned("start");
  PyObject* end = interned("end");
  PyObject* text = interned("text");
  PyObject* status = interned("status");
  PyObject* certainty = interned("certainty");
  PyObject* polarity = interned("polarity");
  PyObject* quote = interned("quote");
  PyObject* chain = interned("chain");
  PyObject* source = interned("source");
  PyObject* cue = interned("cue");
  PyObject* kind = interned("kind");
  PyObject* named = interned("named");
  PyObject* refers_to = interned("refers_to");
  PyObject* lemma = interned("lemma");
  PyObject* class_ = interned("class");
  PyObject* confidence = interned("confidence");
  PyObject* evidence = interned("evidence");
  PyObject* rule = interned("rule");
  PyObject* words = interned("words");
  PyObject* flags = interned("flags");
  PyObject* sourcing = interned("sourcing");
};

const dict_keys& keys() {
  static const dict_keys k;
  return k;
}

py::list flags_list(flag_set flags) {
  py::list out;
  for (const std::string_view name : flags.names()) out.append(py::str(std::string(name)));
  return out;
}

// Fills a dict through the C API; each value is a new reference (or null after a Python error).
class dict_builder {
 public:
  dict_builder() : dict_(py::reinterpret_steal<py::dict>(PyDict_New())) {
    if (!dict_) throw py::error_already_set();
  }
  dict_builder& set(PyObject* key, PyObject* value) {
    if (value == nullptr) throw py::error_already_set();
    const int status = PyDict_SetItem(dict_.ptr(), key, value);
    Py_DECREF(value);
    if (status != 0) throw py::error_already_set();
    return *this;
  }
  dict_builder& set(PyObject* key, std::size_t value) { return set(key, PyLong_FromSize_t(value)); }
  dict_builder& set(PyObject* key, const std::string& value) {
    return set(key,
               PyUnicode_DecodeUTF8(value.data(), static_cast<Py_ssize_t>(value.size()), nullptr));
  }
  dict_builder& set(PyObject* key, py::object value) { return set(key, value.release().ptr()); }
  /// Set `key` only when `present` (fields a document has only when it was asked for them).
  dict_builder& set_if(bool present, PyObject* key, py::object value) {
    return present ? set(key, std::move(value)) : *this;
  }
  py::dict done() { return std::move(dict_); }

 private:
  py::dict dict_;
};

std::string repr_of(const std::string& s) { return py::repr(py::str(s)); }

std::string repr_of(const std::optional<std::string>& s) {
  return s ? repr_of(*s) : std::string("None");
}

template <class E>
std::string repr_enum(E value) {
  return "'" + std::string(to_string(value)) + "'";
}

// --- state tuples: pickling, hashing -----------------------------------------------------------

py::tuple state_of(const sentence_value& v) { return py::make_tuple(v.start, v.end, v.text); }

py::tuple state_of(const source_value& v) {
  return py::make_tuple(v.text, v.start, v.end, str_of(v.kind), v.named,
                        v.refers_to ? py::object(py::str(*v.refers_to)) : py::object(py::none()));
}

py::tuple state_of(const cue_value& v) {
  return py::make_tuple(v.text, v.start, v.end, v.lemma, str_of(v.kind));
}

py::tuple state_of(const link_value& v) {
  return py::make_tuple(state_of(v.source), state_of(v.cue));
}

py::tuple state_of(const claim_value& v) {
  py::tuple chain(v.chain.size());
  for (std::size_t i = 0; i < v.chain.size(); ++i) chain[i] = state_of(v.chain[i]);
  py::list words;
  for (const auto& [a, b] : v.words) words.append(py::make_tuple(a, b));
  return py::make_tuple(v.sentence, v.start, v.end, v.text, str_of(v.status), str_of(v.certainty),
                        str_of(v.polarity), str_of(v.quote), chain, v.confidence, v.rule,
                        py::tuple(words));
}

void require_size(const py::tuple& t, std::size_t n, const char* what) {
  if (t.size() != n) throw py::value_error(std::string("invalid pickled ") + what);
}

sentence_value sentence_from(const py::tuple& t) {
  require_size(t, 3, "Sentence");
  return {t[0].cast<std::size_t>(), t[1].cast<std::size_t>(), t[2].cast<std::string>()};
}

source_value source_from(const py::tuple& t) {
  require_size(t, 6, "Source");
  source_value v;
  v.text = t[0].cast<std::string>();
  v.start = t[1].cast<std::size_t>();
  v.end = t[2].cast<std::size_t>();
  v.kind = parse_value<source_kind>(t[3].cast<std::string>());
  v.named = t[4].cast<bool>();
  if (!t[5].is_none()) v.refers_to = t[5].cast<std::string>();
  return v;
}

cue_value cue_from(const py::tuple& t) {
  require_size(t, 5, "Cue");
  cue_value v;
  v.text = t[0].cast<std::string>();
  v.start = t[1].cast<std::size_t>();
  v.end = t[2].cast<std::size_t>();
  v.lemma = t[3].cast<std::string>();
  v.kind = parse_value<cue_class>(t[4].cast<std::string>());
  return v;
}

link_value link_from(const py::tuple& t) {
  require_size(t, 2, "Link");
  return {source_from(t[0].cast<py::tuple>()), cue_from(t[1].cast<py::tuple>())};
}

claim_value claim_from(const py::tuple& t) {
  require_size(t, 12, "Claim");
  claim_value v;
  v.sentence = t[0].cast<std::size_t>();
  v.start = t[1].cast<std::size_t>();
  v.end = t[2].cast<std::size_t>();
  v.text = t[3].cast<std::string>();
  v.status = parse_value<status>(t[4].cast<std::string>());
  v.certainty = parse_value<certainty>(t[5].cast<std::string>());
  v.polarity = parse_value<polarity>(t[6].cast<std::string>());
  v.quote = parse_value<quote_kind>(t[7].cast<std::string>());
  for (const py::handle l : t[8].cast<py::tuple>())
    v.chain.push_back(link_from(l.cast<py::tuple>()));
  v.confidence = t[9].cast<double>();
  v.rule = t[10].cast<std::string>();
  for (const py::handle w : t[11].cast<py::tuple>()) {
    const auto pair = w.cast<py::tuple>();
    require_size(pair, 2, "evidence word");
    v.words.emplace_back(pair[0].cast<std::size_t>(), pair[1].cast<std::size_t>());
  }
  return v;
}

// --- SPEC section 4 dicts ------------------------------------------------------------------------

py::dict dict_of(const sentence_value& v) {
  const dict_keys& k = keys();
  return dict_builder().set(k.start, v.start).set(k.end, v.end).done();
}

py::dict dict_of(const source_value& v) {
  const dict_keys& k = keys();
  return dict_builder()
      .set(k.text, v.text)
      .set(k.start, v.start)
      .set(k.end, v.end)
      .set(k.kind, str_of(v.kind))
      .set(k.named, py::bool_(v.named))
      .set(k.refers_to, v.refers_to ? py::object(py::str(*v.refers_to)) : py::object(py::none()))
      .done();
}

py::dict dict_of(const cue_value& v) {
  const dict_keys& k = keys();
  return dict_builder()
      .set(k.text, v.text)
      .set(k.start, v.start)
      .set(k.end, v.end)
      .set(k.lemma, v.lemma)
      .set(k.class_, str_of(v.kind))
      .done();
}

py::dict dict_of(const link_value& v) {
  const dict_keys& k = keys();
  return dict_builder().set(k.source, dict_of(v.source)).set(k.cue, dict_of(v.cue)).done();
}

// SPEC 7: {"rule": id, "words": [{"start", "end"}, ...]}.
py::dict evidence_dict(const claim_value& v) {
  const dict_keys& k = keys();
  py::list words(v.words.size());
  for (std::size_t i = 0; i < v.words.size(); ++i) {
    words[i] = dict_builder().set(k.start, v.words[i].first).set(k.end, v.words[i].second).done();
  }
  return dict_builder().set(k.rule, v.rule).set(k.words, std::move(words)).done();
}

py::dict dict_of(const claim_value& v) {
  const dict_keys& k = keys();
  py::list chain(v.chain.size());
  for (std::size_t i = 0; i < v.chain.size(); ++i) chain[i] = dict_of(v.chain[i]);
  return dict_builder()
      .set(k.sentence, v.sentence)
      .set(k.start, v.start)
      .set(k.end, v.end)
      .set(k.text, v.text)
      .set(k.status, str_of(v.status))
      .set(k.certainty, str_of(v.certainty))
      .set(k.polarity, str_of(v.polarity))
      .set(k.quote, str_of(v.quote))
      .set(k.chain, std::move(chain))
      .set(k.confidence, py::float_(v.confidence))
      .set(k.evidence, evidence_dict(v))
      .set_if(v.assessed, k.flags, flags_list(v.flags))
      .done();
}

// SPEC 8's document summary, as hearsay::to_json writes it.
py::dict sourcing_dict(const hearsay::document& d) {
  const sourcing& s = *d.sourcing;
  py::dict by_status, by_kind;
  for (std::size_t i = 0; i < s.by_status.size(); ++i) {
    by_status[py::str(to_string(static_cast<status>(i)))] = s.by_status[i];
  }
  for (std::size_t i = 0; i < s.by_kind.size(); ++i) {
    by_kind[py::str(to_string(static_cast<source_kind>(i)))] = s.by_kind[i];
  }
  py::list sources;
  for (const source_tally& t : s.sources) {
    py::dict one;
    one["text"] = py::str(std::string(d.view(t.where)));
    one["kind"] = py::str(to_string(t.kind));
    one["claims"] = t.claims;
    sources.append(std::move(one));
  }
  py::dict out;
  out["by_status"] = std::move(by_status);
  out["by_kind"] = std::move(by_kind);
  out["named"] = s.named;
  out["anonymous"] = s.anonymous;
  out["sources"] = std::move(sources);
  return out;
}

py::dict dict_of(const document_data& data) {
  const dict_keys& k = keys();
  py::list sentences(data.sentences.size());
  for (std::size_t i = 0; i < data.sentences.size(); ++i) sentences[i] = dict_of(data.sentences[i]);
  py::list claims(data.claims.size());
  for (std::size_t i = 0; i < data.claims.size(); ++i) claims[i] = dict_of(data.claims[i]);
  dict_builder out;
  out.set(k.id, data.doc.id)
      .set(k.language, data.doc.language)
      .set(k.sentences, std::move(sentences))
      .set(k.claims, std::move(claims));
  if (data.doc.sourcing) out.set(k.sourcing, sourcing_dict(data.doc));
  if (data.doc.repaired) {  // as hearsay::to_json: only when repair changed the text
    out.set(k.repaired, dict_builder()
                            .set(k.replacements, data.doc.repaired.count)
                            .set(k.first, data.repaired_first)
                            .done());
  }
  return out.done();
}

// --- readable reprs ------------------------------------------------------------------------------

std::string repr_of(const sentence_value& v) {
  return "Sentence(start=" + std::to_string(v.start) + ", end=" + std::to_string(v.end) +
         ", text=" + repr_of(v.text) + ")";
}

std::string repr_of(const source_value& v) {
  return "Source(text=" + repr_of(v.text) + ", start=" + std::to_string(v.start) +
         ", end=" + std::to_string(v.end) + ", kind=" + repr_enum(v.kind) +
         ", named=" + (v.named ? "True" : "False") + ", refers_to=" + repr_of(v.refers_to) + ")";
}

std::string repr_of(const cue_value& v) {
  return "Cue(text=" + repr_of(v.text) + ", start=" + std::to_string(v.start) +
         ", end=" + std::to_string(v.end) + ", lemma=" + repr_of(v.lemma) +
         ", class_=" + repr_enum(v.kind) + ")";
}

std::string repr_of(const link_value& v) {
  return "Link(source=" + repr_of(v.source) + ", cue=" + repr_of(v.cue) + ")";
}

std::string repr_of_float(double x) { return py::repr(py::float_(x)).cast<std::string>(); }

std::string words_repr(const std::vector<std::pair<std::size_t, std::size_t>>& words) {
  std::string out = "(";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i) out += ", ";
    out += "(" + std::to_string(words[i].first) + ", " + std::to_string(words[i].second) + ")";
  }
  out += words.size() == 1 ? ",)" : ")";
  return out;
}

std::string repr_of(const claim_value& v) {
  std::string chain = "(";
  for (std::size_t i = 0; i < v.chain.size(); ++i) {
    if (i) chain += ", ";
    chain += repr_of(v.chain[i]);
  }
  chain += v.chain.size() == 1 ? ",)" : ")";
  return "Claim(sentence=" + std::to_string(v.sentence) + ", start=" + std::to_string(v.start) +
         ", end=" + std::to_string(v.end) + ", text=" + repr_of(v.text) +
         ", status=" + repr_enum(v.status) + ", certainty=" + repr_enum(v.certainty) +
         ", polarity=" + repr_enum(v.polarity) + ", quote=" + repr_enum(v.quote) +
         ", chain=" + chain + ", confidence=" + repr_of_float(v.confidence) +
         ", rule=" + repr_of(v.rule) + ", evidence_words=" + words_repr(v.words) + ")";
}

py::tuple chain_tuple(const claim_value& v) {
  py::tuple out(v.chain.size());
  for (std::size_t i = 0; i < v.chain.size(); ++i) out[i] = py::cast(v.chain[i]);
  return out;
}

// Methods every value class shares: ==, hash, repr, to_dict, pickling.
template <class T>
void add_value_methods(py::class_<T>& cls, T (*from)(const py::tuple&)) {
  cls.def(
         "__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator())
      .def("__hash__", [](const T& v) { return py::hash(state_of(v)); })
      .def("__repr__", [](const T& v) { return repr_of(v); })
      .def(
          "to_dict", [](const T& v) { return dict_of(v); },
          "Return this value as a dict with SPEC section 4 field names.")
      .def("__copy__", [](const T& v) { return v; })
      .def(
          "__deepcopy__", [](const T& v, py::handle) { return v; }, py::arg("memo"))
      .def(py::pickle([](const T& v) { return state_of(v); }, from));
}

// --- Document: pickled with byte offsets so that the C++ result is rebuilt exactly ---------------

py::tuple span_state(span s) { return py::make_tuple(s.begin, s.end); }

span span_from(py::handle h) {
  const auto t = h.cast<py::tuple>();
  require_size(t, 2, "span");
  return {t[0].cast<std::size_t>(), t[1].cast<std::size_t>()};
}

py::tuple document_state(const document_object& self) {
  const hearsay::document& d = self.data().doc;
  py::list sentences;
  for (const span s : d.sentences) sentences.append(span_state(s));
  py::list claims;
  for (const claim& c : d.claims) {
    py::list chain;
    for (const link& l : c.chain) {
      chain.append(py::make_tuple(
          py::make_tuple(span_state(l.source.where), str_of(l.source.kind), l.source.named,
                         l.source.refers_to ? py::object(span_state(*l.source.refers_to))
                                            : py::object(py::none())),
          py::make_tuple(span_state(l.cue.where), l.cue.lemma, str_of(l.cue.kind))));
    }
    py::list words;
    for (std::size_t w = 0; w < c.evidence.word_count(); ++w) {
      words.append(span_state(c.evidence.word(w)));
    }
    claims.append(py::make_tuple(c.sentence, span_state(c.where), str_of(c.status),
                                 str_of(c.certainty), str_of(c.polarity), str_of(c.quote),
                                 py::tuple(chain), c.confidence, to_string(c.evidence.rule),
                                 py::tuple(words)));
  }
  return py::make_tuple(d.id, d.language, self.text(), py::tuple(sentences), py::tuple(claims),
                        py::make_tuple(d.repaired.count, d.repaired.first), d.sourcing.has_value());
}

document_object document_from(const py::tuple& t) {
  // 5: pickled before "repaired"; 6: before sourcing (SPEC 8)
  if (t.size() != 5 && t.size() != 6) require_size(t, 7, "Document");
  hearsay::document d;
  d.id = t[0].cast<std::string>();
  d.language = t[1].cast<std::string>();
  py::object text = t[2];
  d.text = read_text(text, false, "pickled document").utf8();
  for (const py::handle s : t[3].cast<py::tuple>()) d.sentences.push_back(span_from(s));
  for (const py::handle h : t[4].cast<py::tuple>()) {
    const auto ct = h.cast<py::tuple>();
    require_size(ct, 10, "claim");
    claim c;
    c.sentence = ct[0].cast<std::size_t>();
    c.where = span_from(ct[1]);
    c.status = parse_value<status>(ct[2].cast<std::string>());
    c.certainty = parse_value<certainty>(ct[3].cast<std::string>());
    c.polarity = parse_value<polarity>(ct[4].cast<std::string>());
    c.quote = parse_value<quote_kind>(ct[5].cast<std::string>());
    for (const py::handle lh : ct[6].cast<py::tuple>()) {
      const auto lt = lh.cast<py::tuple>();
      require_size(lt, 2, "link");
      const auto st = lt[0].cast<py::tuple>();
      const auto kt = lt[1].cast<py::tuple>();
      require_size(st, 4, "source");
      require_size(kt, 3, "cue");
      link l;
      l.source.where = span_from(st[0]);
      l.source.kind = parse_value<source_kind>(st[1].cast<std::string>());
      l.source.named = st[2].cast<bool>();
      if (!st[3].is_none()) l.source.refers_to = span_from(st[3]);
      l.cue.where = span_from(kt[0]);
      l.cue.lemma = kt[1].cast<std::string>();
      l.cue.kind = parse_value<cue_class>(kt[2].cast<std::string>());
      c.chain.push_back(std::move(l));
    }
    c.confidence = ct[7].cast<float>();
    c.evidence.rule = parse_value<rule_id>(ct[8].cast<std::string>());
    for (const py::handle w : ct[9].cast<py::tuple>()) c.evidence.add_word(span_from(w));
    d.claims.push_back(std::move(c));
  }
  if (t.size() >= 6) {
    const auto rt = t[5].cast<py::tuple>();
    require_size(rt, 2, "repaired");
    d.repaired.count = rt[0].cast<std::size_t>();
    d.repaired.first = rt[1].cast<std::size_t>();
  }
  // Every span must lie on code point boundaries inside the text, or the values cannot be made.
  const auto valid = [&](span s) {
    return s.begin <= s.end && s.end <= d.text.size() &&
           check_utf8(std::string_view(d.text).substr(s.begin, s.size())).valid;
  };
  bool ok = true;
  for (const span s : d.sentences) ok = ok && valid(s);
  for (const claim& c : d.claims) {
    ok = ok && valid(c.where) && c.sentence < d.sentences.size();
    for (const link& l : c.chain) {
      ok = ok && valid(l.source.where) && valid(l.cue.where) &&
           (!l.source.refers_to || valid(*l.source.refers_to));
    }
  }
  if (!ok) throw py::value_error("invalid pickled Document: a span is outside its text");
  // The flags and the summary follow from the claims: made again, not pickled.
  if (t.size() == 7 && t[6].cast<bool>()) assess_sourcing(d);
  return document_object(make_document_data(std::move(d)), text);
}

std::size_t wrap_index(Py_ssize_t i, std::size_t size) {
  const auto n = static_cast<Py_ssize_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("claim index out of range");
  return static_cast<std::size_t>(i);
}

}  // namespace

// --- document_object -----------------------------------------------------------------------------

document_object::document_object(std::shared_ptr<const document_data> data, py::object text)
    : data_(std::move(data)), text_(std::move(text)) {}

py::object document_object::text() const {
  if (!text_ || text_.is_none()) text_ = py::str(data_->doc.text);
  return text_;
}

py::tuple document_object::sentences() const {
  if (!sentences_) {
    py::tuple out(data_->sentences.size());
    for (std::size_t i = 0; i < data_->sentences.size(); ++i)
      out[i] = py::cast(data_->sentences[i]);
    sentences_ = std::move(out);
  }
  return sentences_;
}

py::tuple document_object::claims() const {
  if (!claims_) {
    py::tuple out(data_->claims.size());
    for (std::size_t i = 0; i < data_->claims.size(); ++i) out[i] = py::cast(data_->claims[i]);
    claims_ = std::move(out);
  }
  return claims_;
}

void register_document(py::module_& m) {
  using namespace pybind11::literals;

  py::class_<sentence_value> sentence(m, "Sentence", "A sentence: [start, end) in code points.");
  in_package(sentence);
  sentence
      .def(py::init([](std::size_t start, std::size_t end, std::string text) {
             return sentence_value{start, end, std::move(text)};
           }),
           "start"_a, "end"_a, "text"_a)
      .def_readonly("start", &sentence_value::start)
      .def_readonly("end", &sentence_value::end)
      .def_readonly("text", &sentence_value::text, "The sentence's words (not part of SPEC JSON).");
  add_value_methods(sentence, &sentence_from);

  py::class_<source_value> source(m, "Source",
                                  "Who stands behind a claim. An 'unspecified' source has an empty "
                                  "span.");
  in_package(source);
  source
      .def(py::init([](std::string text, std::size_t start, std::size_t end,
                       const std::string& kind, bool named, std::optional<std::string> refers_to) {
             return source_value{
                 std::move(text),     start, end, parse_value<source_kind>(kind), named,
                 std::move(refers_to)};
           }),
           "text"_a, "start"_a, "end"_a, "kind"_a, "named"_a, "refers_to"_a = py::none())
      .def_readonly("text", &source_value::text)
      .def_readonly("start", &source_value::start)
      .def_readonly("end", &source_value::end)
      .def_property_readonly(
          "kind", [](const source_value& v) { return str_of(v.kind); },
          "'person', 'organization', 'government', 'media', 'document', 'group', 'anonymous' or "
          "'unspecified'.")
      .def_readonly("named", &source_value::named)
      .def_readonly("refers_to", &source_value::refers_to,
                    "The text of the earlier full mention this one stands for, or None.");
  add_value_methods(source, &source_from);

  py::class_<cue_value> cue(m, "Cue", "The words that attribute a claim to its source.");
  in_package(cue);
  cue.def(py::init([](std::string text, std::size_t start, std::size_t end, std::string lemma,
                      const std::string& class_) {
            return cue_value{std::move(text), start, end, std::move(lemma),
                             parse_value<cue_class>(class_)};
          }),
          "text"_a, "start"_a, "end"_a, "lemma"_a, "class_"_a)
      .def_readonly("text", &cue_value::text)
      .def_readonly("start", &cue_value::start)
      .def_readonly("end", &cue_value::end)
      .def_readonly("lemma", &cue_value::lemma)
      .def_property_readonly(
          "class_", [](const cue_value& v) { return str_of(v.kind); },
          "SPEC 'class': 'report', 'belief', 'allegation', 'speculation', 'confirm' or 'deny'.");
  add_value_methods(cue, &cue_from);

  py::class_<link_value> link_cls(m, "Link", "One level of a source chain.");
  in_package(link_cls);
  link_cls
      .def(py::init([](source_value s, cue_value c) {
             return link_value{std::move(s), std::move(c)};
           }),
           "source"_a, "cue"_a)
      .def_readonly("source", &link_value::source)
      .def_readonly("cue", &link_value::cue);
  add_value_methods(link_cls, &link_from);

  py::class_<claim_value> claim_cls(m, "Claim", "One checkable proposition (SPEC sections 1-3).");
  in_package(claim_cls);
  claim_cls
      .def(py::init([](std::size_t sentence_index, std::size_t start, std::size_t end,
                       std::string text, const std::string& status_, const std::string& certainty_,
                       const std::string& polarity_, const std::string& quote_,
                       std::vector<link_value> chain, double confidence, std::string rule,
                       std::vector<std::pair<std::size_t, std::size_t>> evidence_words) {
             claim_value v;
             v.sentence = sentence_index;
             v.start = start;
             v.end = end;
             v.text = std::move(text);
             v.status = parse_value<status>(status_);
             v.certainty = parse_value<certainty>(certainty_);
             v.polarity = parse_value<polarity>(polarity_);
             v.quote = parse_value<quote_kind>(quote_);
             v.chain = std::move(chain);
             rule_id checked{};
             if (!parse(rule, checked)) throw py::value_error("invalid rule id '" + rule + "'");
             v.confidence = confidence;
             v.rule = std::move(rule);
             v.words = std::move(evidence_words);
             return v;
           }),
           "sentence"_a, "start"_a, "end"_a, "text"_a, "status"_a, "certainty"_a = "certain",
           "polarity"_a = "positive", "quote"_a = "none", "chain"_a = py::tuple(),
           "confidence"_a = 0.0, "rule"_a = "writer.plain", "evidence_words"_a = py::tuple())
      .def_readonly("sentence", &claim_value::sentence, "Index into Document.sentences.")
      .def_readonly("start", &claim_value::start)
      .def_readonly("end", &claim_value::end)
      .def_readonly("text", &claim_value::text)
      .def_property_readonly(
          "status", [](const claim_value& v) { return str_of(v.status); },
          "'confirmed', 'reported' or 'alleged'.")
      .def_property_readonly(
          "certainty", [](const claim_value& v) { return str_of(v.certainty); },
          "'certain', 'probable' or 'possible'.")
      .def_property_readonly(
          "polarity", [](const claim_value& v) { return str_of(v.polarity); },
          "'positive' or 'negative'.")
      .def_property_readonly(
          "quote", [](const claim_value& v) { return str_of(v.quote); },
          "'none', 'direct' or 'mixed'.")
      .def_property_readonly(
          "chain", &chain_tuple,
          "Who passed the claim on, outermost first; empty for the writer's own.")
      .def_readonly("confidence", &claim_value::confidence,
                    "Estimated probability that status and chain are both right (SPEC 7).")
      .def_property_readonly(
          "flags",
          [](const claim_value& v) -> py::object {
            if (!v.assessed) return py::none();
            return py::tuple(flags_list(v.flags));
          },
          "Sourcing flags (SPEC 8), sorted, when the analyzer assessed sourcing; else None.")
      .def_readonly("rule", &claim_value::rule,
                    "evidence.rule: the id of the rule that decided (docs/RULES.md).")
      .def_property_readonly(
          "evidence_words",
          [](const claim_value& v) {
            py::tuple out(v.words.size());
            for (std::size_t i = 0; i < v.words.size(); ++i) {
              out[i] = py::make_tuple(v.words[i].first, v.words[i].second);
            }
            return out;
          },
          "evidence.words: (start, end) code-point spans of the words that decided the status.");
  add_value_methods(claim_cls, &claim_from);

  py::class_<document_object> doc(m, "Document",
                                  "The analysis of one text: its sentences and claims. Iterating "
                                  "a Document yields its claims.");
  in_package(doc);
  doc.def_property_readonly("id", [](const document_object& d) { return d.data().doc.id; })
      .def_property_readonly("language",
                             [](const document_object& d) { return d.data().doc.language; })
      .def_property_readonly("text", &document_object::text,
                             "The analysed text; every span's offsets index into it.")
      .def_property_readonly("sentences", &document_object::sentences)
      .def_property_readonly("claims", &document_object::claims)
      .def_property_readonly(
          "sourcing",
          [](const document_object& d) -> py::object {
            if (!d.data().doc.sourcing) return py::none();
            return sourcing_dict(d.data().doc);
          },
          "SPEC 8's summary (by_status, by_kind, named, anonymous, sources) when the analyzer "
          "assessed sourcing; else None.")
      .def("__iter__", [](const document_object& d) { return py::iter(d.claims()); })
      .def("__len__", [](const document_object& d) { return d.data().claims.size(); })
      .def(
          "__getitem__",
          [](const document_object& d, Py_ssize_t i) {
            return d.claims()[wrap_index(i, d.data().claims.size())];
          },
          "index"_a)
      .def(
          "__eq__",
          [](const document_object& a, const document_object& b) {
            return a.data().doc == b.data().doc;
          },
          py::is_operator())
      .def("__repr__",
           [](const document_object& d) {
             return "Document(id=" + repr_of(d.data().doc.id) +
                    ", language=" + repr_of(d.data().doc.language) +
                    ", sentences=" + std::to_string(d.data().sentences.size()) +
                    ", claims=" + std::to_string(d.data().claims.size()) + ")";
           })
      .def(
          "to_json",
          [](const document_object& d, std::optional<int> indent) {
            std::string json;
            {
              py::gil_scoped_release unlocked;
              json = to_json(d.data().doc, indent ? *indent : -1);
            }
            return py::str(json);
          },
          "indent"_a = py::none(),
          "Return the SPEC section 4 JSON object (one line, or indented by `indent` spaces).")
      .def(
          "to_dict", [](const document_object& d) { return dict_of(d.data()); },
          "Return the SPEC section 4 object as dicts and lists (== json.loads(to_json())).")
      .def(py::pickle(&document_state, &document_from));
  doc.attr("__hash__") = py::none();
}

}  // namespace hearsay::python
