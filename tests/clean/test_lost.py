"""A `?` standing for a character a repost lost: invented damaged sentences."""

from __future__ import annotations

from decimal import Decimal

from sscard_kg.clean.lost import LOST_SIGN, lost_character_edits
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes


def test_a_question_mark_inside_a_chinese_word_is_a_lost_character():
    text = "截至6月底，全省社?卡持卡人数达到4200万人，覆盖九成以上的常?人口。"
    edits = lost_character_edits(text)
    assert [(text[e.start:e.end], e.replacement) for e in edits] == [("?", LOST_SIGN), ("?", LOST_SIGN)]


def test_a_page_with_half_width_punctuation_keeps_its_question_marks():
    assert lost_character_edits("你办社保卡了吗?我办了,很方便.") == []


def test_a_question_mark_between_words_or_at_a_sentence_end_stays():
    assert lost_character_edits("你申领电子社保卡了吗？还没有。What is it? 这是什么？") == []


def test_a_lost_character_no_longer_cuts_a_figure_off_from_its_date():
    body = "回頭看，去年一季度末，持卡人?剛過9億，為9.03億人，覆蓋65.7%的人口。"
    data = f"---\ntitle: 社保卡\ndate: 2017-08-21\n---\n記者從人社部獲悉，截至7月末，全國社會保?卡持卡人數達10.22億。\n\n{body}\n".encode()
    found = {m.value: m.as_of for m in extract(parse_bytes(data, SourceRef("lost.md", "lost.md")))[1].measurements}
    assert found[Decimal("9.03e8")] == "2016-03-31" and found[Decimal("65.7")] == "2016-03-31"
    assert found[Decimal("10.22e8")] == "2017-07-31"
