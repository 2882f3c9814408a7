"""SHACL validation of article graphs with pyshacl, many articles per call (it is the largest cost).

pyshacl is given only the triples the shapes can read (their paths, the predicates their targets
name, the IRIs their SPARQL constraints name, and rdf:type for targets and sh:class), which gives
the same results in less time, in a store made for it (`TripleIndex`): filled once, then only read.
The metrics' ranges (ss:minValue, ss:maxValue: reference data, not in any article graph) are added
for the metrics a batch's graphs use, for the shape that compares figures with them.
Violations are reported per article in plain words: the shape's message and the offending value;
a value that is itself a focus node (a date) is charged to every article whose graph holds it, and
a SPARQL constraint's result whose value is a node of an article graph (a measurement outside
its metric's range, reported on the metric) to that article alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from pyoxigraph import BlankNode, NamedNode, Quad
from pyoxigraph import Literal as OxLiteral
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.paths import Path
from rdflib.store import Store

from ..resources import NAMESPACES, SHAPES_DIR, data_files

SS = NAMESPACES["ss"]
RANGES = (SS + "minValue", SS + "maxValue")  # reference triples a shape reads, per metric


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shapes, with one term object per IRI (the parser makes one per mention of it), so that
    the data's terms can be those very objects (`_iri`)."""
    parsed = Graph()
    for path in data_files(SHAPES_DIR, ".ttl"):
        parsed.parse(data=path.read_bytes(), format="turtle")
    graph, one = Graph(), {}
    for prefix, namespace in parsed.namespaces():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.addN((*(one.setdefault(n, n) if isinstance(n, URIRef) else n for n in triple), graph) for triple in parsed)
    return graph


@lru_cache(maxsize=1)
def constrained_predicates() -> frozenset[str]:
    """Every predicate a shape's path or target names, every IRI a SPARQL constraint names,
    rdf:type and rdfs:subClassOf (targets and sh:class read them): no other triple can change a
    result."""
    shapes = shapes_graph()
    found = {str(RDF.type), str(RDFS.subClassOf)} | object_targets()
    found.update(str(p) for p in shapes.objects(None, SH.targetSubjectsOf))
    for path in shapes.objects(None, SH.path):
        found.update(str(node) for node in _path_nodes(shapes, path) if isinstance(node, URIRef))
    return frozenset(found | sparql_predicates())


@lru_cache(maxsize=1)
def sparql_predicates() -> frozenset[str]:
    """Every IRI the shapes' SPARQL constraints name: the triples their queries can read."""
    shapes = shapes_graph()
    found = set()
    for constraint, select in shapes.subject_objects(SH.select):
        found.update(_query_iris(_with_prefixes(shapes, constraint, str(select))))
    return frozenset(found)


def _with_prefixes(shapes: Graph, constraint, select: str) -> str:
    """A SPARQL constraint's query with the prefixes its sh:prefixes declare (sh:declare)."""
    declared = [f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>"
                for node in shapes.objects(constraint, SH.prefixes) for d in shapes.objects(node, SH.declare)]
    return "\n".join(sorted(declared) + [select])


def _query_iris(sparql: str) -> set[str]:
    """Every IRI a query names (predicates, path steps, constants): a superset of what it reads."""
    from rdflib.paths import Path
    from rdflib.plugins.sparql import prepareQuery

    found, todo, seen = set(), [prepareQuery(sparql).algebra], set()
    while todo:
        node = todo.pop()
        if isinstance(node, URIRef):
            found.add(str(node))
        elif isinstance(node, (dict, list, tuple, set, Path)) and id(node) not in seen:
            seen.add(id(node))
            if isinstance(node, Path):
                todo.extend(getattr(node, name) for name in ("arg", "path") if hasattr(node, name))
                todo.extend(getattr(node, "args", ()))
            else:
                todo.extend(node.values() if isinstance(node, dict) else node)
    return found


@lru_cache(maxsize=1)
def object_targets() -> frozenset[str]:
    """Predicates whose objects are focus nodes themselves (sh:targetObjectsOf)."""
    return frozenset(str(p) for p in shapes_graph().objects(None, SH.targetObjectsOf))


def _path_nodes(graph: Graph, path) -> set:
    """The nodes of a property path: an IRI, or everything a complex path's blank nodes and
    lists (sh:inversePath, sequences, alternatives) lead to."""
    nodes, todo = set(), [path]
    while todo:
        node = todo.pop()
        if node not in nodes:
            nodes.add(node)
            todo.extend(graph.objects(node, None))
    return nodes


def _term(term):
    """A pyoxigraph term as rdflib's, without a round trip through a serialisation."""
    if isinstance(term, NamedNode):
        return _iri(term.value)
    if isinstance(term, BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=_iri(datatype))


def _iri(iri: str) -> URIRef:
    """An IRI as rdflib's, the shapes graph's own term when a shape names it (a path, a class,
    a datatype): pyshacl's dicts and sets then find it by identity, without rdflib's __eq__."""
    return shape_iris().get(iri) or URIRef(iri)


@lru_cache(maxsize=1)
def shape_iris() -> dict[str, URIRef]:
    """Every IRI of the shapes graph, as the term the graph holds (one per IRI, see shapes_graph)."""
    return {str(node): node for triple in shapes_graph() for node in triple if isinstance(node, URIRef)}


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _oxigraph_term(term):
    """An rdflib term as pyoxigraph's (a focus node bound into a SPARQL constraint's query)."""
    if isinstance(term, URIRef):
        return NamedNode(str(term))
    if isinstance(term, BNode):
        return BlankNode(str(term))
    if term.language:
        return OxLiteral(str(term), language=term.language)
    return OxLiteral(str(term), datatype=NamedNode(str(term.datatype or _XSD_STRING)))


def _to_rdflib(triples: Iterable[tuple]) -> Graph:
    """The triples the shapes can read, as an rdflib graph, in one pass over them."""
    read, queried = constrained_predicates(), sparql_predicates()
    converted = _Converted()  # predicates, classes, units, kinds and dates recur: convert each once
    store = TripleIndex()
    graph = _BatchGraph(store=store) if isinstance(store, _IndexReads) else Graph(store=store)
    kept, asked = [], []
    for triple in triples:
        s, p, o = triple
        predicate = p.value
        if predicate in queried:
            asked.append(triple)
        if predicate in read:
            kept.append((converted[s], converted[p], converted[o], graph))
    graph.store.addN(kept)
    graph.store.queried = asked
    return graph


class _Converted(dict):
    """pyoxigraph term → rdflib term, each converted when first asked for."""

    def __missing__(self, node):
        found = self[node] = _term(node)
        return found


def _ranges(triples: list[tuple]) -> list[tuple]:
    """The ranges (reference data) of the metrics these triples use."""
    from ..extract.gazetteer import reference_graph

    reference = reference_graph()
    metric = NamedNode(_METRIC)  # compared as pyoxigraph terms: no string made per triple
    metrics = {o for _, p, o in triples if p == metric}
    return [(m, NamedNode(p), value) for m in sorted(metrics, key=str) for p in RANGES
            for value in reference.objects(m, p)]


_METRIC = SS + "metric"


class _IndexReads:
    """A store whose `_spo` and `_match` `_BatchGraph` may read directly."""


class _BatchGraph(Graph):
    """A graph over a `TripleIndex` that answers pyshacl's reads from the index directly: rdflib's
    `objects` and `triples` pass each read through two more generators (and a context check per
    triple) on the way to the store, which took about a third of the validation's reads."""

    def objects(self, subject=None, predicate=None, unique: bool = False):
        # exact classes: cheaper than isinstance with rdflib's Path, an ABC, on every read
        if predicate.__class__ is URIRef and subject.__class__ in _NODES:
            return iter(self.store._spo.get(subject, _NOTHING).get(predicate, ()))
        return super().objects(subject, predicate, unique)

    def triples(self, triple):
        if isinstance(triple[1], Path):
            return super().triples(triple)
        return self.store._match(*triple)


_NODES = frozenset({URIRef, BNode, Literal})
_NOTHING: dict = {}


class TripleIndex(Store, _IndexReads):
    """The triples of one graph, by subject then predicate, for pyshacl to read.

    rdflib's Memory store also keeps each triple's contexts and fires an event per triple added,
    which makes loading a batch and reading it back about twice as slow; a batch is one graph,
    loaded once (`addN`, terms already valid) and then only read, so none of that is needed.
    pyshacl's reads are almost all (subject, predicate, ?); the few by predicate (targets:
    `?x rdf:type C`, `?x p ?y`) get an index of that one predicate, made when first asked for.
    Indexing every triple three ways, as a general store must, took most of the conversion's time.
    """

    context_aware = True  # what pyshacl's data graph asks for; there is only ever one context
    graph_aware = True

    def __init__(self, configuration=None, identifier=None) -> None:
        super().__init__(configuration, identifier)
        self._spo: dict = {}
        self._by_predicate: dict = {}  # predicate → {object: {subject}}, made on first use
        self._size = 0
        self.queried: list[tuple] = []  # the triples SPARQL constraints read, as pyoxigraph terms
        self._engine = None

    def addN(self, quads) -> None:  # noqa: N802 (rdflib's name)
        spo, size = self._spo, self._size
        for s, p, o, _ in quads:
            by_predicate = spo.get(s)
            if by_predicate is None:
                by_predicate = spo[s] = {}
            objects = by_predicate.get(p)
            if objects is None:
                objects = by_predicate[p] = set()
            size -= len(objects)
            objects.add(o)
            size += len(objects)
        self._size = size
        self._by_predicate.clear()

    def add(self, triple, context, quoted: bool = False) -> None:
        self.addN([(*triple, context)])

    def remove(self, triple, context=None) -> None:
        raise NotImplementedError("a batch's triples are only read once loaded")

    def triples(self, triple_pattern, context=None):
        for triple in self._match(*triple_pattern):
            yield triple, iter(())

    def _match(self, s, p, o):
        """Every stored triple matching the pattern (None matches anything)."""
        if s is not None:
            by_predicate = self._spo.get(s, {})
            for q, objects in [(p, by_predicate.get(p, ()))] if p is not None else by_predicate.items():
                if o is None:
                    yield from ((s, q, x) for x in objects)
                elif o in objects:
                    yield s, q, o
        elif p is not None:
            by_object = self._predicate_index(p)
            for y, subjects in [(o, by_object.get(o, ()))] if o is not None else by_object.items():
                yield from ((x, p, y) for x in subjects)
        else:
            for x, by_predicate in self._spo.items():
                for q, objects in by_predicate.items():
                    yield from ((x, q, y) for y in objects if o is None or y == o)

    def _predicate_index(self, p) -> dict:
        found = self._by_predicate.get(p)
        if found is None:
            found = self._by_predicate[p] = {}
            for x, by_predicate in self._spo.items():
                for y in by_predicate.get(p, ()):
                    found.setdefault(y, set()).add(x)
        return found

    def __len__(self, context=None) -> int:
        return self._size

    def query(self, query, initNs, initBindings, queryGraph, **kwargs):  # noqa: N803 (rdflib's names)
        """A SPARQL constraint's query, answered by Oxigraph over the triples such queries read.

        rdflib's own engine (what pyshacl would use) parses the query anew for each focus node and
        evaluates it about a hundred times slower; the answer is the same, as an rdflib Result.
        """
        from pyoxigraph import QueryBoolean, QuerySolutions
        from pyoxigraph import Store as Oxigraph
        from pyoxigraph import Variable as OxVariable
        from rdflib.query import Result
        from rdflib.term import Variable

        if not isinstance(query, str):
            raise NotImplementedError  # a prepared rdflib query: rdflib answers it
        if self._engine is None:
            self._engine = Oxigraph()
            self._engine.extend([Quad(*triple) for triple in self.queried])  # the default graph
        declared = set(re.findall(r"PREFIX\s+([\w.-]*):", query, re.I))
        prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in (initNs or {}).items() if name not in declared)
        answer = self._engine.query(prologue + query, substitutions={
            OxVariable(str(name)): _oxigraph_term(value) for name, value in (initBindings or {}).items()})
        if isinstance(answer, QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
            return result
        if not isinstance(answer, QuerySolutions):
            raise NotImplementedError
        names = [variable.value for variable in answer.variables]
        result = Result("SELECT")
        result.vars = [Variable(name) for name in names]
        result.bindings = [{Variable(name): _term(solution[name]) for name in names if solution[name] is not None}
                           for solution in answer]
        return result

    def contexts(self, triple=None):
        return iter(())


def validate_graphs(graphs: dict[str, list[tuple]]) -> dict[str, list[str]]:
    """{article IRI: its (subject, predicate, object) terms} → {article IRI: violation messages};
    an empty list means valid."""
    from pyshacl import validate

    problems: dict[str, list[str]] = {iri: [] for iri in graphs}
    if not graphs:
        return problems
    every = [triple for triples in graphs.values() for triple in triples]
    data = _to_rdflib(every + _ranges(every))
    conforms, report, _ = validate(data, shacl_graph=shapes_graph(), inference="none",
                                   allow_warnings=True, advanced=False)
    if conforms:
        return problems
    owners = _owners(graphs)
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        message = report.value(result, SH.resultMessage) or "violates a shape"
        value = report.value(result, SH.value)
        if value is None and isinstance(focus, Literal):
            value = focus
        text = f"{message}" + (f" (found {value})" if value is not None else "")
        # a SPARQL constraint's value node is what broke it (a measurement): its article alone
        sparql = report.value(result, SH.sourceConstraintComponent) == SH.SPARQLConstraintComponent
        held = owners.get(_node_key(value)) if sparql and isinstance(value, URIRef) else None
        for iri in held or owners.get(_node_key(focus), [_owner_by_prefix(str(focus), graphs)]):
            if iri is not None and text not in problems[iri]:
                problems[iri].append(text)
    return {iri: sorted(messages) for iri, messages in problems.items()}


def _owners(graphs: dict[str, list[tuple]]) -> dict[str | tuple[str, str], list[str]]:
    """Focus node → the articles whose graphs hold it: subjects, and the targeted objects (dates)."""
    owners: dict[str | tuple[str, str], set[str]] = defaultdict(set)
    targeted = object_targets()
    for iri, triples in graphs.items():
        for s, p, o in triples:
            owners[s.value].add(iri)
            if p.value in targeted:
                owners[_node_key(o)].add(iri)
    return {node: sorted(iris) for node, iris in owners.items()}


def _node_key(node) -> str | tuple[str, str]:
    """One key for a node, pyoxigraph's or rdflib's: its IRI, or a literal's text and its language or datatype."""
    if isinstance(node, OxLiteral):
        return node.value, node.language or node.datatype.value
    if isinstance(node, Literal):
        return str(node), node.language or str(node.datatype or _XSD_STRING)
    return node.value if isinstance(node, (NamedNode, BlankNode)) else str(node)


def _owner_by_prefix(node: str, graphs: dict[str, list[tuple]]) -> str | None:
    return next((iri for iri in graphs if node.startswith(iri)), None)

