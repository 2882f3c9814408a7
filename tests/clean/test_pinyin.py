"""Pinyin annotations go; every other parenthesis stays."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from sscard_kg.clean.pinyin import pinyin_edits, readings
from sscard_kg.clean.textmap import MappedText, apply_edits

TONED = re.compile(r"[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def strip(text: str) -> str:
    return apply_edits(MappedText.identity(text), pinyin_edits(text)).text


@pytest.mark.parametrize("text, expected", [
    ("全國(guó)社保卡", "全國社保卡"),
    ("數(shù)達(dá)13.79億", "數達13.79億"),
    ("國（guó）家", "國家"),
    ("綠(lǜ)色", "綠色"),
    ("人數(shu)達到", "人數達到"),
])
def test_annotations_are_deleted(text, expected):
    assert strip(text) == expected
    assert all(e.kind == "pinyin" and e.confidence == 1.0 for e in pinyin_edits(text))


@pytest.mark.parametrize("text", [
    "截至(2023)年底", "宋京燕介紹。(完)", "服務一生”。(記者吳為)", "集成電路(IC)卡",
    "高原(北京)文化", "cards (see below) issued", "社會保障(個人)卡", "數(an)字", "卡(a)",
])
def test_other_parentheses_stay(text):
    assert pinyin_edits(text) == []


def test_offsets_point_at_the_parenthesis():
    (edit,) = pinyin_edits("全國(guó)人")
    assert (edit.start, edit.end, edit.replacement) == (2, 7, "")


@pytest.mark.parametrize("name", ["d06_huiyingmeng_2018.txt", "d13_jizihe_2022.txt"])
def test_dev_articles_with_pinyin_only_are_cleared(dev_dir, name):
    text = (dev_dir / name).read_text(encoding="utf-8")
    assert TONED.search(text)
    cleaned = strip(text)
    assert not TONED.search(cleaned)
    assert len(pinyin_edits(text)) >= 15
    assert "(完)" in cleaned or "(完)" not in text


def test_undamaged_articles_get_no_edits(seed_file, dev_dir):
    texts = [seed_file(n).read_text(encoding="utf-8") for n in ("000", "001", "003")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(dev_dir.glob("d*.txt"))
              if not TONED.search(p.read_text(encoding="utf-8"))]
    assert sum(len(pinyin_edits(t)) for t in texts) == 0


def test_readings_match_pypinyin_with_its_phrase_dictionary(dev_dir):
    """Readings come from pypinyin loaded without its phrases; they must equal those of a
    pypinyin loaded whole, for every character of the dev articles."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(dev_dir.glob("d*.txt")))
    chars = sorted(set(re.findall(r"[\u4e00-\u9fff]", text)))
    script = ("import json, sys\nfrom pypinyin import Style, pinyin\n"
              "from pypinyin.constants import PHRASES_DICT\nassert PHRASES_DICT\n"
              "print(json.dumps([[sorted(pinyin(c, style=s, heteronym=True)[0]) for s in (Style.TONE, Style.NORMAL)]"
              " for c in sys.argv[1]]))")
    env = {k: v for k, v in os.environ.items() if k != "PYPINYIN_NO_PHRASES"}
    whole = json.loads(subprocess.run([sys.executable, "-c", script, "".join(chars)], env=env,
                                      capture_output=True, text=True, check=True).stdout)
    ours = [[sorted(readings(c, toned)) for toned in (True, False)] for c in chars]
    assert len(chars) > 500
    assert ours == whole
    assert "PYPINYIN_NO_PHRASES" not in os.environ
