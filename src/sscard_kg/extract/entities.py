"""Entity mentions in cleaned text: agencies, programs, regions from the gazetteer, and agencies
composed of a place and a kind. Officials, who carry a post, are found in officials.py.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .abbreviations import ABBREVIATION_OPENS, abbreviated_places, abbreviation_classes, abbreviations, short_kinds
from .gazetteer import Entry, Gazetteer, alias_pattern, fold_case
from ..prefilter import compile_fast, needles
from ..resources import cues, either

AGENCY_BASE = "https://w3id.org/sscard-kg/id/agency/"


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


_ZH, _EN = cues("entities")


# After a place, what makes it a dateline (`北京4月26日电`, `本报北京讯`, `BEIJING, April 27`,
# `Beijing, 21 January`, `BEIJING (Xinhua) --`) or a time zone (`北京时间`, `Beijing time`).
_MONTH = _EN["month"]
_ZH_DATELINE = re.compile(rf"\s*\d{{1,2}}月\d{{1,2}}日(?:{either(_ZH['dateline_filed'])})|{either(_ZH['dateline'])}")
_EN_DATELINE = re.compile(rf",?\s+(?:\(\w+\)\s+)?(?:{_MONTH}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
                          rf"|\s*(?:\([\w ]{{2,20}}\)\s*)?(?:--|—|–)|\s+{_EN['time_zone']}", re.I)


# A place in capitals then a dash or a parenthesis opens a story (`BEIJING - `, `BEIJING, (APP) - `); a byline
# names where its reporter is (`By Li Ming in Beijing`, `By Li Ming and Wang Fang in Shanghai`).
_EN_CAPS_DATELINE = re.compile(r"\s*(?:,\s*)?(?:\([^)\n]{1,80}\)\s*)?[-–—]{1,2}\s|,\s*\(")
_EN_BYLINE = re.compile(r"(?:^|\n)[ \t]*By\s+(?:[A-Z][\w'’-]+\s+){1,4}(?:and\s+(?:[A-Z][\w'’-]+\s+){1,4})?in\s+$")


def _filed_in_english(text: str, start: int, end: int) -> bool:
    return bool(text[start:end].isupper() and _EN_CAPS_DATELINE.match(text, end) or _EN_BYLINE.search(text, max(0, start - 80), start))


def find_places(gaz: Gazetteer, text: str, english: bool) -> list[Found]:
    """Regions, leaving out datelines and time zones, which say where a reporter filed or what
    the clock said, not what the figures are about."""
    found = []
    dateline = _EN_DATELINE if english else _ZH_DATELINE
    hits = gaz.find("region", text, english)
    compounds = _compounds_as_groupings(gaz, text, hits) if english else {}
    hits = sorted([h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in compounds)]
                  + [(a, b, e) for (a, b), e in compounds.items()], key=lambda h: h[0])
    people = _naming_people(gaz, text, hits, english)
    for i, (start, end, entry) in enumerate(hits):
        if dateline.match(text, end) or (english and _filed_in_english(text, start, end)) or i in people:
            continue
        found.append(Found("region", entry.iri, entry.label, start, end))
        if entry.level == "grouping" and (start, end) not in compounds:
            found += _listed_places(gaz, text, start, end, english) or _places_within(gaz, text, start, end, english)
    if not english:
        abbreviated = [h for h in abbreviated_places(gaz, text) if not any(a < h[1] and h[0] < b for a, b, _ in hits)]
        people = _naming_people(gaz, text, abbreviated, english)
        found += [Found("region", e.iri, e.label, start, end) for i, (start, end, e) in enumerate(abbreviated)
                  if i not in people]
    return found


# Between the places of an English compound (`Sichuan-Chongqing`, `Sichuan Chongqing area`), and the
# head word that makes a run of places joined by spaces one area.
_COMPOUND_JOINER = re.compile(r"\s*[-–—/]\s*|\s+")
_GROUPING_HEAD = re.compile(rf"\s+(?:{either(_EN['grouping_heads'])})\b", re.I)


def _compounds_as_groupings(gaz: Gazetteer, text: str, hits: list) -> dict[tuple[int, int], Entry]:
    """`the Sichuan Chongqing area`, `Beijing/Tianjin/Hebei`: places run together into a compound
    name the grouping of that name (its members joined by hyphens), not each member. A run joined
    by spaces alone is a compound only before a word of area (`area`, `region`). By span."""
    compounds, i = {}, 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and hits[j][2].level != "grouping" and hits[j + 1][2].level != "grouping" \
                and _COMPOUND_JOINER.fullmatch(text, hits[j][1], hits[j + 1][0]):
            j += 1
        grouping = _grouping_of(gaz, text, hits[i:j + 1]) if j > i else None
        if grouping:
            compounds[(hits[i][0], hits[j][1])] = grouping
        i = j + 1 if grouping else i + 1
    return compounds


def _grouping_of(gaz: Gazetteer, text: str, run: list) -> Entry | None:
    end = run[-1][1]
    if not _GROUPING_HEAD.match(text, end) and all(text[a[1]:b[0]].isspace() for a, b in zip(run, run[1:])):
        return None
    name = "-".join(text[a:b] for a, b, _ in run)
    hits = gaz.find("region", name, True)
    return hits[0][2] if len(hits) == 1 and hits[0][:2] == (0, len(name)) and hits[0][2].level == "grouping" else None


_PEOPLE_AFTER = {english: compile_fast(rf"\s*(?:{either(cue['people_after'])})(?![a-z])", re.I)
                 for english, cue in ((False, _ZH), (True, _EN))}


def _naming_people(gaz: Gazetteer, text: str, hits: list, english: bool) -> set[int]:
    """`Hong Kong and Macao residents`, `港澳台居民`, `香港居民`: a place with a social security
    system of its own (ss:ownSystem), or a list of such places, before a word for its people names a
    kind of cardholder, not a region. Indices into `hits`."""
    people: set[int] = set()
    for i in range(len(hits) - 1, -1, -1):
        start, end, entry = hits[i]
        if entry.iri not in _own_systems(gaz):
            continue
        joined = i + 1 in people and (end == hits[i + 1][0] or _LIST_SEPARATOR.fullmatch(text, end, hits[i + 1][0]))
        if joined or _PEOPLE_AFTER[english].match(text, end):
            people.add(i)
    return people


@lru_cache(maxsize=2)
def _own_systems(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(e.iri for e in gaz.by_type("region") if gaz.literals(e.iri, "ownSystem"))


def _places_within(gaz: Gazetteer, text: str, start: int, end: int, english: bool) -> list[Found]:
    """A place an English grouping's name names as a word of its own (`the four prefectures of
    southern Xinjiang`), not as a part of a compound (`Beijing-Tianjin-Hebei`)."""
    if not english:
        return []
    found = []
    for space in re.finditer(" ", text[start:end]):
        word = start + space.end()
        hits = gaz.find("region", text[word:end], english)
        if hits and hits[0][0] == 0 and hits[0][2].level != "grouping":
            found.append(Found("region", hits[0][2].iri, hits[0][2].label, word, word + hits[0][1]))
    return found


def find_country(gaz: Gazetteer, text: str, english: bool, agencies: list[Found]) -> list[Found]:
    """The country, named (中国, China) or spoken of (全国, 我国, nationwide, the country), but not
    where its name is part of an agency's (中国人民银行) or another organisation's (中国工商银行,
    China Daily, Bank of China)."""
    country, pattern, after, before = _country_matcher(gaz, english)
    if country is None:
        return []
    folded = fold_case(text) if english else text
    return [Found("region", country.iri, country.label, m.start(), m.end()) for m in pattern.finditer(folded)
            if not any(a.start <= m.start() and m.end() <= a.end for a in agencies)
            and not after.match(folded, m.end()) and not (before and before.search(folded[max(0, m.start() - 40):m.start()]))]


@lru_cache(maxsize=2)
def the_country(gaz: Gazetteer) -> Entry | None:
    """The region of level `country`: the reference data's China."""
    return next((e for e in gaz.by_type("region") if e.level == "country"), None)


def speaks_of_a_place(gaz: Gazetteer, text: str, english: bool) -> bool:
    """Whether the text speaks of a place of its own, below the country (`我市`, `全省`,
    `citywide`: ss:localCue of the country)."""
    pattern = _local_cue_pattern(gaz, english)
    return pattern is not None and bool(pattern.search(fold_case(text) if english else text))


@lru_cache(maxsize=4)
def _local_cue_pattern(gaz: Gazetteer, english: bool) -> re.Pattern | None:
    country = the_country(gaz)
    words = {w.lower() for w in gaz.literals(country.iri, "localCue") if w.isascii() == english} if country else set()
    if not words:
        return None
    return compile_fast(rf"(?<![a-z])(?:{alias_pattern(words)})(?![a-z])" if english else alias_pattern(words))


@lru_cache(maxsize=4)
def _country_matcher(gaz: Gazetteer, english: bool):
    """The country entry, the pattern of its names and cues, and of the words that, right after
    (or, in English, before) its name, make it an organisation's."""
    country = the_country(gaz)
    if country is None:
        return None, None, None, None
    words = [w for w in country.aliases + gaz.literals(country.iri, "nationalCue") if w.isascii() == english]
    heads = [h for h in gaz.literals(country.iri, "organisationAfter") if h.isascii() == english]
    if not english:
        between = "(?:(?!的)[\u4e00-\u9fff]){0,2}"
        return country, compile_fast(alias_pattern(words)), re.compile(f"{between}(?:{alias_pattern(heads)})"), None
    names = alias_pattern({w.lower() for w in words})
    after = [h.lower() for h in heads if not h.endswith(" of")]
    before = [h.lower() for h in heads if h.endswith(" of")]
    return (country, compile_fast(rf"(?<![a-z])(?:{names})(?![a-z])"),
            re.compile(rf"\s+(?:{alias_pattern(after)})(?![a-z])"),
            re.compile(rf"(?<![a-z])(?:{alias_pattern(before)})\s+(?:the\s+)?$") if before else None)


_AND = _EN["list_conjunction"]
_LIST_SEPARATOR = compile_fast(rf"、|,\s*(?:{_AND}\s+)?|\s+{_AND}\s+|{_ZH['list_conjunctions']}")


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
    """Gazetteer matches; `人社部门` (departments in general) is not the ministry `人社部`, nor
    `国务院客户端` (an app) the State Council. Agencies also as composed names: a place and a kind
    of agency, a unit named next to its parent; a unit inside a ministry names the ministry too."""
    local = find_local_agencies(gaz, text, english) if kind == "agency" else []
    found = [Found(kind, e.iri, e.label, a, b) for a, b, e in gaz.find(kind, text, english)
             if not (text[b - 1:b] == "部" and text[b:b + 1] == "门")
             and not (english and _GENERAL_AFTER.match(text[b:b + 13]))
             and not (kind == "agency" and _PRODUCT_AFTER[english].match(text, b))
             and not any(f.start <= a and b <= f.end for f in local)
             and not _names_a_use(gaz, e, text, b, english)
             and not (kind == "agency" and not english and _a_local_unit(e, text, a))
             and not (english and _plain_phrase(gaz, e, text, a, b))]
    if kind == "agency":
        units = [u for u in find_units(gaz, text, english)
                 if not any(f.key == u.key and f.start < u.end and u.start < f.end for f in found)]
        found = _with_parents(gaz, sorted(local + found + units + find_ministries_in_titles(gaz, text, english),
                                          key=lambda f: (f.start, f.end)))
    return found + _enumerated(gaz, kind, text, english, {f.key for f in found})


_LOCAL_LEAD = re.compile(f"[{_ZH['local_unit_after']}]")


def _a_local_unit(entry: Entry, text: str, start: int) -> bool:
    """`市社保中心`, `张江镇社保中心`, `各地社保中心`: a ministry unit's bare name after a level word or a
    place's suffix is a local centre's (its place unknown), not the ministry's."""
    return entry.internal and start > 0 and bool(_LOCAL_LEAD.match(text, start - 1))


_GENERAL_AFTER = re.compile(either(_EN["general_after"]), re.I)
_PRODUCT_AFTER = {False: re.compile(either(_ZH["product_after"])), True: re.compile(either(_EN["product_after"]), re.I)}


def _with_parents(gaz: Gazetteer, found: list[Found]) -> list[Found]:
    """`人社部信息中心`, `就业促进司`: a unit inside a ministry (ss:InternalUnit) names the ministry
    as well, at the same place, unless the ministry's own name is there."""
    parents = []
    for unit in found:
        entry = gaz.entries.get(unit.key)
        if entry is None or not entry.internal or entry.parent not in gaz.entries:
            continue
        if not any(f.key == entry.parent and f.start < unit.end and unit.start < f.end for f in found + parents):
            parent = gaz.entries[entry.parent]
            parents.append(Found("agency", parent.iri, parent.label, unit.start, unit.end))
    return sorted(found + parents, key=lambda f: (f.start, f.end)) if parents else found


_QUOTES = "\"'“”‘’「」"
_NAMED_HEAD = re.compile(rf"[\"'”’]?\s+(?:{either(_EN['named_heads'])})(?![a-z])", re.I)


def _plain_phrase(gaz: Gazetteer, entry: Entry, text: str, start: int, end: int) -> bool:
    """`One card, many jobs`: an alias that is also an ordinary phrase (ss:plainPhrase) names the
    program only in quotation marks or before a word of what it is (`"one card" services`)."""
    phrases = _plain_phrases(gaz).get(entry.iri)
    if not phrases or fold_case(text[start:end]) not in phrases:
        return False
    quoted = text[start - 1:start] in _QUOTES and text[end:end + 1] in _QUOTES if start else False
    return not (quoted or _NAMED_HEAD.match(text, end))


@lru_cache(maxsize=2)
def _plain_phrases(gaz: Gazetteer) -> dict[str, frozenset[str]]:
    found = {e.iri: frozenset(p.lower() for p in gaz.literals(e.iri, "plainPhrase")) for e in gaz.by_type("program")}
    return {iri: phrases for iri, phrases in found.items() if phrases}


def _names_a_use(gaz: Gazetteer, entry: Entry, text: str, end: int, english: bool) -> bool:
    """`养老保险和医疗保险领域`, `medical insurance settlements`: the scheme, or a list of schemes
    ending in it, names the field the card is used in (ss:notBefore), not the scheme."""
    pattern = _use_patterns(gaz, entry.type, english).get(entry.iri)
    return pattern is not None and bool(pattern.match(fold_case(text) if english else text, end))


@lru_cache(maxsize=8)
def _use_patterns(gaz: Gazetteer, kind: str, english: bool) -> dict[str, re.Pattern]:
    """{IRI: the pattern of its ss:notBefore words} of one kind's entries that have them, built once
    rather than for each name found."""
    patterns = {}
    for entry in gaz.by_type(kind):
        words = tuple(w for w in gaz.literals(entry.iri, "notBefore") if w.isascii() == english)
        if words:
            patterns[entry.iri] = _use_pattern(words, english)
    return patterns


@lru_cache(maxsize=16)
def _use_pattern(words: tuple[str, ...], english: bool) -> re.Pattern:
    if english:
        return re.compile(rf"(?:(?:,? and |, | or )[a-z -]{{1,30}}? {_EN['insurance']})*\s+(?:{alias_pattern(words)})(?![a-z])")
    return re.compile(f"(?:[和及与、][\u4e00-\u9fff]{{1,8}}?{_ZH['insurance']})*(?:{alias_pattern(words)})")


# The administrative suffix that makes a place's short name its official name (宁波 → 宁波市).
_ADMIN_SUFFIX = re.compile(either(_ZH["admin_suffixes"]))
# What may stand between a place and the kind of agency: the suffix as written (宁波市医保局), or
# its English adjective (Guangdong Provincial Department of…) and noun (…of Guangdong Province).
_ZH_BETWEEN = f"(?:{either(_ZH['between'])})?"
_EN_ADJECTIVE = rf"(?:\s+(?:{either(_EN['adjective'])}))?(?:'s|’s)?\s+(?:the\s+)?"
_EN_NOUN = rf"(?:\s+(?:{either(_EN['noun'])}))?"


def official_name(place: Entry) -> str:
    """A place's name with its administrative suffix: the Simplified alias that extends its
    short name with one (宁波 → 宁波市, 新疆 → 新疆维吾尔自治区), or the label that has one already."""
    if place.label.endswith(tuple(_ZH["official_endings"])):
        return place.label
    names = [a for a in place.aliases if a.startswith(place.label) and _ADMIN_SUFFIX.fullmatch(a[len(place.label):])]
    return max(names, key=len, default=place.label)


def local_agency_label(gaz: Gazetteer, place: Entry, kind: Entry) -> str:
    """`宁波` + `医保局` → `宁波市医疗保障局`; a province or autonomous region takes the kind's
    provincial name (`广东省人力资源和社会保障厅`), a municipality its bureau (`北京市…局`)."""
    place_name = official_name(place)
    provincial = gaz.literals(kind.iri, "provincialLabel")
    if provincial and place.level == "province" and place_name.endswith(("省", "自治区")):
        return place_name + provincial[0]
    return place_name + kind.label


@lru_cache(maxsize=4)
def _local_agency_matcher(gaz: Gazetteer, english: bool) -> tuple[re.Pattern, dict[str, Entry], dict[str, Entry]]:
    """Any place below the country (not a grouping) then any kind of agency; in English also the
    kind then `of` and the place."""
    places = {alias: e for alias, e in gaz.alias_table("region", english).items()
              if e.level not in ("country", "grouping")}
    kinds = gaz.alias_table("agency-kind", english)
    place, kind = alias_pattern(places), alias_pattern(kinds)
    if not english:
        return _zh_local_agency_pattern(gaz, place, kinds), places | abbreviations(gaz), kinds | short_kinds(gaz)
    return compile_fast(rf"(?<![a-z])(?:(?P<place>{place}){_EN_ADJECTIVE}(?P<kind>{kind})"
                        rf"|(?P<kind2>{kind})\s+of\s+(?:the\s+)?(?P<place2>{place}){_EN_NOUN})(?![a-z])"), places, kinds


def _zh_local_agency_pattern(gaz: Gazetteer, place: str, kinds: dict[str, Entry]) -> re.Pattern:
    """A place then a kind (宁波市医保局), or a province's abbreviation then a kind or its short name
    (沪人社, 粤人社厅) where a clause or a word of _ZH['abbreviation_agency_after'] ends before it."""
    _, plain = abbreviation_classes(gaz)
    kind = alias_pattern(kinds)
    composed = f"(?P<place>{place}){_ZH_BETWEEN}(?P<kind>{kind})"
    if not plain:
        return compile_fast(composed)
    short = alias_pattern(set(kinds) | set(short_kinds(gaz)))
    return compile_fast(rf"{composed}|{ABBREVIATION_OPENS}(?P<abbr>[{plain}])(?P<kind3>{short})")


@lru_cache(maxsize=1)
def _agencies_by_label(gaz: Gazetteer) -> dict[str, Entry]:
    return {alias: e for e in gaz.by_type("agency") for alias in e.aliases if not alias.isascii()}


def find_local_agencies(gaz: Gazetteer, text: str, english: bool) -> list[Found]:
    """Agencies named by a place and their kind (`宁波医保局`, `Changsha Human Resources and Social
    Security Bureau`), labelled with their full Simplified name; one the reference data knows
    keeps its own IRI, another gets one from the place's and the kind's."""
    pattern, places, kinds = _local_agency_matcher(gaz, english)
    found = [_local_agency(gaz, places[_first(m, "place", "place2", "abbr")], kinds[_first(m, "kind", "kind2", "kind3")],
                           m.start(), m.end())
             for m in pattern.finditer(fold_case(text) if english else text)]
    return found if english else found + _local_agencies_by_level(gaz, text, kinds, found)


def _first(match: re.Match, *groups: str) -> str:
    """The text of the first of `groups` the match has (the pattern's branches name them apart)."""
    return next(match[g] for g in groups if g in match.re.groupindex and match[g])


def _local_agency(gaz: Gazetteer, place: Entry, kind: Entry, start: int, end: int) -> Found:
    label = local_agency_label(gaz, place, kind)
    known = _agencies_by_label(gaz).get(label)
    key = known.iri if known else AGENCY_BASE + place.iri.rsplit("/", 1)[-1] + "-" + kind.iri.rsplit("/", 1)[-1]
    return Found("agency", key, known.label if known else label, start, end)


# `省人社厅`, `市医保局`: the agency of the province (city) the text named last, by the suffixes
# of the official names it can have.
_LEVEL_WORDS = {level: tuple(endings) for level, endings in _ZH["level_words"].items()}
# Before the level word, these make it many places or another one (各省人社厅, 等市医保局, 外省).
_PLURAL = _ZH["plural"]


def _local_agencies_by_level(gaz: Gazetteer, text: str, kinds: dict[str, Entry], named: list[Found]) -> list[Found]:
    """`广东省……省人社厅副厅长`: a kind of agency after the bare level word is the agency of the
    place of that level named last before it; with none named, it stays unnamed."""
    matches = [m for m in _level_kind_pattern(gaz).finditer(text) if not any(f.start <= m.start() < f.end for f in named)]
    places = [(gaz.entries[p.key], p.end) for p in find_places(gaz, text, False)] if matches else []
    found = []
    for match in matches:
        suffixes = _LEVEL_WORDS[match.group("level")]
        before = [place for place, end in places if end <= match.start()
                  and place.level not in ("country", "grouping") and official_name(place).endswith(suffixes)]
        if before:
            found.append(_local_agency(gaz, before[-1], kinds[match.group("kind")], match.start(), match.end()))
    return found


@lru_cache(maxsize=2)
def _level_kind_pattern(gaz: Gazetteer) -> re.Pattern:
    kinds = alias_pattern(gaz.alias_table("agency-kind", False))
    return compile_fast(f"(?<![{_PLURAL}])(?P<level>{'|'.join(_LEVEL_WORDS)})(?P<kind>{kinds})")


@lru_cache(maxsize=2)
def _ministry_title_matcher(gaz: Gazetteer) -> tuple[re.Pattern | None, dict[str, Entry]]:
    """A minister's English title names the ministry by its field alone: `vice minister of human
    resources and social security`, `Human Resources and Social Security Minister`."""
    fields = {a.lower()[len("ministry of "):]: e for e in gaz.by_type("agency") for a in e.aliases
              if a.lower().startswith("ministry of ")}
    if not fields:
        return None, fields
    field = alias_pattern(fields)
    minister = _EN["minister"]
    return compile_fast(rf"(?<![a-z])(?:{minister}\s+of\s+(?:the\s+)?(?P<field>{field})(?![a-z])"
                        rf"|(?P<field2>{field})\s+(?:(?:{either(_EN['minister_rank'])})[- ])?{minister}(?![a-z]))"), fields


def find_ministries_in_titles(gaz: Gazetteer, text: str, english: bool) -> list[Found]:
    pattern, fields = _ministry_title_matcher(gaz) if english else (None, {})
    if pattern is None or not _may_match(pattern, fold_case(text)):
        return []
    found = []
    for match in pattern.finditer(fold_case(text)):
        group = "field" if match.group("field") else "field2"
        ministry = fields[match.group(group)]
        found.append(Found("agency", ministry.iri, ministry.label, match.start(group), match.end(group)))
    return found


def _may_match(pattern: re.Pattern, folded: str) -> bool:
    """Whether a `fold_case` text holds one of the strings every match of `pattern` holds: one
    that holds none needs no search (most English texts name no minister, no unit)."""
    found = needles(pattern)
    return found is None or any(needle in folded for needle in found)


@lru_cache(maxsize=4)
def _unit_matcher(gaz: Gazetteer, english: bool) -> tuple[re.Pattern | None, dict, dict]:
    """A unit's own name (ss:unitName: 信息中心, Information Center) next to one of its parent's:
    `人社部的信息中心`, `the Information Center of the MOHRSS`, `MOHRSS's Information Center`."""
    units: dict[str, list[Entry]] = {}
    for entry in gaz.by_type("agency"):
        for name in gaz.literals(entry.iri, "unitName"):
            if name.isascii() == english:
                units.setdefault(name.lower() if english else name, []).append(entry)
    parent_iris = {e.parent for entries in units.values() for e in entries}
    parents = {a: e for a, e in gaz.alias_table("agency", english).items() if e.iri in parent_iris}
    if not units or not parents:
        return None, units, parents
    unit, parent = alias_pattern(units), alias_pattern(parents)
    if not english:
        return compile_fast(f"(?P<parent>{parent})的?(?P<unit>{unit})"), units, parents
    return compile_fast(rf"(?<![a-z])(?:(?P<parent>{parent})(?:'s|’s)?\s+(?P<unit>{unit})"
                        rf"|(?P<unit2>{unit})\s+(?:{either(_EN['unit_of'])})\s+(?:the\s+)?(?P<parent2>{parent}))(?![a-z])"), units, parents


def find_units(gaz: Gazetteer, text: str, english: bool) -> list[Found]:
    """Units of an agency named by their own name next to the parent's (`the information center
    with the MHRSS`): the parent is mentioned as well, and found on its own."""
    pattern, units, parents = _unit_matcher(gaz, english)
    if pattern is None or english and not _may_match(pattern, fold_case(text)):
        return []
    found = []
    for match in pattern.finditer(fold_case(text) if english else text):
        parent = parents[match.group("parent") or match.group("parent2")]
        for unit in units[match.group("unit") or match.group("unit2")]:
            if unit.parent == parent.iri:
                found.append(Found("agency", unit.iri, unit.label, match.start(), match.end()))
    return found


# `养老、失业、工伤保险`, or two items joined by a conjunction alone: `失业和工伤保险`
_ZH_LIST = re.compile(r"((?:[\u4e00-\u9fff]{1,8}、)+(?:[\u4e00-\u9fff]{1,6}?[和及])?|[\u4e00-\u9fff]{1,8}?[和及与])"
                      rf"([\u4e00-\u9fff]{{1,6}}?)({either(_ZH['list_heads'])})")
# Every character a Chinese list is made of, and its head: as in English, a list lies within one
# run of such characters that names the head.
_ZH_LIST_RUN = re.compile(r"[\u4e00-\u9fff、]+")
_ZH_LIST_HEAD = re.compile(either(_ZH["list_heads"]))
# A list begins where a word does, or right where the list before it ended (`…insurance-linked,
# …`): a match from inside a word would also match from the word's start, which comes first, so
# the lookbehind only spares the engine the places inside words.
_EN_LIST = re.compile(rf"(?:(?<![a-z-])|(?<={_EN['insurance']}))"
                      rf"((?:[a-z-]+(?: [a-z-]+){{0,3}}?(?:, {_AND} |, | {_AND} ))+)([a-z-]+(?: [a-z-]+)?) ({_EN['insurance']})\b", re.I)
_HEADS = _ZH["head_programs"]
_LIST_ITEM_BREAK = re.compile(rf"、|[和及]|, {_AND} |, | {_AND} ")
# Every character an English list can be made of (with the same case folding as _EN_LIST), and
# its head: a list lies within one run of such characters that names the head.
_EN_LIST_RUN = re.compile(r"[a-z\-, ]+", re.I)
_EN_LIST_HEAD = re.compile(_EN["insurance"], re.I)


@lru_cache(maxsize=4)
def _list_matches(text: str, english: bool) -> tuple[re.Match, ...]:
    """The matches of the list pattern, as `finditer` over the whole text gives them, searched
    only in runs that name the head, and once for the agencies and the programs of a text."""
    if not english:
        return tuple(match for run in _ZH_LIST_RUN.finditer(text) if _ZH_LIST_HEAD.search(text, run.start(), run.end())
                     for match in _ZH_LIST.finditer(text, run.start(), run.end()))
    return tuple(match for run in _EN_LIST_RUN.finditer(text) if _EN_LIST_HEAD.search(run.group(0))
                 for match in _EN_LIST.finditer(text, run.start(), run.end() + 1))


def _enumerated(gaz: Gazetteer, kind: str, text: str, english: bool, known: set[str]) -> list[Found]:
    """`基本养老、失业、工伤保险` names three programs: each item completed with the shared head."""
    found = []
    for match in _list_matches(text, english):
        head = _HEADS.get(match.group(3), match.group(3))
        items = [i for i in _LIST_ITEM_BREAK.split(match.group(1)) if i.strip()] + [match.group(2)]
        pos = match.start()
        for index, item in enumerate(items):
            start = text.find(item, pos)
            pos = start + len(item)
            entry, offset = _complete(gaz, kind, item.strip(), head, english, leading=index == 0)
            if entry is not None and entry.iri not in known and not _names_a_use(gaz, entry, text, match.end(), english):
                known.add(entry.iri)
                found.append(Found(kind, entry.iri, entry.label, start + offset, start + len(item)))
    return found


def _complete(gaz: Gazetteer, kind: str, item: str, head: str, english: bool, leading: bool):
    """The gazetteer entry `item + head` names; the first item may carry words before it."""
    words = item.split(" ") if english else list(item)
    aliases = _alias_table(gaz, kind, english)
    for cut in range(len(words) if leading else 1):
        part = (" " if english else "").join(words[cut:])
        name = f"{part} {head}" if english else part + head
        entry = aliases.get(fold_case(name) if english else name)
        if entry is not None:
            return entry, len(item) - len(part)
    return None, 0


@lru_cache(maxsize=8)
def _alias_table(gaz: Gazetteer, kind: str, english: bool) -> dict[str, Entry]:
    """The table `gaz.find` matches: a name it finds from end to end is one of its keys (in
    English, once case-folded), and looking it up is cheaper than a search."""
    return gaz.alias_table(kind, english)
