"""Date expressions, resolved against the publication date and the year the text is talking about.

`截至3月底` in an article of 2021-04-26 is 2021-03-31; `1-3月` is the period 2021-01..2021-03;
`去年底` is the end of the year before; `as of the end of 2020` is 2020-12-31. Values are ISO at
their precision: `YYYY-MM-DD` for a day (a stock), `YYYY-MM` for a month, `YYYY` for a year.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .numbers import EN_WORDS, cn_value
from .prefilter import compile_fast

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
CN_MONTH_WORDS = {"三个月": 3, "六个月": 6, "九个月": 9}
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


class DateMention(NamedTuple):
    """A resolved date expression. `kind` is point (a stock's date), period (a flow), now, since
    (the start of a period, `自2018年以来`) or plan (`十三五`): the last two date no figure, a plan
    only makes one a target."""

    start: int
    end: int
    value: str
    kind: str
    period_start: str | None = None
    explicit_year: bool = False
    target: bool = False


def month_end(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def period_end(iso: str) -> str:
    """The last day of a year or month (`2020` → `2020-12-31`); a day stays as it is."""
    if len(iso) == 4:
        return f"{iso}-12-31"
    if len(iso) == 7:
        return month_end(int(iso[:4]), int(iso[5:7]))
    return iso


def year_of(iso: str | None) -> int | None:
    return int(iso[:4]) if iso else None


class _Resolver:
    """Turns matched pieces into ISO values, knowing the publication date and the context year.

    `year` is an explicit year earlier in the same sentence; `whole_year` (for 全年, 年末, the
    whole year) is the latest explicit year named earlier in the document, else the year just
    ended when the article is from its first quarter."""

    def __init__(self, published: str | None, context_year: int | None, document_year: int | None = None):
        self.published = published
        self.pub_year = year_of(published)
        self.year = context_year or self.pub_year
        self.whole_year = context_year or document_year or (
            self.pub_year - 1 if published and len(published) >= 7 and int(published[5:7]) <= 3 else self.pub_year)

    def recent_month(self, month: int, day: int | None = None) -> tuple[int, int]:
        """The year of the latest such month not after the publication date."""
        year = self.year or 0
        if self.published and len(self.published) >= 7 and year == self.pub_year:
            pub_month = int(self.published[5:7])
            if month > pub_month:
                year -= 1
        return year, month

    def last_month(self) -> tuple[int, int]:
        """The month before the publication's (上月, last month)."""
        year, month = self.pub_year, int(self.published[5:7]) - 1
        return (year, month) if month else (year - 1, 12)

    def point(self, year: int | None, month: int) -> str | None:
        if year is None:
            year, month = self.recent_month(month)
        return month_end(year, month) if year else None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


# The resolver for a match's place and the match's groups in; (value, kind, period start) or None out.
Handler = Callable[[_Resolver, dict], "tuple | None"]


def _zh_year(r: _Resolver, m: dict) -> int | None:
    """`2023年`, `今年` or `去年` before a month or day; None when the text gives no year."""
    if m.get("y"):
        return int(m["y"])
    if m.get("this") and r.pub_year:
        return r.pub_year
    if m.get("last") and r.pub_year:
        return r.pub_year - 1
    return None


def _months(count: str) -> int:
    """前11个月, 前十一个月, the first eleven months: how many months (前一个月 is the month before, not January)."""
    if count.isdigit():
        return int(count)
    return EN_WORDS.get(count.lower()) or int(cn_value(count) or 0)


def _zh_patterns() -> list[tuple[str, Handler]]:
    """(pattern, handler) pairs for Simplified Chinese; a handler returns a DateMention's fields."""
    y = r"(?:(?P<y>\d{4})年|(?P<this>今年)|(?P<last>去年|上年))"
    return [
        (rf"(?P<to>截至|截止到?|到|至)?{y}?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?!电|讯|消息|报道)",
         lambda r, m: _day(r, _zh_year(r, m), int(m["m"]), int(m["d"]))),
        (rf"(?P<to>截至|截止到?|到)?{y}(?:年)?(?P<end>底|末|年底|年末)",
         lambda r, m: (f"{_zh_year(r, m)}-12-31", "point", None) if _zh_year(r, m) else None),
        (rf"(?P<to>截至|截止到?|到)?{y}?(?P<q>[一二三四1-4])季度(?P<end>末|底)",
         lambda r, m: _quarter_end(r, _zh_year(r, m), CN_QUARTER[m["q"]])),
        (rf"{y}?(?:前三季度?|首三季度?|1[-—至~]9月份?)", lambda r, m: _span(r, _zh_year(r, m), 1, 9)),
        (rf"{y}?(?:上半年|1[-—至~]6月份?)", lambda r, m: _span(r, _zh_year(r, m), 1, 6)),
        (rf"{y}?(?:第?(?P<q>[一二三四1-4])季度)",
         lambda r, m: _span(r, _zh_year(r, m), 3 * CN_QUARTER[m["q"]] - 2, 3 * CN_QUARTER[m["q"]])),
        (rf"{y}?1[-—至~](?P<m>\d{{1,2}})月份?", lambda r, m: _span(r, _zh_year(r, m), 1, int(m["m"]))),
        (rf"{y}?前(?P<n>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})个月",
         lambda r, m: _span(r, _zh_year(r, m), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (r"(?P<to>截至|截止到?|到)?上(?:个)?月(?P<end>底|末)",
         lambda r, m: (r.point(*r.last_month()), "point", None) if r.published and len(r.published) >= 7 else None),
        (rf"(?P<to>截至|截止到?|到)?{y}?(?P<m>\d{{1,2}})月(?P<end>底|末|份末)",
         lambda r, m: (r.point(_zh_year(r, m), int(m["m"])), "point", None)),
        (rf"{y}(?P<m>\d{{1,2}})月份?", lambda r, m: (_month(r, int(m["m"]), _zh_year(r, m)), "period", None)),
        (r"(?<![\d年\-—至~])(?P<m>\d{1,2})月(?:份)?(?![\d日底末])", lambda r, m: (_month(r, int(m["m"])), "period", None)),
        (r"上一年", lambda r, m: (str(r.pub_year - 1), "period", None) if r.pub_year else None),
        (r"(?<![\d年])(?:年底|年末)", lambda r, m: (f"{r.whole_year}-12-31", "point", None) if r.whole_year else None),
        (rf"{y}(?:全年)?", lambda r, m: (str(_zh_year(r, m)), "period", None) if _zh_year(r, m) else None),
        (r"全年(?!目标|计划|任务)", lambda r, m: (str(r.whole_year), "period", None) if r.whole_year else None),
        (r"(?P<plan>十[一二三四五]五)(?:期间|末|规划|时期)?",
         lambda r, m: (str(FIVE_YEAR_PLANS[m["plan"]]), "plan", None)),
        (r"(?<![\d月])(?P<d>[1-3]?\d)日(?!电|讯|消息|报道)", lambda r, m: _day_of_month(r, int(m["d"]))),
        (r"截至目前|目前|当前|近日|日前|如今|现在|迄今|至今|近期",
         lambda r, m: (r.published, "now", None) if r.published else None),
    ]


def _en_patterns() -> list[tuple[str, Handler]]:
    month = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
    return [
        (rf"{month} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})",
         lambda r, m: _day(r, int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]))),
        (rf"(?P<d>\d{{1,2}}) {month},? (?P<y>\d{{4}})",
         lambda r, m: _day(r, int(m["y"]), MONTHS[m["mon"].lower()], int(m["d"]))),
        (rf"(?:as of|by|on|until|till) {month} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b",
         lambda r, m: _day(r, None, MONTHS[m["mon"].lower()], int(m["d"]))),
        (r"(?:as of|by|at)? ?the end of the (?P<q>first|second|third|fourth) quarter(?: of (?P<y>\d{4}))?",
         lambda r, m: _quarter_end(r, _year(m["y"]), EN_ORDINAL[m["q"]])),
        (rf"(?:as of|by|at|to|until|till)? ?(?:the )?end(?: of|-)? ?{month}(?:,? (?P<y>\d{{4}}))?",
         lambda r, m: (r.point(_year(m["y"]), MONTHS[m["mon"].lower()]), "point", None)),
        (r"(?:as of|by|at)? ?the end of (?P<y>\d{4})", lambda r, m: (f"{m['y']}-12-31", "point", None)),
        (r"(?:as of|by|at)? ?(?:the )?end of (?:the|this) year|year-end",
         lambda r, m: (f"{r.whole_year}-12-31", "point", None) if r.whole_year else None),
        (r"(?:as of|by|at)? ?the end of last year", lambda r, m: (f"{r.pub_year - 1}-12-31", "point", None) if r.pub_year else None),
        (rf"(?:from )?january to {month}(?:,? (?P<y>\d{{4}}))?",
         lambda r, m: _span(r, _year(m["y"]), 1, MONTHS[m["mon"].lower()])),
        (r"(?:in )?the (?P<q>first|second|third|fourth) quarter(?: of (?P<y>\d{4}))?",
         lambda r, m: _span(r, _year(m["y"]), 3 * EN_ORDINAL[m["q"]] - 2, 3 * EN_ORDINAL[m["q"]])),
        (r"(?:in )?the first three quarters(?: of (?P<y>\d{4}))?", lambda r, m: _span(r, _zh_year(r, m), 1, 9)),
        (r"(?:in )?the first half(?: of (?:the year|(?P<y>\d{4})))?", lambda r, m: _span(r, _zh_year(r, m), 1, 6)),
        (r"(?:in )?the first (?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven) months(?: of (?P<y>\d{4}))?",
         lambda r, m: _span(r, _year(m["y"]), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (r"(?:as of|by|at)? ?the end of last month",
         lambda r, m: (r.point(*r.last_month()), "point", None) if r.published and len(r.published) >= 7 else None),
        (rf"(?:in|during) {month}(?:,? (?P<y>\d{{4}}))?",
         lambda r, m: (_month(r, MONTHS[m["mon"].lower()], _year(m["y"])), "period", None)),
        (r"(?:in|during|for|of|by) (?P<y>(?:19|20)\d{2})(?![\d-])", lambda r, m: (m["y"], "period", None)),
        (r"throughout the year|the whole year|the full year|for the year",
         lambda r, m: (str(r.whole_year), "period", None) if r.whole_year else None),
        (r"last year", lambda r, m: (str(r.pub_year - 1), "period", None) if r.pub_year else None),
        (r"this year", lambda r, m: (str(r.pub_year), "period", None) if r.pub_year else None),
        (r"currently|at present|so far|to date|as of now",
         lambda r, m: (r.published, "now", None) if r.published else None),
        (r"(?P<n>1[1-5])th five-year plan", lambda r, m: (str(1960 + 5 * int(m["n"])), "plan", None)),
        (r"on (?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
         lambda r, m: _weekday(r, m["wd"])),
        (r"yesterday", lambda r, m: (_shift_day(r.published, -1), "point", None) if r.published and len(r.published) == 10 else None),
    ]


def _shift_day(iso: str, days: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=days)).isoformat()


def _day_of_month(r: _Resolver, day: int):
    """`26日` in a dateline-less sentence: that day of the publication month, or of the month before."""
    if not r.published or len(r.published) < 10 or not 1 <= day <= 31:
        return None
    year, month = int(r.published[:4]), int(r.published[5:7])
    if day > int(r.published[8:10]):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}", "point", None


def _weekday(r: _Resolver, name: str):
    """`on Wednesday`: the latest such weekday not after the publication date."""
    if not r.published or len(r.published) < 10:
        return None
    from datetime import date, timedelta

    published = date.fromisoformat(r.published)
    target = [d.lower() for d in calendar.day_name].index(name.lower())
    return (published - timedelta(days=(published.weekday() - target) % 7)).isoformat(), "point", None


def _day(r: _Resolver, year: int | None, month: int, day: int):
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        year, month = r.recent_month(month, day)
    if not year:
        return None
    day = min(day, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}", "point", None


def _month(r: _Resolver, month: int, year: int | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if year is None:
        year, month = r.recent_month(month)
    return f"{year:04d}-{month:02d}" if year else None


def _span(r: _Resolver, year: int | None, first: int, last: int):
    if not 1 <= first <= last <= 12:
        return None
    if year is None:
        year, _ = r.recent_month(last)
    if not year:
        return None
    return f"{year:04d}-{last:02d}", "period", f"{year:04d}-{first:02d}"


def _quarter_end(r: _Resolver, year: int | None, quarter: int):
    return r.point(year, quarter * 3), "point", None


_EXPLICIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?![\d-]))")
_YEAR_DIGITS = compile_fast(r"(?<!\d)(?:19|20)\d{2}")
_SINCE = compile_fast(r"(^|[,;.]\s*)since\b[^,;]*$", re.I)
_SENTENCE_END = compile_fast(r"[。！？!?；;\n]|\.\s")
_ZH_PATTERNS = [(compile_fast(pattern), handler) for pattern, handler in _zh_patterns()]
_EN_PATTERNS = [(compile_fast(rf"\b(?:{pattern})", re.I), handler) for pattern, handler in _en_patterns()]


@dataclass(frozen=True)
class _YearIndex:
    """Where a text's sentences end and which years it names, found once for all its dates.

    `years` holds (start, end, year, closed): closed when the year is followed by `年` or by
    neither a digit nor a hyphen, so that it counts even where the text goes on."""

    sentence_ends: list[int]
    years: list[tuple[int, int, int, bool]]


def _year_index(text: str, published: str | None) -> _YearIndex:
    limit = year_of(published) or 9999
    years = [(m.start(), m.end(), int(m.group(0)), _EXPLICIT_YEAR.match(text, m.start()) is not None)
             for m in _YEAR_DIGITS.finditer(text) if int(m.group(0)) <= limit]
    return _YearIndex([m.end() for m in _SENTENCE_END.finditer(text)], years)


def _years(index: _YearIndex, begin: int, end: int) -> list[int]:
    """Explicit years named in `text[begin:end]`, not after the publication year, in order; a
    year ending at `end` counts whatever follows it."""
    return [year for start, stop, year, closed in index.years
            if begin <= start and stop <= end and (closed or stop == end)]


def _sentence_year(index: _YearIndex, start: int) -> int | None:
    """An explicit year earlier in the same sentence sets the year of `年底`, `in December`."""
    ended = bisect_right(index.sentence_ends, start)
    begin = index.sentence_ends[ended - 1] if ended else 0
    return (_years(index, begin, start) or [None])[-1]


def _latest_year(index: _YearIndex, end: int) -> int | None:
    """The latest explicit year named before `end`: the year a report is about."""
    return max(_years(index, 0, end), default=None)


def find_dates(text: str, published: str | None, english: bool, title_year: int | None = None) -> list[DateMention]:
    """Every date expression in `text`, non-overlapping, resolved; earliest first.

    `title_year` is the latest explicit year the title names: like a year earlier in the text,
    it is the year a report is about (`2023年度统计公报` … `年末` is the end of 2023)."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    index = _year_index(text, published)
    for handler, start, end, groups, matched in _matches(text, english):
        if end == start or any(a < end and start < b for a, b in taken):
            continue
        resolver = _Resolver(published, _sentence_year(index, start),
                             max(filter(None, (_latest_year(index, start), title_year)), default=None))
        try:
            resolved = handler(resolver, groups)
        except ValueError:  # a month that does not exist (`276月底` read as 76月) is no date
            continue
        if not resolved or not resolved[0]:
            continue
        value, kind, period_start = resolved
        if not english and (re.search(r"(比|较|与)$", text[max(0, start - 1):start]) or _names_a_base(text, start, end)):
            taken.append((start, end))  # a base date (比去年底) is no date of a figure, nor is a part of it (年底)
            continue
        if (english and _SINCE.search(text[max(0, start - 80):start])) or (
                not english and re.match(r"以来|起", text[end:end + 2])):
            kind = "since"
        explicit = bool(groups.get("y"))
        target = _is_target(value, published, text[max(0, start - 4):start] + matched, english)
        mentions.append(DateMention(start, end, value, kind, period_start, explicit, target))
        taken.append((start, end))
    return sorted(mentions, key=lambda m: m.start)


@lru_cache(maxsize=64)
def _matches(text: str, english: bool) -> tuple[tuple, ...]:
    """(handler, start, end, groups, text) of every pattern's matches, pattern by pattern: they do
    not depend on the publication date, so a text read as of several dates is searched once.

    No pattern spans a line break or looks past one, so the matches are those of each line,
    found once per line: the body an article is dated by and the segments it is read in share
    their lines."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, _line_matches(line, english)))
        offset += len(line) + 1
    patterns = len(_EN_PATTERNS if english else _ZH_PATTERNS)
    return tuple((handler, start + offset, end + offset, groups, matched)
                 for index in range(patterns) for offset, found in lines
                 for handler, start, end, groups, matched in found[index])


@lru_cache(maxsize=4096)
def _line_matches(line: str, english: bool) -> tuple[tuple[tuple, ...], ...]:
    """Each pattern's matches in one line."""
    return tuple(tuple((handler, *match.span(), match.groupdict(), match.group(0)) for match in pattern.finditer(line))
                 for pattern, handler in (_EN_PATTERNS if english else _ZH_PATTERNS))


_BASE_BEFORE = re.compile(r"(为|是|相当于)$")
_BASE_AFTER = re.compile(r"[^,，;；。！？\n\d]{0,24}的\d+(?:\.\d+)?(%|倍)")


def _names_a_base(text: str, start: int, end: int) -> bool:
    """`调整水平为2020年退休人员月人均基本养老金的4.5%`: a date inside the base a ratio is taken
    of dates that base, like `比2019年`, not the ratio."""
    return bool(_BASE_BEFORE.search(text[max(0, start - 3):start]) and _BASE_AFTER.match(text, end))


def _is_target(value: str, published: str | None, words: str, english: bool) -> bool:
    """A date after the article's (at the shared precision) is a target or forecast."""
    if not published:
        return False
    n = min(len(value), len(published))
    if value[:n] > published[:n]:
        return True
    return False
