"""jieba's word frequencies, read from the compact copy in the user's cache folder."""

from __future__ import annotations

import math

import jieba
import pytest

from sscard_kg.clean.mojibake import plausibility


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    plausibility._model.cache_clear()
    yield tmp_path
    plausibility._model.cache_clear()


def jieba_model() -> tuple[dict[str, int], float]:
    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    return jieba.dt.FREQ, math.log(jieba.dt.total)


def test_the_compact_copy_is_written_and_read_back_equal_to_jiebas(cache_home):
    written = plausibility._model()
    (cached,) = (cache_home / "sscard-kg").glob("jieba-freq-*.bin")
    plausibility._model.cache_clear()
    read = plausibility._model()
    assert read == written == jieba_model()
    assert read[0] is not written[0]
    assert cached.stat().st_size > 1_000_000


def test_a_damaged_copy_is_replaced(cache_home):
    plausibility._model()
    (cached,) = (cache_home / "sscard-kg").glob("jieba-freq-*.bin")
    cached.write_bytes(cached.read_bytes()[:-8])
    assert plausibility._read_compact(cached) is None
    plausibility._model.cache_clear()
    assert plausibility._model() == jieba_model()
    assert plausibility._read_compact(cached)[0] == jieba_model()[0]


def test_an_unwritable_cache_folder_only_costs_time(cache_home):
    (cache_home / "sscard-kg").write_text("a file where the folder would be")
    assert plausibility._model() == jieba_model()


def test_no_home_directory_only_costs_time(cache_home, monkeypatch):
    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(plausibility.Path, "home", staticmethod(no_home))
    assert plausibility._model() == jieba_model()


def test_a_copy_that_fails_half_way_leaves_no_file(cache_home, monkeypatch):
    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plausibility.os, "replace", full_disk)
    assert plausibility._model() == jieba_model()
    assert list((cache_home / "sscard-kg").iterdir()) == []
