"""One article in, everything it says out: cleaning, publication date, mentions, measurements."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from . import gazetteer
from ..clean import Cleaned, clean
from ..clean.boilerplate import Segment
from .dates import find_dates
from .dates_grammar import period_end
from .compose import counts_no_figure
from .pubdate import agreeing_years, dateline_in_year, dateline_spans, publication_date, year_from_statistics
from .entities import Found, find_country, find_named, find_places, speaks_of_a_place, the_country
from .officials import find_people
from .measurements import Draft, draft_measurements
from .figure_places import speaks_of_the_country
from ..model import Article, Evidence, Extraction, Measurement, Mention, Skipped, value_key
from .numbers import BARE_NUMBER, Quantity, Rejected, find_quantities

EXTRACTOR_VERSION = "4"  # raised when extraction changes what it gives for the same article
LOW_CONFIDENCE = 0.5
QUOTE_LIMIT = 240


def version() -> str:
    """The extractor and reference-data version a graph records; a change re-extracts."""
    return f"{EXTRACTOR_VERSION}+{gazetteer.reference_version()}"


def extract(article: Article) -> tuple[Cleaned, Extraction]:
    gaz = gazetteer.load()
    cleaned = clean(article)
    article = replace(article, language=cleaned.language)
    text = cleaned.text
    english = article.language == "en"
    kept = [s for s in cleaned.segments if s.kind in ("main", "title")]  # a related-reading item is another story
    body = "\n".join(text[s.start:s.end] for s in kept)
    published, stated = publication_date(article.published if article.date_stated else None,
                                         article.url, body or text, english, article.source, page=text)
    article = replace(article, published=published, date_stated=stated)
    pieces = [_piece(gaz, cleaned, seg, english) for seg in kept]
    home = _home_region(gaz, article, text, kept, english)
    if published is None and gaz.published:
        return cleaned, _dated_by_statistics(gaz, cleaned, article, pieces, home, body or text)
    return cleaned, _read(gaz, cleaned, article, pieces, home)


@dataclass(frozen=True)
class _Piece:
    """A kept segment with what does not depend on the publication date: its figures and mentions,
    read in the segment's own language."""

    segment: Segment
    english: bool
    quantities: list[Quantity]
    skipped: list[Skipped]
    found: list[Found]


def _piece(gaz, cleaned: Cleaned, seg: Segment, article_english: bool) -> _Piece:
    piece = cleaned.text[seg.start:seg.end]
    english = seg.language == "en" if seg.language else article_english
    quantities, rejected = find_quantities(piece, english)
    kinds = [q for q in quantities if counts_no_figure(gaz, piece, q, english)]
    rejected += [Rejected(q.start, q.end, piece[q.start:q.end], "a count of kinds, batches or documents") for q in kinds]
    return _Piece(
        seg,
        english,
        [q._replace(start=q.start + seg.start, end=q.end + seg.start) for q in quantities if q not in kinds],
        [Skipped(r.text, r.reason, cleaned.mapped.original_span(r.start + seg.start, r.end + seg.start)[0])
         for r in rejected if r.reason != BARE_NUMBER],
        _mentions(gaz, piece, english, seg.start),
    )


def _read(gaz, cleaned: Cleaned, article: Article, pieces: list[_Piece], home: str | None) -> Extraction:
    """The article's mentions and measurements, its dates resolved against `article.published`;
    `home` is the region the article is about, if its title names one."""
    return _extraction(gaz, cleaned, article, pieces, home, _drafted(gaz, cleaned, article.published, pieces, home))


class _Reading(NamedTuple):
    """One reading of the pieces as published on a date: each figure's draft with its segment's
    kind and date, and the pieces' mentions."""

    drafts: list[tuple[Draft, str, str | None]]
    mentions: list[Found]


def _drafted(gaz, cleaned: Cleaned, published: str | None, pieces: list[_Piece], home: str | None) -> _Reading:
    """The pieces' figures drafted with their dates resolved against `published`: all that a
    reading's date changes, and so all an article with no year is read for in each candidate year."""
    text = cleaned.text
    drafts: list[tuple[Draft, str, str | None]] = []
    mentions: list[Found] = []
    title_year = _title_year(text, pieces, published)
    filed = dateline_spans(text)
    for piece in pieces:
        seg = piece.segment
        reference = seg.date or published
        dates = [d._replace(start=d.start + seg.start, end=d.end + seg.start)
                 for d in find_dates(text[seg.start:seg.end], reference, piece.english, title_year)]
        dates = [d for d in dates if not any(a <= d.start < b for a, b in filed)]
        places = [f for f in piece.found if f.type == "region" and gaz.entries[f.key].level != "country"]
        people = [f for f in piece.found if f.type == "person"]
        agencies = [f for f in piece.found if f.type == "agency"]
        found = draft_measurements(gaz, text, (seg.start, seg.end), piece.english, piece.quantities, dates,
                                   places, people, reference, home, agencies)
        drafts += [(draft, seg.kind, seg.date) for draft in found]
        mentions += piece.found
    return _Reading(drafts, mentions)


def _extraction(gaz, cleaned: Cleaned, article: Article, pieces: list[_Piece], home: str | None,
                reading: _Reading) -> Extraction:
    """The Extraction of a reading of `pieces`: its measurements, mentions and what was skipped."""
    text = cleaned.text
    result = Extraction(article)
    for piece in pieces:
        result.skipped += piece.skipped
    result.measurements, low = _measurements(cleaned, reading.drafts)
    local = home is not None or any(speaks_of_a_place(gaz, text[p.segment.start:p.segment.end], p.english)
                                    for p in pieces)
    result.mentions = (_unique_mentions(cleaned, reading.mentions)
                       + _country_of_figures(gaz, reading.mentions, result.measurements, local))
    result.skipped += low
    return result


def _country_of_figures(gaz, mentions: list[Found], measurements: list[Measurement], local: bool) -> list[Mention]:
    """An article that reports a figure for the whole country mentions the country, though it
    may never name it (`2015年城镇新增就业1312万人`): a figure with no region in an article that is
    not `local` (about a place its title names, or that it calls 我市, 全省)."""
    country = the_country(gaz)
    if country is None or local or any(f.key == country.iri for f in mentions):
        return []
    national = [m for m in measurements if m.region is None and m.kind != "target" and m.metric]
    return [Mention("region", country.iri, country.label, national[0].evidence)] if national else []


def _title_year(text: str, pieces: list[_Piece], published: str | None) -> int | None:
    """The latest year the title names, not after the publication: the year the article reports on."""
    years = [int(d.value[:4]) for p in pieces if p.segment.kind == "title"
             for d in find_dates(text[p.segment.start:p.segment.end], published, p.english) if d.explicit_year and not d.target]
    return max(years, default=None)


def _dated_by_statistics(gaz, cleaned: Cleaned, article: Article, pieces: list[_Piece], home: str | None,
                         body: str) -> Extraction:
    """An article with no year in it, read as published in each year the bulletins cover (on its
    dateline's day, if it has one): the reading whose nationwide figures agree with the published
    ones is kept. With no clear winner, or no figure of a published metric, it stays undated.

    Only the segments holding a figure that could agree with a published one are read, and only
    in the years an agreement allows. A figure's metric is named by its words, not its date, so
    the undated reading already tells which nationwide levels of which metrics there are; and a
    figure dated relative to the publication (今年, 去年, 上月底) falls in its year or the year
    before. A year in which none of those levels can agree with its metric's figures scores
    nothing and cannot win."""
    undated = _drafted(gaz, cleaned, article.published, pieces, home)
    levels = _national_levels(gaz, cleaned, undated.drafts, dated=False)
    if not levels:
        return _extraction(gaz, cleaned, article, pieces, home, undated)
    stocks = {m.notation for m in gaz.metrics if m.stock}
    voters = [p for p in pieces if any(agreeing_years(q.value, gaz.published, stocks) for q in p.quantities)]
    agreeing = set().union(*(agreeing_years(value, {metric: gaz.published[metric]}, stocks)
                             for metric, _, value in levels))
    covered = sorted({int(as_of[:4]) for table in gaz.published.values() for as_of in table})
    last = min(covered[-1] + 1, date.today().year)
    candidates = sorted({year + later for year in agreeing for later in (0, 1) if covered[0] <= year + later <= last})
    dated = {year: replace(article, published=dateline_in_year(body, year) or str(year)) for year in candidates}
    readings = {year: _drafted(gaz, cleaned, in_year.published, voters, home) for year, in_year in dated.items()}
    levels_by_year = {year: _national_levels(gaz, cleaned, reading.drafts) for year, reading in readings.items()}
    year = year_from_statistics(levels_by_year, gaz.published, stocks)
    if year is None:
        return _extraction(gaz, cleaned, article, pieces, home, undated)
    if len(voters) == len(pieces):
        return _extraction(gaz, cleaned, dated[year], voters, home, readings[year])
    return _read(gaz, cleaned, dated[year], pieces, home)


def _national_levels(gaz, cleaned: Cleaned, drafts: list[tuple[Draft, str, str | None]],
                     dated: bool = True) -> list[tuple[str, str, Decimal]]:
    """(metric, as-of date, value) of the nationwide levels of metrics the bulletins publish, among
    the figures a reading's measurements would hold (in no particular order): all a candidate
    year's reading is for, so none of them is made a Measurement."""
    kept = _kept(cleaned, drafts)[0]
    return [(_notation(d), d.as_of, d.quantity.value) for d, stands in zip(kept, _standing(cleaned.text, kept))
            if stands and d.kind == "level" and _notation(d) in gaz.published and (d.as_of or not dated)
            and _national(gaz, d.region)]


def _national(gaz, region: str | None) -> bool:
    return region is None or gaz.entries.get(region) is not None and gaz.entries[region].level == "country"


def _home_region(gaz, article: Article, text: str, kept, english: bool) -> str | None:
    """The one sub-national region a title names (`北京第三代社保卡…`): the article is about it. A
    grouping (`京津冀社保卡一卡通…`) is a story of cooperation, not a home: its figures are the
    country's or each member's, and a figure of the grouping names it in its own clause. A title
    that speaks of the whole country as well (`北京…第三代 全国电子社保卡…超10亿`) has no home."""
    titles = [text[s.start:s.end] for s in kept if s.kind == "title"] or [article.title or ""]
    if any(speaks_of_the_country(title) for title in titles):
        return None
    regions = {f.key for title in titles for f in find_places(gaz, title, english)
               if gaz.entries[f.key].level not in ("country", "grouping")}
    if regions:
        return regions.pop() if len(regions) == 1 else None
    return _publishers_place(gaz, text, kept, english)


def _publishers_place(gaz, text: str, kept, english: bool) -> str | None:
    """`山西省人力资源和社会保障厅` over a page whose article says 我省, 全省: the one place the lines
    above the article name (a local office's or paper's banner) is the place the article speaks of."""
    above = text[:min((s.start for s in kept), default=0)]
    places = {f.key for f in find_places(gaz, above, english) if gaz.entries[f.key].level not in ("country", "grouping")}
    if len(places) != 1 or not speaks_of_a_place(gaz, "\n".join(text[s.start:s.end] for s in kept), english):
        return None
    return places.pop()


def _mentions(gaz, text: str, english: bool, offset: int) -> list[Found]:
    agencies = find_named(gaz, "agency", text, english)
    programs = find_named(gaz, "program", text, english)
    places = [p for p in find_places(gaz, text, english) if gaz.entries[p.key].level != "country"]
    people = find_people(gaz, text, english, agencies)
    country = find_country(gaz, text, english, agencies)[:1]
    return [f._replace(start=f.start + offset, end=f.end + offset) for f in agencies + programs + places + people + country]


QUOTE_CONTEXT = 16  # characters of the original on each side of a quote it holds more than once


def _evidence(cleaned: Cleaned, start: int, end: int) -> Evidence:
    a, b = cleaned.mapped.original_span(start, end)
    original = cleaned.mapped.original
    quote = original[a:b]
    if original.find(quote) == a and original.find(quote, a + 1) < 0:
        return Evidence(a, b, quote, cleaned.text[start:end])
    return Evidence(a, b, quote, cleaned.text[start:end],
                    original[max(0, a - QUOTE_CONTEXT):a], original[b:b + QUOTE_CONTEXT])


def _unique_mentions(cleaned: Cleaned, found: list[Found]) -> list[Mention]:
    """One mention per entity; a person keeps the first role the article gives them."""
    chosen: dict[tuple[str, str], Found] = {}
    for f in found:
        key = (f.type, f.key)
        if key not in chosen or (f.role and not chosen[key].role):
            chosen[key] = f
    return [Mention(f.type, f.key, f.label, _evidence(cleaned, f.start, f.end), f.role, f.agency,
                    (f.name,) if f.name else ())
            for f in sorted(chosen.values(), key=lambda f: (f.start, f.type, f.key))]


def _quote_span(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The sentence, trimmed to clause boundaries when it is long."""
    a, b = sentence
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b - a <= QUOTE_LIMIT:
        return a, b
    left = max([m.end() for m in re.finditer(r"[,，;；]", text[a:max(a, start - 60)])], default=0) + a
    right_slice = text[min(b, end + 60):b]
    cut = re.search(r"[,，;；]", right_slice)
    right = min(b, end + 60) + (cut.start() if cut else len(right_slice))
    return left, min(right, left + 2 * QUOTE_LIMIT)


def _link_levels(kept: list[tuple[Draft, Measurement]], kept_as: dict[Quantity, Quantity]) -> list[Measurement]:
    """Each change points at the kept measurement of the level it modifies: the level itself, or
    the figure it was kept as when it repeats one (`kept_as`). A level read elsewhere (a headline
    told in the body) is found by its metric, value and region."""
    kept_levels = {d.quantity: m for d, m in kept if d.kind == "level"}
    levels: dict[tuple, Measurement] = {}
    for draft, m in kept:
        if draft.kind == "level":
            levels.setdefault((m.metric, value_key(m.value), m.region), m)

    def level_of(draft: Draft) -> Measurement | None:
        level = draft.modifies
        if level.quantity in kept_as:
            return kept_levels.get(kept_as[level.quantity])
        notation = level.metric.notation if level.metric else None
        return levels.get((notation, value_key(level.quantity.value), level.region))

    return [replace(m, change_of=level_of(d)) if d.modifies else m for d, m in kept]


def _told_in_body(title: Draft, body_figures: set[tuple]) -> bool:
    """The body gives the title's figure: its value, with the title's metric if the title names one
    (a headline's `card holders broke through 1 billion` over a body that only hands over the
    billionth card keeps its metric)."""
    value, metric = value_key(title.quantity.value), _notation(title)
    return (value, metric) in body_figures or metric is None and any(v == value for v, _ in body_figures)


def _dated_as_rounded(title: Draft, body: list[Draft]) -> Draft:
    """`持卡人数突破九亿` over `截至3月底…达9.03亿人`: a headline's figure with no date of its own that
    rounds a dated figure of the same metric in the body (down, when it says more than) is of that
    figure's date."""
    if not title.date_inferred or title.metric is None or title.kind != "level":
        return title
    value = title.quantity.value
    low, high = (value, value * Decimal("1.1")) if title.quantity.qualifier == "gt" else (value * Decimal("0.95"), value * Decimal("1.05"))
    rounded = next((d for d in body if d.metric is title.metric and d.kind == "level" and low <= d.quantity.value < high
                    and d.quantity.value != value), None)
    if rounded is None:
        return title
    return title._replace(as_of=rounded.as_of, period_start=rounded.period_start, date_inferred=False, undated=False)


def _notation(draft: Draft) -> str | None:
    return draft.metric.notation if draft.metric else None


def _measurements(cleaned: Cleaned, drafts: list[tuple[Draft, str, str | None]]) -> tuple[list[Measurement], list[Skipped]]:
    """Drafts to Measurements, each figure once (see `_kept`), in the text's order."""
    kept, kept_as, skipped = _kept(cleaned, drafts)
    pairs = [(draft, _measurement(cleaned, draft)) for draft in kept]
    measurements = [m for m, stands in zip(_link_levels(pairs, kept_as), _standing(cleaned.text, kept)) if stands]
    return sorted(measurements, key=lambda m: (m.evidence.start, m.evidence.end, m.metric or "", value_key(m.value))), skipped


def _kept(cleaned: Cleaned, drafts: list[tuple[Draft, str, str | None]]
          ) -> tuple[list[Draft], dict[Quantity, Quantity], list[Skipped]]:
    """The figures kept, with the kept figure each figure read is, and the figures skipped. Repeats
    of one figure (title and body, a duplicated paragraph, a headline and its summary) are kept
    once, preferring the body, a stated date, a date the text gives (not the segment's own: an
    HTML page's headline is a line of its main text), the finer date and a stated unit. The same
    value stated for two dates is two figures, and so are two unnamed figures of different things."""
    kept: list[Draft] = []
    seen: dict[tuple, list[tuple[Draft, str | None]]] = {}  # by what `_same_figure` compares first
    kept_as: dict[Quantity, Quantity] = {}  # each figure read, and the kept figure it is
    skipped = []
    rank = {"main": 0, "title": 1}
    body_figures = {(value_key(d.quantity.value), _notation(d)) for d, kind, _ in drafts if kind != "title"}
    drafts = [entry for entry in drafts if entry[1] != "title" or not _told_in_body(entry[0], body_figures)]
    body = [d for d, kind, _ in drafts if kind != "title" and not d.date_inferred]
    drafts = [(_dated_as_rounded(d, body) if kind == "title" else d, kind, seg_date) for d, kind, seg_date in drafts]
    order = sorted(drafts, key=lambda e: (rank[e[1]], e[0].date_inferred, e[0].undated, -len(e[0].as_of or ""),
                                          e[0].quantity.unit is None, e[0].quantity.start))
    for draft, seg_kind, seg_date in order:
        q = draft.quantity
        if cleaned.mapped.low_confidence(q.start, q.end, LOW_CONFIDENCE):
            skipped.append(Skipped(cleaned.text[q.start:q.end], "figure inside a low-confidence repair",
                                   cleaned.mapped.original_span(q.start, q.end)[0]))
            continue
        if draft.metric is not None and not draft.metric.holds(abs(q.value) if draft.kind == "change" else q.value):
            skipped.append(Skipped(cleaned.text[q.start:q.end], f"kept without the metric {draft.metric.notation}: "
                                   f"{q.value} is outside its range", cleaned.mapped.original_span(q.start, q.end)[0]))
            draft = draft._replace(metric=None)
        alike = seen.setdefault(_figure_key(draft), [])
        earlier = next((e for e, e_date in alike if _same_figure(cleaned.text, draft, seg_date, e, e_date)), None)
        alike.append((draft, seg_date))
        kept_as[q] = q if earlier is None else kept_as[earlier.quantity]
        if earlier is None:
            kept.append(draft)
    return kept, kept_as, skipped


def _measurement(cleaned: Cleaned, draft: Draft) -> Measurement:
    """A kept figure as a Measurement, quoted from its sentence."""
    q = draft.quantity
    a, b = _quote_span(cleaned.text, draft.sentence, q.start, q.end)
    return Measurement(
        metric=_notation(draft), value=q.value, unit=draft.unit, evidence=_evidence(cleaned, a, b),
        subject=draft.subject, qualifier=q.qualifier, as_of=draft.as_of, period_start=draft.period_start,
        kind=draft.kind, region=draft.region, official=draft.official, date_inferred=draft.date_inferred,
    )


def _standing(text: str, kept: list[Draft]) -> list[bool]:
    """Whether each kept figure stands as a measurement of its own: an undated, unnamed repeat of
    a named figure (a headline) does not, nor does an undated headline's figure a placed one gives."""
    named = [d for d in kept if _notation(d)]
    placed = [d for d in kept if d.region is not None]
    return [bool(_notation(d) or not d.date_inferred or not _repeats_a_named(text, d, named))
            and not _headline_of_a_placed(text, d, placed) for d in kept]


def _repeats_a_named(text: str, draft: Draft, named: list[Draft]) -> bool:
    """An undated figure no metric names that repeats a named one (a headline, a summary) is that
    figure; one said of another thing (`其中92%的社保卡开通了银行账户` beside a 92% coverage) is not."""
    key = (value_key(draft.quantity.value), draft.kind, draft.region)
    return any((value_key(n.quantity.value), n.kind, n.region) == key and _said_of_the_same(text, draft, n)
               for n in named)


def _headline_of_a_placed(text: str, draft: Draft, placed: list[Draft]) -> bool:
    """`近800万人换上第三代社保卡` over `全市已有近800万人…`: an undated headline's figure said of no
    place is the body's figure of the same measure, which says where."""
    if draft.region is not None or not draft.date_inferred or not _is_headline(text, draft.quantity.start):
        return False
    key = (_notation(draft), value_key(draft.quantity.value), draft.kind)
    return any((_notation(p), value_key(p.quantity.value), p.kind) == key for p in placed)


def _is_headline(text: str, at: int) -> bool:
    """The line holding `at` is short and ends no sentence: a headline."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].strip()
    return len(line) <= _HEADLINE_LENGTH and not _SENTENCE_STOP.search(line)


_HEADLINE_LENGTH = 48
_SENTENCE_STOP = re.compile(r"[。！？!?]|\.(?:\s|$)")


def _figure_key(draft: Draft) -> tuple:
    """The metric, value, kind and region of a figure: two figures are the same only if these are."""
    return _notation(draft), value_key(draft.quantity.value), draft.kind, draft.region


def _same_figure(text: str, draft: Draft, seg_date: str | None, earlier: Draft, earlier_date: str | None) -> bool:
    """Whether `draft` restates a figure read before: the same metric, value, kind and region, at
    the same moment (one date perhaps finer than the other; or both undated in segments of one
    date), and, for a figure no metric names, said of the same thing (`已在30个省份发行` and
    `共有30家合作银行` are two figures)."""
    if _figure_key(draft) != _figure_key(earlier):
        return False
    same_moment = _same_moment(draft, earlier) or (draft.date_inferred and seg_date == earlier_date)
    return same_moment and (draft.metric is not None or _said_of_the_same(text, draft, earlier))


def _same_moment(one: Draft, other: Draft) -> bool:
    """The same date, the same period written two ways (`2023年` and `1-12月`), or a day and a
    period that ends on it (`2023年` and `截至12月31日`). A month and its year are two periods
    (`12月份为5.1%,全年平均为5.1%`)."""
    if one.as_of == other.as_of:
        return True
    if one.as_of is None or other.as_of is None:
        return False
    return _period(one) == _period(other) or _ends_on(one.as_of, other.as_of) or _ends_on(other.as_of, one.as_of)


def _period(draft: Draft) -> tuple[str, str]:
    """The first month (or the day) and the last day a figure's date covers."""
    as_of = draft.as_of
    first = draft.period_start or (f"{as_of}-01" if len(as_of) == 4 else as_of)
    return first[:7] if len(as_of) < 10 else first, period_end(as_of)


def _ends_on(day: str, period: str) -> bool:
    return len(day) == 10 and len(period) < 10 and period_end(period) == day


# Words that say nothing of what a figure counts.
_FUNCTION_WORDS = frozenset(
    "the and for with that this these those from into was were are has have had been its their than more over "
    "about nearly total some which who also such".split())
_FIGURE_CLAUSE_BREAK = re.compile(r"[;；:：，]|,(?!\d)")


def _said_of_the_same(text: str, one: Draft, other: Draft) -> bool:
    """Whether the clauses of two figures say the same thing: most of the words of the shorter
    (Chinese character pairs, English words) are in the other. A clause with no words to tell
    them apart is taken to say the same."""
    mine, theirs = _clause_words(text, one), _clause_words(text, other)
    if not mine or not theirs:
        return True
    return len(mine & theirs) * 2 >= min(len(mine), len(theirs))


def _clause_words(text: str, draft: Draft) -> frozenset[str]:
    """The words of the clause around a figure, its numbers left out."""
    q, (start, end) = draft.quantity, draft.sentence
    left = max((m.end() for m in _FIGURE_CLAUSE_BREAK.finditer(text, start, q.start)), default=start)
    right = _FIGURE_CLAUSE_BREAK.search(text, q.end, end)
    words: set[str] = set()
    for run in re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]+", text[left:right.start() if right else end]):
        if run.isascii():
            if len(run) > 2 and run.lower() not in _FUNCTION_WORDS:
                words.add(run.lower())
        else:
            words.update(run[i:i + 2] for i in range(max(1, len(run) - 1)))
    return frozenset(words)
