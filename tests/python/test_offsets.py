"""Offsets are code points: text[start:end] is the span's text, whatever the script."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hearsay

WORDS = [
    "NHK", "said", "that", "the", "talks", "failed", "officials", "believe", "Kim", "may", "visit",
    "Moscow", "according", "to", "Yonhap", "reportedly", "denied", "U.S.", "Gen.", "it", "is",
    "thought", "café", "Zürich", "naïve", "São", "Paulo", "Ångström", "東京", "会議", "北朝鮮",
    "😀", "🚀", "👩‍👩‍👧", "🇰🇷", "e\u0301", "“", "”", "‘", "’", "«", "»", '"', "'", ",", ".", "?",
    "!", "—", "…", ":", ";", "(", ")", "\n\n", "\n", "\u00a0", "\t",
]

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=60).map("".join),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates: see test_errors
        max_size=200,
    ),
)


def spans_of(doc):
    for s in doc.sentences:
        yield s.start, s.end, s.text
    for c in doc:
        yield c.start, c.end, c.text
        for link in c.chain:
            yield link.source.start, link.source.end, link.source.text
            yield link.cue.start, link.cue.end, link.cue.text


def check(doc, text):
    assert doc.text == text
    for start, end, span_text in spans_of(doc):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == span_text
    d = doc.to_dict()
    for s, sentence in zip(d["sentences"], doc.sentences):
        assert text[s["start"]:s["end"]] == sentence.text
    for c in d["claims"]:
        assert text[c["start"]:c["end"]] == c["text"]
        for link in c["chain"]:
            for part in (link["source"], link["cue"]):
                assert text[part["start"]:part["end"]] == part["text"]


_analyzer = hearsay.Analyzer()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_span_is_its_code_point_slice(text):
    check(_analyzer.analyze(text), text)


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, max_size=8))
def test_spans_hold_in_analyze_many(batch):
    for doc, text in zip(_analyzer.analyze_many(batch, threads=2), batch):
        check(doc, text)


def test_spans_hold_on_the_corpora_with_non_ascii_prefixes(corpus_texts):
    # Push every offset past multi-byte characters of every width.
    for prefix in ["", "é ", "東京。 ", "😀🇰🇷 ", "“Quoted,” he said. "]:
        batch = [prefix + t for t in corpus_texts]
        for doc, text in zip(_analyzer.analyze_many(batch), batch):
            check(doc, text)
            assert len(doc) > 0
