"""Plain data passed between the stages: an Article in, mentions and measurements out."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Article:
    """One source document as read, before any cleaning.

    `raw` is the whole decoded file or page; every offset in the graph points into it.
    `published` is ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (its precision), `date_stated` says
    whether the source states it (metadata, a date shown on the page, the URL) or it was inferred.
    """

    source: str
    source_key: str
    raw: str
    content_hash: str
    format: str
    language: str = "zh-Hans"
    title: str | None = None
    published: str | None = None
    date_stated: bool = False
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    body_start: int = 0


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: offsets and exact quote of the original, and the cleaned quote."""

    start: int
    end: int
    quote: str
    clean_quote: str
    prefix: str | None = None  # the original's text just before and after the quote, kept only
    suffix: str | None = None  # when the quote occurs more than once in it, to tell which one


@dataclass(frozen=True)
class Mention:
    """An entity an article mentions. `key` is the gazetteer key (or a derived one for people)."""

    type: str
    key: str
    label: str
    evidence: Evidence
    role: str | None = None
    agency: str | None = None
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measurement:
    """One reported figure.

    `kind` is `level` (a stock or a flow), `change` (an increase/decrease of a level) or `target`.
    `as_of` is the end of the period the figure is about (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`);
    `period_start` is set when the figure is a flow over a period (a year's new jobs).
    """

    metric: str | None
    value: Decimal
    unit: str
    evidence: Evidence
    subject: str = ""
    qualifier: str | None = None
    as_of: str | None = None
    period_start: str | None = None
    kind: str = "level"
    region: str | None = None
    official: str | None = None
    date_inferred: bool = False
    change_of: "Measurement | None" = None


@dataclass(frozen=True)
class Skipped:
    """Something that looked like a figure but was not taken, and why (for the quality report)."""

    text: str
    reason: str
    start: int


@dataclass
class Extraction:
    """Everything found in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    measurements: list[Measurement] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def value_key(value: Decimal) -> str:
    """A decimal as plain digits, without exponent or trailing zeros: one text per value."""
    return format(value.normalize(), "f")
