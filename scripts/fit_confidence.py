#!/usr/bin/env python3
"""Fit data/confidence.en.tsv: a logistic model of "status and chain both right" (SPEC 7).

Reproducible from the development gold only (the held-out files are for measuring it):

  build/hearsay eval --features /tmp/features.tsv \\
      corpora/{business,courts,foreign_affairs,health,politics,science,sport,tech,constructions}.xml \\
      corpora/real/dev/*.xml > /dev/null
  scripts/fit_confidence.py /tmp/features.tsv > data/confidence.en.tsv

Each input line is "1" or "0" and the claim's feature names, tab-separated (the names come
from include/hearsay/detail/confidence.hpp). The fit is L2-regularised gradient descent over
the mean log loss, deterministic; only Python's standard library is used.
"""
import math
import sys

L2 = 0.5          # on the mean log loss: keeps rare rules near the prior
STEPS = 3000
RATE = 0.5
MIN_COUNT = 3     # features seen fewer times get no weight of their own


def main(path):
    rows = []
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[0] not in ("0", "1"):
                continue
            feats = parts[1:]
            rows.append((int(parts[0]), feats))
            for x in feats:
                counts[x] = counts.get(x, 0) + 1
    names = sorted(x for x, n in counts.items() if n >= MIN_COUNT or x == "bias")
    index = {x: i for i, x in enumerate(names)}
    data = [(y, [index[x] for x in feats if x in index]) for y, feats in rows]
    w = [0.0] * len(names)
    n = len(data)
    for _ in range(STEPS):
        grad = [0.0] * len(names)
        for y, xs in data:
            z = sum(w[i] for i in xs)
            p = 1 / (1 + math.exp(-z))
            for i in xs:
                grad[i] += (p - y) / n
        for i, x in enumerate(names):
            reg = 0 if x == "bias" else L2 * w[i] / n * 10
            w[i] -= RATE * (grad[i] + reg)
    right = sum(y for y, _ in data)
    print("# Confidence model (SPEC 7): logistic weights, one feature a line. Made by")
    print("# scripts/fit_confidence.py from %d matched development claims (%d right); do not"
          % (n, right))
    print("# edit by hand: re-run the command in the script's docstring.")
    for x in names:
        print("%s\t%.4f" % (x, w[index[x]]))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
