"""Tables read as sentences: each cell with a figure says what its row and its column name.

A table's figure stands alone in its cell (`│10.71　│`): what it counts is its row's label
(`基本养老保险参保人数（亿人）`), when its column's heading (`一季度`, `2021`, `End-2021`), and its unit
and scale are in the label's or the heading's brackets. Read line by line, the figure is a bare
number with none of that. So each data cell is rewritten as the clause a writer would have made of
it, heading, label, figure and unit (`一季度基本养老保险参保人数10.71亿人`, `Cardholders in 2021:
1.352 billion`), mapped back to the cell it came from; rule lines and the heading row go.

A table is two or more lines split into the same number of cells (two or more) by `│`, `┃`, `|`
or tabs, between rule lines (`┌──┬──┐`, `|---|---|`) or not. The first row whose cells hold no
figure is the heading row; a row whose first cell is a label and whose other cells hold figures is
a data row. Blank lines between rows part nothing (an HTML table's rows come between them);
anything else in the block stays as it is.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .textmap import Edit

_SEPARATOR = re.compile(r"[│┃|]|\t+")
_RULE = re.compile(r"^[\s┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬║│┃|+:\-=]+$")
_RULE_MARK = re.compile(r"[─━═┌┼├]|-{3}")
_FIGURE = re.compile(r"^[+\-−]?\d[\d,，]*(?:\.\d+)?\s*%?$")
# The unit a label or a heading gives its figures: `（亿人）`, `(万亿元)`, `(%)`, `(billion)`, `(million people)`.
_UNIT = re.compile(r"\s*[（(]\s*([^（）()\d]{1,16}?)\s*[）)]\s*$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


class _Cell(NamedTuple):
    start: int  # the separator before it, if any
    end: int
    text: str


def table_edits(text: str, english: bool) -> list[Edit]:
    if not _SEPARATOR.search(text):
        return []
    edits: list[Edit] = []
    for block in _blocks(text):
        edits += _block_edits(block, english)
    return edits


def _rows(text: str):
    """(line start, line end, cells or None for a rule line) of each line with separators."""
    offset = 0
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue  # blank lines part no rows (an HTML table's rows come between them)
        if _RULE.match(line) and _RULE_MARK.search(line):
            yield start, end, None
        elif not _SEPARATOR.search(line):
            yield start, end, False
        else:
            yield start, end, _cells(text, start, end)


def _cells(text: str, start: int, end: int) -> list[_Cell]:
    """The line's cells, each with the separator before it; an empty cell before the first
    separator or after the last is the table's border, not a cell."""
    cuts = [m.start() for m in _SEPARATOR.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    cells = [_Cell(a, b, text[a:b].lstrip("│┃|\t").strip(" \u3000")) for a, b in zip(bounds, bounds[1:])]
    if cells and not cells[0].text:
        cells = cells[1:]
    if cells and not cells[-1].text:
        cells = cells[:-1]
    return cells


def _blocks(text: str) -> list[list[tuple[int, int, list[_Cell] | None]]]:
    """Runs of consecutive table lines (rows and rules) with two or more rows of as many cells."""
    blocks, run = [], []
    for start, end, cells in [*_rows(text), (len(text), len(text), False)]:
        if cells is False:
            rows = [r for r in run if r[2] is not None and len(r[2]) >= 2]
            if len(rows) >= 2 and len({len(r[2]) for r in rows}) == 1:
                blocks.append(run)
            run = []
        else:
            run.append((start, end, cells))
    return blocks


def _block_edits(block, english: bool) -> list[Edit]:
    rows = [(start, end, cells) for start, end, cells in block if cells is not None]
    heading = next((cells for _, _, cells in rows[:1] if not any(_is_figure(c.text) for c in cells)), None)
    edits = [Edit(start, end, "", "table", 1.0, "a table's rule line") for start, end, cells in block if cells is None]
    if heading is not None:
        edits.append(Edit(rows[0][0], rows[0][1], "", "table", 1.0, "a table's heading row, read into its cells"))
    for start, end, cells in rows[1 if heading is not None else 0:]:
        edits += _row_edits(start, end, cells, heading, english)
    return edits


def _is_figure(cell: str) -> bool:
    """A figure, and not a year heading a column (`2021`)."""
    return bool(_FIGURE.match(cell)) and not _YEAR.match(cell)


def _row_edits(start: int, end: int, cells: list[_Cell], heading: list[_Cell] | None, english: bool) -> list[Edit]:
    label, values = cells[0], cells[1:]
    if _FIGURE.match(label.text) or not any(_FIGURE.match(c.text) for c in values):
        return []
    name, unit = _split_unit(label.text)
    edits = []
    for index, cell in enumerate(values, start=1):
        column = heading[index].text if heading is not None else ""
        column, column_unit = _split_unit(column)
        begin = start if index == 1 else cell.start  # the label goes with the first cell: the row maps back whole
        if _FIGURE.match(cell.text):
            clause = _clause(name, column, cell.text, unit or column_unit, english, first=index == 1)
            edits.append(Edit(begin, cell.end, clause, "table", 1.0, "a table's cell read with its row and column"))
        else:
            edits.append(Edit(begin, cell.end, "", "table", 1.0, "a table's cell without a figure"))
    edits.append(Edit(values[-1].end, end, "." if english else "。", "table", 1.0, "a table row's end"))
    return edits


def _split_unit(cell: str) -> tuple[str, str]:
    """`基本养老保险参保人数（亿人）` → (`基本养老保险参保人数`, `亿人`)."""
    match = _UNIT.search(cell)
    return (cell[:match.start()], match.group(1)) if match else (cell, "")


def _clause(label: str, column: str, figure: str, unit: str, english: bool, first: bool) -> str:
    """The cell as a clause: `一季度基本养老保险参保人数10.71亿人`, `; Cardholders in 2021: 1.352 billion`."""
    if english:
        when = f" in {column}" if _YEAR.match(column) else f", {column}" if column else ""
        joined = "" if unit in ("%", "per cent", "percent") else " "
        return f"{'' if first else '; '}{label}{when}: {figure}{joined}{unit}".rstrip()
    return f"{'' if first else '，'}{column}{label}{figure}{unit}"
