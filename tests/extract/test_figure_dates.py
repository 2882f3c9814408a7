"""Which date a figure takes when a sentence names several: invented sentences."""

from __future__ import annotations

from decimal import Decimal

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
