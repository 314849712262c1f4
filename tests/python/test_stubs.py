"""The .pyi stubs describe the runtime exactly: same names, same members, same parameters."""

import ast
import inspect
import re
import types
from pathlib import Path

import pytest

import hearsay
import hearsay._core as core

PACKAGE = Path(hearsay.__file__).parent


def parse(name):
    path = PACKAGE / name
    assert path.is_file(), f"{path} is not installed beside the module"
    return ast.parse(path.read_text(encoding="utf-8"))


def top_level_names(tree, own_module):
    """Public names a stub defines or re-exports from `own_module` (not helpers like typing)."""
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == own_module and node.level == 1:
            for alias in node.names:
                names[alias.asname or alias.name] = node
        elif isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names[node.name] = node
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                names[target.id] = node
        elif isinstance(node, ast.AnnAssign):
            names[node.target.id] = node
    return names


def public(names):
    return {n for n in names if not n.startswith("_")}


def runtime_public(module):
    return {
        n for n in dir(module)
        if not n.startswith("_") and not isinstance(getattr(module, n), types.ModuleType)
    }


def test_package_stub_names_are_the_runtime_names():
    stub = top_level_names(parse("__init__.pyi"), "_core")
    assert public(stub) == runtime_public(hearsay)
    assert public(stub) == set(hearsay.__all__)
    assert "__version__" in stub and hearsay.__version__ == core.__version__


def test_core_stub_names_are_the_runtime_names():
    stub = top_level_names(parse("_core.pyi"), None)
    assert public(stub) == runtime_public(core)


def stub_classes():
    return [n for n in parse("_core.pyi").body if isinstance(n, ast.ClassDef)]


def members(cls_node):
    out = {}
    for node in cls_node.body:
        if isinstance(node, ast.FunctionDef):
            out[node.name] = node
        elif isinstance(node, ast.AnnAssign):
            out[node.target.id] = node
    return out


@pytest.mark.parametrize("node", stub_classes(), ids=lambda n: n.name)
def test_class_members_match(node):
    cls = getattr(core, node.name)
    stub = members(node)
    bases = [b.id if isinstance(b, ast.Name) else ast.unparse(b) for b in node.bases]
    if issubclass(cls, BaseException):
        # Exception attributes live on instances; the hierarchy is what the stub promises.
        assert [b.__name__ for b in cls.__bases__] == bases
        return
    runtime = {n for n in vars(cls) if not n.startswith("_")}
    assert public(stub) == runtime
    for name in stub:
        if name.startswith("__"):
            assert getattr(cls, name, None) is not None, f"{node.name}.{name} is missing"
    runtime_dunders = {n for n in vars(cls) if n.startswith("__")} - {
        "__doc__", "__module__", "__getstate__", "__setstate__", "__init__", "__repr__", "__hash__",
        "__eq__",
    }
    assert runtime_dunders <= set(stub), f"{node.name}: unstubbed {runtime_dunders - set(stub)}"


def runtime_parameters(func):
    """Parameter names (with '*' for keyword-only) from a pybind11 docstring signature."""
    first = func.__doc__.splitlines()[0]
    inner = re.match(r"\w+\((.*)\) ->", first).group(1)
    depth, part, parts = 0, "", []
    for ch in inner:
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            parts.append(part)
            part = ""
        else:
            part += ch
    if part.strip():
        parts.append(part)
    return [p.split(":")[0].split("=")[0].strip() for p in parts]


def stub_parameters(fn):
    a = fn.args
    names = [p.arg for p in a.posonlyargs + a.args]
    if a.kwonlyargs:
        names += ["*"] + [p.arg for p in a.kwonlyargs]
    return names


@pytest.mark.parametrize("node", stub_classes(), ids=lambda n: n.name)
def test_method_parameters_match(node):
    cls = getattr(core, node.name)
    for name, fn in members(node).items():
        if not isinstance(fn, ast.FunctionDef) or name in ("__eq__",):
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, property):
            continue
        func = getattr(cls, name)
        if not getattr(func, "__doc__", None) or "->" not in func.__doc__.splitlines()[0]:
            continue
        assert runtime_parameters(func) == stub_parameters(fn), f"{node.name}.{name}"


def test_analyze_signature_matches_its_stub():
    fn = next(n for n in parse("__init__.pyi").body
              if isinstance(n, ast.FunctionDef) and n.name == "analyze")
    sig = inspect.signature(hearsay.analyze)
    names = []
    for p in sig.parameters.values():
        if p.kind is p.KEYWORD_ONLY and "*" not in names:
            names.append("*")
        names.append(p.name)
    assert names == stub_parameters(fn)
    stub_defaults = [ast.literal_eval(d) for d in fn.args.kw_defaults]
    assert stub_defaults == [p.default for p in sig.parameters.values() if p.kind is p.KEYWORD_ONLY]


def test_typing_marker_is_installed():
    assert (PACKAGE / "py.typed").is_file()
