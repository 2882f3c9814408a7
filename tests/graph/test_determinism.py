"""The same input gives the same IRIs and byte-identical Turtle, whatever the working folder or run."""

from __future__ import annotations

import shutil

import sscard_kg
from sscard_kg.extract.extract import extract, version
from sscard_kg.graph.rdf import article_quads, article_triples, nquads, to_turtle
from sscard_kg.read.sources import SourceRef, collect, read


def test_article_turtle_is_byte_identical_across_runs(seed_file):
    path = seed_file("002")
    ref = SourceRef(str(path), path.name)
    first = to_turtle(article_quads(extract(read(ref))[1], version()))
    second = to_turtle(article_quads(extract(read(ref))[1], version()))
    assert first == second and b"ss:Measurement" in first


def test_store_export_is_identical_whatever_the_working_folder_or_spelling(seeds_dir, tmp_path, monkeypatch):
    exports = []
    for spelling, working, name in ((str(seeds_dir), tmp_path, "a"), (".", seeds_dir, "b"),
                                    (f"../{seeds_dir.name}/", seeds_dir, "c")):
        monkeypatch.chdir(working)
        store = str(tmp_path / name)
        assert sscard_kg.build([spelling], store=store, workers=1).ok
        exports.append(sscard_kg.export("turtle", store=store))
    assert exports[0] == exports[1] == exports[2]


def test_a_copy_in_another_folder_answers_the_contract_queries_the_same(seeds_dir, tmp_path):
    """A copy is other files, so other articles (other IRIs); what it says is the same."""
    copy = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(seeds_dir, copy)
    answers = []
    for source, name in ((seeds_dir, "a"), (copy, "b")):
        store = str(tmp_path / name)
        assert sscard_kg.build([str(source)], store=store, workers=1).ok
        answers.append([sscard_kg.query(query, store=store).rows for query in ("measurements", "mentions")])
    assert answers[0] == answers[1] and answers[0][0]


def test_the_workers_n_quads_are_the_bytes_pyoxigraphs_serialiser_gives(seeds_dir, dev_dir):
    """Workers write each graph's N-Quads from its terms; escapes in quotes (\\, ", line breaks)
    and language tags must come out as pyoxigraph writes them."""
    from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

    tricky = (NamedNode("https://example.org/s"), NamedNode("https://example.org/p"),
              Literal('a "quote", a \\ and\na line\tbreak\r', language="zh-Hans"))
    graph = NamedNode("https://example.org/g")
    assert nquads(graph, [tricky]) == serialize([Quad(*tricky, graph)], format=RdfFormat.N_QUADS)
    for ref in collect([str(seeds_dir), str(dev_dir)]):
        extraction = extract(read(ref))[1]
        graph, triples = article_triples(extraction, version())
        assert nquads(graph, triples) == serialize(article_quads(extraction, version()), format=RdfFormat.N_QUADS)
