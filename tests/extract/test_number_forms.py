"""Figures as articles write them: Chinese scales in sequence, Chinese numerals with decimals, English currency, scale and percent abbreviations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.extract.numbers import find_quantities
from sscard_kg.read.sources import SourceRef, parse_bytes


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
    # nouns of people after a figure
    ("the agencies had 178,598 staff", "178598", "person", None),
    ("paid pensions to 3.2 million pensioners", "3.2e6", "person", None),
    ("helped 1.5 million job seekers", "1.5e6", "person", None),
    ("some 24 million beneficiaries", "24e6", "person", "approx"),
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
    # 亿, 万 and 张 left in pinyin.
    ("holders already reached 13.29 yi people", "13.29e8", "person", None),
    ("775 wan old people or children", "775e4", "person", None),
    ("broke through 2 yi zhang", "2e8", "card", None),
    ("a balance of 1.2 wan yi yuan", "1.2e12", "yuan", None),
    # 个, 项 and 余 word for word.
    ("service channels total 417 piece", "417", "count", None),
    ("channels 300 remaining piece", "300", "count", "gt"),
    ("in total 95 item services", "95", "count", None),
    # 多 rendered word for word between a figure and its scale.
    ("trained 1300 many ten thousand person-times", "1300e4", "person-time", "gt"),
    ("the city has 300 odd ten thousand holders", "300e4", "person", "gt"),
    ("users reached 2 many hundred million people", "2e8", "person", "gt"),
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


@pytest.mark.parametrize("text, value, unit, qualifier", [
    # 千 or 百 before the scale, 余 or 多 inside a numeral.
    ("全省持卡人数5千万人", "5e7", "person", None),
    ("发卡3百万张", "3e6", "card", None),
    ("参保5千余万人", "5e7", "person", "gt"),
    ("参保人数九千余万", "9e7", None, "gt"),
    ("九千多万人", "9e7", "person", "gt"),
    ("全国持卡人数十三亿七千万人", "1.37e9", "person", None),
    ("人数十亿", "1e9", None, None),
    # Percentage points with or without 个, in Chinese numerals; a qualifier after a percentage.
    ("下降0.2百分点", "0.2", "percent", None),
    ("下降零点二个百分点", "0.2", "percent", None),
    ("提高两个百分点", "2", "percent", None),
    ("97.7%以上的人口", "97.7", "percent", "gt"),
    ("增长8.5%左右", "8.5", "percent", "approx"),
    # Shares: 成 after Chinese numerals or digits, halves, fractions, 千分之.
    ("8成居民", "80", "percent", None),
    ("近8成居民", "80", "percent", "approx"),
    ("七成五的居民", "75", "percent", None),
    ("覆盖九成七人口", "97", "percent", None),
    ("九成一卡通用户", "90", "percent", None),
    ("过半居民已申领", "50", "percent", "gt"),
    ("近一半的居民", "50", "percent", "approx"),
    ("一半以上的居民", "50", "percent", "gt"),
    ("三分之二的居民", "66.67", "percent", None),
    ("1/3的居民", "33.33", "percent", None),
    ("千分之三", "0.3", "percent", None),
    ("千分之五点二", "0.52", "percent", None),
    ("持卡人数约占三分之一", "33.33", "percent", "approx"),
    # A bare scale after a word of nearness or excess.
    ("持卡人数近百万人", "1e6", "person", "approx"),
    ("用户逾千万人", "1e7", "person", "gt"),
])
def test_chinese_scales_and_shares_as_written(text, value, unit, qualifier):
    found = find_quantities(text, english=False)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


@pytest.mark.parametrize("text", ["几十万人", "数十亿元", "数十家", "十几万人", "好几十万张", "数百万张", "上千万人", "上百家",
                                  "最近百万用户", "一成不变", "3成员国"])
def test_vague_numerals_and_words_with_a_numeral_are_no_figure(text):
    assert find_quantities(text, english=False)[0] == []


@pytest.mark.parametrize("text, english, value, unit, qualifier", [
    # A range is one figure, its lower bound, more than.
    ("1.2亿至1.3亿人", False, "1.2e8", "person", "gt"),
    ("1.2-1.3亿人", False, "1.2e8", "person", "gt"),
    ("1.2~1.3亿人", False, "1.2e8", "person", "gt"),
    ("100万人到120万人", False, "1e6", "person", "gt"),
    ("10%~15%的居民", False, "10", "percent", "gt"),
    ("10-15%的居民", False, "10", "percent", "gt"),
    ("一亿至一亿二千万人", False, "1e8", "person", "gt"),
    ("约1.2亿至1.3亿人", False, "1.2e8", "person", "approx"),
    ("1.2-1.3 billion people", True, "1.2e9", "person", "gt"),
    ("between 1.2 and 1.3 billion people", True, "1.2e9", "person", "gt"),
    ("1.2 to 1.3 billion people", True, "1.2e9", "person", "gt"),
    ("10%-15% of residents", True, "10", "percent", "gt"),
    ("10 to 15 percent of residents", True, "10", "percent", "gt"),
])
def test_a_range_is_its_lower_bound(text, english, value, unit, qualifier):
    found = find_quantities(text, english)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


@pytest.mark.parametrize("text, english, values", [
    # A span from one figure to another, a change to a figure, bounds far apart: two figures.
    ("从1.2亿到1.3亿人", False, ["1.2e8", "1.3e8"]),
    ("增加1000万人至1.3亿人", False, ["1e7", "1.3e8"]),
    ("rose from 1.2 billion to 1.3 billion", True, ["1.2e9", "1.3e9"]),
    ("rose by 0.2 percentage point to 5.2 percent", True, ["0.2", "5.2"]),
    ("rose 5% to 1.3 billion", True, ["5", "1.3e9"]),
])
def test_a_span_or_a_change_to_a_figure_is_no_range(text, english, values):
    assert [q.value for q in find_quantities(text, english)[0]] == [Decimal(v) for v in values]


@pytest.mark.parametrize("text", ["2019-2020年", "1-3月", "010-12345678", "5-10个工作日"])
def test_a_hyphen_between_dates_codes_or_durations_makes_no_range(text):
    assert find_quantities(text, english=False)[0] == []


@pytest.mark.parametrize("text, value, unit, qualifier", [
    ("nearly a billion people", "1e9", "person", "approx"),
    ("a billion people hold cards", "1e9", "person", None),
    ("a million people", "1e6", "person", None),
    ("half a billion people", "5e8", "person", None),
    ("fifteen million people", "1.5e7", "person", None),
    ("twenty-five million people", "2.5e7", "person", None),
    ("ninety percent of residents", "90", "percent", None),
    ("half of residents hold cards", "50", "percent", None),
    ("more than half of residents", "50", "percent", "gt"),
    ("about a third of residents", "33.33", "percent", "approx"),
    ("three quarters of residents", "75", "percent", None),
    ("1.38-billion people", "1.38e9", "person", None),
    ("1.3 billion+ people", "1.3e9", "person", "gt"),
    ("at least 300,000 people", "3e5", "person", "gt"),
    ("no fewer than 300,000 people", "3e5", "person", "gt"),
    ("upward of 1.3 billion people", "1.3e9", "person", "gt"),
    ("an estimated 1.3 billion people", "1.3e9", "person", "approx"),
    ("rose 8 ppt", "8", "percent", None),
    ("rose 0.3 pp", "0.3", "percent", None),
    ("a 3-percentage-point rise", "3", "percent", None),
    ("up 0.3 percent point", "0.3", "percent", None),
    ("up 8% y/y", "8", "percent", None),
    ("1,380 million people", "1.38e9", "person", None),
    ("13.8 hundred million people", "1.38e9", "person", None),
])
def test_english_number_words_shares_and_points(text, value, unit, qualifier):
    found = find_quantities(text, english=True)[0]
    assert [(q.value, q.unit, q.qualifier) for q in found] == [(Decimal(value), unit, qualifier)]


@pytest.mark.parametrize("text", ["tens of millions of people", "hundreds of people", "millions of people",
                                  "in the first half of 2023", "the second half of the year",
                                  "138 million ten-thousand people"])
def test_english_vague_amounts_halves_of_years_and_doubled_scales_are_no_figure(text):
    assert find_quantities(text, english=True)[0] == []


@pytest.mark.parametrize("text, value, unit, qualifier", [
    # Full-width digits and signs, Traditional characters: read once the text is cleaned.
    ("截至2023年底，全国社会保障卡持卡人数达１３．７９亿人。", "1.379e9", "person", None),
    ("截至2023年底，社保卡人口覆盖率达９７．７％。", "97.7", "percent", None),
    ("截至2023年底，全國電子社保卡領用人數九千餘萬。", "9e7", "person", "gt"),
    ("截至2023年底，全國社保卡持卡人數13億7千萬人。", "1.37e9", "person", None),
    ("截至2023年底，全國社保卡覆蓋約九成七人口。", "97", "percent", "approx"),
    ("截至2023年底，全国社保卡持卡人数1,380,000,000人。", "1.38e9", "person", None),
])
def test_an_article_reads_the_figure_whatever_its_script(text, value, unit, qualifier):
    data = f"---\ntitle: 新闻稿\ndate: 2024-03-01\n---\n{text}\n".encode()
    found = extract(parse_bytes(data, SourceRef("forms.md", "forms.md")))[1].measurements
    assert (Decimal(value), unit, qualifier) in [(m.value, m.unit, m.qualifier) for m in found]


@pytest.mark.parametrize("text", ["约合新台币26.5兆元", "折合港币120亿元", "相当于美元约900亿元", "港元 50亿元"])
def test_an_amount_in_another_currency_before_its_yuan_word_is_a_conversion(text):
    quantities, rejected = find_quantities(text, False)
    assert not quantities and [r.reason for r in rejected] == ["a currency conversion"]


@pytest.mark.parametrize("text, english, values", [
    ("rates of 5.1, 5.3 and 5.2 percent", True, ["5.1", "5.3", "5.2"]),
    ("rates of 5.1, 5.3, and 5.2%", True, ["5.1", "5.3", "5.2"]),
    ("失业率分别为5.1、5.3和5.2%", False, ["5.1", "5.3", "5.2"]),
    ("分别增长3、4和5个百分点", False, ["3", "4", "5"]),
])
def test_plain_numbers_leading_a_list_take_its_last_figures_unit(text, english, values):
    assert [str(q.value) for q in find_quantities(text, english)[0]] == values


@pytest.mark.parametrize("text", ["地铁5、6、7号线开通刷卡乘车", "第1、2批试点城市", "图1、图2所示", "第1、2名分别获奖100万元"])
def test_numbers_before_no_measure_or_after_an_ordinal_stay_bare(text):
    assert all(q.start > 2 for q in find_quantities(text, False)[0])


@pytest.mark.parametrize("text", ["0-0%", "0~0亿", "0至0万人"])
def test_a_range_of_zeros_is_read_without_dividing_by_zero(text):
    assert [q.value for q in find_quantities(text, False)[0]] == [0]


@pytest.mark.parametrize("text, english", [
    ("Rates today: GBP 1 = CNY 9.10, USD 1 = CNY 7.19.", True),
    ("The yuan closed at USD/CNY 6.7745 on Friday.", True),
    ("当日人民币汇率为1美元兑6.77元人民币。", False),
])
def test_the_price_of_a_currency_is_no_figure(text, english):
    assert find_quantities(text, english)[0] == []


@pytest.mark.parametrize("text", ["差不多每5位持卡人中，就有1位领用了电子社保卡", "每5位持卡人中,就有1位开通了电子社保卡"])
def test_one_in_n_across_a_comma_is_one_share(text):
    assert [(q.value, q.unit) for q in find_quantities(text, english=False)[0]] == [(Decimal("20.00"), "percent")]


@pytest.mark.parametrize("text, english", [
    ("Bring your 18-digit ID card to a partner bank.", True),
    ("Each card carries an 18 digit number and a 6-digit PIN.", True),
    ("Enter the 12-character code on the back of the card.", True),
    ("社会保障号码为18位，与身份证号码一致。", False),
    ("持卡人凭18位社会保障号码和6位数字密码即可办理。", False),
    ("卡号共19位。", False),
])
def test_the_length_of_a_number_or_code_is_no_figure(text, english):
    assert find_quantities(text, english=english)[0] == []


def test_people_counted_with_wei_are_figures():
    assert [q.value for q in find_quantities("共有18位代表出席会议。", english=False)[0]] == [18]


@pytest.mark.parametrize("text", ["6 February 2024 | Page 1 of 6\n\nChina social security card: penetration near 98%",
                                  "Issue 12\nSocial security cards reach every city"])
def test_a_number_takes_no_unit_from_the_next_line(text):
    assert all(q.unit != "card" for q in find_quantities(text, english=True)[0])
