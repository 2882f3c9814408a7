"""The Oxigraph store on disk: reference data in the default graph, one named graph per article.

Each article graph is replaced in its own transactions (remove, then add), so a build killed at
any moment leaves every article either whole or absent, and a re-run finishes the rest.
"""

from __future__ import annotations

import os
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from .errors import StoreError
from .rdf import BASE, SS, reference_quads

DEFAULT_STORE = "sscard-store"
REFERENCE_NODE = NamedNode(BASE + "reference")


def default_store() -> str:
    return os.environ.get("SSCARD_STORE", DEFAULT_STORE)


def open_store(path: str | os.PathLike | None = None, read_only: bool = False) -> Store:
    """Open (or create) the store; a locked or unreadable store is a StoreError that says so."""
    location = Path(path or default_store())
    try:
        if read_only:
            if not location.exists():
                raise StoreError(f"{location}: no store here; run `sscard-kg build PATH --store {location}` first")
            return Store.read_only(str(location))
        location.mkdir(parents=True, exist_ok=True)
        return Store(str(location))
    except OSError as exc:
        hint = " (is another sscard-kg process using it?)" if "lock" in str(exc).lower() else ""
        raise StoreError(f"{location}: cannot open the store: {exc}{hint}") from None


def graph_state(store: Store, graph: NamedNode) -> tuple[str | None, str | None]:
    """(content hash, extractor version) recorded in an article graph, or (None, None)."""
    def first(predicate: str) -> str | None:
        for quad in store.quads_for_pattern(graph, SS(predicate), None, graph):
            return quad.object.value
        return None

    return first("contentHash"), first("extractorVersion")


def replace_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> None:
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    store.extend(quads)


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
