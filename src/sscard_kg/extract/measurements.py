"""Quantities, dates, places and people combined into Measurements, one sentence at a time.

For each quantity: the metric named nearest before it in its clause (or right after it), with
分别/respectively lists spread over their items; the date named nearest in its sentence, else the
last one earlier in its paragraph, else the segment's date (the publication date, or a related
item's own date); the region named before it in its sentence; the official speaking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from .compose import clause, compose, fits_count, names_a_part, names_a_share
from .dates import DateMention, period_end
from .entities import Found, official_name, speaks_of_a_place
from .gazetteer import Gazetteer, Metric
from .numbers import Quantity
from ..prefilter import compile_fast

COMPATIBLE_UNITS = {
    "person": {"person", "card", None},
    "card": {"card", "person", None},
    "percent": {"percent", None},
    "yuan": {"yuan", None},
    "person-time": {"person-time", None, "count"},
    "count": {"count", None},
}
_CHANGE_BEFORE = re.compile(
    r"(增加|增长|下降|减少|提高|回落|上升|降低|增幅|扩大|新增了?|多|少|上涨|下跌)了?(再次|再度|又|已经?)?(约|近|超过|超|突破|破)?$"
    r"|\b(an? )?(increase|decrease|rise|drop|fall|growth|reduction|up|down)( of| by)?\s*$"
    r"|\b(increased|decreased|rose|fell|dropped|grew|declined) by\s*$", re.I)
# `计划招募3万人` plans; `该计划招募了3万人` (the programme recruited) reports.
_TARGET_CUE = compile_fast(r"预计|(?<![该此本这])计划到|(?<![该此本这])计划(?:新增|发放|发行|完成|实现|达到|招募|培训)|力争|规划|预期|争取|\bexpects?\b|\bexpected\b|\bplans? to\b|\btarget\b|\bgoal\b|\baims? to\b", re.I)
# A figure that names a target right after it (全年1100万人目标, 1000万人的目标任务, a 12 million target).
_TARGET_UNIT = r"(?:人次|人|元|张|个)"  # the unit words a target figure is written with
_TARGET_AFTER = re.compile(rf"\s*{_TARGET_UNIT}?(?:的)?(?:预期|年度)?目标"
                           r"|(?: (?:new )?(?:jobs?|people|persons|residents|cards|yuan))? (?:annual )?(?:target|goal)\b", re.I)
_NATIONAL = compile_fast(r"全国|nationwide|national|across the country|the country", re.I)
_CLAUSE_BREAK = compile_fast(r"[,，;；:：]|\band\b")


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


_ZH_SENTENCE_STOP = re.compile(r"[。！？!?；;\n]+")
_EN_SENTENCE_STOP = re.compile(r"[。！？!?；;\n]+|(?<=[a-z0-9%)\"”’])\.[\"”’]?(?=\s+[A-Z“\"(]|\s*$)"
                               r"|(?:(?<=[a-z]{5})|(?<=[0-9%)\"”’]))\.(?=\s+\d)")


def sentences(text: str, start: int, end: int, english: bool) -> list[tuple[int, int]]:
    """Sentence spans within [start, end): split at 。！？；, line breaks and English full stops
    (before a figure too, `…in rural areas. 13.4 million people…`, unless an abbreviation such as
    `Dec.` or `No.` ends in the stop)."""
    splitter = _EN_SENTENCE_STOP if english else _ZH_SENTENCE_STOP
    spans, pos = [], start
    for match in splitter.finditer(text, start, end):
        if match.start() > pos:
            spans.append((pos, match.end()))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


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


_RESTATEMENT = re.compile(r"^[\s,，、;；]*(?:and )?[^\d%]{0,60}$", re.I)


def _link_changes(text: str, drafts: list[Draft]) -> list[Draft]:
    """A change modifies the level stated before it in the sentence: the k-th of a list of
    changes the k-th of the list of levels before it, else the last level of its metric, else
    the level right before it (`总收入1.37万亿元,同比增长22%`)."""
    by_quantity = {d.quantity: d for d in drafts}
    groups = _groups(text, [d.quantity for d in drafts])
    for previous, current in zip(groups, groups[1:]):
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


def _scopes(text: str, previous: Draft, q: Quantity, named: bool) -> bool:
    """An unnamed count in the same clause as the next figure says whose figure it is and is not
    a figure itself when that figure is a named rate of the counted units (`31个大城市城镇调查
    失业率为5.0%`), or when the count is one, the base of a ratio (`1个求职者对应1.22个岗位`). A
    count beside a named total (`85 cities issue cards to 60 million people`) stays a figure."""
    p = previous.quantity
    if previous.metric is not None or previous.unit != "count" or p.end > q.start:
        return False
    if re.search(r"[,，;；:：。！？!?\n]|\band\b", text[p.end:q.start]):
        return False
    return (named and q.unit == "percent") or p.value == 1


_STATISTIC_AFTER = re.compile(r"^[^,，;；:：。！？!?\n]{0,30}?(调查|监测|抽样|问卷|统计|供求信息"
                              r"|(率|比例|比重|占比|倍率|指数)(均值|平均值)?(为|是|达到?|约为|保持在))")
_STATISTIC_BEFORE = compile_fast(r"\b(survey|poll|sample|study|monitoring|census|rate|ratio|index|average)\w* (of|covering|among|in|across|for)"
                                 r"( the)?( (about|around|nearly|over|more than))?\s*$", re.I)


def _sizes_a_statistic(text: str, draft: Draft) -> bool:
    """`对全国2000个行政村的监测显示`, `100个城市…求人倍率为1.22`, `a survey of 2,000 households`:
    an unnamed count of the units a survey, statistic or rate was taken over is the size of the
    source, not a figure."""
    q = draft.quantity
    if draft.metric is not None or draft.kind != "level" or draft.unit not in ("count", "person"):
        return False
    return bool(_STATISTIC_AFTER.search(text[q.end:q.end + 40])
                or _STATISTIC_BEFORE.search(text[max(0, q.start - 60):q.start]))


def _restates(text: str, window: tuple[int, int], english: bool) -> bool:
    """A short bridge between two figures (`，已接近`, `, and the average for the whole year was`)
    names no new thing: the second figure has the first one's metric."""
    bridge = re.sub(r"^\s*(%|percent|per cent)", "", text[window[0]:window[1]])
    if english:
        return bool(_RESTATEMENT.match(bridge)) and len(bridge.split()) <= 9
    return len(re.findall(r"[\u4e00-\u9fff]", bridge)) <= 8 and not re.search(r"\d", bridge)


def _list_metrics(gaz: Gazetteer, text: str, starts: tuple[int, ...], group: list[Quantity]) -> list[Metric] | None:
    """For `A、B、C参保人数分别为x、y、z`, the metrics of A, B and C in order, named after the
    first of `starts` (the previous figure's end, then the sentence's start) that names as many."""
    for start in starts:
        metrics = _listed_between(gaz, text[start:group[0].start], len(group))
        if metrics:
            return metrics
    return None


def _listed_between(gaz: Gazetteer, window: str, count: int) -> list[Metric] | None:
    if not any(head.search(window) for head in gaz.list_heads):
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


def _groups(text: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Quantities joined only by list punctuation (`、`, `,`, `and`) form one group."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        joint = text[groups[-1][-1].end:q.start] if groups else ""
        if groups and re.fullmatch(r"\s*[人元张名项个]?\s*(、|,|，|and|,\s*and|和|及)\s*", joint):
            groups[-1].append(q)
        else:
            groups.append([q])
    return groups


_SINCE_OPEN = re.compile(r"(自|从)$")
_SINCE_CLOSE = re.compile(r"(之?后|以来)[,，]")


_EVENT = compile_fast(r"首发|首次发行|启动|上线|推出|开通|发行|实施|施行|成立|建立|印发|出台|试点|开始"
                      r"|\b(launched|first issued|started|began|established|unveiled|rolled out|took effect|piloted)\b", re.I)
_BREAK = re.compile(r"[,，;；:：]")


def _dates_an_event(text: str, span: tuple[int, int], d, q: Quantity) -> bool:
    """`社会保障卡于2000年前后在上海首发，推广二十余年后，持卡人数已有13.7亿多人`: a date whose own
    clause tells of an event (a launch, a first issue) dates the event, not a figure in a later
    clause."""
    start = max((m.end() for m in _BREAK.finditer(text, span[0], d.start)), default=span[0])
    end = _BREAK.search(text, d.end, q.start)
    return end is not None and _EVENT.search(text, start, end.start()) is not None


_BASE_OPEN = re.compile(r"在$|\bon top of( the)?\s*$|\bbuilding on( the)?\s*$", re.I)
_BASE_CLOSE = re.compile(r"基础上|的基数上")


def _in_closed_base(text: str, d, q: Quantity) -> bool:
    """`在去年底首批发卡526万张基础上，累计发卡840万张`: a date inside a base the sentence builds on,
    closed before the figure, dates the base, not the figure."""
    return bool(_BASE_OPEN.search(text[max(0, d.start - 14):d.start]) and _BASE_CLOSE.search(text, d.end, q.start))


def _starts_period_before(text: str, d, q: Quantity) -> bool:
    """`自去年11月底…突破5亿人后,增幅再次破亿`: a date that opens a `自…后` clause closed before
    the figure is where the figure's period starts, not its date."""
    return bool(_SINCE_OPEN.search(text[max(0, d.start - 1):d.start])
                and _SINCE_CLOSE.search(text, d.end, q.start))


# `完成全年1100万人目标的67%`, `完成全年目标任务的88%`: the date before names the target's period; the
# share is how far the figures dated earlier in the sentence have come.
_TARGET_SHARE = re.compile(rf"\s*(?:[\d.,]+\s*[万亿]?\s*{_TARGET_UNIT}?)?\s*的?目标(?:任务)?的")


def _right_after(text: str, q: Quantity, dates: list[DateMention]) -> list[DateMention]:
    """The dates that follow the figure, joined to it by a preposition alone (`36% in 2019`)."""
    return [d for d in dates if q.end <= d.start <= q.end + 24
            and re.fullmatch(r"[^\d,，;；.。]*", text[q.end:d.start])
            and (_PREPOSITION_BEFORE.search(text[q.end:d.start]) or _PREPOSITION_BEFORE.search(text[d.start:d.end][:8])
                 or _COUNTED_BACK.search(text, d.start, d.end))]


_ATTACHED = re.compile(r"\s*(?:%|％|percent|per cent)?\s*(?:in|at|by|as of|for|during)?\s*", re.I)
# A clause with words of its own between two figures: `225,000 graduates, and the share of … rose
# from 23% in 2012`, not the list `5%, 3% and 2% in 2019`.
_NEW_CLAUSE = compile_fast(r"[,，;；]\s*(?:and\s+|while\s+|but\s+)?[^\d,，;；]*?[A-Za-z]{3,}\s+[A-Za-z]{3,}|[，,；;][^\d，,；;]*[^\W\d_]{3}")


def _sentence_scope(text: str, d: DateMention, span: tuple[int, int], earlier: tuple[Quantity, ...]) -> DateMention | None:
    """The date, if it opens the sentence as its own clause before any figure (`目前，`, `截至2022年底，`,
    `As of June,`): the date of the whole sentence."""
    if any(span[0] <= o.start and o.end <= d.start for o in earlier):
        return None
    first = next((o for o in earlier if o.start >= d.end), None)
    return d if _CLAUSE_BREAK.search(text, d.end, first.start if first else len(text)) else None


def _dates_another_clause(text: str, d: DateMention, q: Quantity, earlier: tuple[Quantity, ...]) -> bool:
    """Whether the date belongs to an earlier figure's clause (opening it, or attached to it), a
    clause the figure is not in."""
    return any(((d.end <= o.start and not _CLAUSE_BREAK.search(text, d.end, o.start))
                or (o.end <= d.start and _ATTACHED.fullmatch(text, o.end, d.start)))
               and _CLAUSE_BREAK.search(text, max(o.end, d.end), q.start) for o in earlier)


def _date_for(text: str, q: Quantity, span: tuple[int, int], para: tuple[int, int], dates: list[DateMention],
              next_figure: int | None = None, later: tuple[Quantity, ...] = (), earlier: tuple[Quantity, ...] = ()):
    """Nearest date before the quantity in its sentence, else after it in the sentence but, in
    Chinese, before the next figure (`超过10亿人领取电子社保卡，其中今年新增1.2亿人`: 今年 is the second
    figure's; an English sentence may close with the date of all its figures, unless the date is
    another figure's in a clause of its own), else the last one earlier in the paragraph; None
    means the segment's own date."""
    in_sentence = [d for d in dates if span[0] <= d.start < span[1] and d.kind not in ("since", "plan")]
    right_after = _right_after(text, q, in_sentence)
    if right_after:
        return right_after[0], False
    before = [d for d in in_sentence if d.end <= q.start and not _starts_period_before(text, d, q)
              and not _TARGET_SHARE.fullmatch(text, d.end, q.start) and not _in_closed_base(text, d, q)
              and not _dates_an_event(text, span, d, q)]
    if before:
        opener = _sentence_scope(text, before[0], span, earlier)
        if opener is not None and before[-1] is not opener and _dates_another_clause(text, before[-1], q, earlier):
            return opener, False  # `目前，…，2021年提供服务112亿人次，各地开通服务1000余项`: 目前
        return before[-1], False
    if any(span[0] <= d.start and d.end <= q.start and d.kind == "since" for d in dates):
        return None, True  # `今年以来，新增313万张`: from then to the publication
    after = [d for d in in_sentence if d.start >= q.end and not d.target
             and (next_figure is None or d.start < next_figure and not _CLAUSE_BREAK.search(text, q.end, d.start))
             and not _TARGET_CUE.search(text[max(q.end, d.start - 6):d.end])
             and not any(_ATTACHED.fullmatch(text, other.end, d.start) and _NEW_CLAUSE.search(text, q.end, other.start)
                         for other in later)]
    if after:
        return after[0], False
    earlier = [d for d in dates if para[0] <= d.start < span[0] and d.kind not in ("now", "since", "plan")]
    if earlier and not _dates_its_source(text, para[0], earlier[-1]):
        return earlier[-1], True
    return None, True


# `4.04 percent three months earlier`: a date counted back needs no preposition.
_COUNTED_BACK = re.compile(r"\b(?:earlier|before|ago)$", re.I)
# `4.05 percent in the second quarter`: the preposition may open the date's span or precede it.
_PREPOSITION = r"\b(?:in|at|for|by|as of|of|during|over|through)"
_PREPOSITION_BEFORE = re.compile(rf"{_PREPOSITION}\s*$|^{_PREPOSITION}\b", re.I)
_ATTRIBUTION = compile_fast(r"\baccording to\b[^,;.]*$|(?:据|根据)[^,，;；。]*$", re.I)
_SENTENCE_STOP = compile_fast(r"[。！？!?；;\n]|\.(?=\s|$)")


def _dates_its_source(text: str, limit: int, d) -> bool:
    """`…, according to official data from the end of July.`: a date inside the attribution
    that closes its sentence dates where that sentence's figures come from; the next sentence is
    a new statement, not one from the same source."""
    if not _ATTRIBUTION.search(text[max(limit, d.start - 80):d.start]):
        return False
    stop = _SENTENCE_STOP.search(text, d.start)
    return stop is None or not re.search(r"\w", text[d.end:stop.start()])


def _in_closed_aside(text: str, start: int, place: Found, q: Quantity) -> bool:
    """A place inside a parenthesis that closes before the figure (`(含…新疆生产建设兵团…)`)."""
    return bool(re.search(r"[(（][^)）]*$", text[start:place.start]) and re.search(r"[)）]", text[place.end:q.start]))


def _region_for(c: "_Context", q: Quantity, span: tuple[int, int]) -> str | None:
    """The region named last before the figure in its sentence; for a list of places
    (`海淀、丰台等4个区`) the place that holds them all. A place that only names an organisation
    (`北京市人社局`) is the figure's when the sentence then speaks of its own place
    (`北京市人社局介绍，全市已有…`)."""
    gaz, text = c.gaz, c.text
    before = [p for p in c.places if span[0] <= p.start and p.end <= q.start and not _in_closed_aside(text, span[0], p, q)]
    if not before:
        hosts = [p for p in c.hosts if span[0] <= p.start and p.end <= q.start]
        if hosts and speaks_of_a_place(gaz, text[hosts[-1].end:q.start], c.english):
            return hosts[-1].key
        return _named_before(c, span, text[span[0]:q.start])
    place = before[-1]
    if _NATIONAL.search(text[place.end:q.start]):
        return None
    if text[place.end:place.end + 1] in ("等", "、") or text[place.start - 1:place.start] == "、":
        parent = gaz.entries[place.key].parent
        return parent if parent and gaz.entries.get(parent) and gaz.entries[parent].level != "country" else None
    return place.key


# `全省`, `我市`, `the province`: the level of the place a local word speaks of, by the suffixes of
# its official name.
_LOCAL_LEVEL = (("省", ("省", "自治区")), ("province", ("省", "自治区")), ("市", ("市",)), ("city", ("市",)))


def _named_before(c: "_Context", span: tuple[int, int], said: str) -> str | None:
    """`广东省人社厅发布消息。全省持卡人数…`: a sentence that speaks of its own place (全省, the city)
    without naming it means the place of that level named last before it in the segment."""
    if not speaks_of_a_place(c.gaz, said, c.english):
        return None
    words = said.lower() if c.english else said
    suffixes = next((suffixes for word, suffixes in _LOCAL_LEVEL if word in words), None)
    named = sorted((p for p in c.places + c.hosts if p.end <= span[0]), key=lambda p: p.start)
    fitting = [p for p in named if c.gaz.entries[p.key].level not in ("country", "grouping")
               and (suffixes is None or official_name(c.gaz.entries[p.key]).endswith(suffixes))]
    return fitting[-1].key if fitting else None


# Where a place names the venue of an event, not what a figure is about: `在北京举行的新闻发布会上`,
# `人社部在北京召开`, `at a press conference in Beijing`, `a briefing held in Beijing`, `Speaking in Beijing`.
_ZH_VENUE_BEFORE = re.compile(r"(?:在|于)$")
_ZH_VENUE_AFTER = re.compile(r"[^，,。；;：:\n]{0,4}?(?:举行|召开|举办|开幕|闭幕|主办|承办|首发|首次发行|发布|宣布)")
_EN_VENUE_BEFORE = re.compile(
    r"(?:\b(?:conference|briefing|meeting|forum|ceremony|event|summit|seminar|symposium|session|gathering)s?\b"
    r"[^,;.]{0,50}|\b(?:held|hosted|speaking|convened|took place|takes place))\s+(?:in|at)\s+(?:the\s+)?$", re.I)
# A place that files a report (`新华社北京电`, `北京报道`), beside the datelines entities already leave out.
# `BEIJING - …`, `BEIJING, Jan. 21 (Xinhua) -- …`: a place in capitals that opens a line and files the story.
_EN_DATELINE = re.compile(r"(?<=[A-Z])(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s")
_ZH_FILED = re.compile(r"(?:\d{1,2}月\d{1,2}日)?(?:电(?![信力视网器子脑气商])|讯|报道)")
# Words that end an organisation's name after a place (`江苏分行`, `重庆市图书馆`, `Jiangsu Branch`).
_ZH_ORGANISATION = re.compile(r"(?:[^\W\d_的有已在是为将和与及、各全多等共]{0,4}?)(?:分行|支行|银行|分公司|公司|集团|图书馆|博物馆|医院"
                              r"|大学|学院|日报|晚报|电视台|广播电台|新闻网|报社|研究院|研究所|协会|商会)")
_EN_ORGANISATION = re.compile(r"(?:\s+[A-Z][\w&'’-]*){0,3}?\s+(?:Branch|Bank|Library|Hospital|University|College|Company"
                              r"|Group|Daily|Television|Radio|Bureau|Department|Commission|Government|Administration"
                              r"|Office|Institute|Association)\b")


def _figure_places(text: str, places: list[Found], agencies: list[Found], english: bool) -> tuple[list[Found], list[Found]]:
    """The places a figure can be about, and the places that only name an organisation (an agency,
    a bank's branch, a library). A venue or a place that files the report is neither."""
    about, hosts = [], []
    organisation = _EN_ORGANISATION if english else _ZH_ORGANISATION
    for place in places:
        if _venue(text, place, english) or (not english and _ZH_FILED.match(text, place.end)) \
                or (english and _EN_DATELINE.match(text, place.end) and not _in_a_sentence(text, place.start)):
            continue
        named = any(a.start <= place.start and place.end <= a.end for a in agencies)
        (hosts if named or organisation.match(text, place.end) else about).append(place)
    return about, hosts


def _in_a_sentence(text: str, start: int) -> bool:
    """Whether the text before `start` (spaces and tabs aside) ends in a lower-case word or a comma:
    a place in capitals there is inside a sentence, not a dateline opening the story."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start > 0 and (text[start - 1] in ",;" or "a" <= text[start - 1] <= "z")


def _venue(text: str, place: Found, english: bool) -> bool:
    if english:
        return bool(_EN_VENUE_BEFORE.search(text[max(0, place.start - 60):place.start]))
    return bool(_ZH_VENUE_BEFORE.search(text[max(0, place.start - 1):place.start])
                and _ZH_VENUE_AFTER.match(text, place.end))


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
    about, hosts = _figure_places(text, places, agencies, english)
    context = _Context(gaz, text, english, dates, about, hosts, people, segment_date, home)
    drafts: list[Draft] = []
    for para in paragraphs(text, *segment):
        year = _reviewed_year(text, para, quantities, dates, segment_date)
        if year is not None:
            context = replace(context, segment_date=year)
        carried = None
        for span in sentences(text, *para, english):
            inside = [q for q in quantities if span[0] <= q.start < span[1]]
            if inside:  # a sentence with no figure gives none
                found = _link_changes(text, _sentence_drafts(context, span, para, inside, carried))
                drafts += found
                carried = found[-1].metric if found else None
    return drafts


# A heading is a short paragraph with no figure.
_HEADING_LENGTH = 100


def _reviewed_year(text: str, para: tuple[int, int], quantities: list[Quantity], dates: list[DateMention],
                   published: str | None) -> str | None:
    """`2020年人社工作取得积极进展`, `Work made progress in 2020.`: a heading that names the year just
    ended, in an article from the first months of the next, opens a year in review, whose undated
    figures are that year's."""
    if published is None or len(published) < 7 or para[1] - para[0] > _HEADING_LENGTH \
            or any(para[0] <= q.start < para[1] for q in quantities):
        return None
    year, month = int(published[:4]), int(published[5:7])
    reviewed = year - 1 if month <= 4 else year if month == 12 else None
    named = {d.value for d in dates if para[0] <= d.start < para[1] and d.explicit_year and len(d.value) == 4}
    return str(reviewed) if str(reviewed) in named else None


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
                     inside: list[Quantity], carried: Metric | None = None) -> list[Draft]:
    """The drafts of one sentence; `carried` is the metric of the previous sentence's last figure,
    which a bare clause (`；6月底突破2亿张`) continues."""
    text = c.text
    sentence = text[span[0]:span[1]]
    sentence_key = sentence.lower() if c.english else sentence
    listed: dict[Quantity, Metric] = {}
    if len(inside) > 1:  # `A、B、C参保人数(分别)为x、y、z`, with or without 分别 / respectively
        for group in _groups(text, inside):
            previous = max([q.end for q in inside if q.end <= group[0].start], default=span[0])
            metrics = _list_metrics(c.gaz, text, (previous, span[0]), group) if len(group) > 1 else None
            if metrics:
                listed.update(zip(group, metrics))
    changes = {q: _is_decrease(text, span, group[0]) for group in _groups(text, inside)
               if _is_change(text, span, group[0]) for q in group}
    drafts: list[Draft] = []
    previous_end, previous_metric = span[0], None
    metrics = sentence_metrics(c.gaz, sentence_key)
    for q in inside:
        window = (previous_end, q.start)
        metric, subject = (listed[q], "") if q in listed else choose_metric(
            metrics, text, window, q, c.english, follows_figure=previous_end > span[0])
        own = clause(text, span, q, c.english)
        if q not in listed and (names_a_part(c.gaz, text, span[0], own, q, c.english) or names_a_share(text, q)):
            metric = None
        elif q not in listed:
            metric = _with_composition(c, q, span, para, own, metric) or _inherited(
                c, q, window, span, para, own, previous_metric or (carried if previous_end == span[0] else None))
        previous_end, previous_metric = q.end, metric
        if drafts and _scopes(text, drafts[-1], q, bool(subject)):
            drafts.pop()
        draft = _draft(c, q, metric, subject, span, para, q in changes, changes.get(q, False),
                       tuple(other for other in inside if other.start > q.end),
                       tuple(other for other in inside if other.end < q.start))
        said = text[span[0]:_clause_end(text, q.end, span[1])]  # 全国 / Nationwide, anywhere before it in the sentence
        if draft.region is None and c.home and not _NATIONAL.search(said):
            draft = draft._replace(region=c.home)
        if not _sizes_a_statistic(text, draft):
            drafts.append(draft)
    return drafts


def _with_composition(c: _Context, q: Quantity, span: tuple[int, int], para: tuple[int, int],
                      own: tuple[int, int], metric: Metric | None) -> Metric | None:
    """The phrase's metric, else the composed one. A subject named in the figure's own clause
    overrides a phrase's metric of another subject (第三代社保卡累计持卡人数: not all card holders;
    the unemployment insurance fund's balance: not the three funds'), as does the noun right after
    the figure (`95 functions are available to holders`: functions, not holders)."""
    if metric is not None and not fits_count(metric, c.text, q):
        metric = None
    composed = compose(c.gaz, c.text, q, own, span, para[0], c.english)
    if composed is None:
        return metric
    if metric is None or (composed.adjacent and composed.metric is not None):
        return composed.metric
    if composed.place == "clause" and metric.subjects and composed.subject not in metric.subjects:
        return composed.metric
    return metric


def _inherited(c: _Context, q: Quantity, window: tuple[int, int], span: tuple[int, int], para: tuple[int, int],
               own: tuple[int, int], previous: Metric | None) -> Metric | None:
    """The metric of the figure before, for a restatement (`，已接近`) or the next of a series
    (`2019年达1亿，2020年达3亿`; `；6月底突破2亿张`)."""
    if previous is None:
        return _opens_series(c, q, span, para, own)
    if not _unit_fits(previous, q.unit):
        return None
    if _restates(c.text, window, c.english) or _continues_series(c, own[0], q):
        return previous
    return None


def _opens_series(c: _Context, q: Quantity, span: tuple[int, int], para: tuple[int, int],
                  own: tuple[int, int]) -> Metric | None:
    """`电子社保卡领用人数快速增长。2019年达1亿`: a bare clause after a sentence that names a subject
    and a measure but no figure states the first figure of that measure."""
    if not _continues_series(c, own[0], q):
        return None
    composed = compose(c.gaz, c.text, q, own, span, para[0], c.english, measures_from=para[0])
    return composed.metric if composed is not None else None


def _continues_series(c: _Context, start: int, q: Quantity) -> bool:
    """Whether the clause before the figure, its dates set aside, holds only series words."""
    if c.gaz.series_bridge is None or start >= q.start:
        return False
    chars = list(c.text[start:q.start])
    for d in c.dates:
        if d.start < q.start and d.end > start:
            chars[max(0, d.start - start):d.end - start] = " " * (min(d.end, q.start) - max(d.start, start))
    rest = c.gaz.series_bridge.sub(" ", "".join(chars))
    return not re.search(r"[^\W\d_]", rest)


_GROWTH = re.compile(r"新增|净增|增加|增长")
_DECREASE = compile_fast(r"下降|减少|回落|降低|下跌|减|降|\b(decrease|drop|fall|fell|declined?|down|reduction|lower)", re.I)


# `0.1 percentage points lower than in August`: English may say the direction after the figure
_DECREASE_AFTER = re.compile(r"\s*(percentage points?|points?|percent|per cent|%|(thousand|million|billion)( [a-z]+)?)?"
                             r"\s*(lower|less|fewer|down|below)\b", re.I)


def _is_decrease(text: str, span: tuple[int, int], q: Quantity) -> bool:
    return bool(_DECREASE.search(text[max(span[0], q.start - 14):q.start]) or _DECREASE_AFTER.match(text, q.end))


def _is_change(text: str, span: tuple[int, int], q: Quantity) -> bool:
    return q.percent_points or bool(_CHANGE_BEFORE.search(text[max(span[0], q.start - 14):q.start]))


def _clause_end(text: str, start: int, limit: int) -> int:
    match = re.compile(r"[,，;；。]").search(text, start, limit)
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


_FROM = re.compile(r"\bfrom\b|由|从", re.I)
_TO = re.compile(r"\bto\b|到|至", re.I)


def _starts_a_rise(text: str, span: tuple[int, int], q: Quantity) -> bool:
    """`Between 2012 and 2021, participants increased from 788 million to 1.03 billion`: a figure
    between `from` and `to` holds at the start of the period (of its sentence, or a span of years
    named before it), the one after `to` at its end."""
    opened = list(_FROM.finditer(text, span[0], q.start))
    if not opened or _TO.search(text, opened[-1].end(), q.start):
        return False
    return _TO.search(text, q.end, min(span[1], q.end + 80)) is not None


def _draft(c: _Context, q: Quantity, metric: Metric | None, subject: str, span: tuple[int, int],
           para: tuple[int, int], change: bool, decrease: bool, later: tuple[Quantity, ...] = (),
           earlier: tuple[Quantity, ...] = ()) -> Draft:
    text, dates, segment_date = c.text, c.dates, c.segment_date
    if decrease:
        q = q._replace(value=-q.value)
    next_figure = later[0].start if later and not c.english else None
    date, inferred = _date_for(text, q, span, para, dates, next_figure, later, earlier)
    clause_start = max([m.end() + span[0] for m in _CLAUSE_BREAK.finditer(text[span[0]:q.start])], default=span[0])
    plan = next((d for d in dates if d.kind == "plan" and d.target and span[0] <= d.start < q.start
                 and (inferred or date is None or date.start < d.start)), None)  # unless a nearer date dates the figure
    future = next((d for d in dates if d.target and q.end <= d.start < _clause_end(text, q.end, span[1])), None)
    date = plan or future or date
    if date is not None and date.period_start and (span[0] <= date.start or date.period_start[:4] != date.value[:4]) \
            and _starts_a_rise(text, span, q):
        date = date._replace(value=date.period_start, period_start=None)
    target = ((date is not None and date.target) or bool(_TARGET_CUE.search(text[clause_start:q.start]))
              or bool(_TARGET_AFTER.match(text, q.end)))
    as_of = date.value if date else segment_date
    period_start = date.period_start if date else None
    metric = _series_of_its_year(c.gaz, text, span, metric, as_of)
    if date is None and metric is not None and metric.stock and as_of is not None and len(as_of) == 4:
        as_of = period_end(as_of)  # a stock in a year in review: at the year's end
    if metric is not None and metric.stock and date is not None and date.kind == "period" and as_of \
            and (segment_date is None or period_end(as_of) <= period_end(segment_date)):
        as_of, period_start = period_end(as_of), None
    if date is not None and date.kind == "now":
        inferred = True
    if metric is not None and metric.stock and _GROWTH.search(text, max(clause_start, q.start - 12), q.start):
        change = True
    unit = q.unit or (metric.default_unit if metric else None) or "count"
    kind = "target" if target else "change" if change else "level"
    return Draft(q, metric, unit, kind, as_of, period_start, inferred,
                 _region_for(c, q, span), _official_for(q, span, para, c.people), span, subject)
