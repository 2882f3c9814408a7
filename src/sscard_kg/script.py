"""Script normalisation: NFKC and Traditional→Simplified, character by character so offsets stay exact."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .textmap import Edit

HAN_MIN, HAN_MAX = 0x3400, 0x9FFF


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
    han = [c for c in text if is_han(c)]
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if not han or len(han) < latin // 8 or (len(han) < 20 and latin > len(han)):  # a short text: the more letters
        return "en"
    sample = "".join(han[:5000])
    traditional = sum(a != b for a, b in zip(sample, to_simplified(sample)))
    simplified = sum(a != b for a, b in zip(sample, to_traditional(sample)))
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def nfkc_edits(text: str) -> list[Edit]:
    """Full-width digits and punctuation to ASCII, so one pattern serves every site."""
    edits = []
    for i, char in enumerate(text):
        if char.isascii():
            continue
        norm = unicodedata.normalize("NFKC", char)
        if norm != char:
            edits.append(Edit(i, i + 1, norm, "nfkc"))
    return edits


def simplified_edits(text: str) -> list[Edit]:
    """Traditional to Simplified with OpenCC; phrase-level where lengths agree, else per character."""
    converted = to_simplified(text)
    if len(converted) != len(text):
        converted = "".join(to_simplified(c) if len(to_simplified(c)) == 1 else c for c in text)
    return [Edit(i, i + 1, b, "t2s") for i, (a, b) in enumerate(zip(text, converted)) if a != b]
