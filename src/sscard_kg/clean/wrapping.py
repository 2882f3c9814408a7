"""Hard-wrapped text rejoined: a plain-text copy that breaks its lines at a fixed width.

Wire copy, mailing lists and text dumps break every line near the same width, in the middle of a
sentence (`…by the time the city government's` / `information office held a briefing on
December 9`). Lines are what sentences, paragraphs and boilerplate are judged by, so each such
break would cut a figure off from its date or its noun. A page shows its width by many long lines
of about the same length that end inside a sentence; a break there is a space (or nothing, beside a
Chinese character), unless the next line opens a list item or the line ends a sentence.
"""

from __future__ import annotations

import re
from collections import Counter

from .textmap import Edit, lines_at

_ENDS_SENTENCE = re.compile(r"[。！？!?；;：:」』”\"')）\]】]\s*$|\.\s*$")
_OPENS_ITEM = re.compile(r"^\s*(?:[-*•·▪◆■●○◇▷►>#|│]|\d{1,2}[.、)）]\s|[（(]?[一二三四五六七八九十]+[、)）]|第[一二三四五六七八九十]+)")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_OR_MARK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_NOT_PROSE = re.compile(r"[│┃|├┼┤─━═╔╗╚╝┌┐└┘\t]|\.{4,}|-{4,}|\s{3,}|\u3000{2,}|[<>]")
_WORD = re.compile(r"\b[A-Za-z][a-z'’-]*\b")
_PROSE_WORDS = 6
# How many long lines of one width, ending inside a sentence, show a page wrapped at that width.
_WRAPPED_LINES = 3
_WIDTH_SLACK = 0.2


def unwrap_edits(text: str) -> list[Edit]:
    lines = lines_at(text)
    width = _wrap_width([line for _, line in lines])
    if width is None:
        return []
    edits = []
    for (start, line), (_, following) in zip(lines, lines[1:]):
        if _wrapped(line, following, width):
            joined = "" if _CJK_OR_MARK.match(line.rstrip()[-1:]) or _CJK_OR_MARK.match(following.lstrip()[:1]) else " "
            end = start + len(line)  # the line break
            edits.append(Edit(end, end + 1, joined, "unwrap", 0.9, "a line broken at the page's fixed width"))
    return edits


def _prose(line: str) -> bool:
    """A line of running text: words, not a table's row, a rule, a menu or a strip of quotes."""
    if _NOT_PROSE.search(line):
        return False
    cjk = len(_CJK.findall(line))
    return cjk >= len(line.strip()) / 2 or len(_WORD.findall(line)) >= _PROSE_WORDS


def _wrap_width(lines: list[str]) -> int | None:
    """The width the page breaks its lines at: the most common length (to a few characters) of the
    long lines of prose that end inside a sentence, when enough of them share it; else None."""
    lengths = Counter(len(line.rstrip()) // 4 for line in lines
                      if len(line.rstrip()) >= 40 and not _ENDS_SENTENCE.search(line) and _prose(line))
    if not lengths:
        return None
    bucket, count = max(lengths.items(), key=lambda item: (item[1], item[0]))
    near = count + lengths.get(bucket - 1, 0) + lengths.get(bucket + 1, 0)
    return bucket * 4 + 3 if near >= _WRAPPED_LINES else None


def _wrapped(line: str, following: str, width: int) -> bool:
    stripped = line.rstrip()
    return (len(stripped) >= width * (1 - _WIDTH_SLACK) and len(stripped) <= width * (1 + _WIDTH_SLACK)
            and not _ENDS_SENTENCE.search(stripped) and bool(following.strip()) and not _OPENS_ITEM.match(following)
            and _prose(line) and (_prose(following) or len(following.strip()) < width / 2 and not _NOT_PROSE.search(following)))
