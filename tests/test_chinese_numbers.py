"""Chinese figures as articles write them: scales in sequence, Chinese numerals with decimals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.numbers import find_quantities


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("持卡人数达13亿7900万人", "1379000000", "person", None),
    ("共1亿2000万人", "120000000", "person", None),
    ("超过1亿5000多万人", "150000000", "person", "gt"),
    ("全市3万5千余人", "35000", "person", "gt"),
    ("2亿3万人", "200030000", "person", None),
    ("十三亿七千九百万人", "1379000000", "person", None),
    ("达十三点七九亿人", "1379000000", "person", None),
    ("五点五万人", "55000", "person", None),
    ("一万二千人", "12000", "person", None),
    ("一万零五百人", "10500", "person", None),
    ("三万亿元", "3000000000000", "yuan", None),
    ("二十万亿元", "20000000000000", "yuan", None),
    ("5.02万亿元", "5020000000000", "yuan", None),
])
def test_one_figure_whatever_its_scales(text, value, unit, qualifier):
    found = find_quantities(text, english=False)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


def test_two_figures_side_by_side_stay_two():
    found = find_quantities("持卡人数13亿人，7900万人领取了电子社保卡", english=False)[0]
    assert [q.value for q in found] == [Decimal("13e8"), Decimal("7900e4")]
