"""The date of a figure: the date named nearest before it in its sentence, else after it, else the
last one earlier in its paragraph, else the segment's own date (the publication date, or a related
item's own date); leaving out the dates of events, of bases, of the start of a period, of a target
and of a source. Part of reading measurements: its cues are in the [measurements] sections of
cues/zh.toml and cues/en.toml.
"""

from __future__ import annotations

import re

from .compose import ZH_CLAUSE_BREAK
from .dates import DateMention
from .dates_resolver import period_end
from .numbers import Quantity
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("measurements")
_ZH_DATES, _EN_DATES = cues("dates")
_SAME_PERIOD = re.compile(f"(?:{either(_ZH_DATES['same_period_after'])})$")

# `计划招募3万人` plans; `该计划招募了3万人` (the programme recruited) reports.
TARGET_CUE = compile_fast(either(_ZH["target"], _EN["target"]), re.I)
TARGET_UNIT = f"(?:{either(_ZH['target_units'])})"  # the unit words a target figure is written with
AND = _EN["conjunction"]
CLAUSE_BREAK = compile_fast(rf"{ZH_CLAUSE_BREAK.pattern}|\b{AND}\b")


_SINCE_OPEN = re.compile(f"({either(_ZH['since_open'])})$")
_SINCE_CLOSE = re.compile(f"({either(_ZH['since_close'])})[,，]")


_EVENT = compile_fast(rf"{either(_ZH['event'])}|\b({either(_EN['event'])})\b", re.I)


def _dates_an_event(text: str, span: tuple[int, int], d, q: Quantity) -> bool:
    """`社会保障卡于2000年前后在上海首发，推广二十余年后，持卡人数已有13.7亿多人`: a date whose own
    clause tells of an event (a launch, a first issue) dates the event, not a figure in a later
    clause."""
    start = max((m.end() for m in ZH_CLAUSE_BREAK.finditer(text, span[0], d.start)), default=span[0])
    end = ZH_CLAUSE_BREAK.search(text, d.end, q.start)
    return end is not None and _EVENT.search(text, start, end.start()) is not None


_BASE_OPEN = re.compile(either(_ZH["base_open"], _EN["base_open"]), re.I)
_BASE_CLOSE = re.compile(either(_ZH["base_close"]))


def _in_closed_base(text: str, d, q: Quantity) -> bool:
    """`在去年底首批发卡526万张基础上，累计发卡840万张`: a date inside a base the sentence builds on,
    closed before the figure, dates the base, not the figure."""
    return bool(_BASE_OPEN.search(text[max(0, d.start - 14):d.start]) and _BASE_CLOSE.search(text, d.end, q.start))


def _starts_period_before(text: str, d, q: Quantity) -> bool:
    """`自去年11月底…突破5亿人后,增幅再次破亿`: a date that opens a `自…后` clause closed before
    the figure is where the figure's period starts, not its date."""
    return bool(_SINCE_OPEN.search(text[max(0, d.start - 1):d.start])
                and _SINCE_CLOSE.search(text, d.end, q.start))


_OVER_SPAN = compile_fast(rf"{either(_ZH_DATES['over_span'])}|\b(?:{either(_EN_DATES['over_span'])})\b", re.I)


def _over_the_span(text: str, span: tuple[int, int], d: DateMention, q: Quantity) -> bool:
    """`过去四年城镇调查失业率平均为5.3%`, `averaged 5.3% over the past four years`: an average or a
    total, said in the figure's clause up to it (or to the span after it), is one over the span's
    whole years; any other figure runs from the span's start to the publication."""
    start = max((m.end() for m in CLAUSE_BREAK.finditer(text, span[0], q.start)), default=span[0])
    return _OVER_SPAN.search(text, start, max(q.start, d.start)) is not None


def _dates_its_clause_only(text: str, d, q: Quantity) -> bool:
    """`1-9月…，上年同期为1082万人，同比增长1.4%`: the same period a year back dates the figure of
    its own clause, not a change the next clause reckons against it."""
    return bool(_SAME_PERIOD.search(text, d.start, d.end)) and ZH_CLAUSE_BREAK.search(text, d.end, q.start) is not None


# `完成全年1100万人目标的67%`, `完成全年目标任务的88%`: the date before names the target's period; the
# share is how far the figures dated earlier in the sentence have come.
_TARGET_SHARE = re.compile(rf"\s*(?:[\d.,]+\s*[万亿]?\s*{TARGET_UNIT}?)?\s*{_ZH['target_share']}")


_CUMULATIVE = compile_fast(rf"{either(_ZH['cumulative'])}|\b(?:{either(_EN['cumulative'])})\b", re.I)


def _runs_to_now(text: str, d: DateMention, q: Quantity, earlier: tuple[Quantity, ...]) -> bool:
    """`仅2023年一年，…提供服务151亿人次，累计服务量已超过500亿人次`: after the period's own figure, a
    running total in a clause of its own is not that period's flow; it runs to the publication.
    (`2023年，全国累计发放1亿张` is the year's: no figure of the period comes before it.)"""
    if d.kind != "period":
        return False
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, d.end, q.start)]
    if not breaks or not any(d.end <= o.start and o.end <= breaks[-1] for o in earlier):
        return False
    stops = [m.start() for m in (CLAUSE_BREAK.search(text, q.end), _SENTENCE_STOP.search(text, q.end)) if m]
    return _CUMULATIVE.search(text, breaks[-1], min(stops, default=len(text))) is not None


def _now_of_its_clause(text: str, q: Quantity, in_sentence: list[DateMention], next_figure: int | None):
    """`By the end of last year, 5.27 million …, and 8.4 million have been issued so far`: a now
    said after the figure in its own clause, before any other figure, is the figure's, not the date
    of an earlier clause."""
    return next((d for d in in_sentence if d.kind == "now" and d.start >= q.end
                 and (next_figure is None or d.start < next_figure) and not CLAUSE_BREAK.search(text, q.end, d.start)), None)


# How far after a figure a date joined to it may begin: the figure's noun and verb may come between
# (`the 6.9-percent increase registered in 2015`).
_JOINED_WITHIN = 40


def _right_after(text: str, q: Quantity, dates: list[DateMention]) -> list[DateMention]:
    """The dates that follow the figure, joined to it by a preposition alone (`36% in 2019`)."""
    return [d for d in dates if q.end <= d.start <= q.end + _JOINED_WITHIN
            and re.fullmatch(r"[^\d,，;；.。]*", text[q.end:d.start])
            and (_PREPOSITION_BEFORE.search(text[q.end:d.start]) or _PREPOSITION_BEFORE.search(text[d.start:d.end][:8])
                 or _COUNTED_BACK.search(text, d.start, d.end))]


_ATTACHED = re.compile(rf"\s*(?:%|％|{either(_EN['percent'])})?\s*(?:{either(_EN['attached'])})?\s*", re.I)
# A clause with words of its own between two figures: `225,000 graduates, and the share of … rose
# from 23% in 2012`, not the list `5%, 3% and 2% in 2019`.
_NEW_CLAUSE = compile_fast(rf"[,，;；]\s*(?:{either(_EN['new_clause'])})?[^\d,，;；]*?[A-Za-z]{{3,}}\s+[A-Za-z]{{3,}}|[，,；;][^\d，,；;]*[^\W\d_]{{3}}")


def _sentence_scope(text: str, d: DateMention, span: tuple[int, int], earlier: tuple[Quantity, ...]) -> DateMention | None:
    """The date, if it opens the sentence as its own clause before any figure (`目前，`, `截至2022年底，`,
    `As of June,`): the date of the whole sentence."""
    if any(span[0] <= o.start and o.end <= d.start for o in earlier):
        return None
    first = next((o for o in earlier if o.start >= d.end), None)
    return d if CLAUSE_BREAK.search(text, d.end, first.start if first else len(text)) else None


def _runs_from_a_later_start(text: str, dates: list[DateMention], d: DateMention, q: Quantity) -> bool:
    """`该省去年底首批发放526万张，今年以来又新发313万张，累计已达840万张`: a later clause that opens
    a period running to the publication (今年以来, since January) takes the figures after it from
    the date `d` of an earlier clause (unless `d` opens the whole sentence: `截至2019年末，自2015年以来…`)."""
    since = [s for s in dates if d.end <= s.start and s.end <= q.start and s.kind in ("since", "span")]
    return bool(since) and CLAUSE_BREAK.search(text, d.end, since[-1].start) is not None


def _since_in_its_clause(text: str, q: Quantity, dates: list[DateMention], next_figure: int | None) -> bool:
    """`…, and has issued another 3.13 million since January`: a period opened after the figure in
    its own clause, before any other figure, runs to the publication, whatever an earlier clause
    (not one opening the sentence) was dated."""
    return any(d.kind == "since" and d.start >= q.end and (next_figure is None or d.start < next_figure)
               and not CLAUSE_BREAK.search(text, q.end, d.start) for d in dates)


def _dates_another_clause(text: str, d: DateMention, q: Quantity, earlier: tuple[Quantity, ...]) -> bool:
    """Whether the date belongs to an earlier figure's clause (opening it, or attached to it), a
    clause the figure is not in."""
    return any(((d.end <= o.start and not CLAUSE_BREAK.search(text, d.end, o.start))
                or (o.end <= d.start and _ATTACHED.fullmatch(text, o.end, d.start)))
               and CLAUSE_BREAK.search(text, max(o.end, d.end), q.start) for o in earlier)


def date_for(text: str, q: Quantity, span: tuple[int, int], para: tuple[int, int], dates: list[DateMention],
              next_figure: int | None = None, later: tuple[Quantity, ...] = (), earlier: tuple[Quantity, ...] = ()):
    """Nearest date before the quantity in its sentence, else after it in the sentence but, in
    Chinese, before the next figure (`超过10亿人领取电子社保卡，其中今年新增1.2亿人`: 今年 is the second
    figure's; an English sentence may close with the date of all its figures, unless the date is
    another figure's in a clause of its own), else the last one earlier in the paragraph; None
    means the segment's own date."""
    in_sentence = [d._replace(kind="period") if d.kind == "span" else d for d in dates
                   if span[0] <= d.start < span[1] and d.kind not in ("since", "plan")
                   and (d.kind != "span" or _over_the_span(text, span, d, q))
                   and (not d.base or _BASE_FIGURE_GAP.fullmatch(text, d.end, q.start))]
    respective = _respective(text, q, span, in_sentence, earlier, later)
    if respective is not None:
        return respective, False
    chosen, inferred = _date_for(text, q, span, para, dates, in_sentence, next_figure, later, earlier)
    if chosen is not None and chosen.kind == "now":
        event = _event_day(text, q, span, para, dates, chosen)
        if event is not None:
            return event, False
    return chosen, inferred


def _date_for(text: str, q: Quantity, span: tuple[int, int], para: tuple[int, int], dates: list[DateMention],
              in_sentence: list[DateMention], next_figure: int | None, later: tuple[Quantity, ...],
              earlier: tuple[Quantity, ...]):
    right_after = _right_after(text, q, in_sentence)
    if right_after:
        return right_after[0], False
    before = [d for d in in_sentence if d.end <= q.start and not _starts_period_before(text, d, q)
              and not _TARGET_SHARE.fullmatch(text, d.end, q.start) and not _in_closed_base(text, d, q)
              and not _dates_an_event(text, span, d, q) and not _dates_its_clause_only(text, d, q)]
    closing = _closing_its_comparison(text, q, span, in_sentence)
    if closing is not None:
        return closing, False
    if before and _BASE_FIGURE_GAP.fullmatch(text, before[-1].end, q.start):
        return before[-1], False  # `从2013年末的5.4亿人增长到现在的规模`: the date is the figure's own
    if before:
        opener = _sentence_scope(text, before[0], span, earlier)
        if opener is None and (_runs_from_a_later_start(text, dates, before[-1], q)
                               or _since_in_its_clause(text, q, dates, next_figure)):
            return None, True
        if opener is not None and before[-1] is not opener and _dates_another_clause(text, before[-1], q, earlier) \
                and not _names_an_event(text, opener, span[0]):
            return opener, False  # `目前，…，2021年提供服务112亿人次，各地开通服务1000余项`: 目前 (not `At today's briefing, …`)
        if _runs_to_now(text, before[-1], q, earlier):
            return None, True
        return _now_of_its_clause(text, q, in_sentence, next_figure) or before[-1], False
    if any(span[0] <= d.start and d.end <= q.start and d.kind in ("since", "span") for d in dates):
        return None, True  # `今年以来，新增313万张`: from then to the publication
    after = [d for d in in_sentence if d.start >= q.end and not d.target
             and (next_figure is None or d.start < next_figure and not CLAUSE_BREAK.search(text, q.end, d.start))
             and not TARGET_CUE.search(text[max(q.end, d.start - 6):d.end])
             and not any(_ATTACHED.fullmatch(text, other.end, d.start) and _NEW_CLAUSE.search(text, q.end, other.start)
                         for other in later)
             and not _dates_a_comparison(text, q, d, later)]
    if after:
        return _data_date_after(text, after, span[0]), False
    earlier = [d for d in dates if para[0] <= d.start < span[0] and d.kind not in ("now", "since", "span", "plan")
               and not d.base and not _looks_back(dates, d)]
    if earlier and not _dates_its_source(text, para[0], earlier[-1]):
        return _data_date_of_its_sentence(text, earlier, para[0]), True
    return None, True


def _data_date_after(text: str, after: list[DateMention], begin: int) -> DateMention:
    """`Card holders reached 1.38 billion, the ministry said on Friday, citing data as of the end
    of June`: of the dates after a figure, the day it was told on yields to the date of the data."""
    if len(after) > 1 and _names_an_event(text, after[0], begin):
        return next((d for d in after[1:] if not _names_an_event(text, d, begin)), after[0])
    return after[0]


def _data_date_of_its_sentence(text: str, earlier: list[DateMention], begin: int) -> DateMention:
    """`As of end-January, 1.38 billion …, the vice minister told a briefing on February 29. Of
    those, 970 million …`: of a sentence that gives its figures' date and then the day they were
    told on, the next sentence goes on with the figures' date, not the briefing's."""
    last = earlier[-1]
    if not _names_an_event(text, last, begin):
        return last
    stop = max((m.end() for m in _SENTENCE_STOP.finditer(text, begin, last.start)), default=begin)
    data = [d for d in earlier[:-1] if d.start >= stop and not _names_an_event(text, d, begin)]
    return data[-1] if data else last


# Opens a comparison after a figure (217 million, compared with about 205 million at the end of 2019).
COMPARISON = compile_fast(rf"\b(?:{either(_EN['comparison_opens'])})\b", re.I)


def _closing_its_comparison(text: str, q: Quantity, span: tuple[int, int], in_sentence: list[DateMention]):
    """`At the end of 2022, 238 million …, compared with some 230 million … at the end of 2021`: a
    figure inside a comparison takes the date that closes the comparison, not the sentence's."""
    opened = [m for m in COMPARISON.finditer(text, span[0], q.start) if not _COMMA.search(text, m.end(), q.start)]
    if not opened:
        return None
    return next((d for d in in_sentence if d.start >= q.end and not _COMMA.search(text, q.end, d.start)), None)


_COMMA = re.compile(r"[,，;；]")


def _dates_a_comparison(text: str, q: Quantity, d: DateMention, later: tuple[Quantity, ...]) -> bool:
    """`217 million, …, compared with about 205 million … at the end of 2019`: a date closing a
    comparison that follows the figure, with figures of its own, is the date of those figures."""
    opened = COMPARISON.search(text, q.end, d.start)
    return opened is not None and any(opened.end() <= o.start and o.end <= d.start for o in later)


def _looks_back(dates: list[DateMention], d: DateMention) -> bool:
    """`截至今年3月底，…9.03亿人。…截至去年底，…为8.84亿。李忠表示，…开通率达到52%`: a date counted
    back from the publication (去年底, last year) to a year before one the text has already stated looks
    back from the story's present to compare; once its sentence ends, the story is at its present
    again, and an undated figure is not the past's (it takes the present the paragraph named
    before, if any). A year named outright may open a section of its own (`2014年末，…。参加失业保险人数
    为…`). The present is a period's end, as statistics are dated."""
    return not d.explicit_year and any(o.end <= d.start and not (o.target or o.base) and o.kind in ("point", "period")
                                       and o.value[:4] > d.value[:4] and _ends_a_period(o.value) for o in dates)


def _ends_a_period(iso: str) -> bool:
    """A year, a month or a month's last day, as the figures of statistics are dated; a day within
    a month (`昨日`, `26日舉行記者會`) is an event's, the day the story is told, not its present."""
    return period_end(iso) == period_end(iso[:7])


# `4.04 percent three months earlier`: a date counted back needs no preposition.
_COUNTED_BACK = re.compile(rf"\b(?:{either(_EN['counted_back'])})$", re.I)
# `4.05 percent in the second quarter`: the preposition may open the date's span or precede it.
_PREPOSITION = rf"\b(?:{either(_EN['prepositions'])})"
_PREPOSITION_BEFORE = re.compile(rf"{_PREPOSITION}\s*$|^{_PREPOSITION}\b", re.I)
_ATTRIBUTION = compile_fast(rf"\b{_EN['attribution']}\b[^,;.]*$|(?:{either(_ZH['attribution'])})[^,，;；。]*$", re.I)
_SENTENCE_STOP = compile_fast(r"[。！？!?；;\n]|\.(?=\s|$)")


def _dates_its_source(text: str, limit: int, d) -> bool:
    """`…, according to official data from the end of July.`: a date inside the attribution
    that closes its sentence dates where that sentence's figures come from; the next sentence is
    a new statement, not one from the same source."""
    if not _ATTRIBUTION.search(text[max(limit, d.start - 80):d.start]):
        return False
    stop = _SENTENCE_STOP.search(text, d.start)
    return stop is None or not re.search(r"\w", text[d.end:stop.start()])


# `比去年末的8.84亿人`, `比去年末（8.84亿人）`, `与2012年仅有3.41亿人持卡相比`, `compared with 2012, when only 341
# million`: between a base's date and the base's own figure.
_BASE_FIGURE_GAP = re.compile(r"(?:的|\s*[（(])?\s*(?:仅有|只有|仅|只|已有)?\s*(?:约|近|超过|超|逾|about |nearly |some |around )?\s*"
                              r"|['’]s\s+(?:about |nearly |some |around )?"
                              r"|,?\s*when (?:only |just )?(?:about |nearly |some |around )?", re.I)
_RESPECTIVELY = compile_fast(rf"{either(_ZH_DATES['respectively'])}|\b(?:{either(_EN_DATES['respectively'])})\b", re.I)
# What joins the items of a list of dates: 、 和 及 in Chinese, where a comma ends a clause
# (`截至2023年底，2021年、2022年分别…`); commas and `and` in English.
_ZH_LIST_GAP = re.compile(r"\s*(?:、|和|与|及|以及|或)?\s*")
_EN_LIST_GAP = re.compile(r"\s*,?\s*(?:and |or )?\s*", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FIGURE_GAP = re.compile(r"\s*(?:[人元张次户个万]{0,2})\s*(?:[、,，]|和|与|及|以及)?\s*(?:and )?\s*", re.I)


def _runs(items: list, text: str, gap: re.Pattern) -> list[list]:
    """`items` (in text order, each with start and end) cut into runs joined only by `gap`."""
    runs: list[list] = []
    for item in items:
        if runs and gap.fullmatch(text, runs[-1][-1].end, item.start):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _respective(text: str, q: Quantity, span: tuple[int, int], in_sentence: list[DateMention],
                earlier: tuple[Quantity, ...], later: tuple[Quantity, ...]) -> DateMention | None:
    """`2021年、2022年、2023年分别达到5亿、7亿和9亿`, `reached 500 million, 700 million and 900 million
    in 2021, 2022 and 2023 respectively`: a list of values given `respectively` to a list of as many
    dates takes them in order."""
    if not _RESPECTIVELY.search(text, span[0], span[1]):
        return None
    figures = next(run for run in _runs([*earlier, q, *later], text, _FIGURE_GAP) if q in run)
    if len(figures) < 2:
        return None
    gap = _ZH_LIST_GAP if _CJK.search(text, span[0], span[1]) else _EN_LIST_GAP
    lists = [run for run in _runs(sorted(in_sentence, key=lambda d: d.start), text, gap) if len(run) == len(figures)]
    return lists[0][figures.index(q)] if len(lists) == 1 else None


_EVENT_DAY = compile_fast(rf"{either(_ZH_DATES['event_day'])}|\b(?:{either(_EN_DATES['event_day'])})\b", re.I)
_EVENT_BACK = compile_fast(rf"{either(_ZH_DATES['event_back'])}|\b(?:{either(_EN_DATES['event_back'])})\b", re.I)
_CLAUSE_STOP = compile_fast(r"[，,；;。！？!?\n]")


def _event_day(text: str, q: Quantity, span: tuple[int, int], para: tuple[int, int], dates: list[DateMention],
               now: DateMention) -> DateMention | None:
    """`在9月26日举行的新闻发布会上，…目前…`, `At a press conference on Sept 26, … currently …`: a
    figure of `now` said at an event on a day the text gives is that day's, in a later article too.
    The day is in the figure's sentence, or earlier in its paragraph when the sentence points back
    to the event (会上, at the briefing)."""
    back = _EVENT_BACK.search(text, span[0], q.start)
    begin = para[0] if back else span[0]
    days = [d for d in dates if begin <= d.start and d.end <= now.start and d.kind == "point" and len(d.value) == 10
            and not d.base and d.value <= now.value and _names_an_event(text, d, begin)]
    return days[-1] if days else None


def _names_an_event(text: str, d: DateMention, begin: int) -> bool:
    """Whether the day's clause tells of a conference, a release or a statement; a day that is a
    clause of its own (`9月26日，人社部召开新闻发布会`) opens the next one."""
    start = max((m.end() for m in _CLAUSE_STOP.finditer(text, begin, d.start)), default=begin)
    stop = _CLAUSE_STOP.search(text, d.end)
    if stop is not None and not text[d.end:stop.start()].strip():
        stop = _CLAUSE_STOP.search(text, stop.end())
    return _EVENT_DAY.search(text, start, stop.start() if stop else len(text)) is not None
