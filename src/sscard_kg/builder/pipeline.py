"""The whole pipeline as one library call: read → clean → extract → graph → validate → store.

`build()` is what the CLI, the tests and the benchmarks call, in three steps:
- `plan`: this process reads and hashes each file and looks its hash up in the store: an
  unchanged article (same content hash, same extractor and reference-data version) costs no more;
- `run`: the others are extracted and validated in batches (batch.py) here, by worker processes
  or by tasks on a Dask cluster (dask.py);
- `load`: this process alone writes to the store (graph/store.ArticleStore), whole article
  graphs a batch at a time, each batch atomic, so a build killed at any moment loses at most the
  articles not yet written and a re-run finishes the rest. Whatever the number of workers, the
  store ends the same. Last, the figures summary is recomputed if the article graphs changed
  (graph/summary.py).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Limits
from ..errors import ArticleError, ExtractionError, SourceError, SscardError
from ..read.sources import SourceRef, collect, read_file
from .batch import ArticleReport, Outcome, Task, run_batch

if TYPE_CHECKING:
    from ..graph.store import ArticleStore

__all__ = ["ArticleReport", "BuildResult", "build", "remove"]

# Articles per worker task, validated in one pyshacl call: bigger calls cost less per article but
# hold more memory and leave the workers less evenly loaded (3k articles: 100 beat 50 and 200).
MAX_BATCH = 100
MIN_BATCH = 8   # below this, pyshacl's cost per call outweighs an even finish
# Fewer articles than this to extract are not worth starting workers for (about 1.5 s to start and
# warm up a pool, against 10-15 ms an article); $SSCARD_IN_PROCESS_BELOW, read by each build, overrides it.
IN_PROCESS_BELOW = 64
READ_AHEAD_BYTES = 256 << 20   # file bytes kept for the workers; beyond, they read the files themselves
# N-Quads bytes gathered before they are written: ~125 articles, a bulk load's fixed cost
# (graph/store.BULK_FROM) spread thin, and little left to write once the workers are done.
WRITE_EVERY = 8 << 20
EXECUTORS = ("local", "dask")


@dataclass
class BuildResult:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[ArticleError] = field(default_factory=list)   # each unpacks as (location, reason)
    pruned: list[str] = field(default_factory=list)
    prune_refused: str | None = None   # why nothing was pruned, when pruning was asked for and refused
    reports: list[ArticleReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, outcome: Outcome, reports: bool = True) -> None:
        """Record one article's outcome: failed, unchanged, or built (with its report)."""
        if outcome.error:
            self.failed.append(outcome.error)
        elif outcome.unchanged:
            self.unchanged.append(outcome.location)
        else:
            self.built.append(outcome.location)
            if reports and outcome.report:
                self.reports.append(outcome.report)

    def sort(self) -> None:
        """Each list in order, whatever order the articles were done in."""
        for items in (self.built, self.unchanged, self.pruned):
            items.sort()
        self.failed.sort(key=lambda failure: (failure.location, failure.reason))
        self.reports.sort(key=lambda r: r.source)


def build(paths: Iterable[str], store: str | None = None, workers: int | None = None, prune: bool = False,
          progress: Callable[[str, int, int], None] | None = None, *, executor: str = "local",
          scheduler: str | None = None, shards: str | None = None, max_bytes: int | None = None,
          url_timeout: float | None = None, reports: bool = True, article_timeout: float | None = None,
          allow_private_urls: bool | None = None) -> BuildResult:
    """Build every article under `paths` into the store; returns what was built, unchanged, failed, pruned.

    `workers` is the number of extraction processes (default: the core count); `executor="dask"`
    runs extraction on the Dask cluster at `scheduler` instead and bulk-loads the N-Quads shards
    it writes (into `shards`, a temporary folder by default). `max_bytes`, `url_timeout` (for a
    whole fetch, redirects included), `article_timeout` (to read and extract one article: past
    it the article fails and the build goes on) and `allow_private_urls` (fetch from loopback,
    private and link-local addresses) override the source limits for this build.
    """
    from ..graph.store import default_store

    if executor not in EXECUTORS:
        raise SscardError(f"unknown executor {executor!r}: use one of {', '.join(EXECUTORS)}")
    if executor == "dask" and not scheduler:
        raise SscardError("the dask executor needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    result = BuildResult()
    limits = Limits.current(max_bytes, url_timeout, article_timeout, allow_private_urls)
    in_process_below = int(os.environ.get("SSCARD_IN_PROCESS_BELOW", IN_PROCESS_BELOW))
    paths = list(paths)
    refs = _unique(collect(paths), result)
    listed_all = not result.failed  # so far, the failures are the paths that could not be listed
    workers = max(1, workers or os.cpu_count() or 1)
    warm_at = in_process_below if executor == "local" and workers > 1 else None
    if warm_at is not None and len(refs) >= warm_at and not Path(store or default_store()).exists():
        _start_fork_server()  # a new store: every article is to be extracted

    # The extractor's modules take ~0.15 s to import: they come once the fork server is on its way.
    from ..extract.extract import version
    from ..graph.store import ArticleStore

    articles = ArticleStore(store, version())
    try:
        todo = plan(refs, articles, limits, result, warm_at)
        local = executor == "local" and (workers == 1 or len(todo) < in_process_below)
        total, done = len(todo), 0

        def settle(outcome: Outcome) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(outcome.location, done, total)
            result.add(outcome, reports)

        batches = run(todo, articles.stamp, limits, workers=1 if local else workers, local=local,
                      scheduler=scheduler if executor == "dask" else None, shards=shards)
        load(batches, articles, settle)
        _tidy(articles, result, paths, prune, listed_all)
    finally:
        articles.close()
    result.sort()
    return result


def plan(refs: list[SourceRef], articles: ArticleStore, limits: Limits, result: BuildResult,
         warm_at: int | None = None) -> list[Task]:
    """The articles to extract. A file is read and hashed here: one whose bytes this extractor
    version has built is unchanged, one that cannot be read fails, the others are tasks, with
    their bytes while those read ahead stay under READ_AHEAD_BYTES. A URL is a task that knows
    the hash the store holds, for the worker to compare once it has fetched the page. At
    `warm_at` tasks, the workers' fork server is started while the rest is read."""
    from ..graph.rdf import article_iri

    todo: list[Task] = []
    kept = 0
    for ref in refs:
        if len(todo) == warm_at:  # workers will be needed: their fork server imports the extractor
            _start_fork_server()
        current = articles.current_hash(article_iri(ref.key).value)
        if ref.is_url:
            todo.append(Task(ref, known_hash=current))
            continue
        try:
            data = read_file(ref.location, limits.max_bytes)
        except SourceError as exc:  # kept as a copy: its traceback would hold the build's frame, and the store, open
            result.failed.append(SourceError(exc.location, exc.reason))
            continue
        if current is not None and _sha256(data) == current:
            result.unchanged.append(ref.location)
            continue
        keep = kept + len(data) <= READ_AHEAD_BYTES
        kept += len(data) if keep else 0
        todo.append(Task(ref, data if keep else None))
    return todo


def run(todo: list[Task], stamp: str, limits: Limits, *, workers: int, local: bool, scheduler=None,
        shards: str | None = None) -> Iterator[tuple[list[Outcome], Path | None]]:
    """Extract the tasks in batches: here, in `workers` processes, or on the Dask cluster at
    `scheduler`. Yields the outcomes as they come, with the N-Quads shard a cluster wrote for them
    (None: each outcome carries its graph's N-Quads)."""
    chunks = [todo[a:b] for a, b in _chunks_for(len(todo), workers, spread=not local)]
    todo.clear()  # the chunks hold the tasks (and the bytes read ahead) until their outcomes are in
    if scheduler is not None:
        yield from _on_dask(chunks, stamp, limits, scheduler, shards)
        return
    runner = _in_process if local else _in_workers
    for outcome in runner(chunks, stamp, limits, workers):
        yield [outcome], None


def load(batches: Iterable[tuple[list[Outcome], Path | None]], articles: ArticleStore,
         settle: Callable[[Outcome], None]) -> None:
    """Write the article graphs into the store as their outcomes come in, gathered into batches of
    WRITE_EVERY bytes (a cluster's shard in one bulk load), and settle each outcome once its graph
    is written (one with no graph at once); the last writes reach disk in the background while the
    build finishes."""
    gathered: dict[str, Outcome] = {}
    size = 0
    for outcomes, shard in batches:
        if shard is not None:
            graphs = [o.graph for o in outcomes if o.graph and not o.error]
            if graphs:
                articles.bulk_load(shard, graphs)
            ready = outcomes
        else:
            ready = []
            for outcome in outcomes:
                if outcome.nquads is None or outcome.error:
                    ready.append(outcome)
                else:
                    gathered[outcome.graph] = outcome
                    size += len(outcome.nquads)
            if size >= WRITE_EVERY:
                ready += _write(articles, gathered)
                gathered, size = {}, 0
        for outcome in ready:
            settle(outcome)
    for outcome in _write(articles, gathered):
        settle(outcome)
    articles.flush_behind()


def _write(articles: ArticleStore, gathered: dict[str, Outcome]) -> list[Outcome]:
    """Write the gathered graphs in one batch; returns their outcomes, to settle."""
    articles.write({graph: outcome.nquads for graph, outcome in gathered.items()})
    return list(gathered.values())


def _tidy(articles: ArticleStore, result: BuildResult, paths: list[str], prune: bool, listed_all: bool) -> None:
    """After the load: drop the graphs a new one superseded, prune (when asked, and only when every
    path could be listed), recompute the figures summary, and flush."""
    keys = articles.keys() if result.built or prune else {}
    if result.built:
        articles.reread()
        superseded = _superseded(keys, articles.states)
        articles.remove(superseded)
        for graph in superseded:
            del keys[graph]
    if prune and not listed_all:
        result.prune_refused = "not every path could be listed"
    elif prune:
        folders = _named_folders(paths)
        gone = {graph: key for graph, key in sorted(keys.items()) if _gone_from(key, folders)}
        articles.remove(gone)
        result.pruned.extend(gone.values())
    articles.refresh_summary()
    articles.flush()


def remove(sources: Iterable[str], store: str | None = None) -> list[str]:
    """Remove the graphs of the articles named (files by any path that reaches them, or URLs)
    and recompute the figures summary; returns their source keys. An article the store does not
    hold is a StoreError naming it, and nothing is removed."""
    from ..errors import StoreError
    from ..graph.rdf import article_iri
    from ..graph.store import ArticleStore
    from ..read.sources import is_url, source_key, without_credentials

    keys = [without_credentials(item) if is_url(item) else source_key(item) for item in sources]
    articles = ArticleStore(store)
    try:
        graphs = {key: article_iri(key).value for key in keys}
        missing = [key for key, graph in graphs.items() if graph not in articles.states]
        if missing:
            raise StoreError(f"{missing[0]}: no such article in the store; nothing removed")
        articles.remove(graphs.values())
        articles.refresh_summary()
        articles.flush()
    finally:
        articles.close()
    return list(graphs)


def _on_dask(chunks: list[list[Task]], stamp: str, limits: Limits, scheduler, shards: str | None
             ) -> Iterator[tuple[list[Outcome], Path | None]]:
    """The chunks run on the cluster, whose shards are written to `shards` (by default a
    temporary folder, removed when the last is loaded)."""
    from .dask import run_on_dask

    shard_dir = Path(shards) if shards else Path(tempfile.mkdtemp(prefix="sscard-shards-"))
    try:
        yield from run_on_dask(chunks, stamp, limits, scheduler, shard_dir)
    finally:
        if not shards:
            shutil.rmtree(shard_dir, ignore_errors=True)


def _chunks_for(count: int, workers: int, spread: bool = True) -> list[tuple[int, int]]:
    """Batches of at most MAX_BATCH. Spread over workers, each is a quarter of a worker's share of
    what is left, down to MIN_BATCH: a slow article does not idle the rest, and the last batches,
    small, end about together and leave the writer little to do once the workers are done."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < count:
        left = count - start
        size = max(min(MIN_BATCH, left), min(MAX_BATCH, math.ceil(left / (workers * 4)))) if spread else MAX_BATCH
        bounds.append((start, min(start + size, count)))
        start += size
    return bounds


def _unique(items: Iterable[SourceRef | SourceError], result: BuildResult) -> list[SourceRef]:
    """Each source once: a file reached twice, by any path, is read once."""
    refs: list[SourceRef] = []
    keys: set[str] = set()
    for item in items:
        if isinstance(item, SourceError):
            result.failed.append(item)
        elif item.key not in keys:
            keys.add(item.key)
            refs.append(item)
    return refs


def _superseded(keys: dict[str, str], states: dict[str, tuple[str | None, str | None]]) -> list[str]:
    """Graphs a store made before an article was its file's path keep a key relative to the folder
    named then (`corpus/a.txt`); each one whose bytes the store now holds under a path ending so
    is the same article twice, and goes. One whose file changed since stays: nothing says which."""
    def content(graph: str) -> str | None:
        return states.get(graph, (None, None))[0]

    old = {graph: key for graph, key in keys.items() if not os.path.isabs(key) and content(graph)}
    if not old:
        return []
    held = {(content(graph), tail) for graph, key in keys.items() if os.path.isabs(key) for tail in _tails(key)}
    return sorted(graph for graph, key in old.items() if (content(graph), key) in held)


def _tails(path: str) -> Iterator[str]:
    """`/a/b/c.txt` → `c.txt`, `b/c.txt`, `a/b/c.txt`: the relative keys it could have had."""
    parts = path.split(os.sep)
    for start in range(len(parts) - 1, 0, -1):
        yield "/".join(parts[start:])


def _named_folders(paths: list[str]) -> tuple[str, ...]:
    """The folders named among `paths`, each as a prefix of the source keys of the files under it."""
    return tuple(os.path.join(os.path.realpath(path), "") for path in paths
                 if not path.startswith(("http://", "https://")) and os.path.isdir(path))


def _gone_from(key: str, folders: tuple[str, ...]) -> bool:
    """Whether an article's file lay under one of `folders` and is gone: only those are pruned
    (never a URL, nor an article of a folder not named, nor one whose file is still there)."""
    return key.startswith(folders) and not os.path.lexists(key)


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _in_process(chunks: list[list[Task]], stamp: str, limits: Limits, workers: int) -> Iterator[Outcome]:
    """Run the chunks here, one after another, letting go of each once it is done."""
    chunks.reverse()
    while chunks:
        yield from run_batch(chunks.pop(), stamp, limits)


def _in_workers(chunks: list[list[Task]], stamp: str, limits: Limits, workers: int) -> Iterator[Outcome]:
    """Run the chunks on a process pool, a few in flight per worker; results as they complete.

    If a worker dies (out of memory, a crash in native code), the chunks it held are retried one
    article per task in a new pool, and an article that kills a worker again is reported failed.
    """
    from .batch import init_worker, run_worker_batch

    context = _worker_context()
    queue = [(chunk, False) for chunk in reversed(chunks)]
    chunks.clear()  # a chunk's tasks are let go once its outcomes are in
    while queue:
        broken: list[tuple[list[Task], bool]] = []
        with ProcessPoolExecutor(max_workers=min(workers, len(queue)), mp_context=context,
                                 initializer=init_worker, initargs=(os.getpid(),)) as pool:
            running = {}
            while queue or running:
                while queue and len(running) < workers * 2 and not broken:
                    chunk, alone = queue.pop()
                    try:
                        running[pool.submit(run_worker_batch, chunk, stamp, limits)] = (chunk, alone)
                    except BrokenProcessPool:
                        broken.append((chunk, alone))
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk, alone = running.pop(future)
                    try:
                        yield from future.result()
                    except BrokenProcessPool:
                        broken.append((chunk, alone))
        for chunk, alone in broken:
            if alone:
                task = chunk[0]
                yield Outcome(task.ref.location, task.ref.key, error=ExtractionError(
                    task.ref.location, "the worker process extracting it died (out of memory, or a crash)"))
            else:
                queue.extend(([task], True) for task in chunk)


def _worker_context():
    """Workers are forked from a server that has imported the extractor and its tables once."""
    import multiprocessing

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(["sscard_kg.builder.batch", "sscard_kg.extract.extract", "sscard_kg.graph.rdf",
                                        "sscard_kg.graph.validate", "pyshacl", "sscard_kg.builder.preload"])
    return context


def _start_fork_server() -> None:
    """Start the workers' fork server now: it loads in its own process, for ~1.5 s."""
    if _worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
