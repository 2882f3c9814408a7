"""Script normalisation: line breaks made one, invisible characters out, NFKC and
Traditional→Simplified, character by character so offsets stay exact."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain, compress, count
from operator import ne

from .textmap import Edit

# Han characters: the unified ideographs, extension A and the compatibility ideographs.
HAN = "\u3400-\u9fff\uf900-\ufaff"
_HAN_RUN = re.compile(f"[{HAN}]+")
_LATIN_RUN = re.compile("[A-Za-z]+")


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return _converter("s2t").convert(text)


# A Han character says about as much as this many Latin letters of English.
HAN_LETTERS = 3


def detect_language(text: str) -> str:
    """zh-Hant, zh-Hans or en, from the share of Han characters and how many change under t2s.

    A whole page, markup and all: its letters count for an eighth of a Han character, as tags,
    links and pinyin glosses put letters on Chinese pages."""
    han = "".join(_HAN_RUN.findall(text))  # runs, not characters: far fewer strings to make
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if not han or len(han) < latin // 8 or (len(han) < 20 and latin > len(han)):  # a short text: the more letters
        return "en"
    return chinese_script(han)


def reading_language(text: str) -> str | None:
    """The language to read cleaned text in, a line or a passage: `en` when Latin letters say most
    of it, `zh` when Han characters do, None when it has neither (a date, a figure alone)."""
    han = sum(map(len, _HAN_RUN.findall(text)))
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if not han and not latin:
        return None
    return "en" if latin > HAN_LETTERS * han else "zh"


def chinese_script(text: str) -> str:
    """zh-Hant or zh-Hans, from how many of the Han characters change under t2s and s2t."""
    han = "".join(_HAN_RUN.findall(text))
    sample = han[:5000]
    traditional = sum(map(ne, sample, to_simplified(sample)))
    if not traditional:  # nothing to simplify: Simplified, whatever s2t would change (it is the slower)
        return "zh-Hans"
    simplified = sum(map(ne, sample, to_traditional(sample)))
    return "zh-Hant" if traditional > simplified else "zh-Hans"


# What ends a line besides "\n" (str.splitlines' list): a carriage return (with its "\n" or alone),
# vertical tab, form feed, the information separators, next line, and the Unicode line and
# paragraph separators.
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def line_break_edits(text: str) -> list[Edit]:
    """Every other line break to "\n": lines are what boilerplate rules, titles and sentences are
    judged by, and a page whose paragraphs end in U+2029 would otherwise be one line."""
    return [Edit(match.start(), match.end(), "\n", "line-break") for match in _LINE_BREAK.finditer(text)]


def invisible_edits(text: str) -> list[Edit]:
    """Invisible characters removed: a zero-width space inside `13.79亿` or a soft hyphen inside
    `1.38 billion` would otherwise cut the number (or a word) in two. Each run goes in one edit,
    so the characters around it keep their own offsets and a quote still spans it."""
    return [Edit(match.start(), match.end(), "", "invisible") for match in invisible_characters().finditer(text)]


@lru_cache(maxsize=1)
def invisible_characters() -> re.Pattern:
    """Runs of format characters (category Cf: zero-width spaces and joiners, word joiner, soft
    hyphen, byte-order mark, bidirectional marks and isolates, the Mongolian vowel separator,
    tags) and variation selectors: none is seen, none changes what a line says. They live in the
    basic and supplementary multilingual planes and the special-purpose one; the others hold
    ideographs and private use only, and scanning them would cost five times as long."""
    planes = chain(range(0x20000), range(0xE0000, 0xF0000))
    hidden = [code for code in planes
              if (category := unicodedata.category(chr(code))) == "Cf"
              or category == "Mn" and "VARIATION SELECTOR" in unicodedata.name(chr(code))]
    return re.compile(f"[{_ranges(hidden)}]+")


def _ranges(codes: list[int]) -> str:
    """A regex character class body for sorted code points, as ranges of consecutive ones."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)


def nfkc_edits(text: str) -> list[Edit]:
    """Full-width digits and punctuation to ASCII, so one pattern serves every site."""
    edits = []
    for match in nfkc_candidates().finditer(text):
        norm = unicodedata.normalize("NFKC", match.group())
        if norm != match.group():
            edits.append(Edit(match.start(), match.end(), norm, "nfkc"))
    return edits


@lru_cache(maxsize=1)
def nfkc_candidates() -> re.Pattern:
    """The characters of the Basic Multilingual Plane that NFKC changes, as ranges, and every
    character beyond it (rare, and a class of those NFKC changes there is slow to test): one regex
    scan finds them, where a normalisation call per character would cost far more."""
    changed = [code for code in range(0x80, 0x10000)
               if not 0xD800 <= code <= 0xDFFF and unicodedata.normalize("NFKC", chr(code)) != chr(code)]
    return re.compile(f"[{_ranges(changed)}\U00010000-\U0010ffff]")


def simplified_edits(text: str) -> list[Edit]:
    """Traditional to Simplified with OpenCC; phrase-level where lengths agree, else per character."""
    converted = to_simplified(text)
    if converted == text:
        return []
    if len(converted) != len(text):
        converted = "".join(to_simplified(c) if len(to_simplified(c)) == 1 else c for c in text)
    return [Edit(i, i + 1, converted[i], "t2s") for i in compress(count(), map(ne, text, converted))]
