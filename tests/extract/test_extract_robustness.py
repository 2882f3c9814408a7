"""Extraction never raises on damaged text: an exception would lose every figure of the article.

Pieces of the real dev articles get runs of digits, scale words, date words and punctuation
inserted at random places (what crawls and broken encodings do), and each is extracted.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sscard_kg.extract.extract import extract
from sscard_kg.model import Article

NOISE = list("0123456789０１２３４５６７８９.,/%％亿万千百十一二三四五六七八九零年月日底末季度上下半截至到?？()（）-—~ \n"
             "的为达增长下降比同期分别约超近余多以上个项人次元张")


def test_extraction_survives_noise_in_real_text(dev_dir):
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(dev_dir.iterdir()) if p.is_file()]

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data):
        text = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, max(0, len(text) - 1)))
        chars = list(text[start:start + data.draw(st.integers(20, 400))])
        for _ in range(data.draw(st.integers(1, 10))):
            at = data.draw(st.integers(0, len(chars)))
            chars.insert(at, "".join(data.draw(st.lists(st.sampled_from(NOISE), min_size=1, max_size=6))))
        published = data.draw(st.sampled_from([None, "2021-03-03", "2019", "2020-05"]))
        article = Article(source="noisy.txt", source_key="noisy", raw="".join(chars), content_hash="0" * 64,
                          format=data.draw(st.sampled_from(["text", "html"])), published=published,
                          date_stated=published is not None)
        extract(article)

    check()
