"""hearsay.dask: a real two-process cluster gives the single-process results."""

import pytest

import hearsay

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("dask.distributed")
hearsay_dask = pytest.importorskip("hearsay.dask")


# The tests without a cluster come first, before the module-scoped client starts.


def test_local_scheduler_works_without_a_cluster(paragraphs, analyzer):
    bag = dask_bag.from_sequence(paragraphs[:20], npartitions=2)
    got = hearsay_dask.analyze_bag(bag).compute(scheduler="sync")
    assert got == [d.to_dict() for d in analyzer.analyze_many(paragraphs[:20])]


def test_bad_items_and_arguments_are_reported(analyzer):
    with pytest.raises(TypeError, match="either an analyzer or"):
        hearsay_dask.analyze_bag(dask_bag.from_sequence(["x"]), analyzer=analyzer, language="de")
    with pytest.raises(TypeError, match="a bag item must be"):
        hearsay_dask.analyze_bag(dask_bag.from_sequence([42])).compute(scheduler="sync")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
        silence_logs=40,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def records(corpus_docs, paragraphs):
    docs = [{"id": doc_id, "text": text} for doc_id, text in corpus_docs]
    docs += [{"id": f"p{i}", "text": p} for i, p in enumerate(paragraphs)]
    while len(docs) < 200:
        more = docs[: 200 - len(docs)]
        docs += [{"id": f"{d['id']}-{len(docs)}", "text": d["text"]} for d in more]
    return docs


def test_cluster_results_equal_single_process_results(client, records, analyzer):
    assert len(records) >= 200
    expected = [
        d.to_dict()
        for d in analyzer.analyze_many([r["text"] for r in records], ids=[r["id"] for r in records])
    ]
    bag = dask_bag.from_sequence(records, npartitions=16)
    assert hearsay_dask.analyze_bag(bag).compute() == expected

    # Both worker processes did the work, each with a single Analyzer built once.
    cached = client.run(lambda: len(__import__("hearsay.dask").dask._cache))
    assert len(cached) == 2 and all(n == 1 for n in cached.values())


def test_cluster_accepts_plain_texts_pairs_and_a_custom_analyzer(client, paragraphs):
    lex = hearsay.Lexicon.builtin()
    lex.merge(hearsay.Lexicon.from_string(
        '<lexicon lang="en" version="1"><names kind="media">Zorblatt</names></lexicon>'))
    an = hearsay.Analyzer(lex, language="en-GB")
    texts = ["Zorblatt said the talks failed."] + paragraphs[:30]
    expected = [d.to_dict() for d in an.analyze_many(texts)]
    bag = dask_bag.from_sequence(texts, npartitions=4)
    got = hearsay_dask.analyze_bag(bag, analyzer=an).compute()
    assert got == expected and got[0]["claims"][0]["chain"][0]["source"]["kind"] == "media"
    pairs = [(str(i), t) for i, t in enumerate(texts)]
    bag = dask_bag.from_sequence(pairs, npartitions=3)
    got = hearsay_dask.analyze_bag(bag, analyzer=an).compute()
    assert [d["id"] for d in got] == [p[0] for p in pairs]


def feed_records(source_dir):
    """The dev trace sets as feed records {id, text, outlet, date}, in file order."""
    out = []
    for path in sorted((source_dir / "corpora" / "trace").glob("*.xml")):
        tree = __import__("xml.etree.ElementTree").etree.ElementTree.parse(path)
        for doc in tree.getroot().iter("doc"):
            paras = [" ".join("".join(p.itertext()).split()) for p in doc.iter("p")]
            record = {"id": doc.get("id"), "text": "\n\n".join(paras)}
            for field in ("outlet", "date"):
                if doc.get(field):
                    record[field] = doc.get(field)
            out.append(record)
    return out


def test_trace_bag_on_a_cluster_equals_one_process(client, source_dir):
    records = feed_records(source_dir)
    assert len(records) >= 60
    expected = hearsay.trace(records)
    assert len(expected) >= 20 and any(c["circular"] for c in expected)
    bag = dask_bag.from_sequence(records, npartitions=7)
    assert hearsay_dask.trace_bag(bag).compute() == expected
    # Every cluster, singletons too, and partitions of one record each.
    bag = dask_bag.from_sequence(records[:30], npartitions=30)
    assert hearsay_dask.trace_bag(bag, min_documents=1).compute() == hearsay.trace(
        records[:30], min_documents=1
    )


def test_trace_bag_names_a_record_whose_date_does_not_parse(client):
    bag = dask_bag.from_sequence([{"id": "a", "text": "It rained.", "date": "March 3"}])
    with pytest.raises(ValueError, match=r"items\[0\] \(id 'a'\): date 'March 3' does not parse"):
        hearsay_dask.trace_bag(bag).compute()
