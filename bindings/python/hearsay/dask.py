"""hearsay on a Dask cluster: one :class:`hearsay.Analyzer` per worker process, SPEC dicts out.

    import dask.bag as db
    from dask.distributed import Client
    import hearsay.dask

    client = Client()                                   # or Client("tcp://scheduler:8786")
    bag = db.from_sequence(records, npartitions=64)     # str, {"id", "text"} dicts or (id, text)
    results = hearsay.dask.analyze_bag(bag).compute()   # SPEC section 4 dicts, in bag order

The analyzer travels to the workers pickled (its lexicon's XML and its options) once per task,
and each worker process unpickles it only once: later partitions reuse the compiled analyzer.
Use ``bag.map(json.dumps)`` on the result to write JSON Lines.

Tracing (SPEC 9) across a cluster: the workers analyse and reduce each record to what a tracer
keeps (content keys, MinHash band keys, a short mention record), and one task merges them in bag
order, so the clusters equal those of one process::

    clusters = hearsay.dask.trace_bag(db.from_sequence(feed_records)).compute()
"""

import hashlib
import pickle
import threading
import typing

import dask
import dask.bag

from . import Analyzer, ItemError, Lexicon, Tracer
from ._core import traced_bytes

__all__ = ["analyze_bag", "analyze_partition", "record_id", "trace_bag", "trace_partition"]

Text = typing.Union[str, bytes]
Item = typing.Union[Text, typing.Mapping[str, typing.Any], typing.Tuple[str, Text]]

# Analyzers already built in this process, by the digest of their pickle.
_cache: "dict[str, Analyzer]" = {}
_lock = threading.Lock()


class _AnalyzerRef:
    """A picklable handle on an analyzer: its pickle, and a digest naming it in each process's
    cache so that a worker builds it once however many partitions it runs."""

    __slots__ = ("key", "payload")

    def __init__(self, analyzer: Analyzer) -> None:
        self.payload = pickle.dumps(analyzer, protocol=pickle.HIGHEST_PROTOCOL)
        self.key = hashlib.sha256(self.payload).hexdigest()

    def __getstate__(self) -> "tuple[str, bytes]":
        return (self.key, self.payload)

    def __setstate__(self, state: "tuple[str, bytes]") -> None:
        self.key, self.payload = state

    def __dask_tokenize__(self) -> str:
        return self.key

    def get(self) -> Analyzer:
        analyzer = _cache.get(self.key)
        if analyzer is None:
            with _lock:
                analyzer = _cache.get(self.key)
                if analyzer is None:
                    analyzer = pickle.loads(self.payload)
                    _cache[self.key] = analyzer
        return analyzer


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a non-integer number"
    if isinstance(value, (list, tuple)):
        return "an array"
    if isinstance(value, typing.Mapping):
        return "an object"
    return f"a {type(value).__name__}"


def record_id(value: object, default: str) -> str:
    """A record's id, by the rule of ``hearsay analyze --input jsonl`` (docs/RELIABILITY.md): a
    str as it is, an int as its decimal text, None or absent the default; anything else (a bool,
    a float, a list, a dict) rejects the record."""
    if value is None:
        return default
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f'record field "id" must be a string or an integer, not {_json_kind(value)}')


def _split(item: Item) -> "tuple[str, typing.Union[str, bytes]]":
    if isinstance(item, (str, bytes)):
        return "stdin", item
    if isinstance(item, typing.Mapping):
        if "text" not in item:
            raise TypeError('record needs a string field "text"')
        return record_id(item.get("id"), "stdin"), item["text"]
    if isinstance(item, tuple) and len(item) == 2:
        return record_id(item[0], "stdin"), item[1]
    raise TypeError(
        "hearsay.dask: a bag item must be str, bytes, a mapping with 'text' (and 'id'), "
        f"or an (id, text) pair, not {type(item).__name__}"
    )


def _error_dict(index: int, doc_id: "typing.Optional[str]", error: BaseException) -> dict:
    return {"id": doc_id, "index": index, "error": {"type": type(error).__name__, "message": str(error)}}


def analyze_partition(
    items: typing.Iterable[Item],
    analyzer: "typing.Union[Analyzer, _AnalyzerRef]",
    threads: int = 1,
    errors: str = "raise",
) -> "list[dict[str, typing.Any]]":
    """Analyse one partition's items and return their SPEC section 4 dicts, in order.

    Items are texts (id ``"stdin"``), mappings ``{"id": ..., "text": ...}`` (the JSON Lines
    records of the CLI) or ``(id, text)`` pairs; an id is a str or an int (see
    :func:`record_id`). ``errors="raise"`` (default) raises the first bad item's error, its
    message naming the item; ``errors="return"`` puts ``{"id", "index", "error": {"type",
    "message"}}`` in a bad item's place (``index`` within the partition) and keeps the rest.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
    if isinstance(analyzer, _AnalyzerRef):
        analyzer = analyzer.get()
    out: "list[typing.Any]" = []
    ids, texts, where = [], [], []
    for index, item in enumerate(items):
        try:
            doc_id, text = _split(item)
        except TypeError as e:
            if errors == "raise":
                raise TypeError(f"items[{index}]: {e}") from None
            out.append(_error_dict(index, None, TypeError(f"items[{index}]: {e}")))
            continue
        where.append(len(out))
        out.append(None)
        ids.append(doc_id)
        texts.append(text)
    results = analyzer.analyze_many(texts, ids=ids, threads=threads, errors=errors)
    for slot, result in zip(where, results):
        if isinstance(result, ItemError):
            out[slot] = _error_dict(slot, result.id, result.error)
        else:
            out[slot] = result.to_dict()
    return out


def analyze_bag(
    bag: dask.bag.Bag,
    *,
    analyzer: typing.Optional[Analyzer] = None,
    lexicon: typing.Optional[Lexicon] = None,
    language: str = "en",
    repair_utf8: bool = False,
    threads: int = 1,
    errors: str = "raise",
) -> dask.bag.Bag:
    """Return a bag of the SPEC section 4 dicts of `bag`'s items, in the same order.

    Give an ``analyzer``, or the ``lexicon``/``language``/``repair_utf8`` to build one with.
    ``threads`` is how many native threads each task uses (keep 1 when each Dask worker thread
    has a core of its own).
    ``errors="return"`` keeps a bad item's place with an error dict (see
    :func:`analyze_partition`) instead of failing the whole computation.
    """
    if analyzer is None:
        analyzer = Analyzer(lexicon, language=language, repair_utf8=repair_utf8)
    elif lexicon is not None or language != "en" or repair_utf8:
        raise TypeError("analyze_bag() takes either an analyzer or lexicon/language/repair_utf8")
    return bag.map_partitions(analyze_partition, _AnalyzerRef(analyzer), threads, errors)


def _optional_str(item: typing.Mapping[str, typing.Any], field: str) -> "typing.Optional[str]":
    value = item.get(field)
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f'record field "{field}" must be a string, not {_json_kind(value)}')


def trace_partition(
    items: typing.Iterable[Item],
    analyzer: "typing.Union[Analyzer, _AnalyzerRef]",
    threads: int = 1,
) -> "list[bytes]":
    """Analyse one partition's items and return, in order, what a :class:`hearsay.Tracer` keeps of
    each (``hearsay._core.traced_bytes``). Items are as for :func:`analyze_partition`; a mapping
    may also give ``"outlet"`` and ``"date"`` (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``). A bad item
    raises, its message naming the item."""
    if isinstance(analyzer, _AnalyzerRef):
        analyzer = analyzer.get()
    ids, texts, meta = [], [], []
    for index, item in enumerate(items):
        try:
            doc_id, text = _split(item)
            if isinstance(item, typing.Mapping):
                meta.append((_optional_str(item, "outlet"), _optional_str(item, "date")))
            else:
                meta.append((None, None))
        except TypeError as e:
            raise TypeError(f"items[{index}]: {e}") from None
        ids.append(doc_id)
        texts.append(text)
    out = []
    for index, (doc, (outlet, date)) in enumerate(
        zip(analyzer.analyze_many(texts, ids=ids, threads=threads), meta)
    ):
        try:
            out.append(traced_bytes(doc, outlet, date))
        except ValueError as e:
            raise ValueError(f"items[{index}] (id {ids[index]!r}): {e}") from None
    return out


def _merge_traced(parts: "list[list[bytes]]", min_documents: int) -> "list[dict[str, typing.Any]]":
    tracer = Tracer(min_documents=min_documents)
    for part in parts:
        for data in part:
            tracer.add_traced(data)
    return tracer.clusters()


def trace_bag(
    bag: dask.bag.Bag,
    *,
    analyzer: typing.Optional[Analyzer] = None,
    lexicon: typing.Optional[Lexicon] = None,
    language: str = "en",
    repair_utf8: bool = False,
    threads: int = 1,
    min_documents: int = 2,
) -> "dask.delayed.Delayed":
    """Return a delayed list of the trace clusters of `bag`'s records (the dicts of
    :func:`hearsay.trace`), equal to tracing them in bag order in one process.

    Each partition is analysed and reduced on a worker (:func:`trace_partition`); one task adds
    the reductions in bag order to a :class:`hearsay.Tracer`, which finds and verifies the
    candidate pairs. ``analyzer``/``lexicon``/``language``/``repair_utf8``/``threads`` are as for
    :func:`analyze_bag`.
    """
    if analyzer is None:
        analyzer = Analyzer(lexicon, language=language, repair_utf8=repair_utf8)
    elif lexicon is not None or language != "en" or repair_utf8:
        raise TypeError("trace_bag() takes either an analyzer or lexicon/language/repair_utf8")
    parts = bag.map_partitions(trace_partition, _AnalyzerRef(analyzer), threads).to_delayed()
    return dask.delayed(_merge_traced)(parts, min_documents)
