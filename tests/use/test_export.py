"""Every export format is byte-stable and parses back, in rdflib and in pyoxigraph, to the store's graph
(with, by default, the standard view of each article graph)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import DefaultGraph, Quad, RdfFormat, parse, serialize
from rdflib import Dataset

import sscard_kg
from sscard_kg.use.export import FORMATS as EXPORT_FORMATS
from sscard_kg.use.export import standard_view
from sscard_kg.graph.store import open_store

FORMATS = {  # export name: (pyoxigraph format, rdflib format, keeps the article graphs)
    "turtle": (RdfFormat.TURTLE, "turtle", False),
    "ntriples": (RdfFormat.N_TRIPLES, "nt", False),
    "trig": (RdfFormat.TRIG, "trig", True),
    "nquads": (RdfFormat.N_QUADS, "nquads", True),
    "jsonld": (RdfFormat.JSON_LD, "json-ld", True),
}
CASES = [(fmt, reference, standard) for fmt in FORMATS for reference in (False, True) for standard in (True, False)]


@pytest.fixture(scope="module")
def store(build_seeds_store) -> str:
    return build_seeds_store("export")


def expected_quads(store: str, fmt: str, reference: bool, standard: bool = False) -> set[Quad]:
    """What the file must hold: the store's quads (and the standard view's), merged into one graph
    for triple formats."""
    db = open_store(store, read_only=True)
    quads = {q for q in db if reference or not isinstance(q.graph_name, DefaultGraph)}
    quads |= set(standard_view(db)) if standard else set()
    if FORMATS[fmt][2]:
        return quads
    return {Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads}


def rdflib_quads(data: bytes, fmt: str) -> set[tuple]:
    dataset = Dataset()
    dataset.parse(data=data, format=fmt)
    return {(s, p, o, str(g)) for s, p, o, g in dataset.quads((None, None, None, None))}


def test_every_format_is_named():
    assert set(FORMATS) == set(EXPORT_FORMATS)


@pytest.mark.parametrize("fmt, reference, standard", CASES)
def test_export_is_byte_identical(store, fmt, reference, standard):
    first = sscard_kg.export(fmt, store=store, include_reference=reference, standard_terms=standard)
    assert first == sscard_kg.export(fmt, store=store, include_reference=reference, standard_terms=standard)
    assert len(first) > 10_000


@pytest.mark.parametrize("fmt, reference, standard", CASES)
def test_pyoxigraph_reads_back_the_same_graph(store, fmt, reference, standard):
    data = sscard_kg.export(fmt, store=store, include_reference=reference, standard_terms=standard)
    parsed = set(parse(data, format=FORMATS[fmt][0]))
    if not FORMATS[fmt][2]:
        parsed = {Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in parsed}
    assert parsed == expected_quads(store, fmt, reference, standard)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD parser uses ConjunctiveGraph
@pytest.mark.parametrize("fmt, reference, standard", CASES)
def test_rdflib_reads_back_the_same_graph(store, fmt, reference, standard):
    """rdflib's reading of the export equals its reading of the store dumped as N-Quads."""
    data = sscard_kg.export(fmt, store=store, include_reference=reference, standard_terms=standard)
    truth = serialize(sorted(expected_quads(store, fmt, reference, standard), key=str), format=RdfFormat.N_QUADS)
    assert rdflib_quads(data, FORMATS[fmt][1]) == rdflib_quads(truth, "nquads")


def test_the_standard_terms_are_on_by_default_and_off_on_request(store):
    default = sscard_kg.export("nquads", store=store)
    stored = sscard_kg.export("nquads", store=store, standard_terms=False)
    assert default == sscard_kg.export("nquads", store=store, standard_terms=True) != stored
    assert b"<https://schema.org/Observation>" in default and b"<https://schema.org/Observation>" not in stored
    assert set(stored.splitlines()) < set(default.splitlines())


def test_reference_data_only_on_request(store):
    without = sscard_kg.export("nquads", store=store)
    with_reference = sscard_kg.export("nquads", store=store, include_reference=True)
    metric_label = "<http://www.w3.org/2004/02/skos/core#prefLabel> \"社保卡持卡人数\"@zh-hans ."
    assert metric_label.encode() not in without and metric_label.encode() in with_reference


def test_trig_writes_each_article_graph_once(store):
    text = sscard_kg.export("trig", store=store).decode()
    graphs = {q.graph_name for q in open_store(store, read_only=True) if not isinstance(q.graph_name, DefaultGraph)}
    assert text.count("{\n") == len(graphs) >= 5


def test_cli_export_is_byte_identical_across_processes(store, tmp_path):
    script = shutil.which("sscard-kg", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "sscard_kg.cli"]
    outputs = []
    for name in ("a.trig", "b.trig"):
        subprocess.run(command + ["export", "--store", store, "--format", "trig", "--with-reference",
                                  "-o", str(tmp_path / name)], check=True, timeout=60)
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1] == sscard_kg.export("trig", store=store, include_reference=True)


def test_an_unknown_format_is_a_clear_error(store):
    result = subprocess.run([sys.executable, "-m", "sscard_kg.cli", "export", "--store", store, "--format", "rdfxml"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "unknown export format 'rdfxml'" in result.stderr
    assert "Traceback" not in result.stderr
