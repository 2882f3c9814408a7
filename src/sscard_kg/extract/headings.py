"""What a heading or a lead-in says of the paragraphs under it: the date of a table's rows (`Key
figures (end-2021 unless stated)`, `上月9日，…介绍：`), the year a review looks back on (`2020年人社工作
取得积极进展` in January 2021), and the figures a heading of bare figures restates (`【3亿】`).
Part of reading measurements, paragraph by paragraph.
"""

from __future__ import annotations

import re

from .dates import DateMention
from .numbers import Quantity
from ..model import value_key


# What a heading of bare figures holds besides them: brackets, arrows, slashes, unit characters.
_HEADING_FURNITURE = re.compile(r"[\s【】\[\]()（）〔〕<>《》→~～/|｜、,，:：+]|[\u4e00-\u9fff]")


def restated_below(text: str, para: tuple[int, int], following: tuple[int, int] | None,
                    quantities: list[Quantity]) -> set[Quantity]:
    """`【3亿】` over `11月20日，全国电子社保卡签发量迈过3亿张。`: a heading of bare figures (no words
    beyond a unit character or two) gives the figures the paragraph under it states; they are
    counted there, with their words."""
    inside = [q for q in quantities if para[0] <= q.start < para[1]]
    if not inside or following is None:
        return set()
    rest = text[para[0]:para[1]]
    for q in reversed(inside):
        rest = rest[:q.start - para[0]] + rest[q.end - para[0]:]
    if len(_HEADING_FURNITURE.sub("", rest)) or len(re.findall(r"[\u4e00-\u9fff]", rest)) > 3:
        return set()
    below = {value_key(q.value) for q in quantities if following[0] <= q.start < following[1]}
    return {q for q in inside if value_key(q.value) in below}


# A table's row: a short line with a figure (`Cardholders ........ 1.352bn`).
_ROW_LENGTH = 80


def table_row(text: str, para: tuple[int, int], quantities: list[Quantity]) -> bool:
    return len(text[para[0]:para[1]].strip()) <= _ROW_LENGTH and any(para[0] <= q.start < para[1] for q in quantities)


def table_heading(text: str, para: tuple[int, int], quantities: list[Quantity], dates: list[DateMention]) -> str | None:
    """`Key figures (end-2021 unless stated)`, `2023年末主要指标`, `上月9日，…副局长介绍：`: a heading (or a
    lead-in) with no figure that names one date, over the rows of figures that follow it line by line:
    their date, where a row names none."""
    if para[1] - para[0] > _HEADING_LENGTH or any(para[0] <= q.start < para[1] for q in quantities):
        return None
    named = [d for d in dates if para[0] <= d.start < para[1]]
    following = _next_line(text, para) if _LEAD_IN.search(text, para[0], para[1]) else (para[1] + 1, _line_end(text, para[1] + 1))
    return named[0].value if len(named) == 1 and named[0].kind in ("point", "period") and not named[0].target \
        and not named[0].base and table_row(text, following, quantities) else None


# A lead-in ends with a colon: the list it introduces may come after a blank line.
_LEAD_IN = re.compile(r"[:：]\s*$")


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def _next_line(text: str, para: tuple[int, int]) -> tuple[int, int]:
    """The next line that is not blank."""
    start = para[1] + 1
    while start < len(text) and text[start] == "\n":
        start += 1
    return start, _line_end(text, start)


# A heading is a short paragraph with no figure.
_HEADING_LENGTH = 100


def reviewed_year(text: str, para: tuple[int, int], quantities: list[Quantity], dates: list[DateMention],
                   published: str | None) -> str | None:
    """`2020年人社工作取得积极进展`, `Work made progress in 2020.`: a heading that names the year just
    ended, in an article from the first months of the next, opens a year in review, whose undated
    figures are that year's."""
    if published is None or len(published) < 7 or para[1] - para[0] > _HEADING_LENGTH \
            or any(para[0] <= q.start < para[1] for q in quantities):
        return None
    year, month = int(published[:4]), int(published[5:7])
    reviewed = year - 1 if month <= 4 else year if month == 12 else None
    named = {d.value for d in dates if para[0] <= d.start < para[1] and d.explicit_year and len(d.value) == 4}
    return str(reviewed) if str(reviewed) in named else None
