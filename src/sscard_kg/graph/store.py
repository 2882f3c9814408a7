"""The Oxigraph store on disk: reference data in the default graph, one named graph per article.

A build writes article graphs a batch at a time: the changed ones are removed (each removal a
transaction), then the batch is bulk-loaded, which Oxigraph commits as one atomic ingestion of
the files it wrote. So a build killed at any moment leaves every article either whole or absent,
and a re-run finishes the rest. A bulk load costs about a third of the CPU of loading the same
quads in transactions, but has a fixed cost of its own (~20 ms): fewer than BULK_FROM graphs are
written one transaction each. Shards made on a cluster are bulk-loaded from their files; their
graphs are first listed in a journal graph, in one transaction, and the journal is cleared when
the load is done; `recover` drops the graphs of a load that never finished.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Container, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store

from ..errors import StoreError
from .rdf import BASE, SS, reference_quads

DEFAULT_STORE = "sscard-store"
REFERENCE_NODE = NamedNode(BASE + "reference")
JOURNAL = NamedNode(BASE + "loading")


def default_store() -> str:
    return os.environ.get("SSCARD_STORE", DEFAULT_STORE)


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """Open (or create) the store; a locked, unreadable or foreign folder is a StoreError that says so.

    A new store is created beside its place and moved there once RocksDB has written it, so a
    build killed while creating it leaves either no store or a whole (empty) one. A folder that
    holds anything but a store is never written to: RocksDB would add its files among the user's.
    """
    location = Path(path or default_store())
    try:
        if not is_store(location):
            if read_only:
                raise StoreError(f"{location}: no store here; run `sscard-kg build PATH --store {location}` first")
            _refuse_foreign(location)
            _create(location)
        return Store.read_only(str(location)) if read_only else Store(str(location))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(f"{location}: store busy: another sscard-kg process is using it; "
                             "try again when it is done") from None
        raise StoreError(f"{location}: cannot open the store: {exc.strerror or exc}") from None
    except RuntimeError as exc:
        raise StoreError(f"{location}: not a usable store ({exc}); build into a new folder") from None


def is_store(location: Path) -> bool:
    """A folder RocksDB has written a store in: it names its current manifest in CURRENT."""
    return (location / "CURRENT").is_file() and any(location.glob("MANIFEST-*"))


def _refuse_foreign(location: Path) -> None:
    """Anything at `location` but nothing or an empty folder is the user's, not a store."""
    if location.is_dir():
        if any(location.iterdir()):
            raise StoreError(f"{location}: not a store and not empty; name a new or empty folder for the store")
    elif location.exists() or location.is_symlink():
        raise StoreError(f"{location}: a file, not a store folder; name a new or empty folder for the store")


def _create(location: Path) -> None:
    """Write an empty store in a folder of this process's own, then move it into place.

    Another build creating the same store at the same time may win the move: this one's folder is
    then removed and the winner's store opened (busy while the winner builds). A creating folder
    whose process is dead is left from a killed build and removed; a live one is another build's.
    """
    location.parent.mkdir(parents=True, exist_ok=True)
    for stale in location.parent.glob(f".{location.name}.creating-*"):
        if not _alive(stale.name.rpartition("-")[2]):
            shutil.rmtree(stale, ignore_errors=True)
    staging = location.with_name(f".{location.name}.creating-{os.getpid()}")
    try:
        Store(str(staging)).flush()  # dropped at once: RocksDB closes it
        os.rename(staging, location)
    except OSError as exc:
        if exc.errno not in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR) or not is_store(location):
            _refuse_foreign(location)
            raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _alive(pid: str) -> bool:
    """Whether a process of this id runs (one of another user counts: it may be building)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's
        pass
    return True


def article_states(store: Store) -> dict[str, tuple[str | None, str | None]]:
    """{graph IRI: (content hash, extractor version)} of every article graph, in two index scans."""
    states: dict[str, list[str | None]] = {}
    for position, predicate in enumerate(("contentHash", "extractorVersion")):
        for quad in store.quads_for_pattern(None, SS(predicate), None, None):
            if isinstance(quad.graph_name, NamedNode) and quad.subject == quad.graph_name:
                states.setdefault(quad.graph_name.value, [None, None])[position] = quad.object.value
    return {graph: (state[0], state[1]) for graph, state in states.items()}


# Graphs from which a batch is bulk-loaded rather than written one transaction each (a 1k build
# loaded in batches of 8: 10.5 s of CPU; of 16: 6.3 s; one transaction each: 6.7 s; of 100: 2.8 s).
BULK_FROM = 32


def write_graphs(store: Store, graphs: dict[str, bytes], present: Container[str] | None = None) -> None:
    """Write article graphs from their N-Quads: each removed if present, then all loaded; from
    BULK_FROM graphs on in one atomic bulk load, else one transaction each.

    The N-Quads are written from terms pyoxigraph has already checked, in its own N-Triples form
    (`rdf.nquads`), so the parser skips checking them again (`lenient`: about half the parsing time)."""
    for graph in graphs:
        node = NamedNode(graph)
        if graph in present if present is not None else store.contains_named_graph(node):
            store.remove_graph(node)
    if len(graphs) >= BULK_FROM:
        store.bulk_load(b"".join(graphs.values()), format=RdfFormat.N_QUADS, lenient=True)
        return
    for nquads in graphs.values():
        store.load(nquads, format=RdfFormat.N_QUADS, lenient=True)


def bulk_load(store: Store, path: str | os.PathLike, graphs: list[str]) -> None:
    """Bulk-load an N-Quads shard holding whole article graphs, replacing those graphs.

    The bulk loader writes outside transactions, so the graphs are listed in the journal first;
    if the process dies before the journal is cleared, `recover` removes them on the next build.
    """
    nodes = [NamedNode(graph) for graph in graphs]
    store.extend([Quad(JOURNAL, SS("pendingGraph"), node, JOURNAL) for node in nodes])
    store.flush()
    for node in nodes:
        if store.contains_named_graph(node):
            store.remove_graph(node)
    store.bulk_load(path=str(path), format=RdfFormat.N_QUADS)
    store.flush()
    store.remove_graph(JOURNAL)


def recover(store: Store) -> list[str]:
    """Remove the graphs of a bulk load that was interrupted; they are rebuilt as new."""
    pending = [quad.object for quad in store.quads_for_pattern(JOURNAL, SS("pendingGraph"), None, JOURNAL)]
    for node in pending:
        store.remove_graph(node)
    if pending or store.contains_named_graph(JOURNAL):
        store.remove_graph(JOURNAL)
    return [node.value for node in pending]


def remove_unfinished_bulk_files(location: Path) -> None:
    """Remove the table files a killed bulk load wrote and never committed (Oxigraph names them
    `bulk-*.sst` in the store's folder): nothing reads them. Called with the store open for
    writing, so no other process is loading."""
    for leftover in location.glob("bulk-*.sst"):
        leftover.unlink(missing_ok=True)


def ensure_reference(store: Store, version: str) -> None:
    """Load the ontology and gazetteers into the default graph when they changed."""
    marker = list(store.quads_for_pattern(REFERENCE_NODE, SS("extractorVersion"), None, DefaultGraph()))
    if marker and marker[0].object.value == version:
        return
    store.clear_graph(DefaultGraph())
    store.extend(reference_quads() + [Quad(REFERENCE_NODE, SS("extractorVersion"), Literal(version), DefaultGraph())])


def article_graphs(store: Store) -> dict[str, str]:
    """{graph IRI: source key} of every article in the store."""
    return {quad.graph_name.value: quad.object.value
            for quad in store.quads_for_pattern(None, SS("sourceKey"), None, None)
            if isinstance(quad.graph_name, NamedNode)}


class ArticleStore:
    """A store's article graphs as a build or a removal changes them: each article's state, its
    graph written (a batch at a time), bulk-loaded or removed, the figures summary recomputed
    from the states, and the writes flushed to disk.

    Given the extractor version `stamp` (a build), a bulk load a killed build left half done is
    undone and the reference data in the default graph brought to that version first.
    """

    def __init__(self, path: str | os.PathLike | None = None, stamp: str | None = None):
        self.db = open_store(path)
        remove_unfinished_bulk_files(Path(path or default_store()))
        self.stamp = stamp
        if stamp is not None:
            recover(self.db)
            ensure_reference(self.db, stamp)
        self.states = article_states(self.db)   # {graph IRI: (content hash, extractor version)}
        self._wrote = False
        self._flusher: ThreadPoolExecutor | None = None
        self._flushing: Future | None = None

    def current_hash(self, graph: str) -> str | None:
        """The content hash of the article's graph if this extractor version made it, else None."""
        content_hash, made_by = self.states.get(graph, (None, None))
        return content_hash if made_by == self.stamp else None

    def keys(self) -> dict[str, str]:
        """{graph IRI: source key} of every article."""
        return article_graphs(self.db)

    def reread(self) -> None:
        """Read the states again, after graphs were written."""
        self.states = article_states(self.db)

    def write(self, graphs: dict[str, bytes]) -> None:
        """Write a batch of article graphs ({graph IRI: N-Quads}), replacing those the store holds."""
        if graphs:
            write_graphs(self.db, graphs, present=self.states)
            self._wrote = True

    def bulk_load(self, shard: str | os.PathLike, graphs: list[str]) -> None:
        bulk_load(self.db, shard, graphs)

    def remove(self, graphs: Iterable[str]) -> None:
        """Remove these article graphs, in this order."""
        for graph in graphs:
            self.db.remove_graph(NamedNode(graph))
            self.states.pop(graph, None)

    def refresh_summary(self) -> bool:
        """Recompute the figures summary unless it already summarises the states."""
        from .summary import refresh

        return refresh(self.db, self.states)

    def flush_behind(self) -> None:
        """Flush what has been written in a background thread (pyoxigraph lets go of the GIL):
        the last graphs reach disk while the summary is computed."""
        if self._flusher is None:
            if not self._wrote:
                return
            self._flusher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sscard-flush")
        self._flushing = self._flusher.submit(self.db.flush)

    def flush(self) -> None:
        """Wait for the flush in the background, then flush what came after it."""
        if self._flushing is not None:
            self._flushing.result()
        self.db.flush()

    def close(self) -> None:
        """Let go of the flushing thread (a flush under way still completes)."""
        if self._flusher is not None:
            self._flusher.shutdown(wait=False)
            self._flusher = None


def unheld(values: dict[str, Literal], path: str | os.PathLike | None = None) -> dict[str, Literal]:
    """The values that no graph of the store holds: a parameter bound to one matches nothing,
    most likely misspelt (one index lookup each)."""
    db = open_store(path, read_only=True)
    return {name: value for name, value in values.items()
            if next(db.quads_for_pattern(None, None, value, None), None) is None}


@dataclass
class StoreStats:
    """What a store holds: its articles, their figures by metric, its graphs, its size on disk."""

    articles: int
    figures: dict[str, int]   # {metric notation, or "(change)", "(target)", "(no metric)": count}
    graphs: int               # named graphs: one per article, and the figures summary
    size: int                 # bytes of the store's files
    last_written: float       # when a build last wrote it (seconds since the epoch)


FIGURES_BY_METRIC = """
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?kind ?metric (COUNT(?m) AS ?count) WHERE {
  GRAPH ?g { ?m a ss:Measurement ; ss:kind ?kind . OPTIONAL { ?m ss:metric/skos:notation ?metric } }
} GROUP BY ?kind ?metric
"""


def stats(path: str | os.PathLike | None = None) -> StoreStats:
    """Count a store's articles, figures (levels by metric; changes and targets apart) and graphs."""
    location = Path(path or default_store())
    files = [item.stat() for item in location.iterdir() if item.is_file()] if is_store(location) else []
    db = open_store(location, read_only=True)
    figures: dict[str, int] = {}
    for row in db.query(FIGURES_BY_METRIC):
        name = _figure_group(row["kind"].value.rpartition("#")[2].lower(), row["metric"])
        figures[name] = figures.get(name, 0) + int(row["count"].value)
    return StoreStats(articles=len(article_graphs(db)), figures=dict(sorted(figures.items())),
                      graphs=sum(1 for _ in db.named_graphs()), size=sum(item.st_size for item in files),
                      last_written=max((item.st_mtime for item in files), default=0.0))


def _figure_group(kind: str, metric: Literal | None) -> str:
    """A level counts under its metric; a change or a target, which a named query keeps apart, under its kind."""
    if kind != "level":
        return f"({kind})"
    return metric.value if metric is not None else "(no metric)"
