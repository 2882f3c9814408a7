"""SHACL catches a figure outside its metric's range (ss:minValue, ss:maxValue in
ontology/metrics.ttl) by itself and quotes it: in the build's validation, which charges only the
article that holds the figure, and in a plain pyshacl run over an exported graph."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode
from pyshacl import validate as pyshacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from sscard_kg.graph import validate
from sscard_kg.extract.extract import extract, version
from sscard_kg.graph.rdf import article_triples
from sscard_kg.read.sources import collect, read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SS = "https://w3id.org/sscard-kg/ontology#"
PENETRATION = NamedNode("https://w3id.org/sscard-kg/id/metric/card-penetration")


@pytest.fixture(scope="module")
def graphs() -> dict[str, list[tuple]]:
    found = {}
    for ref in collect([str(EXAMPLES)]):
        graph, triples = article_triples(extract(read(ref))[1], version())
        found[graph.value] = triples
    return found


@pytest.fixture(scope="module")
def bulletin(graphs) -> str:
    """The graph of the 2022 bulletin, whose card-penetration figure is 96.8 (%)."""
    (iri,) = [iri for iri, triples in graphs.items()
              if any(o.value == "2022-bulletin-zh-hans.md" for _, p, o in triples if p.value == SS + "sourceFile")]
    return iri


def _penetration(triples: list[tuple]) -> NamedNode:
    (measurement,) = {s for s, p, o in triples if p.value == SS + "metric" and o == PENETRATION}
    return measurement


def _quote(triples: list[tuple], measurement: NamedNode) -> str:
    (evidence,) = [o for s, p, o in triples if s == measurement and p.value == SS + "evidence"]
    (quote,) = [o.value for s, p, o in triples if s == evidence and p.value == SS + "quote"]
    return quote


def _with(triples: list[tuple], subject, predicate: str, obj) -> list[tuple]:
    """The triples with the one (subject, predicate, ·) triple's object replaced."""
    out = [t for t in triples if not (t[0] == subject and t[1].value == predicate)]
    assert len(out) == len(triples) - 1
    return out + [(subject, NamedNode(predicate), obj)]


def _decimal(text: str) -> Literal:
    return Literal(text, datatype=NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))


def test_the_examples_are_within_their_metrics_ranges(graphs):
    assert validate.validate_graphs(graphs) == {iri: [] for iri in graphs}


def test_a_value_above_the_range_names_its_quote_and_only_its_article(graphs, bulletin):
    triples = graphs[bulletin]
    measurement = _penetration(triples)
    quote = _quote(triples, measurement)
    assert "96.8%" in quote
    broken = dict(graphs, **{bulletin: _with(triples, measurement, SS + "value", _decimal("99750000"))})
    problems = validate.validate_graphs(broken)
    (message,) = problems[bulletin]
    assert "card-penetration 99750000 is outside the metric's range (0 to 100)" in message
    assert quote in message and measurement.value in message
    assert all(not found for iri, found in problems.items() if iri != bulletin)


@pytest.mark.parametrize("value, kind, fails", [
    ("-150", "Level", True),     # below the minimum
    ("-50", "Change", False),    # a fall of 50 points: its size is within 0 to 100
    ("-150", "Change", True),    # a fall larger than the whole range
    ("100", "Level", False),     # the bounds themselves are allowed
])
def test_a_change_is_compared_by_its_size(graphs, bulletin, value, kind, fails):
    triples = graphs[bulletin]
    measurement = _penetration(triples)
    broken = _with(_with(triples, measurement, SS + "value", _decimal(value)), measurement, SS + "kind",
                   NamedNode(SS + kind))
    problems = validate.validate_graphs({bulletin: broken})[bulletin]
    assert bool([p for p in problems if "outside the metric's range" in p]) == fails, problems


def test_a_quote_with_a_backslash_and_a_line_break_is_shown_on_one_line(graphs, bulletin):
    triples = graphs[bulletin]
    measurement = _penetration(triples)
    (evidence,) = [o for s, p, o in triples if s == measurement and p.value == SS + "evidence"]
    broken = _with(_with(triples, measurement, SS + "value", _decimal("101")), evidence, SS + "quote",
                   Literal("覆盖\\d 101%\n的人口"))
    (message,) = validate.validate_graphs({bulletin: broken})[bulletin]
    assert '"覆盖＼d 101% 的人口"' in message


def test_a_plain_pyshacl_run_over_an_exported_graph_catches_it_too(graphs, bulletin, tmp_path):
    """rdflib's own SPARQL engine, the metric ranges read from ontology/metrics.ttl."""
    triples = graphs[bulletin]
    measurement = _penetration(triples)
    quote = _quote(triples, measurement)
    data = Graph()
    data.parse(EXAMPLES.parent / "ontology" / "metrics.ttl")
    lines = "".join(f"{s} {p} {o} .\n" for s, p, o in _with(triples, measurement, SS + "value", _decimal("99750000")))
    data.parse(data=lines, format="nt")
    shapes = Graph().parse(EXAMPLES.parent / "shapes" / "sscard.ttl")
    conforms, report, _ = pyshacl_validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    messages = [str(report.value(r, SH.resultMessage)) for r in report.subjects(SH.resultSeverity, SH.Violation)]
    (message,) = [m for m in messages if "outside the metric's range" in m]
    assert quote in message
    (result,) = [r for r in report.subjects(SH.resultSeverity, SH.Violation)
                 if "outside the metric's range" in str(report.value(r, SH.resultMessage))]
    assert report.value(result, SH.focusNode) == URIRef(PENETRATION.value)
    assert report.value(result, SH.value) == URIRef(measurement.value)
