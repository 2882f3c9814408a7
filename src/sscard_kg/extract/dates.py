"""Date expressions, resolved against the publication date and the year the text is talking about.

`截至3月底` in an article of 2021-04-26 is 2021-03-31; `1-3月` is the period 2021-01..2021-03;
`去年底` is the end of the year before; `as of the end of 2020` is 2020-12-31. Values are ISO at
their precision: `YYYY-MM-DD` for a day (a stock), `YYYY-MM` for a month, `YYYY` for a year.

The patterns and what each match means are the grammar of dates (dates_grammar); this module finds
their matches in a text, resolves them against the publication date and the years the text names,
and leaves out the words around a date that make it no date of a figure (a comparison base, a
page's stamp) or mark the start of a period or an event. The cue words are data, in the [dates]
sections of cues/zh.toml and cues/en.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .dates_grammar import en_patterns, small_count, zh_patterns
from .dates_literal import literal_patterns
from .dates_resolver import Resolver, month_end, period_end, year_of
from .gazetteer import fold_case
from ..prefilter import compile_fast, needles
from ..resources import cues, either

_ZH, _EN = cues("dates")


class DateMention(NamedTuple):
    """A resolved date expression. `kind` is point (a stock's date), period (a flow), now, since
    (the start of a period or the date of an event, `自2018年以来`, `launched in 2016`) or plan
    (`十三五`, `the 2015-2018 plan`): the last two date no figure, a plan only makes one a target.
    `当时`, `at that time` take the kind and value of the date named before them in the paragraph.
    A span of years back from the publication (`过去四年`) is `span`: since for a figure, but the
    period of its whole years for an average or a total.
    `base` marks the date of a comparison's base that names its own figure (`比去年末的8.84亿人`):
    it dates that figure only."""

    start: int
    end: int
    value: str
    kind: str
    period_start: str | None = None
    explicit_year: bool = False
    target: bool = False
    base: bool = False


_EXPLICIT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:年|(?![\d-]))")
_YEAR_DIGITS = compile_fast(r"(?<!\d)(?:19|20)\d{2}")
_OPENS_A_SPAN = compile_fast(rf"{_ZH['span_opening_year']}|{_EN['span_opening_year']}", re.I)
_SINCE = compile_fast(rf"(^|[,;.]\s*){_EN['since']}\b[^,;]*$", re.I)
_ZH_BASE = re.compile(rf"(?:{either(_ZH['base_before'])})[“\"「]?$")  # 比“十一五”末
_ZH_SAME_PERIOD = re.compile(either(_ZH["same_period_after"]))
_EN_SAME_PERIOD = re.compile(rf"(?:['’]s)?\s+(?:{either(_EN['same_period_after'])})\b", re.I)  # last year same period (word for word)
_EN_BASE = re.compile(rf"\b(?:{either(_EN['base_before'])}){_EN['after_base']} ?$", re.I)
_ZH_STAMP = re.compile(rf"(?:{either(_ZH['stamp_before'])})\s*$")
_EN_STAMP = re.compile(rf"\b(?:{either(_EN['stamp_before'])}){_EN['after_stamp']}\s*:?\s*$", re.I)
_LEADING_WORD = re.compile(rf"(?:{either(_EN['leading'])}) ", re.I)
_CLOCK_AFTER = re.compile(r"\s*\d{1,2}:\d{2}")
_ZH_OPENS = re.compile(rf"的?(?:{either(_ZH['opens_after'])})")
_EN_OPENS = re.compile(rf"\b(?:{either(_EN['opens_before'])}){_EN['after_opening']} ?$", re.I)
# Full-width ASCII (２０１９, ～) to ASCII, the Traditional characters of the date grammar (個月, 以來)
# to Simplified, and a year in Chinese numerals (二〇一九年) to digits: the same length, so that
# offsets stay those of the text.
_TRADITIONAL = _ZH["traditional"]
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({ord(_TRADITIONAL[i]): _TRADITIONAL[i + 1] for i in range(0, len(_TRADITIONAL), 2)})
_FULL_WIDTH_CHARACTER = re.compile(f"[\uff01-\uff5e{_TRADITIONAL[::2]}]")
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# A year of the Republic of China's calendar (民國110年, Taiwan's stamps and reports): 1911 plus it,
# written over the era's name so that the length stays.
_ROC_YEAR = re.compile(r"民[国國]\s?(\d{2,3})(?=\s?年)")
ROC_EPOCH = 1911


def normalise(text: str) -> str:
    """The text with its digits as ASCII and its date words Simplified, character for character
    (NFKC'd Simplified text has none of them left: only a year in Chinese numerals or of the
    Republic's calendar changes)."""
    if _FULL_WIDTH_CHARACTER.search(text):
        text = text.translate(_FULL_WIDTH)
    if "年" not in text:
        return text
    text = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    return _ROC_YEAR.sub(_western_year, text) if "民" in text else text


def _western_year(match: re.Match) -> str:
    """`民國110` as ` 2021`, `民國99` as `2010`: the same length."""
    year = str(ROC_EPOCH + int(match.group(1)))
    return year.rjust(len(match.group(0)))


def _is_base(text: str, start: int, end: int, english: bool) -> bool:
    """`比2019年`, `较上年末`, `compared with the end of last year`, `than in 2018`, `0.1 points
    from July`: the base of a comparison dates the figure compared with, not this one."""
    if english:
        lead = _LEADING_WORD.match(text, start, end)  # `from`, `in` opening the date's own match
        return bool(_EN_BASE.search(text, max(0, start - 40), lead.end() if lead else start))
    return bool(_ZH_BASE.search(text, max(0, start - 4), start))


def _dates_no_figure(text: str, start: int, end: int, value: str, english: bool, base: bool) -> bool:
    """A comparison base (`base`, found by _is_base), a ratio's base, or a page's stamp."""
    return (base or (len(value) == 10 and _is_stamp(text, start, end, english))
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
_FULL_STOP = r"(?<!\b[A-Z])\.(?=\s+[A-Z“\"(]|\s*$)"  # not `U.S. dollars`, `Jan. 5`
_SENTENCE_END = compile_fast(rf"[。！？!?；;\n]|{_FULL_STOP}")
# A semicolon goes on with the statement: `…by the end of last year; a year earlier, …` counts back from it.
_STATEMENT_END = compile_fast(rf"[。！？!?\n]|{_FULL_STOP}")
_ZH_PATTERNS = [(compile_fast(pattern), handler) for pattern, handler in zh_patterns()]
_EN_PATTERNS = [(compile_fast(rf"\b(?:{pattern})", re.I), handler) for pattern, handler in literal_patterns() + en_patterns()]
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
    """A year a span starts from (`自2018年上线以来`, `since 2018`) is no year the text reports on: a
    month after it (`到11月底`) is of the year the text is in, not of that one."""
    limit = year_of(published) or 9999
    opening = [m.span("y") if m.group("y") else m.span("y2") for m in _OPENS_A_SPAN.finditer(text)]
    years = [(m.start(), m.end(), int(m.group(0)), _EXPLICIT_YEAR.match(text, m.start()) is not None)
             for m in _YEAR_DIGITS.finditer(text) if int(m.group(0)) <= limit and m.span() not in opening]
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
        sentence_year = _sentence_year(index, start)
        document_year = max(filter(None, (_latest_year(index, start), title_year)), default=None)
        resolver = Resolver(published, sentence_year, document_year, (_years(index, 0, start) or [title_year])[-1])
        try:
            resolved = handler(resolver, groups)
        except ValueError:  # a month that does not exist (`276月底` read as 76月) is no date
            continue
        if not resolved or not resolved[0]:
            continue
        value, kind, period_start = resolved
        compared = kind != "span" and _is_base(text, start, end, english)  # `5.3% over the past four years`
        base = compared and _names_its_figure(text, end, english)
        if not base and _dates_no_figure(text, start, end, value, english, compared):
            taken.append((start, end))  # nor is a part of it (年底 of 比去年底) a date
            continue
        same = (_EN_SAME_PERIOD if english else _ZH_SAME_PERIOD).match(text, end)
        if same:
            end, kind = same.end(), _SAME_PERIOD
        elif kind not in ("plan", "span") and _opens_period(text, start, end, matched, english):
            kind = "since"
        explicit = bool(groups.get("y")) and not groups.get("y0")  # a span of years is no data date
        target = _is_target(value, published)
        if sentence_year is None and _names_no_year(groups, value):
            value = _year_end_by_tense(value, target, _looks_ahead(text, index, start, end, english),
                                       document_year is None and resolver.pub_year)
            target = _is_target(value, published)
        mentions.append(DateMention(start, end, value, kind, period_start, explicit, target and not base, base))
        taken.append((start, end))
    return _anchored(text, sorted(mentions, key=lambda m: m.start))


# `three months earlier`, `the previous quarter`, 上季度末: counted from the date the sentence named
# before them, not from the publication (`4.05% at the end of the third quarter, 4.04% at the end of
# the previous quarter` is the end of June).
_ANAPHOR = re.compile(either([_EN["anaphor"], _ZH["anaphor"]]), re.I)
_END_CUE = re.compile(either(_EN["end"], _ZH["end"]), re.I)
# `此后七个月里`, `three months later`: counted on from the date the sentence named before.
_AHEAD = re.compile(either([_EN["ahead"], rf"(?P<zn>\d{{1,2}}|[一二三四五六七八九十两]{{1,3}})个(?P<zunit>月)"
                                          rf"(?:{either(_ZH['within'])}|{_ZH['later']})"]), re.I)


_SAME_PERIOD = "same-period"  # a kind find_dates gives 上年同期 until _anchored reads it
# `At the end of June, 1.35 billion …, compared with 1.22 billion a year earlier`: the date the
# sentence named, a year back (the end of June of the year before), as 上年同期 is.
_YEAR_BACK = re.compile(either(_EN["year_back"]), re.I)


def _anchored(text: str, mentions: list[DateMention]) -> list[DateMention]:
    anchored: list[DateMention] = []
    for m in mentions:
        cue = _ANAPHOR.search(text, m.start, m.end)
        ahead = _AHEAD.search(text, m.start, m.end)
        anchor = next((p for p in reversed(anchored) if p.kind in ("point", "period") and not p.base and len(p.value) >= 7
                       and not _STATEMENT_END.search(text, p.end, m.start)), None)
        if m.kind == "then":
            m = _pointed_back(text, m, anchored)
        elif m.kind == _SAME_PERIOD:
            if anchor is None:  # `去年同期增长5%`: the base of a comparison
                continue
            m = _same_period(m, anchor)
        elif anchor is not None and _YEAR_BACK.fullmatch(text, m.start, m.end):
            m = _same_period(m._replace(value=str(int(anchor.value[:4]) - 1)), anchor)
        elif (cue or ahead) is not None and anchor is not None:
            m = _counted(m, anchor, cue or ahead, bool(_END_CUE.search(text, m.start, m.end)), -1 if cue else 1)
        anchored.append(m)
    return anchored


def _pointed_back(text: str, m: DateMention, before: list[DateMention]) -> DateMention:
    """`人社部于2025年9月26日召开发布会。当时，…`, `… launched in April 2018. At that time, …`: the
    date named last before `m` in its paragraph (an event's too), or in the paragraph before when `m`
    opens its own (`同一时间，…`), else the publication's now. Data pointed back at (`同一批数据显示`,
    `the same data show`) are of the date the data were given as of (截至6月底), not of an event
    named after it (继去年11月底突破5亿之后)."""
    named = [p for p in before if p.kind in ("point", "period", "since") and not p.base]
    if named and _DATA_BACK.search(text, m.start, m.end):
        named = [p for p in named if _AS_OF_BEFORE.search(text, max(0, p.start - 8), p.start + 4)] or named
    anchor = named[-1] if named else None
    if anchor is None or not _same_or_next_paragraph(text, anchor.end, m.start):
        return m._replace(kind="now")
    kind = "point" if len(anchor.value) == 10 or anchor.kind == "point" else "period"
    return m._replace(value=anchor.value, kind=kind, period_start=anchor.period_start, target=anchor.target,
                      explicit_year=anchor.explicit_year)


_DATA_BACK = re.compile(either(_ZH["data_back"], _EN["data_back"]), re.I)
_AS_OF_BEFORE = re.compile(rf"(?:{either(_ZH['as_of'])})|\b(?:{either(_EN['as_of'])})\b", re.I)


def _same_or_next_paragraph(text: str, anchor_end: int, start: int) -> bool:
    """Whether a word at `start` pointing back may take a date that ends at `anchor_end`: one in its
    own paragraph, or, when the word opens its paragraph (`同一时间，…`, `At that time, …`), one in
    the paragraph right before."""
    between = text[anchor_end:start]
    if "\n" not in between:
        return True
    head, _, line = between.rpartition("\n")
    return not line.strip() and "\n" not in head.strip()


def _same_period(m: DateMention, anchor: DateMention) -> DateMention:
    """`1-9月…，上年同期为1082万人`: the period (or day) the sentence named, in the year `m` names: the
    year before the period's own when that is a word (上年, last year), not the publication's."""
    shift = int(m.value[:4]) - int(anchor.value[:4]) if m.explicit_year else -1
    start = _year_shifted(anchor.period_start, shift) if anchor.period_start else None
    return m._replace(value=_year_shifted(anchor.value, shift), kind=anchor.kind, period_start=start, target=False)


def _year_shifted(iso: str, shift: int) -> str:
    """`iso` `shift` years later; a month's last day stays its last day (29 February)."""
    year = int(iso[:4]) + shift
    if len(iso) == 10 and iso == period_end(iso[:7]):
        return month_end(year, int(iso[5:7]))
    return f"{year:04d}{iso[4:]}"


def _counted(m: DateMention, anchor: DateMention, cue: re.Match, end: bool, direction: int) -> DateMention:
    """`m` re-read as its months or quarters back (`direction` -1) or on (+1) from `anchor`'s month:
    a target only if the anchor is one."""
    groups = cue.groupdict()
    m = m._replace(target=anchor.target)
    unit = (groups.get("unit") or groups.get("unit2") or ("quarter" if groups.get("zunit") == "季度" else "month")).lower()
    count = direction * (small_count(groups.get("n") or groups.get("zn") or "1"))
    months = int(anchor.value[:4]) * 12 + int(anchor.value[5:7]) - 1
    if unit.startswith("quarter"):
        months = (months // 3 + count) * 3 + 2  # the last month of that quarter
    else:
        months += count
    year, month = months // 12, months % 12 + 1
    if end or len(anchor.value) == 10:
        return m._replace(value=month_end(year, month), kind="point", period_start=None)
    first = f"{year:04d}-{month - 2:02d}" if unit.startswith("quarter") else None
    return m._replace(value=f"{year:04d}-{month:02d}", kind="period", period_start=first)




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
                 if needles is None or any(map(folded.__contains__, needles)) else ()
                 for pattern, handler, needles in (_EN_SEARCHES if english else _ZH_SEARCHES))


_BASE_BEFORE = re.compile(f"({either(_ZH['ratio_base_before'])})$")
_BASE_AFTER = re.compile(_ZH["ratio_base_after"])


def _names_a_base(text: str, start: int, end: int) -> bool:
    """`调整水平为2020年退休人员月人均基本养老金的4.5%`: a date inside the base a ratio is taken
    of dates that base, like `比2019年`, not the ratio."""
    return bool(_BASE_BEFORE.search(text[max(0, start - 3):start]) and _BASE_AFTER.match(text, end))


_ZH_AHEAD = re.compile(either(_ZH["year_end_ahead"]))
_EN_AHEAD = re.compile(rf"\b(?:{either(_EN['year_end_ahead'])})\b", re.I)
_ZH_BASE_FIGURE = re.compile(_ZH["base_figure_after"])
_EN_BASE_FIGURE = re.compile(_EN["base_figure_after"], re.I)


def _names_its_figure(text: str, end: int, english: bool) -> bool:
    """`比去年末的8.84亿人`, `compared with last year's 1.22 billion`: the base's own figure follows."""
    return bool((_EN_BASE_FIGURE if english else _ZH_BASE_FIGURE).match(text, end))


def _names_no_year(groups: dict, value: str) -> bool:
    """A year's end named without its year (`年末`, `at year-end`, `the end of the year`)."""
    return value.endswith("-12-31") and not any(part for name, part in groups.items() if name not in ("the", "to"))


def _year_end_by_tense(value: str, target: bool, ahead: bool, this_year: int | None) -> str:
    """A year's end that names no year: still ahead in a sentence of a level reached (a May
    article's `年末…达到5.4亿人`), the last one past; already past in a sentence that looks ahead
    (a February article's `力争年底…达到`, read as the year in review), this year's (`this_year`,
    when no year of the text says which year it reports on)."""
    if target and not ahead:
        return f"{int(value[:4]) - 1}-12-31"
    if ahead and not target and this_year and int(value[:4]) < this_year:
        return f"{this_year}-12-31"
    return value


def _looks_ahead(text: str, index: _YearIndex, start: int, end: int, english: bool) -> bool:
    """Whether the sentence of `text[start:end]` looks ahead (将, 力争, 到年底, will, expects): a
    year's end with no year it names is then this year's, a target; else a level reached, the
    last one past."""
    ended = bisect_right(index.sentence_ends, start)
    begin = index.sentence_ends[ended - 1] if ended else 0
    stop = index.sentence_ends[ended] if ended < len(index.sentence_ends) else len(text)
    return bool((_EN_AHEAD if english else _ZH_AHEAD).search(text, begin, stop))


def _is_target(value: str, published: str | None) -> bool:
    """A date after the article's (at the shared precision) is a target or forecast."""
    if not published:
        return False
    n = min(len(value), len(published))
    if value[:n] > published[:n]:
        return True
    return False
