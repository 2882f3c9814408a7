"""Every evidence quote in the store is the original file's text at the stated offsets.

Offsets count characters of the file read as UTF-8, as `Article.raw` holds it; a quote that
drifts by one character would send a reader to the wrong place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sscard_kg

EVIDENCE = """
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
SELECT ?file ?type ?start ?end ?quote WHERE {
  GRAPH ?g {
    ?article ss:sourceFile ?file .
    ?subject a ?type ; ss:evidence ?evidence .
    ?evidence ss:start ?start ; ss:end ?end ; ss:quote ?quote .
    FILTER (?type IN (ss:Measurement, ss:RoleStatement))
  }
}
"""
MEASUREMENT = "https://w3id.org/sscard-kg/ontology#Measurement"
ROLE = "https://w3id.org/sscard-kg/ontology#RoleStatement"


def _evidence_rows(folder: Path, store: Path) -> list[dict]:
    result = sscard_kg.build([str(folder)], store=str(store), workers=1)
    assert result.ok, result.failed
    return sscard_kg.query(EVIDENCE, store=str(store)).rows


def _mismatches(folder: Path, rows: list[dict]) -> list[tuple]:
    texts: dict[str, str] = {}
    wrong = []
    for row in rows:
        raw = texts.setdefault(row["file"], (folder / row["file"]).read_bytes().decode("utf-8-sig"))
        start, end = int(row["start"]), int(row["end"])
        if raw[start:end] != row["quote"]:
            wrong.append((row["file"], start, end, row["quote"][:40], raw[start:end][:40]))
    return wrong


@pytest.fixture(scope="module")
def seed_rows(seeds_dir, tmp_path_factory):
    return _evidence_rows(seeds_dir, tmp_path_factory.mktemp("evidence-seeds") / "store")


@pytest.fixture(scope="module")
def dev_rows(dev_dir, tmp_path_factory):
    return _evidence_rows(dev_dir, tmp_path_factory.mktemp("evidence-dev") / "store")


def test_seed_measurements_have_evidence(seed_rows):
    assert any(row["type"] == MEASUREMENT for row in seed_rows)


def test_seed_role_statements_have_evidence(seed_rows):
    assert any(row["type"] == ROLE for row in seed_rows)


def test_seed_quotes_equal_the_original_at_their_offsets(seeds_dir, seed_rows):
    assert _mismatches(seeds_dir, seed_rows) == []


def test_dev_quotes_equal_the_original_at_their_offsets(dev_dir, dev_rows):
    assert len(dev_rows) > 50 and _mismatches(dev_dir, dev_rows) == []


INVENTED = {
    "invisible.txt": "持卡人数再创新高\n2024年1月20日\n截至2023年底，全国社会保\u200b障卡持卡人数达13.\u200b79亿人，"
                     "电子社保卡领用人数达\u2066９．７\u2069亿人。\n人社部副部长李\u00ad忠表示，覆盖９７．７％的人口。\n",
    "invisible-en.txt": "Card holders reach a new high\nJanuary 20, 2024\nBy the end of 2023, 1.\u00ad379 billion people "
                        "held social security ca\u200brds\ufeff, and 970\u2060 million held e-cards, the ministry said.\n",
    "header.txt": "最新免费高清电影在线观看_每日更新海量影视资源_支持手机电脑同步观看\r\nHome > News\r\nCard holders reach "
                  "a new high\r\nJanuary 20, 2024\r\nBy the end of 2023, 1.379 billion people held social security "
                  "cards, covering 97.7 percent of the population.\r\n",
    "separators.txt": "持卡人数再创新高\u20292024年1月20日\u2029截至2023年底，全国社会保障卡持卡人数达13.79亿人。\u2028"
                      "扫码就医已覆盖300个城市。\u2029扫描二维码关注我们\u2029",
}


@pytest.fixture(scope="module")
def invented_rows(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evidence-invented")
    for name, text in INVENTED.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    return folder, _evidence_rows(folder, tmp_path_factory.mktemp("evidence-invented-store") / "store")


def test_quotes_across_invisible_characters_full_width_forms_and_line_breaks_equal_the_original(invented_rows):
    folder, rows = invented_rows
    measurements = [row for row in rows if row["type"] == MEASUREMENT]
    assert {row["file"] for row in measurements} == set(INVENTED)
    assert any("\u200b" in row["quote"] for row in measurements)
    assert _mismatches(folder, rows) == []
