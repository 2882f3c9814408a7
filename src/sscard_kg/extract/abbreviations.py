"""A province's one-character abbreviation (沪, 粤): an ordinary character alone, a name of the
province only in the fixed collocations of the [entities] section of cues/zh.toml (在沪参保, 沪籍,
沪人社, 苏浙皖三省, 苏浙沪).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Entry, Gazetteer, alias_pattern
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _ = cues("entities")


def short_kinds(gaz: Gazetteer) -> dict[str, Entry]:
    """{short name: kind} of the kinds named by their field alone after an abbreviation (人社)."""
    return {name: e for e in gaz.by_type("agency-kind") for name in gaz.literals(e.iri, "shortName")}


@lru_cache(maxsize=2)
def abbreviations(gaz: Gazetteer) -> dict[str, Entry]:
    """{one-character abbreviation: province} (ss:abbreviation: 沪 → 上海)."""
    return {a: e for e in gaz.by_type("region") for a in gaz.literals(e.iri, "abbreviation")}


def abbreviation_classes(gaz: Gazetteer) -> tuple[str, str]:
    """Character classes of every abbreviation, and of those that begin no everyday word."""
    every = "".join(sorted(abbreviations(gaz)))
    plain = "".join(c for c in every if c not in _ZH["abbreviation_words"])
    return every, plain


# Where an abbreviation may begin an agency's name (沪人社): not inside a word (兴宁人社局).
ABBREVIATION_OPENS = rf"(?:(?<![\u4e00-\u9fff])|(?<=[{_ZH['abbreviation_agency_after']}]))"


@lru_cache(maxsize=2)
def _abbreviation_pattern(gaz: Gazetteer) -> re.Pattern | None:
    """The collocations an abbreviation names its province in: 在沪参保 (not 在沪深两市), 沪籍, 苏浙皖三省, 苏浙沪."""
    every, plain = abbreviation_classes(gaz)
    if not every:
        return None
    before = "|".join(f"(?:{b})" for b in _ZH["abbreviation_before"])
    kinds = alias_pattern(set(gaz.alias_table("agency-kind", False)) | set(short_kinds(gaz)))
    return compile_fast(rf"(?:{before})(?P<one>[{plain}])(?={either(_ZH['abbreviation_then'])})"
                        rf"|(?P<run>[{every}]{{2}})(?={_ZH['abbreviation_count']})|(?P<long>[{every}]{{3,}})"
                        rf"|(?P<native>[{every}])(?=籍)|{ABBREVIATION_OPENS}(?P<host>[{plain}])(?={kinds})")


def abbreviated_places(gaz: Gazetteer, text: str) -> list[tuple[int, int, Entry]]:
    """Provinces named by their abbreviation in a fixed collocation; a run names each, once."""
    pattern = _abbreviation_pattern(gaz)
    if pattern is None:
        return []
    places = abbreviations(gaz)
    found = []
    for match in pattern.finditer(text):
        group = next(g for g in ("one", "run", "long", "native", "host") if match.group(g))
        chars = match.group(group)
        if len(set(chars)) < len(chars):
            continue
        found += [(match.start(group) + i, match.start(group) + i + 1, places[c]) for i, c in enumerate(chars)]
    return found
