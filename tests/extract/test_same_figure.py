"""Which figures are the same figure, whose place a figure is, and what "one in N" counts.

Invented sentences only: a fact told more than once is one figure, two facts that share a value
are two; a dateline, a venue or an organisation's place is not the region a figure is for.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.extract.numbers import find_quantities
from sscard_kg.read.sources import SourceRef, parse_bytes


def _figures(text: str, title: str = "新闻稿", published: str = "2024-01-24"):
    data = f"---\ntitle: {title}\ndate: {published}\n---\n{text}\n".encode()
    return extract(parse_bytes(data, SourceRef("invented.md", "invented.md")))[1].measurements


def _values(text: str, **kwargs) -> list[Decimal]:
    return [m.value for m in _figures(text, **kwargs)]


def _region(text: str) -> str | None:
    regions = {m.region.rsplit("/", 1)[-1] if m.region else None for m in _figures(text)}
    assert len(regions) == 1, regions
    return regions.pop()


@pytest.mark.parametrize("text", [
    "社保卡已在30个省份发行，覆盖全部地市。全国共有30家合作银行参与发卡。",
    "今年以来，各地新建28个社保服务站。\n同时，平台提供28项统一服务。",
    "The ministry opened 28 new service halls this year.\nThe platform offered 28 unified services.",
    "A total of 20 vocational schools joined the scheme. Officials opened 20 service outlets for the elderly.",
])
def test_two_unnamed_figures_with_one_value_are_two_figures(text):
    assert len(_values(text)) == 2


@pytest.mark.parametrize("text, title", [
    ("截至2023年底，全国社保卡持卡人数达13.79亿人。\n人社部介绍，截至2023年底，全国社保卡持卡人数达13.79亿人，"
     "覆盖97.6%人口。", "全国社保卡持卡人数达13.79亿人"),
    ("全国已有30个省份发行了社会保障卡。\n全国已有30个省份发行了社会保障卡。", "新闻稿"),
    ("今年共招募4.2万名高校毕业生到基层服务。\n据介绍，全国共招募4.2万名高校毕业生到基层服务，其中多数在乡镇。",
     "招募4.2万毕业生到基层服务"),
    ("Authorities blacklisted 911 illegal and untrustworthy enterprises.\n"
     "In all, departments put 911 illegal and untrustworthy enterprises on the list.", "Review"),
])
def test_a_fact_told_in_title_lead_and_body_is_one_figure(text, title):
    values = _values(text, title=title)
    assert len(values) == len(set(values))


def test_each_change_modifies_its_own_level_when_two_levels_share_a_value():
    figures = _figures("社保卡已在30个省份发行，比上年增加2个。全国共有30家合作银行，比上年增加5家。")
    changes = {m.value: m.change_of for m in figures if m.kind == "change"}
    assert "省份" in changes[Decimal(2)].evidence.quote and "银行" in changes[Decimal(5)].evidence.quote


@pytest.mark.parametrize("text, as_of", [
    ("截至2023年底，全国社会保障卡持卡人数达到13.79亿人。截至12月31日，持卡人数13.79亿人。", "2023-12-31"),
    ("2023年，全国已有30个省份发行社保卡。截至2023年12月31日，全国已有30个省份发行社保卡。", "2023-12-31"),
    ("2023年，全国城镇新增就业1244万人。1-12月，全国城镇新增就业1244万人。", None),
])
def test_a_restatement_at_a_finer_date_is_one_figure_at_the_finer_date(text, as_of):
    figures = _figures(text)
    assert len(figures) == 1
    assert as_of is None or figures[0].as_of == as_of


@pytest.mark.parametrize("text", [
    "截至2023年底，全国社会保障卡持卡人数达到13.79亿人。截至2024年6月底，持卡人数仍为13.79亿人。",
    "2022年，全国已有30个省份发行社保卡。2023年，全国已有30个省份发行社保卡。",
    "全国城镇调查失业率12月份为5.1%，全年平均为5.1%。",
])
def test_a_value_restated_under_another_date_is_another_figure(text):
    figures = _figures(text)
    assert len(figures) == 2 and len({m.as_of for m in figures}) == 2


@pytest.mark.parametrize("text", [
    "新华社北京电 社会保障卡持卡人数达到13.79亿人。",
    "本报北京1月24日讯 社会保障卡持卡人数达到13.79亿人。",
    "在北京举行的新闻发布会上，人社部介绍，社会保障卡持卡人数达到13.79亿人。",
    "人社部在北京召开新闻发布会，介绍社会保障卡持卡人数达到13.79亿人。",
    "广东省人社厅介绍，社会保障卡持卡人数达到13.79亿人。",
    "中国银行江苏分行已发行社保卡134万张。",
    "重庆市图书馆接入社保卡，读者达到20万人。",
    "BEIJING, Jan. 21 (Xinhua) -- The number of social security card holders reached 1.379 billion.",
    "At a press conference in Beijing, the ministry said 1.379 billion people held social security cards.",
    "The ministry told a news conference held in Beijing on Tuesday that 1.379 billion people held cards.",
    "Speaking in Beijing, the spokesman said 1.379 billion people held social security cards.",
    "The Guangdong Provincial Department of Human Resources said 1.379 billion people held cards.",
    "Bank of China Jiangsu Branch has issued 1.34 million social security cards.",
    "社会保障卡于2000年前后在上海首发，推广二十余年后，持卡人数已有13.7亿多人。",
    "BEIJING - The number of social security card holders reached 1.379 billion.",
    "GUANGZHOU, Jan. 21 (Xinhua) -- The number of social security card holders reached 1.379 billion.",
])
def test_a_dateline_venue_or_organisation_place_is_not_the_figures_region(text):
    assert _region(text) is None


@pytest.mark.parametrize("text, region", [
    ("广东省持卡人数达到1.1亿人。", "guangdong"),
    ("在北京，已有近800万人申领了第三代社保卡。", "beijing"),
    ("北京市人社局介绍，全市已有近800万人申领了第三代社保卡。", "beijing"),
    ("In Guangdong, 110 million people held social security cards.", "guangdong"),
    ("Guangdong province had 110 million social security card holders.", "guangdong"),
    # A sentence that speaks of its own place (全省, the city) without naming it: the place of that
    # level named before it.
    ("广东省人社厅日前发布消息。截至2023年底，全省社保卡持卡人数达1.2亿人。", "guangdong"),
    ("广州市人社局发布消息。截至2023年底，广东全省持卡人数达1.2亿人。", "guangdong"),
    ("杭州市人社局日前发布消息。截至2023年底，我市社保卡持卡人数达1200万人。", "hangzhou"),
    ("Guangzhou's human resources bureau released data on Monday. The city had 15 million cardholders.",
     "guangzhou"),
])
def test_the_place_a_clause_is_about_is_the_figures_region(text, region):
    assert _region(text) == region




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


@pytest.mark.parametrize("text, english, value", [
    ("Nine out of every ten people in the city hold a social security card", True, "90"),
    ("Seven in ten residents have an electronic card", True, "70"),
    ("Eight of every ten retirees draw pensions on the card", True, "80"),
    ("nine out of 10 residents now carry the card", True, "90"),
    ("每十个居民中就有九个持有社保卡", False, "90"),
    ("每100名居民中有95人持有社保卡", False, "95"),
    ("全省每三人中就有两人领取了电子社保卡", False, "66.67"),
    ("每10张社保卡中就有9张开通了金融功能", False, "90"),
])
def test_n_out_of_m_is_a_share_whatever_its_numerals(text, english, value):
    found = find_quantities(text, english)[0]
    assert [(q.value, q.unit) for q in found] == [(Decimal(value), "percent")]


def test_one_in_n_in_an_article_is_one_percentage():
    figures = _figures("每5人中有1人领取了电子社保卡。")
    assert [(m.value, m.unit) for m in figures] == [(Decimal(20), "percent")]


@pytest.mark.parametrize("text, english", [
    ("two in 2019 were issued", True),
    ("每5人一组", False),
])
def test_what_only_looks_like_one_in_n_is_no_share(text, english):
    assert all(q.unit != "percent" for q in find_quantities(text, english)[0])


def test_an_unnamed_figure_of_another_thing_is_kept_beside_a_named_one_of_the_same_value():
    figures = _figures("截至9月末，全国社保卡持卡人数为12.9亿人，覆盖人口的92%以上，其中92%的社保卡开通了银行账户。")
    assert sorted((m.metric or "") for m in figures if m.value == Decimal("92")) == ["", "card-penetration"]


def test_a_headline_in_an_html_page_yields_to_the_dated_body_figure_it_repeats():
    page = ("<html><head><title>持卡人数达13.35亿 电子卡逾3.6亿张｜某某观察网</title></head><body>"
            "<h1>持卡人数达13.35亿 电子卡逾3.6亿张</h1>"
            "<div>发布时间：2021年1月27日 10:20</div>"
            "<p>人社部26日举行记者会。截至去年底，全国社会保障卡持卡人数达到13.35亿人；"
            "在手机上申领的电子社保卡则已逾3.6亿张。</p></body></html>").encode()
    found = [(m.value, m.as_of) for m in extract(parse_bytes(page, SourceRef("card.html", "card.html")))[1].measurements
             if m.metric == "ecard-holders"]
    assert found == [(Decimal("3.6e8"), "2020-12-31")]


@pytest.mark.parametrize("page", [
    "<html><body><h1>近500万人换上第三代社保卡</h1><p>发布时间：2024-03-02</p><p>南京市人社局昨日介绍，"
    "全市已有近500万人申领第三代社保卡。</p></body></html>",
    "<html><body><h1>Nearly 5 million people get third-generation cards</h1><p>Published: 2024-03-02</p>"
    "<p>The Nanjing human resources bureau said yesterday that nearly 5 million people in Nanjing had "
    "received third-generation social security cards.</p></body></html>",
])
def test_a_headlines_figure_said_of_no_place_is_the_bodys_figure_of_a_place(page):
    found = extract(parse_bytes(page.encode(), SourceRef("local.html", "local.html")))[1].measurements
    assert [(m.value, m.region is not None) for m in found] == [(Decimal("5e6"), True)]
