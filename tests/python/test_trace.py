"""hearsay.trace and hearsay.Tracer: the clusters of `hearsay trace`, from Python."""

import json
import subprocess

import pytest

import hearsay
import hearsay._core

FEED = [
    {"id": "a", "text": "The airline will cut 2,000 jobs at its Denholm base.",
     "outlet": "Harbor Times", "date": "2026-03-02"},
    {"id": "b", "text": "Officials said the airline will cut 2,000 jobs at its Denholm base.",
     "outlet": "Ledger", "date": "2026-03-01"},
    {"id": "c", "text": "The airline will cut 1,500 jobs at its Denholm base.", "outlet": "Coast Radio"},
]


def test_trace_gives_the_clusters_of_the_cli(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    done = subprocess.run([cli, "trace", str(feed)], capture_output=True, text=True, check=True)
    from_cli = [json.loads(line) for line in done.stdout.splitlines()]
    assert hearsay.trace(FEED) == from_cli
    (cluster,) = from_cli
    assert [m["document"] for m in cluster["mentions"]] == ["a", "b"]
    assert cluster["earliest"] == {"mention": 1, "document": "b", "date": "2026-03-01"}


def test_documents_and_records_trace_alike():
    an = hearsay.Analyzer()
    docs = [an.analyze(r["text"], r["id"]) for r in FEED]
    plain = [{"id": r["id"], "text": r["text"]} for r in FEED]
    assert hearsay.trace(docs) == hearsay.trace(plain)
    assert len(hearsay.trace(docs, min_documents=1)) >= 2


def test_traced_bytes_trace_as_the_document_does():
    an = hearsay.Analyzer()
    direct, sent = hearsay.Tracer(), hearsay.Tracer()
    for r in FEED:
        doc = an.analyze(r["text"], r["id"])
        direct.add(doc, r.get("outlet"), r.get("date"))
        sent.add_traced(hearsay._core.traced_bytes(doc, r.get("outlet"), r.get("date")))
    assert direct.clusters() == sent.clusters() and direct.documents == 3
    with pytest.raises(hearsay.Error, match="not a traced document"):
        sent.add_traced(b"junk")


def test_a_date_that_does_not_parse_names_the_item():
    with pytest.raises(ValueError, match=r"items\[1\] \(id 'x'\): date '2026-02-30' does not parse"):
        hearsay.trace([FEED[0], {"id": "x", "text": "It rained.", "date": "2026-02-30"}])
    with pytest.raises(TypeError, match=r"items\[0\]"):
        hearsay.trace([42])
