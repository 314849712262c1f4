"""hearsay: claims, their status and their source chains in news text."""

from typing import Any, Iterable, Literal, Mapping, Optional, TypedDict, Union

from ._core import Analyzer as Analyzer
from ._core import Claim as Claim
from ._core import Cue as Cue
from ._core import Document as Document
from ._core import EncodingError as EncodingError
from ._core import Error as Error
from ._core import IOError as IOError
from ._core import ItemError as ItemError
from ._core import Lexicon as Lexicon
from ._core import LexiconError as LexiconError
from ._core import Link as Link
from ._core import ParseError as ParseError
from ._core import Sentence as Sentence
from ._core import Source as Source
from ._core import Tracer as Tracer
from ._core import __version__ as __version__


Status = Literal["confirmed", "reported", "alleged"]
Certainty = Literal["certain", "probable", "possible"]
Polarity = Literal["positive", "negative"]
Quote = Literal["none", "direct", "mixed"]
SourceKind = Literal[
    "person", "organization", "government", "media", "document", "group", "anonymous", "unspecified"
]
CueClass = Literal["report", "belief", "allegation", "speculation", "confirm", "deny"]
Verdict = Literal["asserted", "denied", "conflicting", "attributed", "speculative", "not_found"]

class CheckSource(TypedDict):
    source: str
    kind: str
    cue: str

class CheckHit(TypedDict, total=False):
    claim: int
    start: int
    end: int
    text: str
    score: float
    status: Status
    certainty: Certainty
    polarity: Polarity
    chain: list[CheckSource]
    query_values: list[str]
    claim_values: list[str]

class Attribution(TypedDict):
    outermost: str
    innermost: str

class CheckResult(TypedDict):
    document: str
    index: int
    verdict: Verdict
    verdicts: list[Verdict]
    matches: list[CheckHit]
    conflicts: list[CheckHit]
    attributed: Optional[Attribution]

def check(
    query: str, docs: Iterable[Document], *, language: str = "en"
) -> list[CheckResult]: ...

class CheckIndex:
    def __init__(self, docs: Iterable[Document], *, language: str = "en") -> None: ...
    def __len__(self) -> int: ...
    def check(self, query: str) -> list[CheckResult]: ...
    def find(self, query: str) -> list[CheckResult]: ...

__all__: list[str]

def analyze(
    text: Union[str, bytes],
    *,
    language: str = "en",
    lexicon: Optional[Lexicon] = None,
    id: str = "stdin",
) -> Document: ...

_TraceItem = Union[Document, Mapping[str, Any]]

def trace(
    items: Iterable[_TraceItem],
    *,
    analyzer: Optional[Analyzer] = None,
    min_documents: int = 2,
    threads: Optional[int] = None,
) -> list[dict[str, Any]]: ...
