"""The place of a figure: the region named last before it in its sentence, the place holding a list
of places, or the place of the level a sentence speaks of (全省, the city); not a venue, a place
that files the report or one that only names an organisation. Part of reading measurements: its
cues are in the [measurements] sections of cues/zh.toml and cues/en.toml.
"""

from __future__ import annotations

import re
from typing import Protocol

from .entities import Found, official_name, speaks_of_a_place
from .gazetteer import Gazetteer
from .numbers import Quantity
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("measurements")

NATIONAL = compile_fast(either(_ZH["national"], _EN["national"]), re.I)


class Segment(Protocol):
    """What finding a figure's place reads of its segment (measurements' context)."""

    gaz: Gazetteer
    text: str
    english: bool
    places: list[Found]
    hosts: list[Found]


def _in_closed_aside(text: str, start: int, place: Found, q: Quantity) -> bool:
    """A place inside a parenthesis that closes before the figure (`(含…新疆生产建设兵团…)`)."""
    return bool(re.search(r"[(（][^)）]*$", text[start:place.start]) and re.search(r"[)）]", text[place.end:q.start]))


def region_for(c: Segment, q: Quantity, span: tuple[int, int]) -> str | None:
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
    if NATIONAL.search(text[place.end:q.start]):
        return None
    if text[place.end:place.end + 1] in ("等", "、") or text[place.start - 1:place.start] == "、":
        parent = gaz.entries[place.key].parent
        return parent if parent and gaz.entries.get(parent) and gaz.entries[parent].level != "country" else None
    return place.key


# `全省`, `我市`, `the province`: the level of the place a local word speaks of, by the suffixes of
# its official name.
_LOCAL_LEVEL = [(word, tuple(suffixes)) for word, suffixes in _ZH["local_levels"] + _EN["local_levels"]]


def _named_before(c: Segment, span: tuple[int, int], said: str) -> str | None:
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
_ZH_VENUE_BEFORE = re.compile(f"(?:{either(_ZH['venue_before'])})$")
_ZH_VENUE_AFTER = re.compile(f"[^，,。；;：:\\n]{{0,4}}?(?:{either(_ZH['venue_after'])})")
_EN_VENUE_BEFORE = re.compile(
    rf"(?:\b(?:{either(_EN['venue_events'])})s?\b"
    rf"[^,;.]{{0,50}}|\b(?:{either(_EN['venue_verbs'])}))\s+(?:in|at)\s+(?:the\s+)?$", re.I)
# A place that files a report (`新华社北京电`, `北京报道`), beside the datelines entities already leave out.
# `BEIJING - …`, `BEIJING, Jan. 21 (Xinhua) -- …`: a place in capitals that opens a line and files the story.
_EN_DATELINE = re.compile(r"(?<=[A-Z])(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?)?\s*(?:\([^)\n]{1,40}\))?\s*(?:-{1,2}|–|—)\s")
_ZH_FILED = re.compile(rf"(?:\d{{1,2}}月\d{{1,2}}日)?(?:{either(_ZH['filed'])})")
# Words that end an organisation's name after a place (`江苏分行`, `重庆市图书馆`, `Jiangsu Branch`).
_ZH_ORGANISATION = re.compile(rf"(?:[^\W\d_的有已在是为将和与及、各全多等共]{{0,4}}?)(?:{either(_ZH['organisation'])})")
_EN_ORGANISATION = re.compile(rf"(?:\s+[A-Z][\w&'’-]*){{0,3}}?\s+(?:{either(_EN['organisation'])})\b")


def split_places(text: str, places: list[Found], agencies: list[Found], english: bool) -> tuple[list[Found], list[Found]]:
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
