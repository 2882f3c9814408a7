"""The graph in standard terms: what a tool that knows schema.org, Web Annotation, PROV and SKOS but
not ontology/ reads in an export (and in the `standard-view` query the export uses)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import requests
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, parse
from pyshacl import validate as pyshacl_validate
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.namespace import RDF, SH
from typer.testing import CliRunner

import sscard_kg
from sscard_kg.cli import app
from sscard_kg.use.export import EXPORT_PREFIXES, standard_view
from sscard_kg.use.query import resolve
from sscard_kg.graph.store import open_store
from serving import free_port, start, stop

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SS = Namespace("https://w3id.org/sscard-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
METRIC = Namespace("https://w3id.org/sscard-kg/id/metric/")
CHINA = URIRef("https://w3id.org/sscard-kg/id/region/china")

# An article of our own: a year-to-date figure, a bound (超过) and a spokesman whose name, the
# quote of his role, occurs twice.
OWN_ARTICLE = """示例：前三季度社保卡与就业

2023年10月25日

人社部新闻发言人卢爱红介绍，2023年1-9月，全国城镇新增就业1022万人。
卢爱红表示，截至9月底，全国社会保障卡持卡人数超过13.7亿人。
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """examples/ and the article above."""
    path = tmp_path_factory.mktemp("standard") / "articles"
    shutil.copytree(EXAMPLES, path)
    (path / "2023-own-article.txt").write_text(OWN_ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(folder, tmp_path_factory) -> str:
    location = str(tmp_path_factory.mktemp("standard-store") / "store")
    result = sscard_kg.build([str(folder)], store=location)
    assert not result.failed and len(result.built) == 4
    return location


@pytest.fixture(scope="module")
def exported(store) -> Graph:
    """The Turtle export (standard terms are on by default), as rdflib reads it."""
    return Graph().parse(data=sscard_kg.export("turtle", store=store), format="turtle")


def _text(folder: Path, graph: Graph, article) -> str:
    return (folder / str(graph.value(article, SS.sourceFile))).read_text(encoding="utf-8")


def _observation(graph: Graph, value: str) -> URIRef:
    (node,) = [s for s in graph.subjects(SCHEMA.value, None)
               if graph.value(s, SCHEMA.value).toPython() == Decimal(value) and (s, RDF.type, SCHEMA.Observation) in graph]
    return node


def test_a_quote_held_twice_keeps_the_text_around_it_and_one_held_once_none(folder, store):
    rows = sscard_kg.query("""
        PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
        SELECT ?file ?start ?end ?quote ?prefix ?suffix WHERE { GRAPH ?g {
          ?a ss:sourceFile ?file . ?e a ss:Evidence ; ss:start ?start ; ss:end ?end ; ss:quote ?quote .
          OPTIONAL { ?e ss:quotePrefix ?prefix } OPTIONAL { ?e ss:quoteSuffix ?suffix } } }""", store=store).rows
    assert rows
    for row in rows:
        text = (folder / row["file"]).read_text(encoding="utf-8")
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["quote"]
        if text.count(row["quote"]) == 1:
            assert row["prefix"] is None and row["suffix"] is None, row
        else:
            assert row["prefix"] == text[max(0, start - 16):start] and row["suffix"] == text[end:end + 16], row
    (name,) = [r for r in rows if r["quote"] == "卢爱红"]
    assert (name["prefix"], name["suffix"]) == ("10月25日\n\n人社部新闻发言人", "介绍，2023年1-9月，全国城")


def test_a_stock_figure_is_an_observation_of_its_variable_place_and_day(exported):
    """人社部发布的年度统计公报显示，截至2022年末，全国社会保障卡持卡人数达到13.68亿人 (examples/)."""
    node = _observation(exported, "1368000000")
    assert (node, RDF.type, SS.Measurement) in exported  # the same node, in both vocabularies
    assert exported.value(node, SCHEMA.variableMeasured) == METRIC["card-holders"]
    assert (METRIC["card-holders"], RDF.type, SCHEMA.StatisticalVariable) in exported
    assert {str(n) for n in exported.objects(METRIC["card-holders"], SCHEMA.name)} == {
        "社保卡持卡人数", "Social security card holders"}
    assert exported.value(node, SCHEMA.observationAbout) == CHINA  # it names no region
    assert (CHINA, RDF.type, SCHEMA.AdministrativeArea) in exported and exported.value(CHINA, SCHEMA.name)
    date = exported.value(node, SCHEMA.observationDate)
    assert str(date) == "2022-12-31" and date.datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
    assert exported.value(node, SCHEMA.observationPeriod) is None  # a point in time
    assert str(exported.value(node, SCHEMA.unitText)) == "person"
    assert exported.value(node, SCHEMA.measurementQualifier) == SS.Level
    assert exported.value(node, SCHEMA.measurementMethod) is not None
    article = exported.value(node, PROV.wasDerivedFrom)
    assert (article, RDF.type, SCHEMA.NewsArticle) in exported


@pytest.mark.parametrize("value, date, period", [
    ("12060000", "2022-01-01", "P1Y"),   # 2022年全年城镇新增就业1206万人: the year
    ("10220000", "2023-01-01", "P9M"),   # 2023年1-9月: nine months
])
def test_a_figure_over_a_period_starts_on_its_first_day_and_says_its_length(exported, value, date, period):
    node = _observation(exported, value)
    assert exported.value(node, SCHEMA.variableMeasured) == METRIC["new-urban-jobs"]
    assert str(exported.value(node, SCHEMA.observationDate)) == date
    assert str(exported.value(node, SCHEMA.observationPeriod)) == period


def test_a_bound_is_a_minimum_value_too(exported):
    """超过13.7亿人: more than 1.37 billion."""
    node = _observation(exported, "1370000000")
    assert exported.value(node, SCHEMA.minValue).toPython() == Decimal("1370000000")
    assert exported.value(node, SCHEMA.maxValue) is None


def test_the_period_of_days_and_no_observation_for_a_target():
    """A hand-made graph: a period that is not whole months is counted in days; a target is a goal,
    not an observation."""
    g = NamedNode("https://w3id.org/sscard-kg/id/article/0000000000000000")
    ss, xsd = "https://w3id.org/sscard-kg/ontology#", "http://www.w3.org/2001/XMLSchema#"

    def measurement(local: str, kind: str, as_of: str, first: str, last: str) -> list[Quad]:
        m = NamedNode(f"{g.value}/measurement/{local}")
        return [Quad(m, NamedNode(p), o, g) for p, o in [
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", NamedNode(ss + "Measurement")),
            ("http://www.w3.org/ns/prov#wasDerivedFrom", g), (ss + "kind", NamedNode(ss + kind)),
            (ss + "value", Literal("5", datatype=NamedNode(xsd + "decimal"))), (ss + "unit", Literal("person")),
            (ss + "asOf", Literal(as_of, datatype=NamedNode(xsd + "date"))),
            (ss + "startDate", Literal(first, datatype=NamedNode(xsd + "date"))),
            (ss + "endDate", Literal(last, datatype=NamedNode(xsd + "date")))]]

    db = Store()
    db.extend(measurement("days", "Level", "2024-03-10", "2024-03-01", "2024-03-10")
              + measurement("target", "Target", "2025-12-31", "2025-12-31", "2025-12-31"))
    db.add(Quad(NamedNode("https://w3id.org/sscard-kg/id/region/china"), NamedNode(ss + "regionLevel"),
                Literal("country"), DefaultGraph()))
    view = {(t.subject.value.rsplit("/", 1)[-1], t.predicate.value, t.object.value) for t in db.query(resolve("standard-view"))}
    assert ("days", "https://schema.org/observationPeriod", "P10D") in view
    assert ("days", "https://schema.org/observationDate", "2024-03-01") in view
    assert not [t for t in view if t[0] == "target"]


def test_evidence_is_a_web_annotation_whose_selectors_find_the_quote_in_the_article(folder, exported):
    spans = list(exported.subjects(RDF.type, OA.SpecificResource))
    assert len(spans) == len(list(exported.subjects(RDF.type, SS.Evidence))) >= 10
    contexts = 0
    for span in spans:
        (annotation,) = exported.subjects(OA.hasTarget, span)
        assert (annotation, RDF.type, OA.Annotation) in exported
        assert exported.value(annotation, OA.hasBody) == exported.value(predicate=SS.evidence, object=span)
        text = _text(folder, exported, exported.value(span, OA.hasSource))
        (position,) = [s for s in exported.objects(span, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in exported]
        (quote,) = [s for s in exported.objects(span, OA.hasSelector) if (s, RDF.type, OA.TextQuoteSelector) in exported]
        start, end = exported.value(position, OA.start).toPython(), exported.value(position, OA.end).toPython()
        exact = str(exported.value(quote, OA.exact))
        assert text[start:end] == exact
        prefix, suffix = exported.value(quote, OA.prefix), exported.value(quote, OA.suffix)
        if prefix is not None:  # given where the quote alone is ambiguous: with them, it is not
            contexts += 1
            prefix, suffix = str(prefix), str(suffix or "")
            assert text.count(exact) > 1 and text.count(prefix + exact + suffix) == 1
            assert text[start - len(prefix):start] == prefix and text[end:end + len(suffix)] == suffix
    assert contexts >= 1


def test_a_role_is_an_organization_role_of_its_person_in_its_agency(exported):
    """人社部新闻发言人卢爱红 (the article above)."""
    person = URIRef("https://w3id.org/sscard-kg/id/person/lu-aihong")
    (role,) = exported.objects(person, SCHEMA.memberOf)
    assert (role, RDF.type, SCHEMA.OrganizationRole) in exported and (role, RDF.type, SS.RoleStatement) in exported
    assert str(exported.value(role, SCHEMA.roleName)) == "新闻发言人"
    agency = exported.value(role, SCHEMA.memberOf)
    assert agency == URIRef("https://w3id.org/sscard-kg/id/agency/mohrss")
    assert str(exported.value(agency, SCHEMA.name)) == "人力资源和社会保障部"
    assert str(exported.value(person, SCHEMA.name)) == "卢爱红"
    assert (exported.value(role, PROV.wasDerivedFrom), RDF.type, SCHEMA.NewsArticle) in exported


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's TriG parser uses ConjunctiveGraph
def test_each_standard_triple_is_in_the_article_graph_of_its_fact(store):
    dataset = Dataset()
    dataset.parse(data=sscard_kg.export("trig", store=store), format="trig")
    for graph in dataset.graphs():
        if not str(graph.identifier).startswith("https://w3id.org/sscard-kg/id/article/"):
            continue
        for observation in graph.subjects(RDF.type, SCHEMA.Observation):
            assert graph.value(observation, PROV.wasDerivedFrom) == graph.identifier
            variable = graph.value(observation, SCHEMA.variableMeasured)
            assert not isinstance(variable, URIRef) or (variable, RDF.type, SCHEMA.StatisticalVariable) in graph
            assert graph.value(graph.value(observation, SCHEMA.observationAbout), SCHEMA.name) is not None
        for span in graph.subjects(RDF.type, OA.SpecificResource):
            assert graph.value(span, OA.hasSource) == graph.identifier


def test_the_named_query_gives_the_same_triples_the_export_adds(store):
    result = sscard_kg.query("standard-view", store=store)
    queried = {q.triple for q in parse(result.graph, format=RdfFormat.TURTLE)}
    assert queried == {q.triple for q in standard_view(open_store(store, read_only=True))}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD parser uses ConjunctiveGraph
def test_jsonld_has_a_compact_context_and_reads_back_as_the_same_quads(store):
    data = sscard_kg.export("jsonld", store=store)
    document = json.loads(data)
    assert document["@context"] == EXPORT_PREFIXES

    def keys(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from keys(value)
        elif isinstance(node, list):
            for item in node:
                yield from keys(item)

    used = set(keys(document["@graph"]))
    assert {"ss:value", "schema:value", "oa:exact", "@type", "@id", "@graph"} <= used
    for key in used:
        assert key.startswith("@") or key.split(":", 1)[0] in EXPORT_PREFIXES, key
        assert "://" not in key, key
    body = json.dumps(document["@graph"], ensure_ascii=False)
    assert '"schema:Observation"' in body and '"oa:TextQuoteSelector"' in body
    for namespace in ("https://schema.org/", "http://www.w3.org/ns/oa#", "https://w3id.org/sscard-kg/"):
        assert namespace not in body  # every IRI of these is written as a prefixed name
    nquads = sscard_kg.export("nquads", store=store)
    assert set(parse(data, format=RdfFormat.JSON_LD)) == set(parse(nquads, format=RdfFormat.N_QUADS))
    as_json, as_nquads = Dataset(), Dataset()
    as_json.parse(data=data, format="json-ld")
    as_nquads.parse(data=nquads, format="nquads")
    assert {(s, p, o, str(g)) for s, p, o, g in as_json.quads()} == {(s, p, o, str(g)) for s, p, o, g in as_nquads.quads()}


def _shapes() -> Graph:
    shapes = Graph()
    for path in sorted((REPO / "shapes").glob("*.ttl")):
        shapes.parse(path)
    return shapes


def test_the_export_and_the_view_alone_satisfy_the_shapes(store, exported):
    conforms, _, text = pyshacl_validate(exported, shacl_graph=_shapes(), inference="none")
    assert conforms, text
    view = Graph().parse(data=sscard_kg.query("standard-view", store=store).graph, format="turtle")
    conforms, _, text = pyshacl_validate(view, shacl_graph=_shapes(), inference="none")
    assert conforms, text


@pytest.mark.parametrize("break_it, message", [
    (lambda g, o: g.remove((o, SCHEMA.value, None)), "an observation has exactly one decimal value"),
    (lambda g, o: g.add((o, SCHEMA.observationPeriod, RdfLiteral("one year"))),
     "an observation's period is one ISO 8601 length"),
    (lambda g, o: g.remove((o, SCHEMA.observationAbout, None)), "is about exactly one administrative area"),
])
def test_the_shapes_name_a_broken_observation(exported, break_it, message):
    graph = Graph()
    for triple in exported:
        graph.add(triple)
    break_it(graph, _observation(graph, "1368000000"))
    conforms, report, _ = pyshacl_validate(graph, shacl_graph=_shapes(), inference="none")
    assert not conforms
    assert any(message in str(m) for m in report.objects(None, SH.resultMessage))


def test_the_shapes_name_a_selector_that_lost_its_quote(exported):
    graph = Graph()
    for triple in exported:
        graph.add(triple)
    quote = next(graph.subjects(RDF.type, OA.TextQuoteSelector))
    graph.remove((quote, OA.exact, None))
    conforms, report, _ = pyshacl_validate(graph, shacl_graph=_shapes(), inference="none")
    assert not conforms
    assert "a quote selector has the exact text" in {str(m) for m in report.objects(None, SH.resultMessage)}


def test_the_cli_exports_standard_terms_unless_told_not_to(store):
    runner = CliRunner()
    default = runner.invoke(app, ["export", "--store", store, "--format", "turtle"])
    stored = runner.invoke(app, ["export", "--store", store, "--format", "turtle", "--no-standard-terms"])
    assert default.exit_code == stored.exit_code == 0
    assert "schema:Observation" in default.stdout and "oa:TextQuoteSelector" in default.stdout
    assert "schema:Observation" not in stored.stdout
    assert stored.stdout_bytes == sscard_kg.export("turtle", store=store, standard_terms=False)
    view = runner.invoke(app, ["query", "standard-view", "--store", store, "--format", "turtle"])
    assert view.exit_code == 0 and view.stdout.startswith("@prefix") and "schema:Observation" in view.stdout


def test_the_sparql_endpoint_answers_the_view_query(store):
    """Any SPARQL client gets the standard view by sending the named query's text."""
    port = free_port()
    process, _ = start(store, "--port", str(port), "--page-port", "0")
    try:
        response = requests.post(f"http://127.0.0.1:{port}/query", data={"query": resolve("standard-view")},
                                 headers={"Accept": "application/n-triples"}, timeout=60)
    finally:
        stop(process)
    assert response.status_code == 200
    served = set(parse(response.content, format=RdfFormat.N_TRIPLES))
    assert {q.triple for q in served} == {
        q.triple for q in standard_view(open_store(store, read_only=True))}
