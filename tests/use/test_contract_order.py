"""The contract queries' rows and their order, checked against the article graphs read here with
plain patterns and sorted in Python by the keys the contract names: the file name, then for a
measurement its evidence start, metric (a level's), value, unit, date, qualifier and region, for a
mention its type, label and role. The queries sort by the places the build puts on each row's node
instead (`graph.rdf._row_places`); these must give the same rows in the same order."""

from __future__ import annotations

import gc
import shutil
from decimal import Decimal

import pytest
from pyoxigraph import NamedNode

import sscard_kg
from sscard_kg.graph.rdf import _places
from sscard_kg.graph.store import open_store

PREFIXES = """PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
MEASUREMENTS = PREFIXES + """SELECT ?g ?file ?start ?metric ?value ?unit ?asOf ?qualifier ?region WHERE { GRAPH ?g {
  ?m a ss:Measurement ; ss:kind ?kind ; ss:value ?value ; ss:unit ?unit ; prov:wasDerivedFrom ?article .
  ?article ss:sourceFile ?file .
  FILTER (?kind != ss:Target)
  OPTIONAL { ?m ss:metric/skos:notation ?metric FILTER (?kind = ss:Level) }
  OPTIONAL { ?m ss:asOf ?asOf }
  OPTIONAL { ?m ss:qualifier ?qualifier }
  OPTIONAL { ?m ss:region/skos:prefLabel ?region FILTER (langMatches(lang(?region), "zh-Hans")) }
  OPTIONAL { ?m ss:evidence/ss:start ?start }
} }"""
MENTIONS = PREFIXES + """SELECT ?g ?file ?entity ?type ?label ?role WHERE { GRAPH ?g {
  ?article a schema:NewsArticle ; ss:sourceFile ?file ; schema:mentions ?entity .
  ?entity a ?class ; skos:prefLabel ?label .
  VALUES (?class ?type) { (schema:GovernmentOrganization "agency") (schema:Person "person")
                          (skos:Concept "program") (schema:AdministrativeArea "region") }
  OPTIONAL { ?statement ss:person ?entity ; ss:statedIn ?article ; ss:roleLabel ?role }
} }"""
COUNTED = PREFIXES + "SELECT ?p WHERE { <https://w3id.org/sscard-kg/id/program/counted> skos:member ?p }"
UNITS = PREFIXES + "SELECT ?p WHERE { ?p a ss:InternalUnit }"


def key(value):
    """An unbound value sorts first, as SPARQL sorts it."""
    return () if value is None else (value,)


@pytest.fixture(scope="module")
def store(seeds_dir, eval_dir, tmp_path_factory):
    """The seeds and the evaluation articles, with one file copied under a second folder: two
    articles of one file name."""
    folder = tmp_path_factory.mktemp("order-articles")
    for source in (seeds_dir, eval_dir / "set-a"):
        for path in sorted(source.iterdir()):
            if path.suffix in (".txt", ".md", ".html", ".htm"):
                shutil.copy(path, folder / path.name)
    (folder / "again").mkdir()
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "again" / first.name)
    path = tmp_path_factory.mktemp("order") / "store"
    assert sscard_kg.build([str(folder)], store=str(path), workers=1).ok
    gc.collect()
    return str(path)


def plain(store, sparql):
    """The rows of a query run straight on Oxigraph, values as written (None when unbound)."""
    db = open_store(store, read_only=True)
    try:
        solutions = db.query(sparql)
        names = [variable.value for variable in solutions.variables]
        return [{name: None if term is None else term.value for name, term in zip(names, solution)}
                for solution in solutions]
    finally:
        del db
        gc.collect()


def test_measurements_come_by_file_then_text_order_then_each_key(store):
    read = plain(store, MEASUREMENTS)
    read.sort(key=lambda r: (r["file"], r["g"], key(r["start"] and int(r["start"])), key(r["metric"]),
                             Decimal(r["value"]), r["unit"], key(r["asOf"]), key(r["qualifier"]), key(r["region"])))
    columns = ["file", "metric", "value", "unit", "asOf", "qualifier", "region"]
    rows = sscard_kg.query("measurements", store=store).rows
    assert len(rows) > 100
    assert rows == [{c: r[c] for c in columns} for r in read]


def test_mentions_come_by_file_then_type_label_and_role(store):
    counted = {r["p"] for r in plain(store, COUNTED)}  # the programs the contract lists
    units = {r["p"] for r in plain(store, UNITS)}  # the agencies it leaves to their ministry
    read = [r for r in plain(store, MENTIONS)
            if (r["type"] != "program" or r["entity"] in counted) and r["entity"] not in units]
    read.sort(key=lambda r: (r["file"], r["g"], r["type"], r["label"], key(r["role"])))
    rows = sscard_kg.query("mentions", store=store).rows
    assert len(rows) > 100
    assert rows == [{c: r[c] for c in ("file", "type", "label", "role")} for r in read]


def test_nodes_whose_rows_interleave_share_a_place_and_the_others_follow_their_keys():
    a, b, c, d = (NamedNode(f"https://example.org/{n}") for n in "abcd")
    places = _places({a: [(5, "q3"), (5, "q1")], b: [(5, "q2")], c: [(1, "")], d: [(9, "")]})
    assert places == {c: 1, a: 2, b: 2, d: 3}
