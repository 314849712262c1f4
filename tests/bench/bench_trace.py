"""Benchmark (not a test): `hearsay trace` against plain `hearsay analyze --input jsonl` on the
same JSON Lines feed, with peak memory and clusters per second.

    python3 tests/bench/bench_trace.py build/hearsay [--mb 20] [--varied]

The feed is the benchmark corpus: the gold texts of corpora/*.xml repeated to --mb megabytes,
each copy its own record {id, text, outlet, date} (outlets and dates cycled). A repeated text
repeats its claims exactly, which the tracer keeps once (a wire story syndicated); --varied
changes every copy's words (each copy's numbers and a word of each sentence get the copy's
number) so that nothing repeats exactly and every claim keeps its own keys: the harder case.
Each run is timed on wall clock; peak memory is the child's maximum resident set size.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def gold_texts():
    texts = []
    for path in sorted((ROOT / "corpora").glob("*.xml")):
        for doc in ET.parse(path).getroot().iter("doc"):
            paras = [" ".join("".join(p.itertext()).split()) for p in doc.iter("p")]
            texts.append("\n\n".join(paras))
    if not texts:
        sys.exit(f"no corpora in {ROOT / 'corpora'}")
    return texts


def write_feed(path, mb, varied):
    texts = gold_texts()
    outlets = [f"Outlet {chr(65 + i)}" for i in range(12)]
    size, n = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < mb * 1_000_000:
            text = texts[n % len(texts)]
            copy = n // len(texts)
            if varied and copy:
                text = re.sub(r"\d+", lambda m: str(int(m.group()) + copy), text)
                text = re.sub(r"\. ", f" in year {copy}. ", text)
            record = {"id": f"d{n}", "text": text, "outlet": outlets[n % len(outlets)],
                      "date": f"2026-03-{1 + n % 28:02d}"}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return size, n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cli")
    parser.add_argument("--mb", type=float, default=20)
    parser.add_argument("--varied", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        size, records = write_feed(feed, args.mb, args.varied)
        # Each command under an interpreter of its own, whose children's peak is that command's.
        results = {}
        for name, command in [
            ("analyze", [args.cli, "analyze", "--input", "jsonl", "--format", "jsonl", str(feed)]),
            ("trace", [args.cli, "trace", str(feed)]),
        ]:
            probe = subprocess.run(
                [sys.executable, "-c",
                 "import resource,subprocess,sys,time;s=time.perf_counter();"
                 "r=subprocess.run(sys.argv[1:],stdout=subprocess.PIPE,stderr=subprocess.DEVNULL);"
                 "t=time.perf_counter()-s;"
                 "print(t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024,"
                 " r.stdout.count(b'\\n'))", *command],
                capture_output=True, text=True, check=True)
            seconds, peak, lines = probe.stdout.split()
            results[name] = (float(seconds), float(peak), int(lines))
        a, t = results["analyze"], results["trace"]
        mb = size / 1e6
        print(f"feed: {mb:.1f} MB, {records} records ({'varied copies' if args.varied else 'repeated texts'})")
        print(f"analyze --input jsonl: {a[0]:.2f} s, {mb / a[0]:.2f} MB/s, peak {a[1]:.0f} MiB")
        print(f"trace:                 {t[0]:.2f} s, {mb / t[0]:.2f} MB/s, peak {t[1]:.0f} MiB, "
              f"{t[2]} clusters ({t[2] / t[0]:.0f} clusters/s)")
        print(f"trace / analyze throughput: {a[0] / t[0]:.2f}x")


if __name__ == "__main__":
    main()
