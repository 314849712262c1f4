// hearsay.Analyzer: built once, immutable, shared by threads. analyze() and analyze_many() release
// the GIL while the C++ analysis runs; analyze_many() spreads texts over native threads and
// returns the documents in input order. Pickles as its lexicon's sources and its options.
#include <Python.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "hearsay/analyzer.hpp"
#include "hearsay/error.hpp"

namespace hearsay::python {
namespace {

void append_utf8(std::string& out, Py_UCS4 c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string hex4(Py_UCS4 c) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(c >> shift) & 0xF];
  return out;
}

// The str could not be encoded as UTF-8, so it holds lone surrogates: encode it by hand, raising
// encoding_error at the first surrogate or replacing each with U+FFFD.
text_input encode_with_surrogates(py::handle obj, bool repair, std::string_view source) {
  PyObject* s = obj.ptr();
  const Py_ssize_t length = PyUnicode_GET_LENGTH(s);
  const int kind = PyUnicode_KIND(s);
  const void* data = PyUnicode_DATA(s);
  text_input in;
  in.uses_owned = true;
  in.owned.reserve(static_cast<std::size_t>(length) * 2);
  in.source = py::reinterpret_borrow<py::object>(obj);
  for (Py_ssize_t i = 0; i < length; ++i) {
    const Py_UCS4 c = PyUnicode_READ(kind, data, i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      if (!repair) {
        throw encoding_error(in.owned.size(),
                             "lone surrogate " + hex4(c) + " at code point " + std::to_string(i) +
                                 " (a str passed to hearsay must be encodable as UTF-8)",
                             source);
      }
      if (in.repairs.count++ == 0) in.repairs.first = in.owned.size();
      in.owned += "\xEF\xBF\xBD";
    } else {
      append_utf8(in.owned, c);
    }
  }
  return in;
}

std::string type_name(py::handle obj) { return Py_TYPE(obj.ptr())->tp_name; }

// The str a Document shows: the caller's own str when the analysed text is exactly its UTF-8.
py::object shown_text(const text_input& in) { return in.is_exact_str ? in.source : py::none(); }

// Analyse one input; the surrogates its str held count as repairs too.
hearsay::document analyze_input(const analyzer& an, const text_input& in, std::string id) {
  hearsay::document doc = an.analyze(in.utf8(), std::move(id));
  if (in.repairs) doc.repaired = in.repairs;
  return doc;
}

document_object analyze_one(const analyzer& an, const py::object& text, std::string id) {
  const text_input in = read_text(text, an.options().repair_utf8, "text");
  std::shared_ptr<const document_data> data;
  {
    py::gil_scoped_release unlocked;
    data = make_document_data(analyze_input(an, in, std::move(id)));
  }
  return document_object(std::move(data), shown_text(in));
}

// What analyze_many(errors="return") puts in a failed item's place.
struct item_error {
  std::size_t index = 0;
  py::object id;     // str, or None when no ids were given
  py::object error;  // the exception instance
};

// "texts[3]" or "texts[3] (id 'a')": every message names its item. Needs no GIL.
std::string item_name(std::size_t i, const std::vector<std::string>* ids) {
  std::string out = "texts[" + std::to_string(i) + "]";
  if (!ids) return out;
  out += " (id '";
  for (const char c : (*ids)[i]) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "')";
}

// The error of analysing item `i`, its message naming the item.
std::exception_ptr named_error(std::exception_ptr p, const text_input& in,
                               const std::string& name) {
  try {
    std::rethrow_exception(p);
  } catch (const encoding_error&) {
    const utf8_check bad = check_utf8(in.utf8());
    return std::make_exception_ptr(encoding_error(bad.offset, bad.reason, name));
  } catch (const std::exception& e) {
    return std::make_exception_ptr(
        error("input_error", error_id::invalid_argument, name + ": " + e.what()));
  } catch (...) {
    return p;
  }
}

// Run `work` on `threads` native threads without the GIL, checking for signals (Ctrl-C) every
// few milliseconds meanwhile: on one, `stop` is set (no more work is handed out), the threads
// are joined, and the signal's exception (KeyboardInterrupt) is raised.
template <class Work, class Tick>
void run_interruptibly(std::size_t threads, std::atomic<bool>& stop, Work work, Tick tick) {
  std::mutex m;
  std::condition_variable finished;
  std::size_t running = 0;
  std::vector<std::thread> pool;
  {
    py::gil_scoped_release unlocked;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) {
      try {
        {
          const std::lock_guard<std::mutex> lock(m);
          ++running;
        }
        pool.emplace_back([&] {
          work();
          const std::lock_guard<std::mutex> lock(m);
          --running;
          finished.notify_all();
        });
      } catch (...) {
        const std::lock_guard<std::mutex> lock(m);
        --running;
        if (pool.empty()) throw;  // not even one thread
        break;                    // fewer threads than asked share the work
      }
    }
  }
  bool interrupted = false;
  for (;;) {
    {
      py::gil_scoped_release unlocked;
      std::unique_lock<std::mutex> lock(m);
      if (finished.wait_for(lock, std::chrono::milliseconds(20), [&] { return running == 0; })) {
        break;
      }
    }
    if (PyErr_CheckSignals() != 0) {
      interrupted = true;
      stop = true;
      break;
    }
    tick();  // with the GIL held
  }
  {
    py::gil_scoped_release unlocked;
    for (std::thread& t : pool) t.join();
  }
  if (interrupted) throw py::error_already_set();
}

// Report progress from the calling thread while the workers run: `report(done, bytes)` with
// the GIL held, every tenth of a second and once at the end. `progress` is None or False (none),
// True (hearsay._progress.meter: tqdm when installed) or a callable taking (documents, bytes).
class progress_reporter {
 public:
  progress_reporter(const py::object& progress, std::size_t total, std::size_t total_bytes) {
    if (progress.is_none() || (PyBool_Check(progress.ptr()) && !progress.cast<bool>())) return;
    if (PyBool_Check(progress.ptr())) {
      meter_ = py::module_::import("hearsay._progress").attr("meter")(total, total_bytes);
      report_ = meter_;
    } else if (PyCallable_Check(progress.ptr())) {
      report_ = progress;
    } else {
      throw py::type_error("progress must be a bool or a callable (documents, bytes), not " +
                           type_name(progress));
    }
  }
  bool active() const noexcept { return static_cast<bool>(report_); }
  // Call with the GIL held. The first error of the callable stops the reports; rethrow() raises
  // it once the work is done.
  void report(std::size_t done, std::size_t bytes) {
    if (!report_ || failed_) return;
    try {
      report_(done, bytes);
    } catch (py::error_already_set&) {
      failed_ = std::current_exception();
    }
  }
  void close() {
    if (meter_) meter_.attr("close")();
    if (failed_) std::rethrow_exception(failed_);
  }

 private:
  py::object report_;
  py::object meter_;
  std::exception_ptr failed_;
};

py::list analyze_many(const analyzer& an, const py::iterable& texts, const py::object& ids,
                      std::optional<int> threads, const std::string& errors,
                      const py::object& progress) {
  if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr())) {
    throw py::type_error("analyze_many() takes an iterable of texts, not a single " +
                         type_name(texts) + "; use analyze() for one text");
  }
  if (threads && *threads < 1) throw py::value_error("threads must be at least 1 (or None)");
  if (errors != "raise" && errors != "return") {
    throw py::value_error("errors must be 'raise' or 'return', not " +
                          std::string(py::repr(py::str(errors))));
  }
  const bool keep_going = errors == "return";
  // A list or tuple is used as is, any other iterable is read into a list; each text_input then
  // holds its own reference, since another thread may change the list while the GIL is free.
  const auto items = py::reinterpret_steal<py::object>(
      PySequence_Fast(texts.ptr(), "analyze_many() takes an iterable of str or bytes"));
  if (!items) throw py::error_already_set();
  const auto n = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(items.ptr()));
  PyObject** item = PySequence_Fast_ITEMS(items.ptr());

  std::vector<std::string> names;
  if (ids.is_none()) {
    names.assign(n, "stdin");
  } else {
    if (PyUnicode_Check(ids.ptr())) throw py::type_error("ids must be an iterable of str");
    for (const py::handle id : py::iter(ids)) {
      if (!PyUnicode_Check(id.ptr())) {
        throw py::type_error("ids[" + std::to_string(names.size()) + "] must be str, not " +
                             type_name(id));
      }
      names.push_back(id.cast<std::string>());
    }
    if (names.size() != n) {
      throw py::value_error("ids has " + std::to_string(names.size()) + " items but texts has " +
                            std::to_string(n));
    }
  }
  const std::vector<std::string>* named = ids.is_none() ? nullptr : &names;

  std::vector<text_input> inputs(n);
  std::vector<std::exception_ptr> failures(n);
  for (std::size_t i = 0; i < n; ++i) {
    try {
      inputs[i] = read_text(item[i], an.options().repair_utf8, item_name(i, named));
    } catch (...) {
      if (!keep_going) throw;
      failures[i] = std::current_exception();
    }
  }

  std::size_t total_bytes = 0;
  for (const text_input& in : inputs) total_bytes += in.utf8().size();
  progress_reporter reporter(progress, n, total_bytes);
  std::atomic<std::size_t> done{0}, done_bytes{0};
  std::vector<std::shared_ptr<const document_data>> results(n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  const auto work = [&] {
    for (std::size_t i = next.fetch_add(1); i < n && !stop; i = next.fetch_add(1)) {
      if (failures[i]) continue;
      try {
        results[i] = make_document_data(analyze_input(an, inputs[i], names[i]));
      } catch (...) {
        failures[i] = named_error(std::current_exception(), inputs[i], item_name(i, named));
        if (!keep_going) stop = true;  // the first error is raised: the rest would be wasted
      }
      done_bytes.fetch_add(inputs[i].utf8().size());
      done.fetch_add(1);
    }
  };
  std::size_t wanted = threads ? static_cast<std::size_t>(*threads)
                               : std::max(1u, std::thread::hardware_concurrency());
  wanted = std::min(wanted, n);
  std::size_t ticks = 0;  // the wait loop wakes every 20 ms: report every fifth
  const auto tick = [&] {
    if (++ticks % 5 == 0) reporter.report(done.load(), done_bytes.load());
  };
  if (wanted > 0) run_interruptibly(wanted, stop, work, tick);
  reporter.report(done.load(), done_bytes.load());
  reporter.close();
  py::list out(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (failures[i]) {
      if (!keep_going) std::rethrow_exception(failures[i]);
      out[i] =
          py::cast(item_error{i, named ? py::object(py::str(names[i])) : py::object(py::none()),
                              exception_object(failures[i])});
    } else {
      out[i] = py::cast(document_object(std::move(results[i]), shown_text(inputs[i])));
    }
  }
  return out;
}

analyzer make_analyzer(std::optional<lexicon> lex, std::string language, bool repair,
                       bool sourcing) {
  analyzer_options options;
  options.language = std::move(language);
  options.repair_utf8 = repair;
  options.sourcing = sourcing;
  return analyzer(lex ? std::move(*lex) : lexicon::builtin(), std::move(options));
}

}  // namespace

text_input read_text(py::handle obj, bool repair, std::string_view source) {
  if (PyUnicode_Check(obj.ptr())) {
    Py_ssize_t size = 0;
    const char* utf8 = PyUnicode_AsUTF8AndSize(obj.ptr(), &size);
    if (utf8 != nullptr) {
      text_input in;
      in.data = utf8;
      in.size = static_cast<std::size_t>(size);
      in.source = py::reinterpret_borrow<py::object>(obj);
      in.is_exact_str = true;
      return in;
    }
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) throw py::error_already_set();
    PyErr_Clear();
    return encode_with_surrogates(obj, repair, source);
  }
  if (PyBytes_Check(obj.ptr())) {
    text_input in;
    in.data = PyBytes_AS_STRING(obj.ptr());
    in.size = static_cast<std::size_t>(PyBytes_GET_SIZE(obj.ptr()));
    in.source = py::reinterpret_borrow<py::object>(obj);
    return in;
  }
  throw py::type_error(std::string(source) + " must be str or bytes, not " + type_name(obj));
}

void register_analyzer(py::module_& m) {
  using namespace pybind11::literals;
  py::class_<item_error> err(
      m, "ItemError",
      "What Analyzer.analyze_many(errors='return') puts in a failed text's place: `index` in "
      "the input, `id` (None without ids), `error` (the exception, e.g. EncodingError), `type` "
      "its class name and `message` its text.");
  in_package(err);
  err.def_readonly("index", &item_error::index)
      .def_readonly("id", &item_error::id)
      .def_readonly("error", &item_error::error)
      .def_property_readonly("type",
                             [](const item_error& e) {
                               return py::str(py::type::handle_of(e.error).attr("__name__"));
                             })
      .def_property_readonly("message", [](const item_error& e) { return py::str(e.error); })
      .def(
          "to_dict",
          [](const item_error& e) {
            py::dict d;
            d["id"] = e.id;
            d["index"] = e.index;
            d["error"] = py::dict(py::arg("type") = py::type::handle_of(e.error).attr("__name__"),
                                  py::arg("message") = py::str(e.error));
            return d;
          },
          "Return {'id', 'index', 'error': {'type', 'message'}}.")
      .def("__repr__", [](const item_error& e) {
        return "ItemError(index=" + std::to_string(e.index) +
               ", id=" + std::string(py::repr(e.id)) + ", error=" + std::string(py::repr(e.error)) +
               ")";
      });
  py::class_<analyzer> cls(
      m, "Analyzer",
      "Finds claims with their status and source chains. Build one (the lexicon is compiled "
      "once) and reuse it; it is immutable, safe to share between threads, and picklable.\n\n"
      "    an = hearsay.Analyzer()\n"
      "    doc = an.analyze('NHK said the talks failed.')\n"
      "    docs = an.analyze_many(texts, threads=8)");
  in_package(cls);
  cls.def(py::init(&make_analyzer), "lexicon"_a = py::none(), py::kw_only(), "language"_a = "en",
          "repair_utf8"_a = false, "sourcing"_a = false,
          "Use `lexicon` (default: Lexicon.builtin()). `language` is recorded in each Document; "
          "`repair_utf8` replaces invalid UTF-8 in bytes (and lone surrogates in str) with "
          "U+FFFD instead of raising EncodingError; `sourcing` assesses each claim's flags and "
          "each document's sourcing summary (SPEC 8).")
      .def("analyze", &analyze_one, "text"_a, "id"_a = "stdin",
           "Analyse one text (str, or UTF-8 bytes) and return its Document.")
      .def("analyze_many", &analyze_many, "texts"_a, py::kw_only(), "ids"_a = py::none(),
           "threads"_a = py::none(), "errors"_a = "raise", "progress"_a = false,
           "Analyse every text of `texts` on `threads` native threads (default: one per CPU) "
           "without holding the GIL; return the Documents in input order. `ids` gives each "
           "document's id (default 'stdin'). errors='raise' (default): the first failing text's "
           "error is raised, its message naming the item ('texts[3] (id ...)'); "
           "errors='return': an ItemError stands in each failed text's place and the other "
           "Documents are kept. Ctrl-C stops handing out texts and raises KeyboardInterrupt "
           "promptly. `progress=True` shows a progress bar on standard error (tqdm when "
           "installed); a callable is called as progress(documents_done, bytes_done) about ten "
           "times a second.")
      .def(
          "check",
          [](const analyzer& an, const std::string& query, const py::iterable& items) {
            std::vector<py::object> held;  // Documents, kept alive while the GIL is released
            for (const py::handle item : items) {
              held.push_back(py::isinstance<document_object>(item)
                                 ? py::reinterpret_borrow<py::object>(item)
                                 : py::cast(analyze_one(
                                       an, py::reinterpret_borrow<py::object>(item), "stdin")));
            }
            std::vector<const document*> docs;
            for (const py::object& d : held)
              docs.push_back(&d.cast<const document_object&>().data().doc);
            return check_documents(query, docs, an.options().language);
          },
          "query"_a, "items"_a,
          "Check a claim against `items` (Documents, or texts this analyzer analyses first): "
          "what hearsay.check gives.")
      .def_property_readonly(
          "lexicon", [](const analyzer& an) { return lexicon(an.lexicon_in_use()); },
          "The lexicon in use (a copy: merging into it changes nothing here).")
      .def_property_readonly("language", [](const analyzer& an) { return an.options().language; })
      .def_property_readonly("repair_utf8",
                             [](const analyzer& an) { return an.options().repair_utf8; })
      .def_property_readonly("sourcing", [](const analyzer& an) { return an.options().sourcing; })
      .def("__repr__",
           [](const analyzer& an) {
             const lexicon& lex = an.lexicon_in_use();
             return "Analyzer(lexicon=Lexicon(entries=" + std::to_string(lex.size()) +
                    ", sources=" + std::to_string(lex.sources().size()) +
                    "), language=" + std::string(py::repr(py::str(an.options().language))) +
                    ", repair_utf8=" + (an.options().repair_utf8 ? "True" : "False") +
                    (an.options().sourcing ? ", sourcing=True" : "") + ")";
           })
      .def("__copy__", [](const analyzer& an) { return an; })
      .def(
          "__deepcopy__", [](const analyzer& an, py::handle) { return an; }, "memo"_a)
      .def(py::pickle(
          [](const analyzer& an) {
            return py::make_tuple(sources_tuple(an.lexicon_in_use()), an.options().language,
                                  an.options().repair_utf8, an.options().sourcing);
          },
          [](const py::tuple& state) {
            if (state.size() != 3 && state.size() != 4) {
              throw py::value_error("invalid pickled Analyzer");
            }
            std::vector<std::string> sources;
            for (const py::handle s : state[0].cast<py::tuple>()) {
              sources.emplace_back(read_text(s, false, "lexicon source").utf8());
            }
            analyzer_options options;
            options.language = state[1].cast<std::string>();
            options.repair_utf8 = state[2].cast<bool>();
            options.sourcing = state.size() == 4 && state[3].cast<bool>();
            return analyzer(lexicon_from_sources(sources), std::move(options));
          }));
}

}  // namespace hearsay::python
