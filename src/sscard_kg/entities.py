"""Entity mentions in cleaned text: agencies, programs, regions from the gazetteer; officials with roles.

An official is a person named with a post (`政策研究司司长、新闻发言人卢爱红`, `Lu Aihong,
spokesperson of ...`) or a known official of the gazetteer. Reporters, editors and photo credits
are not officials: they never carry a post in these patterns, and credit lines are boilerplate.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .gazetteer import Entry, Gazetteer
from .prefilter import compile_fast


class Found(NamedTuple):
    """A mention in cleaned-text offsets, before it becomes a model.Mention with evidence."""

    type: str
    key: str
    label: str
    start: int
    end: int
    role: str | None = None
    agency: str | None = None
    name: str | None = None


@lru_cache(maxsize=1)
def _people_cues() -> dict:
    with open(Path(__file__).with_name("people.toml"), "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _zh_person_pattern() -> re.Pattern:
    cues = _people_cues()
    titles = "|".join(sorted(cues["zh_titles"], key=len, reverse=True))
    surnames = "".join(cues["surnames"])
    compound = "|".join(cues["compound_surnames"])
    after = "|".join(cues["zh_after_name"])
    return re.compile(
        rf"(?P<title>{titles})(?P<name>(?:{compound})[\u4e00-\u9fff]{{1,2}}?|[{surnames}][\u4e00-\u9fff]{{1,2}}?)"
        rf"(?=(?:{after})|[,，:：、(（\s\d]|$)"
    )


@lru_cache(maxsize=1)
def _en_role_pattern() -> re.Pattern:
    roles = "|".join(_people_cues()["en_titles"])
    return re.compile(rf"(?:deputy |vice[- ]|assistant |acting |executive )?(?:{roles})", re.I)


def find_places(gaz: Gazetteer, text: str, english: bool) -> list[Found]:
    """Regions, leaving out datelines (`北京4月26日电`, `BEIJING, April 27`, `BEIJING (Xinhua) --`),
    which say where a reporter filed, not what the figures are about."""
    found = []
    for start, end, entry in gaz.find("region", text, english):
        after = text[end:end + 14]
        if re.match(r"^\s*\d{1,2}月\d{1,2}日(电|讯|消息)", after) or (
                english and re.match(r"^,? (\(\w+\) )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d"
                                     r"|^\s*(\([\w ]{2,20}\)\s*)?(--|—|–)", after, re.I)):
            continue
        found.append(Found("region", entry.iri, entry.label, start, end))
        if entry.level == "grouping":
            found += _listed_places(gaz, text, start, end, english)
    return found


_LIST_SEPARATOR = compile_fast(r"、|,\s*(?:and\s+)?|\s+and\s+|[和及与]")


def _listed_places(gaz: Gazetteer, text: str, start: int, end: int, english: bool) -> list[Found]:
    """A grouping written as the list of its places (`Beijing, Tianjin and Hebei`) names each of
    them as well; written as one name (京津冀, Beijing-Tianjin-Hebei) it does not."""
    places, pos = [], start
    for piece in _LIST_SEPARATOR.split(text[start:end]):
        offset = text.find(piece, pos)
        pos = offset + len(piece)
        hits = gaz.find("region", piece, english)
        if hits and hits[0][:2] == (0, len(piece)) and hits[0][2].level != "grouping":
            places.append(Found("region", hits[0][2].iri, hits[0][2].label, offset, pos))
    return places if len(places) >= 2 else []


def find_named(gaz: Gazetteer, kind: str, text: str, english: bool) -> list[Found]:
    """Gazetteer matches; `人社部门` (departments in general) is not the ministry `人社部`."""
    found = [Found(kind, e.iri, e.label, a, b) for a, b, e in gaz.find(kind, text, english)
             if not (text[b - 1:b] == "部" and text[b:b + 1] == "门")
             and not (english and re.match(r"s\b|\s+departments\b", text[b:b + 13], re.I))]
    return found + _enumerated(gaz, kind, text, english, {f.key for f in found})


# `养老、失业、工伤保险`, or two items joined by a conjunction alone: `失业和工伤保险`
_ZH_LIST = re.compile(r"((?:[\u4e00-\u9fff]{1,8}、)+(?:[\u4e00-\u9fff]{1,6}?[和及])?|[\u4e00-\u9fff]{1,8}?[和及与])"
                      r"([\u4e00-\u9fff]{1,6}?)(保险|参保|服务|补贴)")
# A list begins where a word does, or right where the list before it ended (`…insurance-linked,
# …`): a match from inside a word would also match from the word's start, which comes first, so
# the lookbehind only spares the engine the places inside words.
_EN_LIST = re.compile(r"(?:(?<![a-z-])|(?<=insurance))"
                      r"((?:[a-z-]+(?: [a-z-]+){0,3}?(?:, and |, | and ))+)([a-z-]+(?: [a-z-]+)?) (insurance)\b", re.I)
_HEADS = {"参保": "保险"}
# Every character an English list can be made of (with the same case folding as _EN_LIST), and
# its head: a list lies within one run of such characters that names the head.
_EN_LIST_RUN = re.compile(r"[a-z\-, ]+", re.I)
_EN_LIST_HEAD = re.compile(r"insurance", re.I)


@lru_cache(maxsize=4)
def _list_matches(text: str, english: bool) -> tuple[re.Match, ...]:
    """The matches of the list pattern, as `finditer` over the whole text gives them, searched
    only in runs that name the head, and once for the agencies and the programs of a text."""
    if not english:
        return tuple(_ZH_LIST.finditer(text))
    return tuple(match for run in _EN_LIST_RUN.finditer(text) if _EN_LIST_HEAD.search(run.group(0))
                 for match in _EN_LIST.finditer(text, run.start(), run.end() + 1))


def _enumerated(gaz: Gazetteer, kind: str, text: str, english: bool, known: set[str]) -> list[Found]:
    """`基本养老、失业、工伤保险` names three programs: each item completed with the shared head."""
    found = []
    for match in _list_matches(text, english):
        head = _HEADS.get(match.group(3), match.group(3))
        items = [i for i in re.split(r"、|[和及]|, and |, | and ", match.group(1)) if i.strip()] + [match.group(2)]
        pos = match.start()
        for index, item in enumerate(items):
            start = text.find(item, pos)
            pos = start + len(item)
            entry, offset = _complete(gaz, kind, item.strip(), head, english, leading=index == 0)
            if entry is not None and entry.iri not in known:
                known.add(entry.iri)
                found.append(Found(kind, entry.iri, entry.label, start + offset, start + len(item)))
    return found


def _complete(gaz: Gazetteer, kind: str, item: str, head: str, english: bool, leading: bool):
    """The gazetteer entry `item + head` names; the first item may carry words before it."""
    words = item.split(" ") if english else list(item)
    for cut in range(len(words) if leading else 1):
        part = (" " if english else "").join(words[cut:])
        name = f"{part} {head}" if english else part + head
        hits = gaz.find(kind, name, english)
        if hits and hits[0][0] == 0 and hits[0][1] == len(name):
            return hits[0][2], len(item) - len(part)
    return None, 0


def find_people(gaz: Gazetteer, text: str, english: bool, agencies: list[Found]) -> list[Found]:
    """Officials: a post right before a Chinese name, an English apposition, or a known name."""
    people = _en_people(gaz, text, agencies) if english else _zh_people(gaz, text, agencies)
    known = {f.start for f in people}
    for start, end, entry in gaz.find("person", text, english):
        if start not in known and not any(p.start <= start < p.end for p in people):
            people.append(Found("person", entry.iri, entry.label, start, end, name=text[start:end]))
    return sorted(people, key=lambda f: f.start)


@lru_cache(maxsize=4)
def _national_agencies(gaz: Gazetteer) -> re.Pattern | None:
    """Names of central agencies: a role is the post within them (`人社部信息中心副主任` → `信息中心副主任`)."""
    regions = gaz.by_type("region")
    aliases = {a for e in gaz.by_type("agency") if e.parent is None for a in e.aliases
               if not a.isascii() and not any(a.startswith(r.label) for r in regions if r.level != "country")}
    if not aliases:
        return None
    return re.compile("|".join(re.escape(a) for a in sorted(aliases, key=len, reverse=True)))


def _role_span(gaz: Gazetteer, text: str, title_start: int, title_end: int) -> tuple[int, int]:
    """The role reaches back over sub-units and `、`-joined posts to a stop or a central agency."""
    start = title_start
    while start > 0 and re.match(r"[\u4e00-\u9fff、]", text[start - 1]) and title_start - start < 40:
        start -= 1
    national = _national_agencies(gaz)
    if national is not None:
        ends = [m.end() for m in national.finditer(text, start, title_start)]
        if ends:
            start = ends[-1]
    start = max(start, _strip_lead(text, start, title_start))
    return start, title_end


def _strip_lead(text: str, start: int, limit: int) -> int:
    """Skip words that open a clause rather than name a post (`会上`, `据介绍`, `中国`)."""
    match = re.match(r"(会上|会议上|据介绍|据悉|另据|同时|此外|中国|国家|由)", text[start:limit])
    return start + match.end() if match else start


def _zh_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    by_name = {alias: e for e in gaz.by_type("person") for alias in e.aliases}
    for match in _zh_person_pattern().finditer(text):
        name = match.group("name")
        role_start, role_end = _role_span(gaz, text, match.start("title"), match.start("name"))
        role = text[role_start:role_end].strip("、的 ")
        if re.search(r"记者|编辑|通讯员|摄影|作者", role):
            continue
        agency = max((a for a in agencies if a.start < match.start("name") and a.end > role_start - 30),
                     key=lambda a: a.end, default=None)
        entry = by_name.get(name)
        key = entry.iri if entry else f"name:{name}"
        people.append(Found("person", key, entry.label if entry else name, match.start("name"),
                            match.end("name"), role or None, agency.key if agency else None, name))
    return people


_EN_NAME = r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)?\s[A-Z][a-z]+(?:-[a-z]+)?)"


def _zh_role(gaz: Gazetteer, english: str) -> str:
    """`deputy director of the Policy Research Department and spokesperson` → `政策研究司副司长、新闻发言人`:
    each post's title from the table, prefixed by the sub-unit the gazetteer knows; else as written."""
    table = _people_cues()["en_title_zh"]
    titles = sorted(table, key=len, reverse=True)
    posts = []
    for part in re.split(r",\s*|\s+and\s+(?=(?:the\s)?(?:deputy |vice[- ]|assistant )?[a-z-]+\b)", english.strip(" ,")):
        title = next((t for t in titles if re.match(rf"(the )?{re.escape(t)}\b", part, re.I)), None)
        if title is None:
            continue
        post = table[title]
        units = [e for _, _, e in gaz.find("agency", part, True) if e.parent]
        if units:
            unit = _unit_name(gaz, units[0].label)
            post = unit + _UNIT_HEADS.get((unit[-1:], post), post)
        posts.append(post)
    return "、".join(posts) if posts else english.strip(" ,")


_UNIT_HEADS = {("司", "主任"): "司长", ("司", "副主任"): "副司长", ("局", "主任"): "局长", ("局", "副主任"): "副局长"}


def _unit_name(gaz: Gazetteer, label: str) -> str:
    """A sub-unit's name within its ministry (`人社部政策研究司` → `政策研究司`)."""
    national = _national_agencies(gaz)
    match = national.match(label) if national is not None else None
    return label[match.end():] if match and match.end() < len(label) else label


@lru_cache(maxsize=1)
def _en_person_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A name then its post (`Lu Aihong, spokesperson of…`), and a post then the name."""
    role = _en_role_pattern().pattern
    return (
        re.compile(rf"{_EN_NAME},\s(?:the\s)?(?P<role>(?i:{role})(?:[\s,-]+(?:of|for|at|and|the|[A-Z][\w'’-]*|[a-z]+\b)){{0,24}}?)(?=[,.;]|\s(?:said|says|told|at|on|in)\b)"),
        compile_fast(rf"(?P<role>(?i:{role})(?:\s(?:of\s)?[A-Z][\w’'-]*){{0,6}})\s{_EN_NAME}"),
    )


def _en_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    for pattern in _en_person_patterns():
        for match in pattern.finditer(text):
            name = match.group("name")
            if not name[0].isupper() or any(p.start <= match.start("name") < p.end for p in people):
                continue
            hits = gaz.find("person", name, True)
            entry: Entry | None = hits[0][2] if hits else None
            agency = next((a for a in agencies if match.start() <= a.start < match.end() + 80), None)
            people.append(Found("person", entry.iri if entry else f"name:{name}", entry.label if entry else name,
                                match.start("name"), match.end("name"), _zh_role(gaz, match.group("role")),
                                agency.key if agency else None, name))
    return people
