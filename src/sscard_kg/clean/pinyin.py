"""Strip pinyin annotations such as `國(guó)` that some reposts put after Traditional characters.

Only a single syllable in parentheses right after a Han character is removed; a plain syllable
must be a reading of that character, so `(2023)`, `(完)`, `(IC)` or English asides stay.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

from sscard_kg.clean.script import HAN
from sscard_kg.clean.textmap import Edit

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
ANNOTATION = re.compile(
    rf"(?<=[{HAN}])[(（]([a-zü{TONED}]{{1,6}})[)）]"
)


@lru_cache(maxsize=None)
def readings(char: str, toned: bool = True) -> frozenset[str]:
    """All readings pypinyin knows for one character, NFC-normalised."""
    Style, pinyin = _pypinyin()
    style = Style.TONE if toned else Style.NORMAL
    found = pinyin(char, style=style, heteronym=True, errors=lambda _: [""])
    return frozenset(unicodedata.normalize("NFC", r) for r in found[0] if r)


def is_annotation(char: str, syllable: str) -> bool:
    """A tone-marked syllable counts as annotation; a plain one only if `char` reads so."""
    syllable = unicodedata.normalize("NFC", syllable)
    if any(c in TONED for c in syllable):
        return True
    return syllable in readings(char, toned=False)


def pinyin_edits(text: str) -> list[Edit]:
    """Delete every `(syllable)` annotation that follows a Han character."""
    edits = []
    for m in ANNOTATION.finditer(text):
        char = text[m.start() - 1]
        if is_annotation(char, m.group(1)):
            edits.append(Edit(m.start(), m.end(), "", "pinyin", 1.0,
                              f"pinyin annotation of {char}"))
    return edits


@lru_cache(maxsize=1)
def _pypinyin():
    """pypinyin without its phrase dictionary, which one character's readings never use and
    which takes ~0.15 s to load; `PYPINYIN_NO_PHRASES` is pypinyin's own switch for that, set
    only while it is imported."""
    unset = "PYPINYIN_NO_PHRASES" not in os.environ
    if unset:
        os.environ["PYPINYIN_NO_PHRASES"] = "1"
    try:
        from pypinyin import Style, pinyin
    finally:
        if unset:
            del os.environ["PYPINYIN_NO_PHRASES"]
    return Style, pinyin
