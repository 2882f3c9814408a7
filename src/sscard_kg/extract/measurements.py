"""Quantities, dates, places and people combined into Measurements, one sentence at a time.

For each quantity: the metric named nearest before it in its clause (or right after it), with
分别/respectively lists spread over their items (figure_lists); its date (figure_dates) and its region
(figure_places); the official speaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from .compose import clause, compose, counts_places, fits_count, names_a_part, names_a_share
from .dates import DateMention
from .dates_grammar import period_end
from .entities import Found
from .figure_dates import AND, CLAUSE_BREAK, TARGET_CUE, TARGET_UNIT, date_for
from .figure_lists import (compared_in_turn, elliptical, groups, items_in_turn, list_metrics, listed_after, measures_in_turn,
                           subjects_in_turn, with_the_lists_noun)
from .figure_places import NATIONAL, region_for, split_places
from .gazetteer import Gazetteer, Metric
from .headings import restated_below, reviewed_year, table_heading, table_row
from .numbers import Quantity
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("measurements")

COMPATIBLE_UNITS = {
    "person": {"person", "card", None},
    "card": {"card", "person", None},
    "percent": {"percent", None},
    "yuan": {"yuan", None},
    "person-time": {"person-time", None, "count"},
    "count": {"count", None},
}
_CHANGE_BEFORE = re.compile(
    rf"({either(_ZH['change'])})了?({either(_ZH['change_again'])})?({either(_ZH['change_about'])})?$"
    rf"|\b(an? )?({either(_EN['change'])})( of| by)?\s*$"
    rf"|\b({either(_EN['changed_by'])})( by)?\s*$", re.I)
# A figure that names a target right after it (全年1100万人目标, 1000万人的目标任务, a 12 million target).
_TARGET_AFTER = re.compile(rf"\s*{TARGET_UNIT}?{_ZH['target_after']}|{_EN['target_after']}", re.I)


class Draft(NamedTuple):
    """A measurement before evidence offsets are mapped back to the original text."""

    quantity: Quantity
    metric: Metric | None
    unit: str
    kind: str
    as_of: str | None
    period_start: str | None
    date_inferred: bool
    region: str | None
    official: str | None
    sentence: tuple[int, int]
    subject: str
    modifies: "Draft | None" = None
    undated: bool = False  # no date expression reached it: its date is its segment's own


_ZH_SENTENCE_STOP = re.compile(r"[。！？!?；;\n]+")
_EN_SENTENCE_STOP = re.compile(r"[。！？!?；;\n]+|(?<=[a-z0-9%)\"”’])\.[\"”’]?(?=\s+[A-Z“\"(]|\s*$)"
                               r"|(?:(?<=[a-z]{5})|(?<=[0-9%)\"”’]))\.(?=\s+\d)")


@lru_cache(maxsize=256)
def sentences(text: str, start: int, end: int, english: bool) -> tuple[tuple[int, int], ...]:
    """Sentence spans within [start, end): split at 。！？；, line breaks and English full stops
    (before a figure too, `…in rural areas. 13.4 million people…`, unless an abbreviation such as
    `Dec.` or `No.` ends in the stop). Cached for the readings of an article with no year."""
    splitter = _EN_SENTENCE_STOP if english else _ZH_SENTENCE_STOP
    spans, pos = [], start
    for match in splitter.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.end()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return tuple((a, b) for a, b in spans if text[a:b].strip())


def paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, pos = [], start
    for match in re.finditer(r"\n", text[start:end]):
        spans.append((pos, start + match.start()))
        pos = start + match.end()
    spans.append((pos, end))
    return spans


def _unit_fits(metric: Metric, unit: str | None) -> bool:
    return metric.default_unit is None or unit in COMPATIBLE_UNITS.get(metric.default_unit, {None})


def sentence_metrics(gaz: Gazetteer, sentence: str) -> list[Metric]:
    """The metrics a sentence can name: those whose required words (if any) it holds."""
    return [m for m in gaz.metrics if m.requires is None or m.requires.search(sentence)]


def choose_metric(metrics: list[Metric], text: str, window: tuple[int, int], q: Quantity,
                  english: bool, follows_figure: bool = False) -> tuple[Metric | None, str]:
    """The metric named nearest before the quantity (latest end, then longest), or right after it.

    In English a noun right after the previous figure names that figure (`12.44 million new
    jobs in…, 1.379 billion people…`), so it is not taken for this one."""
    before = text[window[0]:q.start]
    subject = before.lower() if english else before
    after = text[q.end:q.end + 60]
    after = after.lower() if english else after
    best: tuple[int, int, Metric, str] | None = None
    for metric in metrics:
        if not _unit_fits(metric, q.unit):
            continue
        for pattern in metric.after:
            match = pattern.match(after)
            if match:
                candidate = (len(before) + 1000, metric.default_unit == q.unit, len(match.group(0)), metric, match.group(0))
                if best is None or candidate[:3] > best[:3]:
                    best = candidate
        for pattern in metric.phrases:
            for match in pattern.finditer(subject):
                if english and (match.group(0).strip() == "" or (follows_figure and match.start() <= 1)):
                    continue
                if metric.not_after is not None and metric.not_after.search(subject, 0, match.start()):
                    continue
                candidate = (match.end(), metric.default_unit == q.unit, len(match.group(0)), metric, match.group(0))
                if best is None or candidate[:3] > best[:3]:
                    best = candidate
    if best is None:
        return None, ""
    gap = re.sub(r"[\d\-—至~]+(年|月|日|季度)", "", before[best[0]:]) if best[0] <= len(before) else ""
    if best[0] <= len(before) and re.search(r"\d|%", gap):
        return None, ""
    return best[3], best[4]


_RESTATEMENT = re.compile(rf"^[\s,，、;；]*(?:{AND} )?[^\d%]{{0,60}}$", re.I)
_PERCENT_OPENING = re.compile(rf"^\s*(%|{either(_EN['percent_written'])})")


def _link_changes(text: str, drafts: list[Draft]) -> list[Draft]:
    """A change modifies the level stated before it in the sentence: the k-th of a list of
    changes the k-th of the list of levels before it, else the last level of its metric, else
    the level right before it (`总收入1.37万亿元,同比增长22%`)."""
    by_quantity = {d.quantity: d for d in drafts}
    grouped = groups(text, [d.quantity for d in drafts])
    for previous, current in zip(grouped, grouped[1:]):
        if len(previous) == len(current) > 1 and all(by_quantity[q].kind == "level" for q in previous) \
                and all(by_quantity[q].kind == "change" for q in current):
            for level, change in zip(previous, current):
                by_quantity[change] = by_quantity[change]._replace(modifies=by_quantity[level])
    linked: list[Draft] = []
    for draft in (by_quantity[d.quantity] for d in drafts):
        if draft.kind == "change" and draft.modifies is None:
            levels = [d for d in linked if d.kind == "level" and d.metric is draft.metric]
            if levels:
                draft = draft._replace(modifies=levels[-1])
            elif linked and linked[-1].kind == "level" and _CHANGE_BEFORE.search(
                    text[linked[-1].quantity.end:draft.quantity.start]):
                draft = _change_of(draft, linked[-1])
        linked.append(draft)
    return linked


def _change_of(change: Draft, level: Draft) -> Draft:
    """A change linked to the level right before it; with no metric of its own and no unit, the
    level's unit or a percentage (`发行突破5亿人后,增幅再次破亿`, `失业率为5.3%,比2月份下降0.3个百分点`,
    `持卡人数达到5200万人,同比增长2.4%`), it is a change of what that level counts."""
    if change.metric is None and change.quantity.unit in (None, level.unit, "percent"):
        return change._replace(modifies=level, metric=level.metric, unit=change.quantity.unit or level.unit)
    return change._replace(modifies=level)


_BREAK_BETWEEN = re.compile(rf"[,，;；:：。！？!?\n]|\b{AND}\b")


def _scopes(text: str, previous: Draft, q: Quantity, named: bool) -> bool:
    """An unnamed count in the same clause as the next figure says whose figure it is and is not
    a figure itself when that figure is a named rate of the counted units (`31个大城市城镇调查
    失业率为5.0%`), or when the count is one, the base of a ratio (`1个求职者对应1.22个岗位`). A
    count beside a named total (`85 cities issue cards to 60 million people`) stays a figure."""
    p = previous.quantity
    if previous.metric is not None or previous.unit != "count" or p.end > q.start:
        return False
    if _BREAK_BETWEEN.search(text[p.end:q.start]):
        return False
    return (named and q.unit == "percent") or p.value == 1


_STATISTIC_AFTER = re.compile(rf"^[^,，;；:：。！？!?\n]{{0,30}}?({either(_ZH['statistic'])}"
                              rf"|({either(_ZH['statistic_ratio'])})({either(_ZH['statistic_mean'])})?({either(_ZH['statistic_is'])}))")
_STATISTIC_BEFORE = compile_fast(rf"\b({either(_EN['statistic'])})\w* ({either(_EN['statistic_of'])})"
                                 rf"( the)?( ({either(_EN['statistic_about'])}))?\s*$", re.I)


def _sizes_a_statistic(text: str, draft: Draft) -> bool:
    """`对全国2000个行政村的监测显示`, `100个城市…求人倍率为1.22`, `a survey of 2,000 households`:
    an unnamed count of the units a survey, statistic or rate was taken over is the size of the
    source, not a figure."""
    q = draft.quantity
    if draft.metric is not None or draft.kind != "level" or draft.unit not in ("count", "person"):
        return False
    return bool(_STATISTIC_AFTER.search(text[q.end:q.end + 40])
                or _STATISTIC_BEFORE.search(text[max(0, q.start - 60):q.start]))


_FIGURE_ANAPHOR = compile_fast(rf"{either(_ZH['figure_anaphor'])}|\b(?:{either(_EN['figure_anaphor'])})\b", re.I)


def _restates(text: str, window: tuple[int, int], english: bool) -> bool:
    """A short bridge between two figures (`，已接近`, `, and the average for the whole year was`)
    names no new thing: the second figure has the first one's metric; so does a figure pointed
    back at (`而在2014年6月底，这个数字还只有6.02亿`)."""
    bridge = _PERCENT_OPENING.sub("", text[window[0]:window[1]])
    if _FIGURE_ANAPHOR.search(bridge):
        return True
    if english:
        return bool(_RESTATEMENT.match(bridge)) and len(bridge.split()) <= 9
    return len(re.findall(r"[\u4e00-\u9fff]", bridge)) <= 8 and not re.search(r"\d", bridge)


def _official_for(q: Quantity, span: tuple[int, int], para: tuple[int, int], people: list[Found]) -> str | None:
    speakers = [p for p in people if p.role and para[0] <= p.start < q.start]
    if speakers:
        return speakers[-1].key
    after = [p for p in people if p.role and q.end <= p.start < span[1]]
    return after[0].key if after else None


def draft_measurements(gaz: Gazetteer, text: str, segment: tuple[int, int], english: bool,
                       quantities: list[Quantity], dates: list[DateMention], places: list[Found],
                       people: list[Found], segment_date: str | None, home: str | None = None,
                       agencies: list[Found] = ()) -> list[Draft]:
    """Measurements of one segment (the main text, the title, or a related item)."""
    about, hosts = split_places(text, places, agencies, english)
    context = _Context(gaz, text, english, dates, about, hosts, people, segment_date, home)
    drafts: list[Draft] = []
    table_date = None  # the date a table's heading names, while its rows go on
    spans = paragraphs(text, *segment)
    for para, following in zip(spans, [*spans[1:], None]):
        year = reviewed_year(text, para, quantities, dates, segment_date)
        if year is not None:
            context = replace(context, segment_date=year)
        if not text[para[0]:para[1]].strip():
            continue  # a blank line parts no lead-in from its rows (headings.table_heading)
        table_date = table_date if table_date and table_row(text, para, quantities) \
            else table_heading(text, para, quantities, dates)
        read_as = replace(context, segment_date=table_date) if table_date else context
        carried: tuple[Metric, ...] = ()
        restated = restated_below(text, para, following, quantities)
        for span in sentences(text, *para, english):
            inside = [q for q in quantities if span[0] <= q.start < span[1] and q not in restated]
            if inside:  # a sentence with no figure gives none
                found = _link_changes(text, _sentence_drafts(read_as, span, para, inside, carried))
                drafts += found
                carried = tuple(d.metric for d in found if d.metric)
    return drafts


@dataclass(frozen=True)
class _Context:
    """What every sentence of a segment is read against."""

    gaz: Gazetteer
    text: str
    english: bool
    dates: list[DateMention]
    places: list[Found]
    hosts: list[Found]
    people: list[Found]
    segment_date: str | None
    home: str | None


def _sentence_drafts(c: _Context, span: tuple[int, int], para: tuple[int, int],
                     inside: list[Quantity], carried: tuple[Metric, ...] = ()) -> list[Draft]:
    """The drafts of one sentence; `carried` holds the metrics of the previous sentence's figures,
    which a bare clause (`；6月底突破2亿张`) continues."""
    text = c.text
    dated = tuple((d.start, d.end) for d in c.dates if d.start < span[1] and d.end > span[0])
    chosen = _sentence_metrics(_Sentence(c.gaz, text, c.english, dated), span, para, tuple(inside), carried)
    drafts: list[Draft] = []
    for q, metric, subject, change, decrease in chosen:
        if drafts and _scopes(text, drafts[-1], q, bool(subject)):
            drafts.pop()
        draft = _draft(c, q, metric, subject, span, para, change, decrease,
                       tuple(other for other in inside if other.start > q.end),
                       tuple(other for other in inside if other.end < q.start))
        if draft.region is None and c.home and not _said_nationally(text, para, q, span):
            draft = draft._replace(region=c.home)
        if not _sizes_a_statistic(text, draft):
            drafts.append(draft)
    return drafts


class _Sentence(NamedTuple):
    """What the metrics of a sentence's figures are chosen by: its text, and where its dates
    stand (`dated`, their spans), not what they resolve to."""

    gaz: Gazetteer
    text: str
    english: bool
    dated: tuple[tuple[int, int], ...]


@lru_cache(maxsize=256)
def _sentence_metrics(s: _Sentence, span: tuple[int, int], para: tuple[int, int], inside: tuple[Quantity, ...],
                      carried: tuple[Metric, ...]) -> tuple[tuple[Quantity, Metric | None, str, bool, bool], ...]:
    """Each figure of the sentence with its metric, the phrase that named it, and whether it is a
    change and a decrease. None of it depends on the publication date: cached, as an article with
    no year is read as published in each year that may be its own."""
    text = s.text
    sentence = text[span[0]:span[1]]
    sentence_key = sentence.lower() if s.english else sentence
    elided = elliptical(text, inside)
    inside = tuple(q._replace(unit=elided[q].unit) if q in elided else q for q in inside)
    listed: dict[Quantity, Metric] = {}
    if len(inside) > 1:  # `A、B、C参保人数(分别)为x、y、z`, with or without 分别 / respectively
        for group in groups(text, inside):
            previous = max([q.end for q in inside if q.end <= group[0].start], default=span[0])
            metrics = (list_metrics(s.gaz, text, (previous, span[0]), group, span[1])
                       or listed_after(s.gaz, text, group, span[1])) if len(group) > 1 else None
            if metrics:
                listed.update(zip(group, metrics))
    changes = _changes(text, span, inside)
    chosen = []
    previous_end, previous_metric = span[0], None
    metrics = sentence_metrics(s.gaz, sentence_key)
    for q in inside:
        window = (previous_end, q.start)
        metric, subject = (listed[q], "") if q in listed else choose_metric(
            metrics, text, window, q, s.english, follows_figure=previous_end > span[0])
        own = clause(text, span, q, s.english)
        if q not in listed and (names_a_part(s.gaz, text, span[0], own, q, s.english) or names_a_share(text, q)):
            metric = None
        elif q not in listed:
            metric = _with_composition(s, q, span, para, own, metric, previous_metric) or _inherited(
                s, q, window, span, para, own, previous_metric or (_last_fitting(carried, q) if previous_end == span[0] else None))
        previous_end, previous_metric = q.end, metric
        change = q in changes and not _names_the_rise(text, subject, q, own)
        if change and subject and _CHANGE_BEFORE.search(subject):
            metric = None  # `urban employment rose by 2.59 million to 470 million`: all the employed, no new jobs
        chosen.append((q, metric, subject, change, changes.get(q, False)))
    return _in_turn(s, span, with_the_lists_noun(chosen, elided))


def _in_turn(s: _Sentence, span: tuple[int, int], chosen: tuple[tuple, ...]) -> tuple[tuple, ...]:
    """Each list's figures with the items, the measures or the subjects the list names in turn
    (figure_lists.items_in_turn, measures_in_turn, subjects_in_turn)."""
    if len(chosen) < 2:
        return chosen
    turned = {}
    for group in groups(s.text, [c[0] for c in chosen]):
        rows = [c for c in chosen if c[0] in group]
        by_item = items_in_turn(s.gaz, s.text, span, group, [c[1] for c in rows])
        by_measure = measures_in_turn(s.gaz, s.text, span, group, by_item)
        by_subject = subjects_in_turn(s.gaz, s.text, span, group, by_measure, s.english)
        before = [(c[0], turned.get(c[0], c[1])) for c in chosen if c[0].end <= group[0].start]
        turned.update(zip(group, compared_in_turn(s.text, span, group, by_subject, before)))
    return tuple((q, turned.get(q, metric), *rest) for q, metric, *rest in chosen)


def _changes(text: str, span: tuple[int, int], inside: tuple[Quantity, ...]) -> dict[Quantity, bool]:
    """The changes of the sentence, each with whether it is a decrease: a list after a change word
    is a list of changes (增加300万人、200万人); a figure followed by its base is one (1.066 billion,
    12.44 million more than at the end of 2022)."""
    changes = {}
    for group in groups(text, list(inside)):
        whole = _is_change(text, span, group[0])
        for q in group:
            if whole or _CHANGE_AFTER.match(text, q.end):
                changes[q] = _is_decrease(text, span, group[0] if whole else q)
    return changes


_BASE_AFTER = compile_fast(_EN["base_after"], re.I)


def _names_the_rise(text: str, phrase: str, q: Quantity, own: tuple[int, int]) -> bool:
    """`Urban employment rose by 12.44 million in 2023`: where the phrase that names the metric is
    itself a rise (a translation of 城镇新增就业, the year's new jobs), the figure is that metric's
    level, unless its clause gives the base it rose from or the level it rose to (year-on-year,
    than in 2022, to 470 million)."""
    return bool(phrase) and _CHANGE_BEFORE.search(phrase) is not None and not _BASE_AFTER.search(text, q.end, own[1])


def _with_composition(s: _Sentence, q: Quantity, span: tuple[int, int], para: tuple[int, int],
                      own: tuple[int, int], metric: Metric | None, previous: Metric | None = None) -> Metric | None:
    """The phrase's metric, else the composed one. A subject named in the figure's own clause
    overrides a phrase's metric of another subject (第三代社保卡累计持卡人数: not all card holders;
    the unemployment insurance fund's balance: not the three funds'), as does the noun right after
    the figure (`95 functions are available to holders`: functions, not holders)."""
    if metric is not None and not fits_count(metric, s.text, q):
        metric = None
    composed = compose(s.gaz, s.text, q, own, span, para[0], s.english)
    if composed is None:
        return metric
    composed = _continuing(s.gaz, composed, previous, q)
    if metric is None or (composed.adjacent and composed.metric is not None):
        return composed.metric
    if composed.place == "clause" and metric.subjects and composed.subject not in metric.subjects:
        return composed.metric
    return metric


def _continuing(gaz: Gazetteer, composed, previous: Metric | None, q: Quantity):
    """`…电子社保卡…达到10亿，而…实体社保卡，截至3月末已有13.8亿人持有，覆盖了98%的人口`: a clause that
    names no subject goes on about the subject of the figure before it in the sentence, not the
    sentence's first one: its measure of that subject."""
    if composed.place != "sentence" or composed.metric is None or previous is None \
            or not previous.subjects or composed.subject in previous.subjects:
        return composed
    same = next((m for m in gaz.metrics if previous.subjects & m.subjects and composed.metric.measures & m.measures
                 and (q.unit is None or q.unit in m.units)), None)
    return composed._replace(metric=same, subject=next(iter(sorted(previous.subjects)))) if same else composed


def _last_fitting(carried: tuple[Metric, ...], q: Quantity) -> Metric | None:
    """Of the previous sentence's metrics, the last one the figure's unit and size fit (`…12.5亿人，覆盖89.6%的
    人口。去年年底，这个数字是12亿多`: the holders, not the coverage), else the last."""
    return next((m for m in reversed(carried) if _unit_fits(m, q.unit) and m.holds(q.value)), carried[-1] if carried else None)


def _inherited(s: _Sentence, q: Quantity, window: tuple[int, int], span: tuple[int, int], para: tuple[int, int],
               own: tuple[int, int], previous: Metric | None) -> Metric | None:
    """The metric of the figure before, for a restatement (`，已接近`) or the next of a series
    (`2019年达1亿，2020年达3亿`; `；6月底突破2亿张`)."""
    if previous is None:
        return _opens_series(s, q, span, para, own)
    if not _unit_fits(previous, q.unit) or _names_another_subject(s, q, span, para, own, previous):
        return None
    if _restates(s.text, window, s.english) or _continues_series(s, own[0], q):
        return previous
    return None


def _names_another_subject(s: _Sentence, q: Quantity, span: tuple[int, int], para: tuple[int, int],
                           own: tuple[int, int], previous: Metric) -> bool:
    """`The e-card has 960 million users. The medical insurance e-voucher has 1 billion users.`: a
    clause that names a subject of its own goes on no series of another subject, nor one that
    says it counts what no metric counts (`领用人数10亿人，月活跃用户超过1亿`)."""
    composed = compose(s.gaz, s.text, q, own, span, para[0], s.english)
    return composed is not None and (composed.unpaired or composed.place == "clause" and bool(previous.subjects)
                                     and composed.subject not in previous.subjects)


def _opens_series(s: _Sentence, q: Quantity, span: tuple[int, int], para: tuple[int, int],
                  own: tuple[int, int]) -> Metric | None:
    """`电子社保卡领用人数快速增长。2019年达1亿`: a bare clause after a sentence that names a subject
    and a measure but no figure states the first figure of that measure."""
    if not _continues_series(s, own[0], q):
        return None
    composed = compose(s.gaz, s.text, q, own, span, para[0], s.english, measures_from=para[0])
    return composed.metric if composed is not None else None


def _continues_series(s: _Sentence, start: int, q: Quantity) -> bool:
    """Whether the clause before the figure, its dates set aside, holds only series words."""
    if s.gaz.series_bridge is None or start >= q.start:
        return False
    chars = list(s.text[start:q.start])
    for a, b in s.dated:
        if a < q.start and b > start:
            chars[max(0, a - start):b - start] = " " * (min(b, q.start) - max(a, start))
    rest = s.gaz.series_bridge.sub(" ", "".join(chars))
    return not re.search(r"[^\W\d_]", rest)


_GROWTH = compile_fast(rf"{either(_ZH['growth'])}|{_EN['growth']}", re.I)
_DECREASE = compile_fast(rf"{either(_ZH['decrease'])}|\b({either(_EN['decrease'])})", re.I)


# `0.1 percentage points lower than in August`: English may say the direction after the figure
_DECREASE_AFTER = re.compile(rf"\s*({either(_EN['decrease_units'])})?\s*({either(_EN['decrease_after'])})\b", re.I)


def _is_decrease(text: str, span: tuple[int, int], q: Quantity) -> bool:
    return bool(_DECREASE.search(text[max(span[0], q.start - 14):q.start]) or _DECREASE_AFTER.match(text, q.end))


_CHANGE_AFTER = re.compile(rf"\s*({either(_EN['decrease_units'])})?\s*({either(_EN['change_after'])})", re.I)


def _is_change(text: str, span: tuple[int, int], q: Quantity) -> bool:
    return q.percent_points or bool(_CHANGE_BEFORE.search(text[max(span[0], q.start - 14):q.start]))


def _said_nationally(text: str, para: tuple[int, int], q: Quantity, span: tuple[int, int]) -> bool:
    """全国 / Nationwide, anywhere before the figure's clause ends in its paragraph."""
    return NATIONAL.search(text[para[0]:_clause_end(text, q.end, span[1])]) is not None


_CLAUSE_END = re.compile(r"[,，;；。]")


def _clause_end(text: str, start: int, limit: int) -> int:
    match = _CLAUSE_END.search(text, start, limit)
    return match.start() if match else limit


def _series_of_its_year(gaz: Gazetteer, text: str, span: tuple[int, int], metric: Metric | None,
                        as_of: str | None) -> Metric | None:
    """`Urban unemployment rate was 4.05 percent` in 2015: before a series was first published, a
    figure named without the series' own cue is of the series that came before it."""
    if metric is None or metric.series_since is None or as_of is None or int(as_of[:4]) >= metric.series_since:
        return metric
    if metric.series_cue is not None and metric.series_cue.search(text, span[0], span[1]):
        return metric
    return next((m for m in gaz.metrics if m.iri == metric.earlier_series), metric)


_FROM = re.compile(either(_EN["from"], _ZH["from"]), re.I)
_TO = re.compile(either(_EN["to"], _ZH["to"]), re.I)


def _starts_a_rise(text: str, span: tuple[int, int], q: Quantity) -> bool:
    """`Between 2012 and 2021, participants increased from 788 million to 1.03 billion`: a figure
    between `from` and `to` holds at the start of the period (of its sentence, or a span of years
    named before it), the one after `to` at its end."""
    opened = list(_FROM.finditer(text, span[0], q.start))
    if not opened or _TO.search(text, opened[-1].end(), q.start):
        return False
    return _TO.search(text, q.end, min(span[1], q.end + 80)) is not None


_IMPLIED_UNITS = tuple((compile_fast(pattern, re.I), unit) for pattern, unit in _ZH["implied_units"] + _EN["implied_units"])
_IMPLIED_UNITS_AFTER = tuple((re.compile(pattern), unit) for pattern, unit in _ZH["implied_units_after"])


def _implied_unit(text: str, start: int, q: Quantity, metric: Metric | None) -> str | None:
    """`持卡人数13.79亿`, `签发量9.62亿`, `the number of cards issued reached 884 million`, `545万城镇失业人员`:
    a figure with no unit word takes the unit of the noun its clause names before it, nearest
    first, or of the people named right after it, where its metric admits that unit."""
    found = [(m.end(), unit) for pattern, unit in _IMPLIED_UNITS for m in pattern.finditer(text, start, q.start)]
    after = next((unit for pattern, unit in _IMPLIED_UNITS_AFTER if pattern.match(text, q.end)), None)
    unit = max(found)[1] if found else after
    return unit if unit is not None and (metric is None or unit in metric.units) else None


def _draft(c: _Context, q: Quantity, metric: Metric | None, subject: str, span: tuple[int, int],
           para: tuple[int, int], change: bool, decrease: bool, later: tuple[Quantity, ...] = (),
           earlier: tuple[Quantity, ...] = ()) -> Draft:
    text, dates, segment_date = c.text, c.dates, c.segment_date
    if decrease:
        q = q._replace(value=-q.value)
    next_figure = later[0].start if later and not c.english else None
    date, inferred = date_for(text, q, span, para, dates, next_figure, later, earlier)
    clause_start = max([m.end() + span[0] for m in CLAUSE_BREAK.finditer(text[span[0]:q.start])], default=span[0])
    plan = next((d for d in dates if d.kind == "plan" and d.target and span[0] <= d.start < q.start
                 and (inferred or date is None or date.start < d.start)), None)  # unless a nearer date dates the figure
    future = next((d for d in dates if d.target and q.end <= d.start < _clause_end(text, q.end, span[1])), None)
    date = plan or future or date
    if date is not None and date.period_start and (span[0] <= date.start or date.period_start[:4] != date.value[:4]) \
            and _starts_a_rise(text, span, q):
        date = date._replace(value=date.period_start, period_start=None)
    target = ((date is not None and date.target) or bool(TARGET_CUE.search(text[clause_start:q.start]))
              or bool(_TARGET_AFTER.match(text, q.end)))
    as_of = date.value if date else segment_date
    period_start = date.period_start if date else None
    metric = None if counts_places(text, q) else _series_of_its_year(c.gaz, text, span, metric, as_of)
    if date is None and metric is not None and metric.stock and as_of is not None and len(as_of) == 4:
        as_of = period_end(as_of)  # a stock in a year in review: at the year's end
    if metric is not None and metric.stock and date is not None and date.kind == "period" and as_of \
            and (segment_date is None or period_end(as_of) <= period_end(segment_date)):
        as_of, period_start = period_end(as_of), None
    if date is not None and date.kind == "now":
        inferred = True
    if metric is not None and metric.stock and _GROWTH.search(text, max(clause_start, q.start - 12), q.start):
        change = True
    unit = q.unit or _implied_unit(text, clause_start, q, metric) or (metric.default_unit if metric else None) or "count"
    kind = "target" if target else "change" if change else "level"
    return Draft(q, metric, unit, kind, as_of, period_start, inferred,
                 region_for(c, q, span), _official_for(q, span, para, c.people), span, subject, undated=date is None)
