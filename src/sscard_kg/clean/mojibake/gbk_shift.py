"""The Windows CP936 code page and the one-byte-out-of-step damage it suffers.

A text encoded as CP936 whose lead byte was replaced by `?` decodes out of step: each shown
character is a trail byte paired with the next lead byte. These tables let the repair turn the
shown characters back into bytes, and let tests produce the damage from clean text.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache

from ...resources import data_file

PUA_TABLE = data_file("cp936_pua.json")
LEADS = range(0x81, 0xFF)
TRAILS = [b for b in range(0x40, 0xFF) if b != 0x7F]


def _is_pua(ch: str) -> bool:
    return len(ch) == 1 and 0xE000 <= ord(ch) <= 0xF8FF


@lru_cache(maxsize=1)
def _extra_pua() -> dict[bytes, str]:
    """Codes that Windows maps to the Private Use Area but Python's cp936 leaves undefined."""
    table = json.loads(PUA_TABLE.read_text(encoding="utf-8"))
    return {bytes.fromhex(k): chr(int(v, 16)) for k, v in table.items()}


def _decode_pair(pair: bytes) -> str | None:
    try:
        return pair.decode("cp936")
    except UnicodeDecodeError:
        pass
    if pair in _extra_pua():
        return _extra_pua()[pair]
    try:
        ch = pair.decode("gb18030")  # same user-defined → PUA layout as the Windows table
    except UnicodeDecodeError:
        return None
    return ch if _is_pua(ch) else None


@lru_cache(maxsize=1)
def decode_table() -> dict[tuple[int, int], str]:
    """Every two-byte CP936 code as Windows decodes it."""
    table = {}
    for lead in LEADS:
        for trail in TRAILS:
            ch = _decode_pair(bytes((lead, trail)))
            if ch is not None:
                table[lead, trail] = ch
    return table


@lru_cache(maxsize=1)
def pua_codes() -> frozenset[tuple[int, int]]:
    """Codes that decode to Private Use Area characters (what a PUA-deleting cleaner drops)."""
    return frozenset(code for code, ch in decode_table().items() if _is_pua(ch))


@lru_cache(maxsize=1)
def pua_trails() -> dict[int, tuple[int, ...]]:
    """Lead byte → the trail bytes of its PUA codes, ascending."""
    found: dict[int, list[int]] = {}
    for a, b in sorted(pua_codes()):
        found.setdefault(a, []).append(b)
    return {a: tuple(trails) for a, trails in found.items()}


@lru_cache(maxsize=1)
def shown_to_pairs() -> dict[str, tuple[tuple[int, int], ...]]:
    """Shown (NFKC) character → the byte pairs (trail, next lead) that can show as it in a run.

    Both bytes of a shifted pair are ≥ 0x81: the first is a trail that did not end the run, the
    second a lead byte.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    for (a, b), ch in decode_table().items():
        if a < 0x81 or b < 0x81:
            continue
        shown = unicodedata.normalize("NFKC", ch)
        if len(shown) == 1:
            found.setdefault(shown, []).append((a, b))
    return {k: tuple(v) for k, v in found.items()}


@lru_cache(maxsize=1)
def chars_by_lead() -> dict[int, list[tuple[int, str]]]:
    """lead byte → [(trail byte, character)] for codes that are not PUA."""
    out: dict[int, list[tuple[int, str]]] = {}
    for (a, b), ch in decode_table().items():
        if not _is_pua(ch):
            out.setdefault(a, []).append((b, ch))
    return out


@lru_cache(maxsize=1)
def chars_by_trail() -> dict[int, list[tuple[int, str]]]:
    """trail byte → [(lead byte, character)] for codes that are not PUA."""
    out: dict[int, list[tuple[int, str]]] = {}
    for (a, b), ch in decode_table().items():
        if not _is_pua(ch):
            out.setdefault(b, []).append((a, ch))
    return out


def run_ends(text: str, p: int, bare_ok, limit: int = 40) -> list[tuple[int, list[tuple[int, int]]]]:
    """Possible ends of a run whose damaged `?` is at `p`: (end index, shifted byte pairs).

    A run ends at `?` (a lead byte that swallowed an ASCII byte), `€` (trail 0x80) or an ASCII
    trail byte; the first three such places are kept. A run with no shifted character in it is
    only kept when `bare_ok(end)` says something else (an annotation) tells its character.
    """
    table = shown_to_pairs()
    found, pairs = [], []
    for q in range(p + 1, min(len(text), p + limit)):
        ch = text[q]
        if (ch in "?€" or 0x40 <= ord(ch) <= 0x7E) and (pairs or bare_ok(q)):
            found.append((q, list(pairs)))
            if len(found) == 3:
                break
        options = table.get(ch)
        if not options:
            break
        pairs.append(min(options, key=lambda ab: (decode_table()[ab] != ch, ab[0] != 0xA3)))
    return found


def decode_windows(data: bytes) -> str:
    """Decode like Windows CP936: `0x80` is `€`, a lead byte before an ASCII byte swallows it."""
    table = decode_table()
    out, i = [], 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b == 0x80:
            out.append("€")
            i += 1
        elif i + 1 < len(data):
            out.append(table.get((b, data[i + 1]), "?"))
            i += 2
        else:
            out.append("?")
            i += 1
    return "".join(out)


def damage(text: str, index: int, delete_pua: bool = False) -> str:
    """The forward model: CP936-encode, turn the lead byte of `text[index]` into `?`, decode, NFKC."""
    head = text[:index].encode("cp936")
    data = bytearray(head + text[index:].encode("cp936"))
    if data[len(head)] < 0x81:
        raise ValueError("the character at index is not a two-byte CP936 character")
    data[len(head)] = 0x3F
    shown = decode_windows(bytes(data))
    if delete_pua:
        shown = "".join(ch for ch in shown if not _is_pua(ch))
    return unicodedata.normalize("NFKC", shown)


def swallowed_index(text: str, index: int) -> int | None:
    """Index in `text` of the ASCII character that `damage(text, index)` swallows, if any."""
    starts, data = [], bytearray()
    for i, ch in enumerate(text):
        starts.extend([i] * len(ch.encode("cp936")))
        data += ch.encode("cp936")
    k = len(text[:index].encode("cp936"))
    data[k] = 0x3F
    k += 1
    while k < len(data):
        b = data[k]
        if b <= 0x80:
            return None
        if k + 1 < len(data) and data[k + 1] < 0x40:
            return starts[k + 1]
        k += 2
    return None
