"""Which region a figure belongs to: the place its own clause names, or the place its sentence is about
(its topic), never a place that only sets the scene. Invented sentences in Simplified, Traditional and
English for each way a place stands near a figure without being what the figure counts: a frame of
regional cooperation, a venue or dateline, where a reporter or an official comes from, a list of where a
service is offered, a place inside the name of something else; and the ways a regional figure is the
place's own.
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
    for m in extract(parse_bytes(data, SourceRef("regions.md", "regions.md")))[1].measurements:
        found.setdefault(m.value, set()).add((m.region or "").removeprefix(REGION))
    return found


def _check(language: str, text: str, value: str, region: str | None, title: str | None = None) -> None:
    found = _regions(language, text, title)
    assert Decimal(value) in found, found
    assert found[Decimal(value)] == {region or ""}, found


# A frame of regional cooperation around a nationwide figure.
FRAMES = [
    ("zh-hans", "京津冀协同发展持续推进，截至6月底，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "在京津冀协同发展框架下，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "长三角一体化进程中，电子社保卡领用人数已突破7亿。", "7e8", None),
    ("zh-hans", "推进粤港澳大湾区建设，电子社保卡签发量达7亿张。", "7e8", None),
    ("zh-hans", "川渝两地社保卡“一卡通”合作深入推进，持卡人数达13.7亿人。", "1.37e9", None),
    ("zh-hans", "随着成渝地区双城经济圈建设提速，电子社保卡领用人数达6.5亿人。", "6.5e8", None),
    ("zh-hant", "京津冀協同發展持續推進，截至6月底，社保卡持卡人數達13.8億人。", "1.38e9", None),
    ("zh-hant", "長三角一體化進程中，電子社保卡領用人數已突破7億。", "7e8", None),
    ("zh-hant", "川渝兩地社保卡「一卡通」合作深入推進，持卡人數達13.7億人。", "1.37e9", None),
    ("en", "Under the Beijing-Tianjin-Hebei integration plan, social security card holders reached 1.38 billion.",
     "1.38e9", None),
    ("en", "As the Yangtze River Delta integration deepens, 700 million people have claimed electronic social "
     "security cards.", "7e8", None),
]

# The story's setting: a venue, a dateline, where a reporter or an official comes from.
SETTINGS = [
    ("zh-hans", "在北京举行的新闻发布会上，人社部新闻发言人介绍，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "本报北京1月21日电 人社部发布数据，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "记者从南京获悉，截至目前，电子社保卡领用人数超过7亿。", "7e8", None),
    ("zh-hans", "记者在杭州了解到，电子社保卡领用人数已超过7亿。", "7e8", None),
    ("zh-hans", "来自四川的政协委员李明建议，进一步扩大电子社保卡应用，目前领用人数已超过7亿。", "7e8", None),
    ("zh-hans", "河南籍代表王强说，社保卡持卡人数已达13.8亿人。", "1.38e9", None),
    ("zh-hans", "据北京青年报报道，电子社保卡领用人数已超过7亿。", "7e8", None),
    ("zh-hans", "浙江省人社厅副厅长李明在会上介绍，电子社保卡领用人数已超过7亿。", "7e8", None),
    ("zh-hant", "據北京青年報報道，電子社保卡領用人數已超過7億。", "7e8", None),
    ("zh-hant", "記者從南京獲悉，截至目前，電子社保卡領用人數超過7億。", "7e8", None),
    ("zh-hant", "來自四川的政協委員李明建議，目前電子社保卡領用人數已超過7億。", "7e8", None),
    ("en", "BEIJING, Jan 21 (Xinhua) -- Social security card holders reached 1.38 billion by the end of 2023.",
     "1.38e9", None),
    ("en", "At a press conference held in Beijing on Tuesday, the ministry said 1.38 billion people hold social "
     "security cards.", "1.38e9", None),
    ("en", "A lawmaker from Sichuan said 700 million people have claimed electronic social security cards.",
     "7e8", None),
    ("en", "Officials in Shanghai said 1.38 billion people across the country hold social security cards.",
     "1.38e9", None),
    ("en", "The Beijing News reported that 700 million people have claimed electronic social security cards.",
     "7e8", None),
    ("en", "Li Ming, deputy head of Zhejiang's human resources department, said 700 million people have claimed "
     "electronic social security cards.", "7e8", None),
    ("en", "The ministry said in Beijing that 1.38 billion people hold social security cards.", "1.38e9", None),
    ("en", "Reporters learned from Nanjing that 700 million people have claimed electronic social security cards.",
     "7e8", None),
    ("en", "Under the framework of the Yangtze River Delta integration, the number of electronic social security "
     "card holders has exceeded 700 million.", "7e8", None),
    ("en", "Reporting from Nanjing, the newspaper said 700 million people have claimed electronic social "
     "security cards.", "7e8", None),
]

# Where a service is offered, next to a count that is not the places'.
SERVICES = [
    ("zh-hans", "目前已在京津冀、长三角、川渝等地实现跨省通办，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "社保卡居民服务“一卡通”已在长三角地区率先实现，持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hant", "社保卡居民服務「一卡通」已在長三角地區率先實現，持卡人數達13.8億人。", "1.38e9", None),
    ("en", "Beijing-Tianjin-Hebei, the Yangtze River Delta and other regions have realized cross-provincial "
     "handling, and the number of card holders has reached 1.38 billion.", "1.38e9", None),
    ("en", "Cross-provincial services are available in Beijing-Tianjin-Hebei and the Yangtze River Delta, and "
     "1.38 billion people hold social security cards.", "1.38e9", None),
]

# A place inside the name of something that is not the counted population.
NAMES = [
    ("zh-hans", "上海社保卡服务中心介绍，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "在北京路的社保卡服务网点，工作人员介绍，电子社保卡领用人数已超过7亿。", "7e8", None),
    ("zh-hans", "广州银行相关负责人表示，电子社保卡领用人数已超过7亿。", "7e8", None),
    ("zh-hant", "上海社保卡服務中心介紹，社保卡持卡人數達13.8億人。", "1.38e9", None),
    ("en", "A Shanghai-based analyst said 1.38 billion people hold social security cards.", "1.38e9", None),
]

# Regional figures that are the place's own.
OWN = [
    ("zh-hans", "截至去年底，全国社保卡持卡人数达13.8亿人，其中广东1.05亿人。", "1.05e8", "guangdong"),
    ("zh-hans", "截至去年底，全国社保卡持卡人数达13.8亿人，其中广东1.05亿人。", "1.38e9", None),
    ("zh-hans", "北京市社保卡持卡人数达2200万人。", "2.2e7", "beijing"),
    ("zh-hans", "各地社保卡持卡人数分别为：北京2200万人、上海2500万人。", "2.2e7", "beijing"),
    ("zh-hans", "各地社保卡持卡人数分别为：北京2200万人、上海2500万人。", "2.5e7", "shanghai"),
    ("zh-hans", "广东省累计发卡1.05亿张，电子社保卡领用人数达8000万人。", "8e7", "guangdong"),
    ("zh-hans", "截至2023年底，广东省社保卡持卡人数达1.05亿人，电子社保卡领用人数达8000万人。", "8e7", "guangdong"),
    ("zh-hans", "在广东，社保卡持卡人数达1.05亿人。", "1.05e8", "guangdong"),
    ("zh-hans", "上海市民持有社保卡2500万张。", "2.5e7", "shanghai"),
    ("zh-hans", "京津冀三地社保卡持卡人数达1.1亿人。", "1.1e8", "beijing-tianjin-hebei"),
    ("zh-hans", "上海社保卡服务中心介绍，全市社保卡持卡人数达2500万人。", "2.5e7", "shanghai"),
    ("zh-hans", "记者从广东获悉，全省社保卡持卡人数达1.05亿人。", "1.05e8", "guangdong"),
    ("zh-hans", "广东发布数据：社保卡持卡人数达1.05亿人。", "1.05e8", "guangdong"),
    ("zh-hans", "各省社保卡持卡人数均超过1000万人。", "1e7", None),
    ("zh-hans", "北京、上海、广东等地社保卡持卡人数均超过2000万人。", "2e7", None),
    ("zh-hans", "广东省在深圳率先试点第三代社保卡，已发放120万张。", "1.2e6", "shenzhen"),
    ("zh-hans", "今年以来，广东省新增发放社保卡500万张，其中第三代社保卡300万张。", "3e6", "guangdong"),
    ("zh-hans", "南京市民申领电子社保卡已超过700万人。", "7e6", "nanjing"),
    ("zh-hans", "据悉，长三角地区社保卡持卡人数达2.3亿人。", "2.3e8", "yangtze-river-delta"),
    ("zh-hant", "廣東省在深圳率先試點第三代社保卡，已發放120萬張。", "1.2e6", "shenzhen"),
    ("zh-hans", "江苏省南京市推进社保卡一卡通建设，持卡人数达900万人。", "9e6", "nanjing"),
    ("zh-hans", "广东省社保卡持卡人数居全国首位，达1.05亿人。", "1.05e8", "guangdong"),
    ("zh-hans", "广东、江苏两省社保卡持卡人数分别达到1.05亿、8500万。", "1.05e8", "guangdong"),
    ("zh-hans", "广东、江苏两省社保卡持卡人数分别达到1.05亿、8500万。", "8.5e7", "jiangsu"),
    ("zh-hans", "北京、上海、广州三地社保卡持卡人数分别为2200万人、2500万人和1900万人。", "1.9e7", "guangzhou"),
    ("zh-hant", "廣東、江蘇兩省社保卡持卡人數分別達到1.05億、8500萬。", "8.5e7", "jiangsu"),
    ("zh-hans", "东莞作为粤港澳大湾区节点城市，每天往返深圳、广州等地的通勤人员超过30万人。", "3e5", "dongguan"),
    ("zh-hant", "東莞作為粵港澳大灣區節點城市，每天往返深圳、廣州等地的通勤人員超過30萬人。", "3e5", "dongguan"),
    ("zh-hans", "广东省社保卡持卡人数1.05亿人居全国首位。", "1.05e8", "guangdong"),
    ("zh-hant", "截至去年底，全國社保卡持卡人數達13.8億人，其中廣東1.05億人。", "1.05e8", "guangdong"),
    ("zh-hant", "各地社保卡持卡人數分別為：北京2200萬人、上海2500萬人。", "2.5e7", "shanghai"),
    ("zh-hant", "廣東省累計發卡1.05億張，電子社保卡領用人數達8000萬人。", "8e7", "guangdong"),
    ("zh-hant", "在廣東，社保卡持卡人數達1.05億人。", "1.05e8", "guangdong"),
    ("en", "In Guangdong, 105 million social security cards had been issued by the end of 2023.", "105e6",
     "guangdong"),
    ("en", "Social security card holders nationwide reached 1.38 billion, with Guangdong alone accounting for "
     "105 million.", "105e6", "guangdong"),
    ("en", "Guangdong alone accounted for 105 million social security cards.", "105e6", "guangdong"),
    ("en", "Guangdong province has issued 105 million social security cards, and 80 million people have "
     "claimed electronic cards.", "80e6", "guangdong"),
    ("en", "The southern province of Guangdong has issued 105 million social security cards, and 80 million "
     "people have claimed electronic cards.", "80e6", "guangdong"),
    ("en", "In east China's Zhejiang Province alone, 50 million people have claimed electronic social security "
     "cards.", "50e6", "zhejiang"),
    ("en", "Zhejiang province said on Monday that 50 million people had claimed electronic social security cards.",
     "50e6", "zhejiang"),
    ("en", "By the end of 2023, Guangdong had issued 105 million social security cards, and 80 million people had "
     "claimed electronic cards.", "80e6", "guangdong"),
    ("en", "Guangdong had 105 million social security card holders, the most in the country.", "105e6",
     "guangdong"),
    ("en", "Wuhan began issuing the new card in March. More than two million residents in the city have "
     "received it.", "2e6", "wuhan"),
    ("en", "Guangdong piloted the third-generation card in Shenzhen, where 1.2 million cards have been issued.",
     "1.2e6", "shenzhen"),
    ("en", "Guangdong leads the country with 105 million social security card holders.", "105e6", "guangdong"),
    ("en", "Guangdong and Jiangsu had 105 million and 85 million social security card holders respectively.",
     "85e6", "jiangsu"),
    ("en", "According to the Human Resources and Social Security Department of Guangdong Province, the number of "
     "cardholders in the province reached 105 million.", "105e6", "guangdong"),
    ("en", "The reporter learned from the Nanjing Municipal Human Resources and Social Security Bureau that the city "
     "has issued 9 million cards.", "9e6", "nanjing"),
    ("en", "The number of social security card holders in Guangdong Province reached 105 million.", "105e6",
     "guangdong"),
    ("en", "The Beijing municipal bureau said 22 million people in Beijing hold social security cards.", "22e6",
     "beijing"),
]

# The country named: the whole country, whatever place is near.
COUNTRY = [
    ("zh-hans", "粤港澳大湾区建设中，全国社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hant", "粵港澳大灣區建設中，全國社保卡持卡人數達13.8億人。", "1.38e9", None),
    ("en", "Across China, 1.38 billion people hold social security cards.", "1.38e9", None),
    ("en", "Officials in Guangdong said 700 million people nationwide have claimed electronic social security "
     "cards.", "7e8", None),
    ("en", "The Guangdong Provincial Department of Human Resources and Social Security said 700 million people "
     "nationwide have claimed electronic social security cards.", "7e8", None),
]


@pytest.mark.parametrize("language, text, value, region", FRAMES + SETTINGS + SERVICES + NAMES)
def test_a_place_that_sets_the_scene_is_not_the_figures(language, text, value, region):
    _check(language, text, value, region)


@pytest.mark.parametrize("language, text, value, region", OWN + COUNTRY)
def test_a_place_its_clause_or_topic_names_is_the_figures(language, text, value, region):
    _check(language, text, value, region)


@pytest.mark.parametrize("language, title, text, value, region", [
    ("zh-hans", "广东社保卡工作综述", "全省社保卡持卡人数达1.05亿人。", "1.05e8", "guangdong"),
    ("zh-hans", "广东社保卡工作综述", "我省电子社保卡领用人数达8000万人。", "8e7", "guangdong"),
    ("zh-hans", "北京社保卡工作综述", "本市社保卡持卡人数达2200万人。", "2.2e7", "beijing"),
    ("zh-hans", "北京社保卡工作综述", "我市社保卡持卡人数达2200万人，全国持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hant", "廣東社保卡工作綜述", "全省社保卡持卡人數達1.05億人。", "1.05e8", "guangdong"),
    ("en", "Guangdong social security cards", "The province had issued 105 million social security cards by the "
     "end of 2023.", "105e6", "guangdong"),
    ("en", "Beijing social security cards", "Social security card holders in the city reached 22 million.", "22e6",
     "beijing"),
])
def test_a_local_word_speaks_of_the_home_region(language, title, text, value, region):
    _check(language, text, value, region, title)


@pytest.mark.parametrize("language, title, text, value, region", [
    ("zh-hans", "京津冀社保卡一卡通再升级", "截至目前，社保卡持卡人数达13.8亿人。", "1.38e9", None),
    ("zh-hans", "长三角社保卡居民服务一卡通提速", "电子社保卡领用人数超过10亿人。", "1e9", None),
    ("zh-hant", "粵港澳大灣區社保卡互通", "社保卡持卡人數達13.8億人。", "1.38e9", None),
    ("en", "Yangtze River Delta expands card services", "By the end of 2023, 1.38 billion people held social "
     "security cards.", "1.38e9", None),
    ("zh-hans", "京津冀社保卡一卡通再升级", "截至目前，京津冀三地社保卡持卡人数达1.1亿人。", "1.1e8",
     "beijing-tianjin-hebei"),
])
def test_a_grouping_in_the_title_is_no_home(language, title, text, value, region):
    """A title naming a grouping tells of cooperation: the figures are the country's unless their own
    clause names the grouping."""
    _check(language, text, value, region, title)


@pytest.mark.parametrize("text, value", [
    ("各地推进力度都很大。以广东为例，到2019年，全省社会保障卡持卡人数已达1.05亿。", "1.05e8"),
    ("各地推進力度都很大。以廣東為例，到2019年，全省社會保障卡持卡人數已達1.05億。", "1.05e8"),
    ("拿浙江来说，全省电子社保卡领用人数已超过4000万。", "4000e4"),
])
def test_a_place_given_as_an_example_is_what_the_local_word_after_it_counts(text, value):
    found = _regions("zh-hans", text)
    assert found[Decimal(value)] and "" not in found[Decimal(value)]


@pytest.mark.parametrize("text, value, region", [
    ("Nearly 6 million Shenzhen residents hold the new card.", "6e6", "shenzhen"),
    ("Some 6 million residents of Shenzhen hold the new card.", "6e6", "shenzhen"),
])
def test_a_place_naming_the_figures_people_is_its_region(text, value, region):
    _check("en", text, value, region)


def test_a_paragraph_about_the_nation_keeps_its_figures_national_in_a_local_story():
    text = ("Shenzhen has issued 12 million third-generation cards, the city said.\n"
            "The city upgrade comes as national officials take stock. China added 12.44 million urban jobs in 2023. "
            "At the end of the year, 1.066 billion people were enrolled in basic pension insurance.")
    found = _regions("en", text, title="Shenzhen's new card goes routine")
    assert found[Decimal("12.44e6")] == {""} and found[Decimal("1.066e9")] == {""}


def test_a_local_offices_page_that_says_our_province_speaks_of_the_office_s_province():
    data = ("山西省人力资源和社会保障厅\n政府信息公开专栏\n首页 | 政务公开 | 办事服务\n\n生成日期：2012年07月10日\n\n"
            "社会保障卡建设研讨会召开\n上年末，全省首批发放社会保障卡526万张。目前全省累计发卡840万张。"
            "截至6月底，全国社会保障卡持卡人数达2.29亿人。\n").encode()
    found = {m.value: m.region for m in extract(parse_bytes(data, SourceRef("zwgk.txt", "zwgk.txt")))[1].measurements}
    assert found[Decimal("8400000")] == "https://w3id.org/sscard-kg/id/region/shanxi"
    assert found[Decimal("229000000")] is None


def test_a_papers_banner_names_no_home_for_a_story_that_speaks_of_no_place_of_its_own():
    data = ("长沙晚报\n\n全国社保卡持卡人数达13.8亿\n\n截至1月底，全国社会保障卡持卡人数达13.8亿人。\n").encode()
    found = {m.value: m.region for m in extract(parse_bytes(data, SourceRef("paper.txt", "paper.txt")))[1].measurements}
    assert found[Decimal("1380000000")] is None
