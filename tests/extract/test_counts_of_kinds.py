"""A count of kinds, batches or documents is a classification or an act of policy, not a figure;
counts of services, places, institutions and people stay figures. Invented sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def _values(body: str, published: str = "2023-05-01") -> set[Decimal]:
    title = "Press release" if body[:1].isascii() else "新闻稿"
    data = f"---\ntitle: {title}\ndate: {published}\n---\n{body}\n".encode()
    return {m.value for m in extract(parse_bytes(data, SourceRef("kinds.md", "kinds.md")))[1].measurements}


@pytest.mark.parametrize("body, dropped, kept", [
    ("平台已提供6类45项全国性服务。", "6", "45"),
    ("今年共发布两批12个新职业，颁布20个国家职业技能标准。", "20", None),
    ("省人社厅出台了15条稳就业措施，全省新增就业52万人。", "15", "52e4"),
    ("人社部印发8个配套文件，全国已有300个城市开通社保卡跨省应用。", "8", "300"),
    ("社保卡应用已拓展到60多个公共服务领域，开通便民服务120项。", "60", "120"),
    ("The ministry rolled out 24 new policies and 3 batches of pilot programmes in 2022.", "24", None),
    ("The platform offers 45 national services across 6 categories.", "6", "45"),
    ("A total of 18 national occupational standards were issued, and 300 cities now accept the card.", "18", "300"),
    ("The bureau set 12 tasks for the year and opened 900 service outlets.", "12", "900"),
    ("小编整理了大家最关心的5个问题，全市已有900个网点可以办卡。", "5", "900"),
    ("1 to 9 month, three item society insurance fund total income 6.69 ten thousand hundred million yuan.", "3",
     "6.69e12"),
    ("The three funds took in 6.69 trillion yuan; 2 insurances were merged in 300 cities.", "2", "300"),
    ("Pension accounts may now buy 85 index fund products, and 3 funds were added in 12 cities.", "3", "85"),
    ("换卡按人群分5个批次推进，全市已有900个网点可以办卡。", "5", "900"),
    ("Here are five things to know: the city has 900 outlets that issue the card.", "5", "900"),
])
def test_counts_of_kinds_batches_and_documents_are_no_figures(body, dropped, kept):
    values = _values(body)
    assert Decimal(dropped) not in values
    if kept:
        assert Decimal(kept) in values


def test_kinds_of_services_are_services():
    assert Decimal("100") in _values("People can now handle 100 kinds of business with their social security cards.")
    assert Decimal("40") in _values("The e-card offers 40 types of services nationwide.")


def test_the_head_noun_decides_what_a_chinese_count_counts():
    assert Decimal("95") in _values("各地已普遍开通95项人社领域社保卡应用。")
    assert Decimal("60") not in _values("社保卡应用已拓展到60多个公共服务领域。")
