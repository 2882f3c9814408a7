"""The publication date: from metadata where there is some, else inferred from the text.

Evidence, strongest first: a labelled or stand-alone date near the top (`时间:2017-09-05`,
`PUBLISHED : Wednesday, 31 August, 2011`), a dateline without a year (`1月24日电`, `January 26th`)
placed after the latest as-of date of the body (`截至2023年底` → 2024-01-24), the URL, and at
last the latest as-of date itself. A stated date earlier than the body's data is not trusted.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal

from .dates import MONTHS, find_dates, period_end
from .prefilter import compile_fast

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_LABEL = r"(?:发布时间|发布日期|时间|日期|来源时间|source date|created|published|updated|date|发稿时间)"
_ISO = r"(?P<y>(?:19|20)\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
_STATED = [
    compile_fast(rf"{_LABEL}\s*[:：]?\s*(?:[A-Za-z]+,\s*)?{_ISO}", re.I),
    compile_fast(rf"{_LABEL}\s*[:：]?\s*(?:[A-Za-z]+,\s*)?(?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})", re.I),
    compile_fast(rf"{_LABEL}\s*[:：]?\s*(?:[A-Za-z]+,\s*)?(?P<d>\d{{1,2}}) (?P<mon>{_MONTH}),? (?P<y>\d{{4}})", re.I),
    compile_fast(rf"(?m)(?:^|\s{{2,}}){_ISO}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$"),
    compile_fast(rf"(?m)^\s*(?:[A-Za-z]+,\s*)?(?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})\s*$", re.I),
    compile_fast(rf"(?<![A-Za-z0-9至到截止])(?<!as of ){_ISO}(?=\s+\d{{1,2}}:\d{{2}}|\s*(?:来源|来自|作者|编辑|字号|阅读|浏览|\||source))", re.I),
]
_DATELINE = [
    compile_fast(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯|消息|报道)"),
    compile_fast(rf"^[\w.,\s]{{0,40}}?,\s*(?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b", re.I | re.M),
    compile_fast(rf"\b(?:reported on|on) (?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})", re.I),
]
_URL_DATE = re.compile(r"/(?P<y>20\d{2})[-/]?(?P<m>[01]\d)(?:[-/]?(?P<d>[0-3]\d))?(?:/|\b)")
_NAME_YEAR = re.compile(r"(?:^|[_\-./ ])(?P<y>(?:19|20)\d{2})(?:[_\-./ ]|$)")
_FUTURE_CUE = compile_fast(r"将|自.{0,12}起|起[,，]|预计|目标|到20|will|by 20|plan", re.I)


def _ymd(match: re.Match) -> str | None:
    groups = match.groupdict()
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    year, day = int(groups["y"]), int(groups["d"])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def stated_in_text(text: str) -> str | None:
    """A labelled or stand-alone date in the first lines of the page."""
    head = text[:600]
    for pattern in _STATED:
        for match in pattern.finditer(head):
            found = _ymd(match)
            if found:
                return found
    return None


def _data_dates(text: str, english: bool, today: str, reference: str | None = None):
    """The dates the body reports data for, read against `reference`: none after today, and
    none a target or schedule names (`到2025年`, `自…起`)."""
    return [m for m in find_dates(text, reference, english) if m.value <= today
            and not _FUTURE_CUE.search(text[max(0, m.start - 12):m.end + 6])]


def latest_data_date(text: str, english: bool, today: str) -> str | None:
    """The latest explicit-year date the body reports data for, at its precision (targets and
    schedules left out): an article is not older than its data."""
    best = None
    for mention in _data_dates(text, english, today):
        if mention.explicit_year and (best is None or period_end(mention.value) > period_end(best)):
            best = mention.value
    return best


def _latest_month_in(text: str, english: bool, today: str, year: int) -> str | None:
    """The latest month of `year` the body reports data for (`1至9月`, `截至9月底` read in that
    year; targets and schedules left out), or None."""
    months = [m.value[:7] for m in _data_dates(text, english, today, str(year))
              if len(m.value) > 4 and m.value.startswith(f"{year:04d}")]
    return max(months, default=None)


def _not_before(candidate: str, floor: str | None) -> bool:
    """`candidate` is not earlier than `floor`, compared at the coarser of their precisions."""
    if floor is None:
        return True
    n = min(len(candidate), len(floor))
    return candidate[:n] >= floor[:n]


def _dateline_after(text: str, floor: str | None, url_year: int | None) -> str | None:
    """A dateline's month and day, in the first year that puts it after the body's data."""
    for pattern in _DATELINE:
        match = pattern.search(text[:800])
        if not match:
            continue
        groups = match.groupdict()
        month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
        day = int(groups["d"])
        if url_year:
            year = url_year
        elif floor:
            year = int(floor[:4])
            if f"{year:04d}-{month:02d}-{day:02d}" <= period_end(floor):
                year += 1
        else:
            return None
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def dateline_in_year(text: str, year: int) -> str | None:
    """The dateline's month and day (`1月24日电`, `January 26th`) in `year`."""
    return _dateline_after(text, None, year)


def publication_date(stated: str | None, url: str | None, text: str, english: bool,
                     name: str | None = None, today: str | None = None,
                     page: str | None = None) -> tuple[str | None, bool]:
    """(ISO date at its precision, whether metadata stated it).

    `text` is the article's own text; `page` the whole page, whose furniture (`发布时间:…`)
    may carry the date. The file name is the weakest evidence: a year in it (`report_2018.txt`)
    dates a dateline or, failing all else, the article (at the latest month of that year the
    body reports data for), unless the body reports later data.
    """
    today = today or date.today().isoformat()
    floor = latest_data_date(text, english, today)
    if stated and _not_before(stated, floor):
        return stated, True
    url_match = _URL_DATE.search(url or "")
    name_match = _NAME_YEAR.search(name or "")
    name_year = int(name_match["y"]) if name_match and (floor is None or name_match["y"] >= floor[:4]) else None
    in_text = stated_in_text(text) or (stated_in_text(page) if page else None)
    if in_text and _not_before(in_text, floor):
        return in_text, False
    dateline = _dateline_after(text, floor, int(url_match["y"]) if url_match else None) or (
        _dateline_after(text, None, name_year) if name_year and floor is None else None)
    if dateline:
        return dateline, False
    if url_match:
        parts = [url_match["y"], url_match["m"], url_match["d"]]
        return "-".join(p for p in parts if p), False
    if name_year:  # known to the year only: no older than the latest month of it the body reports
        return _latest_month_in(text, english, today, name_year) or str(name_year), False
    return (floor, False) if floor else (None, False)


AGREE = Decimal("0.005")  # an article and a bulletin round the same figure: within half a percent is the same


def year_from_statistics(readings: dict[int, list[tuple[str, str, Decimal]]],
                         published: dict[str, dict[str, Decimal]], stocks: set[str]) -> int | None:
    """The one year in which an article's nationwide figures agree best with the published ones.

    `readings` holds, for each candidate year, the figures (metric, as-of date, value) the article
    gives when read as published that year; a figure agrees, contradicts or says nothing (a year
    the bulletins do not cover). A figure that agrees in no year is not a published one (a target,
    another scope) and is left out. None unless one year wins with more agreements than contradictions.
    """
    votes = {year: [((metric, value), _agreement(metric, as_of, value, published.get(metric, {}), metric in stocks))
                    for metric, as_of, value in figures]
             for year, figures in readings.items()}
    published_ones = {figure for found in votes.values() for figure, vote in found if vote > 0}
    scores = {year: sum(vote for figure, vote in found if figure in published_ones) for year, found in votes.items()}
    best = max(scores.values(), default=0)
    winners = [year for year, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


def agreeing_years(value: Decimal, published: dict[str, dict[str, Decimal]], stocks: set[str]) -> set[int]:
    """The years of the published figures a figure of this value could agree with, read as some
    metric (see `_agreement`): close to a published figure, or between two year-ends of a stock."""
    years = set()
    for metric, table in published.items():
        for as_of, figure in table.items():
            before = table.get(f"{int(as_of[:4]) - 1}-12-31") if metric in stocks and as_of.endswith("-12-31") else None
            if _same(value, figure) > 0 or (before is not None and before <= value <= figure):
                years.add(int(as_of[:4]))
    return years


def _agreement(metric: str, as_of: str, value: Decimal, table: dict[str, Decimal], stock: bool) -> int:
    """+1 when the figure matches the published ones, -1 when it cannot be right, 0 when they do not say.

    A stock at the end of a year must equal that year's figure; within a year, it lies between
    the ends of the year before and of the year, bounds included. A flow over a whole year must
    equal that year's.
    """
    year = int(as_of[:4])
    whole_year = as_of in (f"{year}", f"{year}-12", f"{year}-12-31")
    if stock:
        end, before = table.get(f"{year}-12-31"), table.get(f"{year - 1}-12-31")
        if whole_year:
            return _same(value, end)
        if end is None or before is None:
            return 0
        return 1 if before <= value <= end else -1  # no slack: a year later is often only 1 % more
    total = table.get(f"{year}")
    if whole_year:
        return _same(value, total)
    return -1 if total is not None and value > total * (1 + AGREE) else 0


def _same(value: Decimal, published: Decimal | None) -> int:
    if published is None:
        return 0
    return 1 if abs(value - published) <= published * AGREE else -1
