"""Shifted-GBK repair on the seed runs, on undamaged text, and on damage made by the model."""

from __future__ import annotations

import csv
import random
import re
import unicodedata

import opencc
import pytest
from hypothesis import given, settings, strategies as st
from pypinyin import Style, pinyin

from sscard_kg.clean.mojibake.gbk_shift import damage, swallowed_index
from sscard_kg.clean.mojibake.utf8_as_gbk import utf8_as_gbk_edits
from sscard_kg.clean.mojibake.repair import _in_doc, mojibake_edits
from sscard_kg.clean.pinyin import pinyin_edits
from sscard_kg.clean.textmap import MappedText, apply_edits

S2T, T2S = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
HAN = re.compile(r"[\u4e00-\u9fff]")
SENTENCES = [
    "全国社会保障卡持卡人数达到十三亿人，覆盖率进一步提高。",
    "人力资源和社会保障部表示，电子社保卡的领用人数持续增长。",
    "各地积极拓展就医购药和交通出行等民生服务领域的应用。",
    "群众可以通过手机办理养老保险缴费和医保结算等业务。",
    "第三代社保卡增加了非接触支付功能，使用更加方便。",
    "今年上半年城镇新增就业人数同比增加，失业率保持稳定。",
    "跨省异地就医直接结算的范围不断扩大，惠及更多参保人员。",
    "社会保障卡是政府发给居民的民生服务卡，具有多项功能。",
    "省级统筹推进区域一卡通，实现更多事项跨地区通办。",
    "养老金发放和惠民惠农补贴资金可以直接打入社保卡。",
    "工作人员介绍了办理流程，并回答了记者关心的问题。",
    "银行网点和社区服务中心都可以受理补卡和换卡业务。",
    "数据显示，全国基本养老保险参保人数继续稳步增长。",
    "会议强调要加强风险防控，确保基金安全和待遇按时发放。",
    "很多老年人希望线下窗口继续保留，方便没有智能手机的人。",
    "各级部门联合发布通知，明确了下一阶段的重点任务。",
]


def repaired(text: str) -> str:
    return apply_edits(MappedText.identity(text), mojibake_edits(text)).text


@pytest.fixture(scope="module")
def runs(damaged_dir, seeds_dir):
    rows = list(csv.DictReader((damaged_dir / "seed-runs.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    texts = {n: (seeds_dir / n).read_text(encoding="utf-8") for n in {r["file"] for r in rows}}
    edits = {n: mojibake_edits(t) for n, t in texts.items()}
    return rows, texts, edits


def run_is_exact(text: str, edits, row) -> bool:
    """The edits from the `?` on spell `repaired_span`, and the text after them is what followed."""
    o, want = int(row["offset"]), row["repaired_span"]
    got, pos = text[o], o + 1
    for e in sorted(edits, key=lambda e: e.start):
        if e.start == pos:
            got, pos = got + e.replacement, e.end
    after = unicodedata.normalize("NFKC", row["before_damage"].replace("X", ""))[len(want):]
    return got == want and text[pos:pos + 3] == after[:3]


def test_seed_runs_are_repaired_exactly(runs):
    rows, texts, edits = runs
    exact = [run_is_exact(texts[r["file"]], edits[r["file"]], r) for r in rows]
    assert len(rows) == 37
    assert sum(exact) >= 35, [r["offset"] for r, ok in zip(rows, exact) if not ok]


def test_every_run_gets_an_edit_and_edits_do_not_overlap(runs):
    rows, texts, edits = runs
    for name, found in edits.items():
        found = sorted(found, key=lambda e: (e.start, e.end))
        assert all(a.end <= b.start for a, b in zip(found, found[1:]))
        assert all(e.kind == "mojibake" and 0 < e.confidence <= 1 for e in found)
    for r in rows:
        o = int(r["offset"])
        assert any(e.start == o + 1 for e in edits[r["file"]]), r["offset"]


def test_confidence_separates_re_encoded_from_searched(runs):
    _, texts, edits = runs
    confidences = [e.confidence for found in edits.values() for e in found]
    assert any(c >= 0.9 for c in confidences)
    assert any(0.5 <= c < 0.9 for c in confidences)
    text = texts["004_6a9ecaeded6dc51c.txt"]
    digit = [e for e in edits["004_6a9ecaeded6dc51c.txt"] if e.replacement.endswith("1")
             and text[e.end:e.end + 2] == "0億"]
    assert digit and all(0.5 <= e.confidence < 0.9 for e in digit)


def test_genuine_question_marks_are_left_alone(runs):
    _, texts, edits = runs
    for name, marker in [("002_0c0e029cf37eb270.txt", "啥?"), ("004_6a9ecaeded6dc51c.txt", "\n?\n")]:
        i = texts[name].index(marker) + marker.index("?")
        assert not any(e.start <= i < e.end for e in edits[name]), name


def test_undamaged_texts_get_no_edits(seed_file, dev_dir):
    texts = [seed_file(n).read_text(encoding="utf-8") for n in ("000", "001", "003")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(dev_dir.glob("d*.txt"))
              if "??" not in p.read_text(encoding="utf-8")]
    assert len(texts) >= 20
    assert [e for t in texts for e in mojibake_edits(t)] == []


@pytest.mark.parametrize("text", [
    "寒假近視防控要注意啥?這份指南請收好!", "你知道社保卡能辦哪些事?快來看看。",
    "How can the card be used? Ask the bureau.", "卡?\n", "是嗎?是的。",
])
def test_synthetic_genuine_question_marks(text):
    assert mojibake_edits(text) == []


def test_looking_a_piece_up_agrees_with_searching_the_document(dev_dir):
    doc = unicodedata.normalize("NFKC", (dev_dir / "d12_wallstreetmm_2022.txt").read_text(encoding="utf-8"))
    pieces = {doc[i:i + n] for n in range(1, 7) for i in range(0, len(doc), 5)}
    pieces |= {piece[::-1] for piece in pieces}
    absent = [piece for piece in pieces if piece not in doc and 3 <= len(piece) <= 4]
    assert len(absent) > 100
    assert [piece for piece in pieces if _in_doc(doc, piece) != (piece in doc)] == []


def pipeline(text: str) -> str:
    m = apply_edits(MappedText.identity(text), mojibake_edits(text))
    m = apply_edits(m, pinyin_edits(m.text))
    return T2S.convert(unicodedata.normalize("NFKC", m.text))


def test_figures_come_back(seed_file):
    before = T2S.convert(seed_file("002").read_text(encoding="utf-8"))
    assert "社保卡持卡人数达13.79亿人" not in before
    text = pipeline(seed_file("002").read_text(encoding="utf-8"))
    assert text.count("社保卡持卡人数达13.79亿人") == 2
    text = pipeline(seed_file("004").read_text(encoding="utf-8"))
    assert text.count("10.22亿") + text.count("10 22亿") == 3
    assert text.count("73.9%") + text.count("73 9%") == 3
    assert "社保卡突破10亿" in text and "社保卡是1999年" in text


def test_d12_has_the_same_damage(dev_dir):
    text = pipeline((dev_dir / "d12_wallstreetmm_2022.txt").read_text(encoding="utf-8"))
    assert text.count("社保卡持卡人数") == 4
    assert "??" not in text


def make_case(sentence: str, rng: random.Random) -> tuple[str, str] | None:
    """Damage a sentence with the forward model: Traditional, annotated, CP936, `?`, NFKC."""
    trad = S2T.convert(sentence)
    if len(trad) != len(sentence):
        return None
    chars = []
    for t, s in zip(trad, sentence):
        chars.append(t)
        if t != s and rng.random() < 0.6:
            chars.append(f"({pinyin(t, style=Style.TONE)[0][0]})")
    text = "".join(chars)
    spots = [i for i in range(1, len(text) - 3) if HAN.match(text[i]) and HAN.match(text[i - 1])]
    i = rng.choice(spots)
    try:
        damaged = damage(text, i)
    except (UnicodeEncodeError, ValueError):
        return None
    lost = swallowed_index(text, i)
    if lost is not None and text[lost] not in "(&":
        text = text[:lost] + text[lost + 1:]
    return damaged, unicodedata.normalize("NFKC", text)


def test_repairs_damage_made_by_the_forward_model():
    tally = {"runs": 0, "exact": 0}

    @settings(max_examples=260, deadline=None, database=None, derandomize=True)
    @given(st.sampled_from(SENTENCES), st.integers(0, 2**32))
    def check(sentence, seed):
        case = make_case(sentence, random.Random(seed))
        if case is None:
            return
        damaged, expected = case
        assert damaged != expected
        tally["runs"] += 1
        tally["exact"] += repaired(damaged) == expected

    check()
    assert tally["runs"] >= 200
    assert tally["exact"] / tally["runs"] >= 0.63, tally  # measured 180/260 = 0.69


def test_the_most_frequent_inserted_pairs_are_those_ranking_every_pair_gives():
    """An inserted pair's TOP_K candidates are found block by block, without weighing the hundreds
    of thousands of pairs; ranking them all (`heapq.nlargest`) gives the same, in the same order."""
    import heapq

    from sscard_kg.clean.mojibake import gbk_shift
    from sscard_kg.clean.mojibake.repair import TOP_K, _top_pairs, _unigrams

    rng = random.Random(11)
    leads = sorted(gbk_shift.LEADS)
    trails = sorted({trail for _, trail in gbk_shift.decode_table()})
    queries = {(True, rng.choice(leads), rng.choice([*trails, None]), rng.choice([None, None, "bao", "ka", "shu"]))
               for _ in range(25)}
    found = 0
    for query in sorted(queries, key=str):
        weights = _unigrams(query)
        assert _top_pairs(query) == heapq.nlargest(TOP_K, range(len(weights)), key=weights.__getitem__), query
        found += bool(weights)
    assert found >= 5


@pytest.mark.parametrize("sentence, damaged_part", [
    ("截至去年年底，全國社會保障卡持卡人數達到7.12億人。", "社會保障卡持卡人數"),
    ("人社部召开新闻发布会，介绍电子社保卡领用情况。", "新闻发布会"),
])
def test_utf8_shown_through_gbk_is_read_again(sentence, damaged_part):
    shown = damaged_part.encode("utf-8").decode("gbk", errors="replace")
    damaged = sentence.replace(damaged_part, shown)
    assert damaged != sentence
    repaired = damaged
    for edit in sorted(utf8_as_gbk_edits(damaged), key=lambda e: -e.start):
        repaired = repaired[:edit.start] + edit.replacement + repaired[edit.end:]
    assert damaged_part[:-1] in repaired  # a last byte lost to `?` costs at most the last character


def test_ordinary_chinese_is_no_utf8_shown_through_gbk():
    assert utf8_as_gbk_edits("截至去年底，全国社保卡持卡人数达到13.5亿人，覆盖96.8%的人口。電子社保卡領用人數超過5億。") == []
