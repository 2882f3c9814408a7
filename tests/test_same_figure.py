"""Which figures are the same figure, whose place a figure is, and what "one in N" counts.

Invented sentences only: a fact told more than once is one figure, two facts that share a value
are two; a dateline, a venue or an organisation's place is not the region a figure is for.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract import extract
from sscard_kg.numbers import find_quantities
from sscard_kg.sources import SourceRef, parse_bytes


def _figures(text: str, title: str = "新闻稿", published: str = "2024-01-24"):
    data = f"---\ntitle: {title}\ndate: {published}\n---\n{text}\n".encode()
    return extract(parse_bytes(data, SourceRef("invented.md", "invented.md")))[1].measurements


@pytest.mark.parametrize("text, english", [
    ("每5人中有1人领取了电子社保卡", False),
    ("每五个人中就有一个人领取了电子社保卡", False),
    ("五个人里有一个领取了电子社保卡", False),
    ("五分之一的人口领取了电子社保卡", False),
    ("1/5的人口领取了电子社保卡", False),
    ("One in five people has an electronic card", True),
    ("1 in 5 residents has an electronic card", True),
    ("one out of every five workers has an electronic card", True),
])
def test_one_in_n_is_a_share_not_two_counts(text, english):
    found = find_quantities(text, english)[0]
    assert [(q.value, q.unit) for q in found] == [(Decimal(20), "percent")]


def test_one_in_n_in_an_article_is_one_percentage():
    figures = _figures("每5人中有1人领取了电子社保卡。")
    assert [(m.value, m.unit) for m in figures] == [(Decimal(20), "percent")]


@pytest.mark.parametrize("text, english", [
    ("two in 2019 were issued", True),
    ("每5人一组", False),
])
def test_what_only_looks_like_one_in_n_is_no_share(text, english):
    assert all(q.unit != "percent" for q in find_quantities(text, english)[0])
