"""Figures for the shifted-GBK repair: the 37 seed runs, false edits, synthetic damage.

Run from the repository root: `python benchmarks/mojibake_repair.py [N]`. Needs ../shared.
"""

from __future__ import annotations

import csv
import random
import re
import sys
import time
import unicodedata
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

from sscard_kg.clean.mojibake.gbk_shift import damage, swallowed_index
from sscard_kg.clean.mojibake.repair import mojibake_edits
from sscard_kg.clean.textmap import MappedText, apply_edits

SHARED = Path(__file__).resolve().parents[2] / "shared"
S2T = opencc.OpenCC("s2t")
HAN = re.compile(r"[\u4e00-\u9fff]")


def repaired(text: str) -> str:
    return apply_edits(MappedText.identity(text), mojibake_edits(text)).text


def seed_runs() -> tuple[int, int, int]:
    """exact / partial / none over seed-runs.tsv."""
    rows = list(csv.DictReader((SHARED / "damaged-text/seed-runs.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    counts = [0, 0, 0]
    for row in rows:
        text = (SHARED / "seeds" / row["file"]).read_text(encoding="utf-8")
        counts[run_outcome(text, row, mojibake_edits(text))] += 1
    return tuple(counts)


def run_outcome(text: str, row: dict, edits) -> int:
    """0 exact, 1 partial, 2 none: the repair of one seed run against its `repaired_span`."""
    o = int(row["offset"])
    want = row["repaired_span"]
    mine = sorted((e for e in edits if o < e.end and e.start <= o + len(want) + 2),
                  key=lambda e: e.start)
    if not mine or mine[0].start != o + 1:
        return 2
    got, pos = text[o], o + 1
    for e in mine:
        if e.start != pos:
            break
        got, pos = got + e.replacement, e.end
    tail = unicodedata.normalize("NFKC", row["before_damage"].replace("X", ""))[len(want):]
    exact = got == want and text[pos:pos + len(tail)].startswith(tail[:3])
    return 0 if exact else 1


def undamaged_texts() -> dict[str, str]:
    """Seeds 000/001/003 and the dev articles that have no mojibake."""
    paths = [p for p in sorted((SHARED / "seeds").glob("*.txt")) if p.name[:3] in {"000", "001", "003"}]
    paths += [p for p in sorted((SHARED / "corpus/dev").glob("d*.txt")) if "??" not in p.read_text()]
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def annotate(trad: str, simp: str, rng: random.Random) -> str:
    """Put `(reading)` after some Traditional characters that differ from the Simplified ones."""
    out = []
    for t, s in zip(trad, simp):
        out.append(t)
        if t != s and rng.random() < 0.6:
            out.append(f"({pinyin(t, style=Style.TONE)[0][0]})")
    return "".join(out)


def synthetic_case(simplified: str, rng: random.Random, delete_pua: bool) -> tuple[str, str] | None:
    """(damaged, expected repair) for one random damage point, or None if none fits."""
    trad = S2T.convert(simplified)
    if len(trad) != len(simplified):
        return None
    text = annotate(trad, simplified, rng)
    spots = [i for i in range(1, len(text) - 3) if HAN.match(text[i]) and HAN.match(text[i - 1])]
    if not spots:
        return None
    i = rng.choice(spots)
    try:
        damaged = damage(text, i, delete_pua)
    except (UnicodeEncodeError, ValueError):
        return None
    lost = swallowed_index(text, i)
    expected = text
    if lost is not None and text[lost] not in "(&":
        expected = text[:lost] + text[lost + 1:]
    return damaged, unicodedata.normalize("NFKC", expected)


def synthetic_sentences() -> list[str]:
    """Sentences of the Simplified seeds 000 and 001, cut at full stops."""
    found = []
    for p in sorted((SHARED / "seeds").glob("00[01]_*.txt")):
        for s in re.split(r"(?<=[。！？])", p.read_text(encoding="utf-8")):
            s = re.sub(r"<[^>]+>", "", s).strip()
            if 12 <= len(s) <= 80 and len(HAN.findall(s)) > len(s) / 2:
                found.append(s)
    return found


def synthetic_rate(n: int, delete_pua: bool, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    sentences = synthetic_sentences()
    exact = total = 0
    while total < n:
        case = synthetic_case(rng.choice(sentences), rng, delete_pua)
        if case is None:
            continue
        damaged, expected = case
        total += 1
        exact += repaired(damaged) == expected
    return exact, total


def main(n: int = 200) -> None:
    t = time.perf_counter()
    exact, partial, none = seed_runs()
    print(f"seed runs: {exact} exact, {partial} partial, {none} none (of 37)")
    texts = undamaged_texts()
    false = sum(len(mojibake_edits(t)) for t in texts.values())
    print(f"false edits on {len(texts)} undamaged texts: {false}")
    for delete in (False, True):
        e, total = synthetic_rate(n, delete)
        label = "PUA deleted" if delete else "PUA kept"
        print(f"synthetic ({label}): {e}/{total} exact = {e / total:.1%}")
    print(f"total time {time.perf_counter() - t:.1f}s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
