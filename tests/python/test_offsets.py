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


# Repair once put one U+FFFD for a whole ill-formed sequence where Python's decoder puts one per
# maximal subpart, so every later offset was off by one or two from the consumer's own decoding.
BAD_BYTES = [
    b"\xc0\xaf",  # overlong: two
    b"\xed\xa0\x80",  # an encoded surrogate: three
    b"\xe2\x82",  # truncated: one
    b"\xf0\x80\x80",  # F0 80 overlong: three
    b"\xf4\x90\x80\x80",  # above U+10FFFF: four
    b"\xf1\x80\x80\xe1\x80\xc2",  # Unicode table 3-8: three
    b"\xff",
]


@given(
    st.lists(st.one_of(st.sampled_from(WORDS).map(str.encode), st.sampled_from(BAD_BYTES)), max_size=40)
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_repaired_offsets_agree_with_pythons_own_decoder(parts):
    data = b" ".join(parts)
    decoded = data.decode("utf-8", "replace")
    doc = hearsay.Analyzer(repair_utf8=True).analyze(data)
    check(doc, decoded)
    literal = sum(p.decode("utf-8", "replace").count("\ufffd") for p in parts if p not in BAD_BYTES)
    repaired = doc.to_dict().get("repaired")
    if decoded.count("\ufffd") == literal:
        assert repaired is None
    else:
        assert repaired["replacements"] == decoded.count("\ufffd") - literal
        assert decoded[repaired["first"]] == "\ufffd"


def test_repaired_document_says_so_in_to_dict_and_to_json():
    import json

    doc = hearsay.Analyzer(repair_utf8=True).analyze(b"NHK said \xed\xa0\x80 it failed.")
    assert doc.to_dict()["repaired"] == {"replacements": 3, "first": 9}
    assert json.loads(doc.to_json())["repaired"] == doc.to_dict()["repaired"]
    surrogate = hearsay.Analyzer(repair_utf8=True).analyze("NHK said \ud800 it failed.")
    assert surrogate.to_dict()["repaired"] == {"replacements": 1, "first": 9}
    assert "repaired" not in hearsay.analyze("NHK said it failed.").to_dict()
