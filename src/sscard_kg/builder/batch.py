"""Extract a batch of articles into validated N-Quads: what a worker process or a cluster task runs.

Plain data in (where each article comes from, and its bytes when the writer has read them), plain
data out (one `Outcome` per article, a failure as an `ArticleError`); nothing here touches the store. A batch is
validated with one pyshacl call, which costs far less per article than one call each.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..read import sources
from ..config import Limits
from ..errors import ArticleError, ExtractionError, InvalidGraph, SourceError
from ..model import Extraction
from ..read.sources import SourceRef


class _OverBudget(BaseException):
    """Raised in the middle of an article's work when its time is up. Not an Exception, so that
    no `except Exception` on the way (an extractor guarding one sentence) can swallow it."""


@contextmanager
def article_budget(seconds: float) -> Iterator[None]:
    """Interrupt the work inside after `seconds` (SIGALRM, which also stops a long regular
    expression search). Signals reach only the main thread: elsewhere (a Dask worker's task
    thread) the work runs without a budget."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Task:
    """One article to extract: its bytes when already read, and the hash the store holds for it."""

    ref: SourceRef
    data: bytes | None = None
    known_hash: str | None = None


@dataclass
class ArticleReport:
    """What one article gave, for `build --report`."""

    source: str
    published: str | None
    date_stated: bool
    language: str
    measurements: list[str]
    mentions: list[str]
    skipped: list[str]


@dataclass
class Outcome:
    """One article's result: its graph as N-Quads, or why it failed."""

    location: str
    key: str
    graph: str | None = None
    nquads: bytes | None = None
    quads: int = 0
    report: ArticleReport | None = None
    error: ArticleError | None = None
    unchanged: bool = False


def run_batch(tasks: list[Task], stamp: str, limits: Limits | None = None) -> list[Outcome]:
    """Read, extract, turn into quads and validate each task within `limits` (by default, those
    of the environment); never raises for one bad article."""
    from pyoxigraph import NamedNode

    from ..extract.extract import extract, version
    from ..graph.rdf import article_triples, nquads
    from ..graph.validate import validate_graphs

    limits = limits or Limits.current(strict=False)
    if _loaded_version.get("stamp", stamp) != stamp or version() != stamp:
        reason = "the reference data or extractor changed while building; run the build again"
        return [Outcome(t.ref.location, t.ref.key, error=ExtractionError(t.ref.location, reason)) for t in tasks]
    outcomes: list[Outcome] = []
    graphs = {}
    budget = limits.article_timeout
    for task in tasks:
        outcome = Outcome(task.ref.location, task.ref.key)
        outcomes.append(outcome)
        try:
            with article_budget(budget):
                article = (sources.parse_bytes(task.data, task.ref) if task.data is not None
                           else sources.read(task.ref, limits))
                if task.known_hash is not None and article.content_hash == task.known_hash:
                    outcome.unchanged = True
                    continue
                _, extraction = extract(article)
                graph, triples = article_triples(extraction, stamp)
            outcome.graph = graph.value
            outcome.report = report(extraction)
            graphs[outcome.graph] = triples
        except _OverBudget:
            outcome.error = ExtractionError(
                outcome.location, f"took longer than {budget:g} s to read and extract (--article-timeout); skipped")
        except SourceError as exc:
            outcome.error = SourceError(outcome.location, exc.reason)
        except Exception as exc:  # an extractor bug must not lose the other articles
            outcome.error = ExtractionError(
                outcome.location, f"internal error while extracting: {exc.__class__.__name__}: {_one_line(exc)}")
    try:
        problems = validate_graphs(graphs)
    except Exception as exc:
        problems = {graph: [f"the validator failed: {exc.__class__.__name__}: {_one_line(exc)}"] for graph in graphs}
    for outcome in outcomes:
        if outcome.graph is None:
            continue
        if problems.get(outcome.graph):
            outcome.error = InvalidGraph(outcome.location, problems[outcome.graph])
            outcome.graph = outcome.report = None
            continue
        triples = graphs[outcome.graph]
        outcome.nquads = nquads(NamedNode(outcome.graph), triples)
        outcome.quads = len(triples)
    return outcomes


def run_worker_batch(tasks: list[Task], stamp: str, limits: Limits) -> list[Outcome]:
    """`run_batch` in a worker process, whose garbage is collected once per batch (see init_worker).
    What outlives a batch's collection is tables and caches: it is frozen with the rest, so that
    the next collections go only through the objects made since (they went through every cache
    entry made so far: 0.2 -> 0.1 s of the 15 collections of a 1,000-article build's worker)."""
    try:
        return run_batch(tasks, stamp, limits)
    finally:
        gc.collect()
        gc.freeze()


def report(x: Extraction) -> ArticleReport:
    a = x.article
    return ArticleReport(
        a.source, a.published, a.date_stated, a.language,
        [f"{m.metric or '-'} {m.value} {m.unit} as of {m.as_of or '?'} {m.qualifier or ''} {m.kind}"
         f"{' ' + m.region.rsplit('/', 1)[-1] if m.region else ''} | {m.evidence.quote[:80]}" for m in x.measurements],
        [f"{m.type}: {m.label}{' (' + m.role + ')' if m.role else ''}" for m in x.mentions],
        [f"{s.text!r} at {s.start}: {s.reason}" for s in x.skipped],
    )


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else ""


_loaded_version: dict[str, str] = {}
# A figure, an official, and a phrase damaged the way shifted GBK damages it (loads the repair model).
WARM_UP_TEXT = ("人社部新闻发言人卢爱红介绍，截至2023年底，全国社会保障卡持卡人数达13.79亿人，"
                "覆盖97.7%人口，其中9.62亿人领用电子社保卡。全國社??ǔ挚ㄈ藬?shù)達13.79億人。")
# The same in English: its patterns (places, agencies, people, ministers' titles) are others.
WARM_UP_ENGLISH = ("Lu Aihong, spokesperson of the Ministry of Human Resources and Social Security, said that by the "
                   "end of 2023, 1.379 billion people in China held social security cards. The Beijing Municipal "
                   "Human Resources and Social Security Bureau issued 20 million cards.")


def warm_up() -> None:
    """Load what the first article would (dictionaries, reference data, shapes) ahead of time."""
    from ..extract.extract import extract, version
    from ..model import Article
    from ..graph.rdf import article_triples, nquads
    from ..graph.validate import validate_graphs

    stamp = version()
    for text, language in ((WARM_UP_TEXT, "zh-Hans"), (WARM_UP_ENGLISH, "en")):
        article = Article(source="warm-up", source_key="warm-up", raw=text, content_hash="0" * 64,
                          format="text", published="2024-01-24", date_stated=True, language=language)
        graph, triples = article_triples(extract(article)[1], stamp)
        validate_graphs({graph.value: triples})
        nquads(graph, triples)
    _loaded_version["stamp"] = stamp


def init_worker(build_pid: int | None = None) -> None:
    """Initializer of a worker process: leave when the build dies, warm up, and collect garbage
    once a batch.

    The worker's parent is a fork server that outlives a killed build (its workers keep its
    liveness pipe open), so the worker watches the build's process itself.
    """
    watched = build_pid or os.getppid()

    def watch() -> None:  # a worker whose build was killed must not linger
        while True:
            try:
                os.kill(watched, 0)
                with open(f"/proc/{watched}/stat", "rb") as stat:  # a zombie is dead too
                    if stat.read().rsplit(b")", 1)[-1].split()[0] == b"Z":
                        os._exit(1)
            except ProcessLookupError:
                os._exit(1)
            except OSError:
                pass
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True, name="sscard-build-watch").start()
    warm_up()
    # The collector's own schedule (every 700 new objects, and each time through every object
    # left) took ~1 ms an article: the tables loaded so far are never garbage, and a batch's
    # garbage is collected when it is done (run_worker_batch).
    gc.freeze()
    gc.disable()
