"""Checks and rewrites of SPARQL text made before Oxigraph sees it, because some queries abort it.

Oxigraph 0.5 aborts the whole process (it cannot be caught) on two kinds of query:
- an ORDER BY whose key mixes kinds of literal (numbers and strings, dates with and without a
  time zone): its sort finds the comparison inconsistent and panics. Ordering first by a key that
  names the kind (`order_by_kind`) makes every comparison the engine meets consistent;
- a query so deep (nested groups, long chains of BIND, MINUS, operators) that its parser or
  evaluator overflows the stack. `check_size` refuses those before parsing; its bounds sit well
  below what the server's smaller threads survive.

The text is only tokenised, not parsed: the engine still reports every syntax error itself, and
`original_message` maps an error's position in the rewritten text back to the user's text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import QueryError

MAX_DEPTH = 64  # nested (, { and [; the server's threads overflowed at ~400 (200 × `EXISTS { FILTER(`)
MAX_STRUCTURE = 1000  # keywords, operators and brackets; 700 `MINUS {}` overflowed the server

_TOKEN = re.compile(r'''
    (?P<space>\s+|\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<name>(?:[^\W\d][\w.-]*)?:(?:[\w:%.\\-]*[\w:%])?|[^\W\d][\w-]*)
  | (?P<number>\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<op>\^\^|&&|\|\||!=|<=|>=|[{}()\[\].,;*+\-/!=<>^|?])
  | (?P<other>.)
''', re.X | re.S)

OPENING, CLOSING = "({[", ")}]"
STRUCTURAL_OPS = set("{}()[]+-*/!=<>^|") | {"&&", "||", "!=", "<=", ">="}
PLAIN_WORDS = {"A", "TRUE", "FALSE"}  # terms, not structure: a triple's `a`, a boolean
ORDER_CLAUSE_ENDS = {"LIMIT", "OFFSET", "VALUES"}
XSD = "http://www.w3.org/2001/XMLSchema#"
# Calls whose value is of one kind (or an error, which leaves the key unbound): a condition that is
# one of them needs no kind key, and goes without its cost (an expression per row the sort reads).
SINGLE_KIND_FUNCTIONS = {"STR", "STRLEN"}   # a simple literal; an integer
SINGLE_KIND_CASTS = {XSD + name for name in ("string", "integer", "decimal", "double", "float")}


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.text.upper() if self.kind == "name" else ""


def tokens(sparql: str) -> list[Token]:
    """The tokens of SPARQL text, spaces and comments left out; never fails on any text."""
    found = []
    for match in _TOKEN.finditer(sparql):
        if match.lastgroup != "space":
            found.append(Token(match.lastgroup, match.group(), match.start(), match.end()))
    return found


def check_size(sparql: str) -> None:
    """Refuse a query deep or large enough to overflow the engine's stack, before it is parsed."""
    depth = deepest = structure = 0
    for token in tokens(sparql):
        if token.text in OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif token.text in CLOSING:
            depth = max(0, depth - 1)
        if _structural(token):
            structure += 1
    if deepest > MAX_DEPTH:
        raise QueryError(f"the query nests {deepest} brackets deep; at most {MAX_DEPTH} are accepted")
    if structure > MAX_STRUCTURE:
        raise QueryError(f"the query has {structure} keywords, operators and brackets; "
                         f"at most {MAX_STRUCTURE} are accepted")


def _structural(token: Token) -> bool:
    """A keyword, function name, operator or bracket: what deepens the engine's parse and plan.
    Terms (IRIs, prefixed names, literals, numbers, variables) and `^^` of a typed literal do not."""
    if token.kind == "name":
        return ":" not in token.text and token.word not in PLAIN_WORDS
    return token.kind == "op" and token.text in STRUCTURAL_OPS


def kind_key(expression: str) -> str:
    """An expression naming the kind of a value: "" for numbers, else the datatype, with a mark
    for a date or time that carries a time zone; unbound for IRIs and blank nodes, which the
    engine orders consistently anyway."""
    return (f'CONCAT(IF(isNumeric({expression}), "", STR(DATATYPE({expression}))), '
            f'COALESCE(IF(TZ({expression}) = "", "", " tz"), ""))')


class Insertion(NamedTuple):
    at: int
    text: str


def order_by_kind(sparql: str) -> tuple[str, list[Insertion]]:
    """The query with each ORDER BY condition preceded by its kind key, and where text went in."""
    found = tokens(sparql)
    insertions = []
    casts = _single_kind_casts(found)
    for index, token in enumerate(found[:-1]):
        if token.word == "ORDER" and found[index + 1].word == "BY":
            insertions += _keyed_conditions(sparql, found, index + 2, casts)
    rewritten, last = [], 0
    for insertion in insertions:
        rewritten += [sparql[last:insertion.at], insertion.text]
        last = insertion.at
    return "".join(rewritten) + sparql[last:], insertions


def _single_kind_casts(found: list[Token]) -> set[str]:
    """The spellings of the casts to one kind of value: their IRIs, and their prefixed names
    under each prefix the query declares for XSD (`PREFIX xsd: <…XMLSchema#>`)."""
    spellings = {f"<{iri}>" for iri in SINGLE_KIND_CASTS}
    for index, token in enumerate(found[:-2]):
        if token.word == "PREFIX" and found[index + 1].kind == "name" and found[index + 2].text == f"<{XSD}>":
            spellings |= {found[index + 1].text + iri[len(XSD):] for iri in SINGLE_KIND_CASTS}
    return spellings


def _single_kind(found: list[Token], first: int, last: int, casts: set[str]) -> bool:
    """Whether tokens first..last are one call that gives values of one kind (STR(…), xsd:integer(…))."""
    call = found[first]
    if not (call.word in SINGLE_KIND_FUNCTIONS or call.text in casts):
        return False
    return first + 1 <= last and found[first + 1].text == "(" and _matching(found, first + 1) == last


def _keyed_conditions(sparql: str, found: list[Token], index: int, casts: set[str] = frozenset()
                      ) -> list[Insertion]:
    """The key to put before each condition of the ORDER BY clause starting at token `index`
    (none before a call that gives values of one kind)."""
    insertions = []
    while index < len(found):
        token = found[index]
        if token.kind == "var":
            insertions.append(Insertion(token.start, f"({kind_key(token.text)}) "))
            index += 1
            continue
        if token.word in ORDER_CLAUSE_ENDS or token.text in CLOSING:
            break
        direction = token.word in ("ASC", "DESC")
        opening = index + 1 if token.kind in ("name", "iri") else index
        if opening >= len(found) or found[opening].text != "(":
            break
        closing = _matching(found, opening)
        if closing is None:
            break
        if _single_kind(found, opening + 1 if direction else index, closing - 1 if direction else closing, casts):
            pass
        elif direction:
            inner = sparql[found[opening].end:found[closing].start]
            insertions.append(Insertion(token.start, f"{token.text}({kind_key(inner)}) "))
        else:
            whole = sparql[token.start:found[closing].end]
            insertions.append(Insertion(token.start, f"({kind_key(whole)}) "))
        index = closing + 1
    return insertions


def _matching(found: list[Token], opening: int) -> int | None:
    depth = 0
    for index in range(opening, len(found)):
        depth += (found[index].text == "(") - (found[index].text == ")")
        if depth == 0:
            return index
    return None


_POSITION = re.compile(r"\berror at (\d+):(\d+)")


def original_message(message: str, original: str, insertions: list[Insertion]) -> str:
    """The engine's message about the rewritten text, its position moved back to the user's text."""
    match = _POSITION.search(message)
    if not match or not insertions:
        return message
    rewritten, _ = order_by_kind(original)
    offset = _offset(rewritten, int(match.group(1)), int(match.group(2)))
    moved, shift = offset, 0
    for insertion in insertions:
        start = insertion.at + shift
        if offset < start:
            break
        moved = insertion.at if offset < start + len(insertion.text) else offset - shift - len(insertion.text)
        shift += len(insertion.text)
    line, column = _line_column(original, moved)
    return message[:match.start(1)] + f"{line}:{column}" + message[match.end(2):]


def _offset(text: str, line: int, column: int) -> int:
    lines = text.split("\n")
    return sum(len(part) + 1 for part in lines[:line - 1]) + column - 1


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def iris_after(sparql: str, keywords: set[str]) -> list[str | None]:
    """The IRI (or None for a variable or prefixed name) after each of these keywords."""
    found = tokens(sparql)
    targets = []
    for index, token in enumerate(found):
        if token.word in keywords:
            following = found[index + 1:index + 3]
            following = [t for t in following if t.word != "SILENT"][:1]
            targets.append(following[0].text[1:-1] if following and following[0].kind == "iri" else None)
    return targets
