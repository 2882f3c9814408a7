"""The publication date: what the source states, else what the page supports, at that precision.

Evidence, strongest first:
1. a date the source states whole: its metadata, or a stamp shown near the top of the page
   (`2018-06-30 Print Share`, `发布时间：2019年3月5日 10:20`, `Apr 28, 2019 11:24 CST`) — but not a
   site header's date (the day the page was fetched, beside a weekday, the weather or the menu);
2. a dateline or a lead date (`新华社北京1月24日电`, `BEIJING, Jan. 21 (Xinhua)`, `7月30日，记者…`),
   in the year the page supports: the URL's, the file name's, the data year when the text says
   今年 or 去年 of it; failing those, the first year that puts it after the body's data;
3. the date in the URL (`/2016-10/25/`, `/201510/`, `t20190814_`), stated at its precision;
4. the body's data: an article is published after its latest figure — in the month after a
   month-end or quarter figure, the year after a year's — and in the file name's year if it names one.

A stated date the body's data contradicts (end-2020 figures under a 2017 stamp) is not trusted.
Data dates leave out targets, schedules and plans (`十四五`, `2021—2025年`, `到2027年`) and the
page's stamps and header. The result says whether it was stated or inferred; a date is never
given finer than what is known.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from .dates import find_dates, normalise
from .dates_grammar import MONTHS, SEASONS
from .numbers import cn_value
from .dates_resolver import period_end
from ..prefilter import compile_fast
from .. import resources
from ..resources import either

STAMP_HEAD = 2000  # a stamp is shown above or beside the article's first lines
UNLABELLED_HEAD = 900  # an unlabelled stamp sits closer to the title than a labelled one may
STAMP_AFTER_DATELINE = 3  # a page shows a wire story within days of its dateline
FRONTED_PHRASE = 20  # the words of a fronted time phrase besides its date (`By the end of`, `到…前`)

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_DATES = [
    compile_fast(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"),
    compile_fast(r"(?<!\d)(?P<y>(?:19|20)\d{2})年(?P<cm>十[一二]?|[一二三四五六七八九])月"
                 r"(?P<cd>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"),
    compile_fast(rf"\b(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", re.I),
    compile_fast(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)", re.I),
    compile_fast(r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\d/.-])"),
]
_CLOCK = re.compile(r"\s*[,，]?\s*\d{1,2}[:：]\d{2}")
_CLOCK_BEFORE = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*[,，]?\s*$")  # `08:37, March 05, 2019`
_SENTENCE_MARK = re.compile(r"[。！？!?；;，,]")
_CLAUSE_END = re.compile(r"[,，;；。！？!?\n]|\.\s")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.\s")
_YEAR_RANGE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*年?\s*(?:[-—–~至到]|to)\s*(?:19|20)\d{2}(?!\d)")
_ZH, _EN = resources.cues("pubdate")
_DATELINE = [  # a wire's dateline (the day it was filed) first, then a lead's date (the day of the event)
    compile_fast(rf"(?<![\d年月])(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?:{either(_ZH['filed'])})"),
    compile_fast(rf"^(?:[\w .'’()-]{{1,40}},\s*){{1,2}}(?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})",
                 re.I | re.M),
    compile_fast(rf"\b{_EN['reported_on']} (?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})", re.I),
    compile_fast(rf"(?:^|(?<=\s))\W{{0,3}}(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?:{either(_ZH['time_of_day'])})?"
                 r"(?:\d{1,2}[时:]\d{0,2}分?)?[,，\s]",
                 re.M),
    compile_fast(rf"^\W{{0,3}}on (?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,", re.I | re.M),
]
_DATELINE_HEAD = 800
_LEAD_DAY = compile_fast(rf"(?<![\d月日年])(?P<d>[1-3]?\d)日(?={either(_ZH['lead_day_after'])}|[,，])")
_LEAD_DAY_HEAD = 160
_URL_DATES = [
    re.compile(r"(?<![0-9A-Za-z])t?(?P<y>20\d{2})[-/_]?(?P<m>0[1-9]|1[0-2])[-/_]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"/(?P<y>20\d{2})/(?P<m>[1-9]|1[0-2])/(?P<d>[1-9]|[12]\d|3[01])/"),
    re.compile(r"(?<![0-9A-Za-z])t?(?P<y>20\d{2})[-/_]?(?P<m>0[1-9]|1[0-2])(?![0-9])"),
]
_NAME_YEAR = re.compile(r"(?:^|[_\-./ ])(?P<y>(?:19|20)\d{2})(?:[_\-./ ]|$)")


class PublicationDate(NamedTuple):
    """ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (what is known), and whether the source states it."""

    value: str | None
    stated: bool


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern]:
    """The cue lists of the [pubdate] sections of cues/zh.toml and cues/en.toml, each list with its
    namesake of the other language compiled into one pattern."""
    raw = {key: _ZH.get(key, []) + _EN.get(key, []) for key in ("stamp_labels", "site_header", "in_sentence", "future",
                                                                "this_year", "last_year", "by_phrase", "byline")}
    compiled = {key: re.compile("|".join(f"(?:{cue})" for cue in values), re.I) for key, values in raw.items()}
    compiled["stamp_label"] = re.compile(
        r"(?:^|[\s|:：(（\[【·])(?:" + "|".join(raw["stamp_labels"]) + r")\s*[:：]?[^\d:：。，;；!?]{0,24}$", re.I)
    return compiled


def _iso(groups: dict) -> str | None:
    """`YYYY-MM-DD` of a matched full date, or None when it does not exist (or could be two)."""
    if groups.get("a"):
        groups = _day_and_month(int(groups["a"]), int(groups["b"]), groups["y"])
        if groups is None:
            return None
    if groups.get("cm"):
        groups = {"y": groups["y"], "m": cn_value(groups["cm"]), "d": cn_value(groups["cd"])}
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    year, day = int(groups["y"]), int(groups["d"])
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _day_and_month(a: int, b: int, year: str) -> dict | None:
    """A year-last numeric date is day first (`20/03/2024`) or month first (`03/20/2024`): only a
    figure over 12 says which, unless both read the same (`05/05/2024`)."""
    if a == b or (a > 12 >= b):
        return {"y": year, "m": b, "d": a}
    if b > 12 >= a:
        return {"y": year, "m": a, "d": b}
    return None


@lru_cache(maxsize=4096)
def _full_dates(line: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, ISO) of every whole date written in a line, in any common layout. Cached by
    line: the body and the page it is read from share theirs."""
    found = []
    line = normalise(line)  # 二〇二二年, 民國110年, full-width digits: the same offsets
    for pattern in _FULL_DATES:
        for match in pattern.finditer(line):
            iso = _iso(match.groupdict())
            if iso and not any(a < match.end() and match.start() < b for a, b, _ in found):
                found.append((match.start(), match.end(), iso))
    return tuple(sorted(found))


class _Stamp(NamedTuple):
    """A whole date shown on the page: `strength` 0 labelled, 1 beside a clock time or a byline, 2 alone on
    a short line."""

    strength: int
    start: int
    end: int
    value: str


def _stamp_kind(line: str, start: int, end: int) -> int | None:
    """How a date in `line` is shown: 0-2 as a stamp (see `_Stamp`; beside a byline, as beside a clock
    time, 1), 3 as the site's header, None in a sentence."""
    before, after = line[:start], line[end:]
    c = cues()
    if c["stamp_label"].search(before):
        return 0
    if c["in_sentence"].search(before):
        return None
    if c["byline"].search(line):
        return 1
    header = 3 if c["site_header"].search(line) else None
    if _CLOCK.match(after) or _CLOCK_BEFORE.search(before):
        return header or 1
    rest = (before + " " + after).strip()
    if (not before.strip() or not after.strip()) and len(rest) <= 40 and not _SENTENCE_MARK.search(rest):
        return header or 2
    return header


def _lines(text: str, limit: int):
    """(offset, line) of the lines starting in the first `limit` characters."""
    offset = 0
    for line in text[:limit].split("\n"):
        yield offset, line
        offset += len(line) + 1


@lru_cache(maxsize=4)
def shown_dates(page: str) -> tuple[_Stamp, ...]:
    """The stamps and site-header dates near the top of the page, in page order (cached: the
    body is read for its data dates against more than one reference)."""
    shown = []
    for offset, line in _lines(page, STAMP_HEAD):
        for start, end, iso in _full_dates(line):
            kind = _stamp_kind(line, start, end)
            if kind is not None and (kind == 0 or offset + start < UNLABELLED_HEAD):
                shown.append(_Stamp(kind, offset + start, offset + end, iso))
    return tuple(shown)


def _without_shown_dates(text: str) -> str:
    """`text` with its stamps and header dates blanked (same length): they date the page, not its data."""
    for stamp in shown_dates(text):
        text = text[:stamp.start] + " " * (stamp.end - stamp.start) + text[stamp.end:]
    return text


def _page_stamp(page: str, today: str, floor: str | None, datelines: tuple[tuple[int, int], ...]) -> str | None:
    """The article's stamp: the strongest shown date that is not the site header's, not after
    today and not contradicted by the body's data; one just after the article's dateline first."""
    stamps = [s for s in shown_dates(page) if s.strength < 3 and s.value <= today and _not_before(s.value, floor)]
    near = [s for s in stamps if any(_days_after(s.value, md) <= STAMP_AFTER_DATELINE for md in datelines)]
    chosen = min(near or stamps, key=lambda s: (s.strength, s.start), default=None)
    return chosen.value if chosen else None


def _days_after(iso: str, month_day: tuple[int, int]) -> int:
    """Days from the month and day of a dateline to `iso`, the dateline read in that year or the one before."""
    day = date.fromisoformat(iso)
    gaps = []
    for year in (day.year, day.year - 1):
        try:
            gaps.append((day - date(year, *month_day)).days)
        except ValueError:  # 2月29日 in a common year
            continue
    return min((g for g in gaps if g >= 0), default=10**6)


def _in_target_clause(text: str, start: int, end: int) -> bool:
    """The date sits in a clause that sets a target or schedule (or just after such words). A
    fronted `by`-phrase (`到年底，力争…`, `By the end of this year, it expects …`) is read with the
    clause it heads: its verb, and so whether it looks ahead, comes after the comma."""
    window = max(0, start - 80)
    clause_ends = [m.end() for m in _CLAUSE_END.finditer(text, window, start)]
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text, window, start)]
    clause_start = max(clause_ends[-1] if clause_ends else window, sentence_ends[-1] if sentence_ends else 0)
    begin = max(min(clause_start, start - 16), sentence_ends[-1] if sentence_ends else 0)
    stop = _CLAUSE_END.search(text, end)
    if stop and _heads_clause(text, clause_start, start, end, stop):
        stop = _CLAUSE_END.search(text, stop.end())
    clause = text[max(0, begin):stop.start() if stop else len(text)]
    return bool(cues()["future"].search(clause))


def _heads_clause(text: str, clause_start: int, start: int, end: int, stop: re.Match) -> bool:
    """The clause of the date is only a `by`-phrase (`到今年年底，`, `By year-end,`), set off by a comma."""
    phrase = text[clause_start:start] + text[end:stop.start()]
    return (stop.group() in ",，" and len(phrase.strip()) <= FRONTED_PHRASE
            and bool(cues()["by_phrase"].search(text, clause_start, stop.start())))


@lru_cache(maxsize=4)
def _data_dates(text: str, english: bool, today: str, reference: str | None = None) -> tuple:
    """The dates the body reports data for, read against `reference`: points, periods and the
    starts of periods or events (an article is not older than what it tells of); none after
    today, none a target, schedule, plan or year range names, none on a stamp, no season.
    Without `reference`, only dates that name their year: the others are read in no year.

    Kept for the last few bodies: `publication_date` asks for the same ones up to four times
    (the floor, the firm floor, the data year, the earliest publication). The clauses around a
    date are looked at only for the dates that could count (none, in an article with no year)."""
    body = _without_shown_dates(text)
    found = [m for m in find_dates(body, reference, english)
             if (m.explicit_year or reference) and m.kind in ("point", "period", "since") and not m.target
             and period_end(m.value) <= today]
    ranges = [m.span() for m in _YEAR_RANGE.finditer(body)] if found else []
    return tuple(m for m in found if not any(a < m.end and m.start < b for a, b in ranges)
                 and not _in_target_clause(body, m.start, m.end) and not _SEASON.search(body, m.start, m.end))


# A season says too little of when to bound a publication: `Winter 2020` on a magazine's cover may
# run into 2021 or be the winter that opened 2020.
_SEASON = re.compile(either(sorted(SEASONS, key=len, reverse=True)), re.I)


def latest_data_date(text: str, english: bool, today: str, reference: str | None = None,
                     finer_than_year: bool = False) -> str | None:
    """The latest date the body reports data for, at its precision: an article is not older than
    its data. Without `reference` only dates that name their year count; with it, those read in
    that year too. A bare year (`2015年`, `this year`) counts only past the finer dates: within
    its year, they say how far the year had gone. `finer_than_year` leaves bare years out, too
    often a target worded as a fact to outweigh a date the page shows."""
    dates = [m.value for m in _data_dates(text, english, today, reference)]
    finer = max(filter(lambda d: len(d) > 4, dates), key=period_end, default=None)
    years = [d for d in dates if len(d) == 4 and not finer_than_year and (finer is None or d > finer[:4])]
    return max(years, default=None) or finer


def published_after(data: str) -> str:
    """The earliest publication a figure of this date allows, at the precision it is known: the
    year after a year's figure (or a year-end one), the month after a month's or a month-end's,
    the month of any other day."""
    if len(data) == 4 or data.endswith("-12-31"):
        return str(int(data[:4]) + 1)
    year, month = int(data[:4]), int(data[5:7])
    if len(data) == 7 or data == period_end(data[:7]):
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return f"{year:04d}-{month:02d}"


def _not_before(candidate: str, floor: str | None) -> bool:
    """`candidate` is not earlier than `floor`, compared at the coarser of their precisions."""
    if floor is None:
        return True
    n = min(len(candidate), len(floor))
    return candidate[:n] >= floor[:n]


_YEARLESS_STAMP = [
    compile_fast(rf"(?:{'|'.join(_ZH['stamp_labels'])})\s*[:：]?\s*(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日"),
    compile_fast(rf"\b(?:{'|'.join(_EN['stamp_labels'])})\s*[:：]?\s*(?P<mon>{_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
                 r"(?!,? ?\d{4})", re.I),
]


@lru_cache(maxsize=8)
def _datelines(text: str, page: str | None = None) -> tuple[tuple[int, int], ...]:
    """(month, day) of a page's stamp that leaves its year out (`Release time: July 23rd 10:41`,
    `发布时间：7月23日`), then of the datelines and lead dates in the first lines, strongest first
    (cached: an article with no year is placed in each year it may be from)."""
    found = [day for day in _month_days(_YEARLESS_STAMP, (page or text)[:STAMP_HEAD])[:1]]
    return tuple(found + _month_days(_DATELINE, text[:_DATELINE_HEAD]))


def _month_days(patterns: list[re.Pattern], head: str) -> list[tuple[int, int]]:
    """(month, day) of the first match of each pattern that names a real one."""
    found = []
    for pattern in patterns:
        for match in pattern.finditer(head):
            groups = match.groupdict()
            month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
            if 1 <= month <= 12 and 1 <= int(groups["d"]) <= 31:
                found.append((month, int(groups["d"])))
                break
    return found


@lru_cache(maxsize=4)
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the wire datelines (`BEIJING, March 5 --`, `新华社北京3月5日电`) of the first lines are:
    the day a story was filed, which dates no figure in it (cached: an article with no year is
    read several times)."""
    return tuple(match.span() for pattern in _DATELINE[:2] for match in pattern.finditer(text[:_DATELINE_HEAD]))


def _in_year(month_day: tuple[int, int], year: int) -> str | None:
    month, day = month_day
    return f"{year:04d}-{month:02d}-{day:02d}" if day <= calendar.monthrange(year, month)[1] else None


def _dateline_after(month_day: tuple[int, int], floor: str) -> str | None:
    """The dateline in the first year that puts it after the body's data."""
    year = int(floor[:4])
    placed = _in_year(month_day, year)
    if placed is None or placed <= period_end(floor):
        placed = _in_year(month_day, year + 1)
    return placed


def dateline_in_year(text: str, year: int) -> str | None:
    """The dateline's month and day (`1月24日电`, `January 26th`) in `year`."""
    found = _datelines(text)
    return _in_year(found[0], year) if found else None


def url_date(url: str | None, today: str) -> str | None:
    """The date a URL's path gives (`/2016-10/25/`, `/201510/`, `t20190814_`), at its precision."""
    path = urlsplit(url).path if url else ""
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            groups = match.groupdict()
            if groups.get("d"):
                found = _iso(groups)
            else:
                found = f"{groups['y']}-{int(groups['m']):02d}"
            if found and found[:len(today)] <= today:
                return found
    return None


def _year_from_relative_words(text: str, english: bool, today: str) -> int | None:
    """The article's year when it says `今年` or `去年` (not both) and names the year of its data:
    this year is the data year; last year, the year before the article's. The data first: they
    are already known, while the words are searched for through the whole text."""
    data = latest_data_date(text, english, today)
    if data is None:
        return None
    c = cues()
    this, last = bool(c["this_year"].search(text)), bool(c["last_year"].search(text))
    if this == last:
        return None
    return int(data[:4]) + (1 if last else 0)


def publication_date(stated: str | None, url: str | None, text: str, english: bool,
                     name: str | None = None, today: str | None = None,
                     page: str | None = None) -> PublicationDate:
    """The article's publication date, and whether the source states it (see the module's doc).

    `stated` comes from metadata; `text` is the article's own text and `page` the whole page,
    whose furniture (`发布时间：…`) may carry the date; `name` is the file name, whose year
    (`report_2018.txt`) is evidence too, unless the body's data put the article later.
    """
    today = today or date.today().isoformat()
    floor = latest_data_date(text, english, today)
    firm_floor = latest_data_date(text, english, today, finer_than_year=True)
    if stated and _not_before(stated, firm_floor):
        return PublicationDate(stated, True)
    datelines = _datelines(text, page)
    stamp = _page_stamp(page or text, today, firm_floor, datelines)
    if stamp:
        return PublicationDate(stamp, True)
    from_url = url_date(url, today)
    from_url = from_url if from_url and _not_before(from_url, firm_floor) else None
    name_match = _NAME_YEAR.search(name or "")
    name_year = int(name_match["y"]) if name_match and _not_before(name_match["y"], floor) and (
        firm_floor is None or name_match["y"] >= published_after(firm_floor)[:4]) else None
    year = (int(from_url[:4]) if from_url else name_year) or _year_from_relative_words(text, english, today)
    if from_url and len(from_url) == 10 and any(_days_after(from_url, md) <= STAMP_AFTER_DATELINE for md in datelines):
        return PublicationDate(from_url, True)
    for month_day in datelines:
        placed = _in_year(month_day, year) if year else _dateline_after(month_day, floor) if floor else None
        if placed and _not_before(placed, firm_floor) and placed <= today:
            return PublicationDate(placed, placed == from_url)
    if from_url:
        return PublicationDate(from_url, True)
    header = _header_date(page or text, today, floor, name_year)
    if header:
        return PublicationDate(header, False)
    return PublicationDate(_after_data(text, english, today, name_year), False)


_HEADER_YEARS_AFTER_DATA = 2


def _header_date(page: str, today: str, floor: str | None, year: int | None) -> str | None:
    """A date in the page's header banner (`THE NORTHERN MERCURY | Features | Wednesday, December 18,
    2013`): a portal's banner may show the day it was saved, a paper's masthead its issue; with no
    stamp of the article's own, it is the best guess the page gives when it falls soon after the
    body's latest data, if any (a visit's day comes years later), and the file name's year, if any,
    agrees."""
    latest = int(floor[:4]) + _HEADER_YEARS_AFTER_DATA if floor else 9999
    shown = [s.value for s in shown_dates(page) if s.strength == 3 and s.value <= today and _not_before(s.value, floor)
             and int(s.value[:4]) <= latest and (year is None or s.value[:4] == str(year))]
    return shown[0] if shown else None


def _after_data(text: str, english: bool, today: str, year: int | None) -> str | None:
    """The earliest publication the body's data allow; in `year` (the file name's) when it names
    one, reading the dates that leave their year out (`1至9月`) in it. A lead naming only its
    day (`发言人27日表示`) is that day of the first month it falls after the data in."""
    floor = latest_data_date(text, english, today, reference=str(year) if year else None)
    earliest = published_after(floor) if floor else None
    if year is not None and not (earliest and earliest[:4] == str(year)):
        return str(year)
    day = _LEAD_DAY.search(text[:_LEAD_DAY_HEAD]) if earliest and len(earliest) == 7 and not english else None
    if day is None:
        return earliest
    placed = _day_after(int(day["d"]), period_end(floor))
    return placed if placed and placed <= today and (year is None or placed[:4] == str(year)) else earliest


def _day_after(day: int, after: str) -> str | None:
    """The first date falling on `day` of a month, after the date `after`."""
    start = date.fromisoformat(after) + timedelta(days=1)
    for months in range(2):
        year, month = divmod(start.month - 1 + months, 12)
        year, month = start.year + year, month + 1
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= start:
            return date(year, month, day).isoformat()
    return None


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
