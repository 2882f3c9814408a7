"""Officials in cleaned text: a person named with a post (`政策研究司司长、新闻发言人卢爱红`, `Lu Aihong,
spokesperson of ...`) or a known official of the gazetteer, with the role and the agency they speak for.

Reporters, editors and photo credits are not officials: they never carry a post in these patterns,
and credit lines are boilerplate. A post in a unit inside a ministry (信息中心主任) is the ministry's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .entities import Found, find_named
from .gazetteer import Entry, Gazetteer, alias_pattern
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("entities")


@lru_cache(maxsize=1)
def _zh_person_pattern() -> re.Pattern:
    titles = "|".join(sorted(_ZH["titles"], key=len, reverse=True))
    surnames = "".join(_ZH["surnames"])
    compound = "|".join(_ZH["compound_surnames"])
    after = "|".join(_ZH["after_name"])
    return re.compile(
        rf"(?P<title>{titles})(?P<name>(?:{compound})[\u4e00-\u9fff]{{1,2}}?|[{surnames}][\u4e00-\u9fff]{{1,2}}?)"
        rf"(?=(?:{after})|[,，:：、(（\s\d]|$)"
    )


@lru_cache(maxsize=1)
def _en_role_pattern() -> re.Pattern:
    roles = "|".join(_EN["titles"])
    return re.compile(rf"(?:{either(_EN['rank'])})?(?:{roles})", re.I)


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
    """Skip words that open a clause rather than name a post (`会上`, `据介绍`, `据`, `中国`)."""
    match = _role_openers().match(text, start, limit)
    return match.end() if match else start


@lru_cache(maxsize=1)
def _role_openers() -> re.Pattern:
    return re.compile(alias_pattern(_ZH["role_openers"]))


_PRESS = re.compile(either(_ZH["press"]))


@lru_cache(maxsize=2)
def _people_by_name(gaz: Gazetteer) -> dict[str, Entry]:
    return {alias: e for e in gaz.by_type("person") for alias in e.aliases}


def _zh_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    by_name = _people_by_name(gaz)
    for match in _zh_person_pattern().finditer(text):
        name = match.group("name")
        role_start, role_end = _role_span(gaz, text, match.start("title"), match.start("name"))
        role = text[role_start:role_end].strip("、的 ")
        if _PRESS.search(role):
            continue
        agency = max((a for a in agencies if a.start < match.start("name") and a.end > role_start - 30),
                     key=lambda a: a.end, default=None)
        entry = by_name.get(name)
        key = entry.iri if entry else f"name:{name}"
        people.append(Found("person", key, entry.label if entry else name, match.start("name"),
                            match.end("name"), role or None, answers_for(gaz, agency.key) if agency else None, name))
    return people


# A name's words are capitalised; only a hyphen joins a lower-case part (Ai-hong): `Resources and
# Social` in a post (`Minister of Human Resources and Social Security Li Ming`) is no name.
_EN_NAME = r"(?P<name>[A-Z][a-z]+(?:-[A-Z]?[a-z]+| [A-Z][a-z]+)?\s[A-Z][a-z]+(?:-[a-z]+)?)"


# `deputy director of … and spokesperson`: a post after `and` may carry a rank of its own.
_POSTS_SPLIT = re.compile(rf",\s*|\s+and\s+(?=(?:the\s)?(?:{either(_EN['joined_rank'])})?[a-z-]+\b)")


def _zh_role(gaz: Gazetteer, english: str) -> str:
    """`deputy director of the Policy Research Department and spokesperson` → `政策研究司副司长、新闻发言人`:
    each post's title from the table, prefixed by the sub-unit the gazetteer knows; else as written."""
    table = _EN["title_zh"]
    titles = sorted(table, key=len, reverse=True)
    posts = []
    for part in _POSTS_SPLIT.split(english.strip(" ,")):
        title = next((t for t in titles if re.match(rf"(the )?{re.escape(t)}\b", part, re.I)), None)
        if title is None:
            continue
        post = table[title]
        units = [gaz.entries[f.key] for f in find_named(gaz, "agency", part, True)
                 if f.key in gaz.entries and gaz.entries[f.key].parent]
        if units:
            unit = _unit_name(gaz, units[0].label)
            post = unit + _UNIT_HEADS.get((unit[-1:], post), post)
        posts.append(post)
    return "、".join(posts) if posts else english.strip(" ,")


_UNIT_HEADS = {(unit, post): head for unit, post, head in _ZH["unit_heads"]}


def _unit_name(gaz: Gazetteer, label: str) -> str:
    """A sub-unit's name within its ministry (`人社部政策研究司` → `政策研究司`)."""
    national = _national_agencies(gaz)
    match = national.match(label) if national is not None else None
    return label[match.end():] if match and match.end() < len(label) else label


@lru_cache(maxsize=1)
def _en_person_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A name then its post (`Lu Aihong, spokesperson of…`), and a post then the name, the post
    perhaps naming its ministry (`Vice-Minister of Human Resources and Social Security Li Ming`)."""
    role = _en_role_pattern().pattern
    return (
        re.compile(rf"{_EN_NAME},\s(?:the\s)?(?P<role>(?i:{role})(?:[\s,-]+(?:{either(_EN['apposition'])}|[A-Z][\w'’-]*|[a-z]+\b)){{0,24}}?)"
                   rf"(?=[,.;]|\s(?:{either(_EN['apposition_end'])})\b)"),
        compile_fast(rf"(?P<role>(?i:{role})(?:\s(?:of\s(?:the\s)?|and\s)?[A-Z][\w’'-]*){{0,8}})\s{_EN_NAME}"),
    )


@lru_cache(maxsize=2)
def _agency_words(gaz: Gazetteer) -> frozenset[str]:
    """Words of the English names of agencies and their kinds (Ministry, Human, Resources, Social,
    Security, Office) that no place or person is called by: a 'name' made of one of them is a
    piece of an agency's name (`Human Resources and Social Security`), not a person."""
    def words(kinds):
        return {w for kind in kinds for e in gaz.by_type(kind) for a in e.aliases if a.isascii()
                for w in re.findall(r"[a-z]+", a.lower())}
    return frozenset(words(("agency", "agency-kind")) - words(("region", "person")))


def _is_place(gaz: Gazetteer, name: str) -> bool:
    """`Guangdong Province`, `Inner Mongolia`: a place's name, not a person's."""
    hits = gaz.find("region", name, True)
    return bool(hits) and hits[0][:2] == (0, len(name))


def _agency_before(agencies: list[Found], text: str, start: int) -> Found | None:
    """The agency whose name ends right before a post (`MOHRSS spokesman Li Ming`, `the Bureau's Director Li Ming`)."""
    return next((a for a in agencies if a.end <= start and re.fullmatch(r"(?:'s|’s)?\s+", text[a.end:start])), None)


def _en_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    agency_words = _agency_words(gaz)
    for pattern in _en_person_patterns():
        for match in pattern.finditer(text):
            name = match.group("name")
            if not name[0].isupper() or any(p.start <= match.start("name") < p.end for p in people):
                continue
            if any(w in agency_words for w in re.findall(r"[a-z]+", name.lower())) or _is_place(gaz, name):
                continue
            hits = gaz.find("person", name, True)
            entry: Entry | None = hits[0][2] if hits else None
            agency = next((a for a in agencies if match.start() <= a.start < match.end() + 80), None) \
                or _agency_before(agencies, text, match.start("role"))
            people.append(Found("person", entry.iri if entry else f"name:{name}", entry.label if entry else name,
                                match.start("name"), match.end("name"), _zh_role(gaz, match.group("role")),
                                answers_for(gaz, agency.key) if agency else None, name))
    return people


def answers_for(gaz: Gazetteer, key: str) -> str:
    """The agency a post speaks for: a unit inside a ministry speaks for the ministry
    (信息中心主任 of 人社部 is an official of 人社部)."""
    entry = gaz.entries.get(key)
    return entry.parent if entry is not None and entry.internal and entry.parent else key
