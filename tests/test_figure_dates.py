"""Which date a figure takes when a sentence names several: invented sentences."""

from __future__ import annotations

from decimal import Decimal

from sscard_kg.extract import extract
from sscard_kg.sources import SourceRef, parse_bytes


def _dates(body: str, published: str) -> dict[Decimal, str]:
    data = f"---\ntitle: Press release\ndate: {published}\n---\n{body}\n".encode()
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
