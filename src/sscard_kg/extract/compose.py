"""A figure's metric composed from what its clause is about, what it counts and its unit.

The subject (which card, scheme or fund) and the measure (holders, cards issued, coverage,
applications, service volume, participants, income, expenditure, balance) are looked up in
ontology/metrics.ttl, whose metrics each name their subjects, the measures that name them and the
units their figures take. This reads phrasings no fixed phrase foresaw: `1.03 billion people have
received electronic social security cards`, `第三代社保卡累计持卡人数3亿人`, `the service reached 12
billion people last year` after a sentence about the e-card.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from .gazetteer import Gazetteer, Metric, fold_case
from .numbers import Quantity
from ..prefilter import Narrowing, compile_fast
from ..resources import cues, either

_ZH, _EN = cues("compose")

ZH_CLAUSE_BREAK = compile_fast(r"[,，;；:：]|(?<=[\u4e00-\u9fff\d%])[ \u3000]+(?=[\u4e00-\u9fff])")  # a space between Chinese words parts a headline
_EN_CLAUSE_BREAK = compile_fast(rf"[;:]|,(?=\s)|,$|\b(?:{either(_EN['clause_joiners'])})\b", re.I)
# After an English figure a comma often opens an apposition (`540 million people, or 40 percent of
# the population, had cards`): there the clause runs on to the next conjunction.
_EN_CLAUSE_END = compile_fast(rf"[;:]|\b(?:{either(_EN['clause_joiners'])})\b", re.I)
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s)")
# What may stand between a figure and the noun right after it that says what it counts: a unit
# word (95项应用), or a few English words (102 social security card applications).
_ZH_ADJACENT = re.compile(f"{_ZH['adjacent_scale']}*{_ZH['adjacent_units']}*")
_ZH_ADJACENT_BEFORE = re.compile(f"(?:{either(_ZH['adjacent_before'])})*")
_EN_ADJACENT_BEFORE = re.compile(rf"\s*(?:(?:{either(_EN['adjacent_before'])})\s+)*", re.I)
_EN_ADJACENT = re.compile(rf"[\s'‘’“”\"]*(?:(?!(?:{either(_EN['adjacent_stops'])})\b)[A-Za-z-]+[\s'‘’“”\"]+){{0,4}}", re.I)
# `85%的社保卡开通了银行账户`, `80 percent of the cards carry a bank account`: a percentage of the
# thing named right after it is a share of that thing, not of the population.
_SHARE_OF = re.compile(rf"[^\S\n]*(?:%|％|{either(_EN['percent'])})?[^\S\n]*(?:{either(_ZH['share_qualifiers'])})?"
                       rf"(?:{either(_ZH['share_of'], [_EN['share_of']])})"
                       rf"(?:[\w-]+[^\S\n]+){{0,3}}?(?:{either(_ZH['share_things'], _EN['share_things'])})", re.I)
# `9 in 10 people`, `九成居民`, `每10人中就有9人`: a percentage of people.
_EN_PEOPLE_SHARE = re.compile(_EN["people_share"], re.I)
_ZH_PEOPLE_SHARE = re.compile(_ZH["people_share"])
_ZH_PEOPLE_COUNTER = re.compile(_ZH["people_share_within"])
_EN_PEOPLE_COUNTER = re.compile(_EN["people_share_within"], re.I)
_EN_PEOPLE_APPOSITION = re.compile(_EN["people_share_apposition"], re.I)
# A count or a bare number says too little to take its subject from an earlier sentence unless
# the clause names its measure before it (`全国性应用目录已收录105项`), or a count the noun right after it
# (`已开通103项应用`), a bare number the verb after it (`By the end of June, 1.38 billion had been issued`).
_VAGUE_UNITS = (None, "count")


class Composed(NamedTuple):
    """A composed metric (None: the subject has no metric of this measure and unit), the subject
    it was composed from, where that subject was named (clause, topic clause, sentence or paragraph), whether
    the measure is the noun right after the figure, which says what it counts, and whether that
    measure is one no metric is made of (benefits, active users), so the figure takes none."""

    metric: Metric | None
    subject: str
    place: str
    adjacent: bool = False
    unpaired: bool = False


class _Hit(NamedTuple):
    start: int
    end: int
    iri: str


def clause(text: str, sentence: tuple[int, int], q: Quantity, english: bool) -> tuple[int, int]:
    """The clause holding the figure: from the last clause break before it to the next one after it."""
    breaks = _EN_CLAUSE_BREAK if english else ZH_CLAUSE_BREAK
    start = max((m.end() for m in breaks.finditer(text, sentence[0], q.start)), default=sentence[0])
    after = (_EN_CLAUSE_END if english else breaks).search(text, q.end, sentence[1])
    return start, after.start() if after else sentence[1]


def _statement_start(text: str, sentence_start: int, span: tuple[int, int], q: Quantity, english: bool) -> int:
    """Where the statement of the figure begins: its clause, or in English the clause that commas
    only interrupt (`The rate for people aged 16 to 24, excluding students, was 14.9 percent`)."""
    if not english:
        return span[0]
    return max((m.end() for m in _EN_CLAUSE_END.finditer(text, sentence_start, q.start)), default=sentence_start)


def names_a_share(text: str, q: Quantity) -> bool:
    """`85%的社保卡开通了银行账户`, `80 percent of the cards carry a bank account`: a percentage of the
    thing named right after it is that thing's share, no metric of the population."""
    return q.unit == "percent" and _SHARE_OF.match(text, q.end) is not None


# What a figure counts: in English the words after it up to its verb or preposition (`172,000
# registered poor fishermen joined`); in Chinese the noun after its unit (`17万名退捕渔民`) or the one
# it follows directly (`退捕渔民17万人`).
_EN_COUNTED = re.compile(rf"(?:[^\S\n]*(?<=[^\S\n])(?!(?:{either(_EN['counted_stops'])})\b)[\w'’-]+){{1,4}}", re.I)  # a number word's match takes its space
_ZH_COUNTED_AFTER = re.compile(rf"{_ZH['counted_scale']}{_ZH['counted_units']}([^\W\d_]{{1,8}}?)"
                               rf"(?={either(_ZH['counted_verbs'])}|[，,。；;、])")
_ZH_LIST_JOINER = re.compile(_ZH["list_joiners"])
_EN_COORDINATOR = rf"\b(?:{either(_EN['coordinators'])})\b"
_EN_DETERMINER = rf"\b(?:{either(_EN['coordinated_determiners'])})\b"
_COORDINATION = compile_fast(rf"\s*(?:{either(_ZH['coordinators'], [_EN_COORDINATOR])})"
                             rf"\s*(?:(?:{either(_ZH['coordinated_determiners'], [_EN_DETERMINER])})\s*)?", re.I)
_EN_DEPENDANTS = re.compile(rf"[^\S\n]+{_EN['dependants_joiner']}", re.I)
_ZH_COUNTED_BEFORE = re.compile(rf"(?<!{_ZH['list_joiners']})([^\W\d_]{{2,8}}?)(?:{either(_ZH['counted_before'])})?$")


def _en_counted(text: str, q: Quantity) -> str:
    """The words an English figure counts, with the dependants joined to them: a group among them
    is counted too (`50 million cardholders and their family members`)."""
    counted = _EN_COUNTED.match(text, q.end)
    if counted is None:
        return ""
    joined = _EN_DEPENDANTS.match(text, counted.end())
    more = _EN_COUNTED.match(text, joined.end()) if joined else None
    return counted.group(0) + (more.group(0) if more else "")


def counts_a_group(group: re.Pattern, text: str, q: Quantity, english: bool) -> bool:
    """Whether the noun the figure counts names a group of people (see ss:countedGroup); groups
    listed together (`在职职工、离退休人员近800万人`) are the whole, not a part."""
    if english:
        return group.search(_en_counted(text, q)) is not None
    after = _ZH_COUNTED_AFTER.match(text, q.end)
    before = _ZH_COUNTED_BEFORE.search(text, max(0, q.start - 12), q.start)
    return (after is not None and group.search(after.group(1)) is not None) or (
        before is not None and not _ZH_LIST_JOINER.search(text[max(0, before.start() - 12):before.start()])
        and _ends_with(group).search(before.group(1)) is not None)


_ASIDE_REST = re.compile(_ZH["aside_rest"])
_ZH_COUNT_PHRASE = re.compile(r"[^，。；、,;：:\s\d]{0,12}")


def counts_no_figure(gaz: Gazetteer, text: str, q: Quantity, english: bool) -> bool:
    """A count of kinds, batches or documents (see ss:notAFigure): `9类`, `28 breakthrough policies`."""
    if q.unit != "count" or gaz.not_a_figure is None:
        return False
    if gaz.not_a_figure_after is not None and gaz.not_a_figure_after.match(text, q.end):
        return True
    counted = (_EN_COUNTED if english else _ZH_COUNT_PHRASE).match(text, q.end)
    if counted is None:
        return False
    if not english:  # the head noun ends the phrase: `95项人社领域社保卡应用` counts applications
        return _ends_with(gaz.not_a_figure).search(counted.group(0)) is not None
    window = text[q.end:counted.end() + 40]  # the noun's own words, and what follows it (`kinds of business`)
    return any(m.start() < counted.end() - q.end for m in gaz.not_a_figure.finditer(window))


@lru_cache(maxsize=4)
def _ends_with(group: re.Pattern) -> re.Pattern:
    return re.compile(f"(?:{group.pattern})$")


def names_a_part(gaz: Gazetteer, text: str, sentence_start: int, span: tuple[int, int], q: Quantity,
                 english: bool) -> bool:
    """`其中农民工参加工伤保险人数9100万`, `Of the workers insured, 91 million were migrant workers`: a part
    cue before the figure (not in an aside closed before it: 领用人数（含港澳台居民）达10亿人), then a group
    of people in the figure's clause; or an age band or other subgroup named in the clause before the
    figure (`16-24岁劳动力失业率`)."""
    start = _statement_start(text, sentence_start, span, q, english)
    if gaz.subgroup is not None and gaz.subgroup.search(text, start, q.start):
        return True
    if gaz.counted_group is not None and q.unit in (None, "person") and counts_a_group(gaz.counted_group, text, q, english):
        return True
    if gaz.part_cue is None or gaz.population is None:
        return False
    cues = [m for m in gaz.part_cue.finditer(text, sentence_start, q.start) if not _ASIDE_REST.match(text, m.end(), q.start)]
    return bool(cues) and gaz.population.search(text, max(cues[-1].end(), span[0]), span[1]) is not None


class _Phrases:
    """What the phrases of a gazetteer's subjects and measures are looked up by, made once per
    gazetteer: one narrowing of all their patterns (a text is scanned for their needles once),
    and each subject's broader subject, kinds and family, which every figure asks for."""

    SETS = ("subjects", "weak subjects", "measures")

    def __init__(self, gaz: Gazetteer):
        self.phrasings = {"subjects": gaz.subjects, "weak subjects": gaz.subjects, "measures": gaz.measures}
        self.first: dict[str, int] = {}  # where a set's patterns begin among those narrowed
        patterns: list[re.Pattern | None] = []
        for kind in self.SETS:
            self.first[kind] = len(patterns)
            patterns += [p.weak if kind == "weak subjects" else p.phrases for p in self.phrasings[kind]]
        self.narrowing = Narrowing(tuple(patterns))
        self.broader = {p.iri: p.broader for p in gaz.subjects}
        self.kinds: dict[str, set[str]] = {}  # a subject: the subjects that are a kind of it, or related to it
        self.family: dict[str, set[str]] = {}  # a subject: itself and those directly under it
        for p in gaz.subjects:
            self.family.setdefault(p.iri, set()).add(p.iri)
            if p.broader is not None:
                self.family.setdefault(p.broader, set()).add(p.iri)
            for wider in {p.broader, p.related} - {None}:
                self.kinds.setdefault(wider, set()).add(p.iri)


@lru_cache(maxsize=4)
def _phrases(gaz: Gazetteer) -> _Phrases:
    return _Phrases(gaz)


@lru_cache(maxsize=4)
def _kept(gaz: Gazetteer, text: str) -> list[int]:
    """The alternatives of every phrase pattern the text may match (`prefilter.Narrowing.kept`):
    one scan for the needles of them all, per text."""
    return _phrases(gaz).narrowing.kept(fold_case(text))


@lru_cache(maxsize=64)
def _all_hits(gaz: Gazetteer, text: str, kind: str) -> tuple[list[int], list[_Hit]]:
    """Every phrase of a set (`_Phrases.SETS`) in the text, by start (and the starts, to bisect):
    found once per text, as every figure looks in windows of it. A pattern is searched without its
    phrases whose needles the text lacks (`prefilter.Narrowing`)."""
    phrases = _phrases(gaz)
    first, kept = phrases.first[kind], _kept(gaz, text)
    patterns = (phrases.narrowing.pattern(first + i, kept[first + i]) for i in range(len(phrases.phrasings[kind])))
    hits = sorted(_Hit(m.start(), m.end(), p.iri) for p, pattern in zip(phrases.phrasings[kind], patterns)
                  if pattern is not None for m in pattern.finditer(text) if m.end() > m.start())
    return [h.start for h in hits], hits


def _hits(gaz: Gazetteer, kind: str, text: str, start: int, end: int) -> list[_Hit]:
    """The phrases of a set that lie within text[start:end]."""
    starts, hits = _all_hits(gaz, text, kind)
    return [h for h in hits[bisect_left(starts, start):bisect_left(starts, end)] if h.end <= end]


def _subject_hits(gaz: Gazetteer, text: str, start: int, end: int, weak: bool = False) -> list[_Hit]:
    return _hits(gaz, "weak subjects" if weak else "subjects", text, start, end)


def _measure_hits(gaz: Gazetteer, text: str, start: int, end: int) -> list[_Hit]:
    return _hits(gaz, "measures", text, start, end)


def measures_in_order(gaz: Gazetteer, text: str, start: int, end: int) -> list[str]:
    """The measures named in text[start:end], in order, each once; a phrase inside a longer one
    (`revenue` in `total revenue`) is not counted apart."""
    return [h.iri for h in _outermost(_measure_hits(gaz, text, start, end))]


def subjects_in_order(gaz: Gazetteer, text: str, start: int, end: int) -> list[str]:
    """The subjects named in text[start:end], in order, each once; a name inside a longer one
    (`ssc` in `e-ssc`, 社保卡 in 电子社保卡) is not counted apart."""
    return [h.iri for h in _outermost(_subject_hits(gaz, text, start, end))]


def named_in(gaz: Gazetteer, text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(subject, measure) named last in text[start:end]: a subject by a strong name, else by a weak
    one (持卡, `holders`); either None where the span names none."""
    subject = _nearest_before(_subject_hits(gaz, text, start, end)) or _nearest_before(_subject_hits(gaz, text, start, end, True))
    measure = _nearest_before(_outermost(_measure_hits(gaz, text, start, end)))
    return (subject.iri if subject else None), (measure.iri if measure else None)


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """The hits that lie inside no other, each iri at its first place."""
    first: dict[str, _Hit] = {}
    for h in hits:
        if not any(o != h and o.start <= h.start and h.end <= o.end for o in hits):
            first.setdefault(h.iri, h)
    return list(first.values())


def _nearest_before(hits: list[_Hit]) -> _Hit | None:
    """The hit that ends last (nearest before the figure), the longest of those."""
    return min(hits, key=lambda h: (-h.end, h.start)) if hits else None


def _nearest_after(hits: list[_Hit]) -> _Hit | None:
    """The hit that starts first after the figure, the longest of those."""
    return min(hits, key=lambda h: (h.start, -h.end)) if hits else None


def _topic(text: str, hits: list[_Hit]) -> _Hit | None:
    """The first subject named in the last sentence that names one: what that sentence is about."""
    last = _nearest_before(hits)
    if last is None:
        return None
    first = min(h.start for h in hits)
    start = max((m.end() for m in _SENTENCE_END.finditer(text, first, last.start)), default=first)
    return min((h for h in hits if h.start >= start), key=lambda h: (h.start, -h.end))


def _narrowest(gaz: Gazetteer, hits: list[_Hit], best: _Hit) -> _Hit:
    """Of a card and a kind of it named together (`a one-card catalog for social security cards`),
    the kind."""
    kinds = _phrases(gaz).kinds.get(best.iri, ())
    narrower = [h for h in hits if h.iri in kinds]
    return _nearest_before(narrower) or best


def _coordinated(gaz: Gazetteer, text: str, hits: list[_Hit], best: _Hit) -> _Hit:
    """`社保卡和电子社保卡用户`, `cardholders and e-card users`, `cards and e-cards`: a card and a kind
    of it joined by a conjunction are one noun phrase, the card as a whole; the nearer name alone
    would count a part. Nouns joined so are not a list of clauses: nothing but the conjunction
    stands between them."""
    broader = _phrases(gaz).broader
    for other in hits:
        first, second = (other, best) if other.end <= best.start else (best, other)
        if first.end > second.start or not _COORDINATION.fullmatch(text, first.end, second.start):
            continue
        if broader.get(best.iri) == other.iri:
            return other
    return best


def _resolve(gaz: Gazetteer, text: str, weak: _Hit, paragraph_start: int) -> str:
    """A weak mention (持卡, `the card`) means the narrowest card named last before it, if any. An
    English one without a determiner (`Card coverage was 97.7%`) names the card in general."""
    if text[weak.start:weak.end].isascii() and not _DETERMINER_BEFORE.search(text, max(0, weak.start - 12), weak.start):
        return weak.iri
    family = _phrases(gaz).family.get(weak.iri, ())
    named = [h for h in _subject_hits(gaz, text, paragraph_start, weak.start) if h.iri in family]
    last = _nearest_before(named)
    return last.iri if last else weak.iri


def _subject(gaz: Gazetteer, text: str, q: Quantity, span: tuple[int, int], sentence: tuple[int, int],
             paragraph_start: int) -> tuple[str | None, str]:
    """The subject named in the clause (before the figure, else after it; strong phrases before
    weak ones; a name may begin before the clause, as lists of schemes do), else the topic of the
    sentence before the clause, else of the paragraph's latest sentence that names one; and where
    it was named. A subject named only in a later clause is another statement's
    (`川渝推出31项合作服务，并实现了持社保卡…`)."""
    searches = (
        (sentence[0], q.start, _nearest_before, "clause"), (q.end, span[1], _nearest_after, "clause"),
        (*_topic_clause(text, sentence, span), _nearest_before, "topic"),
        (sentence[0], span[0], _topic, "sentence"), (paragraph_start, sentence[0], _topic, "paragraph"),
    )
    for start, end, pick, place in searches:
        for weak in (False, True):
            hits = [h for h in _subject_hits(gaz, text, start, end, weak) if place != "clause" or h.end > span[0]]
            best = _topic(text, hits) if pick is _topic else pick(hits)
            if best is not None and place == "clause" and not weak:
                best = _coordinated(gaz, text, _subject_hits(gaz, text, sentence[0], span[1])
                                    + _subject_hits(gaz, text, sentence[0], span[1], True), _narrowest(gaz, hits, best))
            if best is not None:
                return (_resolve(gaz, text, best, paragraph_start) if weak else best.iri), place
    return None, ""


def _topic_clause(text: str, sentence: tuple[int, int], span: tuple[int, int]) -> tuple[int, int]:
    """`…领用人数达到10亿，而作为其底座的实体社保卡，截至3月末已有13.8亿人持有`: the clause right before
    the figure's, with no figure of its own, is a topic the figure's clause comments on; it names the
    subject before the sentence's first one does. An empty span when there is none."""
    if span[0] <= sentence[0]:
        return span[0], span[0]
    start = max((m.end() for m in ZH_CLAUSE_BREAK.finditer(text, sentence[0], span[0] - 1)), default=sentence[0])
    return (span[0], span[0]) if _DIGIT.search(text, start, span[0]) else (start, span[0])


_DIGIT = re.compile(r"\d")
_DETERMINER_BEFORE = re.compile(rf"\b(?:{either(_EN['determiners'])})\s+$", re.I)


def _measures(gaz: Gazetteer, text: str, q: Quantity, span: tuple[int, int], english: bool) -> list[tuple[str, bool]]:
    """The measures named in `span` around the figure, each with whether it is the noun that
    frames the figure (`a catalog of 96`, `持卡人数达13.8亿`) or follows it (`95 functions`, `95项应用`):
    those first, then the others before the figure (nearest first), then the rest after. Before
    the figure the whole sentence counts: a list shares its measure (`养老保险参保人数10.7亿人，
    失业保险2.4亿人`)."""
    before = sorted(_measure_hits(gaz, text, span[0], q.start), key=lambda h: (-h.end, h.start))
    after = sorted(_measure_hits(gaz, text, q.end, span[1]), key=lambda h: (h.start, -h.end))
    framing = (_EN_ADJACENT_BEFORE if english else _ZH_ADJACENT_BEFORE)
    following = (_EN_ADJACENT if english else _ZH_ADJACENT)
    close = [h for h in before if framing.fullmatch(text, h.end, q.start)] \
        + [h for h in after if following.fullmatch(text, q.end, h.start)]
    ordered = [(h.iri, True) for h in close] + [(h.iri, False) for h in before + after]
    return list(dict.fromkeys(ordered))


def _admits(metric: Metric, measure: str, text: str, q: Quantity) -> bool:
    """Whether the measure names the metric for a figure in this unit. A figure with no unit word
    is told by its size: 持有社保卡的人口近13.8亿 counts people, it is no share of the population."""
    if not fits_count(metric, text, q) or (q.unit is None and not metric.holds(q.value)):
        return False
    if measure in metric.measures:
        return q.unit is None or q.unit in metric.units
    return measure in metric.secondary_measures and q.unit in metric.units


@lru_cache(maxsize=512)
def compose(gaz: Gazetteer, text: str, q: Quantity, span: tuple[int, int], sentence: tuple[int, int],
            paragraph_start: int, english: bool, measures_from: int | None = None) -> Composed | None:
    """The metric of the figure's subject and measure that admits its unit; with no measure word
    at all, the metric its subject and unit name alone (万人 said of the third-generation card, a
    percentage of the surveyed unemployment rate named in the sentence before). `measures_from`
    widens where measures are looked for before the figure (the sentence's start).

    Cached: it does not depend on the publication date, and an article with no year is read as
    published in each year that may be its own (`extract._dated_by_statistics`)."""
    subject, place = _subject(gaz, text, q, span, sentence, paragraph_start)
    if subject is None:
        return _explained_after(gaz, text, q, sentence)
    measures_start = sentence[0] if measures_from is None else measures_from
    measures = _measures(gaz, text, q, (measures_start, span[1]), english)
    clause_start = span[0] if measures_from is None else measures_from
    named_after = _measure_hits(gaz, text, q.end, span[1]) if q.unit is None else any(adjacent for _, adjacent in measures)
    if place == "paragraph" and q.unit in _VAGUE_UNITS and not _measure_hits(gaz, text, clause_start, q.start) and not named_after:
        return None
    candidates = [m for m in gaz.metrics if subject in m.subjects]
    own = measures if measures_start == span[0] else _measures(gaz, text, q, span, english)
    unpaired = next(((m, adjacent) for i, (m, adjacent) in enumerate(own) if m in gaz.unpaired_measures and (adjacent or i == 0)), None)
    if unpaired is not None:  # `领取失业保险金人数260万`: benefits; `has 100 million active users`: no count of holders
        return Composed(None, subject, place, unpaired[1], True)
    share = _population_share(text, q, english, candidates, measures)
    if share is not None:
        return Composed(share, subject, place, True)
    for measure, adjacent in measures:
        for metric in candidates:
            if _admits(metric, measure, text, q):
                return Composed(metric, subject, place, adjacent)
    if (place == "clause" or q.unit == "percent") and q.unit is not None and not measures:
        for metric in candidates:
            if q.unit in metric.unit_alone and fits_count(metric, text, q):
                return Composed(metric, subject, place)
    return Composed(None, subject, place)


def _population_share(text: str, q: Quantity, english: bool, candidates: list[Metric],
                      measures: list[tuple[str, bool]]) -> Metric | None:
    """`9 in 10 people hold the card`, `九成居民持有社保卡`, `每10人中就有9人持有社保卡`, `1.38 billion people,
    or 97.7 percent, hold the card`: a percentage of the people who hold what the subject counts is
    the share of the population holding it, the subject's metric in percent (its coverage)."""
    if q.unit != "percent":
        return None
    if english:
        of_people = _EN_PEOPLE_SHARE.match(text, q.end) is not None or _EN_PEOPLE_COUNTER.match(text, q.start, q.end) is not None \
            or _EN_PEOPLE_APPOSITION.search(text, max(0, q.start - 80), q.start) is not None
    else:
        of_people = _ZH_PEOPLE_SHARE.match(text, q.end) is not None or _ZH_PEOPLE_COUNTER.match(text, q.start, q.end) is not None
    if not of_people or not any(measure in m.measures for measure, _ in measures for m in candidates if "person" in m.units):
        return None
    return next((m for m in candidates if m.units == {"percent"}), None)


def _explained_after(gaz: Gazetteer, text: str, q: Quantity, sentence: tuple[int, int]) -> Composed | None:
    """`13.8亿人！这是全国社保卡的持卡规模。`: a sentence that opens by pointing back at the figure
    names its subject and measure."""
    if gaz.demonstrative is None or not gaz.demonstrative.match(text, sentence[1]):
        return None
    end = _SENTENCE_END.search(text, sentence[1])
    following = (sentence[1], end.end() if end else len(text))
    subject = _topic(text, _subject_hits(gaz, text, *following)) \
        or _topic(text, _subject_hits(gaz, text, *following, True))
    if subject is None:
        return None
    measures = {h.iri for h in _measure_hits(gaz, text, *following)}
    metric = next((m for m in gaz.metrics for measure in sorted(measures)
                   if subject.iri in m.subjects and _admits(m, measure, text, q)), None)
    return Composed(metric, subject.iri, "sentence")


def fits_count(metric: Metric, text: str, q: Quantity) -> bool:
    """A count fits a metric that names the words its counts are written with only in those words,
    and none when it counts places (`300多个地市`, `330 prefecture-level cities`)."""
    if q.unit != "count":
        return True
    if counts_places(text, q):
        return False
    return metric.count_word is None or metric.count_word.match(text, q.end) is not None


def counts_places(text: str, q: Quantity) -> bool:
    """`300多个地市`, `330 prefecture-level cities`: a count of places, which no metric counts."""
    return q.unit == "count" and _PLACES_COUNTED.match(text, q.end) is not None


_PLACES_COUNTED = re.compile(either([_ZH["places_counted"], _EN["places_counted"]]), re.I)
