"""Each part of a page is read in the language it is written in: an English story under a Chinese
site header or spam title gives its figures, a Chinese story under an English menu stays Chinese.

The pages are invented, in the shapes reposting and spam sites give them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.clean import clean
from sscard_kg.clean.boilerplate import segment_lines
from sscard_kg.clean.script import reading_language
from sscard_kg.read.sources import SourceRef, parse_bytes

ENGLISH_STORY = (
    "Social security card holders reach a new high\n"
    "January 20, 2024\n"
    "By the end of 2023, 1.379 billion people held social security cards, covering 97.7 percent of the "
    "population, the Ministry of Human Resources and Social Security said on Friday.\n"
    "More than 970 million people had signed up for electronic social security cards by the end of 2023.\n"
)
CHINESE_STORY = (
    "人社部：全国社保卡持卡人数达13.79亿\n"
    "2024年1月20日\n"
    "截至2023年底，全国社会保障卡持卡人数达13.79亿人，覆盖97.7%的人口。\n"
    "其中，9.7亿人领用了电子社保卡。\n"
)
ENGLISH_FIGURES = {("card-holders", Decimal("1379000000")), ("card-penetration", Decimal("97.7")),
                   ("ecard-holders", Decimal("970000000"))}
CHINESE_FIGURES = {("card-holders", Decimal("1379000000")), ("card-penetration", Decimal("97.7")),
                   ("ecard-holders", Decimal("970000000"))}

CHINESE_HEADERS = [
    "澳门金沙娱乐城_最新官方网站注册送彩金_亚洲最大在线娱乐平台欢迎您_手机版下载安装",
    "最新免费高清电影在线观看，每日更新海量影视资源，支持手机电脑同步观看，无需注册即可畅享精彩内容",
    "新闻中心 国内新闻 国际新闻 财经频道 科技频道 体育频道 娱乐频道 社会万象 视频直播",
    "某某信息网——您身边的资讯平台",
]
ENGLISH_HEADERS = [
    "Home | News | World | Business | Sports | Culture | Travel | Video | English Edition | About Us",
    "Breaking News Today - Latest Headlines From Around The World",
]


def _figures(extraction) -> set[tuple]:
    return {(m.metric, m.value) for m in extraction.measurements}


@pytest.mark.parametrize("header", CHINESE_HEADERS, ids=["spam title", "spam blurb", "menu", "site name"])
def test_an_english_story_under_a_chinese_header_is_read_in_english(header, page_reading):
    extraction = page_reading(f"{header}\n{ENGLISH_STORY}")
    assert _figures(extraction) == ENGLISH_FIGURES
    assert extraction.article.language == "en"


@pytest.mark.parametrize("header", CHINESE_HEADERS, ids=["spam title", "spam blurb", "menu", "site name"])
def test_the_header_does_not_change_the_story_figures_or_their_dates(header, page_reading):
    alone = page_reading(ENGLISH_STORY).measurements
    under = page_reading(f"{header}\n{ENGLISH_STORY}").measurements
    assert [(m.metric, m.value, m.as_of, m.qualifier) for m in under] == \
           [(m.metric, m.value, m.as_of, m.qualifier) for m in alone]


@pytest.mark.parametrize("header", ENGLISH_HEADERS, ids=["menu", "site banner"])
def test_a_chinese_story_under_an_english_menu_stays_chinese(header, page_reading):
    extraction = page_reading(f"{header}\n{CHINESE_STORY}")
    assert _figures(extraction) == CHINESE_FIGURES
    assert extraction.article.language == "zh-Hans"


@pytest.mark.parametrize("header", ENGLISH_HEADERS, ids=["menu", "site banner"])
def test_the_chinese_headline_below_an_english_menu_is_the_title(header):
    cleaned = clean(parse_bytes(f"{header}\n{CHINESE_STORY}".encode(), SourceRef("p.txt", "p.txt")))
    titles = [cleaned.text[s.start:s.end] for s in cleaned.segments if s.kind == "title"]
    assert titles == ["人社部:全国社保卡持卡人数达13.79亿"]


def test_a_traditional_story_under_an_english_menu_stays_traditional(page_reading):
    story = CHINESE_STORY.replace("社会保障", "社會保障").replace("领用", "領用").replace("电子", "電子").replace("数达", "數達")
    extraction = page_reading(f"{ENGLISH_HEADERS[0]}\n{story}")
    assert _figures(extraction) == CHINESE_FIGURES
    assert extraction.article.language == "zh-Hant"


def test_an_english_paragraph_inside_a_chinese_story_is_read_in_english(page_reading):
    page = CHINESE_STORY + "By the end of 2023, 150 million people had used the card for transport.\n"
    extraction = page_reading(page)
    assert extraction.article.language == "zh-Hans"
    assert Decimal("150000000") in {m.value for m in extraction.measurements}


def test_segments_carry_their_own_language():
    page = f"{CHINESE_HEADERS[1]}\n{ENGLISH_STORY}"
    cleaned = clean(parse_bytes(page.encode(), SourceRef("p.txt", "p.txt")))
    languages = {cleaned.text[a:b]: s.language for s, a, b in segment_lines(cleaned.text, cleaned.segments)}
    assert languages[CHINESE_HEADERS[1].replace("，", ",")] == "zh"
    assert languages["January 20, 2024"] == languages[ENGLISH_STORY.splitlines()[2]] == "en"


@pytest.mark.parametrize("line, language", [
    ("截至2023年底，全国社保卡持卡人数达13.79亿人。", "zh"),
    ("By the end of 2023, 1.379 billion people held cards.", "en"),
    ("人社部发布APP使用指南", "zh"),
    ("中国日报网 China Daily", "zh"),
    ("Lu Aihong (卢爱红), spokesperson of the ministry", "en"),
    ("2024-01-20 10:30", None),
    ("13.79", None),
])
def test_reading_language_weighs_a_han_character_against_letters(line, language):
    assert reading_language(line) == language
