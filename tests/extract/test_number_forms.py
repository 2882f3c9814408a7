"""Figures as articles write them: Chinese scales in sequence, Chinese numerals with decimals, English currency, scale and percent abbreviations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.numbers import find_quantities


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
    # 兆 before a money unit is 10^12, as Taiwan and Hong Kong write it (converted to Simplified).
    ("基金结余1.2兆元", "1.2e12", "yuan", None),
    ("社保基金规模达3兆多元", "3e12", "yuan", "gt"),
    ("累计结余1兆2000亿元", "1.2e12", "yuan", None),
    ("全年支出逾2.5兆元", "2.5e12", "yuan", "gt"),
])
def test_one_figure_whatever_its_scales(text, value, unit, qualifier):
    found = find_quantities(text, english=False)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


@pytest.mark.parametrize("text", ["机房带宽升级到500兆字节", "光伏电站装机100兆瓦", "处理器主频3000兆赫", "办理100兆宽带"])
def test_mega_in_a_unit_word_is_no_scale(text):
    assert all(q.value < 10**6 for q in find_quantities(text, english=False)[0])


def test_two_figures_side_by_side_stay_two():
    found = find_quantities("持卡人数13亿人，7900万人领取了电子社保卡", english=False)[0]
    assert [q.value for q in found] == [Decimal("13e8"), Decimal("7900e4")]


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("revenue was RMB7.9 trillion", "7.9e12", "yuan", None),
    ("revenue was Rmb 7.9tn", "7.9e12", "yuan", None),
    ("CNY 7.9 trillion", "7.9e12", "yuan", None),
    ("¥7.9 trillion", "7.9e12", "yuan", None),
    ("97.6pc of residents", "97.6", "percent", None),
    ("a rate of 5.2 pct", "5.2", "percent", None),
    ("one billion people", "1e9", "person", None),
    ("two billion visits", "2e9", "person-time", None),
    ("12 million-plus jobs", "12e6", "person", "gt"),
    ("95 or more services", "95", "count", "gt"),
    ("700k users", "700e3", "person", None),
])
def test_english_figures_in_the_forms_wire_copy_uses(text, value, unit, qualifier):
    found = find_quantities(text, english=True)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


@pytest.mark.parametrize("text, value, unit, qualifier", [
    # 亿, 万 and 万亿 as machine translation renders them, word for word.
    ("holders reached 13.29 hundred million people", "13.29e8", "person", None),
    ("users reached 0.89 hundred million", "0.89e8", None, None),
    ("the province has 1329 ten thousand holders", "1329e4", "person", None),
    ("cards went to three hundred ten thousand people", "300e4", "person", None),
    ("paid more than 300 ten thousand yuan", "300e4", "yuan", "gt"),
    ("a balance of 1.2 ten thousand hundred million yuan", "1.2e12", "yuan", None),
    ("exceeded one hundred million people", "1e8", "person", "gt"),
    ("a hundred million people hold the card", "1e8", "person", None),
    ("ten thousand people", "1e4", "person", None),
    ("holders reached 13.79 100 million people", "13.79e8", "person", None),
    ("the province has 1329 10,000 holders", "1329e4", "person", None),
    ("in 2023 100 million people", "1e8", "person", None),
    # 张 rendered word for word counts cards.
    ("broke through 100 million pieces", "1e8", "card", None),
    ("issued 20 million sheets of social security cards", "2e7", "card", None),
])
def test_scale_and_counter_words_rendered_word_for_word(text, value, unit, qualifier):
    found = find_quantities(text, english=True)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


def test_hundreds_of_millions_is_no_figure():
    assert find_quantities("the card is used by hundreds of millions of people", english=True)[0] == []


def test_pieces_of_something_else_are_no_cards():
    assert [q.unit for q in find_quantities("30 pieces of advice for holders", english=True)[0]] == ["count"]


@pytest.mark.parametrize("text, value", [
    ("Among every 5 card holders, already 1 person has claimed the e-card.", "20"),
    ("Every 10 people, 9 hold the social security card.", "90"),
    ("In every 4 residents of the city, there is 1 who has activated the card.", "25"),
    ("Of every ten people in the country, nine already hold a card.", "90"),
])
def test_a_share_whose_whole_comes_first_is_one_percentage(text, value):
    found = find_quantities(text, english=True)[0]
    assert [(q.value, q.unit) for q in found] == [(Decimal(value), "percent")]
