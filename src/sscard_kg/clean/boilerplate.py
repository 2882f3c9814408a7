"""Keep the article's own text; mark what the site added, and the dated related-reading items.

Every non-empty line of the cleaned text gets a kind, so offsets are never lost. For HTML a
main-text extractor (trafilatura) decides which lines are the article, its verdict is carried
back onto our lines by matching text. General rules (cues in boilerplate.toml) then mark what
either kind of page adds: copyright and disclaimer lines, bylines and credits, app and QR-code
blurbs that state no figure, menus, page counters, links to the previous and next story, runs of
headline-like lines (link lists), the tail after a "related reading" heading, whose items keep
their own dates, and everything below a comments heading. A box of headlines (rankings, trending,
pictures) may stand between two paragraphs: it ends at the first paragraph below its heading.
Each segment says which language its own words are in: a page's header may be in another
language than its body.
"""

from __future__ import annotations

import html
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..extract.numbers import find_quantities
from ..prefilter import compile_fast
from ..resources import data_file
from .script import HAN, invisible_characters, reading_language
from .markup import headline_end
from .textmap import MappedText, lines_at

EXTRACTOR_REASON = "not main text (HTML extractor)"
SHORT_MATCH = 12


@dataclass(frozen=True)
class Segment:
    """A span of cleaned text: `main`, `title`, `related` (with its own date) or `boilerplate`;
    `language` is `en` or `zh` as its words are, None when it has no words (a date line)."""

    start: int
    end: int
    kind: str
    date: str | None = None
    reason: str = ""
    language: str | None = None


@lru_cache(maxsize=1)
def cues() -> dict:
    """The cues of boilerplate.toml, compiled once."""
    with data_file("boilerplate.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    compiled = {k: _any_of(v) for k, v in raw.items() if isinstance(v, list) and k != "language_names"}
    for key in ("bullet", "sentence_end", "item_date", "item_end_date", "truncated", "title_separator", "data_line"):
        compiled[key] = re.compile(raw[key], re.I)
    for key in ("link_run", "short_line", "language_names", "language_menu", "title_within", "headline_han",
                "heading_marks"):
        compiled[key] = raw[key]
    compiled["any_language_name"] = re.compile("|".join(map(re.escape, raw["language_names"])) or "(?!)")
    return compiled


def _any_of(patterns: list[str]) -> re.Pattern:
    """One pattern that finds a match where any of `patterns` does: a line is searched once, not
    once per cue."""
    return compile_fast("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.I)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    return [(start, start + len(line)) for start, line in lines_at(text) if line.strip()]


def line_reason(line: str, c: dict) -> str:
    """Why a line on its own is site furniture, or "" when it is not. A line of furniture is short:
    twice a headline's length (in English, whose words take more characters, four times)."""
    short = len(line) <= 2 * c["short_line"] * (2 if line.isascii() else 1)
    for kind in ("copyright", "inline_box", "credit", "furniture"):
        if (kind in ("copyright", "inline_box") or short) and c[kind].search(line):
            return "box of headlines" if kind == "inline_box" else kind
    if short and c["app"].search(line) and not states_figure(line):
        return "app or QR-code blurb"
    if c["any_language_name"].search(line) and sum(name in line for name in c["language_names"]) >= c["language_menu"]:
        return "language menu"
    return ""


def states_figure(line: str) -> bool:
    """True when the line gives a quantity (a number with its unit or scale), read in its own script."""
    return bool(find_quantities(line, reading_language(line) == "en")[0])


def headline_like(line: str, c: dict) -> bool:
    """Short and not a sentence: a title, a heading or a link."""
    stripped = line.strip()
    limit = c["short_line"] * (2 if stripped.isascii() else 1)
    return 0 < len(stripped) <= limit and not c["sentence_end"].search(stripped)


def list_like(line: str, c: dict) -> bool:
    """A line that could be one entry of a link list.

    A bullet item or a headline cut short may carry figures (other stories' headlines do);
    a bare headline with a figure is more likely the article's own subheading, so it is not.
    """
    bullet = c["bullet"].match(line)
    if bullet:
        return headline_like(line[bullet.end():], c)
    if c["truncated"].search(line):
        return headline_like(c["truncated"].sub("", line), c)
    return headline_like(line, c) and not re.search(r"\d", line)


def segment(text: str, title_first: bool, outside: frozenset[int] = frozenset(), headline: str | None = None) -> list[Segment]:
    """Classify every non-empty line; adjacent lines of one kind are merged.

    `outside` holds the start offsets of lines a main-text extractor left out; `headline` is the
    page's own title (an HTML page's <title>), whose first line among those left out near the top
    is the headline, not furniture.
    """
    c = cues()
    lines = line_spans(text)
    kinds = _classify(text, lines, title_first, outside, c, _headline_key(headline) if headline else "")
    _mark_link_lists(text, lines, kinds, c)
    return _merge(text, lines, kinds, c)


def segment_lines(text: str, segments: list[Segment]) -> list[tuple[Segment, int, int]]:
    """Each non-empty line with the segment it belongs to: how a reader checks the decisions."""
    found, ordered, i = [], sorted(segments, key=lambda s: s.start), 0
    for a, b in line_spans(text):
        while i < len(ordered) and ordered[i].end < a:
            i += 1
        if i < len(ordered) and ordered[i].start <= a:
            found.append((ordered[i], a, b))
    return found


def _classify(text: str, lines, title_first: bool, outside: frozenset[int], c: dict,
              headline: str = "") -> list[tuple[str, str]]:
    kinds: list[tuple[str, str]] = []
    tail = box = comments = body = False  # body: a paragraph of the article has been read
    set_aside = False  # the extractor left out the heading that opened the tail, box or comments
    heading = title_first  # still looking for the headline
    reasons = [line_reason(text[a:b], c) for a, b in lines]
    language = _page_language(text, lines, reasons, c) if title_first else None
    for index, ((a, b), reason) in enumerate(zip(lines, reasons)):
        line = text[a:b]
        if set_aside and a not in outside and not reason and not headline_like(line, c):
            tail = box = comments = set_aside = False  # a block set into the story: the story goes on
        opened = _opened(line, body, c)
        if comments or opened == "comment section":
            set_aside = set_aside if comments else a in outside
            comments = True
            kinds.append(("boilerplate", "comment section"))
            continue
        if opened:
            tail = tail or opened == "related-reading heading"
            box = not tail
            set_aside = a in outside
            kinds.append(("boilerplate", opened))
            continue
        box = box and not tail and (bool(reason) or _box_item(line, reasons, index, c))
        if tail:
            kinds.append(("tail", reason))
        elif reason:
            kinds.append(("boilerplate", reason))
        elif box:
            kinds.append(("boilerplate", "box item"))
        elif heading and index < c["title_within"] and (index == 0 or a not in outside):
            kinds.append(_leading_kind(line, language, c))
            heading = kinds[-1][0] == "boilerplate" or kinds[-1][0] == "main" and not _paragraph(line, language, c)
        elif a in outside and headline and index < c["title_within"] and _headline_key(line) == headline:
            kinds.append(("title", ""))
            headline = ""
        elif a in outside:
            kinds.append(("boilerplate", EXTRACTOR_REASON))
        else:
            kinds.append(("main", ""))
        body = body or kinds[-1] == ("main", "") and not headline_like(line, c)
    return kinds


def _opened(line: str, body: bool, c: dict) -> str:
    """The part of the page a heading opens: the related-reading tail or the comments (both run
    to the end of the page), or a box of headlines. Above the article's first paragraph a
    related-reading heading opens only a box (a sidebar copied above the story), and a comments
    heading nothing: the article is still to come."""
    line = line.strip(c["heading_marks"])
    if c["comments"].search(line):
        return "comment section" if body else ""
    if c["related"].search(line):
        return "related-reading heading" if body else "box heading"
    return "box heading" if c["box"].search(line) else ""


def _box_item(line: str, reasons: list[str], index: int, c: dict) -> bool:
    """A headline of a box, figures and all; a headline right above its byline is the article's."""
    bullet = c["bullet"].match(line)
    item = c["truncated"].sub("", line[bullet.end():] if bullet else line)
    return headline_like(item, c) and not (index + 1 < len(reasons) and reasons[index + 1] == "credit")


def _page_language(text: str, lines, reasons: list[str], c: dict) -> str | None:
    """The language of the lines that are not the site's: a spam title does not set it."""
    own = [text[a:b] for (a, b), reason in zip(lines, reasons) if not reason and not c["banner"].search(text[a:b])]
    return reading_language("\n".join(own))


def _leading_kind(line: str, language: str | None, c: dict) -> tuple[str, str]:
    """A line above the headline: the headline itself, the site's banner, or text (a paragraph:
    the page has no headline line; a line in another language, or without words, as a date)."""
    if c["banner"].search(line):
        return "boilerplate", "site banner"
    if not headline_like(line, c):
        return "main", ""
    own = reading_language(line)
    if own is None:
        return "main", ""
    if own != language or _label(line, c):
        return "boilerplate", "site banner"
    return "title", ""


def _label(line: str, c: dict) -> bool:
    """Too few words for a headline, and no figure: a site's name or a section label."""
    return (not re.search(r"\d", line) and len(re.findall(f"[{HAN}]", line)) < c["headline_han"]
            and len(re.findall("[A-Za-z]+", line)) < 3)


def _paragraph(line: str, language: str | None, c: dict) -> bool:
    """Text of the page in its own language that is not a headline: the headline is not below it."""
    return not headline_like(line, c) and reading_language(line) in (None, language)


def _mark_link_lists(text: str, lines, kinds, c: dict) -> None:
    """Runs of list-like lines are navigation or headline lists; furniture inside a run is skipped,
    and the headlines of a box count towards the run they stand in. Below the article's last
    paragraph a headline that states a figure is list-like too: no text follows for it to head
    (a chart's caption there names only years, and stays with its source line). A run inside the
    story that lists labels with their values is the story's own figures."""
    last = max((i for i, ((a, b), kind) in enumerate(zip(lines, kinds))
                if kind == ("main", "") and not headline_like(text[a:b], c)), default=len(lines))
    listed = [kind == "main" and (list_like(text[a:b], c) or i > last and _headline_figure(text[a:b], c))
              and not _before_credit(kinds, i) or reason == "box item"
              for i, ((a, b), (kind, reason)) in enumerate(zip(lines, kinds))]
    paragraphs = [i for i, (kind, _) in enumerate(kinds) if kind == "main" and not listed[i]]
    run: list[int] = []
    for index in range(len(lines) + 1):
        if index < len(lines) and listed[index]:
            run.append(index)
            continue
        if index < len(lines) and kinds[index][0] == "boilerplate":
            continue
        inside = bool(run and paragraphs and paragraphs[0] < run[0] and paragraphs[-1] > run[-1])
        if inside and any(c["data_line"].search(text[slice(*lines[i])]) for i in run):
            run = []  # a label with its value (`• 基本养老保险：10.71亿人`): the story's own figures, listed
            continue
        if len(run) >= c["link_run"] * (2 if inside else 1):
            for i in run:
                kinds[i] = kinds[i] if kinds[i][0] == "boilerplate" else ("boilerplate", "link list")
        run = []


def _headline_figure(line: str, c: dict) -> bool:
    """A headline that states a figure, not a label with its value (a line of a data box)."""
    return headline_like(line, c) and not c["data_line"].search(line) and states_figure(line)


def _before_credit(kinds, index: int) -> bool:
    """A headline right above its byline or source line is the article's own title."""
    return index + 1 < len(kinds) and kinds[index + 1] == ("boilerplate", "credit")


def _merge(text: str, lines, kinds, c) -> list[Segment]:
    """Adjacent main lines in one language (or with no words) become one segment."""
    segments: list[Segment] = []
    item: list[tuple[int, int]] = []
    for (a, b), (kind, reason) in zip(lines, kinds):
        if kind == "tail":
            date = c["item_date"].match(text[a:b])
            if date:
                if item:
                    segments.append(_related(text, item[0][0], item[-1][1], date.group(1)))
                segments.append(Segment(a, b, "boilerplate", reason="item date"))
                item = []
            elif reason:
                segments.append(Segment(a, b, "boilerplate", reason=reason))
            else:
                item.append((a, b))
                date = c["item_end_date"].search(text[a:b])
                if date:
                    segments.append(_related(text, item[0][0], b, date.group(1)))
                    item = []
            continue
        if kind == "title" and (cut := a + headline_end(text[a:b])) < b:
            segments += [Segment(a, cut, "title", language=reading_language(text[a:cut])),
                         Segment(cut, b, "boilerplate", reason="site name")]
            continue
        language = reading_language(text[a:b])
        last = segments[-1] if segments else None
        if last and last.kind == kind == "main" and (last.language == language or None in (last.language, language)):
            segments[-1] = Segment(last.start, b, "main", language=last.language or language)
        else:
            segments.append(Segment(a, b, kind, reason=reason, language=language))
    if item:
        segments.append(Segment(item[0][0], item[-1][1], "boilerplate", reason="undated related item"))
    return sorted(segments, key=lambda s: s.start)


def _related(text: str, start: int, end: int, date: str) -> Segment:
    return Segment(start, end, "related", _iso(date), language=reading_language(text[start:end]))


def _iso(text: str) -> str:
    y, m, d = (int(x) for x in re.findall(r"\d+", text)[:3])
    return f"{y:04d}-{m:02d}-{d:02d}"


def html_outside(mapped: MappedText, body_start: int = 0) -> frozenset[int]:
    """Start offsets of the cleaned lines that trafilatura does not count as the article's text.

    trafilatura reads the original HTML and returns text without offsets, so each of our lines
    is matched, through the original text it came from, against what it kept. A short line must
    be one of its lines (or table cells) whole: "社保卡" in a menu is also a substring of the
    body. When it finds no main text, it has no verdict and the general rules decide alone.
    """
    kept = _extract_main(mapped.original[body_start:])
    if not kept:
        return frozenset()
    units = {_match_key(unit) for line in kept.split("\n") for unit in [line, *line.split("|")]}
    flat = _match_key(kept.replace("|", " "))  # a table's row is one line of ours, its cells barred apart in `kept`
    outside = set()
    for a, b in line_spans(mapped.text):
        key = _match_key(_strip_tags(mapped.original_quote(a, b)))
        if key and key not in units and (len(key) < SHORT_MATCH or key not in flat):
            outside.add(a)
    return frozenset(outside)


def _extract_main(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, include_comments=False, include_tables=True, deduplicate=False) or ""


def _headline_key(title: str) -> str:
    """A page title's headline (without the section and site names after it), as lines are matched."""
    return _match_key(title[:headline_end(title)])


def _strip_tags(fragment: str) -> str:
    from .markup import without_tags

    return html.unescape(without_tags(fragment))


def _match_key(text: str) -> str:
    """Compatibility-folded, lower-case, without whitespace or invisible characters: robust to
    how each side spaced it, and to the extractor dropping a soft hyphen that the page has."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", invisible_characters().sub("", text))).lower()
