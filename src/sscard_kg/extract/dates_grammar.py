"""The grammar of date expressions: the patterns of both languages and what each match means.

The patterns follow the grammar of both languages rather than a list of phrases: a year (written,
full-width, in Chinese numerals, of two digits before a part of it: 23年底, or relative: 去年, the
previous year), then a part of it (a month, a span of months, a quarter, a half, a season, the
first N months), then a part of that (its end, its beginning, 上旬, mid-); days, months and years
against the dateline (昨天, on Wednesday, last December, 两年前, three months ago); spans that run to the
publication (近五年来, over the past five years), which date their figures as 今年以来 does, but for
an average or a total over them, which is the whole years they span; the first years of a plan
(“十四五”前四年). A pattern's handler
turns its match into an ISO value, a kind and a period's start, with a Resolver that knows the
publication date and the year the sentence is about. dates.find_dates runs them; the words of
the tables (relative years, seasons, plans, quarters) are the [dates] sections of cues/zh.toml
and cues/en.toml. The years of a list (`2021、2022、2023年`, `in 2021, 2022 and 2023`) are a date each,
for a `分别`/`respectively` list of values to take in order.

Left out on purpose: `in the year to September` is British usage for either the twelve months to
September or the year so far; it names no date here, and its figure takes the publication's.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import timedelta

from .dates_resolver import Resolver, period_end
from .numbers import EN_WORDS, cn_value
from ..resources import cues, either

_ZH, _EN = cues("dates")

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
EN_ORDINAL = _EN["quarters"]
CN_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
FIVE_YEAR_PLANS = _ZH["five_year_plans"]
MONTH_WORDS = _ZH["month_words"]
EN_PLAN_ORDINALS = _EN["plan_ordinals"]
# (first month, last month) of a season, meteorological: winter runs into the next year.
SEASONS = {season: tuple(months) for season, months in (_ZH["seasons"] | _EN["seasons"]).items()}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({c: i for i, c in enumerate("一二三四五六日")}, 天=6)


def _number(text: str) -> int:
    """`12`, `十二`, `三十一`, `元`: a month or day number."""
    return int(text) if text.isdigit() else MONTH_WORDS.get(text) or int(cn_value(text) or 0)


def _months(count: str) -> int:
    """前11个月, 前十一个月, the first eleven months: how many months (前一个月 is the month
    before, not January)."""
    if count.isdigit():
        return int(count)
    return EN_WORDS.get(count.lower()) or int(cn_value(count) or 0)


# The resolver for a match's place and the match's groups in; (value, kind, period start) or None out.
Handler = Callable[[Resolver, dict], "tuple | None"]


def _year(r: Resolver, m: dict, *names: str) -> int | None:
    """The year a match states: digits (`y`, or the other groups named), else a relative word
    (`rel`); None when the text gives none."""
    for name in ("y", "py", *names):
        if m.get(name):
            text = m[name]
            return int(text) if len(text) == 4 else None
    if m.get("ys"):
        return r.short_year(int(m["ys"]))
    relative = m.get("rel") or m.get("prel")
    return r.relative_year(relative) if relative else None


def _day(r: Resolver, year: int | None, month: int, day: int):
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        year, month = r.recent_month(month, day)
    if not year:
        return None
    day = min(day, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}", "point", None


def _month(r: Resolver, month: int, year: int | None = None) -> str | None:
    if not 1 <= month <= 12:
        return None
    if year is None:
        year, month = r.recent_month(month)
    return f"{year:04d}-{month:02d}" if year else None


def _span(r: Resolver, year: int | None, first: int, last: int):
    """A flow over months `first`..`last` (13 and 14 are January and February of the next year,
    0 and below the last months of the year before: `the 12 months to June` runs from July).

    Without a year: a span from January is the latest one complete by publication (a report of
    `1-11月` in January is last year's); any other the latest one begun (`下半年` in July is this
    year's)."""
    if not -10 <= first <= last <= 14 or last - first > 11:
        return None
    if year is None:
        year, _ = r.recent_month(last if first <= 1 else first)
    if not year:
        return None
    start, stop = year * 12 + first - 1, year * 12 + last - 1
    return f"{stop // 12:04d}-{stop % 12 + 1:02d}", "period", f"{start // 12:04d}-{start % 12 + 1:02d}"


def _quarter(r: Resolver, year: int | None, quarter: int):
    return _span(r, year, 3 * quarter - 2, 3 * quarter)


def _quarter_end(r: Resolver, year: int | None, quarter: int):
    return r.point(year, quarter * 3), "point", None


def _relative_quarter(r: Resolver, shift: int, end: bool = False):
    """上季度, last quarter (or its end, 上季度末): the quarter `shift` quarters from the
    publication's."""
    if not r.pub_month:
        return None
    index = r.pub_year * 4 + (r.pub_month - 1) // 3 + shift
    return (_quarter_end if end else _quarter)(r, index // 4, index % 4 + 1)


def _relative_month(r: Resolver, shift: int, part: str | None):
    found = r.month_from_now(shift)
    return _month_part(r, found[0], found[1], part) if found else None


def _relative_day(r: Resolver, m: dict):
    """`本月20日`, `上月28日`: that day of the month counted from the publication's."""
    found = r.month_from_now({"上": -1, "下": 1}.get(m["w"][0], 0))
    return _day(r, found[0], found[1], _number(m["d"])) if found else None


def _month_part(r: Resolver, year: int | None, month: int, part: str | None, as_of: bool = False):
    """A month, its end (`6月底`, `end-June`, or the month itself after `截至`/`as of`: a stock
    at its end) or another part of it (`6月上旬`, `mid-June`: a point known to the month)."""
    value = _month(r, month, year)
    if not value:
        return None
    if _is_end(part) or (part is None and as_of):
        return period_end(value), "point", None
    return value, ("point" if part else "period"), None


_PART_END = re.compile(either(_ZH["end"], _EN["end"]), re.I)


def _is_end(part: str | None) -> bool:
    return bool(part) and _PART_END.search(part) is not None


def _year_end(r: Resolver, year: int | None):
    return (f"{year}-12-31", "point", None) if year else None


def _weekday(r: Resolver, name: str, week: str | None = None):
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


def _shifted_day(r: Resolver, days: int):
    return ((r.day + timedelta(days=days)).isoformat(), "point", None) if r.day else None


def _day_of_month(r: Resolver, day: int):
    """`26日`, `on the 26th`: that day of the publication month, or of the month before."""
    if not r.day or not 1 <= day <= 31:
        return None
    year, month = r.day.year, r.day.month
    if day > r.day.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year:04d}-{month:02d}-{min(day, calendar.monthrange(year, month)[1]):02d}", "point", None


def _now(r: Resolver, m: dict):
    return (r.published, "now", None) if r.published else None


def _then(r: Resolver, m: dict):
    """`当时`, `at that time`: the date named last before it, which find_dates gives it; `now`
    until then."""
    return (r.published, "then", None) if r.published else None


def _year_range(r: Resolver, m: dict):
    """`2016-2020年`, `from 2016 to 2020`: a flow over those years; with a plan word after it, or
    in parentheses (`the 13th Five-Year Plan (2016-2020)`), a plan period; with months
    (`2019年1月至2019年9月`), a flow over those months, in one year too."""
    first = int(m["y0"])
    last = int(m["y"]) if len(m["y"]) == 4 else first // 100 * 100 + int(m["y"])
    if not first <= last <= first + 10 or (first == last and not m.get("m")):
        return None
    if m.get("plan") or m.get("paren") is not None:
        return str(last), "plan", None
    if m.get("m"):  # 2010年至2019年10月, 2018年7月至2019年6月: months of those years
        first_month, last_month = _number(m["m0"] or "1"), _number(m["m"])
        if not (1 <= first_month <= 12 and 1 <= last_month <= 12):
            return None
        return f"{last:04d}-{last_month:02d}", "period", f"{first:04d}-{first_month:02d}"
    return str(last), "period", str(first)


def _season(r: Resolver, m: dict):
    first, last = SEASONS[m["season"].lower()]
    return _span(r, _year(r, m), first, last)


def _whole_year(r: Resolver, m: dict):
    return (str(r.whole_year), "period", None) if r.whole_year else None


def _year_period(r: Resolver, m: dict):
    year = _year(r, m)
    return (str(year), "period", None) if year else None


def _year_start(year: int | None):
    """年初, the beginning of 2019: a point known to its first month."""
    return (f"{year:04d}-01", "point", None) if year else None


def _plan(r: Resolver, year: int, since: str | None = None, end: str | None = None, first: str | None = None):
    """A five-year plan's period (its last year); `十四五以来`, `since the 13th Five-Year Plan`:
    the start of its first year, where a period running to the publication opens; `截至十三五末`,
    `by the end of the 13th Five-Year Plan period`, once past, the end of its last year (a stock's
    date; still ahead, the plan a target is set by); `十四五前四年`, `the first four years of the
    14th Five-Year Plan`: the period of those years; `十三五期间`, `during the 13th Five-Year Plan
    period`, once past, the period of its five years."""
    if first:
        count = _months(first.replace("兩", "两"))
        return (str(year - 5 + count), "period", str(year - 4)) if 1 <= count < 5 else None
    if since:
        return str(year - 4), "since", None
    if r.published and period_end(str(year)) <= r.published:
        return (period_end(str(year)), "point", None) if end else (str(year), "period", str(year - 4))
    return str(year), "plan", None


def _quarters(r: Resolver, m: dict):
    """`一至三季度`, `Q1-Q3`, `the first to third quarters`: the flow over those quarters; `一、二季度`
    two quarters next to each other (two apart are a list)."""
    first, last = (CN_QUARTER.get(m[name]) or EN_ORDINAL[m[name].lower()] for name in ("q0", "q"))
    if m.get("pair") and last != first + 1:
        return None
    return _span(r, _year(r, m), 3 * first - 2, 3 * last)


def _month_pair(r: Resolver, m: dict):
    """`一二月份`, `1、2月`: two months next to each other, the period they make (`十一二月` is
    November and December); two months apart are a list, not a period."""
    if m["d0"]:
        first, last = int(m["d0"]), int(m["d1"])
    else:
        pair = m["pair"].replace("、", "")
        first, last = (11, 12) if pair.startswith("十一") else (_number(pair[0]), _number(pair[1:]))
    return _span(r, _year(r, m), first, last) if last == first + 1 else None


def _past(r: Resolver, m: dict):
    """`近五年来`, `过去一年`, `over the past five years`, `the past decade`: a span that runs to
    the publication, like `今年以来`: it opens `count` months before the publication's month. A
    span of years is a `span`, the whole years before the publication's (its value the last, its
    start the first), which dates an average or a total over it; any other figure it dates as
    `since`."""
    unit, n = (m.get("unit") or m.get("unit2") or "").lower(), m.get("n") or m.get("n2")
    count = 10 if m.get("decade") else _months(n) if n else 1
    if not unit.startswith(("month", "个月")) and r.pub_year and count:
        last, first = r.pub_year - 1, r.pub_year - count
        return str(last), "span", str(first) if first < last else None
    months = count if unit.startswith(("month", "个月")) else 12 * count
    found = r.month_from_now(-months) if count else None
    return (f"{found[0]:04d}-{found[1]:02d}", "since", None) if found else None


def _ago(r: Resolver, m: dict):
    """`两年前`, `三个月前`, `半年前`, `two years ago`, `a decade ago`: the year or the month so many
    back from the publication's, a flow like `去年`."""
    unit = (m.get("unit") or "").lower()
    if m.get("half"):
        count, unit = 6, "month"
    else:
        count = 10 if m.get("decade") else _months(m["n"]) if m.get("n") else 1
    if unit.startswith(("month", "个月")):
        return _relative_month(r, -count, None) if 1 <= count <= 24 else None
    return (str(r.pub_year - count), "period", None) if r.pub_year and 1 <= count <= 30 else None


def _later(r: Resolver, m: dict):
    """`两年后`, `此后七个月里`, `two years later`: so many years on from the year named last before it
    (else the publication's); so many months on from the publication's month, which the date named
    before it in its sentence replaces when there is one (`dates._anchored`)."""
    count = _months(m["n"])
    if m["unit"].lower().startswith(("month", "个月", "quarter")):
        months = count * (3 if m["unit"].lower().startswith("quarter") else 1)
        return _relative_month(r, months, None) if 1 <= months <= 24 else None
    return (str(r.anaphoric_year + count), "period", None) if r.anaphoric_year and 1 <= count <= 30 else None


def _months_to(r: Resolver, m: dict):
    """`the 12 months to June`, `the three months ended June 30`, `the quarter to September`: the
    flow over so many months ending with that one."""
    unit = (m.get("unit") or "").lower()
    count = 3 if unit == "quarter" else 6 if unit else _months(m["n"])
    return _span(r, _year(r, m), _mon(m) - count + 1, _mon(m)) if count else None


def _named_month(r: Resolver, m: dict):
    """`last December`, `this June`, `next March`: the latest such month before the publication's,
    the one of its year, the first one after it."""
    month = _mon(m)
    if not r.pub_month:
        return None
    shift = {"last": -1 if month >= r.pub_month else 0, "next": 1 if month <= r.pub_month else 0}
    return _month_part(r, r.pub_year + shift.get(m["w"].lower(), 0), month, None)


def _through(r: Resolver, m: dict):
    """`through September`: the year to that month's end, a flow from January (`through the end
    of September` is the point at its end)."""
    month = _mon(m)
    return _span(r, _year(r, m), 1, month) if month > 1 else _month_part(r, _year(r, m), month, None)


def _mid_year(year: int | None):
    """年中, mid-2020, the middle of 2020: a point known to its sixth month."""
    return (f"{year:04d}-06", "point", None) if year else None


def _day_first_or_month_first(r: Resolver, m: dict):
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
_ZH_REL_YEAR = either(_ZH["relative_year"])
_ZH_SHORT_YEAR = rf"(?<![\d.\-/])(?P<ys>\d{{2}})年(?={either(_ZH['short_year_before'])})"
_ZH_YEAR = rf"(?:(?:(?P<y>\d{{4}})年度?|(?P<rel>{_ZH_REL_YEAR})|{_ZH_SHORT_YEAR})的?)"
_ZH_MONTH_WORDS = "".join(MONTH_WORDS)
_ZH_MONTH = rf"(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九{_ZH_MONTH_WORDS}])"
_ZH_MONTH_PART = rf"(?P<part>{either(_ZH['month_parts'])})"
_ZH_AGO = _ZH["ago"]
_ZH_COUNT = r"(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})"
# 此后七个月里, 此后两年, 三个月后, 两年后: on from the date named before (see `_later`)
_ZH_LATER = [rf"(?:{either(_ZH['after_then'])}){_ZH_COUNT}(?P<unit>年|个月)(?:{either(_ZH['within'])}|{_ZH['later']})?",
             rf"(?<![\d一二三四五六七八九十两多几〇零]){_ZH_COUNT}(?P<unit>年|个月){_ZH['later']}"]
_ZH_DAY = r"(?P<d>\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_ZH_TO = r"(?P<to>截至|截止到?|到)"
_ZH_AS_OF = set(_ZH["as_of"])  # before a month, a stock at its end (到6月 may be a deadline)
_ZH_Q = r"(?P<q>[一二三四1-4])"
_ZH_LEFT = r"(?<![\d年\-—~至到十第])"  # no month goes on from a number, a year or a range
# …but a range's end that names its year is a whole date (`“十四五”以来至今年8月底`, `至2025年8月底`).
_ZH_TO_A_YEAR = rf"(?<=[至到])(?=\d{{4}}年|{_ZH_REL_YEAR})"


def zh_patterns() -> list[tuple[str, Handler]]:
    """(pattern, handler) pairs for Simplified Chinese; a handler returns a DateMention's fields.
    Earlier patterns win where matches overlap."""
    y, mon, day, to, q, part = _ZH_YEAR, _ZH_MONTH, _ZH_DAY, _ZH_TO, _ZH_Q, _ZH_MONTH_PART
    return [
        *_NUMERIC_DAYS,
        (r"(?P<paren>(?<=[(（]))?(?P<y0>\d{4})年?(?:(?P<m0>\d{1,2})月)?(?:-|–|—|~|至|到)(?P<y>\d{4})年"
         r"(?:(?P<m>\d{1,2})月份?|(?!\d)(?P<plan>(?:行动)?(?:规划|计划|纲要|方案))?)", _year_range),
        (rf"{to}?{y}?(?<!\d){mon}月{day}[日号](?!电|讯|消息|报道)",
         lambda r, m: _day(r, _year(r, m), _number(m["m"]), _number(m["d"]))),
        (rf"{y}?(?<!\d)(?P<m0>\d{{1,2}}|十[一二]?|[一二三四五六七八九])(?:月份?)?(?:-|–|—|~|至|到)"
         rf"(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])月份?",
         lambda r, m: _span(r, _year(r, m), _number(m["m0"]), _number(m["m"]))),
        (rf"{y}?(?<![\d一二三四五六七八九十第〇零两])(?:(?P<pair>[一二三四五六七八九]、?[二三四五六七八九十]|十一、?二)"
         r"|(?P<d0>\d{1,2})、(?P<d1>\d{1,2}))月份?", _month_pair),
        (rf"{to}?{y}?第?{q}季度?(?:末|底)", lambda r, m: _quarter_end(r, _year(r, m), CN_QUARTER[m["q"]])),
        (rf"(?:(?P<y>\d{{4}})年?度?|(?P<rel>{_ZH_REL_YEAR}))?的?(?<![A-Za-z])[Qq](?P<q0>[1-4]) ?(?:-|–|—|~|至|到) ?"
         r"[Qq](?P<q>[1-4])(?![\dA-Za-z])", _quarters),
        (rf"{to}?(?:(?:(?P<y>\d{{4}})年?度?|(?P<rel>{_ZH_REL_YEAR}))的?)?"
         r"(?<![A-Za-z])[Qq](?P<q>[1-4])(?![\dA-Za-z])(?P<end>末|底)?",
         lambda r, m: (_quarter_end if m["end"] else _quarter)(r, _year(r, m), int(m["q"]))),
        (r"(?:近|过去的?|過去的?|最近|这|這)(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})(?P<unit>年|个月)"
         r"|(?<![\d一二三四五六七八九十两多几近去])(?P<n2>\d{1,2}|[一二三四五六七八九十两]{1,3})"
         r"(?P<unit2>年|个月)(?=以?来)", _past),
        (rf"{to}?(?P<w>上个?|上一个?|本)季度(?:末|底)",
         lambda r, m: _relative_quarter(r, -1 if m["w"][0] == "上" else 0, end=True)),
        (rf"{to}?{y}?(?P<h>上|下)半年(?:末|底)",
         lambda r, m: _quarter_end(r, _year(r, m), 2 if m["h"] == "上" else 4)),
        (rf"{to}?{y}年?(?:底|末|年底|年末)", lambda r, m: _year_end(r, _year(r, m))),
        (rf"{y}年?初(?![中级步次期始衷])", lambda r, m: _year_start(_year(r, m))),
        (rf"{y}年中(?=[,，、时前]|$)", lambda r, m: _mid_year(_year(r, m))),
        (r"(?<![\d年])年初(?![中级步次期始衷])", lambda r, m: _year_start(r.year)),
        (rf"{y}?第?(?P<q0>[一二三四1-4])(?:季度)?(?:-|–|—|~|至|到|(?P<pair>、))第?{q}季度", _quarters),
        (rf"{y}?(?:前|首|头)(?P<n>[两二三2-3])个?季度?",
         lambda r, m: _span(r, _year(r, m), 1, 3 * _months(m["n"]))),
        (rf"{y}?首季度?", lambda r, m: _quarter(r, _year(r, m), 1)),
        (rf"{y}?(?P<h>上|前|头|下|后)半年",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if m["h"] in "上前头" else (7, 12)))),
        (r"(?P<w>上个?|上一个?|本|下个?|下一个?)季度",
         lambda r, m: _relative_quarter(r, {"上": -1, "本": 0, "下": 1}[m["w"][0]])),
        (rf"{y}?(?:第(?=[一二三四1-4]季)|(?=[一二三四1-4]季度)){q}季度?",
         lambda r, m: _quarter(r, _year(r, m), CN_QUARTER[m["q"]])),
        (rf"{y}?(?:前|头|首)(?P<n>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})个?月份?",
         lambda r, m: _span(r, _year(r, m), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (rf"{y}?(?P<season>春|夏|秋|冬)[季天]", _season),
        (r"(?:(?<![\d一二三四五六七八九十两多几〇零])(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})(?P<unit>年|个月)"
         rf"|(?<![上下前后头首])半(?P<half>年)){_ZH_AGO}", _ago),
        *((pattern, _later) for pattern in _ZH_LATER),
        (rf"(?:{to}|{_ZH_LEFT}|{_ZH_TO_A_YEAR}){y}?(?<!\d){mon}月份?{part}?(?![\d日号])",
         lambda r, m: _month_part(r, _year(r, m), _number(m["m"]), m["part"], as_of=m["to"] in _ZH_AS_OF)),
        (rf"{to}?(?P<w>上个?|上一个?|本|这个|当|下个?|下一个?)月{day}[日号]", _relative_day),
        (rf"{to}?(?P<w>上个?|上一个?|本|这个|当|下个?|下一个?)月{part}?",
         lambda r, m: _relative_month(r, {"上": -1, "下": 1}.get(m["w"][0], 0), m["part"])),
        (rf"(?<![\d一二三四五六七八九十年上本下个当每这{_ZH_MONTH_WORDS}])月{part}",
         lambda r, m: _relative_month(r, 0, m["part"])),
        (r"(?P<y>(?:19|20)\d{2})(?=[、和与及](?:(?:19|20)\d{2}[、和与及])*(?:19|20)\d{2}年)", _year_period),
        (rf"{y}(?:全年)?", _year_period),
        (r"(?<![\d年])(?:年底|年末)", lambda r, m: _year_end(r, r.whole_year)),
        (r"全年(?!目标|计划|任务)", _whole_year),
        (r"(?P<plan>十[一二三四五]五)(?:[”\"」]?(?:规划|时期)?(?:(?:开局|实施)?(?P<since>以来)|(?P<end>期?末))"
         r"|[”\"」]?(?:规划|規劃|时期|時期|期间|期間)?的?(?:前|头|頭)(?P<first>[一二三四两兩1-4])年|期间|规划|时期)?",
         lambda r, m: _plan(r, FIVE_YEAR_PLANS[m["plan"]], m["since"], m["end"], m["first"])),
        (r"(?<![\d月一二三四五六七八九十])(?P<d>[1-3]?\d)日(?!电|讯|消息|报道)",
         lambda r, m: _day_of_month(r, int(m["d"]))),
        (r"(?P<w>大前天|前天|昨天|昨日|明天|明日)",
         lambda r, m: _shifted_day(r, {"大": -3, "前": -2, "昨": -1, "明": 1}[m["w"][0]])),
        (r"(?<![每至到\-~—])(?P<week>上|本|这|下)?(?:周|星期|礼拜)"
         r"(?P<wd>[一二三四五六日天])(?![至到\-~—次])",
         lambda r, m: _weekday(r, m["wd"], m["week"])),
        (either(_ZH["now"]), _now),
        (either(_ZH["then"]), _then),
    ]


# English building blocks.
_EN_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_EN_MON = rf"(?P<mon>{_EN_MONTH_NAMES})\b\.?"
_EN_MON0 = rf"(?P<mon0>{_EN_MONTH_NAMES})\b\.?"
_EN_YEAR = r"(?P<y>(?:19|20)\d{2})(?![\d%])"
_EN_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?\b"
_EN_REL = r"(?P<rel>this|last|next|the previous|the following|the same)"
_EN_OF_YEAR = rf"(?:(?:,? | of ){_EN_YEAR}| (?:of )?{_EN_REL} year| of the year)?"
_EN_QUARTER = rf"(?P<q>{either(sorted(EN_ORDINAL, key=len, reverse=True))})"
# `last quarter` alone is the one before the publication's (上季度), not the fourth.
_EN_ORDINAL_QUARTER = rf"(?P<q>{either(sorted(set(EN_ORDINAL) - {'last'}, key=len, reverse=True))})"
# `this year's first quarter`, `2019's first half`: a year in the possessive before a part of it.
_EN_POSSESSIVE = r"(?:(?:(?P<py>(?:19|20)\d{2})|(?P<prel>this|last|next) year|the year)['’]s )?"
# `the end of`, `end-`, `the close of`.
_EN_END = r"(?:the )?(?:end(?: of|-)|close of) ?"
_EN_COUNTS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_EN_WEEKDAY = "|".join(d.lower() for d in calendar.day_name)


_EN_VERBS = set(_EN["verbs"])  # as months they are capitalised


def _mon(m: dict, name: str = "mon") -> int:
    """The month a name means; a ValueError (no date) for `may` or `march` written as a verb."""
    if m[name] in _EN_VERBS:
        raise ValueError(m[name])
    return MONTHS[m[name].lower().rstrip(".")]


def en_patterns() -> list[tuple[str, Handler]]:
    mon, mon0, yr, day, rel, of_year, q = _EN_MON, _EN_MON0, _EN_YEAR, _EN_DAY, _EN_REL, _EN_OF_YEAR, _EN_QUARTER
    poss, end = _EN_POSSESSIVE, _EN_END
    weekday = rf"(?:(?:{_EN_WEEKDAY}),? )?"  # Wednesday, July 10, 2019 is the day the date names
    plan_opening = (r"(?:(?P<since>since (?:the (?:start|beginning) of )?(?:the )?)|(?P<end>(?:the )?end of (?:the )?)"
                    rf"|(?:the )?first (?P<first>two|three|four|[2-4]) years of (?:the )?)?")
    not_a_figure = r"(?! ?(?:million|billion|thousand|hundred|percent|per cent|%|[.,]\d))"
    return [
        *_NUMERIC_DAYS,
        (rf"(?:the (?:past|last|recent)|past|recent) (?:(?P<n>\d{{1,2}}|{_EN_COUNTS}) (?P<unit>years|months)"
         r"|(?P<decade>decade)|(?P<year>year))\b(?! of)", _past),
        (rf"(?:(?P<n>\d{{1,2}}|{_EN_COUNTS}) (?P<unit>years)|(?P<decade>a decade)|(?P<half>half a year)) ago\b", _ago),
        (r"(?P<n>a|one|two|three|four|five|six|nine|twelve|\d{1,2}) (?P<unit>months?|quarters?) (?:earlier|before|ago)\b",
         lambda r, m: _relative_month(r, -small_count(m["n"]) * (3 if m["unit"].lower().startswith("quarter") else 1), None)),
        (rf"(?P<n>\d{{1,2}}|{_EN_COUNTS}) (?P<unit>years|months|quarters) later\b|(?P<a>a) (?P<unit1>month|quarter) later\b",
         lambda r, m: _later(r, {"n": m["n"] or "1", "unit": m["unit"] or m["unit1"]})),
        (r"(?:from|between) (?P<y0>(?:19|20)\d{2}) (?:to|through|until|till|and) (?P<y>(?:19|20)\d{2})"
         r"(?P<plan> (?:five-year |action )?(?:plan|program|programme))?", _year_range),
        (r"(?P<paren>(?<=\())?(?P<y0>(?:19|20)\d{2}) ?[-–—] ?(?P<y>(?:19|20)?\d{2})(?![\d%])"
         r"(?P<plan> (?:five-year |action )?(?:plan|program|programme))?", _year_range),
        (rf"(?:the )?(?:(?P<n>\d{{1,2}}|{_EN_COUNTS}) months|(?P<unit>quarter|half[- ]year)) "
         rf"(?:to|through|ending(?: in| on)?|ended(?: on)?) {mon}(?: {day})?{of_year}", _months_to),
        (rf"{weekday}{mon} {day},? {yr}", lambda r, m: _day(r, int(m["y"]), _mon(m), int(m["d"]))),
        (rf"{weekday}(?:the )?{day} (?:of )?{mon},? {yr}", lambda r, m: _day(r, int(m["y"]), _mon(m), int(m["d"]))),
        (rf"{weekday}{mon} {day}{not_a_figure}", lambda r, m: _day(r, None, _mon(m), int(m["d"]))),
        (rf"(?:the )?{day} (?:of )?{mon}", lambda r, m: _day(r, None, _mon(m), int(m["d"]))),
        (r"(?:on|by|as of|until|till|since) the (?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?=[,.;]|$)",
         lambda r, m: _day_of_month(r, int(m["d"]))),
        (r"(?:the )?(?:end|close) of (?:the )?(?P<w>last|previous|past|preceding|this|current) quarter(?! of)",
         lambda r, m: _relative_quarter(r, 0 if m["w"].lower() in ("this", "current") else -1, end=True)),
        (rf"{end}(?:the )?(?:{q} quarter|q(?P<qn>[1-4]))(?:(?: of)? (?:{yr}|{rel} year)| of the year)?",
         lambda r, m: _quarter_end(r, _year(r, m), int(m["qn"]) if m["qn"] else EN_ORDINAL[m["q"].lower()])),
        (rf"(?:the )?(?:end|close) of (?:the (?P<h>first|second|latter) half|h(?P<hn>[12]))(?: of (?:{yr}|{rel} year|the year))?",
         lambda r, m: _quarter_end(r, _year(r, m), 2 if (m["h"] or "").lower() == "first" or m["hn"] == "1" else 4)),
        (rf"(?P<part>{end}|late[- ]|early[- ]|mid[- ]?|(?:the )?middle of "
         rf"|(?:the )?(?:beginning|start) of ){mon}{of_year}",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), m["part"])),
        (r"(?:the )?(?:end|close) of (?P<w>this|last|next|the previous|the) month",
         lambda r, m: _relative_month(r, {"last": -1, "the previous": -1, "next": 1}.get(m["w"].lower(), 0), "end")),
        (r"(?P<part>(?:early|late|earlier|later|(?:the )?middle of|(?:the )?(?:beginning|start) of)(?: in)? |mid-|mid )"
         r"(?P<w>this|last|next|the previous) month",
         lambda r, m: _relative_month(r, {"last": -1, "the previous": -1, "next": 1}.get(m["w"].lower(), 0), m["part"])),
        (rf"{end}(?:{yr}|{rel} year|(?P<before_last>the year before last)|(?P<the>the) year)"
         r"|(?:the )?year[- ]end(?: (?P<y2>(?:19|20)\d{2}))?",
         lambda r, m: _year_end(r, r.relative_year(m["before_last"]) if m["before_last"]
                                else _year(r, m, "y2") if m["y"] or m["y2"] or m["rel"] else r.whole_year)),
        (rf"(?:the )?(?:beginning|start) of (?:{yr}|{rel} year|(?P<the>the) year)",
         lambda r, m: _year_start(r.year if m["the"] else _year(r, m))),
        (r"(?:the )?mid-?year|the middle of the year",
         lambda r, m: (f"{r.year}-06", "point", None) if r.year else None),
        (rf"(?:mid[- ]|(?:the )?middle of )(?:{yr}|{rel} year)", lambda r, m: _mid_year(_year(r, m))),
        (rf"(?:early|late|earlier|later)(?:[- ]| in ){yr}|(?:early|late|earlier|later)(?: in)? {rel} year",
         lambda r, m: (str(_year(r, m)), "point", None) if _year(r, m) else None),
        (rf"(?:from |between )?{mon0} ?(?:-|–|—|to|through|thru|until|and) ?{mon}(?: period| quarter)?{of_year}",
         lambda r, m: _span(r, _year(r, m), _mon(m, "mon0"), _mon(m))),
        (rf"(?:the )?(?P<q0>first|second|third) (?:to|through) (?:the )?(?P<q>second|third|fourth) quarters?{of_year}",
         _quarters),
        (rf"(?:the )?(?:{q}) quarter of (?:{yr}|{rel} year|the year)",
         lambda r, m: _quarter(r, _year(r, m), EN_ORDINAL[m["q"].lower()])),
        (rf"{poss}(?:the )?{_EN_ORDINAL_QUARTER}[- ]quarter",
         lambda r, m: _quarter(r, _year(r, m), EN_ORDINAL[m["q"].lower()])),
        (rf"q(?P<q0>[1-4]) ?(?:-|–|—|to|through) ?q(?P<q>[1-4])(?: (?:of )?(?:{yr}|{rel} year))?\b", _quarters),
        (rf"{yr} ?q(?P<qn>[1-4])\b", lambda r, m: _quarter(r, _year(r, m), int(m["qn"]))),
        (rf"q(?P<qn>[1-4])(?: (?:of )?(?:{yr}|{rel} year))?\b", lambda r, m: _quarter(r, _year(r, m), int(m["qn"]))),
        (r"(?:the )?(?P<w>last|previous|past|preceding|this|current|next) quarter",
         lambda r, m: _relative_quarter(r, {"this": 0, "current": 0, "next": 1}.get(m["w"].lower(), -1))),
        (rf"{poss}(?:the )?first (?P<n>two|three|[23]) quarters{of_year}",
         lambda r, m: _span(r, _year(r, m), 1, 3 * _months(m["n"]))),
        (rf"(?:through|thru) {mon}{of_year}", _through),
        (rf"{poss}(?:the )?(?P<h>first|second|latter)[- ]half{of_year}",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if m["h"].lower() == "first" else (7, 12)))),
        (rf"(?<!-)(?P<qn>[1-4])q(?: {yr})?(?![\w-])", lambda r, m: _quarter(r, _year(r, m), int(m["qn"]))),
        (rf"(?:h(?P<hn>[12])|(?<!-)(?P<hn2>[12])h)(?: {yr})?(?![\w-])",
         lambda r, m: _span(r, _year(r, m), *((1, 6) if "1" in (m["hn"], m["hn2"]) else (7, 12)))),
        (rf"{poss}(?:the )?first (?P<n>\d{{1,2}}|{_EN_COUNTS}) months{of_year}",
         lambda r, m: _span(r, _year(r, m), 1, _months(m["n"])) if 2 <= _months(m["n"]) <= 12 else None),
        (rf"(?:{rel} |the )?(?P<season>spring|summer|autumn|winter)(?! festival)(?:(?: of)? {yr})?", _season),
        (rf"(?:{rel} |the )(?P<season>fall)(?: of {yr})?", _season),
        (rf"(?P<prep>as of|as at|by|until|till|through|up to|in|during|for|since|from|throughout) {mon}{of_year}",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), None, as_of=m["prep"].lower() in _EN_AS_OF)),
        (rf"{mon}(?:,? {yr}| (?:of )?{rel} year)",
         lambda r, m: _month_part(r, _year(r, m), _mon(m), None)),
        (rf"(?P<w>last|this|next) {mon}(?! (?:of )?(?:{yr}|{rel} year))", _named_month),
        (r"(?P<w>last|this|next|the previous|the past) month",
         lambda r, m: _relative_month(r, {"this": 0, "next": 1}.get(m["w"].lower(), -1), None)),
        (either(_EN["now"]), _now),
        (either(_EN["then"]), _then),
        (r"throughout the year|the whole year|the full year|for the year", _whole_year),
        (r"(?:(?:(?:for )?the whole of|(?:in |for )?(?:the )?(?:full|whole)[- ]year(?: of)?|in|during|for|of|by|since"
         rf"|as of|as at|until|till|through|throughout|from|before|after|(?:fiscal|calendar)(?: year)?) |fy ?){yr}(?![-–—]\d)(?: as a whole)?",
         _year_period),
        (r"(?:(?<=(?:19|20)\d{2}, )|(?<=(?:19|20)\d{2} and )|(?<=(?:19|20)\d{2}, and ))(?P<y>(?:19|20)\d{2})(?![\d%])",
         _year_period),
        (r"(?P<rel>the year before last|two years ago|this year|(?<!the )last year(?! of)|next year|the previous year"
         r"|the prior year|the preceding year|the year before|a year earlier|a year before|a year ago|the same year|that year"
         r"|the following year|a year later)", _year_period),
        (rf"{plan_opening}(?P<n>1[1-5])th five-year plan(?: period)?",
         lambda r, m: _plan(r, 1955 + 5 * int(m["n"]), m["since"], m["end"], m["first"])),
        (rf"{plan_opening}(?P<w>eleventh|twelfth|thirteenth|fourteenth|fifteenth) five-year plan(?: period)?",
         lambda r, m: _plan(r, 1955 + 5 * EN_PLAN_ORDINALS[m["w"].lower()], m["since"], m["end"], m["first"])),
        (rf"(?:(?P<week>last|this|next) |on )?(?P<wd>{_EN_WEEKDAY})", lambda r, m: _weekday(r, m["wd"], m["week"])),
        (r"(?P<w>the day before yesterday|yesterday|tomorrow)",
         lambda r, m: _shifted_day(r, {"the": -2, "yes": -1, "tom": 1}[m["w"].lower()[:3]])),
    ]


_EN_AS_OF = set(_EN["as_of"])


def small_count(word: str) -> int:
    """A count written in digits, in English words or in Chinese numerals (a, three, 七)."""
    return int(word) if word.isdigit() else 1 if word.lower() == "a" else EN_WORDS.get(word.lower()) or int(cn_value(word))
