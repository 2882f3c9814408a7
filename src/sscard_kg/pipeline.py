"""The whole pipeline as one library call: sources → clean → extract → facts → RDF → SHACL → store.

`build()` is what the CLI, the tests and the benchmarks call. Extraction runs in worker
processes; this process alone writes to the store, one article graph at a time, validated in
batches. Unchanged articles (same content hash and extractor version) cost a hash and a lookup.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from .errors import SourceError
from .extract import extract, version
from .model import Extraction
from .rdf import article_iri, article_quads
from .sources import SourceRef, collect, read
from .store import article_graphs, ensure_reference, graph_state, open_store, replace_graph
from .validate import validate_graphs

VALIDATION_BATCH = 64


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
class BuildResult:
    built: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    reports: list[ArticleReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def process(ref: SourceRef, stamp: str) -> tuple[str, bytes | None, ArticleReport | None, str | None]:
    """Read, extract and turn one source into N-Quads; errors come back as text, never raised."""
    try:
        article = read(ref)
        _, extraction = extract(article)
        quads = article_quads(extraction, stamp)
        return ref.location, serialize(quads, format=RdfFormat.N_QUADS), _report(extraction), None
    except SourceError as exc:
        return ref.location, None, None, exc.reason
    except Exception as exc:  # an extractor bug must not lose the other articles
        return ref.location, None, None, f"internal error while extracting: {exc.__class__.__name__}: {exc}"


def _report(x: Extraction) -> ArticleReport:
    a = x.article
    return ArticleReport(
        a.source, a.published, a.date_stated, a.language,
        [f"{m.metric or '-'} {m.value} {m.unit} as of {m.as_of or '?'} {m.qualifier or ''} {m.kind}"
         f"{' ' + m.region.rsplit('/', 1)[-1] if m.region else ''} | {m.evidence.quote[:80]}" for m in x.measurements],
        [f"{m.type}: {m.label}{' (' + m.role + ')' if m.role else ''}" for m in x.mentions],
        [f"{s.text!r} at {s.start}: {s.reason}" for s in x.skipped],
    )


def build(paths: Iterable[str], store: str | None = None, workers: int | None = None, prune: bool = False,
          progress: Callable[[str, int, int], None] | None = None) -> BuildResult:
    """Build every article under `paths` into the store; returns what was built, skipped and failed."""
    result = BuildResult()
    db = open_store(store)
    stamp = version()
    ensure_reference(db, stamp)
    refs: list[SourceRef] = []
    seen_keys: set[str] = set()
    for item in collect(list(paths)):
        if isinstance(item, SourceError):
            result.failed.append((item.location, item.reason))
        elif item.key not in seen_keys:
            seen_keys.add(item.key)
            refs.append(item)
    todo = [ref for ref in refs if not _unchanged(db, ref, stamp, result)]
    pending: dict[str, list[Quad]] = {}
    keys = {str(article_iri(ref.key).value): ref for ref in todo}
    done = 0
    for location, nquads, report, error in _run(todo, stamp, workers):
        done += 1
        if progress:
            progress(location, done, len(todo))
        if error:
            result.failed.append((location, error))
            continue
        quads = list(parse(nquads, format=RdfFormat.N_QUADS))
        pending[quads[0].graph_name.value] = quads
        if report:
            result.reports.append(report)
        if len(pending) >= VALIDATION_BATCH:
            _flush(db, pending, keys, result)
    _flush(db, pending, keys, result)
    if prune:
        for graph, key in article_graphs(db).items():
            if key not in seen_keys:
                db.remove_graph(NamedNode(graph))
                result.pruned.append(key)
    db.flush()
    return result


def _unchanged(db, ref: SourceRef, stamp: str, result: BuildResult) -> bool:
    """True when the store already holds this source with the same bytes and extractor version."""
    if ref.is_url:
        return False
    import hashlib

    try:
        with open(ref.location, "rb") as handle:
            content_hash = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return False
    stored_hash, stored_version = graph_state(db, article_iri(ref.key))
    if stored_hash == content_hash and stored_version == stamp:
        result.unchanged.append(ref.location)
        return True
    return False


def _run(todo: list[SourceRef], stamp: str, workers: int | None):
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(todo) < 4:
        for ref in todo:
            yield process(ref, stamp)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process, todo, [stamp] * len(todo), chunksize=4)


def _flush(db, pending: dict[str, list[Quad]], keys: dict[str, SourceRef], result: BuildResult) -> None:
    if not pending:
        return
    problems = validate_graphs(pending)
    for graph in sorted(pending):
        ref = keys[graph]
        if problems[graph]:
            result.failed.append((ref.location, "the graph fails validation: " + "; ".join(problems[graph])))
            continue
        replace_graph(db, NamedNode(graph), pending[graph])
        result.built.append(ref.location)
    pending.clear()
