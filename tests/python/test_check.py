"""hearsay.check and `hearsay check` (SPEC 9), and sourcing flags in Python (SPEC 8)."""

import json
import pickle
import subprocess

import pytest

import hearsay

ARTICLE = (
    "Putin Will Visit North Korea\n\n"
    "Vladimir Putin will visit North Korea next month, according to NHK. "
    "Officials said the port will cut 2,000 jobs. The minister said she will not resign."
)


def test_check_gives_verdicts_in_spec_order_with_the_attribution():
    doc = hearsay.analyze(ARTICLE)
    [result] = hearsay.check("Putin will visit North Korea", [doc])
    assert result["verdict"] == "asserted"
    assert result["verdicts"] == ["asserted", "attributed"]
    assert result["attributed"] == {"outermost": "NHK", "innermost": "NHK"}
    for hit in result["matches"]:
        assert ARTICLE[hit["start"]:hit["end"]] == hit["text"]


def test_a_differing_number_is_a_conflict_naming_both_values():
    [result] = hearsay.check("The port will cut 1,500 jobs", [hearsay.analyze(ARTICLE)])
    assert result["verdict"] == "conflicting"
    assert result["conflicts"][0]["query_values"] == ["1,500"]
    assert result["conflicts"][0]["claim_values"] == ["2,000"]


def test_a_negated_claim_denies_the_query():
    [result] = hearsay.check("The minister will resign", [hearsay.analyze(ARTICLE)])
    assert result["verdict"] == "denied"


def test_analyzer_check_analyses_texts_first():
    results = hearsay.Analyzer().check("The stadium roof collapsed", [ARTICLE, ARTICLE])
    assert [r["verdict"] for r in results] == ["not_found", "not_found"]
    assert [r["index"] for r in results] == [0, 1]


@pytest.mark.parametrize("query", ["", "  ", "the of and"])
def test_an_empty_query_or_one_of_stop_words_raises(query):
    with pytest.raises(hearsay.Error, match="query"):
        hearsay.check(query, [hearsay.analyze(ARTICLE)])


def test_flags_are_there_only_when_sourcing_is_assessed_and_survive_pickling():
    plain = hearsay.analyze(ARTICLE)
    assert plain.sourcing is None and all(c.flags is None for c in plain.claims)
    assert "sourcing" not in plain.to_dict()
    doc = hearsay.Analyzer(sourcing=True).analyze(ARTICLE)
    assert doc.claims[0].flags == ("headline_overstates",)
    assert doc.sourcing["by_status"]["reported"] >= 1
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.claims[0].flags == doc.claims[0].flags
    assert pickle.loads(pickle.dumps(hearsay.Analyzer(sourcing=True))).sourcing


def test_cli_check_prints_one_json_line_per_claim_and_article(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = subprocess.run(
        [cli, "check", "--claim", "Putin will visit North Korea", "--claim",
         "The port will cut 1,500 jobs", str(article)],
        capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    assert [json.loads(line)["verdict"] for line in out] == ["asserted", "conflicting"]
    assert json.loads(out[0])["document"] == "a"


def test_cli_check_reports_bad_records_and_queries_and_goes_on(cli, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "ok", "text": ARTICLE}) + "\nnot json\n" + json.dumps({"id": 3}) + "\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.txt"
    claims.write_text("Putin will visit North Korea\nthe of\n", encoding="utf-8")
    run = subprocess.run(
        [cli, "check", "--claims", str(claims), "--input", "jsonl", str(feed)],
        capture_output=True, text=True,
    )
    assert run.returncode == 1
    assert f"{claims}:2" in run.stderr and "402" in run.stderr
    assert f"{feed}:2" in run.stderr and f"{feed}:3" in run.stderr
    assert [json.loads(line)["document"] for line in run.stdout.splitlines()] == ["ok"]


def test_cli_analyze_sourcing_adds_flags(cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = subprocess.run([cli, "analyze", "--format", "json", "--sourcing", str(article)],
                         capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    assert "sourcing" in doc and all("flags" in c for c in doc["claims"])


def test_a_check_index_gives_what_check_gives_and_find_only_the_documents_found():
    docs = [
        hearsay.analyze(ARTICLE, id="a"),
        hearsay.analyze("The weather was mild in Lisbon on Monday.", id="b"),
        hearsay.analyze("NHK said Vladimir Putin will visit North Korea.", id="c"),
    ]
    index = hearsay.CheckIndex(docs)
    assert len(index) == 3
    for query in (
        "Putin will visit North Korea",
        "The port will cut 1,500 jobs",
        "The minister will resign",
        "Rain fell in Oslo",
    ):
        assert index.check(query) == hearsay.check(query, docs)
        found = index.find(query)
        assert [r["index"] for r in found] == [
            r["index"] for r in hearsay.check(query, docs) if r["verdict"] != "not_found"
        ]
    assert [r["document"] for r in index.find("Putin will visit North Korea")] == ["a", "c"]


def test_a_check_index_keeps_its_documents_and_rejects_an_empty_query():
    index = hearsay.CheckIndex([hearsay.analyze(ARTICLE)])  # the only reference to the Document
    assert index.find("Putin will visit North Korea")[0]["verdict"] == "asserted"
    with pytest.raises(hearsay.Error):
        index.check("   ")
