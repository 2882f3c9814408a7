"""The gazetteer's trie-shaped alias pattern finds exactly what a plain alternation of the
aliases, longest first, finds: the same spans and the same aliases, on every real article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sscard_kg import gazetteer, sources
from sscard_kg.clean import clean
from sscard_kg.sources import collect

HELDOUT = Path(__file__).resolve().parents[1] / "benchmarks" / "heldout" / "articles"
KINDS = ("agency", "program", "region", "person")


def _alternation(table: dict, english: bool) -> re.Pattern:
    """The matcher as a plain alternation of every alias, longest first."""
    alternation = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    if english:
        return re.compile(rf"(?<![A-Za-z])(?:{alternation})(?![A-Za-z])", re.I)
    return re.compile(f"(?:{alternation})")


@pytest.fixture(scope="module")
def texts(seeds_dir, dev_dir) -> list[str]:
    refs = [r for r in collect([str(seeds_dir), str(dev_dir), str(HELDOUT)]) if not isinstance(r, Exception)]
    assert len(refs) > 30
    return [clean(sources.read(r)).text for r in refs]


@pytest.mark.parametrize("english", [True, False])
@pytest.mark.parametrize("kind", KINDS)
def test_trie_matches_the_alternation(texts, kind, english):
    pattern, table = gazetteer.load()._matcher(kind, english)
    plain = _alternation(table, english)
    for text in texts:
        assert [(m.span(), m.group(0)) for m in pattern.finditer(text)] == \
               [(m.span(), m.group(0)) for m in plain.finditer(text)]


def test_longer_alias_is_tried_first_and_a_shorter_one_kept_when_the_longer_fails():
    pattern = re.compile(rf"(?<![A-Za-z])(?:{gazetteer.alias_pattern(['beijing', 'beijing city', 'bei'])})(?![A-Za-z])", re.I)
    found = [m.group(0) for m in pattern.finditer("Beijing City, Beijing Cityscape, bei, beij")]
    assert found == ["Beijing City", "Beijing", "bei"]
