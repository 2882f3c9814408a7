"""The sample articles shipped in examples/ (the README's first command builds them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import sscard_kg

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("examples") / "store")
    result = sscard_kg.build([str(EXAMPLES)], store=store, workers=1)
    assert result.ok and len(result.built) == 3
    return {(r["file"], r["metric"], r["value"], r["asOf"]) for r in sscard_kg.query("measurements", store=store)}


@pytest.mark.parametrize("row", [
    ("2022-bulletin-zh-hans.md", "card-holders", "1368000000", "2022-12-31"),
    ("2022-bulletin-zh-hans.md", "new-urban-jobs", "12060000", "2022"),
    ("2023-card-zh-hant.txt", "card-holders", "1379000000", "2023-12-31"),
    ("2023-card-zh-hant.txt", "ecard-holders", "962000000", "2023-12-31"),
    ("2020-english.txt", "card-holders", "1302000000", "2019-12-31"),
    ("2020-english.txt", "card-penetration", "93", "2019-12-31"),
])
def test_sample_figures(rows, row):
    assert row in rows


def test_sample_boilerplate_gives_nothing(rows):
    assert {r[0] for r in rows} == {"2022-bulletin-zh-hans.md", "2023-card-zh-hant.txt", "2020-english.txt"}
    assert len(rows) == 9
