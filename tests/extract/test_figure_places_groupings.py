"""An English grouping phrase is one region: places run together into a compound (`the Sichuan
Chongqing area`, `Beijing/Tianjin/Hebei`, `the Beijing Tianjin Hebei region`) name the grouping of
that name, not its members; and the people of a place with a social security system of its own
(`Hong Kong and Macao residents`, `港澳台居民`) are a kind of cardholder, not a region. Invented
sentences; a place run into a compound that names no grouping stays itself.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

REGION = "https://w3id.org/sscard-kg/id/region/"


def _read(text: str, title: str = "Press release") -> tuple[dict[Decimal, set[str]], set[str]]:
    """Each figure's value with its regions, and the regions the text mentions."""
    data = f"---\ntitle: {title}\ndate: 2024-05-01\n---\n{text}\n".encode()
    extraction = extract(parse_bytes(data, SourceRef("groupings.md", "groupings.md")))[1]
    figures: dict[Decimal, set[str]] = {}
    for m in extraction.measurements:
        figures.setdefault(m.value, set()).add((m.region or "").removeprefix(REGION))
    regions = {m.key.removeprefix(REGION) for m in extraction.mentions if m.type == "region"}
    return figures, regions


@pytest.mark.parametrize("text, value, grouping, members", [
    ("The Sichuan Chongqing area launched 31 joint services for cardholders.", "31", "sichuan-chongqing",
     {"sichuan", "chongqing"}),
    ("Sichuan/Chongqing rolled out 31 joint services for cardholders.", "31", "sichuan-chongqing",
     {"sichuan", "chongqing"}),
    ("The Sichuan-Chongqing area launched 31 cooperation services.", "31", "sichuan-chongqing",
     {"sichuan", "chongqing"}),
    ("The Beijing Tianjin Hebei region has 100 million cardholders.", "1e8", "beijing-tianjin-hebei",
     {"beijing", "tianjin", "hebei"}),
    ("In the Yangtze River Delta, 200 million people hold the card.", "2e8", "yangtze-river-delta",
     {"shanghai", "jiangsu"}),
    ("In the Guangdong-Hong Kong-Macao Greater Bay Area, 80 million people hold the card.", "8e7",
     "greater-bay-area", {"guangdong", "hong-kong", "macao"}),
])
def test_a_grouping_phrase_is_one_region(text: str, value: str, grouping: str, members: set[str]) -> None:
    figures, regions = _read(text)
    assert figures.get(Decimal(value)) == {grouping}, figures
    assert grouping in regions and not regions & members, regions


@pytest.mark.parametrize("text, value, region", [
    ("Sichuan Chongqing and Yunnan had 100 million cardholders.", "1e8", "yunnan"),
    ("Beijing Shanghai region had 100 million cardholders.", "1e8", "shanghai"),
])
def test_places_run_together_that_name_no_grouping_stay_themselves(text: str, value: str, region: str) -> None:
    figures, _ = _read(text)
    assert figures.get(Decimal(value)) == {region}, figures


@pytest.mark.parametrize("text, title, absent", [
    ("More than 200,000 Hong Kong and Macao residents living on the mainland hold the card.", "Press release",
     {"hong-kong", "macao"}),
    ("Some 50,000 Taiwan compatriots have claimed the card.", "Press release", {"taiwan"}),
    ("在内地居住的港澳台居民中，已有20万人持卡。", "新闻稿", {"hong-kong", "macao", "taiwan"}),
    ("香港居民和澳门居民已有20万人申领社保卡。", "新闻稿", {"hong-kong", "macao"}),
    ("在內地居住的港澳台居民中，已有20萬人持卡。", "新聞稿", {"hong-kong", "macao", "taiwan"}),
])
def test_the_people_of_a_place_with_its_own_system_name_no_region(text: str, title: str, absent: set[str]) -> None:
    figures, regions = _read(text, title)
    assert not regions & absent, regions
    assert all(not found & absent for found in figures.values()), figures


def test_the_place_itself_is_still_a_region() -> None:
    figures, regions = _read("香港特区政府表示，香港已有20万人申领内地社保卡。", "新闻稿")
    assert "hong-kong" in regions
    assert figures.get(Decimal("2e5")) == {"hong-kong"}, figures
