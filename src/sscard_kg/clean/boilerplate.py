"""Keep the article's own text; mark what the site added, and the dated related-reading items.

General rules on lines of cleaned text (cues in boilerplate.toml): copyright and disclaimer
lines, bylines and credits, app/QR blurbs, runs of headline-like lines (link lists), and the
tail after a "related reading" heading, whose items keep their own dates.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Segment:
    """A span of cleaned text: `main`, `title`, `related` (with its own date) or `boilerplate`."""

    start: int
    end: int
    kind: str
    date: str | None = None
    reason: str = ""


@lru_cache(maxsize=1)
def cues() -> dict:
    with open(Path(__file__).with_name("boilerplate.toml"), "rb") as handle:
        raw = tomllib.load(handle)
    compiled = {k: [re.compile(p, re.I) for p in v] for k, v in raw.items() if isinstance(v, list)}
    for key in ("bullet", "sentence_end", "item_date"):
        compiled[key] = re.compile(raw[key], re.I)
    compiled["link_run"], compiled["short_line"] = raw["link_run"], raw["short_line"]
    return compiled


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _line_reason(line: str, c: dict) -> str:
    for kind in ("copyright", "credit", "furniture"):
        if any(p.search(line) for p in c[kind]) and (kind == "copyright" or len(line) <= 2 * c["short_line"]):
            return kind
    return ""


def _headline_like(line: str, c: dict) -> bool:
    stripped = line.strip()
    return len(stripped) <= c["short_line"] * (2 if stripped.isascii() else 1) and not c["sentence_end"].search(stripped)


def segment(text: str, title_first: bool) -> list[Segment]:
    """Classify every non-empty line; adjacent lines of one kind are merged."""
    c = cues()
    lines = [(a, b) for a, b in _lines(text) if text[a:b].strip()]
    kinds: list[tuple[str, str]] = []
    tail = False
    for index, (a, b) in enumerate(lines):
        line = text[a:b]
        if any(p.search(line) for p in c["related"]):
            tail = True
            kinds.append(("boilerplate", "related-reading heading"))
            continue
        reason = _line_reason(line, c)
        if tail:
            kinds.append(("tail", reason))
        elif reason:
            kinds.append(("boilerplate", reason))
        elif c["bullet"].match(line) and _headline_like(line.lstrip(" -•·*▪►"), c):
            kinds.append(("boilerplate", "link-list item"))
        elif index == 0 and title_first and _headline_like(line, c):
            kinds.append(("title", ""))
        else:
            kinds.append(("main", ""))
    _mark_link_runs(text, lines, kinds, c)
    return _merge(text, lines, kinds, c)


def _mark_link_runs(text: str, lines, kinds, c) -> None:
    """Runs of short lines with no sentence punctuation are navigation or headline lists."""
    run: list[int] = []
    for index, ((a, b), (kind, _)) in enumerate(zip(lines, kinds + [("end", "")])):
        if kind == "main" and _headline_like(text[a:b], c) and not re.search(r"\d", text[a:b]):
            run.append(index)
            continue
        if len(run) >= c["link_run"]:
            for i in run:
                kinds[i] = ("boilerplate", "headline run")
        run = []
    if len(run) >= c["link_run"]:
        for i in run:
            kinds[i] = ("boilerplate", "headline run")


def _merge(text: str, lines, kinds, c) -> list[Segment]:
    segments: list[Segment] = []
    item: list[tuple[int, int]] = []
    for (a, b), (kind, reason) in zip(lines, kinds):
        if kind == "tail":
            date = c["item_date"].match(text[a:b])
            if date:
                if item:
                    segments.append(Segment(item[0][0], item[-1][1], "related", _iso(date.group(1))))
                segments.append(Segment(a, b, "boilerplate", reason="item date"))
                item = []
            elif reason:
                segments.append(Segment(a, b, "boilerplate", reason=reason))
            else:
                item.append((a, b))
            continue
        if segments and segments[-1].kind == kind == "main":
            segments[-1] = Segment(segments[-1].start, b, "main")
        else:
            segments.append(Segment(a, b, kind, reason=reason))
    if item:
        segments.append(Segment(item[0][0], item[-1][1], "boilerplate", reason="undated related item"))
    return sorted(segments, key=lambda s: s.start)


def _iso(text: str) -> str:
    y, m, d = (int(x) for x in re.findall(r"\d+", text)[:3])
    return f"{y:04d}-{m:02d}-{d:02d}"
