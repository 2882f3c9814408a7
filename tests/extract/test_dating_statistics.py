"""An article with no year anywhere is dated by the national figures it quotes (ontology/statistics.ttl):
the year whose published figures they agree with. Articles written here, with published figures."""

from __future__ import annotations

from decimal import Decimal

from sscard_kg.extract import gazetteer
from sscard_kg.extract.pubdate import year_from_statistics
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

STOCKS = {"card-holders", "pension-insured"}


def _extracted(text: str, name: str):
    ref = SourceRef(name, name)
    return extract(parse_bytes(text.encode("utf-8"), ref))[1]


def _dated(extraction) -> set[tuple[str | None, str | None, Decimal]]:
    return {(m.metric, m.as_of, m.value) for m in extraction.measurements}


def test_a_yearless_article_takes_the_year_its_figures_were_published():
    text = ("人社部发布会：社保卡持卡人数再创新高\n"
            "本报北京1月26日电 人力资源和社会保障部今天举行新闻发布会。发言人介绍，截至去年年底，"
            "全国社会保障卡持卡人数达到8.84亿人，基本养老保险参保人数为85833万人。\n")
    extraction = _extracted(text, "yearless.txt")
    assert extraction.article.published == "2016-01-26" and not extraction.article.date_stated
    assert ("card-holders", "2015-12-31", Decimal("884000000")) in _dated(extraction)
    assert ("pension-insured", "2015-12-31", Decimal("858330000")) in _dated(extraction)


def test_a_figure_within_a_year_is_placed_between_the_ends_of_the_year_before_and_of_the_year():
    text = ("Beijing, July 24th. The Ministry of Human Resources and Social Security said that as of the end "
            "of June, the number of social security card holders nationwide reached 1.277 billion.\n")
    extraction = _extracted(text, "midyear.txt")
    assert extraction.article.published == "2019-07-24"
    assert ("card-holders", "2019-06-30", Decimal("1277000000")) in _dated(extraction)


def test_figures_that_match_no_published_year_leave_the_article_undated():
    text = ("本报讯 截至6月底，全市社会保障卡持卡人数达到123.4万人，电子社保卡领用人数45万人。\n")
    extraction = _extracted(text, "local.txt")
    assert extraction.article.published is None
    assert all(m.as_of is None for m in extraction.measurements)


def test_an_article_with_a_year_is_not_redated():
    text = "2024年1月26日 截至2023年底，全国社会保障卡持卡人数达到8.84亿人。\n"
    extraction = _extracted(text, "dated.txt")
    assert ("card-holders", "2023-12-31", Decimal("884000000")) in _dated(extraction)


def test_a_figure_that_agrees_in_no_year_does_not_vote():
    published = gazetteer.load().published
    readings = {year: [("card-holders", f"{year}-06-30", Decimal("1277000000")),
                       ("new-urban-jobs", f"{year}", Decimal("11000000"))]  # a target read as a level
                for year in range(2013, 2026)}
    assert year_from_statistics(readings, published, STOCKS) == 2019


def test_two_years_that_agree_equally_give_no_year():
    published = {"card-holders": {"2018-12-31": Decimal("1235000000"), "2019-12-31": Decimal("1235000000")}}
    readings = {year: [("card-holders", f"{year}-12-31", Decimal("1235000000"))] for year in (2018, 2019)}
    assert year_from_statistics(readings, published, STOCKS) is None


def test_years_the_bulletins_do_not_cover_say_nothing():
    published = gazetteer.load().published
    last = max(int(as_of[:4]) for as_of in published["card-holders"])
    readings = {year: [("card-holders", f"{year}-09-30", Decimal("1400000000"))] for year in (last + 1, last + 2)}
    assert year_from_statistics(readings, published, STOCKS) is None


def test_a_figure_from_just_after_the_last_published_year_is_not_placed_in_it():
    published = gazetteer.load().published
    last = max(int(as_of[:4]) for as_of in published["card-holders"])
    above = published["card-holders"][f"{last}-12-31"] * Decimal("1.003")  # a little more, months later
    readings = {year: [("card-holders", f"{year}-06-30", above)] for year in (last, last + 1)}
    assert year_from_statistics(readings, published, STOCKS) is None
