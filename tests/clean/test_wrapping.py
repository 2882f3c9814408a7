"""Hard-wrapped text rejoined: invented pages broken at a fixed width."""

from __future__ import annotations

from decimal import Decimal

from sscard_kg.clean.wrapping import unwrap_edits
from sscard_kg.extract.extract import extract
from sscard_kg.read.sources import SourceRef, parse_bytes

WRAPPED = """Shenzhen card figures

By the time the municipal human resources bureau held its year-end briefing on December 20, the
city said, nearly 14 million residents had been issued the third-generation social security card,
and the cards had been used more than 90 million times since the first of them went out last spring.
Officials said the old cards remain valid until the end of next year, and that residents who have
not yet applied can do so at any of the partner banks or through the city's government service app
without an appointment.
"""


def test_lines_broken_at_a_fixed_width_are_joined_inside_a_sentence():
    edits = unwrap_edits(WRAPPED)
    assert [e.replacement for e in edits] == [" ", " ", " ", " "]
    joined = WRAPPED
    for e in reversed(edits):
        joined = joined[:e.start] + e.replacement + joined[e.end:]
    assert "briefing on December 20, the city said" in joined


def test_a_figure_wrapped_away_from_its_date_is_dated_again():
    data = ("---\ntitle: Shenzhen card figures\ndate: 2025-12-22\n---\n" + WRAPPED.split("\n", 2)[2]).encode()
    found = {m.value: m.as_of for m in extract(parse_bytes(data, SourceRef("wrapped.md", "wrapped.md")))[1].measurements}
    assert found[Decimal("14e6")] == "2025-12-20"


def test_chinese_lines_broken_at_a_fixed_width_join_without_a_space():
    paragraph = ("截至今年6月底，全省社会保障卡持卡人数达到9800万人，其中第三代社保卡持卡人数达到2100万人，电子社保卡"
                 "领用人数达到6500万人，全省已有120个县区实现持卡就医结算，社保卡已加载交通出行功能的城市达到21个，"
                 "覆盖全省所有设区市，下一步将继续扩大应用范围，推动社保卡在文化旅游、政务服务等领域的应用加快落地见效。")
    text = "\n".join(paragraph[i:i + 42] for i in range(0, len(paragraph), 42)) + "\n"
    edits = unwrap_edits(text)
    assert edits and all(e.replacement == "" for e in edits)


def test_tables_rules_menus_and_short_lines_stay_as_they_are():
    assert unwrap_edits("Cardholders ................ 1.352bn\nE-card users ............... 500mn\n"
                        "Pension insured ............ 1.03bn\nServices ................... 95\n") == []
    assert unwrap_edits("首页 | 新闻 | 社保\n人社部发布数据。\n全国持卡人数13.8亿人。\n") == []
