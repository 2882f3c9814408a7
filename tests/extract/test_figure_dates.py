"""Which date a figure takes when a sentence names several: invented sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def _dates(body: str, published: str, title: str = "Press release") -> dict[Decimal, str]:
    data = f"---\ntitle: {title}\ndate: {published}\n---\n{body}\n".encode()
    return {m.value: m.as_of for m in extract(parse_bytes(data, SourceRef("dates.md", "dates.md")))[1].measurements}


def test_a_date_right_after_a_figure_dates_that_figure():
    found = _dates("The registered unemployment rate stood at 4.04 percent in the third quarter, slightly down "
                   "from 4.05 percent in the second quarter.", "2016-10-25")
    assert found[Decimal("4.04")] == "2016-09-30" and found[Decimal("4.05")] == "2016-06-30"


def test_a_comparison_base_does_not_date_the_sentences_after_it():
    found = _dates("In August, the surveyed unemployment rate was 5.1 percent, the same as that in July. "
                   "The rate for people aged 16 to 24 was 15.3 percent.", "2021-09-15")
    assert found[Decimal("5.1")] == "2021-08" and found[Decimal("15.3")] == "2021-08"


def test_a_figure_a_rise_starts_from_holds_at_the_start_of_its_period():
    found = _dates("Between 2012 and 2021, coverage expanded. Pension insurance participants increased from "
                   "788 million to 1.03 billion, and the monthly pension rose from 1,686 yuan to 2,987 yuan.", "2022-07-12")
    assert found[Decimal("788e6")] == "2012-12-31" and found[Decimal("1.03e9")] == "2021-12-31"
    assert found[Decimal("1686")] == "2012" and found[Decimal("2987")] == "2021"


def test_a_rise_within_a_quarter_named_in_an_earlier_sentence_keeps_the_figure_undated_by_it():
    found = _dates("Funds were allocated in the first quarter. The pilot was expanded from 36 cities to the whole "
                   "country.", "2025-04-20")
    assert found[Decimal("36")] != "2025-01"


def _zh_dates(body: str, published: str) -> dict[Decimal, str]:
    return _dates(body, published, title="新闻稿")


def test_a_flow_since_a_date_runs_to_the_publication_and_a_base_clause_dates_only_its_base():
    found = _zh_dates("今年以来，全市新增发放社会保障卡120万张，在去年底发卡300万张的基础上，累计发卡总数达到420万张。",
                      "2015-06-20")
    assert found[Decimal("120e4")] == "2015-06-20"
    assert found[Decimal("300e4")] == "2014-12-31"
    assert found[Decimal("420e4")] == "2015-06-20"


def test_a_respectively_list_names_workers_compensation():
    data = ("---\ntitle: Press release\ndate: 2022-07-12\n---\nParticipants in the basic old-age insurance, "
            "unemployment insurance and workers' compensation schemes reached 1.03 billion, 230 million and "
            "283 million respectively.\n").encode()
    found = {m.value: m.metric for m in extract(parse_bytes(data, SourceRef("list.md", "list.md")))[1].measurements}
    assert [found[Decimal(v)] for v in ("1.03e9", "230e6", "283e6")] == [
        "pension-insured", "unemployment-insured", "work-injury-insured"]


def test_a_date_whose_clause_tells_of_a_launch_does_not_date_a_later_clause():
    zh = _zh_dates("社会保障卡于2000年前后在上海首发，推广二十余年后，持卡人数已有13.8亿多人。", "2024-07-03")
    assert zh[Decimal("13.8e8")] == "2024-07-03"
    en = _dates("The card was launched in 1999 in Shanghai, and holders now number 1.38 billion people.", "2024-07-03")
    assert en[Decimal("1.38e9")] == "2024-07-03"


def test_a_date_that_opens_the_next_figures_clause_is_that_figures():
    found = _zh_dates("全国已有超过10亿人领取电子社保卡，其中今年新增1.2亿人。", "2024-07-24")
    assert found[Decimal("10e8")] == "2024-07-24"
    assert _dates("About 1.38 billion people held social security cards, as of the end of June.",
                  "2024-07-24")[Decimal("1.38e9")] == "2024-06-30"


def test_a_figure_counted_back_from_another_takes_that_earlier_date():
    found = _dates("The registered unemployment rate was 4.02 percent at the end of 2016, down from 4.04 percent "
                   "three months earlier.", "2017-01-23")
    assert found[Decimal("4.02")] == "2016-12-31" and found[Decimal("4.04")] == "2016-09-30"


def test_a_date_attached_to_a_later_figure_in_a_clause_of_its_own_is_that_figures():
    found = _dates("The programme placed 30,000 volunteers, and the share of women among them rose from 20% in "
                   "2015 to 31% in 2018.", "2019-05-01")
    assert found[Decimal("30000")] == "2019-05-01"
    assert found[Decimal("20")] == "2015" and found[Decimal("31")] == "2018"


def test_a_date_closing_a_list_of_figures_dates_them_all():
    found = _dates("Pension, unemployment and work-injury insurance covered 968 million, 205 million and 255 million "
                   "people in 2019.", "2020-01-20")
    assert {found[Decimal(v)] for v in ("968e6", "205e6", "255e6")} == {"2019-12-31"}
    found = _dates("Some 1.3 billion people held cards, and 400 million of them used e-cards in 2019.", "2020-01-20")
    assert found[Decimal("1.3e9")] == found[Decimal("400e6")] == "2019-12-31"


def test_a_programme_named_plan_is_no_target():
    found = {m.value: m.kind for m in extract(parse_bytes(
        "---\ntitle: 新闻稿\ndate: 2019-05-01\n---\n该计划招募志愿者3万人，其中女性比例由2015年的20%提高到2018年的31%。\n".encode(),
        SourceRef("dates.md", "dates.md")))[1].measurements}
    assert found[Decimal("3e4")] == "level" and found[Decimal("20")] == "level"


def test_an_english_sentence_may_open_with_a_figure():
    data = ("---\ntitle: Press release\ndate: 2022-03-01\n---\nUnemployment insurance was extended to all insured "
            "workers in rural areas. 13.4 million people received its payments.\n").encode()
    found = {m.value: m for m in extract(parse_bytes(data, SourceRef("dates.md", "dates.md")))[1].measurements}
    assert found[Decimal("13.4e6")].evidence.quote.startswith("13.4 million")
    found = _dates("By Dec. 31, 2021, 230 million people were covered by unemployment insurance.", "2022-03-01")
    assert found[Decimal("230e6")] == "2021-12-31"


def test_a_rise_then_the_level_it_reached_keeps_the_level_a_level():
    data = "---\ntitle: 新闻稿\ndate: 2016-07-22\n---\n上半年，全国社会保障卡持卡人数净增5000万人，达到9.3亿人。\n".encode()
    kinds = {m.value: m.kind for m in extract(parse_bytes(data, SourceRef("dates.md", "dates.md")))[1].measurements}
    assert kinds == {Decimal("5000e4"): "change", Decimal("9.3e8"): "level"}


def test_a_date_that_opens_an_inner_clause_dates_that_clause_only():
    found = _zh_dates("目前，全国电子社保卡领用人数超过7亿，2022年累计提供服务80亿人次，各地开通属地服务1200余项。", "2023-03-01")
    assert found[Decimal("7e8")] == found[Decimal("1200")] == "2023-03-01" and found[Decimal("80e8")] == "2022"
    found = _zh_dates("截至2022年底，全国持卡人数13.68亿人，2023年1月新增发卡500万张，电子社保卡领用人数7.15亿人。",
                      "2023-03-01")
    assert found[Decimal("7.15e8")] == "2022-12-31" and found[Decimal("500e4")] == "2023-01-31"


def test_a_date_with_no_clause_of_its_own_still_dates_the_clauses_after_it():
    found = _zh_dates("2022年城镇新增就业1206万人，城镇调查失业率平均值5.6%。", "2023-03-01")
    assert found[Decimal("1206e4")] == found[Decimal("5.6")] == "2022"
    found = _zh_dates("城镇就业人数由2012年的37287万人增加到2021年的46773万人，城镇新增就业年均超过1300万人。", "2022-06-01")
    assert found[Decimal("1300e4")] == "2021"


def test_a_wire_dateline_dates_no_figure():
    data = (b"Card holders\nBEIJING, March 5 -- A total of 1.23 billion people held social security cards by the "
            b"end of last year, official data showed.\n")
    extraction = extract(parse_bytes(data, SourceRef("wire.txt", "wire.txt")))[1]
    assert extraction.article.published == "2019-03-05"
    assert [m.as_of for m in extraction.measurements] == ["2018-12-31"]


def test_a_quotation_that_closes_after_its_full_stop_closes_the_sentence():
    data = (b"---\ntitle: Press release\ndate: 2023-02-28\n---\n\"In 2022, the social insurance fund income was 7.1 "
            b"trillion yuan. The cumulative balance at the end of the year was 7.4 trillion yuan.\" Wang Li, deputy "
            b"director of the Pension Insurance Department, said.\n")
    found = {m.value: m.metric for m in extract(parse_bytes(data, SourceRef("quote.md", "quote.md")))[1].measurements}
    assert found[Decimal("7.4e12")] == "si-fund-balance"


def test_a_span_that_runs_to_the_publication_dates_its_figure_then():
    found = _zh_dates("近五年来，全省城镇新增就业500万人，截至2019年6月底，社会保障卡持卡人数达到900万人。", "2019-07-10")
    assert found[Decimal("500e4")] == "2019-07-10" and found[Decimal("900e4")] == "2019-06-30"
    assert _zh_dates("“十四五”以来，全国城镇新增就业4000万人。", "2023-07-15")[Decimal("4000e4")] == "2023-07-15"
    assert _dates("Over the past five years, 60 million new urban jobs were created.",
                  "2019-07-10")[Decimal("60e6")] == "2019-07-10"


def test_the_year_through_a_month_is_a_flow_from_january_and_a_stock_at_the_months_end():
    data = ("---\ntitle: Press release\ndate: 2019-10-25\n---\nThrough September, 10 million new urban jobs were "
            "created, and 1.3 billion people held social security cards.\n").encode()
    found = {m.value: (m.as_of, m.period_start) for m in extract(parse_bytes(data, SourceRef("d.md", "d.md")))[1].measurements}
    assert found[Decimal("10e6")] == ("2019-09", "2019-01")
    assert found[Decimal("1.3e9")] == ("2019-09-30", None)


def test_the_same_period_a_year_back_dates_its_own_clause_only():
    found = _zh_dates("1-9月，全国城镇新增就业1097万人，上年同期为1082万人，同比增长1.4%。", "2019-10-25")
    assert found[Decimal("1097e4")] == found[Decimal("1.4")] == "2019-09"
    assert found[Decimal("1082e4")] == "2018-09"
    found = _zh_dates("截至9月底，全省社会保障卡持卡人数达900万人，去年同期为800万人。", "2019-10-25")
    assert found[Decimal("900e4")] == "2019-09-30" and found[Decimal("800e4")] == "2018-09-30"


def test_values_given_respectively_to_a_list_of_dates_take_them_in_order():
    found = _zh_dates("全国电子社保卡领用人数2021年、2022年、2023年分别达到5.2亿人、7.1亿人和9.3亿人。", "2024-03-01")
    assert [found[Decimal(v)] for v in ("5.2e8", "7.1e8", "9.3e8")] == ["2021-12-31", "2022-12-31", "2023-12-31"]
    found = _zh_dates("2019年和2020年，全国社会保险基金收入分别为5.9万亿元和5.0万亿元。", "2021-03-01")
    assert found[Decimal("5.9e12")] == "2019" and found[Decimal("5.0e12")] == "2020"
    found = _zh_dates("截至2022年底和2023年底，全国电子社保卡领用人数分别为7.15亿人和9.7亿人。", "2024-03-01")
    assert found[Decimal("7.15e8")] == "2022-12-31" and found[Decimal("9.7e8")] == "2023-12-31"
    found = _zh_dates("全國電子社保卡領用人數2021、2022、2023年分別達到5.2億人、7.1億人和9.3億人。", "2024-03-01")
    assert [found[Decimal(v)] for v in ("5.2e8", "7.1e8", "9.3e8")] == ["2021-12-31", "2022-12-31", "2023-12-31"]
    found = _dates("Electronic social security card holders reached 520 million, 710 million and 930 million in 2021, "
                   "2022 and 2023 respectively.", "2024-03-01")
    assert [found[Decimal(v)] for v in ("520e6", "710e6", "930e6")] == ["2021-12-31", "2022-12-31", "2023-12-31"]
    found = _dates("At the end of 2022 and 2023, e-card holders numbered 715 million and 970 million, respectively.",
                   "2024-03-01")
    assert found[Decimal("715e6")] == "2022-12-31" and found[Decimal("970e6")] == "2023-12-31"


def test_a_date_of_a_clause_of_its_own_is_no_item_of_the_list_of_dates():
    found = _zh_dates("截至2023年底，全国电子社保卡领用人数达9.7亿人，2021年、2022年分别新增1.2亿人和1.5亿人。",
                      "2024-03-01")
    assert found[Decimal("9.7e8")] == "2023-12-31"
    assert found[Decimal("1.2e8")][:4] == "2021" and found[Decimal("1.5e8")][:4] == "2022"


def test_a_list_of_dates_of_another_length_than_the_values_dates_none_of_them_in_order():
    found = _zh_dates("2022年和2023年，全省城镇新增就业分别为12万人、13万人和14万人。", "2024-03-01")
    assert len(set(found.values())) == 1


def test_an_earlier_level_inside_a_comparison_keeps_its_own_date():
    found = _zh_dates("一季度末全国社会保障卡持卡人数达9.03亿，比去年末的8.84亿人增加1900万。", "2016-04-25")
    assert found[Decimal("9.03e8")] == found[Decimal("1900e4")] == "2016-03-31"
    assert found[Decimal("8.84e8")] == "2015-12-31"
    found = _zh_dates("目前全國社會保障卡持卡人數達13.7億人，較2019年底的13.05億人增加6500萬人。", "2021-02-01")
    assert found[Decimal("13.05e8")] == "2019-12-31"
    assert found[Decimal("13.7e8")] == found[Decimal("6500e4")] == "2021-02-01"
    found = _dates("Card holders reached 903 million at the end of the first quarter, up from 884 million at the end "
                   "of last year.", "2016-04-25")
    assert found[Decimal("903e6")] == "2016-03-31" and found[Decimal("884e6")] == "2015-12-31"
    found = _dates("At the end of June, 1.35 billion people held cards, compared with last year's 1.22 billion.",
                   "2021-07-20")
    assert found[Decimal("1.35e9")] == "2021-06-30" and found[Decimal("1.22e9")] == "2020-12-31"


def test_a_figure_of_now_said_at_an_event_of_a_given_day_is_that_days():
    found = _zh_dates("在9月26日举行的新闻发布会上，人社部介绍，目前全国电子社保卡领用人数已达7亿人。", "2022-10-03")
    assert found[Decimal("7e8")] == "2022-09-26"
    found = _zh_dates("人社部26日发布，截至目前全国社会保障卡持卡人数达13.7亿人。", "2022-10-03")
    assert found[Decimal("13.7e8")] == "2022-09-26"
    found = _zh_dates("9月26日，人社部召开新闻发布会，介绍目前全国电子社保卡领用人数已达7亿人。", "2022-10-03")
    assert found[Decimal("7e8")] == "2022-09-26"
    found = _zh_dates("记者9月26日从人社部获悉，截至目前，全国社会保障卡持卡人数达13.7亿人。", "2022-10-03")
    assert found[Decimal("13.7e8")] == "2022-09-26"
    found = _zh_dates("人社部9月26日舉行新聞發布會。會上介紹，目前全國電子社保卡領用人數已達7億人。", "2022-10-03")
    assert found[Decimal("7e8")] == "2022-09-26"
    found = _dates("At a press conference on Sept 26, the ministry said that so far 700 million people have "
                   "electronic social security cards.", "2022-10-03")
    assert found[Decimal("700e6")] == "2022-09-26"
    found = _dates("The ministry said at a briefing on Friday that 700 million people now hold electronic social "
                   "security cards.", "2022-10-03")
    assert found[Decimal("700e6")] == "2022-09-30"


def test_a_figure_of_now_not_tied_to_the_event_keeps_the_publication_date():
    found = _zh_dates("9月26日，全省开展社保卡宣传活动。目前全省社会保障卡持卡人数达900万人。", "2022-10-03")
    assert found[Decimal("900e4")] == "2022-10-03"
    found = _dates("A campaign opened on Sept 26. Currently, 9 million people in the province hold social security "
                   "cards.", "2022-10-03")
    assert found[Decimal("9e6")] == "2022-10-03"


def test_a_year_end_with_no_year_is_a_level_reached_unless_the_sentence_looks_ahead():
    found = _zh_dates("年末全国社会保障卡持卡人数达到5.4亿人。", "2013-05-28")
    assert found[Decimal("5.4e8")] == "2012-12-31"
    found = _zh_dates("年底全國社會保障卡持卡人數為5.4億人。", "2013-05-28")
    assert found[Decimal("5.4e8")] == "2012-12-31"
    assert _dates("At year-end, social security card holders reached 540 million.",
                  "2013-05-28")[Decimal("540e6")] == "2012-12-31"
    data = "---\ntitle: 新闻稿\ndate: 2013-05-28\n---\n力争年底全国社会保障卡持卡人数达到6亿人。\n".encode()
    found = {m.value: (m.as_of, m.kind) for m in extract(parse_bytes(data, SourceRef("d.md", "d.md")))[1].measurements}
    assert found[Decimal("6e8")] == ("2013-12-31", "target")
    data = ("---\ntitle: Press release\ndate: 2013-05-28\n---\nBy the end of the year, the ministry expects 600 million "
            "people to hold social security cards.\n").encode()
    found = {m.value: (m.as_of, m.kind) for m in extract(parse_bytes(data, SourceRef("d.md", "d.md")))[1].measurements}
    assert found[Decimal("600e6")] == ("2013-12-31", "target")


def test_the_end_of_a_plans_period_once_past_dates_a_stock():
    assert _zh_dates("截至“十三五”末，全国社会保障卡持卡人数达13.35亿人。", "2021-05-03")[Decimal("13.35e8")] == "2020-12-31"
    assert _zh_dates("截至十三五末，全國社會保障卡持卡人數達13.35億人。", "2021-05-03")[Decimal("13.35e8")] == "2020-12-31"
    assert _dates("By the end of the 13th Five-Year Plan period, 1.335 billion people held social security cards.",
                  "2021-05-03")[Decimal("1.335e9")] == "2020-12-31"


def test_a_span_of_twelve_months_to_a_month_runs_from_the_year_before():
    data = ("---\ntitle: Press release\ndate: 2019-07-20\n---\nAbout 13 million new urban jobs were created in the "
            "12 months to June.\n").encode()
    found = {m.value: (m.as_of, m.period_start) for m in extract(parse_bytes(data, SourceRef("d.md", "d.md")))[1].measurements}
    assert found[Decimal("13e6")] == ("2019-06", "2018-07")


def test_a_level_a_year_earlier_is_a_year_before_the_date_the_sentence_named():
    found = _dates("At the end of June, 1.35 billion people held social security cards, compared with 1.22 billion a "
                   "year earlier.", "2021-07-20")
    assert found[Decimal("1.35e9")] == "2021-06-30" and found[Decimal("1.22e9")] == "2020-06-30"


def test_a_later_clause_with_its_own_time_cue_is_out_of_an_earlier_dates_scope():
    text = "截至去年底，全省累计发卡527万张；今年以来，又新发313万张，累计发卡量已达840万张。"
    found = _zh_dates(text, "2019-07-10")
    assert found[Decimal("527e4")] == "2018-12-31"
    assert found[Decimal("313e4")] == found[Decimal("840e4")] == "2019-07-10"
    for cue in ("目前", "截至目前"):
        found = _zh_dates(f"截至去年底，全省累计发卡527万张；{cue}，累计发卡量已达840万张。", "2019-07-10")
        assert found[Decimal("527e4")] == "2018-12-31" and found[Decimal("840e4")] == "2019-07-10", cue
    found = _zh_dates("截至去年底，全省累計發卡527萬張；今年以來，又新發313萬張，累計發卡量已達840萬張。", "2019-07-10")
    assert found[Decimal("527e4")] == "2018-12-31" and found[Decimal("840e4")] == "2019-07-10"


def test_an_english_later_clause_with_its_own_time_cue_is_out_of_an_earlier_dates_scope():
    found = _dates("By the end of last year, 5.27 million cards had been issued; since January, another 3.13 million "
                   "were issued, bringing the total to 8.4 million.", "2019-07-10")
    assert found[Decimal("5.27e6")] == "2018-12-31"
    assert found[Decimal("3.13e6")] != "2018-12-31" and found[Decimal("8.4e6")] == "2019-07-10"
    for cue in ("so far", "now", "to date"):
        found = _dates(f"By the end of last year, 5.27 million cards had been issued; {cue}, 8.4 million cards "
                       "have been issued.", "2019-07-10")
        assert found[Decimal("5.27e6")] == "2018-12-31" and found[Decimal("8.4e6")] == "2019-07-10", cue


def test_a_time_word_pointing_back_takes_the_date_named_earlier_in_the_paragraph():
    for word in ("届时", "当时", "彼时", "此时", "同期", "当天", "当日"):
        found = _zh_dates(f"人社部于2025年9月26日召开新闻发布会。{word}，全国基本养老保险参保人数达10.72亿人。", "2026-01-15")
        assert found[Decimal("10.72e8")] == "2025-09-26", word
    found = _zh_dates("电子社保卡于2018年4月正式上线。当时，全国社会保障卡持卡人数为12.4亿人，目前已达13.8亿人。", "2025-03-01")
    assert found[Decimal("12.4e8")] == "2018-04-30" and found[Decimal("13.8e8")] == "2025-03-01"
    found = _zh_dates("2025年9月26日，人社部舉行新聞發布會。當時全國基本養老保險參保人數為10.72億人。", "2026-01-15")
    assert found[Decimal("10.72e8")] == "2025-09-26"
    found = _zh_dates("截至2024年6月底，全省社会保障卡持卡人数为900万人，当时电子社保卡领用人数为520万人。", "2025-03-01")
    assert found[Decimal("520e4")] == "2024-06-30"


def test_an_english_time_word_pointing_back_takes_the_date_named_earlier():
    for words in ("At that time", "By then", "At the time", "As of that date", "On that day", "Then"):
        found = _dates(f"The ministry held a briefing on September 26, 2025. {words}, 1,072 million people were "
                       "covered by basic pension insurance.", "2026-01-15")
        assert found[Decimal("1072e6")] == "2025-09-26", words
    found = _dates("The electronic card was launched in April 2018. At that time, 1.24 billion people held social "
                   "security cards; so far, 1.38 billion hold them.", "2025-03-01")
    assert found[Decimal("1.24e9")] == "2018-04-30" and found[Decimal("1.38e9")] == "2025-03-01"
    found = _dates("The ministry held a briefing on September 26, 2025. At the time, 1,072 million people were covered "
                   "by basic pension insurance and 1.38 billion held cards so far.", "2026-01-15")
    assert found[Decimal("1072e6")] == "2025-09-26"
    found = _dates("At that time, 1.24 billion people held social security cards.", "2025-03-01")
    assert found[Decimal("1.24e9")] == "2025-03-01"
    found = _dates("The ministry held a press conference on 26 September 2025. At that time, the number of people "
                   "insured by the basic pension insurance was 1.072 billion.", "2026-01-15")
    assert found[Decimal("1.072e9")] == "2025-09-26"


def test_an_average_or_a_total_over_a_span_takes_the_span():
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "The surveyed urban unemployment rate averaged 5.3% over the past four years.", "2025-03-05")}
    assert found[Decimal("5.3")] == ("2024", "2021")
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "过去四年城镇调查失业率平均为5.3%。", "2025-03-05", "新闻稿")}
    assert found[Decimal("5.3")] == ("2024", "2021")
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "“十四五”前四年累计新增就业5921万人。", "2025-03-05", "新闻稿")}
    assert found[Decimal("5921e4")] == ("2024", "2021")
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "「十四五」前四年累計新增就業5921萬人。", "2025-03-05", "新闻稿")}
    assert found[Decimal("5921e4")] == ("2024", "2021")
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "In the first four years of the 14th Five-Year Plan period, 59.21 million new urban jobs were created.",
        "2025-03-05")}
    assert found[Decimal("59.21e6")] == ("2024", "2021")


def _measurements(body: str, published: str, title: str = "Press release"):
    data = f"---\ntitle: {title}\ndate: {published}\n---\n{body}\n".encode()
    return extract(parse_bytes(data, SourceRef("span.md", "span.md")))[1].measurements


def test_a_now_in_the_figures_own_later_clause_beats_the_date_of_an_earlier_clause():
    for text in ("By the end of last year, 5.27 million cards had been issued, and 8.4 million have been issued so far.",
                 "5.27 million cards had been issued by the end of last year, and the total now stands at 8.4 million.",
                 "By the end of last year, 5.27 million cards had been issued, while the number has now reached 8.4 "
                 "million."):
        found = _dates(text, "2019-07-10")
        assert found[Decimal("5.27e6")] == "2018-12-31" and found[Decimal("8.4e6")] == "2019-07-10", text
    for text in ("截至去年底，全省累计发卡527万张，现已达840万张。", "截至去年底，全省累計發卡527萬張，現已達840萬張。"):
        found = _zh_dates(text, "2019-07-10")
        assert found[Decimal("527e4")] == "2018-12-31" and found[Decimal("840e4")] == "2019-07-10", text


def test_a_plan_period_once_past_dates_its_figures_as_its_five_years():
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "“十三五”期间，全国城镇新增就业6564万人，城镇调查失业率平均为5.2%。", "2021-03-05", "新闻稿")}
    assert found[Decimal("6564e4")] == found[Decimal("5.2")] == ("2020", "2016")
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "During the 13th Five-Year Plan period, an average of 13 million new urban jobs were created each year.",
        "2021-03-05")}
    assert found[Decimal("13e6")] == ("2020", "2016")
    found = {m.value: (m.as_of, m.kind) for m in _measurements(
        "“十四五”期间，城镇新增就业5500万人以上。", "2021-03-05", "新闻稿")}
    assert found[Decimal("5500e4")] == ("2025", "target")


def test_an_average_over_these_years_and_a_flow_in_the_same_period():
    found = {m.value: (m.as_of, m.period_start) for m in _measurements(
        "这五年，城镇新增就业年均1300万人。", "2023-03-05", "新闻稿")}
    assert found[Decimal("1300e4")] == ("2022", "2018")
    found = _dates("In the first three quarters, 10.97 million new urban jobs were created. In the same period, 50 "
                   "million social security cards were issued.", "2019-10-25")
    assert found[Decimal("10.97e6")] == "2019-09" and found[Decimal("50e6")].startswith("2019-09")


def test_a_word_pointing_back_to_a_target_date_makes_a_target():
    data = ("---\ntitle: 新闻稿\ndate: 2023-03-05\n---\n力争到2025年底，全省电子社保卡领用率达到80%。届时，全省持卡人数"
            "将达到1000万人。\n").encode()
    found = {m.value: (m.as_of, m.kind) for m in extract(parse_bytes(data, SourceRef("d.md", "d.md")))[1].measurements}
    assert found[Decimal("1000e4")] == ("2025-12-31", "target")


def test_a_first_time_past_a_level_dates_the_figure_as_a_milestone():
    """首次 before a verb of reaching a level is a milestone, not an event that opens a period."""
    found = _zh_dates("全国社会保障卡持卡人数在去年11月底首次突破5亿。", "2014-07-28")
    assert found[Decimal("5e8")] == "2013-11-30"
    found = _zh_dates("電子社保卡領用人數今年3月首度超過5億人。", "2022-06-20")
    assert found[Decimal("5e8")] == "2022-03-31"  # a stock named by its month holds at its end
    found = _zh_dates("2019年末，持卡人數首次跨過13億人大關。", "2020-02-28")
    assert found[Decimal("13e8")] == "2019-12-31"
    found = _zh_dates("社保卡于1999年首次发行，目前持卡人数已达13.5亿人。", "2021-06-01")
    assert found[Decimal("13.5e8")] == "2021-06-01"  # 首次发行 is still the card's launch


def test_a_date_joined_to_its_figure_by_de_outweighs_a_later_now():
    found = _zh_dates("近五年间，持卡人数从2013年末的5.4亿人增长到现在的规模。", "2018-04-27")
    assert found[Decimal("5.4e8")] == "2013-12-31"
    found = _zh_dates("电子社保卡用户由2019年底的约1亿人增至目前的6.6亿人。", "2022-05-10")
    assert found[Decimal("1e8")] == "2019-12-31" and found[Decimal("6.6e8")] == "2022-05-10"
    found = _dates("Holders grew from 2013's 540 million to 1.22 billion now.", "2018-04-27")
    assert found[Decimal("540e6")] == "2013"


def test_a_later_clause_opening_a_period_to_the_publication_leaves_an_earlier_clauses_date():
    found = _zh_dates("该省去年底首批发放社保卡526万张，今年以来又新发313万张，全省累计发卡量已达840万张。", "2012-07-27")
    assert found[Decimal("526e4")] == "2011-12-31"
    assert found[Decimal("313e4")] == found[Decimal("840e4")] == "2012-07-27"
    found = _dates("The province issued 5.26 million cards by the end of 2011, and has issued another 3.13 million "
                   "since January, bringing the total to 8.4 million.", "2012-07-27")
    assert found[Decimal("5.26e6")] == "2011-12-31" and found[Decimal("3.13e6")] == "2012-07-27"


def test_a_date_opening_the_sentence_keeps_a_period_opened_inside_it():
    found = _zh_dates("截至2019年末，自2015年以来全国累计发放社保卡5亿张。", "2020-01-20")
    assert found[Decimal("5e8")] == "2019-12-31"
    found = _dates("By the end of 2019, 500 million cards had been issued since 2015.", "2020-01-20")
    assert found[Decimal("5e8")] == "2019-12-31"


def test_counted_on_from_the_date_named_before():
    found = _zh_dates("全国持卡人数在2013年11月底首次突破5亿，此后七个月里又增加了约1亿人。", "2014-07-28")
    assert found[Decimal("5e8")] == "2013-11-30" and found[Decimal("1e8")] == "2014-06-30"
    found = _dates("Holders numbered 600 million at the end of March 2014 and 630 million three months later.", "2016-07-28")
    assert found[Decimal("600e6")] == "2014-03-31" and found[Decimal("630e6")] == "2014-06-30"


def test_a_base_after_figures_listed_respectively_does_not_date_their_changes():
    found = _dates("As of the end of last year, 915.48 million, 187.84 million and 227.24 million people were insured "
                   "respectively, an increase of 27.71 million, 6.95 million and 8.35 million respectively over the end "
                   "of the previous year.", "2018-01-26")
    assert found[Decimal("8.35e6")] == found[Decimal("915.48e6")] == "2017-12-31"


def test_a_date_joined_by_a_preposition_after_the_figures_noun_and_verb_dates_it():
    found = _dates("GDP grew 6.7 percent year on year in 2016, down from the 6.9-percent increase registered in 2015.",
                   "2017-01-20")
    assert found[Decimal("6.7")] == "2016" and found[Decimal("6.9")] == "2015"


def test_a_base_figure_in_brackets_after_its_date_takes_that_date():
    found = _zh_dates("全国社保卡持卡人数达到13.8亿人，比2023年末（13.79亿人）进一步增加。", "2024-07-23")
    assert found[Decimal("13.79e8")] == "2023-12-31" and found[Decimal("13.8e8")] == "2024-07-23"
    found = _dates("Card holders reached 1.38 billion, up from the end of 2023 (1.379 billion).", "2024-07-23")
    assert found[Decimal("1.379e9")] == "2023-12-31"


def test_a_tables_heading_dates_the_rows_under_it_that_name_no_date():
    body = ("Nearly everyone now carries a card.\n"
            "Key figures (end-2021 unless stated)\n"
            "  Cardholders ............................ 1.352bn\n"
            "  Pension insured ........................ 1.03bn\n"
            "  New urban jobs, full year 2021 ......... 12.69mn\n"
            "Officials said 1.4 billion cards would be in use soon.\n")
    found = _dates(body, "2022-03-04")
    assert found[Decimal("1.352e9")] == found[Decimal("1.03e9")] == "2021-12-31"
    assert found[Decimal("12.69e6")] == "2021"
    found = _zh_dates("人社部发布去年社保卡工作情况。\n2023年末主要指标\n全国社保卡持卡人数：13.79亿人\n"
                      "电子社保卡领用人数：9.72亿人\n", "2024-02-20")
    assert found[Decimal("13.79e8")] == found[Decimal("9.72e8")] == "2023-12-31"


def test_a_look_back_to_last_year_does_not_date_the_next_sentences_figures_the_present_does():
    found = _zh_dates("截至今年6月底，全省持卡人数达到4200万人。据介绍，截至去年底，全省持卡人数为3900万人。"
                      "负责人表示，全省已有110个县区开通了持卡就医结算。", "2019-07-15")
    assert found[Decimal("4200e4")] == "2019-06-30" and found[Decimal("3900e4")] == "2018-12-31"
    assert found[Decimal("110")] == "2019-06-30"  # the present the paragraph named


def test_a_look_back_in_traditional_chinese_does_not_date_the_next_sentences_figures():
    found = _zh_dates("截至今年9月底，全國電子社保卡領用人數達到5.2億。截至去年底，這一數字為3.6億。"
                      "發言人表示，全國已有80個地市可用電子社保卡繳費。", "2021-10-20")
    assert found[Decimal("3.6e8")] == "2020-12-31" and found[Decimal("80")] == "2021-09-30"


def test_an_english_look_back_to_last_year_does_not_date_the_next_sentences_figures():
    found = _dates("By the end of March, 1.35 billion people held the card. At the end of last year the figure was "
                   "1.33 billion. Officials said 260 cities now accept the card on buses.", "2021-04-22")
    assert found[Decimal("1.33e9")] == "2020-12-31" and found[Decimal("260")] == "2021-03-31"


def test_a_year_named_outright_or_a_present_that_is_an_event_day_still_dates_the_next_sentence():
    outright = _zh_dates("截至今年3月底，全国持卡人数9.03亿人。2015年末，全国参加失业保险人数17326万人。"
                         "参加工伤保险人数21432万人。", "2016-04-26")
    assert outright[Decimal("21432e4")] == "2015-12-31"
    event_day = _zh_dates("人社部26日举行发布会。截至去年底，全国持卡人数达到13.35亿人。"
                          "电子社保卡领用人数超过3.6亿。", "2021-01-27")
    assert event_day[Decimal("3.6e8")] == "2020-12-31"


def test_a_comparison_after_figures_takes_the_closing_date_and_their_metrics_in_turn():
    found = _measurements("At the end of 2022, 238 million people had unemployment insurance and 291 million had "
                          "work-related injury insurance, compared with some 230 million and about 283 million "
                          "respectively at the end of 2021.", "2023-06-20")
    rows = {m.value: (m.metric, m.as_of) for m in found}
    assert rows[Decimal("238e6")] == ("unemployment-insured", "2022-12-31")
    assert rows[Decimal("291e6")] == ("work-injury-insured", "2022-12-31")
    assert rows[Decimal("230e6")] == ("unemployment-insured", "2021-12-31")
    assert rows[Decimal("283e6")] == ("work-injury-insured", "2021-12-31")


def test_a_figure_before_a_comparison_keeps_the_paragraphs_date_not_the_comparisons():
    found = _dates("By the end of June, 1.37 billion people held the card. Electronic cards numbered 780 million, "
                   "up from 715 million at the end of 2022.", "2023-08-01")
    assert found[Decimal("780e6")] == "2023-06-30" and found[Decimal("715e6")] == "2022-12-31"


def test_a_heading_of_bare_figures_restates_the_paragraph_under_it():
    found = _measurements("全省电子社保卡这一年，看这组数字。\n【5000万】\n截至10月底，全省电子社保卡签发量达到5000万张。\n"
                          "【120个】\n全省已有120个县区可用电子社保卡就医。", "2022-11-15", title="数读")
    assert sorted(m.value for m in found) == [Decimal("120"), Decimal("5e7")]
    assert {m.value: m.unit for m in found}[Decimal("5e7")] == "card"


@pytest.mark.parametrize("text, year_figure, running_total", [
    ("仅2023年一年，电子社保卡就提供服务151亿人次，累计服务量已超过500亿人次。", "151e8", "500e8"),
    ("In 2023 alone the e-card served 15.1 billion times, and 50 billion times so far.", "15.1e9", "50e9"),
])
def test_a_running_total_after_a_periods_own_figure_runs_to_the_publication(text, year_figure, running_total):
    found = _dates(text, "2024-06-28")
    assert found[Decimal(year_figure)] == "2023" and found[Decimal(running_total)] == "2024-06-28"


def test_a_cumulative_flow_named_with_its_year_alone_is_that_years():
    assert _zh_dates("2023年，全国累计发放社保卡1亿张。", "2024-06-28")[Decimal("1e8")] in ("2023", "2023-12-31")


@pytest.mark.parametrize("body, published", [
    ("第三代社保卡换发转入常态化。\n\n上月9日，市政府新闻办召开发布会，市人社局副局长介绍：\n\n▪ 全市已有近600万人领到了第三代社保卡；\n"
     "▪ 新卡累计使用近4000万次；\n", "2026-01-02"),
    ("The city has moved to routine issuance of the new card.\n\nAt a briefing on December 9, the city's deputy "
     "director said:\n\n- 6 million residents hold the new card;\n"
     "- the cards have been used 40 million times;\n", "2026-01-02"),
])
def test_a_lead_in_that_names_a_day_dates_the_list_of_figures_under_it(body, published):
    found = _dates(body, published, title="新闻稿" if "市" in body else "Press release")
    assert set(found.values()) == {"2025-12-09"}


@pytest.mark.parametrize("text, published", [
    ("At today's briefing, the vice minister said that as at the end of January there were 1.38 billion cardholders, "
     "covering 97.9 percent of the population, and that 970 million had claimed the electronic card.", "2024-02-29"),
    ("今天的新闻发布会上，副部长介绍，截至1月底，全国持卡人数13.8亿人，覆盖97.9%的人口，其中9.7亿人领用了电子社保卡。", "2024-02-29"),
])
def test_a_day_of_a_briefing_opening_the_sentence_yields_to_the_data_date_it_reports(text, published):
    found = _dates(text, published, title="新闻稿" if "人" in text else "Press release")
    assert set(found.values()) == {"2024-01-31"}


def test_an_accumulated_balance_after_a_periods_flows_is_at_the_periods_end():
    found = _zh_dates("首季三项社会保险基金总收入1.6万亿元，总支出1.46万亿元，累计结余6.4万亿元，基金运行总体平稳。", "2021-04-26")
    assert found[Decimal("1.6e12")] == "2021-03" and found[Decimal("6.4e12")] == "2021-03-31"


def test_a_change_against_last_years_same_period_word_for_word_keeps_its_own_date():
    found = _dates("First quarter end, city town registration unemployment rate is 3.89%, compare last year same "
                   "period decline 0.08 percentage point.", "2018-04-27")
    assert found[Decimal("-0.08")] == "2018-03-31" and found[Decimal("3.89")] == "2018-03-31"


def test_the_day_figures_were_published_yields_to_the_month_they_are_for():
    found = _dates("The statistics bureau, which published its own figures on 17 October, put the surveyed urban "
                   "unemployment rate at 5.1% in September, down 0.1 percentage points from August.", "2024-10-25")
    assert found[Decimal("5.1")] == "2024-09" and found[Decimal("-0.1")] == "2024-09"


@pytest.mark.parametrize("text", ["截至去年底，全国持卡人数达到7.12亿人，比前年底多出1.72亿人。",
                                  "截至去年底，全國持卡人數達到7.12億人，比前年底多出1.72億人。"])
def test_a_figure_more_than_the_base_by_is_a_change(text):
    found = {m.value: m.kind for m in _measurements(text, "2015-07-01", title="新闻稿")}
    assert found[Decimal("1.72e8")] == "change" and found[Decimal("7.12e8")] == "level"


@pytest.mark.parametrize("body, language", [
    ("As of end-January, 1.38 billion people held the card, Vice Minister Li Zhong told a briefing on February 29. "
     "Of those cardholders, 970 million had also activated the e-card.", "en"),
    ("By the end of January, card holders reached 1.38 billion, the ministry said at a press conference on "
     "February 29. Some 970 million of them use the e-card.", "en"),
    ("截至1月底，全国持卡人数达13.8亿人，人社部在2月29日的新闻发布会上介绍。其中9.7亿人领用了电子社保卡。", "zh"),
])
def test_a_later_sentence_takes_the_data_date_not_the_day_of_the_briefing(body, language):
    found = (_dates if language == "en" else _zh_dates)(body, "2024-03-11")
    assert found[Decimal("970000000")] == "2024-01-31"


def test_a_briefing_day_alone_still_dates_the_next_sentence():
    found = _dates("At a briefing on February 29, the ministry gave new figures. Of the cardholders, 970 million "
                   "had activated the e-card.", "2024-03-11")
    assert found[Decimal("970000000")] == "2024-02-29"


@pytest.mark.parametrize("body", [
    "截至6月底，全国持卡人数达到6.02亿人。这也是继去年11月底全国持卡人数突破5亿之后，又一次增加了1亿人以上。",
    "截至6月底，全国持卡人数达到6.02亿人，继去年11月底突破5亿后，又增加了1亿人。",
])
def test_a_date_inside_a_ji_zhihou_clause_opens_the_rise_and_does_not_date_it(body):
    found = _zh_dates(body, "2014-12-18")
    assert found[Decimal("100000000")] == "2014-06-30"


@pytest.mark.parametrize("body, language", [
    ("与2012年仅有3.41亿人持卡相比，目前持卡人数已达13.8亿人。", "zh"),
    ("比2012年末只有3.41亿人持卡时，如今持卡人数已达13.8亿人。", "zh"),
    ("Compared with the end of 2012, when only 341 million people held cards, the number has quadrupled to "
     "1.38 billion.", "en"),
])
def test_a_comparison_base_dates_its_own_figure(body, language):
    found = (_dates if language == "en" else _zh_dates)(body, "2024-02-28")
    assert found[Decimal("341000000")] == "2012-12-31"


@pytest.mark.parametrize("body, language, expected", [
    ("Card holders reached 1.38 billion, the ministry said on Friday, citing data as of the end of June.", "en",
     "2024-06-30"),
    ("Card holders reached 1.38 billion, the ministry said on Friday.", "en", "2024-07-26"),
    ("全国持卡人数达13.8亿人，人社部7月26日介绍，这是截至6月底的数据。", "zh", "2024-06-30"),
])
def test_of_the_dates_after_a_figure_the_day_it_was_told_yields_to_the_datas(body, language, expected):
    found = (_dates if language == "en" else _zh_dates)(body, "2024-07-28")
    assert found[Decimal("1380000000")] == expected



@pytest.mark.parametrize("headline, body, published, value, expected", [
    ("人社部：社保卡持卡人数突破九亿", "截至3月底，全国社会保障卡持卡人数达9.03亿人。", "2016-04-25", "900000000", "2016-03-31"),
    ("全国社保卡持卡人数超过6亿", "截至6月底，全国社会保障卡持卡人数达6.02亿人。", "2014-07-28", "600000000", "2014-06-30"),
    ("Card holders top 1.3 billion", "As of the end of March, 1.33 billion people held social security cards.",
     "2020-04-27", "1300000000", "2020-03-31"),
    ("Card holders reach 1.3 billion", "As of the end of March, 1.20 billion people held social security cards.",
     "2020-04-27", "1300000000", "2020-04-27"),
])
def test_a_headline_that_rounds_a_dated_body_figure_is_of_its_date(headline, body, published, value, expected):
    data = f"{headline}\n{published}\n\n{body}\n".encode()
    extraction = extract(parse_bytes(data, SourceRef("headline.txt", "headline.txt")))[1]
    assert {m.value: m.as_of for m in extraction.measurements}[Decimal(value)] == expected
