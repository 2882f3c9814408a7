"""Invisible characters and full-width forms inside page_figures and words: the same page_figures and metrics
as the clean text, with evidence that still quotes the original at its offsets.

The sentences are invented; each invisible character is put where a copy-paste or a site's
anti-scraping step puts it: inside a number, between a number and its scale, inside a word.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from sscard_kg.clean import clean
from sscard_kg.clean.boilerplate import segment_lines
from sscard_kg.clean.script import invisible_edits
from sscard_kg.read.sources import SourceRef, parse_bytes

# One of each kind: zero-width space, non-joiner, joiner, word joiner, soft hyphen, a byte-order
# mark in mid-text, the Mongolian vowel separator, bidirectional marks, embeddings and isolates.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u180e", "\u200e", "\u200f",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]

ZH_PAGE = "全国社保卡持卡人数再创新高\n2024年1月20日\n截至2023年底，全国社会保障卡持卡人数达{n}亿人。\n"
EN_PAGE = ("Social security card holders reach new high\nJanuary 20, 2024\n"
           "By the end of 2023, {n} billion people held social security {w}, the ministry said.\n")


@pytest.fixture(scope="module")
def clean_zh(page_figures):
    return page_figures(ZH_PAGE.format(n="13.79"))


@pytest.fixture(scope="module")
def clean_en(page_figures):
    return page_figures(EN_PAGE.format(n="1.379", w="cards"))


def test_the_clean_pages_give_the_card_holders(clean_zh, clean_en):
    assert [f[:3] for f in clean_zh] == [("card-holders", Decimal("1379000000"), "person")]
    assert [f[:3] for f in clean_en] == [("card-holders", Decimal("1379000000"), "person")]


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_inside_a_chinese_number(mark, page_figures, clean_zh):
    assert page_figures(ZH_PAGE.format(n=f"13.{mark}79")) == clean_zh
    assert page_figures(ZH_PAGE.format(n=f"1{mark}3.79")) == clean_zh


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_inside_an_english_number(mark, page_figures, clean_en):
    assert page_figures(EN_PAGE.format(n=f"1.{mark}379", w="cards")) == clean_en


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_inside_the_words_that_name_the_metric(mark, page_figures, clean_zh, clean_en):
    zh = ZH_PAGE.format(n="13.79").replace("社会保障卡", f"社会保{mark}障卡").replace("持卡人数", f"持卡{mark}人数")
    assert page_figures(zh) == clean_zh
    assert page_figures(EN_PAGE.format(n="1.379", w=f"ca{mark}rds")) == clean_en


def test_a_run_of_invisible_characters_between_number_and_scale(page_figures, clean_zh):
    assert page_figures(ZH_PAGE.format(n="13.79" + "".join(INVISIBLE))) == clean_zh


def test_every_format_character_is_removed_and_nothing_visible_is():
    every_format = "".join(chr(c) for c in range(0x20000) if unicodedata.category(chr(c)) == "Cf")
    text = f"a{every_format}b 社\ufe0f保 Ａ１ ，"
    removed = "".join(text[e.start:e.end] for e in invisible_edits(text))
    assert removed == every_format + "\ufe0f"
    assert all(e.replacement == "" for e in invisible_edits(text))


@pytest.mark.parametrize("written", ["１３．７９", "13﹒79", "１３﹒７９", "13．79"])
def test_full_width_digits_and_points(written, page_figures, clean_zh):
    assert page_figures(ZH_PAGE.format(n=written)) == clean_zh


@pytest.mark.parametrize("written, value", [("１，３７９万", "13790000"), ("1，379万", "13790000"),
                                            ("１３７９万", "13790000"), ("1﹐379万", "13790000")])
def test_full_width_thousands_separators(written, value, page_figures):
    page = f"2024年1月20日\n截至2023年底，全国电子社保卡领用人数达{written}人。\n"
    assert [f[:3] for f in page_figures(page)] == [("ecard-holders", Decimal(value), "person")]


@pytest.mark.parametrize("sign", ["%", "％", "﹪"])
def test_full_width_and_small_percent_signs(sign, page_figures):
    page = f"2024年1月20日\n截至2023年底，全国社会保障卡覆盖９７．７{sign}的人口。\n"
    assert [f[:3] for f in page_figures(page)] == [("card-penetration", Decimal("97.7"), "percent")]


def test_english_percent_in_full_width(page_figures):
    page = "January 20, 2024\nBy the end of 2023, social security cards covered ９７.７％ of the population.\n"
    assert [f[:3] for f in page_figures(page)] == [("card-penetration", Decimal("97.7"), "percent")]


HTML_PAGE = """<html><head><title>社保卡</title></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li></ul></nav>
<article><h1>全国社保卡持卡人数再创新高</h1>
<p>人社部2024年1月20日表示，截至2023年底，全国社保卡持卡人数达13.{mark}79亿人，其中9.{mark}7亿人领用了电子社保卡。</p>
<p>2023年，电子社保卡服务人次达1{mark}51亿，人社部将继续推进社保卡居民服务“一卡通”。</p></article>
</body></html>"""


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "&shy;", "&#8203;", "\u2060\ufeff"])
def test_an_html_paragraph_with_invisible_characters_stays_main_text(mark, page_reading):
    def figures(page: str) -> list[tuple]:
        return [(m.metric, m.value) for m in page_reading(page, "invented.html").measurements]

    clean = figures(HTML_PAGE.format(mark=""))
    assert len(clean) == 3
    assert figures(HTML_PAGE.format(mark=mark)) == clean


@pytest.mark.parametrize("brk", ["\r", "\r\n", "\u2028", "\u2029", "\x85", "\x0c", "\x0b"],
                         ids=lambda c: f"U+{ord(c[-1]):04X}")
def test_any_line_break_separates_the_lines(brk, page_reading):
    page = "Home > News\n{headline}\n2024年1月20日\n截至2023年底，全国社保卡持卡人数达13.79亿人。\n扫描二维码关注我们\n"
    headline = "全国社保卡持卡人数再创新高"

    def reading(text: str):
        cleaned = clean(parse_bytes(text.encode("utf-8"), SourceRef("lines.txt", "lines.txt")))
        kinds = [(seg.kind, cleaned.text[a:b]) for seg, a, b in segment_lines(cleaned.text, cleaned.segments)]
        return kinds, [(m.metric, m.value, m.as_of) for m in page_reading(text, "lines.txt").measurements]

    assert reading(page.format(headline=headline).replace("\n", brk)) == reading(page.format(headline=headline))


@pytest.mark.parametrize("mark", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_inside_card_and_cardholders(mark, page_figures):
    zh = "2024年1月20日\n截至2023年底，全国社保{m}卡持卡人数达13.79亿人。\n"
    en = "January 20, 2024\nBy the end of 2023, China had 1.379 billion social security card{m}holders.\n"
    for page in (zh, en):
        assert page_figures(page.format(m=mark)) == page_figures(page.format(m="")) != []
