"""The place of a figure: the place its own clause names before it, the topic its sentence opens
with, the place holding a list of places, or the place of the level a sentence speaks of (全省, the
city); not a frame of regional cooperation, a venue, a place that files the report, where a speaker
comes from, or one that only names an organisation. Part of reading measurements: its cues are in
the [measurements] and [figure_places] sections of cues/zh.toml and cues/en.toml.
"""

from __future__ import annotations

import re
from typing import Protocol

from .dates import DateMention
from .entities import Found, official_name, speaks_of_a_place
from .figure_lists import RESPECTIVELY
from .gazetteer import Gazetteer
from .numbers import Quantity
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("measurements")
_P, _PE = cues("figure_places")

# The country named (全国, nationwide), or counted by its divisions (24个省份, 20 provinces): a
# figure said of it is no one region's.
_COUNTRY = compile_fast(either(_ZH["national"], _EN["national"]), re.I)
NATIONAL = compile_fast(either(_ZH["national"], _EN["national"], _P["divisions"], _PE["divisions"]), re.I)


class Segment(Protocol):
    """What finding a figure's place reads of its segment (measurements' context)."""

    gaz: Gazetteer
    text: str
    english: bool
    places: list[Found]
    hosts: list[Found]
    dates: list[DateMention]


def _in_closed_aside(text: str, start: int, place: Found, q: Quantity) -> bool:
    """A place inside a parenthesis that closes before the figure (`(含…新疆生产建设兵团…)`)."""
    return bool(re.search(r"[(（][^)）]*$", text[start:place.start]) and re.search(r"[)）]", text[place.end:q.start]))


def region_for(c: Segment, q: Quantity, span: tuple[int, int]) -> str | None:
    """The place the figure counts, in its own clause or sentence (`_region_in`); a clause that names
    no place and not the country keeps the topic of the sentence it continues (`广东省持卡1.05亿人；
    领卡启用9975万人`, `…; 80 percent have activated them`) or divides (`其中，…`, `Of these, …`):
    the place of that sentence's figure."""
    found = _region_in(c, q, span)
    if found is not None:
        return found
    topic = _topic_figure(c, q, span)
    return _region_in(c, *topic) if topic and _names_nothing(c, q, span) else None


def _region_in(c: Segment, q: Quantity, span: tuple[int, int]) -> str | None:
    """The place the figure counts: the last place named before it in its own clause, or the topic
    of its sentence (a place opening an earlier clause: `在广东，…`, `广东省累计发卡1.05亿张，…`);
    in English also a place right after it (`22 million people in Beijing`). A frame of regional
    cooperation, where a speaker or the news comes from and a place inside another thing's name set
    the scene and count nothing; the country named in the figure's clause makes it national. For a
    list of places (`海淀、丰台等4个区`, `Haidian, Fengtai and other districts`) the place that holds
    them all. A place that only names an organisation or a speaker (`北京市人社局`) is the figure's
    when the sentence then speaks of its own place (`北京市人社局介绍，全市已有…`)."""
    gaz, text = c.gaz, c.text
    if _national_after(c, q, span):
        return None
    after = _place_after(c, q, span)
    if after is not None:
        return after.key
    before = [p for p in c.places if span[0] <= p.start and p.end <= q.start and not _in_closed_aside(text, span[0], p, q)]
    roles: list[str] = []
    for i, p in enumerate(before):  # a place listed after another shares its part (`往返深圳、广州等地`)
        joined = i and _LISTED.fullmatch(text, before[i - 1].end, p.start)
        roles.append(roles[-1] if joined and roles[-1] != "counted" else _role(c, p, q, span))
    counted = [p for p, role in zip(before, roles) if role == "counted"]
    if not counted:
        speakers = [p for p, role in zip(before, roles) if role == "speaker"]
        hosts = sorted([p for p in c.hosts if span[0] <= p.start and p.end <= q.start] + speakers, key=lambda p: p.start)
        said = text[span[0]:q.start] + _noun_phrase_after(c, q, span)
        if hosts and speaks_of_a_place(gaz, said[hosts[-1].end - span[0]:], c.english):
            return hosts[-1].key
        return _named_before(c, span, said)
    place = counted[-1]
    if _nationwide(text, place.end, q.start):
        return None
    listed = _listed_with(text, before, place)
    each = _each_of(c, listed, q, span)
    if each is not None:
        return each.key
    if text[place.end:place.end + 1] in ("等", "、") or len(listed) > 1 and text[place.start - 1:place.start] == "、" \
            or c.english and _EN_AND_OTHERS.match(text, place.end):
        parent = gaz.entries[place.key].parent
        return parent if parent and gaz.entries.get(parent) and gaz.entries[parent].level != "country" else None
    return place.key


_CLAUSE = re.compile(r"[,，;；:：]")
_EN_NATIONAL_AFTER = re.compile(rf"(?:\s+[a-z-]+){{0,4}}?\s+(?:{either(_EN['national'])})\b", re.I)
_LISTED = re.compile(rf"\s*(?:[、,，和与及]|and)\s*", re.I)
_ZH_FRAME = re.compile(rf"[^，,。；;：:\d]{{0,10}}?(?:{either(_P['frame'])})")
_EN_FRAME_AFTER = re.compile(rf"(?:\s+[^\W\d_][\w-]*){{0,3}}?\s+(?:{either(_PE['frame'])})\b", re.I)
_EN_FRAME_BEFORE = re.compile(rf"\b(?:{either(_PE['frame'])})\b(?:\s+[\w-]+){{0,3}}\s+$", re.I)
_LOCATIVE = re.compile(rf"(?<![a-z])(?:{either(_P['locative'], _PE['locative'])})\s*(?:the\s+)?$", re.I)
_ZH_ORIGIN_BEFORE = re.compile(f"(?:{either(_P['origin_before'])})$")
_ZH_ORIGIN_AFTER = re.compile(either(_P["origin_after"]))
_EN_ORIGIN_BEFORE = re.compile(rf"\b(?:{either(_PE['origin_before'])})\s+(?:the\s+)?$", re.I)
_ZH_NAMED = re.compile(rf"(?:{either(_P['street'])})|[^\W\d_的有已在是为将和与及、各全多等共]{{0,6}}?(?:{either(_P['site'])})")
_EN_NAMED = re.compile(rf"(?:{either(_PE['named_after'])})\b|\s+(?:{either(_PE['named_after'])})\b")
_ZH_SPEECH = re.compile(rf"[^，,。；;：:]*?(?:{either(_P['speech'])})")
_ZH_SPEAKER = re.compile(either(_P["speech"]))
_EN_SPEECH = re.compile(rf"(?:\s+[\w'’-]+)*?\s+(?:{either(_PE['speech'])})\b", re.I)
_EN_SPEAKER_LEVEL = re.compile(rf"(?:\s+(?:{either(_PE['speaker_level'])}))?\s+(?:{either(_PE['speech'])})\b", re.I)
_TOPIC_LEADERS = re.compile(rf"(?:[\s\"“”「」『』‘’'(（]|(?:{either(_P['topic_leaders'], _PE['topic_leaders'])})(?![a-z]))*", re.I)
_RANKING = re.compile(rf"(?:{either(_P['ranking'], _PE['ranking'])})\s*(?:the\s+)?$", re.I)
_EN_AND_OTHERS = re.compile(rf",?\s+(?:{either(_PE['and_others'])})\b", re.I)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_EN_SAID_AT = re.compile(rf"\b(?:{either(_PE['speech'])})\s+(?:in|at)\s+(?:the\s+)?$", re.I)
_EN_WORDS_AFTER = re.compile(r"(?:\s+[a-z-]+){0,6}")
_EN_AFTER_FIGURE = re.compile(rf"(?:\s+[a-z-]+){{0,5}}?\s+(?:{either(_PE['after_figure'])})\s+(?:the\s+)?$")


# `8 million Beijing residents`: a place as the figure's people's adjective.
_EN_PEOPLE_AFTER_PLACE = re.compile(rf"\s+(?:{either(_PE['people_after_place'])})\b", re.I)
_SENTENCE_STOP = re.compile(r"[。！？!?\n]|(?<=[a-z0-9%)\"”’])\.(?=\s)")
_SCOPE_OPENER = re.compile(rf"[\s\"“”「」]*(?:{either(_P['scope_openers'], _PE['scope_openers'])})(?![a-z])", re.I)
# How far back the sentence a clause continues is looked for.
_REACH = 400


def _names_nothing(c: Segment, q: Quantity, span: tuple[int, int]) -> bool:
    """No place, no local word and not the country in the figure's clause or before it in its
    sentence span: nothing there says whose the figure is."""
    stop = _clause_stop(c.text, q.end, span[1])
    if any(span[0] <= p.start < stop for p in c.places + c.hosts):
        return False
    said = c.text[span[0]:stop]
    return not (NATIONAL.search(said) or speaks_of_a_place(c.gaz, said, c.english))


def _topic_figure(c: Segment, q: Quantity, span: tuple[int, int]) -> tuple[Quantity, tuple[int, int]] | None:
    """The figure whose place a clause that names none shares, with its span: the first figure of
    the sentence a `；` clause continues, or the last of the sentence a `其中` sentence divides."""
    text, start = c.text, span[0]
    while start > 0 and text[start - 1].isspace():
        start -= 1
    if start > 0 and text[start - 1] in "；;":
        opening = _sentence_opening(text, start - 1)
        figures = _figures(c, opening, start - 1)
        return (q._replace(start=figures[0].start(), end=figures[0].end()), (opening, start)) if figures else None
    if start > 0 and text[start - 1] in "。.!！?？" and _SCOPE_OPENER.match(text, span[0]):
        opening = _sentence_opening(text, start - 1)
        figures = _figures(c, opening, start - 1)
        return (q._replace(start=figures[-1].start(), end=figures[-1].end()), (opening, start)) if figures else None
    return None


def _sentence_opening(text: str, end: int) -> int:
    """Where the sentence ending at `end` opens (after the last full stop or line break before it)."""
    stops = list(_SENTENCE_STOP.finditer(text, max(0, end - _REACH), end))
    return stops[-1].end() if stops else max(0, end - _REACH)


def _figures(c: Segment, start: int, end: int) -> list[re.Match]:
    """The numbers written between `start` and `end`, outside dates."""
    dates = [(d.start, d.end) for d in c.dates if d.start < end and d.end > start]
    return [m for m in _FIGURE.finditer(c.text, start, end) if not any(a <= m.start() < b for a, b in dates)]


def _nationwide(text: str, start: int, end: int) -> bool:
    """The country named between a place and its figure (`广东省全国首个…`), unless a ranking names it
    (`Guangdong leads the country with…`, `广东居全国首位`)."""
    return any(not _RANKING.search(text, max(start, m.start() - 12), m.start())
               for m in _COUNTRY.finditer(text, start, end))


_TITLE_NATIONAL = compile_fast(rf"(?<![a-z])(?:{either(_P['title_national'], _PE['title_national'])})(?![a-z])"
                               rf"(?!{either(_P['compared_after'], _PE['compared_after'])})", re.I)


def speaks_of_the_country(title: str) -> bool:
    """`北京社保卡进入第三代 全国电子社保卡领用人数超10亿`: a title that speaks of the whole country
    besides its place is about both, so the place is no home for figures that name none. A ranking
    (`北京持卡率居全国首位`, `全国首张`) compares the place with the country, and a body of the whole
    country (`全国两会`) is an institution: the place stays the story's."""
    return any(not _RANKING.search(title, max(0, m.start() - 12), m.start()) for m in _TITLE_NATIONAL.finditer(title))


def _listed_with(text: str, before: list[Found], place: Found) -> list[Found]:
    """The places listed with `place`, ending with it (`广东、江苏两省`, `Guangdong and Jiangsu`)."""
    listed = [place]
    for p in reversed([p for p in before if p.end <= place.start]):
        if not _LISTED.fullmatch(text, p.end, listed[0].start):
            break
        listed.insert(0, p)
    return listed


def _each_of(c: Segment, listed: list[Found], q: Quantity, span: tuple[int, int]) -> Found | None:
    """`广东、江苏两省持卡人数分别达到1.05亿、8500万`, `Guangdong and Jiangsu had 105 million and 85
    million holders respectively`: the place in the figure's position among the figures."""
    if len(listed) < 2:
        return None
    text = c.text
    said = RESPECTIVELY.search(text, listed[-1].end, q.start) or (c.english and RESPECTIVELY.search(text, q.end, span[1]))
    if not said:
        return None
    position = len(_FIGURE.findall(text, said.end() if said.end() <= q.start else listed[-1].end, q.start))
    return listed[position] if position < len(listed) else None


def _clause_start(text: str, start: int, end: int) -> int:
    """Where the clause holding `end` opens, not before `start`."""
    breaks = [m.end() for m in _CLAUSE.finditer(text, start, end)]
    return breaks[-1] if breaks else start


def _clause_stop(text: str, start: int, end: int) -> int:
    match = _CLAUSE.search(text, start, end)
    return match.start() if match else end


def _national_after(c: Segment, q: Quantity, span: tuple[int, int]) -> bool:
    """`700 million people nationwide`, `1.38 billion people across the country`: in English, the
    country named a few words after the figure, in its clause."""
    return c.english and bool(_EN_NATIONAL_AFTER.match(c.text, q.end, _clause_stop(c.text, q.end, span[1])))


def _place_after(c: Segment, q: Quantity, span: tuple[int, int]) -> Found | None:
    """`22 million people in Beijing`, `8 million Beijing residents`: in English, a place a few words
    after the figure, in its clause, or right after it naming its people."""
    if not c.english:
        return None
    stop = _clause_stop(c.text, q.end, span[1])
    return next((p for p in c.places if q.end <= p.start < stop
                 and (_EN_AFTER_FIGURE.search(c.text[q.end:p.start])
                      or not c.text[q.end:p.start].strip() and _EN_PEOPLE_AFTER_PLACE.match(c.text, p.end))), None)


def _noun_phrase_after(c: Segment, q: Quantity, span: tuple[int, int]) -> str:
    """`three million residents in the city`: in English, the words right after the figure, where a
    local word may stand."""
    if not c.english:
        return ""
    return _EN_WORDS_AFTER.match(c.text, q.end, _clause_stop(c.text, q.end, span[1])).group()


def _role(c: Segment, place: Found, q: Quantity, span: tuple[int, int]) -> str:
    """What a place before the figure is to it: `counted` (what it counts: a place in the figure's
    clause, the topic opening an earlier clause, or a place within that topic's clause), `speaker`
    (where the speaker or the news comes from; a local word can still make it the figure's) or
    `scene`."""
    text, english = c.text, c.english
    opens = _clause_start(text, span[0], place.start)
    stop = min(q.start, _clause_stop(text, place.end, span[1]))
    if _names_a_thing(text, place, english) or _origin(text, place, english):
        return "speaker"
    if _frame(c, place, opens, stop) or english and _EN_SAID_AT.search(text, max(0, place.start - 20), place.start):
        return "scene"
    topic = _TOPIC_LEADERS.fullmatch(_undated(c, opens, place.start)) is not None
    if _speaks(text, place, stop, english, topic):
        return "speaker"
    if topic or _clause_start(text, span[0], q.start) <= place.start:
        return "counted"
    first = next((p for p in c.places if opens <= p.start < place.start), None)  # `广东省…在粤港澳大湾区…，`
    return "counted" if first and _TOPIC_LEADERS.fullmatch(_undated(c, opens, first.start)) \
        and _LOCATIVE.search(text, max(opens, place.start - 4), place.start) else "scene"


def _undated(c: Segment, start: int, end: int) -> str:
    """The text between `start` and `end` with its dates and places blanked out (`截至2023年底，`,
    `江苏省南京市`)."""
    chars = list(c.text[start:end])
    for d in c.dates + c.places:
        for i in range(max(d.start, start), min(d.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _names_a_thing(text: str, place: Found, english: bool) -> bool:
    """`北京路`, `上海社保卡服务中心`, `a Shanghai-based analyst`: a place inside another thing's name."""
    return bool((_EN_NAMED if english else _ZH_NAMED).match(text, place.end))


def _origin(text: str, place: Found, english: bool) -> bool:
    """`来自四川的委员`, `记者从南京获悉`, `河南籍代表`, `a lawmaker from Sichuan`; or where people go
    (`往来广州、东莞等地的人口`)."""
    if english:
        return bool(_EN_ORIGIN_BEFORE.search(text[max(0, place.start - 12):place.start]))
    return bool(_ZH_ORIGIN_BEFORE.search(text[max(0, place.start - 2):place.start]) or _ZH_ORIGIN_AFTER.match(text, place.end))


def _frame(c: Segment, place: Found, opens: int, stop: int) -> bool:
    """`京津冀协同发展`, `川渝两地…合作`, `the Yangtze River Delta integration`: a grouping or a
    list of places with a word of cooperation in its clause."""
    grouped = any(p.start <= place.start and place.end <= p.end and c.gaz.entries[p.key].level == "grouping"
                  for p in c.places)
    listed = any(p is not place and (_LISTED.fullmatch(c.text, p.end, place.start) or _LISTED.fullmatch(c.text, place.end, p.start))
                 for p in c.places if opens <= p.start < stop)
    if not (grouped or listed):
        return False
    if c.english:
        return bool(_EN_FRAME_AFTER.match(c.text, place.end, stop) or _EN_FRAME_BEFORE.search(c.text[opens:place.start]))
    return bool(_ZH_FRAME.match(c.text, place.end, stop))


def _speaks(text: str, place: Found, stop: int, english: bool, topic: bool) -> bool:
    """A verb of saying after the place in its clause, with the place inside the speaker's words
    (`上海社保卡服务中心介绍`, `Officials in Shanghai said`) rather than the speaker itself
    (`广东发布数据`, `Zhejiang province said`)."""
    if english:
        if not _EN_SPEECH.match(text, place.end, stop):
            return False
        return not (topic and _EN_SPEAKER_LEVEL.match(text, place.end, stop))
    return bool(_ZH_SPEECH.match(text, place.end, stop)) and not (topic and _ZH_SPEAKER.match(text, place.end, stop))


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
