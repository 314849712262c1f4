"""The standard package build: a wheel built offline with Debian's tools installs into a fresh
virtual environment (no system site-packages, no index) and works there.

Slow (a full CMake build): runs only with HEARSAY_TEST_WHEEL=1.
"""

import os
import subprocess
import sys
import textwrap

import pytest

import hearsay

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("HEARSAY_TEST_WHEEL") != "1",
                       reason="set HEARSAY_TEST_WHEEL=1 to build and install the wheel"),
]


def run(*args, **kwargs):
    done = subprocess.run(args, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def test_wheel_installs_into_a_fresh_venv_and_imports(source_dir, tmp_path):
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "--no-index",
        "-w", str(wheels), str(source_dir / "bindings" / "python"))
    (wheel,) = wheels.glob("hearsay-*.whl")

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    run(str(python), "-m", "pip", "install", "--no-index", "--no-deps", str(wheel), env=env)

    check = textwrap.dedent("""
        import pathlib, pickle, sys
        import hearsay
        assert pathlib.Path(hearsay.__file__).is_relative_to(sys.prefix), hearsay.__file__
        package = pathlib.Path(hearsay.__file__).parent
        assert (package / "py.typed").is_file() and (package / "_core.pyi").is_file()
        doc = hearsay.analyze("NHK said the talks failed. 😀 Kim may visit Moscow.")
        assert doc.claims[0].chain[0].source.text == "NHK"
        an = pickle.loads(pickle.dumps(hearsay.Analyzer()))
        assert an.analyze_many([doc.text] * 4, threads=2) == [an.analyze(doc.text)] * 4
        print(hearsay.__version__, doc.to_json())
    """)
    done = run(str(python), "-c", check, cwd=str(tmp_path), env=env)
    assert done.stdout.split()[0] == hearsay.__version__
