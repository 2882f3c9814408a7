"""Cleaning: from an article's raw text to Simplified, repaired, main text that maps back to the raw.

Order matters: markup → mojibake repair (it restores the `(` the pinyin strip needs, and a soft
hyphen can be one of its bytes) → entities (`&shy;`, `&#8203;`) → invisible characters → pinyin
annotations → NFKC → Traditional→Simplified → boilerplate segments. For HTML the
boilerplate decision starts from a main-text extractor's reading of the original page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article
from ..script import invisible_edits, nfkc_edits, simplified_edits
from ..textmap import MappedText, apply_edits
from .boilerplate import Segment, html_outside, segment
from .digits import dot_space_edits
from .markup import entity_edits, front_matter_edits, markup_edits
from .mojibake import mojibake_edits
from .pinyin import pinyin_edits


@dataclass
class Cleaned:
    mapped: MappedText
    segments: list[Segment]

    @property
    def text(self) -> str:
        return self.mapped.text


def clean(article: Article) -> Cleaned:
    mapped = MappedText.identity(article.raw)
    is_html = article.format in ("html", "markdown-html")
    steps = [lambda t: front_matter_edits(t, article.body_start)]
    if is_html:
        steps.append(markup_edits)
    if article.language != "en":
        steps.append(mojibake_edits)
    steps += [entity_edits, invisible_edits]
    if article.language != "en":
        steps.append(pinyin_edits)
    steps += [nfkc_edits, simplified_edits, dot_space_edits]
    for step in steps:
        edits = step(mapped.text)
        if edits:
            mapped = apply_edits(mapped, edits)
    outside = html_outside(mapped, article.body_start) if is_html else frozenset()
    return Cleaned(mapped, segment(mapped.text, title_first=article.format in ("text", "markdown", "markdown-html"), outside=outside))
