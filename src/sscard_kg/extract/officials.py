"""Officials in cleaned text: a person named with a post (`政策研究司司长、新闻发言人卢爱红`, `Lu Aihong,
spokesperson of ...`) or a known official of the gazetteer, with the role and the agency they speak for.

Reporters, editors and photo credits are not officials: they never carry a post in these patterns,
and credit lines are boilerplate. A post in a unit inside a ministry (信息中心主任) is the ministry's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .entities import Found, find_named
from .gazetteer import Entry, Gazetteer, alias_pattern, fold_case
from ..prefilter import compile_fast
from ..resources import cues, either

_ZH, _EN = cues("entities")


def _zh_name() -> str:
    """A Chinese name: a surname (compound or single) and one or two characters."""
    surnames = "".join(_ZH["surnames"])
    compound = "|".join(_ZH["compound_surnames"])
    return rf"(?:{compound})[\u4e00-\u9fff]{{1,2}}?|[{surnames}][\u4e00-\u9fff]{{1,2}}?"


def _zh_titles() -> str:
    return "|".join(sorted(_ZH["titles"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _zh_title_at_end() -> re.Pattern:
    """A post's title ending a role: what is before it is the unit (`信息中心主任` → 信息中心)."""
    return re.compile(rf"(?:{_zh_titles()})$")


@lru_cache(maxsize=1)
def _zh_person_pattern() -> re.Pattern:
    """A post then a name, right after it or across a comma, a colon or a space (`新闻发言人，卢爱红表示`)."""
    after = "|".join(_ZH["after_name"])
    return re.compile(
        rf"(?P<title>{_zh_titles()})(?P<gap>[,，:：]\s*|[ \t\u3000]+)?(?P<name>{_zh_name()})"
        rf"(?=(?:{after})|[,，:：、(（\s\d]|$)"
    )


@lru_cache(maxsize=1)
def _zh_listed_name() -> re.Pattern:
    """A further name that shares the post of the one before (`副部长李忠、俞家栋出席`)."""
    after = "|".join(_ZH["after_name"])
    return re.compile(rf"[、和及与](?P<name>{_zh_name()})(?=(?:{after})|[,，。;；:：、(（\s]|$)")


@lru_cache(maxsize=1)
def _zh_gap_then() -> tuple[re.Pattern, re.Pattern]:
    """What must follow a name parted from its post: after a comma, a word of saying or acting
    (`发言人，卢爱红表示`, not `主任，明年…`); after a colon or a space, that or the line's end."""
    words = "|".join(_ZH["after_name"])
    return re.compile(rf"(?:{words})"), re.compile(rf"(?:{words})|[ \t]*(?:\n|$)|[（(]")


@lru_cache(maxsize=1)
def _zh_parenthesised_pattern() -> re.Pattern:
    """A post in brackets after a name (`翟燕立（人社部信息中心主任）介绍`): the brackets hold the post."""
    return re.compile(rf"[（(](?P<body>[\u4e00-\u9fff、]{{0,40}}?)(?P<title>{_zh_titles()})[）)]")


@lru_cache(maxsize=1)
def _zh_name_before() -> re.Pattern:
    """A name that ends at the bracket and starts a clause or follows a word that opens one (据, 由)."""
    opens = _ZH["name_opens"]
    return re.compile(rf"(?:(?<![\u4e00-\u9fff])|(?<=[{opens}]))(?:{_zh_name()})$")


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
    people: list[Found] = []
    by_name = _people_by_name(gaz)
    after_comma, after_colon = _zh_gap_then()
    for match in _zh_person_pattern().finditer(text):
        name, gap = match.group("name"), match.group("gap") or ""
        if gap.strip() and not (after_comma if gap.strip() in ",，" else after_colon).match(text, match.end("name")):
            continue
        role_start, role_end = _role_span(gaz, text, match.start("title"), match.end("title"))
        role_start, role = _after_previous(text, people, role_start, role_end)
        if _PRESS.search(role):
            continue
        agency = max((a for a in agencies if a.start < match.start("name") and a.end > role_start - 30),
                     key=lambda a: a.end, default=None)
        people.append(_zh_person(gaz, by_name, name, match.start("name"), role, agency))
        while (more := _zh_listed_name().match(text, people[-1].end)) is not None:
            people.append(_zh_person(gaz, by_name, more.group("name"), more.start("name"), role, agency))
    people += _zh_parenthesised(gaz, text, agencies, people)
    return people + _zh_titled_after(gaz, text, agencies, people)


def _zh_person(gaz: Gazetteer, by_name: dict[str, Entry], name: str, start: int, role: str | None,
               agency: Found | None) -> Found:
    entry = by_name.get(name)
    return Found("person", entry.iri if entry else f"name:{name}", entry.label if entry else name, start,
                 start + len(name), role or None, answers_for(gaz, agency.key) if agency else None, name)


_JOINER = re.compile(r"[、和及与]")


def _after_previous(text: str, people: list[Found], start: int, end: int) -> tuple[int, str]:
    """A role never reaches back over the official named before it; a post joined to that
    official's by `、` or `和`, a bare title, shares its unit (`信息中心主任翟燕立、副主任宋京燕` → 信息中心副主任)."""
    previous = next((p for p in reversed(people) if start < p.end <= end), None)
    if previous is None:
        return start, text[start:end].strip("、的 ")
    joined = _JOINER.match(text, previous.end, end)
    start = joined.end() if joined else previous.end
    role = text[start:end].strip("、的 ")
    unit = _unit_of(previous.role or "")
    bare = (title := _zh_title_at_end().search(role)) is not None and title.start() == 0
    return start, (unit + role if joined and bare and unit else role)


def _unit_of(role: str) -> str:
    """The unit of the last post of a role (`新闻发言人、信息中心主任` → 信息中心), or ``."""
    last = role.rsplit("、", 1)[-1]
    title = _zh_title_at_end().search(last)
    return last[:title.start()] if title else ""


@lru_cache(maxsize=1)
def _zh_title_after_pattern() -> re.Pattern:
    """A name then its post as a form of address, then a word of saying (`卢爱红司长介绍`)."""
    after = "|".join(_ZH["after_name"])
    return re.compile(rf"(?P<name>{_zh_name()})(?P<title>{_zh_titles()})(?=(?:{after}))")


def _zh_titled_after(gaz: Gazetteer, text: str, agencies: list[Found], named: list[Found]) -> list[Found]:
    """`卢爱红司长介绍`, `人社部王建国局长表示`: a post after a name is the person's when the name is a
    known official's or follows the agency's name (a unit's or a local agency's name is part of the
    role, as before a post); elsewhere a name-like run may be a firm's or a court's."""
    people, by_name, pos = [], _people_by_name(gaz), 0
    pattern = _zh_title_after_pattern()
    while (match := pattern.search(text, pos)) is not None:
        pos = match.start() + 1
        name = match.group("name")
        agency = next((a for a in agencies if a.end == match.start()), None)
        if (name not in by_name and agency is None) or any(p.start <= match.start() < p.end for p in named + people):
            continue
        unit = ""
        if agency is not None:
            unit_start, _ = _role_span(gaz, text, match.start(), match.start())
            unit = text[max(unit_start, agency.start):match.start()]
        people.append(_zh_person(gaz, by_name, name, match.start(), unit + match.group("title"), agency))
        pos = match.end()
    return people


def _zh_parenthesised(gaz: Gazetteer, text: str, agencies: list[Found], named: list[Found]) -> list[Found]:
    """`翟燕立（人社部信息中心主任）介绍`: a name before brackets that hold a post."""
    people = []
    by_name = _people_by_name(gaz)
    for match in _zh_parenthesised_pattern().finditer(text):
        name = _zh_name_before().search(text, max(0, match.start() - 5), match.start())
        if name is None or any(p.start <= name.start() < p.end for p in named):
            continue
        role_start, role_end = _role_span(gaz, text, match.start("title"), match.end("title"))
        role = text[role_start:role_end].strip("、的 ")
        if _PRESS.search(role):
            continue
        agency = max((a for a in agencies if match.start() < a.start < match.end()), key=lambda a: a.end, default=None)
        people.append(_zh_person(gaz, by_name, name.group(0), name.start(), role, agency))
    return people


# A name's words are capitalised; only a hyphen joins a lower-case part (Ai-hong): `Resources and
# Social` in a post (`Minister of Human Resources and Social Security Li Ming`) is no name.
_EN_NAME = r"(?P<name>[A-Z][a-z]+(?:-[A-Z]?[a-z]+| [A-Z][a-z]+)?\s[A-Z][a-z]+(?:-[a-z]+)?)"


# `deputy director of … and spokesperson`: a post after `and` may carry a rank of its own.
_POSTS_SPLIT = re.compile(rf",\s*|\s+and\s+(?=(?:the\s)?(?:{either(_EN['joined_rank'])})?[a-z-]+\b)")


def _zh_role(gaz: Gazetteer, english: str, unit_before: Found | None = None) -> str:
    """`deputy director of the Policy Research Department and spokesperson` → `政策研究司副司长、新闻发言人`:
    each post's title from the table, prefixed by the sub-unit the gazetteer knows (in the post, or
    named right before it: `the Ministry's Information Center director`); the head of an agency the
    post ends with is called as that agency's head is (`deputy head of the … Administration` → 副局长)."""
    table = _EN["title_zh"]
    titles = sorted(table, key=len, reverse=True)
    posts = []
    for part in _POSTS_SPLIT.split(english.strip(" ,")):
        found = next((m for t in titles if (m := re.match(rf"(?:the )?({re.escape(t)})\b", part, re.I))), None)
        if found is None:
            continue
        title = next(t for t in titles if t.lower() == found.group(1).lower())
        posts.append(_zh_post(gaz, part, found.end(), table[title], unit_before if not posts else None))
    return "、".join(posts) if posts else english.strip(" ,")


_OF_THE = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?")


def _zh_post(gaz: Gazetteer, part: str, title_end: int, post: str, unit_before: Found | None) -> str:
    """One post in Chinese: the unit's name and its head's title, or, for a post of the agency
    itself (`head of the … Administration`, not `head of the card department of …`), its head's."""
    named = find_named(gaz, "agency", part, True)
    units = [gaz.entries[f.key] for f in named if f.key in gaz.entries and gaz.entries[f.key].parent]
    if not units and unit_before is not None and unit_before.key in gaz.entries and gaz.entries[unit_before.key].parent:
        units = [gaz.entries[unit_before.key]]
    if units:
        unit = _unit_name(gaz, units[0].label)
        return unit + _UNIT_HEADS.get((unit[-1:], post), post)
    last = next((f for f in named if _OF_THE.fullmatch(part, title_end, f.start)), None)
    if last is None or part[last.end:].strip(" ,.;"):
        if unit_before is None:
            return post
        last = unit_before
    head = _UNIT_HEADS.get((last.label[-1:], post), post)
    national = _national_agencies(gaz)
    return head if national is not None and national.fullmatch(last.label) else last.label + head


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
        re.compile(rf"{_EN_NAME},\s(?:\d{{1,3}},\s)?(?:the\s|an?\s)?(?P<role>(?i:{role})(?:[\s,-]+(?:{either(_EN['apposition'])}|[A-Z][\w'’-]*|[a-z]+\b)){{0,24}}?)"
                   rf"(?=[,.;]|\s(?:{either(_EN['apposition_end'])})\b)"),
        compile_fast(rf"(?P<role>(?i:{role})(?:\s(?:of\s(?:the\s)?|and\s)?[A-Z][\w’'-]*){{0,8}})\s{_EN_NAME}"),
    )


def _tried_at_posts(pattern: re.Pattern, text: str):
    """The matches of `pattern`, which opens with a post, as `finditer` gives them, tried only where
    a post's first letters are: its case-blind alternation would be tried at every letter."""
    folded, pos = fold_case(text), 0
    while (start := _post_starts().search(folded, pos)) is not None:
        match = pattern.match(text, start.start())
        pos = match.end() if match else start.start() + 1
        if match:
            yield match


@lru_cache(maxsize=1)
def _post_starts() -> re.Pattern:
    """The letters every rank and post of `_en_role_pattern` begins with, lower-cased as in `fold_case` text."""
    return re.compile(alias_pattern({_leading_letters(w) for w in _EN["rank"] + _EN["titles"]}))


def _leading_letters(alternative: str) -> str:
    """The letters an alternative opens with that every match of it has (a letter a quantifier
    makes optional is not); at worst none, and then every place is tried."""
    letters = re.match("[a-z]*", alternative).group() if "|" not in alternative else ""
    return letters[:-1] if alternative[len(letters):len(letters) + 1] in ("?", "*", "{") else letters


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


_EN_PRESS = re.compile(rf"(?:{either(_EN['press'])})", re.I)
_EN_PRESS_BEFORE = re.compile(rf"(?:{either(_EN['press'])})\s+$", re.I)


def _of_the_press(text: str, start: int, name: str) -> bool:
    """`Editor Liu Ming`, `Xinhua reporter Wang Fang, director of…`: a name the press's word is part of
    or stands right before is a journalist's, whatever post follows."""
    return any(_EN_PRESS.fullmatch(w) for w in name.split()) or bool(_EN_PRESS_BEFORE.search(text, max(0, start - 30), start))


_NOT_NAME_WORDS = frozenset(_EN["not_name_words"])


def _not_a_name(name: str) -> bool:
    """`Director Of Operations`, `head of the Xinhua News Agency`: capitalised words of a phrase or an
    organisation's name, not a person's."""
    return any(w.lower() in _NOT_NAME_WORDS for w in re.split(r"[\s-]+", name))


def _en_people(gaz: Gazetteer, text: str, agencies: list[Found]) -> list[Found]:
    people = []
    agency_words = _agency_words(gaz)
    name_first, post_first = _en_person_patterns()
    for matches in (name_first.finditer(text), _tried_at_posts(post_first, text)):
        for match in matches:
            name = match.group("name")
            if not name[0].isupper() or any(p.start <= match.start("name") < p.end for p in people):
                continue
            if any(w in agency_words for w in re.findall(r"[a-z]+", name.lower())) or _is_place(gaz, name) \
                    or _of_the_press(text, match.start("name"), name) or _not_a_name(name):
                continue
            hits = gaz.find("person", name, True)
            entry: Entry | None = hits[0][2] if hits else None
            before = _agency_before(agencies, text, match.start("role"))
            agency = next((a for a in agencies if match.start() <= a.start < match.end() + 80), None) or before
            people.append(Found("person", entry.iri if entry else f"name:{name}", entry.label if entry else name,
                                match.start("name"), match.end("name"), _zh_role(gaz, match.group("role"), before),
                                answers_for(gaz, agency.key) if agency else None, name))
    return people


def answers_for(gaz: Gazetteer, key: str) -> str:
    """The agency a post speaks for: a unit inside a ministry speaks for the ministry
    (信息中心主任 of 人社部 is an official of 人社部)."""
    entry = gaz.entries.get(key)
    return entry.parent if entry is not None and entry.internal and entry.parent else key
