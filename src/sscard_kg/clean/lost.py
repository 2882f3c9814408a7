"""Characters an encoding lost: a repost that could not show a character put `?` in its place.

`社?卡`, `持卡人?刚过9亿`: inside Chinese words an ASCII question mark is no question (Chinese ends a
question with the full-width `？`, which NFKC later makes `?`). Left as it is, it would end a
sentence in the middle of a word and cut a figure off from its date. It becomes `□`, the sign
printers use for a character they lack, which ends nothing. A page that writes its own punctuation
half-width (`办卡了吗?我办了`) keeps its question marks: the edit is made only on a page that writes
Chinese commas or full stops full-width.
"""

from __future__ import annotations

import re

from .textmap import Edit

_LOST = re.compile(r"(?<=[\u4e00-\u9fff])\?+(?=[\u4e00-\u9fff\d])")
_FULL_WIDTH = re.compile(r"[，。；：]")
LOST_SIGN = "□"


def lost_character_edits(text: str) -> list[Edit]:
    if "?" not in text or not _FULL_WIDTH.search(text):
        return []
    return [Edit(m.start(), m.end(), LOST_SIGN * (m.end() - m.start()), "lost character", 0.9,
                 "a question mark inside a Chinese word stands for a character the page lost")
            for m in _LOST.finditer(text)]
