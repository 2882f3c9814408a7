"""One assertion per extraction trap: numerals, non-figures, changes, dates, regions, people.

Synthetic sentences are written here; real articles are read from ../shared at run time.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.dates import find_dates
from sscard_kg.extract.extract import extract
from sscard_kg.extract.numbers import find_quantities
from sscard_kg.read.sources import SourceRef, parse_bytes, read


def values(text: str, english: bool = False) -> list[tuple[Decimal, str | None, str | None]]:
    return [(q.value, q.unit, q.qualifier) for q in find_quantities(text, english)[0]]


@pytest.mark.parametrize("text, english, expected", [
    ("持卡人数超十三亿", False, (Decimal("1300000000"), None, "gt")),
    ("新增1.2万人", False, (Decimal("12000"), "person", None)),
    ("超过九成的地市", False, (Decimal("90"), "percent", "gt")),
    ("约五分之一的人口", False, (Decimal("20"), "percent", "approx")),
    ("覆盖百分之九十五", False, (Decimal("95"), "percent", None)),
    ("已发出第10亿张社会保障卡", False, (Decimal("1000000000"), "card", None)),
    ("20余万港澳居民", False, (Decimal("200000"), None, "gt")),
    ("开展补贴性培训1,300多万人次", False, (Decimal("13000000"), "person-time", "gt")),
    ("1.335 billion card holders", True, (Decimal("1335000000"), "person", None)),
    ("1.2 billion cards were issued", True, (Decimal("1200000000"), "card", None)),
    ("1.35b people hold social security cards", True, (Decimal("1350000000"), "person", None)),
    ("e-card users exceed 970 mln", True, (Decimal("970000000"), None, None)),
    ("200,000 Hong Kong and Macao residents", True, (Decimal("200000"), "person", None)),
    ("11.86 million new jobs", True, (Decimal("11860000"), "person", None)),
    ("in six provinces", True, (Decimal("6"), "count", None)),
    ("nearly one billion people", True, (Decimal("1000000000"), "person", "approx")),
    ("accounts for one-third of the total", True, (Decimal("33.33"), "percent", None)),
    ("全省持卡人数破亿", False, (Decimal("100000000"), None, "gt")),
    ("电子社保卡用户突破千万", False, (Decimal("10000000"), None, "gt")),
    ("服务总量超亿人次", False, (Decimal("100000000"), "person-time", "gt")),
    ("基金支出过亿元", False, (Decimal("100000000"), "yuan", "gt")),
    # `tel` inside a word is no telephone number.
    ("cards are in the hands of approximately 1.38 billion people", True, (Decimal("1.38e9"), "person", "approx")),
    ("ultimately 300 people were insured", True, (Decimal("300"), "person", None)),
    # 证 and 备 mark a code only right before it: a word between makes it a figure.
    ("医保电子凭证激活人数达10.2亿", False, (Decimal("1.02e9"), None, None)),
    ("全省已储备空白卡片300万张", False, (Decimal("3e6"), "card", None)),
    ("持身份证办理业务的群众达300万人", False, (Decimal("3e6"), "person", None)),
])
def test_numerals_and_scales(text, english, expected):
    assert expected in values(text, english)


@pytest.mark.parametrize("text, english", [
    ("2023年全国社保卡", False), ("4月26日电", False), ("拨打12333热线咨询", False),
    ("京ICP备11041399号", False), ("held in 2019 in Beijing", True), ("on the 26th", True),
    ("突破万难推进改革", False), ("读书破万卷", False),
    ("Tel: 12333", True), ("call the telephone hotline 12333", True),
    ("京ICP证030173号", False), ("备案号：京ICP备05070218号", False),
])
def test_not_figures(text, english):
    assert values(text, english) == []


@pytest.mark.parametrize("text", ["比分0/0平", "编号5/0号", "7/3的比例"])
def test_a_slash_that_is_not_a_share_is_not_a_percentage(text):
    assert all(unit != "percent" for _, unit, _ in values(text))


@pytest.mark.parametrize("text", ["截至276月底,全国", "13月份的数据", "截至2023年14月末", "1-23月,基金收入"])
def test_a_month_that_does_not_exist_is_no_date(text):
    assert all(1 <= int(d.value[5:7] or 1) <= 12 for d in find_dates(text, "2021-03-03", False) if len(d.value) >= 7)


def test_malformed_number_is_reported_not_guessed():
    found, rejected = find_quantities("and 10.4.2 billion yuan was returned", True)
    assert all(q.value not in (Decimal("10.4e9"), Decimal("4.2e9")) for q in found)
    assert any(r.reason == "malformed number" for r in rejected)


def test_threshold_is_not_a_value():
    assert values("仍然在1300万以上的高位上") == []


@pytest.mark.parametrize("text, published, english, expected", [
    ("截至3月底,全国", "2021-04-26", False, "2021-03-31"),
    ("截至2023年底,全国", "2024-01-24", False, "2023-12-31"),
    ("上半年,城镇新增就业", "2018-07-23", False, "2018-06"),
    ("一季度,三项基金", "2018-04-27", False, "2018-03"),
    ("前三季度,全国", "2021-10-27", False, "2021-09"),
    ("1-3月,发放", "2021-04-26", False, "2021-03"),
    ("去年底农民工", "2016-02-29", False, "2015-12-31"),
    ("今年已发出", "2017-09-05", False, "2017"),
    ("目前,全国", "2022-03-03", False, "2022-03-03"),
    ("截至今年1月23日,全国", "2019-01-28", False, "2019-01-23"),
    ("as of the end of 2020, the number", "2021-01-26", True, "2020-12-31"),
    ("the rate in December was", "2021-01-26", True, "2020-12"),
    ("in the first three months, income", "2025-04-20", True, "2025-03"),
    ("throughout the year", "2021-01-26", True, "2020"),
    ("at a press conference on Wednesday", "2022-04-28", True, "2022-04-27"),
    ("as of the end of November 2023", "2023-12-27", True, "2023-11-30"),
])
def test_dates_resolved_against_publication(text, published, english, expected):
    assert find_dates(text, published, english)[0].value == expected


def test_comparison_base_is_not_a_date():
    assert [d.value for d in find_dates("比2019年同期下降0.2个百分点", "2021-10-27", False)] == []


def test_future_date_is_a_target():
    (mention,) = find_dates("到2027年基本实现", "2024-01-24", False)
    assert mention.target


@pytest.fixture(scope="module")
def extracted(seeds_dir, dev_dir):
    cache = {}

    def get(name: str):
        if name not in cache:
            folder = seeds_dir if name[0].isdigit() else dev_dir
            (path,) = folder.glob(f"{name}*")
            cache[name] = extract(read(SourceRef(str(path), path.name)))[1]
        return cache[name]

    return get


def _find(extraction, value, **fields):
    return [m for m in extraction.measurements if abs(m.value - Decimal(str(value))) <= abs(Decimal(str(value))) / 200
            and all(getattr(m, k) == v for k, v in fields.items())]


def test_change_is_not_a_level(extracted):
    assert _find(extracted("003"), 31280000, kind="change", metric="pension-insured")


def test_decrease_is_negative(extracted):
    assert _find(extracted("d04"), -0.04, kind="change")


def test_list_with_respectively_spreads_metrics(extracted):
    x = extracted("d05")
    assert _find(x, 919000000, metric="pension-insured")
    assert _find(x, 188000000, metric="unemployment-insured")
    assert _find(x, 226000000, metric="work-injury-insured")


def test_billionth_card_is_cards_issued(extracted):
    assert _find(extracted("004"), 1000000000, metric="cards-issued", as_of="2017")


def test_target_is_modelled_as_target(extracted):
    assert _find(extracted("004"), 90, metric="card-penetration", kind="target")


def test_nothing_from_a_related_reading_list(extracted):
    assert not _find(extracted("004"), 1022000000)


def test_nothing_from_a_headline_list(extracted):
    x = extracted("002")
    assert not _find(x, 12820000000000)
    assert not any(m.label == "王建军" for m in x.mentions)


def test_year_from_dateline_and_data(extracted):
    assert extracted("002").article.published == "2024-01-24"
    assert extracted("d04").article.published == "2016-02-29"


def test_year_from_file_name_when_text_has_none(extracted):
    assert extracted("d06").article.published == "2018-07-23"


def test_stated_date_contradicted_by_data_is_not_trusted(extracted):
    assert extracted("d11").article.published >= "2020"


def test_region_of_a_regional_figure(extracted):
    assert _find(extracted("001"), 31, region="https://w3id.org/sscard-kg/id/region/sichuan-chongqing")


def test_province_figures_get_the_province(extracted):
    assert _find(extracted("d09"), 105000000, region="https://w3id.org/sscard-kg/id/region/guangdong")


def test_dateline_city_is_not_a_region(extracted):
    assert not any(m.label == "北京" for m in extracted("000").mentions)


def test_officials_with_roles_and_reporters_not(extracted):
    people = {m.label: m.role for m in extracted("000").mentions if m.type == "person"}
    assert people == {"卢爱红": "政策研究司司长、新闻发言人"}


def test_english_romanisation_linked_to_chinese_name(extracted):
    people = {m.label: m.role for m in extracted("d14").mentions if m.type == "person"}
    assert people.get("卢爱红") == "新闻发言人"


def test_photo_credit_is_not_an_official(extracted):
    assert not any(m.type == "person" for m in extracted("003").mentions)


def test_currency_conversion_is_not_a_figure(extracted):
    assert not _find(extracted("d14"), 1090000000000)


def test_change_is_linked_to_the_level_it_modifies(extracted):
    changes = {m.metric: m.change_of for m in extracted("003").measurements if m.kind == "change" and m.metric}
    assert changes["pension-insured"].value == Decimal("999000000")
    growth = _find(extracted("d05"), 22, kind="change")
    assert growth[0].change_of.metric == "si-fund-income"


def extract_text(body: str, published: str, title: str = "社保卡新闻"):
    """Measurements of a written article: front matter with its date, then `body`."""
    data = f"---\ntitle: {title}\ndate: {published}\n---\n{body}\n".encode()
    return extract(parse_bytes(data, SourceRef("written.md", "written.md")))[1].measurements


def test_bare_scale_after_since_clause_is_a_change_at_the_reported_date():
    found = extract_text("截至2015年3月底,全市社会保障卡持卡人数达到820万人。"
                         "自2014年底持卡人数突破700万人后,增幅再次破百万。", "2015-04-20")
    facts = {(m.kind, m.metric, m.value, m.unit, m.as_of, m.qualifier) for m in found}
    assert ("change", "card-holders", Decimal("1000000"), "person", "2015-03-31", "gt") in facts
    assert ("level", "card-holders", Decimal("7000000"), "person", "2014-12-31", "gt") in facts


def test_date_of_a_closing_attribution_is_not_carried():
    found = extract_text(
        "About 20 million social security cards have been issued in 12 provinces, according to ministry "
        "figures as of the end of May. The country has more than 30 provinces.\n\n"
        "By the end of May, 18 million people held social security cards. In Hebei alone, more than "
        "2 million residents held the cards.", "2012-06-15", "Social security cards")
    dated = {m.value: m.as_of for m in found}
    assert dated[Decimal("20000000")] == "2012-05-31"
    assert dated[Decimal("30")] == "2012-06-15"
    assert dated[Decimal("2000000")] == "2012-05-31"


def test_units_a_statistic_was_taken_over_are_not_figures():
    found = extract_text(
        "国家统计局对全国3000个行政村的抽样调查显示,外出务工人数同比增长2.1%。"
        "一季度80个城市公共就业服务机构的求人倍率为1.3,相当于1个求职者对应1.3个岗位。"
        "全国已有30个省份的300个地市发行社会保障卡。", "2020-05-10")
    values = {m.value for m in found}
    assert not values & {Decimal("3000"), Decimal("80"), Decimal("1")}
    assert {Decimal("2.1"), Decimal("30"), Decimal("300")} <= values


def test_size_of_an_english_survey_is_not_a_figure():
    found = extract_text("A survey of 1,500 households found that 62 percent of residents used the "
                         "social security card.", "2020-05-10", "Social security cards")
    assert [m.value for m in found] == [Decimal("62")]


def test_people_a_card_is_issued_to_are_card_holders():
    found = extract_text(
        "So far, 85 cities have begun issuing the new social security cards designed by the ministry to "
        "more than 60 million people. Officials expect 90 million residents to be issued with such cards "
        "by the end of the year.", "2011-06-10", "Social security cards")
    facts = {(m.kind, m.metric, m.value, m.qualifier) for m in found}
    assert ("level", "card-holders", Decimal("60000000"), "gt") in facts
    assert ("target", "card-holders", Decimal("90000000"), None) in facts
    assert ("level", None, Decimal("85"), None) in facts


def test_count_beside_a_named_rate_is_its_base_not_a_figure():
    found = extract_text("In May, 31 major cities had a surveyed unemployment rate of 5.1 percent.",
                         "2019-06-15", "Jobs")
    assert [(m.metric, m.value) for m in found] == [("surveyed-unemployment-rate", Decimal("5.1"))]


def test_year_of_a_ratio_base_dates_the_base_not_the_ratio():
    base = find_dates("今年调整水平为2023年退休人员月人均基本养老金的3.8%", "2024-05-10", False)
    assert [d.value for d in base] == ["2024"]
    (mention,) = find_dates("2023年全国参保人数为10.6亿人", "2024-05-10", False)
    assert mention.value == "2023"


def test_a_month_end_of_this_year_dates_the_figure_not_the_whole_year():
    found = extract_text("As of the end of May this year, the number of social security card holders reached "
                         "900 million.", "2019-07-01", "Cards")
    assert [(m.value, m.as_of) for m in found] == [(Decimal("900000000"), "2019-05-31")]


@pytest.mark.parametrize("body, published, as_of", [
    ("Under the 2015–2018 plan, in the first half of 2015, 7.18 million new urban jobs were created.",
     "2016-03-01", "2015-06"),
    ("“十四五”期间,2021年全国城镇新增就业1269万人。", "2022-01-20", "2021"),
])
def test_a_plan_named_before_a_dated_figure_does_not_make_it_a_target(body, published, as_of):
    (found,) = extract_text(body, published)
    assert (found.kind, found.as_of) == ("level", as_of)


def test_a_plan_alone_makes_the_figure_a_target():
    (found,) = extract_text("“十四五”期间,全国城镇新增就业5500万人以上。", "2022-01-20")
    assert (found.kind, found.as_of) == ("target", "2025")


def test_ratio_to_a_dated_base_gets_the_articles_date():
    found = extract_text("人社部表示,总体调整水平为2023年退休人员月人均基本养老金的3%。", "2024-05-10")
    assert [(m.value, m.as_of) for m in found] == [(Decimal("3"), "2024-05-10")]


def test_a_figure_that_names_a_target_after_it_is_a_target():
    found = extract_text("上半年,全国城镇新增就业737万人,完成全年1100万人目标的67%。"
                         "全年城镇新增就业1312万人,超额完成1000万人的目标任务。", "2019-07-20")
    facts = {(m.kind, m.value) for m in found}
    assert {("target", Decimal("11000000")), ("target", Decimal("10000000"))} <= facts
    assert {("level", Decimal("7370000")), ("level", Decimal("67")), ("level", Decimal("13120000"))} <= facts
    english = extract_text("The ministry said 10.57 million new urban jobs were created, 88% of the 12 million "
                           "jobs target.", "2019-10-20", "New jobs")
    facts = {(m.kind, m.value) for m in english}
    assert {("target", Decimal("12000000")), ("level", Decimal("88")), ("level", Decimal("10570000"))} <= facts


def test_a_respectively_list_after_another_figure_names_its_own_items():
    found = extract_text("截至2015年底，全国参加基本养老保险的人数为85833万人，参加失业保险、工伤保险的人数"
                         "分别为17326万人、21432万人。", "2016-01-26")
    metrics = {m.value: m.metric for m in found}
    assert metrics[Decimal("858330000")] == "pension-insured"
    assert metrics[Decimal("173260000")] == "unemployment-insured"
    assert metrics[Decimal("214320000")] == "work-injury-insured"


def test_the_date_of_a_target_does_not_date_the_share_of_it():
    found = extract_text("上半年,全国城镇新增就业737万人,完成全年1100万人目标的67%。"
                         "2023年全省完成目标的98%。", "2025-07-20")
    dated = {(m.kind, m.value): m.as_of for m in found}
    assert dated[("level", Decimal("67"))] == "2025-06"
    assert dated[("target", Decimal("11000000"))] == "2025"


def test_a_year_from_the_file_name_dates_the_article_after_the_latest_month_the_text_reports():
    text = "人社部介绍，1至9月，全国城镇新增就业1022万人。组织实施“三支一扶”计划，全国共招募4.2万名高校毕业生。\n"
    article = extract(parse_bytes(text.encode(), SourceRef("press_2023.txt", "press_2023.txt")))[1]
    assert article.article.published == "2023-10"
    dated = {m.value: m.as_of for m in article.measurements}
    assert dated[Decimal("10220000")] == "2023-09" and dated[Decimal("42000")] == "2023-09"


def test_a_related_item_is_another_story_whatever_its_subject():
    found = extract_text("人社部表示,截至2023年底,全国社保卡持卡人数达13.79亿人。\nRelated news:\n"
                         "· 全国电子社保卡领用人数达9.31亿（2023-12-26）\n· 上海最低工资标准调整为2690元（2023-06-12）",
                         "2024-01-24")
    assert {m.value: m.as_of for m in found} == {Decimal("1379000000"): "2023-12-31"}


@pytest.mark.parametrize("sentence, english", [
    ("截至2023年底,全国城乡居民基本养老保险参保人数达5.45亿人。", False),
    ("截至2023年底,全国企业职工基本养老保险参保人数达4.3亿人。", False),
    ("At the end of 2023, urban and rural residents' basic pension insurance covered 545 million people.", True),
])
def test_a_part_of_a_metrics_scope_does_not_take_the_metric(sentence, english):
    found = extract_text(sentence, "2024-01-24", title="社保新闻" if not english else "Social security news")
    assert found and all(m.metric is None for m in found)


def test_a_pension_funds_balance_is_not_the_social_insurance_funds_balance():
    found = extract_text("截至9月底,三项社会保险基金累计结余7.94万亿元,其中养老保险基金累计结余6.3万亿元。", "2024-10-29")
    assert {m.value: m.metric for m in found} == {Decimal("7940000000000"): "si-fund-balance",
                                                  Decimal("6300000000000"): None}


@pytest.mark.parametrize("text, expected", [
    ("延续实施阶段性降低失业和工伤保险费率政策", {"失业保险", "工伤保险"}),
    ("全国基本养老、失业、工伤保险参保人数分别为10.66亿人、2.44亿人、3.02亿人", {"基本养老保险", "失业保险", "工伤保险"}),
    ("人力资源和社会保障部", set()),
])
def test_programs_that_share_one_head_word_are_each_mentioned(text, expected):
    from sscard_kg.extract import gazetteer
    from sscard_kg.extract.entities import find_named

    insurance = {f.label for f in find_named(gazetteer.load(), "program", text, False) if f.label.endswith("保险")}
    assert insurance == expected


@pytest.mark.parametrize("text, english, expected", [
    ("On December 26, Beijing, Tianjin and Hebei Province signed the agreement.", True, {"京津冀", "北京", "天津", "河北"}),
    ("The Beijing-Tianjin-Hebei region signed the agreement.", True, {"京津冀"}),
    ("京津冀三地签署合作框架协议", False, {"京津冀"}),
])
def test_a_grouping_written_as_the_list_of_its_places_names_each_of_them(text, english, expected):
    from sscard_kg.extract import gazetteer
    from sscard_kg.extract.entities import find_places

    assert {f.label for f in find_places(gazetteer.load(), text, english)} == expected


def test_a_report_titled_with_its_year_dates_its_year_end_and_whole_year_by_it():
    found = extract_text("年末全国参加基本养老保险人数为106643万人，比上年末增加1336万人。全年基本养老保险基金收入70506亿元。",
                         "2024-06-12", title="2023年度人力资源和社会保障事业发展统计公报")
    facts = {(m.kind, m.metric, m.value, m.as_of) for m in found}
    assert ("level", "pension-insured", Decimal("1066430000"), "2023-12-31") in facts
    assert ("change", "pension-insured", Decimal("13360000"), "2023-12-31") in facts
    assert ("level", None, Decimal("7050600000000"), "2023") in facts


@pytest.mark.parametrize("body, published, expected", [
    ("3月份，全国城镇调查失业率为5.3%，比2月份下降0.3个百分点。", "2023-04-28",
     ("change", "surveyed-unemployment-rate", Decimal("-0.3"), "percent")),
    ("The urban surveyed unemployment rate in September was 5.2%, 0.1 percentage points lower than in August.", "2025-10-29",
     ("change", "surveyed-unemployment-rate", Decimal("-0.1"), "percent")),
    ("China had 1.37 billion social security card holders by the end of June, the ministry said.", "2023-07-25",
     ("level", "card-holders", Decimal("1370000000"), "person")),
])
def test_a_rates_change_and_an_english_holders_figure_get_their_metric_unit_and_sign(body, published, expected):
    title = "Jobs and social security news" if body.isascii() else "社保新闻"
    assert expected in {(m.kind, m.metric, m.value, m.unit) for m in extract_text(body, published, title=title)}


def test_third_generation_cards_issued_are_not_all_cards_issued():
    found = extract_text("截至2024年底，全省第三代社保卡发行超过1500万张，社保卡发放总量达1.2亿张。", "2025-02-15")
    assert {m.value: m.metric for m in found} == {Decimal("15000000"): "card-3g-holders",
                                                  Decimal("120000000"): "cards-issued"}


def test_a_base_date_lends_no_part_of_itself_to_the_figures_after_it():
    found = extract_text("截至今年6月底，全省社保卡持卡人数达到5200万人，较去年底增加120万人。", "2022-07-20", title="四川社保卡")
    assert {(m.kind, m.value, m.as_of) for m in found} == {("level", Decimal("52000000"), "2022-06-30"),
                                                           ("change", Decimal("1200000"), "2022-06-30")}


def test_a_percentage_growth_after_a_level_is_a_change_of_its_metric():
    found = extract_text("一季度，三项社会保险基金总收入1.37万亿元，同比增长22%。", "2018-04-26")
    assert ("change", "si-fund-income", Decimal("22"), "percent") in {(m.kind, m.metric, m.value, m.unit) for m in found}


@pytest.mark.parametrize("body, published, expected", [
    ("上半年，全国电子社保卡新增领用5000万人。", "2023-07-20", ("change", "ecard-holders", Decimal("50000000"))),
    ("As of the end of September, 886 million people had electronic social security cards.", "2023-10-25",
     ("level", "ecard-holders", Decimal("886000000"))),
])
def test_electronic_card_holders_named_around_their_figure(body, published, expected):
    title = "Social security cards" if body.isascii() else "电子社保卡"
    assert expected in {(m.kind, m.metric, m.value) for m in extract_text(body, published, title=title)}


def test_an_english_dash_dateline_is_not_what_the_figures_are_about():
    found = extract_text("China Daily, Beijing -- The number of people holding social security cards reached 1.35 billion "
                         "by the end of 2021. More than 600 million people have obtained electronic cards.",
                         "2022-02-23", title="Social security cards")
    assert {(m.metric, m.value, m.region) for m in found} == {("card-holders", Decimal("1350000000"), None),
                                                              ("ecard-holders", Decimal("600000000"), None)}


def test_a_related_item_names_no_entity_of_the_article():
    data = ("---\ntitle: 社保新闻\ndate: 2019-02-01\n---\n人社部表示,截至2018年底,全国社保卡持卡人数达12.35亿人。\n相关新闻：\n"
            "· 首张全国统一的电子社保卡在青岛签发（2018-04-22）\n· 上海最低工资标准调整为2420元（2018-03-28）\n").encode()
    mentions = {(m.type, m.label) for m in extract(parse_bytes(data, SourceRef("w.md", "w.md")))[1].mentions}
    assert ("program", "社会保障卡") in mentions
    assert not mentions & {("program", "电子社保卡"), ("region", "青岛"), ("region", "上海")}


@pytest.mark.parametrize("body, title", [
    ("今年前11个月，全国城镇新增就业1180万人。截至上月底，电子社保卡领用人数9.5亿人。", "社保新闻"),
    ("In the first 11 months, 11.8 million new urban jobs were created. By the end of last month, "
     "the number of electronic social security card users reached 950 million.", "Social security news"),
])
def test_the_first_months_of_the_year_and_last_months_end(body, title):
    found = extract_text(body, "2023-12-12", title=title)
    assert {(m.metric, m.value, m.as_of) for m in found} == {("new-urban-jobs", Decimal("11800000"), "2023-11"),
                                                             ("ecard-holders", Decimal("950000000"), "2023-11-30")}


@pytest.mark.parametrize("text, english", [("实施期限为6个月", False), ("审核时限压缩至5个工作日", False),
                                           ("within 30 days", True)])
def test_a_duration_is_not_a_figure(text, english):
    assert values(text, english) == []


@pytest.mark.parametrize("body, expected", [
    ("The number of electronic social insurance card holders exceeded 600 million.", Decimal("600000000")),
    ("The e-social security card has been issued to 715 million people.", Decimal("715000000")),
    ("The number of people receiving electronic social security cards reached 970 million.", Decimal("970000000")),
])
def test_machine_translated_names_of_the_electronic_card(body, expected):
    found = extract_text(body, "2022-11-02", title="Electronic social security cards")
    assert ("ecard-holders", expected) in {(m.metric, m.value) for m in found}


def test_a_planned_increase_is_a_target():
    found = extract_text("2014年，全省全年计划新增发卡1000万张。截至去年底，全省持卡人数为3800万人。", "2014-02-10",
                         title="河南省推进第二代社保卡发行")
    assert {(m.kind, m.value) for m in found} == {("target", Decimal("10000000")), ("level", Decimal("38000000"))}


def test_a_nationwide_figure_in_an_article_about_one_region_is_national():
    found = extract_text("More than 200,000 residents of Macao have applied for social security cards on the mainland. "
                         "Nationwide, 1.37 billion people hold the cards.", "2023-08-22",
                         title="Macao helps its residents apply for mainland social security cards")
    regions = {m.value: m.region for m in found}
    assert regions[Decimal("1370000000")] is None
    assert regions[Decimal("200000")] == "https://w3id.org/sscard-kg/id/region/macao"


@pytest.mark.parametrize("body, expected", [
    ("The national social security card holding population reached 1.38 billion.", "card-holders"),
    ("Social security cards now cover 1.38 billion people across the country.", "card-holders"),
    ("The number of insured persons in basic pension insurance was 1.066 billion.", "pension-insured"),
    ("A total of 1.066 billion people were covered by basic old-age insurance.", "pension-insured"),
    ("The number of insured persons in unemployment insurance was 244 million.", "unemployment-insured"),
    ("A total of 302 million people were covered by work-related injury insurance.", "work-injury-insured"),
    ("Participants in work injury insurance numbered 302 million.", "work-injury-insured"),
])
def test_machine_translated_phrasings_of_holders_and_insured(body, expected):
    found = extract_text(body, "2024-02-01", title="Social security cards")
    assert [(m.metric, m.unit) for m in found] == [(expected, "person")]


@pytest.mark.parametrize("body, expected", [
    ("截至2023年底，全国持有社保卡的人数达13.79亿。", "card-holders"),
    ("截至2023年底，全国领取社保卡人数为13.79亿。", "card-holders"),
    ("截至2023年底，全国申领电子社保卡的人数达9.7亿。", "ecard-holders"),
])
def test_holders_named_by_what_they_did_with_the_card(body, expected):
    assert [(m.metric, m.unit) for m in extract_text(body, "2024-02-01")] == [(expected, "person")]


@pytest.mark.parametrize("body, expected", [
    ("2023年，全国新增城镇就业1244万人。", "new-urban-jobs"),
    ("截至2023年底，持卡人数占全国人口的97.7%。", "card-penetration"),
])
def test_word_orders_of_new_jobs_and_of_the_share_of_holders(body, expected):
    assert [m.metric for m in extract_text(body, "2024-02-01")] == [expected]


@pytest.mark.parametrize("text, value, unit", [
    ("涉及30 个省份和新疆兵团", Decimal("30"), "count"),
    ("已发放 1.2 亿张社会保障卡", Decimal("1.2e8"), "card"),
    ("覆盖　95　项应用", Decimal("95"), "count"),
    ("办理的业务达一百零二项", Decimal("102"), "count"),
])
def test_a_number_spaced_from_its_scale_or_unit_or_written_in_chinese_numerals_is_read(text, value, unit):
    found = [(q.value, q.unit) for q in find_quantities(text, False)[0]]
    assert found == [(value, unit)]


@pytest.mark.parametrize("text, size", [
    ("The unemployment rate in 31 major cities was 5.3 percent in August.", Decimal("31")),
    ("The average for 100 cities rose to 1.5 percent.", Decimal("100")),
])
def test_the_number_of_units_a_rate_is_taken_over_is_no_figure(text, size):
    data = f"---\ntitle: Press release\ndate: 2021-09-15\n---\n{text}\n".encode()
    values = {m.value for m in extract(parse_bytes(data, SourceRef("rate.md", "rate.md")))[1].measurements}
    assert size not in values and values


@pytest.mark.parametrize("text, kept", [
    ("More than 470 billion yuan (about $66 billion) went to employment subsidies.", Decimal("470e9")),
    ("Revenue was 6.1 trillion yuan (US$850 billion).", Decimal("6.1e12")),
])
def test_a_dollar_conversion_in_brackets_is_no_figure(text, kept):
    assert [q.value for q in find_quantities(text, True)[0]] == [kept]


@pytest.mark.parametrize("text, english", [
    ("Among every 5 card holders, already 1 person has claimed the electronic social security card.", True),
    ("每5个持卡人中就有1人已领取电子社保卡。", False),
])
def test_the_whole_of_a_share_is_no_count_of_holders(text, english):
    found = {(m.metric, m.value) for m in extract_text(text, "2024-07-25", "Press release" if english else "新闻稿")}
    assert not any(metric == "card-holders" for metric, _ in found)
    assert any(value == 20 for _, value in found)


def _changes(text: str, published: str = "2018-07-26") -> list[Decimal]:
    data = f"---\ntitle: 新闻稿\ndate: {published}\n---\n{text}\n".encode()
    return [m.value for m in extract(parse_bytes(data, SourceRef("c.md", "c.md")))[1].measurements if m.kind == "change"]


@pytest.mark.parametrize("text, change", [
    ("6月末，城镇登记失业率为3.83%，比去年同期低0.12个百分点。", Decimal("-0.12")),
    ("城镇登记失业率3.83%，同比低了0.1个百分点。", Decimal("-0.1")),
    ("参保人数比上年末少200万人。", Decimal("-2000000")),
    ("失业保险参保人数较上年末缩减30万人。", Decimal("-300000")),
    ("调查失业率为4.8%，较上月高0.1个百分点。", Decimal("0.1")),
])
def test_a_comparative_right_before_the_figure_signs_the_change(text, change):
    assert _changes(text) == [change]
