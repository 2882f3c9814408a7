"""Parallel and distributed builds give the same store as a build in one process."""

from __future__ import annotations

import pytest
from test_build_support import dump, make_corpus

import sscard_kg
from sscard_kg.builder import pipeline


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("parallel") / "corpus"
    make_corpus(folder, 18)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory):
    store = tmp_path_factory.mktemp("one") / "store"
    result = sscard_kg.build([str(corpus)], store=str(store), workers=1)
    return store, result


def test_two_workers_give_the_same_store_as_one(corpus, one_process, tmp_path, monkeypatch):
    store, first = one_process
    monkeypatch.setattr(pipeline, "IN_PROCESS_BELOW", 2)  # use the worker processes even for a small corpus
    assert len(first.built) == 18 and [reason for _, reason in first.failed] == ["empty file"]
    assert len(pipeline._chunks_for(18, 2)) > 1  # the work is really split between the workers
    second = sscard_kg.build([str(corpus)], store=str(tmp_path / "store"), workers=2)
    assert (second.built, second.failed) == (first.built, first.failed)
    assert dump(tmp_path / "store") == dump(store)


@pytest.mark.parametrize("count, workers", [(1, 2), (18, 2), (64, 2), (1000, 2), (10_000, 2), (999, 3), (250, 1)])
def test_batches_cover_every_article_once_and_shrink_toward_the_end(count, workers):
    bounds = pipeline._chunks_for(count, workers)
    assert [a for a, _ in bounds] == [0] + [b for _, b in bounds[:-1]] and bounds[-1][1] == count
    sizes = [b - a for a, b in bounds]
    assert max(sizes) <= pipeline.MAX_BATCH and sizes == sorted(sizes, reverse=True)
    assert sizes[-1] <= pipeline.MIN_BATCH
    if count >= 4 * workers * pipeline.MAX_BATCH:  # a large build opens with full batches
        assert sizes[0] == pipeline.MAX_BATCH


def test_dask_cluster_gives_the_same_store(corpus, one_process, tmp_path):
    distributed = pytest.importorskip("distributed", reason="the dask executor needs the distributed package")
    store, first = one_process
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        result = sscard_kg.build([str(corpus)], store=str(tmp_path / "store"), executor="dask",
                                 scheduler=cluster.scheduler_address, shards=str(tmp_path / "shards"))
    assert (result.built, result.failed) == (first.built, first.failed)
    assert list((tmp_path / "shards").glob("shard-*.nq"))
    assert dump(tmp_path / "store") == dump(store)
    again = sscard_kg.build([str(corpus)], store=str(tmp_path / "store"), workers=1)
    assert len(again.unchanged) == 18 and not again.built


def test_dask_without_a_scheduler_is_a_clear_error(corpus, tmp_path):
    with pytest.raises(sscard_kg.SscardError, match="needs --scheduler"):
        sscard_kg.build([str(corpus)], store=str(tmp_path / "store"), executor="dask")
