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
