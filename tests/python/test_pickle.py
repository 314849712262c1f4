"""Analyzers, lexicons, documents and values pickle, so they travel to worker processes."""

import pickle
import subprocess
import sys

import pytest

import hearsay

EXTRA = '<lexicon lang="en" version="1"><names kind="media">Zorblatt</names></lexicon>'
TEXT = "Zorblatt said the talks failed. Officials believe Kim may visit Moscow, 😀 NHK reported."


def custom_analyzer():
    lex = hearsay.Lexicon.builtin()
    lex.merge(hearsay.Lexicon.from_string(EXTRA))
    return hearsay.Analyzer(lex, language="en-GB", repair_utf8=True)


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_analyzer_round_trip_keeps_lexicon_and_options(protocol):
    an = custom_analyzer()
    again = pickle.loads(pickle.dumps(an, protocol=protocol))
    assert again.lexicon == an.lexicon and len(again.lexicon) == len(an.lexicon)
    assert (again.language, again.repair_utf8) == ("en-GB", True)
    assert again.analyze(TEXT) == an.analyze(TEXT)
    assert again.analyze(TEXT).claims[0].chain[0].source.kind == "media"
    assert again.analyze("bad \ud800").text == "bad \ufffd"


def test_default_analyzer_round_trip(corpus_texts, analyzer):
    again = pickle.loads(pickle.dumps(analyzer))
    assert again.analyze_many(corpus_texts) == analyzer.analyze_many(corpus_texts)


def test_analyzer_unpickles_in_another_process():
    payload = pickle.dumps(custom_analyzer())
    script = (
        "import pickle, sys; an = pickle.loads(sys.stdin.buffer.read()); "
        f"print(an.analyze({TEXT!r}).to_json())"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=payload, capture_output=True, check=True
    )
    assert done.stdout.decode().strip() == custom_analyzer().analyze(TEXT).to_json()


def test_lexicon_round_trip():
    lex = custom_analyzer().lexicon
    assert pickle.loads(pickle.dumps(lex)) == lex
    assert pickle.loads(pickle.dumps(hearsay.Lexicon())) == hearsay.Lexicon()


def test_document_round_trip_is_equal_and_keeps_offsets(corpus_texts, analyzer):
    for doc in analyzer.analyze_many(corpus_texts[:5] + [TEXT, ""]):
        again = pickle.loads(pickle.dumps(doc))
        assert again == doc
        assert again.to_json() == doc.to_json() and again.text == doc.text
        assert again.claims == doc.claims and again.sentences == doc.sentences


def test_values_round_trip():
    doc = hearsay.analyze(TEXT)
    for value in [doc.sentences[0], doc.claims[0], doc.claims[0].chain[0],
                  doc.claims[0].chain[0].source, doc.claims[0].chain[0].cue]:
        again = pickle.loads(pickle.dumps(value))
        assert again == value and type(again) is type(value)


def test_tampered_document_pickle_is_rejected():
    doc = hearsay.analyze("NHK said the talks failed.")
    state = doc.__getstate__()
    broken = (state[0], state[1], "short", state[3], state[4])
    with pytest.raises(ValueError, match="span is outside its text"):
        type(doc).__new__(type(doc)).__setstate__(broken)
