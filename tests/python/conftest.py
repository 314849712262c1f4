"""Shared fixtures of the Python tests.

Run against the built package, from outside the source tree:

    cd build && PYTHONPATH=$PWD/python /usr/bin/python3 -m pytest -q ../tests/python

(`ctest -R python` does exactly that). Environment variables: HEARSAY_CLI (the hearsay program,
default <repo>/build/hearsay), HEARSAY_SHARED_DIR (SPEC, schema and seed article, default
<repo>/../shared), HEARSAY_TEST_WHEEL=1 to run the slow wheel test.
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("HEARSAY_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def _import_hearsay():
    """Import the built package; fall back to <repo>/build/python when PYTHONPATH lacks it."""
    try:
        import hearsay
    except ImportError:
        candidate = SOURCE_DIR / "build" / "python"
        if not (candidate / "hearsay").is_dir():
            raise
        sys.path.insert(0, str(candidate))
        import hearsay

    # Worker processes (Dask, subprocesses) must import the same package.
    package_root = str(Path(hearsay.__file__).resolve().parents[1])
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if package_root not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([package_root] + [p for p in paths if p])
    return hearsay


hearsay = _import_hearsay()


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: slow, run only when asked (HEARSAY_TEST_WHEEL=1)")
    # Debian's distributed 2022.12 on tornado 6.2: not ours to fix.
    config.addinivalue_line(
        "filterwarnings", "ignore:make_current is deprecated:DeprecationWarning"
    )


@pytest.fixture(scope="session")
def source_dir() -> Path:
    return SOURCE_DIR


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return Path(os.environ.get("HEARSAY_SHARED_DIR", SOURCE_DIR.parent / "shared"))


@pytest.fixture(scope="session")
def cli() -> str:
    path = os.environ.get("HEARSAY_CLI", str(SOURCE_DIR / "build" / "hearsay"))
    if not os.access(path, os.X_OK):
        pytest.skip(f"the hearsay program is not built ({path}); set HEARSAY_CLI")
    return path


@pytest.fixture(scope="session")
def seed_article(shared_dir) -> str:
    path = shared_dir / "seed" / "article.txt"
    if not path.is_file():
        pytest.skip(f"no seed article at {path}")
    return path.read_text(encoding="utf-8")


def _paragraph_text(p: ET.Element) -> str:
    # SPEC section 5: every run of white space is one space; leading and trailing space dropped.
    return re.sub(r"\s+", " ", "".join(p.itertext())).strip()


def read_corpus(path: Path):
    """Yield (id, text) for each <doc> of a SPEC section 5 gold corpus file."""
    root = ET.parse(path).getroot()
    for doc in root.iter("doc"):
        paragraphs = [_paragraph_text(p) for p in doc.iter("p")]
        yield doc.get("id"), "\n\n".join(p for p in paragraphs if p)


@pytest.fixture(scope="session")
def corpus_docs(source_dir):
    """(id, text) of every document of corpora/*.xml."""
    files = sorted((source_dir / "corpora").glob("*.xml"))
    assert files, f"no gold corpora in {source_dir / 'corpora'}"
    return [doc for f in files for doc in read_corpus(f)]


@pytest.fixture(scope="session")
def corpus_texts(corpus_docs):
    return [text for _, text in corpus_docs]


@pytest.fixture(scope="session")
def paragraphs(corpus_texts):
    """Every paragraph of the corpora: many small texts."""
    return [p for text in corpus_texts for p in text.split("\n\n")]


@pytest.fixture(scope="session")
def analyzer():
    return hearsay.Analyzer()


def run_cli(cli: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([cli, *args], input=stdin, capture_output=True, check=False)


def cli_jsonl(cli: str, records) -> list:
    """Analyse {"id", "text"} records with `hearsay analyze --input jsonl`; return its dicts."""
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    done = run_cli(cli, "analyze", "--input", "jsonl", stdin=stdin)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
