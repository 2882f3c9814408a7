"""How far a place named as a topic reaches: over the later clauses of its sentence (`；`, `;`) and
into a sentence that divides its figure (`其中`, `Of these`), but not past a clause that names the
country or another place, nor into a sentence of its own. And the converse: a count of provinces is
the country's, and a title that speaks of the whole country besides a city gives the story no home.
Invented sentences in Simplified, Traditional and English.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

REGION = "https://w3id.org/sscard-kg/id/region/"
TITLES = {"zh-hans": "新闻稿", "zh-hant": "新聞稿", "en": "Press release"}


def _regions(language: str, text: str, title: str | None = None) -> dict[Decimal, set[str]]:
    """Each figure's value with the regions it was given ('' for the whole country)."""
    data = f"---\ntitle: {title or TITLES[language]}\ndate: 2024-05-01\n---\n{text}\n".encode()
    found: dict[Decimal, set[str]] = {}
    for m in extract(parse_bytes(data, SourceRef("scope.md", "scope.md")))[1].measurements:
        found.setdefault(m.value, set()).add((m.region or "").removeprefix(REGION))
    return found


# The topic of a sentence holds over its later clauses.
CONTINUED = [
    ("zh-hans", "广东省持卡人数达1.05亿人；领卡启用9975万人，启用率95%。", "9.975e7", "guangdong"),
    ("zh-hans", "广东省持卡人数达1.05亿人；领卡启用9975万人，启用率95%。", "95", "guangdong"),
    ("zh-hans", "广东省人社厅数据显示，到2019年，全省持卡人数已达1.05亿人；金融账户激活8400万人。", "8.4e7", "guangdong"),
    ("zh-hans", "截至6月底，江苏持卡8500万人，持卡率97%；电子社保卡领用4000万人。", "4e7", "jiangsu"),
    ("zh-hant", "廣東省持卡人數達1.05億人；領卡啟用9975萬人，啟用率95%。", "9.975e7", "guangdong"),
    ("zh-hant", "在浙江，社保卡持卡人數達6500萬人；電子社保卡領用3000萬人。", "3e7", "zhejiang"),
    ("en", "In Guangdong, 105 million people hold the card; 84 million have activated its financial account.",
     "8.4e7", "guangdong"),
    ("en", "Jiangsu province had issued 85 million cards by June; 40 million residents use the electronic card.",
     "4e7", "jiangsu"),
]

# A sentence opening with 其中 / Of these divides the figure of the one before.
DIVIDED = [
    ("zh-hans", "广东省社保卡持卡人数达1.05亿人。其中，第三代社保卡持卡人数为2000万人。", "2e7", "guangdong"),
    ("zh-hant", "廣東省社保卡持卡人數達1.05億人。其中，第三代社保卡持卡人數為2000萬人。", "2e7", "guangdong"),
    ("en", "Guangdong had issued 105 million cards by June. Of these, 40 million are third-generation cards.",
     "4e7", "guangdong"),
]

# Where the topic stops: the country or another place in the clause, a new sentence, a 其中 clause's
# own sub-topic, a clause of the country before.
NOT_CONTINUED = [
    ("zh-hans", "上海持卡2500万人；全国持卡13.8亿人。", "1.38e9", None),
    ("zh-hans", "广东省持卡1.05亿人；江苏省持卡8500万人。", "8.5e7", "jiangsu"),
    ("zh-hans", "截至6月底，江苏省社保卡持卡人数8500万人。电子社保卡领用人数达7亿人。", "7e8", None),
    ("zh-hans", "全国持卡人数达13.8亿人，其中北京2000万人；电子社保卡领用7亿人。", "7e8", None),
    ("zh-hant", "上海持卡2500萬人；全國持卡13.8億人。", "1.38e9", None),
    ("en", "Guangdong had issued 105 million cards by June. Another 700 million people used electronic cards "
     "nationwide.", "7e8", None),
    ("en", "Shanghai has 25 million cardholders; nationwide, 1.38 billion people hold the card.", "1.38e9", None),
]

# A count of provinces is the country's, whatever city the story is about.
PROVINCES_COUNTED = [
    ("zh-hans", "全国已有335个地市发行社会保障卡；24个省份实现所辖地市全部发卡。", "24", None, "浙江社保卡发行"),
    ("zh-hans", "目前，28个省(区、市)已开通电子社保卡跨省服务。", "28", None, "浙江社保卡发行"),
    ("zh-hant", "目前，28個省份已開通電子社保卡跨省服務。", "28", None, "浙江社保卡發行"),
    ("en", "So far 24 provinces have issued cards in all of their cities.", "24", None, "Zhejiang card news"),
]

# A title that speaks of the whole country besides a city gives the story no home; a comparison
# with the country or a body of it leaves the city the story's.
TITLES_OF_TWO = [
    ("zh-hans", "电子社保卡领用人数从2019年的1亿人增长到2024年的10亿人。", "1e8", None,
     "北京社保卡进入第三代 全国电子社保卡领用人数超10亿"),
    ("zh-hant", "電子社保卡領用人數從2019年的1億人增長到2024年的10億人。", "1e8", None,
     "北京社保卡進入第三代 全國電子社保卡領用人數超10億"),
    ("en", "E-card users rose from 100 million in 2019 to a billion in 2024.", "1e8", None,
     "Beijing moves to new cards as e-card users nationwide top 1 billion"),
    ("zh-hans", "第三代社保卡已发放80万张。", "8e5", "beijing", "北京发出全国首张第三代社保卡"),
    ("zh-hans", "第三代社保卡已发放80万张。", "8e5", "beijing", "北京持卡率居全国首位"),
    ("zh-hans", "第三代社保卡已发放80万张。", "8e5", "beijing", "北京代表在全国两会上谈社保卡"),
    ("zh-hans", "第三代社保卡已发放80万张。", "8e5", "beijing", "北京第三代社保卡发放提速"),
]


@pytest.mark.parametrize("language, text, value, region", CONTINUED + DIVIDED + NOT_CONTINUED)
def test_a_topic_reaches_as_far_as_its_sentence(language: str, text: str, value: str, region: str | None) -> None:
    found = _regions(language, text)
    assert found.get(Decimal(value)) == {region or ""}, found


@pytest.mark.parametrize("language, text, value, region, title", PROVINCES_COUNTED + TITLES_OF_TWO)
def test_the_country_is_no_city_story_s(language: str, text: str, value: str, region: str | None, title: str) -> None:
    found = _regions(language, text, title)
    assert found.get(Decimal(value)) == {region or ""}, found
