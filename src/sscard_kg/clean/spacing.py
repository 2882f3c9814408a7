"""Chinese spaced out character by character: `社 保 卡 持 卡 人 数 达 ５ ２ ％`.

Some reposts (and some layouts copied out of PDFs) set a space after every character of a line.
Read as it is, no word or figure holds together: `５ ２ ％` is a 5, a 2 and a sign. A line most of
whose pieces between single spaces are one character long, and which holds Chinese, is such a
line: the spaces between two characters that are not Latin letters go (a Latin word keeps the
spaces around it).
"""

from __future__ import annotations

import re

from .script import HAN
from .textmap import Edit, lines_at

_SPACE = re.compile(r"(?<=\S)(?<![A-Za-z]) (?=\S)|(?<=\S) (?=\S)(?![A-Za-z])")  # not between two Latin letters
_SPACED_HAN = re.compile(f"[{HAN}] [{HAN}] [{HAN}]")
_HAN = re.compile(f"[{HAN}]")
_MIN_PIECES = 8  # a short line (a name, `第 一 章`) may be spaced out on purpose
_SINGLE_SHARE = 0.8


def spaced_out_edits(text: str) -> list[Edit]:
    if not _SPACED_HAN.search(text):
        return []
    edits = []
    for start, line in lines_at(text):
        if _spaced_out(line):
            edits += [Edit(start + m.start(), start + m.end(), "", "spacing", 1.0,
                           "a space set between the characters of a line") for m in _SPACE.finditer(line)]
    return edits


def _spaced_out(line: str) -> bool:
    pieces = line.strip().split(" ")
    if len(pieces) < _MIN_PIECES or not _HAN.search(line):
        return False
    return sum(len(piece) == 1 for piece in pieces) >= _SINGLE_SHARE * len(pieces)
