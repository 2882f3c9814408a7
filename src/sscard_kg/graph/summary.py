"""The figures summary: one node per metric, region, date and unit, recomputed when the articles change;
and beside it, in the same graph, each article's rank in the order of its file name.

time-series, latest-figures and conflicting-figures read the summary instead of every measurement, so
they answer in milliseconds however many articles repeat a figure. The contract queries order their
rows by the rank (`ss:fileRank`, an integer: one per article) where they would order by the file
name: Oxigraph 0.5 reads a long string back from its dictionary at every comparison of a sort, which
made the sort of a whole store's rows the larger part of its answer (and grow as n log n).

A build recomputes both (one SPARQL update, queries/figures.ru, then the ranks) when the article
graphs differ from those it last summarised, which it records as a digest of their content hashes
and versions and of the update's text; a build killed before that leaves the digest stale, and the
next build, even one with nothing to extract, recomputes it.
"""

from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad, Store

from ..resources import QUERIES_DIR
from .rdf import BASE, SS

FIGURES = NamedNode(BASE + "figures")
UPDATE = QUERIES_DIR / "figures.ru"
FILE_RANK = SS("fileRank")
RANKS = "file ranks 1"  # in the digest: a store summarised before the ranks gets them at its next build


def digest(states: dict[str, tuple[str | None, str | None]]) -> str:
    """A digest of {article graph: (content hash, extractor version)} and of the update that
    summarises them: equal exactly when they are, so a summary a store kept from an older
    version of the update (one that let impossible values through) is recomputed."""
    lines = sorted(f"{graph} {content} {made_by}" for graph, (content, made_by) in states.items())
    lines.append(hashlib.sha256(UPDATE.read_bytes()).hexdigest())
    lines.append(RANKS)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def summarised(store: Store) -> str | None:
    """The digest of the article graphs the summary was computed from, or None if there is none."""
    for quad in store.quads_for_pattern(FIGURES, SS("summarizes"), None, FIGURES):
        return quad.object.value
    return None


def refresh(store: Store, states: dict[str, tuple[str | None, str | None]]) -> bool:
    """Recompute the summary unless it already summarises `states`; True when it was recomputed.

    The digest is written after the summary, so a summary without it is never taken as current.
    """
    current = digest(states)
    if summarised(store) == current:
        return False
    store.update(UPDATE.read_text(encoding="utf-8"))
    store.extend(file_ranks(store) + [Quad(FIGURES, SS("summarizes"), Literal(current), FIGURES)])
    return True


def file_ranks(store: Store) -> list[Quad]:
    """Each article's rank (from 1) in the order of its file name (`ss:sourceFile`, compared as
    SPARQL compares strings: by code point), then of its graph IRI, which two files of one name
    in two folders do not share; in the figures graph."""
    files = sorted((quad.object.value, quad.graph_name.value)
                   for quad in store.quads_for_pattern(None, SS("sourceFile"), None, None)
                   if isinstance(quad.graph_name, NamedNode) and quad.subject == quad.graph_name)
    return [Quad(NamedNode(graph), FILE_RANK, Literal(rank), FIGURES) for rank, (_, graph) in enumerate(files, 1)]
