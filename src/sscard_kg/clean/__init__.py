"""Cleaning: from an article's raw text to Simplified, repaired, main text that maps back to the raw.

Order matters: markup → mojibake repair (shifted GBK, then UTF-8 read as GBK; the first restores
the `(` the pinyin strip needs, and a soft hyphen or a next-line character can be one of its
bytes) → entities (`&shy;`, `&#8203;`) → line breaks → invisible characters → hard-wrapped lines
rejoined → pinyin annotations → characters lost to `?` → NFKC → Traditional→Simplified → tables
as sentences → boilerplate segments. For HTML the boilerplate decision starts from a main-text
extractor's reading of the original page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Article
from .script import (chinese_script, invisible_edits, line_break_edits, nfkc_edits, reading_language,
                      simplified_edits)
from .textmap import MappedText, apply_edits
from .boilerplate import Segment, html_outside, segment
from .digits import dot_space_edits
from .lost import lost_character_edits
from .spacing import spaced_out_edits
from .tables import table_edits
from .wrapping import unwrap_edits
from .markup import entity_edits, front_matter_edits, markdown_edits, markup_edits
from .mojibake.repair import mojibake_edits
from .mojibake.utf8_as_gbk import utf8_as_gbk_edits
from .pinyin import pinyin_edits


@dataclass
class Cleaned:
    mapped: MappedText
    segments: list[Segment]
    language: str = "zh-Hans"

    @property
    def text(self) -> str:
        return self.mapped.text


def clean(article: Article) -> Cleaned:
    """The article cleaned as the language of its own text asks. The source's guess reads the
    whole page; when the kept text says otherwise (an English story under a Chinese site header),
    the page is cleaned again in the language it is written in."""
    cleaned = _clean(article)
    language = main_language(cleaned, article.language)
    if (language == "en") != (article.language == "en"):
        cleaned = _clean(replace(article, language=language))
    cleaned.language = language
    return cleaned


def main_language(cleaned: Cleaned, guess: str) -> str:
    """en, zh-Hans or zh-Hant: the language of the title and main text, the guess when they have
    no words."""
    kept = "\n".join(cleaned.text[s.start:s.end] for s in cleaned.segments if s.kind in ("main", "title"))
    language = reading_language(kept)
    if language is None or (language == "en") == (guess == "en"):
        return guess
    return "en" if language == "en" else chinese_script(kept)


def _clean(article: Article) -> Cleaned:
    mapped = MappedText.identity(article.raw)
    is_html = article.format in ("html", "markdown-html")
    steps = [lambda t: front_matter_edits(t, article.body_start)]
    if is_html:
        steps.append(markup_edits)
    if article.format in ("markdown", "markdown-html"):
        steps.append(markdown_edits)
    if article.language != "en":
        steps += [mojibake_edits, utf8_as_gbk_edits]
    steps += [entity_edits, line_break_edits, invisible_edits, unwrap_edits]
    if article.language != "en":
        steps += [pinyin_edits, lost_character_edits, spaced_out_edits]
    steps += [nfkc_edits, simplified_edits, dot_space_edits, lambda t: table_edits(t, article.language == "en")]
    for step in steps:
        edits = step(mapped.text)
        if edits:
            mapped = apply_edits(mapped, edits)
    outside = html_outside(mapped, article.body_start) if is_html else frozenset()
    title_first = article.format in ("text", "markdown", "markdown-html")
    headline = article.title if is_html else None
    return Cleaned(mapped, segment(mapped.text, title_first=title_first, outside=outside, headline=headline),
                   article.language)
