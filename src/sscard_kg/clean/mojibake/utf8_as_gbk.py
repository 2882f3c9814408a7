"""Repair UTF-8 read as GBK: `绀炬渻淇濋殰鍗℃寔鍗′汉鏁?` back to `社會保障卡持卡人數`.

The commonest mojibake of Chinese pages: UTF-8 bytes shown through the GBK code page. A Han
character's UTF-8 bytes are a lead byte E4–E9 and two continuation bytes 80–BF, so every shown
character of such a run re-encodes in GBK to two bytes from those ranges; the characters of
ordinary text mostly do not (`全` is C8 AB). Runs of such characters are re-encoded and read as
UTF-8 again; a run is repaired when that gives Han text at least as plausible as what stands
(`plausibility`), a lost last byte (`?`) costing the character it ended.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sscard_kg.clean.mojibake.plausibility import is_han, plausibility
from sscard_kg.clean.textmap import Edit

_UTF8_BYTE = frozenset(range(0x80, 0xC0)) | frozenset(range(0xE4, 0xEA))
_MIN_HAN = 2


def utf8_as_gbk_edits(text: str) -> list[Edit]:
    edits = []
    for match in _shown_runs().finditer(text):
        repaired = _reread(match.group(0))
        if repaired is not None:
            edits.append(Edit(match.start(), match.end(), repaired, "mojibake", 0.8,
                              "UTF-8 shown through the GBK code page, read as UTF-8 again"))
    return edits


def _shown_as_gbk(ch: str) -> bool:
    """Whether the character's GBK bytes could be two bytes of UTF-8 Han text."""
    try:
        encoded = ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return len(encoded) == 2 and all(b in _UTF8_BYTE for b in encoded)


@lru_cache(maxsize=1)
def _shown_runs() -> re.Pattern:
    """Stretches of two or more characters that could be UTF-8 shown as GBK (a `?` may close one)."""
    shown = [chr(code) for code in range(0x2000, 0x10000) if _shown_as_gbk(chr(code))]
    return re.compile(f"[{re.escape(''.join(shown))}]{{2,}}\\??")


def _reread(shown: str) -> str | None:
    """The run re-encoded and read as UTF-8, if that is Han text more plausible than the run."""
    data = shown.rstrip("?").encode("gbk")
    for skip in range(3):  # the run may begin inside a character whose first bytes were lost
        text = data[skip:].decode("utf-8", errors="ignore")
        han = [ch for ch in text if is_han(ch)]
        if len(han) >= _MIN_HAN and len(han) == len(text) and data[skip:].decode("utf-8", errors="replace").count("\ufffd") <= 1:
            return text if plausibility(text) > plausibility(shown) else None
    return None
