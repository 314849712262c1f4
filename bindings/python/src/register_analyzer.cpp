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

document_object analyze_one(const analyzer& an, const py::object& text, std::string id) {
  const text_input in = read_text(text, an.options().repair_utf8, "text");
  std::shared_ptr<const document_data> data;
  {
    py::gil_scoped_release unlocked;
    data = make_document_data(an.analyze(in.utf8(), std::move(id)));
  }
  return document_object(std::move(data), shown_text(in));
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
                      std::optional<int> threads, const py::object& progress) {
  if (PyUnicode_Check(texts.ptr()) || PyBytes_Check(texts.ptr())) {
    throw py::type_error("analyze_many() takes an iterable of texts, not a single " +
                         type_name(texts) + "; use analyze() for one text");
  }
  if (threads && *threads < 1) throw py::value_error("threads must be at least 1 (or None)");
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
        throw py::type_error("ids must hold str, not " + type_name(id));
      }
      names.push_back(id.cast<std::string>());
    }
    if (names.size() != n) {
      throw py::value_error("ids has " + std::to_string(names.size()) + " items but texts has " +
                            std::to_string(n));
    }
  }

  std::vector<text_input> inputs;
  inputs.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    inputs.push_back(
        read_text(item[i], an.options().repair_utf8, "texts[" + std::to_string(i) + "]"));
  }

  std::size_t total_bytes = 0;
  for (const text_input& t : inputs) total_bytes += t.utf8().size();
  progress_reporter reporter(progress, n, total_bytes);

  std::vector<std::shared_ptr<const document_data>> results(n);
  std::vector<std::exception_ptr> errors(n);
  {
    py::gil_scoped_release unlocked;
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> done_bytes{0};
    std::atomic<std::size_t> running{0};
    std::mutex finished_mutex;
    std::condition_variable finished;
    const auto work = [&] {
      for (std::size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
        try {
          results[i] = make_document_data(an.analyze(inputs[i].utf8(), names[i]));
        } catch (...) {
          errors[i] = std::current_exception();
        }
        done_bytes.fetch_add(inputs[i].utf8().size());
        done.fetch_add(1);
      }
      if (running.fetch_sub(1) == 1) {
        const std::lock_guard<std::mutex> lock(finished_mutex);
        finished.notify_all();
      }
    };
    std::size_t wanted = threads ? static_cast<std::size_t>(*threads)
                                 : std::max(1u, std::thread::hardware_concurrency());
    wanted = std::min(wanted, n);
    // With progress, this thread reports while `wanted` others work; without, it works too.
    const std::size_t first = reporter.active() ? 0 : 1;
    running = wanted - first;
    std::vector<std::thread> pool;
    pool.reserve(wanted);
    for (std::size_t t = first; t < wanted; ++t) {
      try {
        pool.emplace_back(work);
      } catch (...) {
        running.fetch_sub(1);  // fewer threads than asked: the ones running share the work
      }
    }
    if (!reporter.active()) {
      work();
    } else if (pool.empty() && n > 0) {
      ++running;
      work();  // no thread could start: do the work here
    } else {
      std::unique_lock<std::mutex> lock(finished_mutex);
      while (running.load() > 0) {
        finished.wait_for(lock, std::chrono::milliseconds(100));
        lock.unlock();
        {
          py::gil_scoped_acquire locked;
          reporter.report(done.load(), done_bytes.load());
        }
        lock.lock();
      }
    }
    for (std::thread& t : pool) t.join();
  }
  reporter.report(n, total_bytes);
  reporter.close();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  py::list out(n);
  for (std::size_t i = 0; i < n; ++i) {
    out[i] = py::cast(document_object(std::move(results[i]), shown_text(inputs[i])));
  }
  return out;
}

analyzer make_analyzer(std::optional<lexicon> lex, std::string language, bool repair) {
  analyzer_options options;
  options.language = std::move(language);
  options.repair_utf8 = repair;
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
  py::class_<analyzer> cls(
      m, "Analyzer",
      "Finds claims with their status and source chains. Build one (the lexicon is compiled "
      "once) and reuse it; it is immutable, safe to share between threads, and picklable.\n\n"
      "    an = hearsay.Analyzer()\n"
      "    doc = an.analyze('NHK said the talks failed.')\n"
      "    docs = an.analyze_many(texts, threads=8)");
  in_package(cls);
  cls.def(py::init(&make_analyzer), "lexicon"_a = py::none(), py::kw_only(), "language"_a = "en",
          "repair_utf8"_a = false,
          "Use `lexicon` (default: Lexicon.builtin()). `language` is recorded in each Document; "
          "`repair_utf8` replaces invalid UTF-8 in bytes (and lone surrogates in str) with "
          "U+FFFD instead of raising EncodingError.")
      .def("analyze", &analyze_one, "text"_a, "id"_a = "stdin",
           "Analyse one text (str, or UTF-8 bytes) and return its Document.")
      .def("analyze_many", &analyze_many, "texts"_a, py::kw_only(), "ids"_a = py::none(),
           "threads"_a = py::none(), "progress"_a = false,
           "Analyse every text of `texts` on `threads` native threads (default: one per CPU) "
           "without holding the GIL; return the Documents in input order. `ids` gives each "
           "document's id (default 'stdin'). If texts fail, the first one's error is raised. "
           "`progress=True` shows a progress bar on standard error (tqdm when installed); a "
           "callable is called as progress(documents_done, bytes_done) about ten times a "
           "second.")
      .def_property_readonly(
          "lexicon", [](const analyzer& an) { return lexicon(an.lexicon_in_use()); },
          "The lexicon in use (a copy: merging into it changes nothing here).")
      .def_property_readonly("language", [](const analyzer& an) { return an.options().language; })
      .def_property_readonly("repair_utf8",
                             [](const analyzer& an) { return an.options().repair_utf8; })
      .def("__repr__",
           [](const analyzer& an) {
             const lexicon& lex = an.lexicon_in_use();
             return "Analyzer(lexicon=Lexicon(entries=" + std::to_string(lex.size()) +
                    ", sources=" + std::to_string(lex.sources().size()) +
                    "), language=" + std::string(py::repr(py::str(an.options().language))) +
                    ", repair_utf8=" + (an.options().repair_utf8 ? "True" : "False") + ")";
           })
      .def("__copy__", [](const analyzer& an) { return an; })
      .def(
          "__deepcopy__", [](const analyzer& an, py::handle) { return an; }, "memo"_a)
      .def(py::pickle(
          [](const analyzer& an) {
            return py::make_tuple(sources_tuple(an.lexicon_in_use()), an.options().language,
                                  an.options().repair_utf8);
          },
          [](const py::tuple& state) {
            if (state.size() != 3) throw py::value_error("invalid pickled Analyzer");
            std::vector<std::string> sources;
            for (const py::handle s : state[0].cast<py::tuple>()) {
              sources.emplace_back(read_text(s, false, "lexicon source").utf8());
            }
            analyzer_options options;
            options.language = state[1].cast<std::string>();
            options.repair_utf8 = state[2].cast<bool>();
            return analyzer(lexicon_from_sources(sources), std::move(options));
          }));
}

}  // namespace hearsay::python
