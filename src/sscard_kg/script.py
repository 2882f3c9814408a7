"""Script normalisation: NFKC and Traditional→Simplified, character by character so offsets stay exact."""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

from .textmap import Edit

HAN_MIN, HAN_MAX = 0x3400, 0x9FFF
_HAN = re.compile(f"[{chr(HAN_MIN)}-{chr(HAN_MAX)}]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def is_han(char: str) -> bool:
    return HAN_MIN <= ord(char) <= HAN_MAX


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


def detect_language(text: str) -> str:
    """zh-Hant, zh-Hans or en, from the share of Han characters and how many change under t2s."""
    han = _HAN.findall(text)
    latin = len(_LATIN_LETTER.findall(text))
    if not han or len(han) < latin // 8 or (len(han) < 20 and latin > len(han)):  # a short text: the more letters
        return "en"
    sample = "".join(han[:5000])
    traditional = sum(a != b for a, b in zip(sample, to_simplified(sample)))
    simplified = sum(a != b for a, b in zip(sample, to_traditional(sample)))
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def nfkc_edits(text: str) -> list[Edit]:
    """Full-width digits and punctuation to ASCII, so one pattern serves every site."""
    return [Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()), "nfkc")
            for m in nfkc_changes().finditer(text)]


@lru_cache(maxsize=1)
def nfkc_changes() -> re.Pattern:
    """A class of every character that NFKC changes: one regex scan finds them all, where a
    normalisation call per character would cost far more."""
    changed = [c for c in map(chr, range(0x80, sys.maxunicode + 1))
               if not 0xD800 <= ord(c) <= 0xDFFF and unicodedata.normalize("NFKC", c) != c]
    return re.compile("[" + "".join(re.escape(c) for c in changed) + "]")


def simplified_edits(text: str) -> list[Edit]:
    """Traditional to Simplified with OpenCC; phrase-level where lengths agree, else per character."""
    converted = to_simplified(text)
    if converted == text:
        return []
    if len(converted) != len(text):
        converted = "".join(to_simplified(c) if len(to_simplified(c)) == 1 else c for c in text)
    return [Edit(i, i + 1, b, "t2s") for i, (a, b) in enumerate(zip(text, converted)) if a != b]
