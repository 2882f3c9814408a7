"""The graph in standard terms: what a tool that knows schema.org, Web Annotation, PROV and SKOS but
not ontology/ reads in an export (and in the `standard-view` query the export uses)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sscard_kg

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SS = "https://w3id.org/sscard-kg/ontology#"

# An article of our own whose spokesman's name, the quote of his role, occurs twice.
REPEATED_NAME = """示例：社保卡持卡人数继续增长

2024年1月24日

人社部新闻发言人卢爱红介绍，截至2023年底，全国社会保障卡持卡人数达13.79亿人。
卢爱红表示，电子社保卡领用人数持续增加。
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """examples/ and the article above."""
    path = tmp_path_factory.mktemp("standard") / "articles"
    shutil.copytree(EXAMPLES, path)
    (path / "2024-repeated-name.txt").write_text(REPEATED_NAME, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(folder, tmp_path_factory) -> str:
    location = str(tmp_path_factory.mktemp("standard-store") / "store")
    result = sscard_kg.build([str(folder)], store=location)
    assert not result.failed and len(result.built) == 4
    return location


def _source(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def test_a_quote_held_twice_keeps_the_text_around_it_and_one_held_once_none(folder, store):
    rows = sscard_kg.query("""
        PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
        SELECT ?file ?start ?end ?quote ?prefix ?suffix WHERE { GRAPH ?g {
          ?a ss:sourceFile ?file . ?e a ss:Evidence ; ss:start ?start ; ss:end ?end ; ss:quote ?quote .
          OPTIONAL { ?e ss:quotePrefix ?prefix } OPTIONAL { ?e ss:quoteSuffix ?suffix } } }""", store=store).rows
    assert rows
    for row in rows:
        text = _source(folder, row["file"])
        start, end = int(row["start"]), int(row["end"])
        assert text[start:end] == row["quote"]
        if text.count(row["quote"]) == 1:
            assert row["prefix"] is None and row["suffix"] is None, row
        else:
            assert row["prefix"] == text[max(0, start - 16):start] and row["suffix"] == text[end:end + 16], row
    name = [r for r in rows if r["quote"] == "卢爱红"]
    assert name and name[0]["prefix"] == "年1月24日\n\n人社部新闻发言人" and name[0]["suffix"] == "介绍，截至2023年底，全国社会"
