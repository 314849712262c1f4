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

__all__ = [
    "analyze",
    "Analyzer",
    "Attribution",
    "Certainty",
    "check",
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
