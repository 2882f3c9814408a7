"""Lists of figures: figures joined only by list punctuation, the names a list spreads over them
(`A、B、C参保人数分别为x、y、z`, `x, y and z people were covered by A, B and C respectively`), and the
unit and noun its last figure lends the others (`2.1 million, 2.4 million and 2.6 million cards`).
"""

from __future__ import annotations

import re

from .compose import clause, measures_in_order, named_in, subjects_in_order
from .figure_dates import AND, COMPARISON
from .gazetteer import Gazetteer, Metric
from .numbers import QUALIFIER_WORDS, Quantity
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("measurements")


def list_metrics(gaz: Gazetteer, text: str, starts: tuple[int, ...], group: list[Quantity], end: int) -> list[Metric] | None:
    """For `A、B、C参保人数分别为x、y、z`, the metrics of A, B and C in order, named after the
    first of `starts` (the previous figure's end, then the sentence's start) that names as many.
    The head may follow the figures (`A and B had x and y participants respectively`)."""
    after = text[group[-1].end:end]
    for start in starts:
        metrics = _listed_between(gaz, text[start:group[0].start], len(group), after)
        if metrics:
            return metrics
    return None


# What says a list's figures are taken in turn (分别, respectively): read by figure_places too.
RESPECTIVELY = compile_fast(either([_ZH["respectively"], _EN["respectively"]]), re.I)


def listed_after(gaz: Gazetteer, text: str, group: list[Quantity], end: int) -> list[Metric] | None:
    """`x、y、z分别参加了A、B、C`, `分别有x、y参加A、B`, `x, y and z people were covered by A, B and C
    respectively`: the items named after the figures, in order, when the sentence says they are
    taken in turn."""
    window = text[group[-1].end:end]
    taken_in_turn = RESPECTIVELY.search(window) or RESPECTIVELY.search(text, max(0, group[0].start - 4), group[0].start)
    return _listed_between(gaz, window, len(group)) if taken_in_turn else None


def _listed_between(gaz: Gazetteer, window: str, count: int, after: str = "") -> list[Metric] | None:
    if not any(head.search(window) or (after and head.search(after)) for head in gaz.list_heads):
        return None
    hits = []
    for metric in gaz.metrics:
        if metric.list_item is None:
            continue
        match = metric.list_item.search(window)
        if match:
            hits.append((match.start(), metric))
    hits.sort(key=lambda h: h[0])
    if len(hits) != count:
        return None
    return [m for _, m in hits]


def measures_in_turn(gaz: Gazetteer, text: str, span: tuple[int, int], group: list[Quantity],
                     metrics: list[Metric | None]) -> list[Metric | None]:
    """`Their revenue and expenditure were x and y respectively`, `总收入、总支出分别为x、y`: a list
    whose figures all took one subject's metric, after as many measures as figures, gives each
    figure its measure of that subject in turn."""
    if len(group) < 2 or None in metrics or not RESPECTIVELY.search(text, span[0], span[1]):
        return metrics
    measures = measures_in_order(gaz, text, span[0], group[0].start)
    subjects = set.intersection(*(set(m.subjects) for m in metrics))
    if len(measures) != len(group) or not subjects:
        return metrics
    turned = [next((m for m in gaz.metrics if subjects & set(m.subjects) and measure in m.measures
                    and (q.unit is None or q.unit in m.units)), None) for measure, q in zip(measures, group)]
    return metrics if None in turned else turned


def items_in_turn(gaz: Gazetteer, text: str, span: tuple[int, int], group: list[Quantity],
                  metrics: list[Metric | None]) -> list[Metric | None]:
    """`持卡人数、覆盖率和电子社保卡领用人数分别为13.8亿人、97.9%和9.7亿人`: a list taken in turn after as
    many items as figures gives each figure the metric its own item names: its measure, and its
    subject, or the one the item before named (覆盖率 goes on about 持卡); a subject named in the
    last item is not the others'."""
    if len(group) < 2 or not RESPECTIVELY.search(text, span[0], span[1]):
        return metrics
    bounds = [span[0], *(m.end() for m in _ITEM_JOINT.finditer(text, span[0], group[0].start)), group[0].start]
    if len(bounds) - 1 < len(group):
        return metrics
    bounds = bounds[-len(group) - 1:]  # the list's items are the last parts before its figures
    turned, subject = [], None
    for (a, b), q in zip(zip(bounds, bounds[1:]), group):
        named, measure = named_in(gaz, text, a, b)
        subject = named or subject
        turned.append(next((m for m in gaz.metrics if subject in m.subjects and measure in m.measures
                            and (q.unit is None or q.unit in m.units)), None) if subject and measure else None)
    return metrics if None in turned else turned


# What parts the items of a list named before its figures (持卡人数、覆盖率和…, holders, coverage and …).
_ITEM_JOINT = re.compile(rf"\s*(?:{either(_ZH['list_joiners'])}|,|，|{AND}|,\s*{AND})\s*", re.I)


def subjects_in_turn(gaz: Gazetteer, text: str, span: tuple[int, int], group: list[Quantity],
                     metrics: list[Metric | None], english: bool) -> list[Metric | None]:
    """`社保卡持卡人数和电子社保卡领用人数分别为x和y`, `the numbers of SSC holders and e-SSC users were x and y,
    respectively`: a list taken in turn after as many subjects as figures gives each figure the
    metric of its subject that counts what the figure's own metric counts; the nearest subject
    alone would give every figure the last one's."""
    if len(group) < 2 or None in metrics or not RESPECTIVELY.search(text, span[0], span[1]):
        return metrics
    for start in (clause(text, span, group[0], english)[0], span[0]):
        subjects = subjects_in_order(gaz, text, start, group[0].start)
        if len(subjects) == len(group):
            turned = [_of_subject(gaz, subject, metric, q) for subject, metric, q in zip(subjects, metrics, group)]
            return metrics if None in turned else turned
    return metrics


def compared_in_turn(text: str, span: tuple[int, int], group: list[Quantity], metrics: list[Metric | None],
                     before: list[tuple[Quantity, Metric | None]]) -> list[Metric | None]:
    """`217 million and 268 million …, compared with about 205 million and around 255 million
    respectively`, `分别比上年末增加…`: a list taken in turn after a comparison's cue compares as many
    figures named before the cue, and takes their metrics in order."""
    window = text[group[-1].end:span[1]]
    if len(group) < 2 or not RESPECTIVELY.search(window):
        return metrics
    cue = COMPARISON.search(text, before[-1][0].end, group[0].start) if before else None
    compared = [metric for q, metric in before if cue is not None and q.end <= cue.start()][-len(group):]
    return compared if len(compared) == len(group) and None not in compared else metrics


def _of_subject(gaz: Gazetteer, subject: str, metric: Metric, q: Quantity) -> Metric | None:
    """The metric of `subject` that shares a measure with `metric` and takes the figure's unit."""
    return next((m for m in gaz.metrics if subject in m.subjects and metric.measures & m.measures
                 and (q.unit is None or q.unit in m.units)), None)


# What joins the figures of a list (`5%、3%和2%`, `5%, 3% and 2%`), a unit word after a figure and a
# qualifier before the next aside (`2.65 trillion yuan and 2.30 trillion yuan`, `about 205 million and
# around 255 million`).
_LIST_JOINT = re.compile(rf"\s*(?:[人元张名项个%％]|{either(_EN['list_units'])})?\s*(,|，|{either(_ZH['list_joiners'])}|{AND}|,\s*{AND})\s*"
                         rf"(?:(?:{QUALIFIER_WORDS})\s*)?", re.I)


def groups(text: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities joined only by list punctuation (`、`, `,`, `and`) form one group."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        joint = text[groups[-1][-1].end:q.start] if groups else ""
        if groups and _LIST_JOINT.fullmatch(joint):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


def elliptical(text: str, quantities: tuple[Quantity, ...]) -> dict[Quantity, Quantity]:
    """`1.07 billion, 244 million and 302 million people`, `13.05亿、13.35亿和13.52亿人`: the figures of a
    list with no unit word of their own, each with the list's last figure, whose unit and noun
    they leave out. A figure over a hundred leaves out no percent sign: `1.38 billion, 97.7 percent
    of the population`, `持卡人数达13.8亿，97.7%的人口…` are a count and its share."""
    return {q: group[-1] for group in groups(text, list(quantities)) if group[-1].unit is not None
            for q in group[:-1] if q.unit is None and not (group[-1].unit == "percent" and abs(q.value) > 100)}


def with_the_lists_noun(chosen: list[tuple], elliptical: dict[Quantity, Quantity]) -> tuple[tuple, ...]:
    """`issued 2.1 million, 2.4 million and 2.6 million cards`: a figure of a list that leaves out its
    noun and has no metric of its own takes the metric of the list's last figure."""
    metrics = {(q.start, q.end): metric for q, metric, *_ in chosen}
    ends = {(q.start, q.end): (last.start, last.end) for q, last in elliptical.items()}
    return tuple((q, metric or metrics.get(ends.get((q.start, q.end))), *rest) for q, metric, *rest in chosen)
