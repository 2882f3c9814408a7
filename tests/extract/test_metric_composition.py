"""Metrics composed from subject × measure × unit, and the ranges that keep impossible values out.

The phrasing bank (test_metric_phrasings.py) holds the many ways one figure is said; these tests
hold the rules of composition themselves, on invented sentences.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.extract.gazetteer import load
from sscard_kg.read.sources import SourceRef, parse_bytes

CORE = ("card-holders", "card-penetration", "cards-issued", "card-3g-holders", "ecard-holders",
        "ecard-services-volume", "card-applications", "one-card-catalog-items", "pension-insured",
        "unemployment-insured", "work-injury-insured", "si-fund-income", "si-fund-expenditure",
        "si-fund-balance", "new-urban-jobs", "surveyed-unemployment-rate", "registered-unemployment-rate")


def _extraction(text: str, published: str = "2024-07-25"):
    data = f"---\ntitle: 新闻稿\ndate: {published}\n---\n{text}\n".encode()
    return extract(parse_bytes(data, SourceRef("composed.md", "composed.md")))[1]


def _metrics(text: str, published: str = "2024-07-25") -> dict[Decimal, str | None]:
    return {m.value: m.metric for m in _extraction(text, published).measurements}


def test_every_core_metric_states_its_subject_unit_and_range():
    metrics = {m.notation: m for m in load().metrics}
    for notation in CORE:
        metric = metrics[notation]
        assert metric.subjects and metric.units, notation
        assert metric.min_value is not None and (metric.max_value is not None or metric.default_unit == "yuan"), notation


@pytest.mark.parametrize("text, value, notation", [
    # The clause's own subject is more specific than the phrase that names all card holders.
    ("截至6月底，第三代社保卡累计持卡人数3.2亿人。", Decimal("3.2e8"), "card-3g-holders"),
    ("The third-generation card had 480 million cardholders by the end of October.", Decimal("480e6"), "card-3g-holders"),
    # A weak mention (持卡, the card) means the card named before it.
    ("第三代社会保障卡已在29个省份发行，持卡人数超过1亿。", Decimal("1e8"), "card-3g-holders"),
    # The noun right after the figure says what it counts.
    ("Some 96 functions are available to holders of the social security card.", Decimal("96"), "card-applications"),
    ("At present, 1.38 billion people hold the card, of whom 1 billion have activated the electronic version.",
     Decimal("1e9"), "ecard-holders"),
    ("At the end of June, the accumulated balance of the three social insurance funds for basic pension, "
     "unemployment and employment injury came to 8.9 trillion yuan.", Decimal("8.9e12"), "si-fund-balance"),
    # The subject comes from the sentence before when the clause has none.
    ("社会保险基金运行平稳。1至6月，基金总支出3.6万亿元。", Decimal("3.6e12"), "si-fund-expenditure"),
])
def test_a_metric_is_composed_from_subject_measure_and_unit(text, value, notation):
    assert _metrics(text)[value] == notation


@pytest.mark.parametrize("text, value", [
    ("电子社保卡已开通全国性服务90项，覆盖27个省份。", Decimal("90")),  # 项 of the e-card is no service volume
    ("The unemployment insurance fund had an accumulated balance of 300 billion yuan.", Decimal("300e9")),
    ("全国参加工伤保险人数为3亿人，其中农民工参加工伤保险人数为9100万人。", Decimal("9100e4")),
    ("Guangdong, home to 127 million people, has issued social security cards to 120 million residents.",
     Decimal("127e6")),
    ("分行承接社保卡项目，抽调近十个部门的业务骨干组成工作小组。", Decimal("10")),  # 业务 of staff is no card application
    ("全国社保卡普及率已超过90%，其中85%的社保卡开通了银行账户。", Decimal("85")),  # a share of the cards
    ("About 80 percent of the cards carry a bank account.", Decimal("80")),
])
def test_a_figure_of_another_subject_or_of_a_part_keeps_no_core_metric(text, value):
    assert _metrics(text)[value] not in CORE


# Cards counted by a feature they carry are a part of the cards: no metric of the ontology counts
# them, so they keep none, while the same sentence without the feature states the cards issued.
@pytest.mark.parametrize("featured, plain, value, notation", [
    ("截至2023年底，全省已开通金融功能的社保卡达8000万张。", "截至2023年底，全省累计发放社保卡8000万张。",
     Decimal("8000e4"), "cards-issued"),
    ("全市加载银行账户的社保卡共有650万张。", "全市社保卡发卡量共有650万张。", Decimal("650e4"), "cards-issued"),
    ("全省具备支付功能的电子社保卡已超过3000万张。", "全省电子社保卡签发量已超过3000万张。", Decimal("3000e4"), "ecard-holders"),
    ("全市已激活金融账户的社保卡持卡人达500万人。", "全市社保卡持卡人达500万人。", Decimal("500e4"), "card-holders"),
    ("By the end of 2023, the province had 80 million cards with a financial account activated.",
     "By the end of 2023, the province had issued 80 million social security cards.", Decimal("80e6"), "cards-issued"),
    ("Some 20 million cards enabled for transit payments have been issued in the city.",
     "Some 20 million social security cards have been issued in the city.", Decimal("20e6"), "cards-issued"),
    ("The bank has issued 6 million social security cards with financial functions.",
     "The bank has issued 6 million social security cards.", Decimal("6e6"), "cards-issued"),
])
def test_cards_counted_by_a_feature_are_no_cards_issued(featured, plain, value, notation):
    assert _metrics(featured)[value] not in CORE
    assert _metrics(plain)[value] == notation


# Nouns joined by a conjunction are one noun phrase; clauses joined by one are two statements.
@pytest.mark.parametrize("text, value, notation", [
    ("全国社保卡和电子社保卡用户达15亿。", Decimal("15e8"), "card-holders"),
    ("全省社保卡及电子社保卡持卡人数达8000万人。", Decimal("8000e4"), "card-holders"),
    ("全省发放社保卡和电子社保卡共1.2亿张。", Decimal("1.2e8"), "cards-issued"),
    ("The number of cardholders and e-card users reached 1.5 billion.", Decimal("1.5e9"), "card-holders"),
    ("China has issued 1.2 billion cards and e-cards.", Decimal("1.2e9"), "cards-issued"),
    ("全省已发放社保卡8000万张和电子社保卡5000万张。", Decimal("5000e4"), "ecard-holders"),
    ("全省社保卡持卡人数8000万人和电子社保卡领用人数5000万人。", Decimal("5000e4"), "ecard-holders"),
    ("China has 1.38 billion cardholders and 1 billion e-card holders.", Decimal("1e9"), "ecard-holders"),
])
def test_coordinated_nouns_are_one_subject_coordinated_clauses_two(text, value, notation):
    assert _metrics(text)[value] == notation


@pytest.mark.parametrize("text, value", [
    ("The service now reaches 50 million cardholders and their family members.", Decimal("50e6")),
    ("全省持卡人及其家属共5000万人。", Decimal("5000e4")),
    ("全省为5000万持卡人及其家属提供服务。", Decimal("5000e4")),
])
def test_holders_with_their_dependants_are_no_card_holders(text, value):
    assert _metrics(text)[value] not in CORE


def test_a_series_inherits_its_metric_across_clauses_and_sentences():
    found = _metrics("电子社保卡领用人数快速增长。2019年达1亿，2020年达3亿；2021年突破5亿。", "2024-07-25")
    assert [found[Decimal(n) * 10**8] for n in (1, 3, 5)] == ["ecard-holders"] * 3


@pytest.mark.parametrize("text, value, notation", [
    ("全省社保卡普及率达99,750,000%。", Decimal("99750000"), "card-penetration"),
    ("全国社会保障卡持卡人数达到138亿人。", Decimal("138e8"), "card-holders"),
    ("城镇调查失业率为152%。", Decimal("152"), "surveyed-unemployment-rate"),
])
def test_a_value_outside_its_metric_range_stays_a_figure_without_the_metric(text, value, notation):
    extraction = _extraction(text)
    assert {m.value: m.metric for m in extraction.measurements}[value] is None
    assert any(notation in s.reason and "outside its range" in s.reason for s in extraction.skipped)


@pytest.mark.parametrize("text, published, notation", [
    ("Urban unemployment rate was 4.05 percent at the end of the third quarter.", "2015-10-20", "registered-unemployment-rate"),
    ("三季度末，城镇失业率为4.05%。", "2015-10-20", "registered-unemployment-rate"),
    ("The urban unemployment rate was 5.2 percent in May.", "2019-06-20", "surveyed-unemployment-rate"),
    ("In 2017 the surveyed urban unemployment rate in 31 big cities was 4.9 percent.", "2018-01-20",
     "surveyed-unemployment-rate"),
])
def test_an_unqualified_unemployment_rate_is_of_the_series_published_in_its_year(text, published, notation):
    assert notation in _metrics(text, published).values()


@pytest.mark.parametrize("text, value", [
    ("12月份，不含在校生的16-24岁劳动力失业率为14.9%。", Decimal("14.9")),
    ("The unemployment rate for people aged 16 to 24, excluding students, was 14.9 percent in December.", Decimal("14.9")),
    ("外来户籍人口调查失业率为5.2%。", Decimal("5.2")),
])
def test_a_rate_of_an_age_band_or_group_is_no_national_rate(text, value):
    assert _metrics(text, "2024-01-20")[value] not in CORE


INSURED = ("pension-insured", "unemployment-insured", "work-injury-insured")


# A list of figures whose items are named after it, in turn (分别 / respectively), and figures of a
# list that leave out the unit and noun of its last one.
@pytest.mark.parametrize("text, values, notations, unit", [
    ("At the end of March, 1.066 billion, 244 million and 302 million people were covered by basic pension, "
     "unemployment and work-injury insurance respectively.", ("1.066e9", "244e6", "302e6"), INSURED, "person"),
    ("By the end of March, 1.066 billion, 244 million and 302 million people had joined the basic pension, "
     "unemployment and work-injury insurance schemes, respectively.", ("1.066e9", "244e6", "302e6"), INSURED, "person"),
    ("截至3月底，10.66亿人、2.44亿人、3.02亿人分别参加了基本养老、失业、工伤保险。", ("10.66e8", "2.44e8", "3.02e8"),
     INSURED, "person"),
    ("截至3月底，10.66億人、2.44億人、3.02億人分別參加了基本養老、失業、工傷保險。", ("10.66e8", "2.44e8", "3.02e8"),
     INSURED, "person"),
    ("截至3月底，基本養老、失業、工傷保險參保人數分別為10.66億人、2.44億人、3.02億人。", ("10.66e8", "2.44e8", "3.02e8"),
     INSURED, "person"),
    ("The province issued 2.1 million, 2.4 million and 2.6 million social security cards over the three years.",
     ("2.1e6", "2.4e6", "2.6e6"), ("cards-issued",) * 3, "card"),
    ("社保卡持卡人数2019年至2021年分别为13.05亿、13.35亿和13.52亿人。", ("13.05e8", "13.35e8", "13.52e8"),
     ("card-holders",) * 3, "person"),
])
def test_a_list_spreads_its_names_and_its_unit(text, values, notations, unit):
    found = {m.value: (m.metric, m.unit) for m in _extraction(text).measurements}
    assert [found[Decimal(v)] for v in values] == [(n, unit) for n in notations]


# A change is told by a word of change before the figure (rose by, grew, 比上年末增加, 同比增长) or by its
# base after it (more than at the end of 2022, a 2.4 percent increase); it carries the metric of what
# changed. The rise of urban employment, as translations render 城镇新增就业, is the year's new jobs.
@pytest.mark.parametrize("text, value, notation, kind", [
    ("In 2023, China added 12.44 million urban jobs.", "12.44e6", "new-urban-jobs", "level"),
    ("Urban employment rose by 12.44 million in 2023.", "12.44e6", "new-urban-jobs", "level"),
    ("In 2023, urban employment increased by 12.44 million.", "12.44e6", "new-urban-jobs", "level"),
    ("The number of urban jobs increased by 12.44 million last year.", "12.44e6", "new-urban-jobs", "level"),
    ("Urban employment rose by 2.59 million to 470.32 million in 2023.", "2.59e6", None, "change"),
    ("New urban jobs increased by 380,000 in 2023.", "380000", "new-urban-jobs", "change"),
    ("Some 12.44 million new urban jobs were created in 2023, up by 380,000 year-on-year.", "380000",
     "new-urban-jobs", "change"),
    ("China's new urban jobs reached 12.44 million in 2023, 380,000 more than in 2022.", "380000",
     "new-urban-jobs", "change"),
    ("2023年，全国城镇新增就业1244万人，同比增加38万人。", "38e4", "new-urban-jobs", "change"),
    ("2023年全国城镇就业人员增加1244万人。", "1244e4", None, "change"),
    ("The number of pension insured added 12.44 million in 2023.", "12.44e6", "pension-insured", "change"),
    ("Pension participants were up by 12.44 million year-on-year.", "12.44e6", "pension-insured", "change"),
    ("Basic pension insurance participants numbered 1.066 billion, 12.44 million more than at the end of 2022.",
     "12.44e6", "pension-insured", "change"),
    ("Unemployment insurance participants numbered 244 million, 3 million fewer than a year earlier.", "-3e6",
     "unemployment-insured", "change"),
    ("The number of cardholders reached 1.379 billion, an increase of 12.44 million over the end of last year.",
     "12.44e6", "card-holders", "change"),
    ("The e-card user base expanded by 100 million over the year.", "1e8", "ecard-holders", "change"),
    ("Social insurance fund income grew 8.6% year-on-year.", "8.6", None, "change"),
    ("截至2023年底，全国社保卡持卡人数13.79亿人，比上年末增加1244万人。", "1244e4", "card-holders", "change"),
    ("截至2023年底，基本養老保險參保人數10.66億人，較去年同期增加1244萬人。", "1244e4", "pension-insured", "change"),
    ("截至2023年底，基本养老保险参保人数10.66亿人，同比增长1.3%。", "1.3", "pension-insured", "change"),
    ("全省新增社保卡持卡人数120万人。", "120e4", "card-holders", "change"),
])
def test_a_change_is_told_from_a_level(text, value, notation, kind):
    found = {m.value: (m.metric, m.kind) for m in _extraction(text, "2024-01-24").measurements}
    assert found[Decimal(value)] == (notation, kind)


def test_a_stated_earlier_level_is_a_level_with_its_own_date():
    found = {m.value: (m.metric, m.kind, m.as_of) for m in _extraction(
        "The number of social security cardholders reached 1.38 billion by June 2024, up from 1.37 billion at the "
        "end of 2022.").measurements}
    assert found[Decimal("1.37e9")] == ("card-holders", "level", "2022-12-31")
    assert found[Decimal("1.38e9")] == ("card-holders", "level", "2024-06-30")


# A figure with no unit word takes the unit of the noun that says what it counts.
@pytest.mark.parametrize("text, value, notation, unit", [
    ("截至2023年底，全国社保卡持卡人数13.79亿。", "13.79e8", "card-holders", "person"),
    ("截至2023年底，全國社保卡持卡人數13.79億。", "13.79e8", "card-holders", "person"),
    ("截至2023年底，全国社保卡发卡量8.84亿。", "8.84e8", "cards-issued", "card"),
    ("截至2023年底，电子社保卡签发量9.62亿。", "9.62e8", "ecard-holders", "card"),
    ("截至2023年底，电子社保卡领用人数9.62亿。", "9.62e8", "ecard-holders", "person"),
    ("2023年，电子社保卡服务人次151亿。", "151e8", "ecard-services-volume", "person-time"),
    ("Services through the electronic card reached 15.1 billion in 2023.", "15.1e9", "ecard-services-volume",
     "person-time"),
    ("By the end of 2023, there were 1.38 billion cardholders.", "1.38e9", "card-holders", "person"),
    ("The number of social security cards issued reached 884 million.", "884e6", "cards-issued", "card"),
    ("截至2023年底，全国医保电子凭证激活人数达10.2亿。", "10.2e8", None, "person"),
    ("全年城镇新增就业1269万人，有545万城镇失业人员实现再就业。", "545e4", None, "person"),
    ("高校毕业生去年是749万。", "749e4", None, "person"),
    ("Over 80 million professional and technical personnel took part.", "80e6", None, "person"),
])
def test_the_noun_of_a_figure_gives_its_unit(text, value, notation, unit):
    found = {m.value: (m.metric, m.unit) for m in _extraction(text, "2024-01-24").measurements}
    assert found[Decimal(value)] == (notation, unit)


@pytest.mark.parametrize("text, value, kind", [
    ("全国社保卡持卡人数增长到12亿人。", "12e8", "level"),
    ("持卡人数从5.4亿人增长到现在的12亿人。", "12e8", "level"),
    ("全省社保卡持卡人数增加至9800万人。", "9800e4", "level"),
    ("全國社保卡持卡人數增長到12億人。", "12e8", "level"),
    ("全国社保卡持卡人数增长了1.5亿人。", "1.5e8", "change"),
    ("全国社保卡持卡人数比上年末增加1.5亿人，达到12亿人。", "1.5e8", "change"),
])
def test_a_rise_to_a_figure_is_the_level_reached_a_rise_by_one_is_a_change(text, value, kind):
    found = {m.value: m.kind for m in _extraction(text).measurements}
    assert found[Decimal(value)] == kind


@pytest.mark.parametrize("text, value", [
    ("社保卡应用目录开通率达到52%，全国已有300多个地市实现就医持卡结算。", "300"),
    ("全国一卡通应用目录已开通160项，覆盖300多个城市。", "300"),
    ("The one-card catalogue lists 160 items, and the card is used in more than 330 prefecture-level cities.", "330"),
    ("全國已有24個省份實現所轄地市全部發卡。", "24"),
])
def test_a_count_of_places_takes_no_metric(text, value):
    assert _metrics(text)[Decimal(value)] is None


@pytest.mark.parametrize("text", [
    "As of end of March, national basic pension, unemployment, work injury insurance participate number "
    "respectively is 10.71 hundred million people, 2.44 hundred million people, 2.97 hundred million people.",
    "Basic pension, unemployment, work injury insurance insured number respectively reach 10.71 hundred million, "
    "2.44 hundred million and 2.97 hundred million people.",
])
def test_a_word_for_word_list_of_schemes_takes_their_participants_in_turn(text):
    found = _metrics(text)
    assert [found[Decimal(v)] for v in ("10.71e8", "2.44e8", "2.97e8")] == [
        "pension-insured", "unemployment-insured", "work-injury-insured"]


@pytest.mark.parametrize("text, share", [
    ("电子社保卡领用人数已达到7亿，而作为基础的实体社保卡，截至6月底已有13.7亿人持有，覆盖了97%的人口。", "card-penetration"),
    ("電子社保卡領用人數已達到7億，而作為基礎的實體社保卡，截至6月底已有13.7億人持有，覆蓋了97%的人口。", "card-penetration"),
    ("实体社保卡持卡人数达13.7亿人，而电子社保卡，截至6月底已有7亿人领用，覆盖了一半的人口。", "ecard-penetration"),
])
def test_a_clause_without_a_subject_goes_on_about_the_figure_before_it(text, share):
    found = _metrics(text)
    assert found[Decimal("97") if "97" in text else Decimal("50")] == share


@pytest.mark.parametrize("text, value, notation", [
    ("National hold social guarantee card number of people reached 13.29 yi people.", "13.29e8", "card-holders"),
    ("Electronic social guarantee card collar use breaks through 100 million zhang.", "1e8", "ecard-holders"),
    ("Third generation social guarantee card holders reached 3 yi people.", "3e8", "card-3g-holders"),
])
def test_the_card_as_machine_translation_names_it(text, value, notation):
    assert _metrics(text)[Decimal(value)] == notation


@pytest.mark.parametrize("text", [
    "Each place already opened 95 item application of the social security card.",
    "Card Coverage reached 97.7% at the end of November, while the e-card reached 962 million users.",
])
def test_word_for_word_items_and_a_card_in_general(text):
    found = _metrics(text)
    assert found.get(Decimal("95"), found.get(Decimal("97.7"))) in ("card-applications", "card-penetration")


def test_a_card_without_a_determiner_is_the_card_in_general_not_the_e_card_named_before():
    found = _metrics("The number of e-SSC users was 962 million last December. Card coverage was 97.7% at the end "
                     "of November, so the physical card is close to saturation.")
    assert found[Decimal("97.7")] == "card-penetration"


@pytest.mark.parametrize("text, value", [
    ("截至去年底，全国持卡人数为12.5亿人。而在2014年6月底，这个数字还只有6.02亿。", "6.02e8"),
    ("截至去年底，全國持卡人數為12.5億人。而在2014年6月底，這個數字還只有6.02億。", "6.02e8"),
    ("By the end of last year, 1.25 billion people held the card. In mid-2014 the figure was only 602 million.", "602e6"),
    ("目前全国社会保障卡持卡人数已达12.5亿人，覆盖89.6%的人口。去年年底，这个数字是12亿多，覆盖88%的人口。", "12e8"),
])
def test_a_figure_pointed_back_at_takes_the_measure_named_before(text, value):
    assert _metrics(text)[Decimal(value)] == "card-holders"


@pytest.mark.parametrize("text, value", [
    ("半年账单：新增就业752万人 社保卡持卡11.5亿人", "11.5e8"),
    ("半年賬單：新增就業752萬人　社保卡持卡11.5億人", "11.5e8"),
    ("全省社保卡持卡超9000万人", "9000e4"),
])
def test_a_headline_in_parts_set_apart_by_spaces_reads_each_part_alone(text, value):
    assert _metrics(text)[Decimal(value)] == "card-holders"


@pytest.mark.parametrize("language, text, expected", [
    ("zh-Hans", "今年1月底，持卡人数、覆盖率和电子社保卡领用人数分别为13.8亿人、97.9%和9.7亿人。",
     ["card-holders", "card-penetration", "ecard-holders"]),
    ("zh-Hant", "今年1月底，持卡人數、覆蓋率和電子社保卡領用人數分別為13.8億人、97.9%和9.7億人。",
     ["card-holders", "card-penetration", "ecard-holders"]),
    ("en", "At the end of January, the number of cardholders, the coverage rate and the number of e-card users were "
           "1.38 billion, 97.9% and 970 million respectively.", ["card-holders", "card-penetration", "ecard-holders"]),
    ("zh-Hans", "截至9月末，电子社保卡领用人数、覆盖率分别为10.3亿人、73%。", ["ecard-holders", "ecard-penetration"]),
])
def test_a_list_taken_in_turn_gives_each_figure_its_own_items_metric(language, text, expected):
    data = f"---\ntitle: 新闻\ndate: 2024-10-24\nlanguage: {language}\n---\n{text}\n".encode()
    found = extract(parse_bytes(data, SourceRef("list.md", "list.md")))[1].measurements
    assert sorted(m.metric for m in found) == sorted(expected)  # one figure each
