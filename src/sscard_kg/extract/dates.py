"""Date expressions, resolved against the publication date and the year the text is talking about.

`截至3月底` in an article of 2021-04-26 is 2021-03-31; `1-3月` is the period 2021-01..2021-03;
`去年底` is the end of the year before; `as of the end of 2020` is 2020-12-31. Values are ISO at
their precision: `YYYY-MM-DD` for a day (a stock), `YYYY-MM` for a month, `YYYY` for a year.

The patterns follow the grammar of both languages rather than a list of phrases: a year (written,
full-width, in Chinese numerals, or relative: 去年, the previous year), then a part of it (a month,
a span of months, a quarter, a half, a season, the first N months), then a part of that (its end,
its beginning, 上旬, mid-); days against the dateline (昨天, on Wednesday); and the words around a
date that make it no date of a figure (a comparison base, the start of a period or an event). The
cue words are data, in dates.toml.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from .numbers import EN_WORDS, cn_value
from .gazetteer import fold_case
from ..prefilter import compile_fast, needles
from ..resources import data_file

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
EN_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
              "final": 4, "last": 4}
CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
EN_PLAN_ORDINALS = {"eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15}
# (first month, last month) of a season, meteorological: winter runs into the next year.
SEASONS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14),
           "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({c: i for i, c in enumerate("一二三四五六日")}, 天=6)

with data_file("dates.toml").open("rb") as _handle:
    CUES = tomllib.load(_handle)


class DateMention(NamedTuple):
    """A resolved date expression. `kind` is point (a stock's date), period (a flow), now, since
    (the start of a period or the date of an event, `自2018年以来`, `launched in 2016`) or plan
    (`十三五`, `the 2015-2018 plan`): the last two date no figure, a plan only makes one a target."""

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
        self.pub_month = int(published[5:7]) if published and len(published) >= 7 else None
        self.day = date.fromisoformat(published) if published and len(published) == 10 else None
        self.year = context_year or self.pub_year
        self.whole_year = context_year or document_year or (
            self.pub_year - 1 if self.pub_month and self.pub_month <= 3 else self.pub_year)

    def recent_month(self, month: int, day: int | None = None) -> tuple[int, int]:
        """The year of the latest such month not after the publication date."""
        year = self.year or 0
        if self.pub_month and year == self.pub_year and month > self.pub_month:
            year -= 1
        return year, month

    def month_from_now(self, shift: int) -> tuple[int, int] | None:
        """The publication's month moved by `shift` months (上月, next month)."""
        if not self.pub_month:
            return None
        index = self.pub_year * 12 + self.pub_month - 1 + shift
        return index // 12, index % 12 + 1

    def point(self, year: int | None, month: int) -> str | None:
        if year is None:
            year, month = self.recent_month(month)
        return month_end(year, month) if year else None

    def relative_year(self, word: str) -> int | None:
        """去年, the previous year, 当年: counted from the publication (deictic words) or from the
        year the sentence is about (anaphoric ones)."""
        word = word.lower()
        for words, base, shift in _RELATIVE_YEARS:
            if word in words:
                origin = self.pub_year if base == "published" else self.year
                return origin + shift if origin else None
        return None


# (words, counted from, shift): 去年 is the year before the publication's; 上年 and `the previous
# year` the year before the one the sentence names.
_RELATIVE_YEARS = [
    ({"今年", "本年", "本年度", "this", "this year", "the current year"}, "published", 0),
    ({"去年", "last", "last year", "a year ago", "the past year"}, "published", -1),
    ({"前年", "the year before last", "two years ago"}, "published", -2),
    ({"明年", "next", "next year"}, "published", 1),
    ({"上年", "上一年", "上年度", "上一年度", "前一年", "the previous", "the previous year",
      "the prior year", "the year before", "a year earlier", "a year before", "the preceding year"}, "context", -1),
    ({"当年", "同年", "the same", "the same year", "that year"}, "context", 0),
    ({"次年", "the following", "the following year", "the next year", "a year later"}, "context", 1),
]


def _number(text: str) -> int:
    """`12`, `十二`, `三十一`: a month or day number."""
    return int(text) if text.isdigit() else int(cn_value(text) or 0)


def _months(count: str) -> int:
    """前11个月, 前十一个月, the first eleven months: how many months (前一个月 is the month
    before, not January)."""
    if count.isdigit():
        return int(count)
    return EN_WORDS.get(count.lower()) or int(cn_value(count) or 0)


# The resolver for a match's place and the match's groups in; (value, kind, period start) or None out.
Handler = Callable[[_Resolver, dict], "tuple | None"]


def _year(r: _Resolver, m: dict, *names: str) -> int | None:
    """The year a match states: digits (`y`, or the other groups named), else a relative word
    (`rel`); None when the text gives none."""
    for name in ("y", *names):
        if m.get(name):
            text = m[name]
            return int(text) if len(text) == 4 else None
    return r.relative_year(m["rel"]) if m.get("rel") else None


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
    """A flow over months `first`..`last` (13 and 14 are January and February of the next year).

    Without a year: a span from January is the latest one complete by publication (a report of
    `1-11月` in January is last year's); any other the latest one begun (`下半年` in July is this
    year's)."""
    if not 1 <= first <= last <= 14 or last - first > 11:
        return None
    if year is None:
        year, _ = r.recent_month(last if first == 1 else first)
    if not year:
        return None
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return f"{end_year:04d}-{end_month:02d}", "period", f"{year:04d}-{first:02d}"


def _quarter(r: _Resolver, year: int | None, quarter: int):
    return _span(r, year, 3 * quarter - 2, 3 * quarter)


def _quarter_end(r: _Resolver, year: int | None, quarter: int):
    return r.point(year, quarter * 3), "point", None


def _relative_quarter(r: _Resolver, shift: int, end: bool = False):
    """上季度, last quarter (or its end, 上季度末): the quarter `shift` quarters from the
    publication's."""
    if not r.pub_month:
        return None
    index = r.pub_year * 4 + (r.pub_month - 1) // 3 + shift
    return (_quarter_end if end else _quarter)(r, index // 4, index % 4 + 1)


def _relative_month(r: _Resolver, shift: int, part: str | None):
    found = r.month_from_now(shift)
    return _month_part(r, found[0], found[1], part) if found else None


def _month_part(r: _Resolver, year: int | None, month: int, part: str | None, as_of: bool = False):
    """A month, its end (`6月底`, `end-June`, or the month itself after `截至`/`as of`: a stock
    at its end) or another part of it (`6月上旬`, `mid-June`: a point known to the month)."""
    value = _month(r, month, year)
    if not value:
        return None
    if _is_end(part) or (part is None and as_of):
        return period_end(value), "point", None
    return value, ("point" if part else "period"), None


def _is_end(part: str | None) -> bool:
    return bool(part) and re.search(r"底|末|end", part, re.I) is not None


def _year_end(r: _Resolver, year: int | None):
    return (f"{year}-12-31", "point", None) if year else None


def _weekday(r: _Resolver, name: str, week: str | None = None):
    """`on Wednesday`, `周三`: the latest such weekday not after the publication date; `上周五`,
    `last Friday`: that day of the week before the publication's."""
    if not r.day:
        return None
    target = WEEKDAYS[name.lower()]
    if week:
        shift = {"上": -7, "last": -7, "下": 7, "next": 7}.get(week.lower(), 0)
        found = r.day - timedelta(days=r.day.weekday()) + timedelta(days=target + shift)
    else:
        found = r.day - timedelta(days=(r.day.weekday() - target) % 7)
    return found.isoformat(), "point", None


def _shifted_day(r: _Resolver, days: int):
    return ((r.day + timedelta(days=days)).isoformat(), "point", None) if r.day else None


def _day_of_month(r: _Resolver, day: int):
    """`26日`, `on the 26th`: that day of the publication month, or of the month before."""
    if not r.day or not 1 <= day <= 31:
        return None
    year, month = r.day.year, r.day.month
    if day > r.day.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}", "point", None


def _now(r: _Resolver, m: dict):
    return (r.published, "now", None) if r.published else None


def _year_range(r: _Resolver, m: dict):
    """`2016-2020年`, `from 2016 to 2020`: a flow over those years; with a plan word after it, or
    in parentheses (`the 13th Five-Year Plan (2016-2020)`), a plan period."""
    first = int(m["y0"])
    last = int(m["y"]) if len(m["y"]) == 4 else first // 100 * 100 + int(m["y"])
    if not first < last <= first + 10:
        return None
    if m.get("plan") or m.get("paren") is not None:
        return str(last), "plan", None
    if m.get("m"):  # 2010年至2019年10月, 2018年7月至2019年6月: months of those years
        first_month, last_month = _number(m["m0"] or "1"), _number(m["m"])
        if not (1 <= first_month <= 12 and 1 <= last_month <= 12):
            return None
        return f"{last:04d}-{last_month:02d}", "period", f"{first:04d}-{first_month:02d}"
    return str(last), "period", str(first)


def _season(r: _Resolver, m: dict):
    first, last = SEASONS[m["season"].lower()]
    return _span(r, _year(r, m), first, last)


def _whole_year(r: _Resolver, m: dict):
    return (str(r.whole_year), "period", None) if r.whole_year else None


def _year_period(r: _Resolver, m: dict):
    year = _year(r, m)
    return (str(year), "period", None) if year else None


def _year_start(year: int | None):
    """年初, the beginning of 2019: a point known to its first month."""
    return (f"{year:04d}-01", "point", None) if year else None


def _plan(year: int):
    return str(year), "plan", None


def _day_first_or_month_first(r: _Resolver, m: dict):
    """31.12.2019 and 31/12/2019 put the day first, 12/31/2019 the month: a number above 12 is
    the day; with both at most 12, dots are read day first and slashes month first."""
    a, b = int(m["a"]), int(m["b"])
    day_first = a > 12 or (b <= 12 and m["sep"] == ".")
    return _day(r, int(m["y"]), *((b, a) if day_first else (a, b)))


# 2019-12-31, 2019/12/31, 2019.12.31, 12/31/2019, 31.12.2019: the same in both languages.
_NUMERIC_DAYS: list[tuple[str, Handler]] = [
    (r"(?<![\d.])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)",
     lambda r, m: _day(r, int(m["y"]), int(m["m"]), int(m["d"]))),
    (r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d.]\d)", _day_first_or_month_first),
]

# Chinese building blocks: a year, a month, a day, a quarter (all with named groups).
_ZH_REL_YEAR = (r"今年|本年度?|去年|(?<!以)上一?年度?|前一年|(?<!年)前年|明年|次年"
                r"|(?<!相)当年|(?<!不)同年(?!龄)")
_ZH_YEAR = rf"(?:(?:(?P<y>\d{{4}})年度?|(?P<rel>{_ZH_REL_YEAR}))的?)"
_ZH_MONTH = r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])"
_ZH_DAY = r"(?P<d>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_TO = r"(?P<to>截至|截止到?|到)"
_ZH_AS_OF = {"截至", "截止", "截止到"}  # before a month, a stock at its end (到6月 may be a deadline)
_ZH_Q = r"(?P<q>[一二三四1-4])"
_ZH_LEFT = r"(?<![\d年\-—~至到十第])"  # no month goes on from a number, a year or a range


def _zh_patterns() -> list[tuple[str, Handler]]:
    """(pattern, handler) pairs for Simplified Chinese; a handler returns a DateMention's fields.
    Earlier patterns win where matches overlap."""
    y, mon, day, to, q = _ZH_YEAR, _ZH_MONTH, _ZH_DAY, _ZH_TO, _ZH_Q
    return [
        *_NUMERIC_DAYS,
        (r"(?P<paren>(?<=[(（]))?(?P<y0>\d{4})年?(?:(?P<m0>\d{1,2})月)?(?:-|–|—|~|至|到)(?P<y>\d{4})年"
         r"(?:(?P<m>\d{1,2})月份?|(?!\d)(?P<plan>(?:行动)?(?:规划|计划|纲要|方案))?)", _year_range),
        (rf"{to}?{y}?(?<!\d){mon}月{day}[日号](?!电|讯|消息|报道)",
         lambda r, m: _day(r, _year(r, m), _number(m["m"]), _number(m["d"]))),
        (rf"{y}?(?<!\d)(?P<m0>\d{{1,2}}|十[一二]?|[一二三四五六七八九])(?:月份?)?(?:-|–|—|~|至|到)"
         rf"(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])月份?",
         lambda r, m: _span(r, _year(r, m), _number(m["m0"]), _number(m["m"]))),
        (rf"{to}?{y}?第?{q}季度(?:末|底)", lambda r, m: _quarter_end(r, _year(r, m), CN_QUARTER[m["q"]])),
        (rf"{to}?(?P<w>上个?|上一个?|本)季度(?:末|底)",
         lambda r, m: _relative_quarter(r, -1 if m["w"][0] == "上" else 0, end=True)),
        (rf"{to}?{y}?(?P<h>上|下)半年(?:末|底)",
         lambda r, m: _quarter_end(r, _year(r, m), 2 if m["h"] == "上" else 4)),
        (rf"{to}?{y}年?(?:底|末|年底|年末)", lambda r, m: _year_end(r, _year(r, m))),
        (rf"{y}年?初(?![中级步次期始衷])", lambda r, m: _year_start(_year(r, m))),
        (r"(?<![\d年])年初(?![中级步次期始衷])", lambda r, m: _year_start(r.year)),
        (rf"{y}?第?(?P<q0>[一二三四1-4])(?:季度)?(?:-|–|—|~|至|到)第?{q}季度",
         lambda r, m: _span(r, _year(r, m), 3 * CN_QUARTER[m["q0"]] - 2, 3 * CN_QUARTER[m["q"]])),
        (rf"{y}?(?:前|首)(?P<n>[两二三2-3])个?季度?",
         lambda r, m: _span(r, _year(r, m), 1, 3 * _months(m["n"]))),
        (rf"{y}?首季度?", lambda r, m: _quarter(r, _year(r, m), 1)),
        (rf"{y}?(?P<h>上|前|头|下|后)半年",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if m["h"] in "上前头" else (7, 12)))),
        (r"(?P<w>上个?|上一个?|本|下个?|下一个?)季度",
         lambda r, m: _relative_quarter(r, {"上": -1, "本": 0, "下": 1}[m["w"][0]])),
        (rf"{y}?(?:第(?=[一二三四1-4]季)|(?=[一二三四1-4]季度)){q}季度?",
         lambda r, m: _quarter(r, _year(r, m), CN_QUARTER[m["q"]])),
        (rf"{y}?前(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})个?月份?",
         lambda r, m: _span(r, _year(r, m), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (rf"{y}?(?P<season>春|夏|秋|冬)季", _season),
        (rf"(?:{to}|{_ZH_LEFT}){y}?(?<!\d){mon}月份?(?P<part>底|末|份末|初|上旬|中旬|下旬)?(?![\d日号])",
         lambda r, m: _month_part(r, _year(r, m), _number(m["m"]), m["part"], as_of=m["to"] in _ZH_AS_OF)),
        (rf"{to}?(?P<w>上个?|上一个?|本|这个|当|下个?|下一个?)月(?P<part>底|末|初)?",
         lambda r, m: _relative_month(r, {"上": -1, "下": 1}.get(m["w"][0], 0), m["part"])),
        (r"(?<![\d一二三四五六七八九十年上本下个当每这])月(?P<part>底|末|初)",
         lambda r, m: _relative_month(r, 0, m["part"])),
        (rf"{y}(?:全年)?", _year_period),
        (r"(?<![\d年])(?:年底|年末)", lambda r, m: _year_end(r, r.whole_year)),
        (r"全年(?!目标|计划|任务)", _whole_year),
        (r"(?P<plan>十[一二三四五]五)(?:期间|末|规划|时期)?",
         lambda r, m: _plan(FIVE_YEAR_PLANS[m["plan"]])),
        (r"(?<![\d月一二三四五六七八九十])(?P<d>[1-3]?\d)日(?!电|讯|消息|报道)",
         lambda r, m: _day_of_month(r, int(m["d"]))),
        (r"(?P<w>大前天|前天|昨天|昨日|明天|明日)",
         lambda r, m: _shifted_day(r, {"大": -3, "前": -2, "昨": -1, "明": 1}[m["w"][0]])),
        (r"(?<![每至到\-~—])(?P<week>上|本|这|下)?(?:周|星期|礼拜)"
         r"(?P<wd>[一二三四五六日天])(?![至到\-~—次])",
         lambda r, m: _weekday(r, m["wd"], m["week"])),
        ("|".join(CUES["zh"]["now"]), _now),
    ]


# English building blocks.
_EN_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_EN_MON = rf"(?P<mon>{_EN_MONTH_NAMES})\b\.?"
_EN_MON0 = rf"(?P<mon0>{_EN_MONTH_NAMES})\b\.?"
_EN_YEAR = r"(?P<y>(?:19|20)\d{2})(?![\d%])"
_EN_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?\b"
_EN_REL = r"(?P<rel>this|last|next|the previous|the following|the same)"
_EN_OF_YEAR = rf"(?:(?:,? | of ){_EN_YEAR}| (?:of )?{_EN_REL} year| of the year)?"
_EN_QUARTER = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_EN_COUNTS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_WEEKDAY = "|".join(d.lower() for d in calendar.day_name)


_EN_VERBS = {"may", "march"}  # as months they are capitalised


def _mon(m: dict, name: str = "mon") -> int:
    """The month a name means; a ValueError (no date) for `may` or `march` written as a verb."""
    if m[name] in _EN_VERBS:
        raise ValueError(m[name])
    return MONTHS[m[name].lower().rstrip(".")]


def _en_patterns() -> list[tuple[str, Handler]]:
    mon, mon0, yr, day, rel, of_year, q = _EN_MON, _EN_MON0, _EN_YEAR, _EN_DAY, _EN_REL, _EN_OF_YEAR, _EN_QUARTER
    weekday = rf"(?:(?:{_EN_WEEKDAY}),? )?"  # Wednesday, July 10, 2019 is the day the date names
    not_a_figure = r"(?! ?(?:million|billion|thousand|hundred|percent|per cent|%|[.,]\d))"
    return [
        *_NUMERIC_DAYS,
        (r"(?P<n>a|one|two|three|four|five|six|nine|twelve|\d{1,2}) (?P<unit>months?|quarters?) (?:earlier|before)\b",
         lambda r, m: _relative_month(r, -_count(m["n"]) * (3 if m["unit"].lower().startswith("quarter") else 1), None)),
        (r"(?:from|between) (?P<y0>(?:19|20)\d{2}) (?:to|through|until|till|and) (?P<y>(?:19|20)\d{2})"
         r"(?P<plan> (?:five-year |action )?(?:plan|program|programme))?", _year_range),
        (r"(?P<paren>(?<=\())?(?P<y0>(?:19|20)\d{2}) ?[-–—] ?(?P<y>(?:19|20)?\d{2})(?![\d%])"
         r"(?P<plan> (?:five-year |action )?(?:plan|program|programme))?", _year_range),
        (rf"{weekday}{mon} {day},? {yr}", lambda r, m: _day(r, int(m["y"]), _mon(m), int(m["d"]))),
        (rf"{weekday}(?:the )?{day} (?:of )?{mon},? {yr}", lambda r, m: _day(r, int(m["y"]), _mon(m), int(m["d"]))),
        (rf"{weekday}{mon} {day}{not_a_figure}", lambda r, m: _day(r, None, _mon(m), int(m["d"]))),
        (rf"(?:the )?{day} (?:of )?{mon}", lambda r, m: _day(r, None, _mon(m), int(m["d"]))),
        (r"(?:on|by|as of|until|till|since) the (?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=[,.;]|$)",
         lambda r, m: _day_of_month(r, int(m["d"]))),
        (r"(?:the )?end of (?:the )?(?P<w>last|previous|past|preceding|this|current) quarter(?! of)",
         lambda r, m: _relative_quarter(r, 0 if m["w"].lower() in ("this", "current") else -1, end=True)),
        (rf"(?:the )?end(?: of|-) ?(?:the )?(?:{q} quarter|q(?P<qn>[1-4]))(?: of (?:{yr}|{rel} year|the year))?",
         lambda r, m: _quarter_end(r, _year(r, m), int(m["qn"]) if m["qn"] else EN_ORDINAL[m["q"].lower()])),
        (rf"(?:the )?end of the (?P<h>first|second) half(?: of (?:{yr}|{rel} year|the year))?",
         lambda r, m: _quarter_end(r, _year(r, m), 2 if m["h"].lower() == "first" else 4)),
        (r"(?P<part>(?:the )?end(?: of|-) ?|late[- ]|early[- ]|mid[- ]?|(?:the )?middle of "
         rf"|(?:the )?(?:beginning|start) of ){mon}{of_year}",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), m["part"])),
        (r"(?:the )?end of (?P<w>this|last|next|the previous|the) month",
         lambda r, m: _relative_month(r, {"last": -1, "the previous": -1, "next": 1}.get(m["w"].lower(), 0), "end")),
        (rf"(?:the )?end(?: of|-) ?(?:{yr}|{rel} year|(?P<the>the) year)|year-end(?: (?P<y2>(?:19|20)\d{{2}}))?",
         lambda r, m: _year_end(r, _year(r, m, "y2") if m["y"] or m["y2"] or m["rel"] else r.whole_year)),
        (rf"(?:the )?(?:beginning|start) of (?:{yr}|{rel} year|(?P<the>the) year)",
         lambda r, m: _year_start(r.year if m["the"] else _year(r, m))),
        (r"(?:the )?mid-?year|the middle of the year",
         lambda r, m: (f"{r.year}-06", "point", None) if r.year else None),
        (rf"(?:early|mid|late)[- ]{yr}|(?:early|late|later) {rel} year",
         lambda r, m: (str(_year(r, m)), "point", None) if _year(r, m) else None),
        (rf"(?:from |between )?{mon0} ?(?:-|–|—|to|through|thru|until|and) ?{mon}{of_year}",
         lambda r, m: _span(r, _year(r, m), _mon(m, "mon0"), _mon(m))),
        (rf"(?:the )?(?:{q}) quarter of (?:{yr}|{rel} year|the year)",
         lambda r, m: _quarter(r, _year(r, m), EN_ORDINAL[m["q"].lower()])),
        (r"(?:the )?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final) quarter",
         lambda r, m: _quarter(r, None, EN_ORDINAL[m["q"].lower()])),
        (rf"q(?P<qn>[1-4])(?: {yr})?\b", lambda r, m: _quarter(r, _year(r, m), int(m["qn"]))),
        (rf"{yr} ?q(?P<qn>[1-4])\b", lambda r, m: _quarter(r, _year(r, m), int(m["qn"]))),
        (r"(?:the )?(?P<w>last|previous|past|preceding|this|current|next) quarter",
         lambda r, m: _relative_quarter(r, {"this": 0, "current": 0, "next": 1}.get(m["w"].lower(), -1))),
        (rf"(?:the )?first three quarters{of_year}", lambda r, m: _span(r, _year(r, m), 1, 9)),
        (rf"(?:the )?(?P<n>\d{{1,2}}|{_EN_COUNTS}) months (?:to|through|ending(?: in)?|ended) {mon}{of_year}",
         lambda r, m: _span(r, _year(r, m), _mon(m) - _months(m["n"]) + 1, _mon(m))),
        (rf"(?:the )?(?P<h>first|second)[- ]half{of_year}",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if m["h"].lower() == "first" else (7, 12)))),
        (rf"h(?P<hn>[12])(?: {yr})?(?![\w-])",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if m["hn"] == "1" else (7, 12)))),
        (rf"(?:the )?first (?P<n>\d{{1,2}}|{_EN_COUNTS}) months{of_year}",
         lambda r, m: _span(r, _year(r, m), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (rf"(?:{rel} |the )?(?P<season>spring|summer|autumn|winter)(?! festival)(?:(?: of)? {yr})?", _season),
        (rf"(?:{rel} |the )(?P<season>fall)(?: of {yr})?", _season),
        (rf"(?P<prep>as of|as at|by|until|till|through|up to|in|during|for|since|from|throughout) {mon}{of_year}",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), None, as_of=m["prep"].lower() in _EN_AS_OF)),
        (rf"{mon}(?:,? {yr}| (?:of )?{rel} year)",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), None)),
        (r"(?P<w>last|this|next|the previous|the past) month",
         lambda r, m: _relative_month(r, {"this": 0, "next": 1}.get(m["w"].lower(), -1), None)),
        ("|".join(CUES["en"]["now"]), _now),
        (r"throughout the year|the whole year|the full year|for the year", _whole_year),
        (r"(?:(?:for )?the whole of|(?:in |for )?(?:the )?(?:full|whole)[- ]year(?: of)?|in|during|for|of|by|since"
         rf"|as of|as at|until|till|through|throughout|from|before|after|fiscal) {yr}(?![-–—]\d)(?: as a whole)?",
         _year_period),
        (r"(?P<rel>the year before last|two years ago|this year|last year|next year|the previous year|the prior year"
         r"|the preceding year|the year before|a year earlier|a year before|a year ago|the same year|that year"
         r"|the following year|a year later)", _year_period),
        (r"(?P<n>1[1-5])th five-year plan", lambda r, m: _plan(1955 + 5 * int(m["n"]))),
        (r"(?P<w>eleventh|twelfth|thirteenth|fourteenth|fifteenth) five-year plan",
         lambda r, m: _plan(1955 + 5 * EN_PLAN_ORDINALS[m["w"].lower()])),
        (rf"(?:(?P<week>last|this|next) |on )?(?P<wd>{_EN_WEEKDAY})", lambda r, m: _weekday(r, m["wd"], m["week"])),
        (r"(?P<w>the day before yesterday|yesterday|tomorrow)",
         lambda r, m: _shifted_day(r, {"the": -2, "yes": -1, "tom": 1}[m["w"].lower()[:3]])),
    ]


_EN_AS_OF = {"as of", "as at", "by", "until", "till", "through", "up to"}

_EXPLICIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?![\d-]))")
_YEAR_DIGITS = compile_fast(r"(?<!\d)(?:19|20)\d{2}")
_SINCE = compile_fast(r"(^|[,;.]\s*)since\b[^,;]*$", re.I)
_ZH_BASE = re.compile(rf"(?:{'|'.join(CUES['zh']['base_before'])})$")
_EN_BASE = re.compile(rf"\b(?:{'|'.join(CUES['en']['base_before'])})"
                      r"(?: (?:that|those) of| in| at| on| for| during| with)* ?$", re.I)
_ZH_STAMP = re.compile(rf"(?:{'|'.join(CUES['zh']['stamp_before'])})\s*$")
_EN_STAMP = re.compile(rf"\b(?:{'|'.join(CUES['en']['stamp_before'])})(?: on| at)?\s*:?\s*$", re.I)
_LEADING_WORD = re.compile(r"(?:from|in|at|on|for|during) ", re.I)
_CLOCK_AFTER = re.compile(r"\s*\d{1,2}:\d{2}")
_ZH_OPENS = re.compile(rf"的?(?:{'|'.join(CUES['zh']['opens_after'])})")
_EN_OPENS = re.compile(rf"\b(?:{'|'.join(CUES['en']['opens_before'])})(?: \w+ly| nationwide)?"
                       r"(?: (?:in|on|at|from|since|during))?(?: the)? ?$", re.I)
# Full-width ASCII (２０１９, ～) to ASCII, and a year in Chinese numerals (二〇一九年) to digits: the
# same length, so that offsets stay those of the text.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH_CHARACTER = re.compile("[\uff01-\uff5e]")
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def normalise(text: str) -> str:
    """The text with its digits as ASCII, character for character (NFKC'd text has no full-width
    ones left: only a year in Chinese numerals changes)."""
    if _FULL_WIDTH_CHARACTER.search(text):
        text = text.translate(_FULL_WIDTH)
    return _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text) if "年" in text else text


def _is_base(text: str, start: int, end: int, english: bool) -> bool:
    """`比2019年`, `较上年末`, `compared with the end of last year`, `than in 2018`, `0.1 points
    from July`: the base of a comparison dates the figure compared with, not this one."""
    if english:
        lead = _LEADING_WORD.match(text, start, end)  # `from`, `in` opening the date's own match
        return bool(_EN_BASE.search(text, max(0, start - 40), lead.end() if lead else start))
    return bool(_ZH_BASE.search(text, max(0, start - 3), start))


def _dates_no_figure(text: str, start: int, end: int, value: str, english: bool) -> bool:
    """A comparison base, a ratio's base, or a page's stamp."""
    return (_is_base(text, start, end, english) or (len(value) == 10 and _is_stamp(text, start, end, english))
            or (not english and _names_a_base(text, start, end)))


def _is_stamp(text: str, start: int, end: int, english: bool) -> bool:
    """`date 2017-07-16`, `发布时间：2019-12-31`, `2018-04-27 11:12`: a day after a label or
    before a clock time stamps the page; it dates no figure."""
    return bool((_EN_STAMP if english else _ZH_STAMP).search(text, max(0, start - 24), start)
                or _CLOCK_AFTER.match(text, end))


def _opens_period(text: str, start: int, end: int, matched: str, english: bool) -> bool:
    """`自2018年以来`, `2018年至今`, `于2016年启动`, `since 2018`, `launched in 2016`: where a
    period or an event starts, not the date of a figure."""
    if english:
        window = text[max(0, start - 80):start]
        return (matched.lower().startswith("since") or bool(_SINCE.search(window))
                or bool(_EN_OPENS.search(text, max(0, start - 40), start)))
    return bool(_ZH_OPENS.match(text, end))
_SENTENCE_END = compile_fast(r"[。！？!?；;\n]|\.\s")
_ZH_PATTERNS = [(compile_fast(pattern), handler) for pattern, handler in _zh_patterns()]
_EN_PATTERNS = [(compile_fast(rf"\b(?:{pattern})", re.I), handler) for pattern, handler in _en_patterns()]
_ZH_SEARCHES = [(pattern, handler, needles(pattern)) for pattern, handler in _ZH_PATTERNS]
_EN_SEARCHES = [(pattern, handler, needles(pattern)) for pattern, handler in _EN_PATTERNS]


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
    text = normalise(text)
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
        if _dates_no_figure(text, start, end, value, english):
            taken.append((start, end))  # nor is a part of it (年底 of 比去年底) a date
            continue
        if kind != "plan" and _opens_period(text, start, end, matched, english):
            kind = "since"
        explicit = bool(groups.get("y")) and not groups.get("y0")  # a span of years is no data date
        target = _is_target(value, published)
        mentions.append(DateMention(start, end, value, kind, period_start, explicit, target))
        taken.append((start, end))
    return _anchored(text, sorted(mentions, key=lambda m: m.start))


# `three months earlier`, `the previous quarter`, 上季度末: counted from the date the sentence named
# before them, not from the publication (`4.05% at the end of the third quarter, 4.04% at the end of
# the previous quarter` is the end of June).
_ANAPHOR = re.compile(r"\b(?P<n>a|one|two|three|four|five|six|nine|twelve|\d{1,2}) (?P<unit>months?|quarters?) (?:earlier|before)\b"
                      r"|\b(?:the )?(?:previous|preceding|prior) (?P<unit2>month|quarter)\b|上个?(?P<zunit>季度|月)", re.I)
_END_CUE = re.compile(r"\bend\b|末|底", re.I)
_SENTENCE_BREAK = re.compile(r"[。！？!?；;\n]|\.\s")


def _anchored(text: str, mentions: list[DateMention]) -> list[DateMention]:
    anchored: list[DateMention] = []
    for m in mentions:
        cue = _ANAPHOR.search(text, m.start, m.end)
        anchor = next((p for p in reversed(anchored) if p.kind in ("point", "period") and len(p.value) >= 7
                       and not _SENTENCE_BREAK.search(text, p.end, m.start)), None)
        if cue is not None and anchor is not None:
            m = _counted_back(m, anchor, cue, bool(_END_CUE.search(text, m.start, m.end)))
        anchored.append(m)
    return anchored


def _counted_back(m: DateMention, anchor: DateMention, cue: re.Match, end: bool) -> DateMention:
    """`m` re-read as its months or quarters back from `anchor`'s month."""
    unit = (cue["unit"] or cue["unit2"] or ("quarter" if cue["zunit"] == "季度" else "month")).lower()
    count = _count(cue["n"]) if cue["n"] else 1
    months = int(anchor.value[:4]) * 12 + int(anchor.value[5:7]) - 1
    if unit.startswith("quarter"):
        months = (months // 3 - count) * 3 + 2  # the last month of that quarter
    else:
        months -= count
    year, month = months // 12, months % 12 + 1
    if end or len(anchor.value) == 10:
        return m._replace(value=month_end(year, month), kind="point", period_start=None)
    first = f"{year:04d}-{month - 2:02d}" if unit.startswith("quarter") else None
    return m._replace(value=f"{year:04d}-{month:02d}", kind="period", period_start=first)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else 1 if word.lower() == "a" else EN_WORDS[word.lower()]


@lru_cache(maxsize=64)
def _matches(text: str, english: bool) -> tuple[tuple, ...]:
    """(handler, start, end, groups, text) of every pattern's matches, pattern by pattern: they do
    not depend on the publication date, so a text read as of several dates is searched once.

    No pattern spans a line break or looks past one, so the matches are those of each line,
    found once per line: the body an article is dated by and the segments it is read in share
    their lines."""
    lines, offset = [], 0
    for line in text.split("\n"):
        found = _line_matches(line, english)
        if any(found):  # most lines name no date
            lines.append((offset, found))
        offset += len(line) + 1
    patterns = len(_EN_PATTERNS if english else _ZH_PATTERNS)
    return tuple((handler, start + offset, end + offset, groups, matched)
                 for index in range(patterns) for offset, found in lines
                 for handler, start, end, groups, matched in found[index])


@lru_cache(maxsize=4096)
def _line_matches(line: str, english: bool) -> tuple[tuple[tuple, ...], ...]:
    """Each pattern's matches in one line; a pattern none of whose needles the line holds (a
    month's name, `quarter`, 季度: see `prefilter.needles`) cannot match it and is not tried."""
    folded = fold_case.__wrapped__(line)  # not kept: fold_case keeps the few whole texts
    return tuple(tuple((handler, *match.span(), match.groupdict(), match.group(0)) for match in pattern.finditer(line))
                 if needles is None or any(needle in folded for needle in needles) else ()
                 for pattern, handler, needles in (_EN_SEARCHES if english else _ZH_SEARCHES))


_BASE_BEFORE = re.compile(r"(为|是|相当于)$")
_BASE_AFTER = re.compile(r"[^,，;；。！？\n\d]{0,24}的\d+(?:\.\d+)?(%|倍)")


def _names_a_base(text: str, start: int, end: int) -> bool:
    """`调整水平为2020年退休人员月人均基本养老金的4.5%`: a date inside the base a ratio is taken
    of dates that base, like `比2019年`, not the ratio."""
    return bool(_BASE_BEFORE.search(text[max(0, start - 3):start]) and _BASE_AFTER.match(text, end))


def _is_target(value: str, published: str | None) -> bool:
    """A date after the article's (at the shared precision) is a target or forecast."""
    if not published:
        return False
    n = min(len(value), len(published))
    if value[:n] > published[:n]:
        return True
    return False
