"""HTML markup to plain text, as edits: tags and comments go, block tags become line breaks."""

from __future__ import annotations

import html
import re

from ..textmap import Edit

_BLOCK = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dd|dt|h[1-6]|tr|td|th|table|caption|section|article|main|header|"
    r"footer|nav|aside|figure|figcaption|blockquote|pre|address|form|title|option)\b[^>]*>", re.I)
_DROP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![A-Za-z][^>]*>|<\?.*?\?>"
                   r"|<(script|style|noscript|iframe|svg|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


_TITLE_LINE = re.compile(r"^title:[ \t]*(['\"]?)(?P<title>.+?)\1[ \t]*$", re.M)


def front_matter_edits(text: str, body_start: int) -> list[Edit]:
    """Metadata is read by the source reader and is not article text, except the title: it
    stays as the first line, where headlines often carry a figure the body does not repeat."""
    if not body_start:
        return []
    title = _TITLE_LINE.search(text, 0, body_start)
    if title is None:
        return [Edit(0, body_start, "", "front-matter")]
    return [Edit(0, title.start("title"), "", "front-matter"),
            Edit(title.end("title"), body_start, "\n", "front-matter")]


def markup_edits(text: str, start: int = 0) -> list[Edit]:
    """Comments, declarations, scripts and styles removed whole; block tags to newlines (so table
    cells and menu entries do not run together into one line); other tags removed."""
    edits: list[Edit] = []
    taken: list[tuple[int, int]] = []
    for match in _DROP.finditer(text, start):
        edits.append(Edit(match.start(), match.end(), "", "markup"))
        taken.append(match.span())
    for pattern, replacement in ((_BLOCK, "\n"), (_TAG, "")):
        for match in pattern.finditer(text, start):
            if any(a <= match.start() < b for a, b in taken):
                continue
            edits.append(Edit(match.start(), match.end(), replacement, "markup"))
            taken.append(match.span())
    return edits


def entity_edits(text: str) -> list[Edit]:
    """`&ldquo;` → `“`: pages and their plain-text copies both carry entities."""
    edits = []
    for match in _ENTITY.finditer(text):
        value = html.unescape(match.group(0))
        if value != match.group(0):
            edits.append(Edit(match.start(), match.end(), value, "entity"))
    return edits
