"""Entity mentions in cleaned text: agencies, programs, regions from the gazetteer; officials with roles.

An official is a person named with a post (`政策研究司司长、新闻发言人卢爱红`, `Lu Aihong,
spokesperson of ...`) or a known official of the gazetteer. Reporters, editors and photo credits
are not officials: they never carry a post in these patterns, and credit lines are boilerplate.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .gazetteer import Entry, Gazetteer


@dataclass(frozen=True)
class Found:
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
    """Regions, leaving out datelines (`北京4月26日电`, `BEIJING, April 27`), which say where a
    reporter filed, not what the figures are about."""
    found = []
    for start, end, entry in gaz.find("region", text, english):
        after = text[end:end + 14]
        if re.match(r"^\s*\d{1,2}月\d{1,2}日(电|讯|消息)", after) or (
                english and re.match(r"^,? (\(\w+\) )?(january|february|march|april|may|june|july|august|"
                                     r"september|october|november|december) \d", after, re.I)):
            continue
        found.append(Found("region", entry.iri, entry.label, start, end))
    return found


def find_named(gaz: Gazetteer, kind: str, text: str, english: bool) -> list[Found]:
    return [Found(kind, e.iri, e.label, a, b) for a, b, e in gaz.find(kind, text, english)]


def find_people(gaz: Gazetteer, text: str, english: bool, agencies: list[Found]) -> list[Found]:
    """Officials: a post right before a Chinese name, an English apposition, or a known name."""
    people = _en_people(gaz, text, agencies) if english else _zh_people(gaz, text, agencies)
    known = {f.start for f in people}
    for start, end, entry in gaz.find("person", text, english):
        if start not in known and not any(p.start <= start < p.end for p in people):
            people.append(Found("person", entry.iri, entry.label, start, end, name=text[start:end]))
    return sorted(people, key=lambda f: f.start)


def _role_start(text: str, title_start: int, agencies: list[Found]) -> tuple[int, Found | None]:
    """The role reaches back over sub-units and `、`-joined posts to the top agency or a stop."""
    start = title_start
    while start > 0 and re.match(r"[\u4e00-\u9fff、]", text[start - 1]) and title_start - start < 24:
        start -= 1
    agency = None
    for found in agencies:
        if start <= found.end <= title_start or found.start <= start < found.end:
            agency = found if agency is None or found.end > agency.end else agency
    if agency is not None:
        start = max(agency.end, start)
    return start, agency


def _zh_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    by_name = {alias: e for e in gaz.by_type("person") for alias in e.aliases}
    for match in _zh_person_pattern().finditer(text):
        name = match.group("name")
        role_start, agency = _role_start(text, match.start("title"), agencies)
        role = text[role_start:match.start("name")].strip("、的 ")
        if re.search(r"记者|编辑|通讯员|摄影|作者", role):
            continue
        entry = by_name.get(name)
        key = entry.iri if entry else f"name:{name}"
        people.append(Found("person", key, entry.label if entry else name, match.start("name"),
                            match.end("name"), role or None, agency.key if agency else None, name))
    return people


_EN_NAME = r"(?P<name>[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+)?\s[A-Z][a-z]+(?:-[a-z]+)?)"


def _en_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    role = _en_role_pattern().pattern
    patterns = [
        re.compile(rf"{_EN_NAME},\s(?:the\s)?(?P<role>{role}(?:[\s,-]+(?:of|for|at|and|the|[A-Z][\w'’-]*|[a-z]+\b)){{0,14}}?)(?=[,.;]|\s(?:said|says|told|at|on|in)\b)", re.I),
        re.compile(rf"(?P<role>{role}(?:\s(?:of\s)?[A-Z][\w’'-]*){{0,6}})\s{_EN_NAME}"),
    ]
    for pattern in patterns:
        for match in pattern.finditer(text):
            name = match.group("name")
            if not name[0].isupper() or any(p.start <= match.start("name") < p.end for p in people):
                continue
            hits = gaz.find("person", name, True)
            entry: Entry | None = hits[0][2] if hits else None
            agency = next((a for a in agencies if match.start() <= a.start < match.end() + 80), None)
            people.append(Found("person", entry.iri if entry else f"name:{name}", entry.label if entry else name,
                                match.start("name"), match.end("name"), match.group("role").strip(" ,"),
                                agency.key if agency else None, name))
    return people
