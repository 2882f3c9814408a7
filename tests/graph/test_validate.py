"""SHACL validation of article graphs: a broken graph is named with the shape's message, the others
in the same batch pass, and giving pyshacl only the constrained triples, in a store of our own,
changes no result."""

from __future__ import annotations

from itertools import product

import pytest
from pyoxigraph import Literal, NamedNode
from rdflib import Graph, URIRef
from rdflib.plugins.stores.memory import Memory

from sscard_kg.graph import validate
from sscard_kg.extract.extract import extract, version
from sscard_kg.graph.rdf import article_triples
from sscard_kg.read.sources import collect, read

SS = "https://w3id.org/sscard-kg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def graphs(seeds_dir) -> dict[str, list[tuple]]:
    found = {}
    for ref in collect([str(seeds_dir)]):
        graph, triples = article_triples(extract(read(ref))[1], version())
        found[graph.value] = triples
    return found


def _broken(triples: list[tuple], predicate: str, replace, subject: str = "") -> list[tuple]:
    """The triples with the first `predicate` triple (in N-Triples order) of a subject whose IRI
    holds `subject` replaced by what `replace` returns (None drops it)."""
    out, done = [], False
    for triple in sorted(triples, key=lambda t: " ".join(map(str, t))):
        if not done and triple[1].value == SS + predicate and subject in triple[0].value:
            done = True
            new = replace(triple)
            out.extend([new] if new is not None else [])
        else:
            out.append(triple)
    assert done, predicate
    return out


def _with_object(triple: tuple, obj) -> tuple:
    return triple[0], triple[1], obj


BREAKS = {
    "no value": ("value", lambda q: None, "exactly one decimal value"),
    "unknown unit": ("unit", lambda q: _with_object(q, Literal("kg")), "the unit must be"),
    "as-of date as a string": ("asOf", lambda q: _with_object(q, Literal(q[2].value)), "the as-of date must be"),
    "bad content hash": ("contentHash", lambda q: _with_object(q, Literal("not-a-hash")), "SHA-256"),
    "evidence that is not evidence": ("evidence", lambda q: _with_object(q, NamedNode("https://example.org/x")),
                                      "evidence span"),
    "a role stated with no evidence": ("evidence", lambda q: None, "a role statement needs exactly one evidence",
                                       "/role/"),
    "evidence that ends before it starts": ("end", lambda q: _with_object(q, Literal(-1)),
                                            "not after its end"),
    "a change of a change": ("changeOf", lambda q: _with_object(q, q[0]), "a change modifies a level"),
}


def _batch_with_one_broken(graphs: dict[str, list[tuple]], name: str, position: int) -> tuple[str, dict]:
    """The batch with one graph broken as BREAKS[name] says: the one at `position` (wrapping
    round) among the graphs that have the triple to break."""
    predicate, replace, _, *subject = BREAKS[name]
    holders = [iri for iri in sorted(graphs)
               if any(p.value == SS + predicate and "".join(subject) in s.value for s, p, _ in graphs[iri])]
    victim = holders[position % len(holders)]
    return victim, dict(graphs, **{victim: _broken(graphs[victim], predicate, replace, *subject)})


def test_the_seeds_conform(graphs):
    assert validate.validate_graphs(graphs) == {iri: [] for iri in graphs}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_broken_graph_is_named_with_the_message_and_the_rest_pass(graphs, name):
    victim, batch = _batch_with_one_broken(graphs, name, 0)
    message = BREAKS[name][2]
    problems = validate.validate_graphs(batch)
    assert any(message in text for text in problems[victim]), problems[victim]
    assert all(not problems[iri] for iri in graphs if iri != victim)


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_reading_only_the_constrained_triples_changes_no_result(graphs, name, monkeypatch):
    victim, batch = _batch_with_one_broken(graphs, name, -1)
    filtered = validate.validate_graphs(batch)
    monkeypatch.setattr(validate, "constrained_predicates", lambda: _Everything())
    assert validate.validate_graphs(batch) == filtered
    assert filtered[victim]


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_the_batch_store_gives_what_rdflibs_memory_store_gives(graphs, name, monkeypatch):
    victim, batch = _batch_with_one_broken(graphs, name, 1)
    ours = validate.validate_graphs(batch)
    monkeypatch.setattr(validate, "TripleIndex", Memory)
    assert validate.validate_graphs(batch) == ours
    assert ours[victim]


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_sharing_the_shapes_terms_changes_no_result(graphs, name, monkeypatch):
    victim, batch = _batch_with_one_broken(graphs, name, 2)
    shared = validate.validate_graphs(batch)
    monkeypatch.setattr(validate, "shape_iris", lambda: {})
    assert validate.validate_graphs(batch) == shared
    assert shared[victim]


def test_a_term_a_shape_names_is_the_shapes_own(graphs):
    shapes = {id(node) for triple in validate.shapes_graph() for node in triple}
    converted = [validate._term(node) for triples in graphs.values() for triple in triples for node in triple]
    assert any(id(node) in shapes for node in converted)
    assert all(id(node) in shapes for node in converted if isinstance(node, URIRef) and node in validate.shape_iris())


def test_the_batch_store_answers_every_pattern_as_rdflibs_memory_store_does(graphs):
    triples = [tuple(map(validate._term, triple)) for found in graphs.values() for triple in found]
    ours, memory = Graph(store=validate.TripleIndex()), Graph(store=Memory())
    for graph in (ours, memory):
        graph.store.addN((*triple, graph) for triple in triples)
    assert len(ours) == len(memory) == len(set(triples))
    for s, p, o in triples[::40]:
        for pattern in product((s, None), (p, None), (o, None)):
            assert set(ours.triples(pattern)) == set(memory.triples(pattern)), pattern


class _Everything:
    def __contains__(self, item) -> bool:
        return True


def test_the_constrained_predicates_come_from_the_shapes():
    read = validate.constrained_predicates()
    assert {SS + "value", SS + "asOf", SS + "quote", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"} <= read
    assert SS + "cleanQuote" not in read and "https://schema.org/mentions" not in read



def test_a_bad_date_is_charged_to_every_article_that_states_it_and_to_no_other(graphs):
    """A date is checked once per distinct value, so its report names the value, not a fact."""
    first, second, *others = sorted(graphs)
    as_string = lambda q: _with_object(q, Literal("2023-12"))  # noqa: E731
    batch = dict(graphs, **{iri: _broken(graphs[iri], "asOf", as_string) for iri in (first, second)})
    problems = validate.validate_graphs(batch)
    for iri in (first, second):
        assert any("the as-of date must be" in text and "2023-12" in text for text in problems[iri]), problems[iri]
    assert others and all(not problems[iri] for iri in others)
