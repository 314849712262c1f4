#!/usr/bin/python3
"""Throughput of hearsay from Python (Analyzer.analyze_many) against the C++ program on the
same texts: the gold corpora's documents (SPEC section 5 text) repeated to a few MB.

    PYTHONPATH=build/python /usr/bin/python3 tests/bench/bench_python.py [--cli PATH] [--mb 4]

The C++ side is `hearsay analyze --input jsonl` (one thread: read JSON Lines, analyse, write SPEC
JSON); the matching Python row is analyze_many(threads=1) plus to_json() of every document.
"Binding cost" is how much longer that Python row takes than the C++ program.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def corpus_texts():
    texts = []
    for path in sorted((ROOT / "corpora").glob("*.xml")):
        for doc in ET.parse(path).getroot().iter("doc"):
            paragraphs = [re.sub(r"\s+", " ", "".join(p.itertext())).strip() for p in doc.iter("p")]
            texts.append("\n\n".join(p for p in paragraphs if p))
    if not texts:
        sys.exit(f"no corpora in {ROOT / 'corpora'}")
    return texts


def best_of(runs, fn):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_cli = os.environ.get("HEARSAY_CLI", str(ROOT / "build" / "hearsay"))
    parser.add_argument("--cli", default=default_cli, help="the hearsay program (build/hearsay)")
    parser.add_argument("--mb", type=float, default=4.0, help="megabytes of text (default 4)")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs (default 3)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                        help="threads for the multi-threaded row (default: CPUs)")
    args = parser.parse_args()

    import hearsay

    base = corpus_texts()
    texts = []
    size = 0
    while size < args.mb * 1e6:
        for t in base:
            texts.append(t)
            size += len(t.encode("utf-8"))
    mb = size / 1e6
    ids = [f"doc-{i}" for i in range(len(texts))]

    analyzer = hearsay.Analyzer()
    analyzer.analyze_many(texts[:50], threads=1)  # warm up: lexicon, ICU data, caches

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "texts.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for i, t in zip(ids, texts):
                out.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")

        def cli_run():
            with open(os.devnull, "wb") as sink:
                subprocess.run([args.cli, "analyze", "--input", "jsonl", str(jsonl)], stdout=sink,
                               check=True)

        cli_time = best_of(args.runs, cli_run) if os.access(args.cli, os.X_OK) else None

    def py_analyze(threads):
        return lambda: analyzer.analyze_many(texts, ids=ids, threads=threads)

    def py_json(threads):
        return lambda: [d.to_json() for d in analyzer.analyze_many(texts, ids=ids, threads=threads)]

    def py_dict(threads):
        return lambda: [d.to_dict() for d in analyzer.analyze_many(texts, ids=ids, threads=threads)]

    if cli_time is not None:
        rows.append(("C++ CLI: analyze --input jsonl (1 thread, JSON out)", cli_time))
    py1_json = best_of(args.runs, py_json(1))
    rows.append(("Python analyze_many(threads=1) + to_json()", py1_json))
    rows.append(("Python analyze_many(threads=1)", best_of(args.runs, py_analyze(1))))
    rows.append(("Python analyze_many(threads=1) + to_dict()", best_of(args.runs, py_dict(1))))
    rows.append((f"Python analyze_many(threads={args.threads})",
                 best_of(args.runs, py_analyze(args.threads))))
    rows.append((f"Python analyze_many(threads={args.threads}) + to_json()",
                 best_of(args.runs, py_json(args.threads))))

    print(f"hearsay {hearsay.__version__}: {len(texts)} documents, {mb:.2f} MB of UTF-8 text, "
          f"best of {args.runs}, {os.cpu_count()} CPUs")
    width = max(len(name) for name, _ in rows)
    for name, seconds in rows:
        print(f"  {name:<{width}}  {seconds:7.3f} s  {mb / seconds:7.2f} MB/s")
    if cli_time is not None:
        cost = (py1_json - cli_time) / cli_time * 100
        print(f"binding cost (Python threads=1 + to_json vs the C++ CLI): {cost:+.1f}% "
              f"({'within' if cost < 10 else 'OVER'} the 10% budget)")
    else:
        print(f"(no C++ CLI at {args.cli}: pass --cli)")


if __name__ == "__main__":
    main()
