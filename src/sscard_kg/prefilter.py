"""Compile a pattern so that the places where no match can start are skipped quickly.

Python's regex engine tries a pattern at every place of the text; one that begins with optional
parts (`(?P<to>截至|到)?(?:(?P<y>\\d{4})年)?(?P<m>\\d{1,2})月…`) costs a few steps at each place.
A lookahead for the characters a match can begin with, worked out from the parsed pattern, makes
most places fail at one character-class test. The matches are the same: the lookahead only
restates what the pattern requires.
"""

from __future__ import annotations

import re

try:
    from re import _parser as parser
except ImportError:  # pragma: no cover - an interpreter without it compiles the pattern as it is
    parser = None

_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, with a lookahead for its possible first characters when
    they can be worked out (and the pattern cannot match the empty string)."""
    first = _first_class(pattern, flags)
    if first:
        try:
            return re.compile(f"(?=[{first}])(?:{pattern})", flags)
        except re.error:  # e.g. global inline flags, which must open the pattern
            pass
    return re.compile(pattern, flags)


def _first_class(pattern: str, flags: int) -> str | None:
    if parser is None:
        return None
    try:
        starts, empty = _sequence_starts(parser.parse(pattern, flags))
    except (re.error, TypeError, ValueError):
        return None
    return "".join(sorted(starts)) if starts and not empty else None


def _sequence_starts(items) -> tuple[set[str] | None, bool]:
    """(class pieces a match of the sequence can begin with, whether it can match the empty
    string); None when some part is beyond this reading."""
    found: set[str] = set()
    for op, arg in items:
        first, empty = _item_starts(str(op), arg)
        if first is None:
            return None, False
        found |= first
        if not empty:
            return found, False
    return found, True


def _item_starts(op: str, arg) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return {re.escape(chr(arg))}, False
    if op == "IN":
        return _class_pieces(arg), False
    if op == "BRANCH":
        found, empty = set(), False
        for alternative in arg[1]:
            first, may_be_empty = _sequence_starts(alternative)
            if first is None:
                return None, False
            found |= first
            empty |= may_be_empty
        return found, empty
    if op == "SUBPATTERN":
        return _sequence_starts(arg[-1])
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        first, empty = _sequence_starts(arg[2])
        return first, empty or arg[0] == 0
    if op in _ZERO_WIDTH:  # anchors and lookarounds consume nothing: the next part begins the match
        return set(), True
    return None, False


def _class_pieces(items) -> set[str] | None:
    pieces = set()
    for kind, value in items:
        kind = str(kind)
        if kind == "LITERAL":
            pieces.add(re.escape(chr(value)))
        elif kind == "RANGE":
            pieces.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind == "CATEGORY" and str(value) in _CATEGORIES:
            pieces.add(_CATEGORIES[str(value)])
        else:  # a negated class or another category: any character may begin it
            return None
    return pieces
