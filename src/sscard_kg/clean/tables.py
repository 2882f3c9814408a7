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
anything else in the block stays as it is. A list of `label：figure` items under a heading is a table
of one column: each item reads the heading after its label (`labelled_list_edits`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .textmap import Edit, lines_at
from ..resources import cues, either

_SEPARATOR = re.compile(r"[│┃|]|\t+")
_WIDE_GAP = re.compile(r"(?<=\S)(?: {2,}|\u3000+)(?=\S)")  # between the columns of a plain-text table
_RULE = re.compile(r"^[\s┌┐└┘├┤┬┴┼─━═╔╗╚╝╠╣╦╩╬║│┃|+:\-=]+$")
_RULE_MARK = re.compile(r"[─━═┌┼├]|-{3}")
# The unit a label or a heading gives its figures: `（亿人）`, `(万亿元)`, `(%)`, `(billion)`, `(million people)`.
_UNIT = re.compile(r"\s*[（(]\s*([^（）()\d]{1,16}?)\s*[）)]\s*$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


class _Cell(NamedTuple):
    start: int  # the separator before it, if any
    end: int
    text: str


def table_edits(text: str, english: bool) -> list[Edit]:
    edits = labelled_list_edits(text)
    if not _SEPARATOR.search(text) and not _WIDE_GAP.search(text):
        return edits
    for block in _blocks(text):
        edits += _block_edits(block, english)
    return edits


# A list of labels with their figures under a heading that names what they count:
# `📌 参保人数（截至上半年末）` / `• 基本养老保险：10.71亿人` / `• 失业保险：2.43亿人`.
_LIST_HEADING = re.compile(r"^[^\w\n]*(?P<words>[^\W\d][^\n:：。.!?！？]{1,28}?)[:：]?\s*$")
_HEADING_FIGURE = re.compile(r"\d[\d.,]*\s*(?:[亿万%％人元张个项]|percent|million|billion)", re.I)
_LABELLED_ITEM = re.compile(r"^[\s•·▪●○◆■►▶\-*]*(?P<label>[^\W\d][^\d\n:：,，。]{0,14})(?P<colon>\s*[:：]\s*)(?=[约近超逾]?\d)")


def labelled_list_edits(text: str) -> list[Edit]:
    """Each item of a list of labels with figures under a heading (one column of a table) reads
    the heading after its label: `基本养老保险参保人数（截至上半年末）：10.71亿人`. The heading's words are
    what the figures count and often when; the items name whose."""
    lines = lines_at(text)
    edits: list[Edit] = []
    for index, (_, line) in enumerate(lines):
        heading = _LIST_HEADING.match(line)
        if heading is None or _HEADING_FIGURE.search(heading["words"]):
            continue
        items = []
        for start, following in lines[index + 1:]:
            item = _LABELLED_ITEM.match(following)
            if item is None:
                break
            items.append((start, item))
        if len(items) < 2:
            continue
        for start, item in items:
            label = item.span("label")
            edits.append(Edit(start + label[0], start + label[1], item["label"] + heading["words"].strip(),
                              "table", 0.9, "a labelled list's item read with the heading over it"))
    return edits


def _rows(text: str):
    """(line start, line end, cells or None for a rule line) of each line with separators; a
    line of three or more cells set apart by runs of spaces (a plain-text table's row) too."""
    for start, line in lines_at(text):
        end = start + len(line)
        if not line.strip():
            continue  # blank lines part no rows (an HTML table's rows come between them)
        if _RULE.match(line) and _RULE_MARK.search(line):
            yield start, end, None
        elif _SEPARATOR.search(line):
            yield start, end, _cells(text, start, end)
        elif len(_WIDE_GAP.findall(line.strip())) >= 2:
            yield start, end, _cells(text, start, end, _WIDE_GAP)
        else:
            yield start, end, False


def _cells(text: str, start: int, end: int, separator: re.Pattern = _SEPARATOR) -> list[_Cell]:
    """The line's cells, each with the separator before it; an empty cell before the first
    separator or after the last is the table's border, not a cell."""
    cuts = [m.start() for m in separator.finditer(text, start, end)]
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
    heading = next((cells for _, _, cells in rows[:1] if not any(_is_value(c.text) for c in cells)), None)
    edits = [Edit(start, end, "", "table", 1.0, "a table's rule line") for start, end, cells in block if cells is None]
    if heading is not None:
        edits.append(Edit(rows[0][0], rows[0][1], "", "table", 1.0, "a table's heading row, read into its cells"))
    columns = [_column(cell.text, english) for cell in heading] if heading is not None else None
    units = next((i for i, cell in enumerate(heading) if _UNIT_COLUMN.fullmatch(cell.text)), None) if heading else None
    for start, end, cells in rows[1 if heading is not None else 0:]:
        edits += _row_edits(start, end, cells, columns, english, units)
    return edits


def _column(heading: str, english: bool) -> tuple[str, str]:
    """A heading cell as (what it names, its unit); one that only says its column holds the
    figures (`数值`, `Value`) names nothing."""
    name, unit = _split_unit(heading, english)
    return ("" if _VALUE_COLUMN.fullmatch(name.strip()) else name), unit


def _is_value(cell: str) -> bool:
    """A cell that holds a figure (`1,120`, `9.6`, `more than 1.2 billion`, `13.8亿`), not a date
    heading a column or a row (`2021`, `2021年末`, `3月底`, `一季度`, `Q1 2018`, `1-9月`)."""
    return len(cell) <= _VALUE_LENGTH and bool(_DIGIT.search(_DATE_WORDS.sub("", cell)))


def _row_edits(start: int, end: int, cells: list[_Cell], columns: list[tuple[str, str]] | None,
               english: bool, units: int | None = None) -> list[Edit]:
    """A row's cells as clauses, `columns` the heading's cells split from their units, `units` the
    column that holds each row's unit (`单位`), if any. A row labelled by a year (`| 2020 | 1.34
    billion | 95% |`) is read the other way round: each column names what its figure counts, the
    label when. A cell of the row that is a date without a figure (`1—6月累计`, `6月末`) says when
    each of its figures is."""
    label, values = cells[0], cells[1:]
    if _is_value(label.text) or not any(_is_value(c.text) for c in values):
        return []
    by_year = _names_a_date(label.text)
    corner, table_unit = columns[0] if columns is not None else ("", "")
    name, unit = _split_unit(label.text, english)
    unit = unit or (cells[units].text if units is not None and units < len(cells) else "")
    row_when = next((c.text for c in values if not _is_value(c.text) and _DATE_WORDS.search(c.text)
                     and len(c.text) <= _WHEN_LENGTH), "")
    name = f"{row_when}{' ' if english and row_when else ''}{name}" if row_when and not by_year else name
    edits = []
    for index, cell in enumerate(values, start=1):
        column, column_unit = columns[index] if columns is not None else ("", "")
        first = not edits
        if not _is_value(cell.text):
            if not first:  # before the first figure, the cell goes with it
                edits.append(Edit(cell.start, cell.end, "", "table", 1.0, "a table's cell without a figure"))
            continue
        begin = start if first else cell.start  # the label goes with the first figure: the row maps back whole
        what, when = (column, _when(corner, label.text, english)) if by_year else (name, column)
        clause = _clause(what, when, cell.text, unit or column_unit or table_unit, english, first=first,
                         column_after=bool(row_when))
        edits.append(Edit(begin, cell.end, clause, "table", 1.0, "a table's cell read with its row and column"))
    edits.append(Edit(values[-1].end, end, "." if english else "。", "table", 1.0, "a table row's end"))
    return edits


def _names_a_date(label: str) -> bool:
    """Whether a row's label is a date and nothing else (`2021`, `2021年末`, `Dec 2021`, `Q1 2018`):
    the row is then read the other way round."""
    return bool(_WHEN.match(label)) or (len(label) <= _WHEN_LENGTH + 4 and bool(_DATE_WORDS.search(label))
                                        and not _LETTER.search(_DATE_LABEL_WORDS.sub("", _DATE_WORDS.sub("", label))))


def _when(corner: str, label: str, english: bool) -> str:
    """A date labelling a row, at its end when the corner cell says so (`Year-end`, `年末`,
    `Period end`, `期末`)."""
    if _YEAR.match(label) and _YEAR_END.search(corner):
        return f"the end of {label}" if english else f"{label}年末"
    if not _YEAR.match(label) and _PERIOD_END.search(corner):
        return f"the end of {label}" if english else f"{label}末"
    return label


def _split_unit(cell: str, english: bool) -> tuple[str, str]:
    """`基本养老保险参保人数（亿人）` → (`基本养老保险参保人数`, `亿人`); `指标（单位：亿人）` → (`指标`, `亿人`);
    `Cardholders, mn` → (`Cardholders`, `mn`)."""
    match = _UNIT.search(cell) or (_UNIT_AFTER_COMMA.search(cell) if english else None)
    if not match:
        return cell, ""
    return cell[:match.start()], _UNIT_LABEL.sub("", match.group(1)).strip()


def _clause(label: str, column: str, figure: str, unit: str, english: bool, first: bool,
            column_after: bool = False) -> str:
    """The cell as a clause: `一季度基本养老保险参保人数10.71亿人`, `; Cardholders in 2021: 1.352 billion`.
    A unit a figure already carries (`13.8亿`, `1.2 billion`, `95%`) is not added again. Where the
    row says when (`1—6月累计城镇新增就业`), a column names a comparison after it (`与上年同期比增加17万人`)."""
    unit = "" if _HAS_UNIT.search(figure) else unit
    currency = _CURRENCY.match(unit)
    if currency:  # `RMB tn`: the currency goes before the figure
        figure, unit = f"{currency.group(0).strip()}{figure}", unit[currency.end():]
    if english:
        when = f" in {column}" if _YEAR.match(column) else f", {column}" if column else ""
        joined = "" if unit in ("%", "per cent", "percent") else " "
        return f"{'' if first else '; '}{label}{when}: {figure}{joined}{unit}".rstrip()
    named = f"{label}{column}" if column_after else f"{column}{label}"
    return f"{'' if first else '，'}{named}{figure}{unit}"


_VALUE_LENGTH = 32
_WHEN_LENGTH = 12  # a cell that dates its row is short: `1—6月累计`, `二季度末`, `End-June`
_DIGIT = re.compile(r"\d")
_ZH, _EN = cues("tables")
_UNIT_COLUMN = re.compile(either(_ZH["unit_column"], _EN["unit_column"]), re.I)
_VALUE_COLUMN = re.compile(either(_ZH["value_column"], _EN["value_column"]), re.I)
_DATE_WORDS = re.compile(either(_ZH["date_words"], _EN["date_words"]), re.I)
_WHEN = re.compile(r"^(?:19|20)\d{2}\s*(?:年(?:末|底|度)?)?$")  # a year labelling a row
_YEAR_END = re.compile(either(_EN["year_end"], _ZH["year_end"]), re.I)
_PERIOD_END = re.compile(either(_EN["period_end"], _ZH["period_end"]), re.I)
# What a label that is a date may hold beside its digits (`Dec 2021`, `2021年末`, `End-June 2023`).
_DATE_LABEL_WORDS = re.compile(either(_EN["date_label_words"], _ZH["date_label_words"]), re.I)
_LETTER = re.compile(r"[^\W\d_]")
_UNIT_LABEL = re.compile(rf"^(?:{either(_ZH['unit_label'], _EN['unit_label'])})\s*[:：]\s*", re.I)
_UNIT_AFTER_COMMA = re.compile(rf",\s*((?:{either(_EN['currencies'])})?\s*(?:{either(_EN['scales_after_comma'])}))\s*$", re.I)
_HAS_UNIT = re.compile(rf"[{''.join(_ZH['units'])}]|\b(?:{either(_EN['units'])})\b", re.I)
_CURRENCY = re.compile(rf"(?:{either(_EN['currencies'])})\s*", re.I)
