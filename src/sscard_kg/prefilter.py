"""Compile a pattern so that the places where no match can start are skipped quickly.

Python's regex engine skips ahead to a pattern's literal prefix or to one of its literal first
characters, but tries every other pattern at every place of the text: one that begins with
optional parts (`(?P<to>截至|到)?(?:(?P<y>\\d{4})年)?(?P<m>\\d{1,2})月…`), or alternatives whose
first letters have a case that is ignored (`版权|免责|…|copyright|disclaimer`), costs a few steps
at each place; so do cues some of which open with `^\\s*` (at each space), or one of which opens
with `^` and then a negated class (at every place). A lookahead for the characters a match can
begin with (or the `^` it must follow), worked out from the parsed pattern, makes most places fail
at one test. The matches are the same: the lookahead only restates what the pattern requires.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:
    from re import _compiler as compiler
    from re import _parser as parser
except ImportError:  # pragma: no cover - an interpreter without them compiles the pattern as it is
    compiler = parser = None

_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, with a lookahead for its possible first characters when the
    engine would not skip ahead by itself and they can be worked out."""
    first = _first_characters(pattern, flags)
    if first:
        try:
            return re.compile(f"(?={first})(?:{pattern})", flags)
        except re.error:  # e.g. global inline flags, which must open the pattern
            pass
    return re.compile(pattern, flags)


def _first_characters(pattern: str, flags: int) -> str | None:
    """A class of a match's possible first characters (and one whose case is ignored, for those
    under `(?i:…)`), where the engine would not find them itself; else None."""
    if parser is None:
        return None
    try:
        parsed = parser.parse(pattern, flags)
        items = list(parsed)
        if not items or _engine_skips_ahead(parsed):
            return None
        starts, empty = _sequence_starts(items, fold=False, flags=flags)
    except (re.error, TypeError, ValueError):
        return None
    if not starts or empty or all(folded is None for _, folded in starts):
        return None  # the engine tries a pattern that opens with `^` at the start alone
    plain = "".join(sorted(piece for piece, folded in starts if folded is False))
    folded = "".join(sorted(piece for piece, folded in starts if folded))
    anchors = sorted(piece for piece, folded in starts if folded is None)
    return "|".join(([f"[{plain}]"] if plain else []) + ([f"(?i:[{folded}])"] if folded else []) + anchors)


def _engine_skips_ahead(parsed) -> bool:
    """Whether the engine finds a literal prefix or a set of first characters itself, as it does
    when it compiles the pattern; a lookahead would only get in its way."""
    flags = parsed.state.flags
    if flags & re.IGNORECASE and flags & re.LOCALE:
        return False
    prefix, _, _ = compiler._get_literal_prefix(parsed, flags)
    return bool(prefix) or compiler._get_charset_prefix(parsed, flags) is not None


Pieces = set[tuple[str, bool | None]]  # (class piece, whether its case is ignored), or (anchor, None)
# A part that opens with `^` or `\A` matches only where the anchor holds, which a lookahead tests
# as the pattern does: at one place, not at each whitespace its `^\s*` would let in. Under a
# group's own `(?m:…)` a `^` holds at more places than the lookahead's would: it is passed over.
_ANCHORS = {"AT_BEGINNING": "^", "AT_BEGINNING_STRING": r"\A"}


def _sequence_starts(items, fold: bool, flags: int, lines: bool = False) -> tuple[Pieces | None, bool]:
    """(class pieces a match of the sequence can begin with, whether it can match the empty
    string); None when some part is beyond this reading. `fold`: case is ignored here (`(?i:…)`)
    but not in the pattern as a whole; `lines`: so is `re.MULTILINE` (`(?m:…)`)."""
    found: Pieces = set()
    for op, arg in items:
        first, empty = _item_starts(str(op), arg, fold, flags, lines)
        if first is None:
            return None, False
        found |= first
        if not empty:
            return found, False
    return found, True


def _item_starts(op: str, arg, fold: bool, flags: int, lines: bool = False) -> tuple[Pieces | None, bool]:
    if op == "LITERAL":
        return {(re.escape(chr(arg)), fold)}, False
    if op == "IN":
        return _class_pieces(arg, fold), False
    if op == "BRANCH":
        found, empty = set(), False
        for alternative in arg[1]:
            first, may_be_empty = _sequence_starts(alternative, fold, flags, lines)
            if first is None:
                return None, False
            found |= first
            empty |= may_be_empty
        return found, empty
    if op == "SUBPATTERN":
        folds = fold or bool(arg[1] & re.IGNORECASE and not flags & re.IGNORECASE)
        scoped = lines or bool(arg[1] & re.MULTILINE and not flags & re.MULTILINE)
        return _sequence_starts(arg[-1], folds, flags, scoped)
    if op in _REPEATS:
        first, empty = _sequence_starts(arg[2], fold, flags, lines)
        return first, empty or arg[0] == 0
    if op == "AT" and str(arg) in _ANCHORS and not lines:
        return {(_ANCHORS[str(arg)], None)}, False
    if op in _ZERO_WIDTH:  # anchors and lookarounds consume nothing: the next part begins the match
        return set(), True
    return None, False


def _class_pieces(items, fold: bool) -> Pieces | None:
    pieces: Pieces = set()
    for kind, value in items:
        kind = str(kind)
        if kind == "LITERAL":
            pieces.add((re.escape(chr(value)), fold))
        elif kind == "RANGE":
            pieces.add((f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}", fold))
        elif kind == "CATEGORY" and str(value) in _CATEGORIES:
            pieces.add((_CATEGORIES[str(value)], fold))
        else:  # a negated class or another category: any character may begin it
            return None
    return pieces


@lru_cache(maxsize=1024)
def needles(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` holds, lower-cased: wherever the pattern
    matches, one of them is in `gazetteer.fold_case` of the text (which folds a text as
    re.IGNORECASE compares it with ASCII). A text holding none of them needs no search. Only
    ASCII characters and characters without case go into a needle; None when no needle can be
    worked out (a match may be empty, or be made only of classes and repeats)."""
    if parser is None:
        return None
    try:
        return _sequence_needles(list(parser.parse(pattern.pattern, pattern.flags)))
    except (re.error, TypeError, ValueError):
        return None


def _sequence_needles(items) -> frozenset[str] | None:
    """Every part of a sequence is in each match: the needles of the part that narrows most
    (its shortest needle longest, then the fewest needles); a run of literal characters is one."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        op = str(op)
        char = _folded(arg) if op == "LITERAL" else None
        if char is not None:
            run.append(char)
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        if op == "SUBPATTERN":
            found = _sequence_needles(arg[-1])
        elif op == "BRANCH":
            alternatives = [_sequence_needles(alternative) for alternative in arg[1]]
            found = frozenset().union(*alternatives) if all(alternatives) else None
        elif op in _REPEATS and arg[0] >= 1:
            found = _sequence_needles(arg[2])
        else:  # a class, a lookaround, an anchor, an optional part: no needle of its own
            found = None
        if found:
            candidates.append(found)
    return max(candidates, key=lambda found: (min(map(len, found)), -len(found)), default=None)


def _folded(code: int) -> str | None:
    """A literal character as a folded text holds it where it matches: an ASCII one lower-cased,
    one without case as it is; None for a character with case beyond ASCII (re.IGNORECASE may
    match it with characters that lower-casing does not make it)."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    return char if char.lower() == char == char.upper() else None



def narrowed(pattern: re.Pattern | None, folded: str) -> re.Pattern | None:
    """`pattern` without the alternatives (of its top level: `a|b|c`) that cannot match a text
    whose `gazetteer.fold_case` is `folded`, for they need a needle it does not hold; None when
    none can. An alternative that can match nowhere in the text changes no match of the others:
    the matches of the narrowed pattern in the text are the pattern's. A pattern it cannot split
    is given back whole."""
    split = _alternatives(pattern) if pattern is not None else None
    if split is None:
        return pattern
    kept = tuple(found is None or any(map(folded.__contains__, found)) for _, found in split)
    if all(kept):
        return pattern
    if not any(kept):
        return None
    return _variant(pattern, kept)


@lru_cache(maxsize=4096)
def _variant(pattern: re.Pattern, kept: tuple[bool, ...]) -> re.Pattern:
    split = _alternatives(pattern)
    return compile_fast("|".join(source for (source, _), keep in zip(split, kept) if keep), pattern.flags)


class Narrowing:
    """Patterns narrowed together, as `narrowed` narrows each: split once, and every needle of
    them all looked for once in a text, not once per alternative that needs it. The alternatives
    a text keeps are a bit mask per pattern: those that need no needle, and those each needle
    found lets in, worked out once. A pattern hashes its whole compiled code, so the split and
    the variants are kept here, by position."""

    def __init__(self, patterns: tuple[re.Pattern | None, ...]):
        self.patterns = patterns
        self.splits = tuple(_alternatives(p) if p is not None else None for p in patterns)
        self._whole = tuple((1 << len(split)) - 1 if split else 0 for split in self.splits)
        self._always = tuple(_mask(split, lambda found: found is None) if split else 0 for split in self.splits)
        self._lets_in: dict[str, list[tuple[int, int]]] = {}  # a needle: (pattern, the alternatives that need it)
        for i, split in enumerate(self.splits):
            for needle in sorted({needle for _, found in split or () if found for needle in found}):
                self._lets_in.setdefault(needle, []).append((i, _mask(split, lambda found: bool(found) and needle in found)))
        self._by_first: dict[str, list[str]] = {}  # a text lacking a needle's first character lacks it
        for needle in sorted(self._lets_in):
            self._by_first.setdefault(needle[0], []).append(needle)
        self._variants: dict[tuple[int, int], re.Pattern] = {}

    def narrowed(self, folded: str) -> list[re.Pattern | None]:
        """Each pattern without the alternatives that cannot match a text whose `fold_case` is `folded`."""
        return [self.pattern(i, kept) for i, kept in enumerate(self.kept(folded))]

    def kept(self, folded: str) -> list[int]:
        """For each pattern, the mask of the alternatives that may match a text whose `fold_case` is
        `folded` (see `pattern`)."""
        kept = list(self._always)
        for first in self._by_first.keys() & set(folded):
            for needle in self._by_first[first]:
                if needle in folded:
                    for i, bits in self._lets_in[needle]:
                        kept[i] |= bits
        return kept

    def pattern(self, i: int, kept: int) -> re.Pattern | None:
        """Pattern `i` with only the alternatives of the mask `kept`; None when there are none."""
        if self.splits[i] is None:
            return self.patterns[i]
        if kept == self._whole[i]:
            return self.patterns[i]
        if not kept:
            return None
        if (i, kept) not in self._variants:
            flags = tuple(bool(kept >> j & 1) for j in range(len(self.splits[i])))
            self._variants[i, kept] = _variant(self.patterns[i], flags)
        return self._variants[i, kept]


def _mask(split: tuple[tuple[str, frozenset[str] | None], ...], test) -> int:
    """The bits of the alternatives whose needles pass `test`."""
    return sum(1 << j for j, (_, found) in enumerate(split) if test(found))


@lru_cache(maxsize=1024)
def _alternatives(pattern: re.Pattern) -> tuple[tuple[str, frozenset[str] | None], ...] | None:
    """The top-level alternatives of a pattern (as `compile_fast` made it, lookahead set aside)
    with their needles; None for a single one, or one this cannot split for certain."""
    if parser is None:
        return None
    source = pattern.pattern
    if source.startswith("(?=") and source.endswith(")"):  # compile_fast's lookahead before `(?:pattern)`
        cut = source.find(")(?:")
        source = source[cut + 4:-1] if cut > 0 else source
    if re.search(r"\(\?[aiLmsux]+\)", source) or compile_fast(source, pattern.flags).pattern != pattern.pattern:
        return None  # global flags (only before the first alternative), or not what was compiled
    parts = _top_level_split(source)
    if len(parts) < 2 or "|".join(parts) != source:
        return None
    try:
        return tuple((part, _sequence_needles(list(parser.parse(part, pattern.flags)))) for part in parts)
    except (re.error, TypeError, ValueError):  # a part that is no pattern alone (a back reference)
        return None


def _top_level_split(source: str) -> list[str]:
    """`source` cut at each `|` outside groups and classes."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: up to its closing bracket (one right after `[` or `[^` is a member)
            i += 2 if source.startswith("[^", i) else 1
            i += 1 if source[i:i + 1] == "]" else 0
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts
