#!/usr/bin/env bash
# Re-pin the corpora's eval counts (tests/data/pinned_scores.txt) after a rule change that moves
# them on purpose: runs the pinning test and takes the lines it prints. Say why in the commit.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
out=$("$build/tests/hearsay_tests_compiled" --run_test=analyzer/corpora_scores_equal_the_pinned_counts 2>&1 || true)
python3 - "$out" <<'PY'
import re, sys
moved = {}
lines = sys.argv[1].split("\n")
for i, l in enumerate(lines):
    if "moved; if on purpose, pin:" in l and i + 1 < len(lines):
        pin = re.sub(r"\x1b\[[0-9;]*m", "", lines[i + 1]).strip()
        moved[pin.split()[0]] = pin
path = "tests/data/pinned_scores.txt"
text = open(path).read().split("\n")
text = [moved.get(l.split()[0], l) if l and not l.startswith("#") else l for l in text]
open(path, "w").write("\n".join(text))
print("re-pinned:", ", ".join(sorted(moved)) or "nothing")
PY
