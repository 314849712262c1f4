"""analyze_many spreads texts over native threads without the GIL; one Analyzer serves them all."""

import threading
import time

import hearsay


def test_analyze_many_equals_sequential_analyze(paragraphs, analyzer):
    ids = [f"p{i}" for i in range(len(paragraphs))]
    sequential = [analyzer.analyze(t, i) for t, i in zip(paragraphs, ids)]
    for threads in (1, 2, 3, 8, None):
        assert analyzer.analyze_many(paragraphs, ids=ids, threads=threads) == sequential


def test_analyze_many_takes_any_iterable_and_empty_input(paragraphs, analyzer):
    five = paragraphs[:5]
    assert analyzer.analyze_many(iter(five)) == analyzer.analyze_many(tuple(five))
    assert analyzer.analyze_many(t for t in paragraphs[:3]) == analyzer.analyze_many(paragraphs[:3])
    assert analyzer.analyze_many([]) == []
    assert analyzer.analyze_many([], threads=8) == []


def test_analyze_many_keeps_input_order_with_uneven_texts(corpus_texts, paragraphs, analyzer):
    # Long and short texts interleaved: threads finish out of order, results must not.
    mixed = [t for pair in zip(corpus_texts, paragraphs) for t in pair]
    docs = analyzer.analyze_many(mixed, ids=[str(i) for i in range(len(mixed))], threads=4)
    assert [d.id for d in docs] == [str(i) for i in range(len(mixed))]
    assert [d.text for d in docs] == mixed


def test_eight_python_threads_share_one_analyzer(corpus_texts, analyzer):
    expected = [analyzer.analyze(t) for t in corpus_texts]
    failures = []

    def work(k):
        try:
            for _ in range(3):
                if k % 2:
                    assert analyzer.analyze_many(corpus_texts, threads=8) == expected
                else:
                    assert [analyzer.analyze(t) for t in corpus_texts] == expected
        except BaseException as e:  # reported below: a thread's failure must fail the test
            failures.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_analysis_releases_the_gil(corpus_texts):
    analyzer = hearsay.Analyzer()
    text = "\n\n".join(corpus_texts)
    copies = 10
    while True:
        gaps = []
        done = threading.Event()

        def tick():
            last = time.perf_counter()
            while not done.is_set():
                time.sleep(0.001)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        ticker = threading.Thread(target=tick)
        ticker.start()
        start = time.perf_counter()
        analyzer.analyze_many([text] * copies, threads=1)
        elapsed = time.perf_counter() - start
        done.set()
        ticker.join()
        if elapsed > 0.3 or copies >= 640:
            break
        copies *= 2  # too quick to tell: analyse more
    # Holding the GIL would stall the ticker for the whole analysis.
    assert max(gaps) < elapsed / 2, (max(gaps), elapsed)


def test_clearing_the_input_list_during_analysis_is_safe(corpus_texts):
    analyzer = hearsay.Analyzer()
    expected = analyzer.analyze_many(corpus_texts * 5, threads=2)
    # Fresh strings whose only reference is the list: clearing it must not free what C++ reads.
    texts = ["".join([t, ""]) + " " for t in corpus_texts * 5]
    result = []
    worker = threading.Thread(target=lambda: result.extend(analyzer.analyze_many(texts, threads=2)))
    worker.start()
    time.sleep(0.01)
    texts.clear()
    worker.join()
    assert [d.text[:-1] for d in result] == [d.text for d in expected]
    assert [d.claims for d in result] == [d.claims for d in expected]
