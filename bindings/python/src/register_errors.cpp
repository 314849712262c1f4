// hearsay.Error and its subclasses, and the translation of C++ exceptions into them. Messages are
// the C++ what() texts unchanged; the structured parts (id, offset, line, ...) become attributes.
#include <Python.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "bindings.hpp"
#include "hearsay/error.hpp"

namespace hearsay::python {
namespace {

// Owned by the module for the life of the interpreter.
PyObject* error_type = nullptr;
PyObject* encoding_error_type = nullptr;
PyObject* parse_error_type = nullptr;
PyObject* lexicon_error_type = nullptr;
PyObject* io_error_type = nullptr;

PyObject* new_type(py::module_& m, const char* name, const char* doc, py::tuple bases) {
  const std::string qualified = std::string("hearsay.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (type == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(type));
  return type;
}

// Raise `type(message)` with `attributes` set on the instance. Called from a translator, so it
// reports failures as a pending Python error rather than by throwing.
void raise(PyObject* type, const hearsay::error& e,
           std::initializer_list<std::pair<const char*, py::object>> attributes) {
  const std::string message = e.what();
  PyObject* text =
      PyUnicode_DecodeUTF8(message.data(), static_cast<Py_ssize_t>(message.size()), "replace");
  if (text == nullptr) return;
  PyObject* instance = PyObject_CallOneArg(type, text);
  Py_DECREF(text);
  if (instance == nullptr) return;
  py::object id = py::int_(static_cast<int>(e.id()));
  bool ok = PyObject_SetAttrString(instance, "id", id.ptr()) == 0;
  for (const auto& [name, value] : attributes) {
    ok = ok && PyObject_SetAttrString(instance, name, value.ptr()) == 0;
  }
  if (ok) PyErr_SetObject(type, instance);
  Py_DECREF(instance);
}

py::object str_of(std::string_view s) {
  return py::reinterpret_steal<py::object>(
      PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace"));
}

void raise_parse_error(PyObject* type, const hearsay::parse_error& e) {
  raise(type, e,
        {{"source", str_of(e.source())},
         {"line", py::int_(e.line())},
         {"column", py::int_(e.column())},
         {"offset", py::int_(e.offset())}});
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const hearsay::lexicon_error& e) {
    raise_parse_error(lexicon_error_type, e);
  } catch (const hearsay::parse_error& e) {
    raise_parse_error(parse_error_type, e);
  } catch (const hearsay::encoding_error& e) {
    raise(encoding_error_type, e, {{"offset", py::int_(e.offset())}});
  } catch (const hearsay::io_error& e) {
    raise(io_error_type, e, {});
  } catch (const hearsay::error& e) {
    raise(error_type, e, {});
  }
}

}  // namespace

py::object exception_object(std::exception_ptr p) {
  try {
    translate(p);  // a hearsay error: now pending as its Python type
  } catch (py::error_already_set& e) {
    return e.value();
  } catch (py::builtin_exception& e) {
    e.set_error();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  Py_XDECREF(type);
  Py_XDECREF(traceback);
  if (value == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(value);
}

void register_errors(py::module_& m) {
  error_type = new_type(m, "Error",
                        "The root of every error hearsay raises; str(e) is the C++ message "
                        "'[hearsay.<kind>.<id>] ...' and e.id its stable numeric id.",
                        py::make_tuple(py::handle(PyExc_Exception)));
  const py::handle base(error_type);
  encoding_error_type =
      new_type(m, "EncodingError",
               "Text that is not valid UTF-8 (bytes), or a str holding lone surrogates. "
               "e.offset is the byte offset of the bad sequence in the UTF-8 text.",
               py::make_tuple(base, py::handle(PyExc_ValueError)));
  parse_error_type = new_type(
      m, "ParseError",
      "A data file that cannot be read as its format says; e.source, e.line, e.column (1-based) "
      "and e.offset (0-based byte) locate the problem.",
      py::make_tuple(base, py::handle(PyExc_ValueError)));
  lexicon_error_type = new_type(m, "LexiconError", "A lexicon that cannot be loaded.",
                                py::make_tuple(py::handle(parse_error_type)));
  io_error_type = new_type(m, "IOError", "A file that cannot be opened or read.",
                           py::make_tuple(base, py::handle(PyExc_OSError)));
  py::register_exception_translator(&translate);
}

}  // namespace hearsay::python
