"""Exports of the store for other graph tools, byte-identical for the same store.

An export holds the article graphs as stored and, unless asked not to (`standard_terms=False`),
the same facts in standard vocabularies: what `queries/standard-view.rq` derives (a measurement
as a schema:Observation, a role as a schema:OrganizationRole, evidence as a Web Annotation with
text selectors), each triple in the article graph of the fact it describes. The store keeps only
the ss: graph, so this costs nothing until an export or a query asks for it; the one definition
of the mapping is that query, which the SPARQL endpoint and `sscard-kg query standard-view` run
as they are. JSON-LD is compacted with the Turtle prefixes as its @context.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, parse, serialize

from ..graph.rdf import BASE, PREFIXES
from ..graph.store import open_store

FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}
# The stored graph's prefixes, and those of the standard view, of the reference data's keys and of
# the project's other IRIs (the figures graph and its figures).
EXPORT_PREFIXES = {
    **PREFIXES,
    "id": BASE,
    "oa": "http://www.w3.org/ns/oa#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
}
STANDARD_VIEW = "standard-view"
ARTICLE = BASE + "article/"


def export(fmt: str, store: str | None = None, include_reference: bool = False,
           standard_terms: bool = True) -> bytes:
    """Every article graph (and, on request, the ontology and gazetteers) in one format.

    Turtle and N-Triples carry no graphs: the article graphs are merged. Quads are sorted by graph,
    then subject, so the same store always gives the same bytes and TriG and JSON-LD write each
    graph (and each subject in it) once instead of once per quad. With `standard_terms` each
    article graph also holds its facts in schema.org and Web Annotation terms (`standard_view`).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    db = open_store(store, read_only=True)
    quads = [q for q in db if include_reference or not isinstance(q.graph_name, DefaultGraph)]
    if standard_terms:
        quads += standard_view(db)
    return _serialized(quads, FORMATS[fmt])


def standard_view(db) -> list[Quad]:
    """The triples `queries/standard-view.rq` derives from an open store, as quads: each in the
    article graph of the node it describes or points to (a measurement's observation, an
    evidence span's selectors), and one about a shared node (a metric's name, a region's type)
    in every article graph whose view points to that node."""
    from .query import resolve

    placed: list[Quad] = []
    loose = []
    graphs_of: dict = defaultdict(set)
    graphs: dict[str, NamedNode] = {}  # article key → its graph's name, made once
    for triple in db.query(resolve(STANDARD_VIEW)):
        graph = _article_graph(triple.subject, graphs) or _article_graph(triple.object, graphs)
        if graph is None:
            loose.append(triple)
            continue
        placed.append(Quad(triple.subject, triple.predicate, triple.object, graph))
        graphs_of[triple.subject].add(graph)
        graphs_of[triple.object].add(graph)
    for triple in loose:
        for graph in graphs_of.get(triple.subject) or graphs_of.get(triple.object) or {DefaultGraph()}:
            placed.append(Quad(triple.subject, triple.predicate, triple.object, graph))
    return placed


def _article_graph(term, graphs: dict[str, NamedNode]) -> NamedNode | None:
    """The article graph an IRI belongs to: the article's own, or a node minted under it."""
    if not isinstance(term, NamedNode) or not term.value.startswith(ARTICLE):
        return None
    key = term.value[len(ARTICLE):].split("/", 1)[0]
    graph = graphs.get(key)
    if graph is None:
        graph = graphs[key] = NamedNode(ARTICLE + key)
    return graph


def reformat(turtle: bytes, fmt: str) -> bytes:
    """A graph a CONSTRUCT or DESCRIBE answered (in Turtle, as `query` gives it) in one of the
    export formats, sorted the same way."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _serialized(list(parse(turtle, format=RdfFormat.TURTLE)), FORMATS[fmt])


def _serialized(quads: list, rdf_format: RdfFormat) -> bytes:
    quads = sorted(set(quads), key=_quad_key)
    if rdf_format in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES):
        triples = sorted({q.triple for q in quads}, key=str)
        return serialize(triples, format=rdf_format, **_prefixes(rdf_format))
    written = serialize(quads, format=rdf_format, **_prefixes(rdf_format))
    return compact_jsonld(written) if rdf_format == RdfFormat.JSON_LD else written


def _quad_key(quad) -> tuple[str, str, str, str]:
    return str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object)


def _prefixes(rdf_format: RdfFormat) -> dict:
    return {"prefixes": EXPORT_PREFIXES} if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}


def compact_jsonld(expanded: bytes) -> bytes:
    """JSON-LD as pyoxigraph writes it (expanded: full IRIs everywhere), compacted with the Turtle
    prefixes as its @context: `ss:value` for the IRI, `@type` for rdf:type, a plain string for a
    string literal, a JSON number or boolean for a canonical xsd:integer or xsd:boolean, a lone
    value without its array. A JSON-LD processor reads back the same quads."""
    document = {"@context": EXPORT_PREFIXES, "@graph": [_compact(node) for node in json.loads(expanded)]}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


def _compact(node):
    if isinstance(node, list):
        items = [_compact(item) for item in node]
        return items[0] if len(items) == 1 else items
    if not isinstance(node, dict):
        return node
    if "@value" in node:
        return _literal(node)
    types = node.get(_RDF_TYPE)
    if types and all(set(t) == {"@id"} for t in types):
        node = {("@type" if key == _RDF_TYPE else key): value for key, value in node.items()}
        node["@type"] = [t["@id"] for t in types]
    compacted = {}
    for key, value in node.items():
        if key in ("@id", "@type"):
            iris = [_compact_iri(iri) for iri in (value if isinstance(value, list) else [value])]
            compacted[key] = iris[0] if len(iris) == 1 else iris
        elif key == "@graph":
            compacted[key] = [_compact(item) for item in value]
        else:
            compacted[_compact_iri(key)] = _compact(value)
    return compacted


def _literal(node: dict):
    """A literal: a JSON string, number or boolean where JSON-LD reads that back as the same literal."""
    kind, text = node.get("@type"), node["@value"]
    if set(node) == {"@value"}:
        return text
    if kind in _NATIVE:
        value = _NATIVE[kind](text)
        if value is not None:
            return value
    return {key: (_compact_iri(value) if key == "@type" else value) for key, value in node.items()}


def _compact_iri(iri: str) -> str:
    """`prefix:rest` for the longest prefix the IRI starts with; keywords and other IRIs as they are."""
    for prefix, namespace in _BY_LENGTH:
        rest = iri[len(namespace):]
        if iri.startswith(namespace) and rest and not rest.startswith("//"):
            return f"{prefix}:{rest}"
    return iri


_BY_LENGTH = sorted(EXPORT_PREFIXES.items(), key=lambda item: -len(item[1]))
_RDF_TYPE = EXPORT_PREFIXES["rdf"] + "type"
# Literals JSON writes natively and JSON-LD reads back as the same literal (canonical forms only;
# integers JSON readers hold exactly).
_NATIVE = {
    EXPORT_PREFIXES["xsd"] + "integer":
        lambda text: int(text) if re.fullmatch(r"0|-?[1-9][0-9]{0,14}", text) else None,
    EXPORT_PREFIXES["xsd"] + "boolean": {"true": True, "false": False}.get,
}
