"""HTML markup to plain text, as edits: tags and comments go, block tags become line breaks; a
Markdown body's marks go too, and a page title keeps its headline without the site's name.

Every scan here is linear in the length of the page: a page of 200k tags, or of 100k unclosed
`<!--` or `<script>`, costs what its length costs. Patterns that look for a closing mark after
each opening one (`<!--.*?-->`) would search the rest of the page once per opening mark.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator

from .textmap import Edit

BLOCK_NAMES = ("p|div|br|hr|li|ul|ol|dl|dd|dt|h[1-6]|tr|td|th|table|caption|section|article|main|header|"
               "footer|nav|aside|figure|figcaption|blockquote|pre|address|form|title|option")
DROPPED_ELEMENTS = ("script", "style", "noscript", "iframe", "svg", "template")
_BLOCK_OPEN = re.compile(rf"</?(?:{BLOCK_NAMES})\b", re.I)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What opens a part dropped whole, and the mark that closes each kind (an element: its end tag).
_DROP_OPEN = re.compile(r"<(?:(!--)|(!\[CDATA\[)|(![A-Za-z])|(\?)|([A-Za-z][A-Za-z0-9]*)\b)", re.I)
_DROP_CLOSE = {1: "-->", 2: "]]>", 3: ">", 4: "?>"}


class _NextMark:
    """Where a pattern next matches at or after a position, for positions asked in rising order;
    a match found is kept until a position passes it, so the page is searched about once."""

    def __init__(self, text: str, pattern: re.Pattern):
        self.text, self.pattern = text, pattern
        self.found: re.Match | None = None
        self.searched_from = -1  # searched from here on and found nothing (when found is None)

    def after(self, position: int) -> re.Match | None:
        if self.found is not None and self.found.start() >= position:
            return self.found
        if self.found is None and 0 <= self.searched_from <= position:
            return None
        self.found = self.pattern.search(self.text, position)
        self.searched_from = position
        return self.found


def closed_spans(text: str, start: int = 0, elements: tuple[str, ...] = DROPPED_ELEMENTS,
                 marks: bool = True) -> Iterator[tuple[int, int]]:
    """Spans of `elements` from start tag to end tag, and (with `marks`) of comments, CDATA,
    declarations and processing instructions, left to right and not overlapping; one left open
    is not a span."""
    names = {name.lower() for name in elements}
    closers: dict[str, _NextMark] = {}
    at = start
    while (opening := _DROP_OPEN.search(text, at)) is not None:
        kind = opening.lastindex
        if kind == 5:
            name = opening.group(5).lower()
            if name not in names:
                at = opening.start() + 1
                continue
            tag_end = _closer(closers, text, ">").after(opening.end())
            end = tag_end and _closer(closers, text, name).after(tag_end.end())
        elif marks:
            end = _closer(closers, text, _DROP_CLOSE[kind]).after(opening.end())
        else:
            end = None
        if end is None:
            at = opening.start() + 1
            continue
        yield opening.start(), end.end()
        at = end.end()


def _closer(closers: dict[str, _NextMark], text: str, what: str) -> _NextMark:
    if what not in closers:
        closing = re.escape(what) if not what.isalnum() else rf"</{re.escape(what)}\s*>"
        closers[what] = _NextMark(text, re.compile(closing, re.I))
    return closers[what]


def block_tag_spans(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Block tags (`<p …>`, `</div>`), each from its name to the first `>` after it."""
    tag_end = _NextMark(text, re.compile(">"))
    at = start
    while (opening := _BLOCK_OPEN.search(text, at)) is not None:
        end = tag_end.after(opening.end())
        if end is None:
            return
        yield opening.start(), end.end()
        at = end.end()


class _Covered:
    """Spans taken so far, asked whether a position lies inside one (spans kept by their start)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach: list[int] = []
        furthest = -1
        for _, b in self.spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def __contains__(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and self.reach[index] > position


_TITLE_LINE = re.compile(r"^title:[ \t]*(?P<rest>[^\n]*)$", re.M)


def front_matter_edits(text: str, body_start: int) -> list[Edit]:
    """Metadata is read by the source reader and is not article text, except the title: it
    stays as the first line, where headlines often carry a figure the body does not repeat
    (without the site's and section's names a scraper copied after it)."""
    if not body_start:
        return []
    title = _front_matter_title(text, body_start)
    if title is None:
        return [Edit(0, body_start, "", "front-matter")]
    return [Edit(0, title[0], "", "front-matter"), Edit(title[1], body_start, "\n", "front-matter")]


def _front_matter_title(text: str, body_start: int) -> tuple[int, int] | None:
    """The span of the first `title:` line's value, without its quotes and trailing blanks."""
    for line in _TITLE_LINE.finditer(text, 0, body_start):
        a, b = line.start("rest"), line.start("rest") + len(line.group("rest").rstrip(" \t"))
        if b - a >= 3 and text[a] in "'\"" and text[b - 1] == text[a]:
            a, b = a + 1, b - 1
        if b > a:
            return a, a + headline_end(text[a:b])
    return None


def headline_end(title: str, site: str | None = None) -> int:
    """Where a page title's headline ends: before the names of the section and the site joined
    after it (`标题_财经频道_某某新闻网`; `site` is the name the page gives itself, if any)."""
    from .boilerplate import cues

    c = cues()
    end, first = len(title), len(title) - len(title.lstrip())
    for separator in reversed([m for m in c["title_separator"].finditer(title) if m.start() > first]):
        part = title[separator.end():end].strip()
        if not (c["site_part"].search(part) or site and _squashed(part) == _squashed(site)):
            break
        end = separator.start()
        while title[end - 1].isspace():
            end -= 1
    return end


def _squashed(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()


_CELL = re.compile(r"<(?P<close>/)?t[dh]\b", re.I)


def _block_break(text: str, start: int) -> str:
    """What a block tag becomes: a newline, but a table cell's opening a tab and its closing
    nothing, so that a table's row is one line of cells (clean.tables reads it)."""
    cell = _CELL.match(text, start)
    if cell is None:
        return "\n"
    return "" if cell["close"] else "\t"


def markup_edits(text: str, start: int = 0) -> list[Edit]:
    """Comments, declarations, scripts and styles removed whole; block tags to newlines (so menu
    entries do not run together into one line), a table's cells to tabs within their row's line;
    other tags removed."""
    dropped = list(closed_spans(text, start))
    edits = [Edit(a, b, "", "markup") for a, b in dropped]
    inside = _Covered(dropped)
    blocks = [(a, b) for a, b in block_tag_spans(text, start) if a not in inside]
    edits += [Edit(a, b, _block_break(text, a), "markup") for a, b in blocks]
    inside = _Covered(dropped + blocks)
    edits += [Edit(m.start(), m.end(), "", "markup") for m in _TAG.finditer(text, start) if m.start() not in inside]
    return edits


# Markdown's marks around words: an image (dropped whole), a link's brackets and address (its text
# stays), a heading's hashes, bold and italic asterisks or underscores, a quote's `>`.
_MD_IMAGE = r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)"
_MD_LINK = r"(?P<open>\[)(?=[^\]\n]{1,200}\]\([^)\n]{0,500}\))|(?<=[^\n\[])(?P<close>\]\([^)\n]{0,500}\))"
_MD_LINE_MARK = r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)"
_MD_STRONG = r"\*\*(?=\S)|(?<=\S)\*\*|(?<![\w*])__(?=\S)|(?<=\S)__(?![\w*])"
_MD_EMPHASIS = r"(?<![\w*\\])\*(?=[^\s*])|(?<=[^\s*\\])\*(?![\w*])"
_MARKDOWN = re.compile("|".join(f"(?:{p})" for p in (_MD_IMAGE, _MD_LINK, _MD_LINE_MARK, _MD_STRONG, _MD_EMPHASIS)), re.M)


def markdown_edits(text: str) -> list[Edit]:
    """A Markdown body's marks removed, its words kept: a link list (`* [全省新增就业45.6万人](…)`)
    and a byline in italics (`*阅读 2.3万*`) then read as the lines of an HTML page do. A bullet's
    `* ` stays: it marks a list item."""
    return [Edit(m.start(), m.end(), "", "markup") for m in _MARKDOWN.finditer(text)]


def entity_edits(text: str) -> list[Edit]:
    """`&ldquo;` → `“`: pages and their plain-text copies both carry entities."""
    edits = []
    for match in _ENTITY.finditer(text):
        value = html.unescape(match.group(0))
        if value != match.group(0):
            edits.append(Edit(match.start(), match.end(), value, "entity"))
    return edits


def element_text(text: str, name: str) -> str | None:
    """The content of the first closed `<name …>…</name>` element, or None."""
    for a, b in closed_spans(text, elements=(name,), marks=False):
        return text[text.index(">", a) + 1:text.rfind("</", a, b)]
    return None


_COMMENT_OR_TAG = re.compile(r"<!--|<[^<>]*>")
_PLAIN_TAG = re.compile(r"<[^<>]*>")


def without_tags(fragment: str) -> str:
    """`fragment` without comments and tags: what `re.sub(r"<!--.*?-->|<[^<>]*>", "", …)`
    gives, in time linear in its length however many comments are left open."""
    comment_end = _NextMark(fragment, re.compile("-->"))
    pieces, at = [], 0
    while (found := _COMMENT_OR_TAG.search(fragment, at)) is not None:
        end = found.end()
        if found.group(0) == "<!--":
            closing = comment_end.after(found.end())
            tag = None if closing else _PLAIN_TAG.match(fragment, found.start())
            if closing is None and tag is None:
                pieces.append(fragment[at:found.start() + 1])
                at = found.start() + 1
                continue
            end = closing.end() if closing else tag.end()
        pieces.append(fragment[at:found.start()])
        at = end
    pieces.append(fragment[at:])
    return "".join(pieces)
