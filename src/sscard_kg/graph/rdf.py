"""Facts to quads: one named graph per article, deterministic IRIs, byte-identical Turtle.

Every IRI is derived from stable keys (the source key, a figure's content and offsets), never from
counters or run order; each graph carries the types and labels of what it refers to, so it can be
validated and exported on its own.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from functools import lru_cache

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, serialize

from ..extract.dates_grammar import period_end
from ..extract.gazetteer import load as load_gazetteer
from ..model import Evidence, Extraction, Measurement, Mention, value_key
from ..resources import BASE, NAMESPACES

PREFIXES = {
    **NAMESPACES,
    "region": BASE + "region/",
    "agency": BASE + "agency/",
    "person": BASE + "person/",
    "program": BASE + "program/",
    "metric": BASE + "metric/",
    "article": BASE + "article/",
}


def _ns(prefix: str):
    """IRIs of one vocabulary by local name, each made once (a graph names the same few hundreds of times)."""
    base = PREFIXES[prefix]
    return lru_cache(maxsize=None)(lambda local: NamedNode(base + local))


SS, SCHEMA, PROV, SKOS, XSD, RDF = (_ns(p) for p in ("ss", "schema", "prov", "skos", "xsd", "rdf"))
TYPE = RDF("type")
CLASS_OF = {"agency": SCHEMA("GovernmentOrganization"), "person": SCHEMA("Person"),
            "region": SCHEMA("AdministrativeArea"), "program": SKOS("Concept")}
KIND = {"level": SS("Level"), "change": SS("Change"), "target": SS("Target")}


def digest(*parts: object, size: int = 16) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:size]


def article_iri(source_key: str) -> NamedNode:
    return NamedNode(f"{BASE}article/{digest(source_key)}")


def date_literal(iso: str) -> Literal:
    kind = {10: "date", 7: "gYearMonth", 4: "gYear"}[len(iso)]
    return Literal(iso, datatype=XSD(kind))


def period_first_day(iso: str) -> str:
    """The first day of a year or month (`2020` → `2020-01-01`); a day stays as it is."""
    return iso + {4: "-01-01", 7: "-01", 10: ""}[len(iso)]


def period_days(as_of: str, period_start: str | None) -> tuple[str, str]:
    """The first and last day a figure covers: its period's, or its date's alone.

    `ss:asOf` keeps the precision the article gave (xsd:date, gYearMonth, gYear), which SPARQL
    stores cannot compare across types; these two are always xsd:date.
    """
    return period_first_day(period_start or as_of), period_end(as_of)


def _dated(g: _Graph, node: NamedNode, as_of: str, period_start: str | None = None) -> None:
    """The date at its own precision, and the first and last day it covers as xsd:date."""
    first, last = period_days(as_of, period_start)
    g.add(node, SS("asOf"), date_literal(as_of))
    g.add(node, SS("startDate"), Literal(first, datatype=XSD("date")))
    g.add(node, SS("endDate"), Literal(last, datatype=XSD("date")))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _text(value: str, language: str | None = None) -> Literal:
    clean = _CONTROL.sub(" ", value)
    return Literal(clean, language=language) if language else Literal(clean)


def _entity_iri(key: str) -> NamedNode:
    """Gazetteer keys are IRIs already; people found by pattern get a name-derived IRI."""
    if key.startswith("name:"):
        return NamedNode(f"{BASE}person/{digest(key[5:], size=12)}")
    return NamedNode(key)


class _Graph:
    """Collects the triples of one article graph, each once, in the order they are made, and the
    sort keys of the contract queries' rows each measurement and mentioned entity gives."""

    def __init__(self):
        self.triples: dict[tuple, None] = {}
        self.figures: dict[NamedNode, list[tuple]] = {}
        self.mentioned: dict[NamedNode, list[tuple]] = {}

    def add(self, s, p, o) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None


def article_quads(extraction: Extraction, version: str) -> list[Quad]:
    """All quads of one article's named graph, in the order the extraction gives them."""
    graph, triples = article_triples(extraction, version)
    return [Quad(s, p, o, graph) for s, p, o in triples]


def nquads(graph: NamedNode, triples: list[tuple]) -> bytes:
    """The N-Quads of one graph's triples, in their order. Each term is written as pyoxigraph
    writes it in N-Triples (its `str`), so these are the bytes its serialiser gives, without
    first making a Quad of each triple."""
    name = str(graph)
    return "".join(f"{s} {p} {o} {name} .\n" for s, p, o in triples).encode()


def article_triples(extraction: Extraction, version: str) -> tuple[NamedNode, list[tuple]]:
    """One article's graph name and its (subject, predicate, object) terms, in the order the
    extraction gives them: the same for the same article, so its N-Quads are byte-stable
    without sorting."""
    art = extraction.article
    node = article_iri(art.source_key)
    g = _Graph()
    g.add(node, TYPE, SCHEMA("NewsArticle"))
    g.add(node, SS("sourceFile"), _text(art.source))
    g.add(node, SS("sourceKey"), _text(art.source_key))
    g.add(node, SS("contentHash"), Literal(art.content_hash))
    g.add(node, SS("extractorVersion"), Literal(version))
    g.add(node, SS("format"), Literal(art.format))
    g.add(node, SCHEMA("inLanguage"), Literal(art.language))
    if art.title:
        g.add(node, SCHEMA("headline"), _text(art.title, art.language))
    if art.published:
        g.add(node, SCHEMA("datePublished"), date_literal(art.published))
        g.add(node, SS("dateStated"), Literal(art.date_stated))
    if art.publisher:
        g.add(node, SCHEMA("publisher"), _text(art.publisher))
    if art.url:
        g.add(node, SCHEMA("url"), NamedNode(art.url) if re.match(r"https?://\S+$", art.url) else None)
    gaz = load_gazetteer()
    for mention in extraction.mentions:
        _mention(g, node, mention, art.published)
    for measurement in extraction.measurements:
        _measurement(g, node, measurement, gaz)
    for figure, place in _places(g.figures).items():
        g.add(figure, SS("ordinal"), Literal(place))
    for entity, place in _places(g.mentioned).items():
        g.add(entity, SS("mentionOrdinal"), Literal(place))
    return node, list(g.triples)


def _describe(g: _Graph, iri: NamedNode, kind: str, label: str) -> Literal:
    """Type and label an entity; returns the label as written."""
    written = _text(label, "zh-Hans" if not label.isascii() else "en")
    g.add(iri, TYPE, CLASS_OF[kind])
    g.add(iri, SKOS("prefLabel"), written)
    if kind == "program":
        g.add(iri, SKOS("inScheme"), NamedNode(BASE + "program/scheme"))
    return written


def _mention(g: _Graph, article: NamedNode, mention: Mention, published: str | None) -> None:
    iri = _entity_iri(mention.key)
    g.add(article, SCHEMA("mentions"), iri)
    label = _describe(g, iri, mention.type, mention.label)
    has_role = mention.type == "person" and bool(mention.role)
    # the sort key of its row in queries/mentions.rq: type, label (as SPARQL orders one: text, then language), role
    g.mentioned.setdefault(iri, []).append((mention.type, (label.value, label.language),
                                            _unbound_first(_text(mention.role).value if has_role else None)))
    for name in mention.names:
        if name != mention.label:
            g.add(iri, SKOS("altLabel"), _text(name, "en" if name.isascii() else "zh-Hans"))
    if has_role:
        statement = NamedNode(f"{article.value}/role/{digest(mention.key, mention.role, size=12)}")
        g.add(statement, TYPE, SS("RoleStatement"))
        g.add(statement, SS("person"), iri)
        g.add(statement, SS("roleLabel"), _text(mention.role))
        g.add(statement, SS("statedIn"), article)
        g.add(statement, PROV("wasDerivedFrom"), article)
        if mention.agency:
            g.add(statement, SS("agency"), NamedNode(mention.agency))
        if published:
            _dated(g, statement, published)
        _evidence(g, statement, mention.evidence)


def _evidence(g: _Graph, subject: NamedNode, evidence: Evidence) -> None:
    node = NamedNode(f"{subject.value}/evidence")
    g.add(subject, SS("evidence"), node)
    g.add(node, TYPE, SS("Evidence"))
    g.add(node, SS("start"), Literal(evidence.start))
    g.add(node, SS("end"), Literal(evidence.end))
    g.add(node, SS("quote"), _text(evidence.quote))
    g.add(node, SS("cleanQuote"), _text(evidence.clean_quote))
    if evidence.prefix:
        g.add(node, SS("quotePrefix"), _text(evidence.prefix))
    if evidence.suffix:
        g.add(node, SS("quoteSuffix"), _text(evidence.suffix))


def measurement_iri(article: NamedNode, m: Measurement) -> NamedNode:
    key = (m.metric, value_key(m.value), m.unit, m.kind, m.as_of, m.region, m.evidence.start, m.evidence.end)
    return NamedNode(f"{article.value}/measurement/{digest(*key, size=12)}")


def _measurement(g: _Graph, article: NamedNode, m: Measurement, gaz) -> None:
    node = measurement_iri(article, m)
    g.add(node, TYPE, SS("Measurement"))
    g.add(node, PROV("wasDerivedFrom"), article)
    g.add(node, SS("kind"), KIND[m.kind])
    g.add(node, SS("value"), Literal(value_key(m.value), datatype=XSD("decimal")))
    g.add(node, SS("unit"), Literal(m.unit))
    listed = m.metric if m.metric and m.kind == "level" else None  # a change's or target's metric is not listed
    if m.metric:
        metric = NamedNode(f"{BASE}metric/{m.metric}")
        g.add(node, SS("metric"), metric)
        g.add(metric, TYPE, SKOS("Concept"))
        g.add(metric, SKOS("notation"), Literal(m.metric))
    if listed:
        g.add(node, SS("metricNotation"), Literal(listed))
    if m.qualifier:
        g.add(node, SS("qualifier"), Literal(m.qualifier))
    if m.as_of:
        _dated(g, node, m.as_of, m.period_start)
        g.add(node, SS("dateInferred"), Literal(m.date_inferred))
    if m.period_start:
        g.add(node, SS("periodStart"), date_literal(m.period_start))
    region_label = None
    if m.region:
        region = NamedNode(m.region)
        g.add(node, SS("region"), region)
        label = _describe(g, region, "region", gaz.entries[m.region].label)
        if _zh_hans(label):
            region_label = label.value
            g.add(node, SS("regionLabel"), label)
    if m.official:
        g.add(node, SS("announcedBy"), _entity_iri(m.official))
    if m.subject:
        g.add(node, SS("subject"), _text(m.subject))
    if m.change_of is not None:
        g.add(node, SS("changeOf"), measurement_iri(article, m.change_of))
    _evidence(g, node, m.evidence)
    # the sort key of its row in queries/measurements.rq (the file aside, one an article)
    g.figures.setdefault(node, []).append((
        m.evidence.start, _unbound_first(listed), Decimal(value_key(m.value)), m.unit, _unbound_first(m.as_of or None),
        _unbound_first(m.qualifier or None), _unbound_first(region_label)))


def _unbound_first(value) -> tuple:
    """The sort key of an optional value: () when there is none, which sorts first as SPARQL sorts unbound."""
    return () if value is None else (value,)


def _zh_hans(label: Literal) -> bool:
    """langMatches(lang(label), "zh-Hans")."""
    language = (label.language or "").lower()
    return language == "zh-hans" or language.startswith("zh-hans-")


def _places(rows: dict[NamedNode, list[tuple]]) -> dict[NamedNode, int]:
    """Each node's place (from 1) in the order of its rows' sort keys. Nodes whose rows interleave
    or tie share a place; their rows then differ only in the keys a node may hold several of (a
    measurement's qualifier or region label, a person's role), by which the queries order them."""
    places, place, last = {}, 0, None
    for node, keys in sorted(((node, sorted(keys)) for node, keys in rows.items() if keys),
                             key=lambda item: item[1][0]):
        if last is None or keys[0] > last:
            place += 1
            last = keys[-1]
        else:
            last = max(last, keys[-1])
        places[node] = place
    return places


def to_turtle(quads: list[Quad]) -> bytes:
    """Turtle of one graph's triples, in a fixed order with fixed prefixes."""
    triples = sorted((q.triple for q in quads), key=str)
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)


def reference_quads() -> list[Quad]:
    """The ontology and gazetteers, for the store's default graph."""
    from pyoxigraph import parse

    from ..resources import ontology_files

    quads = []
    for path in ontology_files():
        for triple in parse(path.read_bytes(), format=RdfFormat.TURTLE):
            quads.append(Quad(triple.subject, triple.predicate, triple.object, DefaultGraph()))
    return quads
