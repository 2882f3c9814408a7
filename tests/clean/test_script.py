"""NFKC edits and language detection, checked against the plain per-character definitions."""

from __future__ import annotations

import unicodedata

from sscard_kg.clean.script import detect_language, nfkc_edits


def _nfkc_by_character(text: str) -> list[tuple[int, str]]:
    return [(i, unicodedata.normalize("NFKC", c)) for i, c in enumerate(text)
            if unicodedata.normalize("NFKC", c) != c]


def test_nfkc_edits_are_the_characters_nfkc_changes_in_every_seed_and_dev_article(seeds_dir, dev_dir):
    texts = [p.read_text(encoding="utf-8", errors="replace") for d in (seeds_dir, dev_dir) for p in sorted(d.iterdir())]
    texts.append("截至２０２３年底，全国持卡人数达１３.７９亿人。𝟏𝟐 ㈱ ﬁ ½ 𠀀")
    total = 0
    for text in texts:
        edits = [(e.start, e.replacement) for e in nfkc_edits(text)]
        assert all(e.end == e.start + 1 for e in nfkc_edits(text))
        assert edits == _nfkc_by_character(text)
        total += len(edits)
    assert total > 100


def test_language_from_the_share_of_han_characters_and_their_script():
    assert detect_language("截至2023年底，全国社会保障卡持卡人数达13.79亿人。") == "zh-Hans"
    assert detect_language("截至2023年底，全國社會保障卡持卡人數達13.79億人。") == "zh-Hant"
    assert detect_language("By the end of 2023, 1.379 billion people held social security cards.") == "en"
