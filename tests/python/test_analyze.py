"""The Python API: documents, claims and their values behave like plain Python objects."""

import copy
import json

import pytest

import hearsay

TEXT = (
    'NHK said the talks failed. "Officials believe that Kim may visit Moscow," Yonhap reported. '
    "Kim extended an invitation to Putin."
)

STATUSES = {"confirmed", "reported", "alleged"}
CERTAINTIES = {"certain", "probable", "possible"}
POLARITIES = {"positive", "negative"}
QUOTES = {"none", "direct", "mixed"}
SOURCE_KINDS = {
    "person", "organization", "government", "media", "document", "group", "anonymous", "unspecified"
}
CUE_CLASSES = {"report", "belief", "allegation", "speculation", "confirm", "deny"}


def test_analyze_returns_a_document_with_sentences_and_claims():
    doc = hearsay.analyze(TEXT)
    assert isinstance(doc, hearsay.Document)
    assert doc.id == "stdin" and doc.language == "en" and doc.text == TEXT
    assert [s.text for s in doc.sentences] == [
        "NHK said the talks failed.",
        '"Officials believe that Kim may visit Moscow," Yonhap reported.',
        "Kim extended an invitation to Putin.",
    ]
    first = doc.claims[0]
    assert (first.text, first.status, first.sentence) == ("the talks failed", "reported", 0)
    (link,) = first.chain
    assert (link.source.text, link.source.kind, link.source.named) == ("NHK", "media", True)
    assert (link.cue.text, link.cue.lemma, link.cue.class_) == ("said", "say", "report")
    assert doc.claims[-1].status == "confirmed" and doc.claims[-1].chain == ()


def test_document_iterates_indexes_and_counts_its_claims():
    doc = hearsay.analyze(TEXT)
    assert list(doc) == list(doc.claims)
    assert len(doc) == len(doc.claims) >= 3
    assert doc[0] == doc.claims[0] and doc[-1] == doc.claims[-1]
    with pytest.raises(IndexError):
        doc[len(doc)]
    assert isinstance(doc.claims, tuple) and isinstance(doc.sentences, tuple)


def test_document_keeps_the_callers_str():
    text = TEXT + " Ünïcödé résumé."
    assert hearsay.analyze(text).text is text


def test_id_and_language_are_recorded():
    doc = hearsay.Analyzer(language="en").analyze(TEXT, id="doc-7")
    assert doc.id == "doc-7"
    assert hearsay.analyze(TEXT, id="x").to_dict()["id"] == "x"
    assert hearsay.Analyzer(language="xx").analyze(TEXT).language == "xx"


def test_bytes_are_analysed_as_utf8():
    text = "“Prices will rise,” the minister said in Zürich."
    from_str = hearsay.analyze(text)
    from_bytes = hearsay.analyze(text.encode("utf-8"))
    assert from_bytes == from_str
    assert from_bytes.text == text


def test_to_dict_is_the_parsed_to_json(corpus_texts, analyzer):
    for doc in analyzer.analyze_many(corpus_texts):
        assert doc.to_dict() == json.loads(doc.to_json())
        assert json.loads(doc.to_json(indent=2)) == doc.to_dict()
        assert "\n" not in doc.to_json()


def test_to_dict_has_the_spec_fields_in_spec_order():
    d = hearsay.analyze(TEXT).to_dict()
    assert list(d) == ["id", "language", "sentences", "claims"]
    assert list(d["sentences"][0]) == ["start", "end"]
    claim = d["claims"][0]
    assert list(claim) == [
        "sentence", "start", "end", "text", "status", "certainty", "polarity", "quote", "chain",
        "confidence", "evidence",
    ]
    assert list(claim["chain"][0]) == ["source", "cue"]
    assert list(claim["chain"][0]["source"]) == [
        "text", "start", "end", "kind", "named", "refers_to"
    ]
    assert list(claim["chain"][0]["cue"]) == ["text", "start", "end", "lemma", "class"]


def test_enumerated_values_are_spec_strings(corpus_texts, analyzer):
    for doc in analyzer.analyze_many(corpus_texts):
        for claim in doc:
            assert claim.status in STATUSES and claim.certainty in CERTAINTIES
            assert claim.polarity in POLARITIES and claim.quote in QUOTES
            for link in claim.chain:
                assert type(link.source.kind) is str and link.source.kind in SOURCE_KINDS
                assert link.cue.class_ in CUE_CLASSES
                assert link.source.refers_to is None or isinstance(link.source.refers_to, str)


def test_documents_compare_by_value():
    a, b = hearsay.analyze(TEXT), hearsay.analyze(str(TEXT))
    assert a == b and not (a != b)
    assert a != hearsay.analyze(TEXT, id="other")
    assert a != hearsay.analyze(TEXT + " More.")
    assert a != "not a document"
    with pytest.raises(TypeError):
        hash(a)


def test_values_are_comparable_hashable_and_copyable():
    doc = hearsay.analyze(TEXT)
    again = hearsay.analyze(TEXT)
    assert set(doc.claims) == set(again.claims)
    assert hash(doc.claims[0]) == hash(again.claims[0])
    assert doc.claims[0] != doc.claims[1]
    link = doc.claims[0].chain[0]
    assert copy.copy(link) == link and copy.deepcopy(doc.claims[0]) == doc.claims[0]
    assert doc.sentences[0] == hearsay.Sentence(0, 26, "NHK said the talks failed.")
    assert doc.sentences[0] != (0, 26)


def test_values_can_be_built_and_validate_their_strings():
    source = hearsay.Source("NHK", 0, 3, "media", True)
    cue = hearsay.Cue("said", 4, 8, "say", "report")
    link = hearsay.Link(source, cue)
    analysed = hearsay.analyze(TEXT).claims[0]
    claim = hearsay.Claim(0, 9, 25, "the talks failed", "reported", chain=[link],
                          confidence=analysed.confidence, rule=analysed.rule,
                          evidence_words=analysed.evidence_words)
    assert claim == analysed
    assert claim.to_dict() == hearsay.analyze(TEXT).to_dict()["claims"][0]
    with pytest.raises(ValueError, match="'rumoured' is not a valid status"):
        hearsay.Claim(0, 0, 1, "x", "rumoured")
    with pytest.raises(ValueError, match="source kind"):
        hearsay.Source("x", 0, 1, "alien", False)


def test_values_are_read_only():
    claim = hearsay.analyze(TEXT).claims[0]
    with pytest.raises(AttributeError):
        claim.status = "alleged"
    with pytest.raises(AttributeError):
        claim.chain[0].source.text = "BBC"


def test_reprs_are_readable_and_evaluable():
    doc = hearsay.analyze(TEXT)
    assert repr(doc) == "Document(id='stdin', language='en', sentences=3, claims=%d)" % len(doc)
    claim = doc.claims[0]
    assert repr(claim).startswith("Claim(sentence=0, start=9, end=25, text='the talks failed', ")
    assert eval(repr(claim), vars(hearsay)) == claim
    assert eval(repr(doc.sentences[1]), vars(hearsay)) == doc.sentences[1]
    assert repr(hearsay.Analyzer()).startswith("Analyzer(lexicon=Lexicon(entries=")


def test_classes_present_themselves_as_members_of_the_package():
    for cls in (hearsay.Document, hearsay.Claim, hearsay.Analyzer, hearsay.Lexicon, hearsay.Error):
        assert cls.__module__ == "hearsay"


def test_analyze_with_a_lexicon_uses_it():
    extra = hearsay.Lexicon.from_string(
        '<lexicon lang="en" version="1"><names kind="media">Zorblatt</names></lexicon>'
    )
    lex = hearsay.Lexicon.builtin()
    lex.merge(extra)
    text = "Zorblatt said the talks failed."
    kind = hearsay.analyze(text, lexicon=lex).claims[0].chain[0].source.kind
    assert kind == "media"
    assert hearsay.Analyzer(lex).lexicon == lex


def test_empty_and_blank_texts_have_no_claims():
    for text in ["", "   ", "\n\n"]:
        doc = hearsay.analyze(text)
        assert list(doc) == [] and doc.to_dict()["claims"] == []


def test_package_docstring_example_holds():
    import doctest

    assert doctest.testmod(hearsay, verbose=False).failed == 0


def test_claims_carry_confidence_and_evidence_as_in_the_json():
    doc = hearsay.analyze("The vote passed.\n\nOfficials said the port may not reopen.")
    claim = doc.claims[1]
    assert 0.0 <= claim.confidence <= 1.0
    assert claim.rule == "verb-cue.source-left"
    words = [doc.text[a:b] for a, b in claim.evidence_words]
    assert words == ["said", "may", "not"]
    as_dict = claim.to_dict()
    assert as_dict["evidence"] == {"rule": claim.rule,
                                   "words": [{"start": a, "end": b} for a, b in claim.evidence_words]}
    assert as_dict["confidence"] == claim.confidence
    assert doc.claims[0].rule == "writer.plain" and doc.claims[0].evidence_words == ()
