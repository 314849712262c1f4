"""hearsay: claims, their status and their source chains in news text.

    >>> import hearsay
    >>> doc = hearsay.analyze("NHK said the talks failed.")
    >>> [(c.text, c.status, [link.source.text for link in c.chain]) for c in doc]
    [('the talks failed', 'reported', ['NHK'])]

For many texts build one :class:`Analyzer` and call :meth:`Analyzer.analyze_many`, which runs
on native threads without the GIL. ``Document.to_dict()`` and ``Document.to_json()`` give the
output of SPEC section 4. Offsets are code points into the text: ``text[c.start:c.end] == c.text``.
Enumerated values (status, kind, ...) are plain strings with the SPEC spellings.
"""

import threading as _threading
import typing as _typing
from typing import TypedDict as _TypedDict

from ._core import (
    Analyzer,
    Claim,
    Cue,
    Document,
    EncodingError,
    Error,
    IOError,
    ItemError,
    Lexicon,
    LexiconError,
    Link,
    ParseError,
    Sentence,
    Source,
    Tracer,
)
from . import _core

__version__: str = _core.__version__

Status = _typing.Literal["confirmed", "reported", "alleged"]
Certainty = _typing.Literal["certain", "probable", "possible"]
Polarity = _typing.Literal["positive", "negative"]
Quote = _typing.Literal["none", "direct", "mixed"]
SourceKind = _typing.Literal[
    "person", "organization", "government", "media", "document", "group", "anonymous", "unspecified"
]
CueClass = _typing.Literal["report", "belief", "allegation", "speculation", "confirm", "deny"]
Verdict = _typing.Literal[
    "asserted", "denied", "conflicting", "attributed", "speculative", "not_found"
]


class CheckSource(_TypedDict):
    """A link of a matching claim's chain: the source's words, its kind, the cue's words."""

    source: str
    kind: str
    cue: str


class CheckHit(_TypedDict, total=False):
    """A claim that matches the query (or conflicts with it: then with the differing values)."""

    claim: int
    start: int
    end: int
    text: str
    score: float
    status: Status
    certainty: Certainty
    polarity: Polarity
    chain: "list[CheckSource]"
    query_values: "list[str]"
    claim_values: "list[str]"


class Attribution(_TypedDict):
    """Who an attributed match comes from: the chain's outermost and innermost sources."""

    outermost: str
    innermost: str


class CheckResult(_TypedDict):
    """What one document makes of a query (SPEC 9)."""

    document: str
    index: int
    verdict: Verdict
    verdicts: "list[Verdict]"
    matches: "list[CheckHit]"
    conflicts: "list[CheckHit]"
    attributed: "_typing.Optional[Attribution]"


def check(
    query: str, docs: "_typing.Iterable[Document]", *, language: str = "en"
) -> "list[CheckResult]":
    """Check a claim (SPEC 9) against analysed Documents: one CheckResult per document, in order.

    The verdict is the first of asserted, denied, conflicting, attributed, speculative that
    applies, else not_found; ``verdicts`` lists all that apply. Raises Error for an empty query
    or one with no content word. Matching runs without the GIL.
    """
    return _typing.cast("list[CheckResult]", _core.check(query, docs, language=language))

class CheckIndex(_core.CheckIndex):
    """An archive of analysed Documents indexed for checking many claims (SPEC 9).

    Every claim is reduced once; a query then costs only the claims that share its rarer words,
    not every claim of every document. ``check(query)`` gives what :func:`check` gives for the
    indexed documents (one result per document, in order); ``find(query)`` only the documents
    whose verdict is not ``not_found``. The index keeps its Documents alive; matching runs without
    the GIL, so threads may query one index at once.
    """

    def check(self, query: str) -> "list[CheckResult]":
        return _typing.cast("list[CheckResult]", super().check(query))

    def find(self, query: str) -> "list[CheckResult]":
        return _typing.cast("list[CheckResult]", super().find(query))


__all__ = [
    "analyze",
    "Analyzer",
    "Attribution",
    "Certainty",
    "check",
    "CheckIndex",
    "CheckHit",
    "CheckResult",
    "CheckSource",
    "Claim",
    "Cue",
    "CueClass",
    "Document",
    "EncodingError",
    "Error",
    "IOError",
    "ItemError",
    "Lexicon",
    "LexiconError",
    "Link",
    "ParseError",
    "Polarity",
    "Quote",
    "Sentence",
    "Source",
    "SourceKind",
    "Status",
    "trace",
    "Tracer",
    "Verdict",
]

# One analyzer per language for analyze() without a lexicon: the lexicon is compiled once.
_default_analyzers: "dict[str, Analyzer]" = {}
_default_lock = _threading.Lock()


def _default_analyzer(language: str) -> Analyzer:
    analyzer = _default_analyzers.get(language)
    if analyzer is None:
        with _default_lock:
            analyzer = _default_analyzers.get(language)
            if analyzer is None:
                analyzer = Analyzer(language=language)
                _default_analyzers[language] = analyzer
    return analyzer


def analyze(
    text: _typing.Union[str, bytes],
    *,
    language: str = "en",
    lexicon: _typing.Optional[Lexicon] = None,
    id: str = "stdin",
) -> Document:
    """Analyse one text and return its :class:`Document`.

    Without ``lexicon`` a shared analyzer with the built-in lexicon is reused; with one, a new
    :class:`Analyzer` is built for the call (build your own to analyse many texts).
    """
    if lexicon is None:
        return _default_analyzer(language).analyze(text, id)
    return Analyzer(lexicon, language=language).analyze(text, id)


_TraceItem = _typing.Union[Document, _typing.Mapping[str, _typing.Any]]


def trace(
    items: _typing.Iterable[_TraceItem],
    *,
    analyzer: _typing.Optional[Analyzer] = None,
    min_documents: int = 2,
    threads: _typing.Optional[int] = None,
) -> "list[dict[str, _typing.Any]]":
    """Group the matching claims of `items` into clusters across documents (SPEC 9 trace) and
    return them as dicts, the JSON lines of ``hearsay trace``.

    Items are analysed :class:`Document` objects (no outlet, no date) or records ``{"id",
    "text", "outlet", "date"}`` (analysed with `analyzer`, by default the built-in one, on
    `threads` native threads). A date is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``; one that does not
    parse raises ValueError naming the item.
    """
    items = list(items)
    if analyzer is None:
        analyzer = _default_analyzer("en")
    texts, ids, where = [], [], []
    for index, item in enumerate(items):
        if isinstance(item, Document):
            continue
        if not isinstance(item, _typing.Mapping) or not isinstance(item.get("text"), (str, bytes)):
            raise TypeError(f'items[{index}]: a Document or a mapping with a "text" is needed')
        texts.append(item["text"])
        ids.append("stdin" if item.get("id") is None else str(item["id"]))
        where.append(index)
    analysed = dict(zip(where, analyzer.analyze_many(texts, ids=ids, threads=threads)))
    tracer = Tracer(min_documents=min_documents)
    for index, item in enumerate(items):
        if isinstance(item, Document):
            tracer.add(item)
            continue
        try:
            tracer.add(analysed[index], item.get("outlet"), item.get("date"))
        except ValueError as e:
            raise ValueError(f"items[{index}] (id {ids[where.index(index)]!r}): {e}") from None
    return tracer.clusters()
