"""Incremental builds: unchanged articles cost a hash and a lookup, a changed file replaces its
graph, --prune removes graphs whose source is gone, a new extractor or reference data re-extracts."""

from __future__ import annotations

import shutil

import pytest
from test_build_support import SS, cli, graphs, http_server, key_of, make_corpus, opened, reply, source_keys, vary

import sscard_kg
from sscard_kg import resources
from sscard_kg.builder import batch
from sscard_kg.extract import extract, gazetteer


@pytest.fixture()
def built(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 6)
    store = tmp_path / "store"
    result = sscard_kg.build([str(corpus)], store=str(store), workers=1)
    assert len(result.built) == 6 and result.ok
    return corpus, store


def _versions(store) -> set[str]:
    """The extractor versions the article graphs record."""
    with opened(store) as db:
        return {row["v"].value for row in db.query(
            f"SELECT DISTINCT ?v WHERE {{ GRAPH ?g {{ ?g <{SS}extractorVersion> ?v }} }}")}


def test_unchanged_articles_are_not_extracted_again(built, monkeypatch):
    corpus, store = built
    before = graphs(store)

    def no_extraction(*args, **kwargs):
        raise AssertionError("an unchanged article was extracted again")

    monkeypatch.setattr(batch, "run_batch", no_extraction)
    monkeypatch.setattr("sscard_kg.builder.pipeline.run_batch", no_extraction)
    result = sscard_kg.build([str(corpus)], store=str(store), workers=2)
    assert len(result.unchanged) == 6 and not result.built and result.ok
    assert graphs(store) == before


def test_a_changed_file_replaces_its_graph(built, tmp_path):
    corpus, store = built
    before = graphs(store)
    changed = sorted(corpus.iterdir())[1]
    changed.write_text(vary(changed.read_text(encoding="utf-8"), 40), encoding="utf-8")
    result = sscard_kg.build([str(corpus)], store=str(store), workers=1)
    assert result.built == [str(changed)] and len(result.unchanged) == 5
    after = graphs(store)
    differ = {g for g in set(before) | set(after) if before.get(g) != after.get(g)}
    assert len(differ) == 1
    # the graph is exactly what a fresh build of the new file gives: nothing of the old one is left
    fresh = tmp_path / "fresh"
    sscard_kg.build([str(corpus)], store=str(fresh), workers=1)
    assert graphs(fresh) == after


def test_prune_removes_graphs_whose_source_is_gone(built):
    corpus, store = built
    gone = sorted(corpus.iterdir())[0]
    gone.unlink()
    kept = sscard_kg.build([str(corpus)], store=str(store), workers=1)
    assert not kept.pruned and key_of(gone) in source_keys(store)
    result = cli("build", str(corpus), "--store", str(store), "--prune", "-q")
    assert result.exit_code == 0, result.output
    assert "0 built, 5 unchanged, 0 failed, 1 pruned" in result.stderr
    assert source_keys(store) == {key_of(p) for p in corpus.iterdir()}


def test_a_new_extractor_version_re_extracts_everything(built, monkeypatch):
    corpus, store = built
    old = _versions(store)
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", extract.EXTRACTOR_VERSION + "-next")
    result = sscard_kg.build([str(corpus)], store=str(store), workers=1)
    assert len(result.built) == 6 and not result.unchanged
    new = _versions(store)
    assert new == {extract.version()} and new != old


def test_changed_reference_data_re_extracts_everything(built, tmp_path, monkeypatch):
    corpus, store = built
    ontology = tmp_path / "ontology"
    shutil.copytree(resources.ONTOLOGY_DIR, ontology)
    with (ontology / "regions.ttl").open("a", encoding="utf-8") as handle:
        handle.write('\n<https://w3id.org/sscard-kg/id/region/test-only> '
                     '<http://www.w3.org/2004/02/skos/core#note> "added by a test" .\n')
    monkeypatch.setattr(resources, "ONTOLOGY_DIR", ontology)
    for cached in (gazetteer.load, gazetteer.reference_graph):
        cached.cache_clear()
    try:
        result = sscard_kg.build([str(corpus)], store=str(store), workers=1)
    finally:
        monkeypatch.undo()
        for cached in (gazetteer.load, gazetteer.reference_graph):
            cached.cache_clear()
    assert len(result.built) == 6 and not result.unchanged
    assert any('"added by a test"' in line for line in graphs(store)[""])


def test_an_unchanged_url_is_fetched_but_not_extracted_again(tmp_path):
    body = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人。".encode()
    with http_server({"/a.txt": lambda r: reply(r, body)}) as base:
        url = f"{base}/a.txt"
        first = sscard_kg.build([url], store=str(tmp_path / "store"), workers=1, allow_private_urls=True)
        second = sscard_kg.build([url], store=str(tmp_path / "store"), workers=1, allow_private_urls=True)
    assert first.built == [url] and second.unchanged == [url] and not second.built


def test_one_file_reached_twice_is_built_once_and_two_files_of_one_name_are_two_articles(tmp_path):
    make_corpus(tmp_path / "one", 2)
    make_corpus(tmp_path / "two", 1)
    same = tmp_path / "one" / "a000.txt"
    other = tmp_path / "two" / "a000.txt"
    spelt_otherwise = str(tmp_path / "two" / ".." / "one" / "a000.txt")
    result = sscard_kg.build([str(same), str(same), spelt_otherwise, str(other)], store=str(tmp_path / "store"),
                             workers=1)
    assert result.built == [str(same), str(other)] and result.ok
