"""The output validates against the SPEC's JSON Schema (shared/result.schema.json)."""

import json

import pytest

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator(shared_dir):
    path = shared_dir / "result.schema.json"
    if not path.is_file():
        pytest.skip(f"no schema at {path}")
    schema = json.loads(path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def test_corpus_documents_validate(validator, corpus_docs, analyzer):
    docs = analyzer.analyze_many([t for _, t in corpus_docs], ids=[i for i, _ in corpus_docs])
    assert sum(len(d) for d in docs) > 0
    for doc in docs:
        validator.validate(doc.to_dict())
        validator.validate(json.loads(doc.to_json()))


def test_seed_article_validates(validator, seed_article, analyzer):
    validator.validate(analyzer.analyze(seed_article, id="article").to_dict())


def test_edge_texts_validate(validator, analyzer):
    for text in ["", "It is thought that prices may rise.", "Reportedly, 😀 talks failed?"]:
        validator.validate(analyzer.analyze(text).to_dict())


def test_documents_with_sourcing_validate_and_carry_flags_on_every_claim(validator, corpus_docs):
    import hearsay

    an = hearsay.Analyzer(sourcing=True)
    docs = an.analyze_many([t for _, t in corpus_docs], ids=[i for i, _ in corpus_docs])
    for doc in docs:
        for form in (doc.to_dict(), json.loads(doc.to_json())):
            validator.validate(form)
            assert "sourcing" in form
            assert all("flags" in c and c["flags"] == sorted(c["flags"]) for c in form["claims"])
        assert doc.to_dict() == json.loads(doc.to_json())
