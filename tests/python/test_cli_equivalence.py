"""The binding gives exactly what the C++ program prints (SPEC section 4)."""

import json

from conftest import cli_jsonl, run_cli

import hearsay


def test_seed_article_claims_equal_the_cli_json(cli, shared_dir, seed_article):
    path = shared_dir / "seed" / "article.txt"
    done = run_cli(cli, "analyze", "--format", "json", str(path))
    assert done.returncode == 0, done.stderr.decode()
    expected = json.loads(done.stdout)
    doc = hearsay.analyze(seed_article, id="article")
    assert doc.to_dict()["claims"] == expected["claims"]
    assert doc.to_dict() == expected
    assert json.loads(doc.to_json()) == expected
    assert len(doc) > 0


def test_corpus_documents_equal_the_cli_jsonl(cli, corpus_docs, analyzer):
    records = [{"id": doc_id, "text": text} for doc_id, text in corpus_docs]
    expected = cli_jsonl(cli, records)
    docs = analyzer.analyze_many([r["text"] for r in records], ids=[r["id"] for r in records])
    assert [d.to_dict() for d in docs] == expected


def test_non_ascii_texts_equal_the_cli_jsonl(cli, analyzer):
    texts = [
        "“Prices will rise,” the minister said in Zürich on Tuesday. 東京の会議は延期された。",
        "Émilie Dupont, a spokeswoman, said the café 🍵 would reopen. Officials believe it may not.",
        "According to Yonhap, North Korea reportedly sent troops 🚀 — a claim Seoul denied.",
    ]
    expected = cli_jsonl(cli, [{"id": str(i), "text": t} for i, t in enumerate(texts)])
    docs = analyzer.analyze_many(texts, ids=[str(i) for i in range(len(texts))])
    assert [d.to_dict() for d in docs] == expected
