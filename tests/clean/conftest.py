"""Reading an invented page end to end: what a reader of the graph would get from it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sscard_kg.extract.extract import extract
from sscard_kg.model import Extraction
from sscard_kg.read.sources import SourceRef, parse_bytes


def read_page(page: str, name: str = "invented.txt") -> Extraction:
    """The extraction of `page` as a file, after checking that every evidence quote is the
    original text at its offsets."""
    article = parse_bytes(page.encode("utf-8"), SourceRef(name, name))
    _, extraction = extract(article)
    for m in extraction.measurements:
        assert page[m.evidence.start:m.evidence.end] == m.evidence.quote
    return extraction


@pytest.fixture(scope="session")
def page_figures() -> Callable[[str], list[tuple]]:
    """(metric, value, unit, as-of) of every measurement of a page."""
    def figures(page: str) -> list[tuple]:
        return [(m.metric, m.value, m.unit, m.as_of) for m in read_page(page).measurements]

    return figures


@pytest.fixture(scope="session")
def page_reading() -> Callable[..., Extraction]:
    """`read_page(page, name="invented.txt")`: the name's suffix tells the reader the format."""
    return read_page
