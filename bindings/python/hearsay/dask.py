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
"""

import hashlib
import pickle
import threading
import typing

import dask.bag

from . import Analyzer, Lexicon

__all__ = ["analyze_bag", "analyze_partition"]

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


def _split(item: Item) -> "tuple[str, typing.Union[str, bytes]]":
    if isinstance(item, (str, bytes)):
        return "stdin", item
    if isinstance(item, typing.Mapping):
        return item.get("id", "stdin"), item["text"]
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], item[1]
    raise TypeError(
        "hearsay.dask: a bag item must be str, bytes, a mapping with 'text' (and 'id'), "
        f"or an (id, text) pair, not {type(item).__name__}"
    )


def analyze_partition(
    items: typing.Iterable[Item], analyzer: "typing.Union[Analyzer, _AnalyzerRef]", threads: int = 1
) -> "list[dict[str, typing.Any]]":
    """Analyse one partition's items and return their SPEC section 4 dicts, in order.

    Items are texts (id ``"stdin"``), mappings ``{"id": ..., "text": ...}`` (the JSON Lines
    records of the CLI) or ``(id, text)`` pairs.
    """
    if isinstance(analyzer, _AnalyzerRef):
        analyzer = analyzer.get()
    ids, texts = [], []
    for item in items:
        doc_id, text = _split(item)
        ids.append(doc_id)
        texts.append(text)
    return [doc.to_dict() for doc in analyzer.analyze_many(texts, ids=ids, threads=threads)]


def analyze_bag(
    bag: dask.bag.Bag,
    *,
    analyzer: typing.Optional[Analyzer] = None,
    lexicon: typing.Optional[Lexicon] = None,
    language: str = "en",
    repair_utf8: bool = False,
    threads: int = 1,
) -> dask.bag.Bag:
    """Return a bag of the SPEC section 4 dicts of `bag`'s items, in the same order.

    Give an ``analyzer``, or the ``lexicon``/``language``/``repair_utf8`` to build one with.
    ``threads`` is how many native threads each task uses (keep 1 when each Dask worker thread
    has a core of its own).
    """
    if analyzer is None:
        analyzer = Analyzer(lexicon, language=language, repair_utf8=repair_utf8)
    elif lexicon is not None or language != "en" or repair_utf8:
        raise TypeError("analyze_bag() takes either an analyzer or lexicon/language/repair_utf8")
    return bag.map_partitions(analyze_partition, _AnalyzerRef(analyzer), threads)
