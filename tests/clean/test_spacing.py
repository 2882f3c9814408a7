"""Chinese spaced out character by character is read as the words it spells. Invented lines."""

from __future__ import annotations

import pytest

from sscard_kg.clean.spacing import spaced_out_edits
from sscard_kg.clean.textmap import MappedText, apply_edits


def _respaced(text: str) -> str:
    return apply_edits(MappedText.identity(text), spaced_out_edits(text)).text


@pytest.mark.parametrize("text, expected", [
    ("社 保 卡 應 用 目 錄 的 開 通 率 同 期 達 到 ５ ２ ％ 。", "社保卡應用目錄的開通率同期達到５２％。"),
    ("截 至 2 0 2 3 年 底 ， 全 国 持 卡 人 数 达 13.79 亿 人 ， GDP 增 长 5 % 。",
     "截至2023年底，全国持卡人数达13.79亿人，GDP增长5%。"),
    ("标题行\n全 国 电 子 社 保 卡 领 用 人 数 突 破 10 亿\n正文照常。", "标题行\n全国电子社保卡领用人数突破10亿\n正文照常。"),
])
def test_a_line_spaced_out_character_by_character_is_closed_up(text, expected):
    assert _respaced(text) == expected


@pytest.mark.parametrize("text", [
    "第 一 章 总则",  # a short heading spaced out on purpose
    "The card is used in 300 cities, 社保卡 and 电子 社保卡 too.",
    "全国 持卡 人数 达到 13.79 亿人 ， 覆盖 97.7% 人口 。",  # words apart, not characters
])
def test_other_spacing_stays(text):
    assert _respaced(text) == text
