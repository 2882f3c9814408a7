"""A year in review: a heading that names the year just ended, in an article from the first months
of the next, dates the undated figures below it by that year (a stock at the year's end)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def _dates(body: str, published: str) -> dict[Decimal, str]:
    data = f"---\ntitle: 新闻稿\ndate: {published}\n---\n{body}\n".encode()
    return {m.value: m.as_of for m in extract(parse_bytes(data, SourceRef("review.md", "review.md")))[1].measurements}


ZH = "人社部今天召开新闻发布会。\n\n2023年人社工作取得新进展\n\n各级人社部门为3.2万家企业发放稳岗补贴。社保卡持卡人数达13.8亿人。\n"
EN = ("The ministry held a press conference today.\n\nSocial security work made steady progress in 2023.\n\n"
      "Job-retention subsidies went to 32,000 enterprises. Social security cardholders reached 1.38 billion.\n")


@pytest.mark.parametrize("body", [ZH, EN])
def test_undated_figures_under_a_review_heading_take_the_reviewed_year(body):
    found = _dates(body, "2024-01-24")
    assert found[Decimal(32000)] == "2023"
    assert found[Decimal("1.38e9")] == "2023-12-31"


@pytest.mark.parametrize("body", [ZH, EN])
def test_a_heading_naming_a_year_in_a_mid_year_article_is_no_review(body):
    found = _dates(body, "2024-07-24")
    assert found[Decimal(32000)] == "2024-07-24"
