"""The figures summary follows the articles: a build that changes them recomputes it, an unchanged
build leaves it, and a summary left stale by a killed build is recomputed by the next one."""

from __future__ import annotations

import gc
import shutil

import pytest
from pyoxigraph import Quad

import sscard_kg
from sscard_kg.graph import summary
from sscard_kg.graph.store import article_states, open_store


def _figures(store: str) -> set[Quad]:
    db = open_store(store)
    try:
        return set(db.quads_for_pattern(None, None, None, summary.FIGURES))
    finally:
        del db
        gc.collect()


def _summarised_current(store: str) -> bool:
    db = open_store(store)
    try:
        return summary.summarised(db) == summary.digest(article_states(db))
    finally:
        del db
        gc.collect()


@pytest.fixture()
def folder(seeds_dir, tmp_path):
    target = tmp_path / "articles"
    shutil.copytree(seeds_dir, target)
    return target


def test_a_build_summarises_the_articles_it_built(folder, tmp_path):
    store = str(tmp_path / "store")
    sscard_kg.build([str(folder)], store=store, workers=1)
    assert _summarised_current(store)
    metrics = {q.object.value for q in _figures(store) if q.predicate.value.endswith("#metric")}
    assert "https://w3id.org/sscard-kg/id/metric/card-holders" in metrics


def test_an_unchanged_build_keeps_the_summary_and_a_change_recomputes_it(folder, tmp_path, monkeypatch):
    store = str(tmp_path / "store")
    sscard_kg.build([str(folder)], store=store, workers=1)
    before = _figures(store)
    calls = []
    monkeypatch.setattr(summary, "refresh", lambda db, states: calls.append(len(states)) or False)
    sscard_kg.build([str(folder)], store=store, workers=1)
    assert calls == [5]
    monkeypatch.undo()

    sscard_kg.build([str(folder)], store=store, workers=1)
    assert _figures(store) == before
    removed = sorted(folder.iterdir())[0]
    removed.unlink()
    sscard_kg.build([str(folder)], store=store, workers=1, prune=True)
    after = _figures(store)
    assert after != before and _summarised_current(store)


def test_a_summary_left_stale_is_recomputed_by_the_next_build(folder, tmp_path):
    store = str(tmp_path / "store")
    sscard_kg.build([str(folder)], store=store, workers=1)
    whole = _figures(store)
    db = open_store(store)
    db.remove_graph(summary.FIGURES)  # as if the build had died before its summary
    del db
    gc.collect()
    result = sscard_kg.build([str(folder)], store=store, workers=1)
    assert not result.built and len(result.unchanged) == 5
    assert _figures(store) == whole


def test_each_article_has_its_rank_in_the_order_of_file_names_and_the_contract_queries_follow_it(folder, tmp_path):
    (folder / "sub").mkdir()
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "sub" / first.name)  # two files of one name: two articles, two ranks
    store = str(tmp_path / "store")
    sscard_kg.build([str(folder)], store=store, workers=1)
    db = open_store(store)
    try:
        ranks = {q.subject.value: int(q.object.value) for q in _figures_of(db) if q.predicate == summary.FILE_RANK}
        files = {q.graph_name.value: q.object.value
                 for q in db.quads_for_pattern(None, summary.SS("sourceFile"), None, None)}
    finally:
        del db
        gc.collect()
    assert sorted(ranks) == sorted(files) and sorted(ranks.values()) == list(range(1, len(files) + 1))
    assert [files[graph] for graph in sorted(ranks, key=ranks.get)] == sorted(files.values())
    for name in ("measurements", "mentions"):
        rows = sscard_kg.query(name, store=store).rows
        assert rows and [row["file"] for row in rows] == sorted(row["file"] for row in rows)


def _figures_of(db):
    return db.quads_for_pattern(None, None, None, summary.FIGURES)
