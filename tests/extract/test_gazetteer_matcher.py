"""The gazetteer's trie-shaped alias pattern finds exactly what a plain alternation of the
aliases, longest first, finds: the same spans and the same aliases, on every real article."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from sscard_kg.extract import gazetteer

from sscard_kg.read import sources
from sscard_kg.clean import clean
from sscard_kg.read.sources import collect

HELDOUT = Path(__file__).resolve().parents[2] / "benchmarks" / "heldout" / "articles"
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
    """In English the trie reads the case-folded text, the alternation the text as it is."""
    gaz = gazetteer.load()
    table = gaz._matcher(kind, english)[1]
    plain = _alternation(table, english)
    key = gazetteer.fold_case if english else str
    found = 0
    for text in texts:
        hits = gaz.find(kind, text, english)
        assert [(a, b, entry.iri) for a, b, entry in hits] == \
               [(*m.span(), table[key(m.group(0))].iri) for m in plain.finditer(text)]
        found += len(hits)
    assert found > 0


def test_case_folding_is_what_ignoring_case_does_for_ascii():
    """Every character re.IGNORECASE lets match an ASCII character folds to it, one for one, and
    no other character folds to ASCII: so folded text, read case-sensitively, matches the same."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = gazetteer.fold_case(everything)
    assert len(folded) == len(everything)
    matching_ascii = [m.start() for m in re.finditer("[\x00-\x7f]", everything, re.I)]
    assert matching_ascii == [m.start() for m in re.finditer("[\x00-\x7f]", folded)]
    for index in matching_ascii:
        char = everything[index]
        assert [x for x in map(chr, range(128)) if re.fullmatch(re.escape(x), char, re.I)] == \
               sorted({folded[index], folded[index].upper()}), hex(ord(char))


def test_longer_alias_is_tried_first_and_a_shorter_one_kept_when_the_longer_fails():
    pattern = re.compile(rf"(?<![A-Za-z])(?:{gazetteer.alias_pattern(['beijing', 'beijing city', 'bei'])})(?![A-Za-z])", re.I)
    found = [m.group(0) for m in pattern.finditer("Beijing City, Beijing Cityscape, bei, beij")]
    assert found == ["Beijing City", "Beijing", "bei"]
