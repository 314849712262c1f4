"""Lexicon: built-in, from a string or a file, merged, compared and copied."""

import copy

import hearsay

EXTRA = '<lexicon lang="en" version="1"><names kind="media">Zorblatt</names></lexicon>'


def test_builtin_lexicon_has_the_lexicon_the_word_classes_and_each_language():
    lex = hearsay.Lexicon.builtin()
    # data/lexicon.xml, the treebank's word classes (data/word_classes.en.xml), then
    # data/lexicon.<lang>.xml for each further language (segmentation data)
    assert len(lex) > 500 and len(lex.sources) >= 3
    assert all(s.lstrip().startswith("<?xml") for s in lex.sources)
    assert '<lexicon lang="en"' in lex.sources[0]
    assert all('<lexicon lang="' in s for s in lex.sources[2:])
    assert lex == hearsay.Lexicon.builtin()
    assert repr(lex) == f"Lexicon(entries={len(lex)}, sources={len(lex.sources)})"


def test_empty_lexicon_has_nothing():
    lex = hearsay.Lexicon()
    assert len(lex) == 0 and lex.sources == ()
    assert lex != hearsay.Lexicon.builtin()


def test_merge_adds_entries_in_place_and_keeps_the_builtin_intact():
    lex = hearsay.Lexicon.builtin()
    size = len(lex)
    assert lex.merge(hearsay.Lexicon.from_string(EXTRA)) is None
    assert len(lex) == size + 1 and lex.sources[-1] == EXTRA
    assert len(hearsay.Lexicon.builtin()) == size


def test_from_file_accepts_str_and_path_like(tmp_path):
    path = tmp_path / "extra.xml"
    path.write_text(EXTRA, encoding="utf-8")
    assert hearsay.Lexicon.from_file(path) == hearsay.Lexicon.from_file(str(path))
    assert hearsay.Lexicon.from_file(path) == hearsay.Lexicon.from_string(EXTRA)
    assert hearsay.Lexicon.from_string(EXTRA.encode()) == hearsay.Lexicon.from_string(EXTRA)


def test_copies_are_independent():
    lex = hearsay.Lexicon.builtin()
    other = copy.copy(lex)
    other.merge(hearsay.Lexicon.from_string(EXTRA))
    assert len(other) == len(lex) + 1


def test_analyzer_lexicon_is_a_copy():
    an = hearsay.Analyzer()
    lex = an.lexicon
    lex.merge(hearsay.Lexicon.from_string(EXTRA))
    assert an.lexicon == hearsay.Lexicon.builtin()
    assert an.analyze("Zorblatt said the talks failed.").claims[0].chain[0].source.kind != "media"
