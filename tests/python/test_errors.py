"""Errors are hearsay.Error subclasses carrying the C++ messages and their structured parts."""

import pickle

import pytest
from conftest import run_cli

import hearsay

BAD_LEXICON = """<lexicon lang="en" version="1">
  <names kind="media">Zorblatt</names>
  <sources kind="alien">visitors</sources>
</lexicon>
"""


def test_lone_surrogate_raises_encoding_error_not_a_crash():
    with pytest.raises(hearsay.EncodingError) as info:
        hearsay.analyze("é said \ud800 it")
    e = info.value
    assert isinstance(e, hearsay.Error) and isinstance(e, ValueError)
    assert str(e) == (
        "[hearsay.encoding_error.101] text: invalid UTF-8 at byte 8: lone surrogate U+D800 at "
        "code point 7 (a str passed to hearsay must be encodable as UTF-8)"
    )
    assert e.offset == len("é said ".encode("utf-8")) and e.id == 101


def test_lone_surrogate_in_analyze_many_names_the_text():
    with pytest.raises(hearsay.EncodingError, match=r"texts\[1\]: .*lone surrogate U\+DC80"):
        hearsay.Analyzer().analyze_many(["fine", "bad \udc80", "fine"])


def test_repair_utf8_replaces_lone_surrogates_keeping_offsets():
    text = "Kim \ud83d said the talks failed \udc00."
    doc = hearsay.Analyzer(repair_utf8=True).analyze(text)
    assert doc.text == text.replace("\ud83d", "\ufffd").replace("\udc00", "\ufffd")
    assert len(doc.text) == len(text)
    for claim in doc:
        assert doc.text[claim.start:claim.end] == claim.text


def test_invalid_utf8_bytes_raise_the_cpp_message(cli):
    data = b"NHK said \xff the talks failed."
    with pytest.raises(hearsay.EncodingError) as info:
        hearsay.analyze(data)
    assert info.value.offset == 9
    assert str(info.value).startswith("[hearsay.encoding_error.101] invalid UTF-8 at byte 9")
    done = run_cli(cli, "analyze", stdin=data)
    assert done.returncode == 1
    assert str(info.value) in done.stderr.decode()


def test_invalid_utf8_bytes_are_repaired_on_request():
    doc = hearsay.Analyzer(repair_utf8=True).analyze(b"NHK said \xff the talks failed.")
    assert doc.text == "NHK said \ufffd the talks failed."


def test_malformed_lexicon_file_raises_lexicon_error_with_position(tmp_path, cli):
    path = tmp_path / "bad.xml"
    path.write_text(BAD_LEXICON, encoding="utf-8")
    with pytest.raises(hearsay.LexiconError) as info:
        hearsay.Lexicon.from_file(path)
    e = info.value
    offset = BAD_LEXICON.index("sources kind")  # the element's name
    assert (e.source, e.line, e.column, e.offset, e.id) == (str(path), 3, 4, offset, 204)
    assert str(e) == (
        f"[hearsay.lexicon_error.204] {path}:3:4 (byte {offset}): "
        "<sources> has invalid kind 'alien'"
    )
    assert isinstance(e, hearsay.ParseError) and isinstance(e, hearsay.Error)
    done = run_cli(cli, "analyze", "--lexicon", str(path), stdin=b"Hi.")
    assert done.returncode == 1 and str(e) in done.stderr.decode()


def test_malformed_xml_reports_where_it_breaks():
    xml = '<lexicon lang="en">\n  <names kind="media">NHK</nomes>\n</lexicon>'
    expected = r"^\[hearsay\.lexicon_error\.201\] mine:2:"
    with pytest.raises(hearsay.LexiconError, match=expected) as info:
        hearsay.Lexicon.from_string(xml, name="mine")
    assert info.value.line == 2 and info.value.source == "mine"
    with pytest.raises(hearsay.LexiconError, match=r"<string>:1:2 \(byte 1\): root element"):
        hearsay.Lexicon.from_string("<words/>")


def test_missing_lexicon_file_raises_io_error(tmp_path, cli):
    path = tmp_path / "missing.xml"
    with pytest.raises(hearsay.IOError) as info:
        hearsay.Lexicon.from_file(str(path))
    e = info.value
    assert isinstance(e, OSError) and isinstance(e, hearsay.Error) and e.id == 301
    assert str(e) == f"[hearsay.io_error.301] {path}: No such file or directory"
    done = run_cli(cli, "analyze", "--lexicon", str(path), stdin=b"Hi.")
    assert done.returncode == 1 and str(e) in done.stderr.decode()


def test_wrong_argument_types_raise_type_error(analyzer):
    with pytest.raises(TypeError, match="text must be str or bytes, not int"):
        analyzer.analyze(42)
    with pytest.raises(TypeError, match="not a single str"):
        analyzer.analyze_many("one text")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str or bytes, not NoneType"):
        analyzer.analyze_many(["a", None])
    with pytest.raises(TypeError):
        hearsay.Analyzer("not a lexicon")


def test_bad_analyze_many_arguments_raise_value_error(analyzer):
    with pytest.raises(ValueError, match="threads must be at least 1"):
        analyzer.analyze_many(["a"], threads=0)
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        analyzer.analyze_many(["a", "b"], ids=["x"])


def test_errors_pickle_with_their_attributes(tmp_path):
    try:
        hearsay.Lexicon.from_string(BAD_LEXICON, name="bad.xml")
    except hearsay.LexiconError as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is hearsay.LexiconError and str(again) == str(e)
        assert (again.line, again.column, again.offset, again.source) == (3, 4, e.offset, "bad.xml")
    else:
        pytest.fail("no LexiconError")
