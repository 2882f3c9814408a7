"""Exports of the store for other graph tools, byte-identical for the same store."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, RdfFormat, parse, serialize

from ..graph.rdf import PREFIXES
from ..graph.store import open_store

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}


def export(fmt: str, store: str | None = None, include_reference: bool = False) -> bytes:
    """Every article graph (and, on request, the ontology and gazetteers) in one format.

    Turtle and N-Triples carry no graphs: the article graphs are merged. Quads are sorted by graph,
    then subject, so the same store always gives the same bytes and TriG and JSON-LD write each
    graph (and each subject in it) once instead of once per quad.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    db = open_store(store, read_only=True)
    quads = [q for q in db if include_reference or not isinstance(q.graph_name, DefaultGraph)]
    return _serialized(quads, FORMATS[fmt])


def reformat(turtle: bytes, fmt: str) -> bytes:
    """A graph a CONSTRUCT or DESCRIBE answered (in Turtle, as `query` gives it) in one of the
    export formats, sorted the same way."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _serialized(list(parse(turtle, format=RdfFormat.TURTLE)), FORMATS[fmt])


def _serialized(quads: list, rdf_format: RdfFormat) -> bytes:
    quads.sort(key=_quad_key)
    if rdf_format in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES):
        triples = sorted({q.triple for q in quads}, key=str)
        return serialize(triples, format=rdf_format, **_prefixes(rdf_format))
    return serialize(quads, format=rdf_format, **_prefixes(rdf_format))


def _quad_key(quad) -> tuple[str, str, str, str]:
    return str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object)


def _prefixes(rdf_format: RdfFormat) -> dict:
    return {"prefixes": PREFIXES} if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}
