"""The benchmark scorer's matching rules, on small hand-made rows (no tool needed).

benchmarks/ is not a package, so the scorer is loaded from its file.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCORER_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "quality.py"


@pytest.fixture(scope="module")
def q():
    spec = importlib.util.spec_from_file_location("sscard_quality", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


GOLD_HEADER = "file\tkind\tmetric\tvalue\tunit\tasOf\tqualifier\tregion\tcore\tquote\n"
PRED_HEADER = "file,metric,value,unit,asOf,qualifier,region\n"


def gold(q, *rows: str):
    return q.load_gold_measurements(GOLD_HEADER + "".join(r + "\n" for r in rows))


def preds(q, *rows: str):
    return q.load_predictions(PRED_HEADER + "".join(r + "\n" for r in rows))


def tally(q, golds, predictions):
    return q.score_measurements(golds, predictions).tally


CARDS = "a.txt\tlevel\tcard-holders\t1340000000\tperson\t2021-03-31\t\t\tyes\t13.4亿"


# ---------------------------------------------------------------- value tolerance


@pytest.mark.parametrize(
    "value, matches",
    [
        ("1340000000", True),
        ("1.34E+9", True),
        ("1346000000", True),  # +0.45 %
        ("1333500000", True),  # -0.49 %
        ("1347000000", False),  # +0.52 %
        ("1352000000", False),  # 13.52亿 is another fact
        ("13.4", False),  # not in base units
        ("n/a", False),
    ],
)
def test_value_within_half_a_percent(q, value, matches):
    t = tally(q, gold(q, CARDS), preds(q, f"a.txt,card-holders,{value},person,2021-03-31,,"))
    assert (t.tp, t.fp, t.fn) == ((1, 0, 0) if matches else (0, 1, 1))


def test_value_in_another_file_does_not_match(q):
    t = tally(q, gold(q, CARDS), preds(q, "b.txt,card-holders,1340000000,person,2021-03-31,,"))
    assert (t.tp, t.fn) == (0, 1)


def test_change_matches_by_magnitude_and_reports_the_sign(q):
    row = "a.txt\tchange\tregistered-unemployment-rate\t-0.08\tpercent\t2018-03-31\t\t\tno\t同比下降0.08个百分点"
    report = q.score_measurements(gold(q, row), preds(q, "a.txt,,0.08,percent,2018-03-31,,"))
    assert (report.tally.tp, report.tally.sign_wrong) == (1, 1)
    assert any(e.startswith("SIGN") for e in report.errors)
    t = tally(q, gold(q, row), preds(q, "a.txt,,-0.08,percent,2018-03-31,,"))
    assert (t.tp, t.sign_wrong) == (1, 0)


def test_change_given_a_level_notation_is_counted(q):
    row = "a.txt\tchange\tpension-insured\t30070000\tperson\t2021-12-31\t\t\tno\t同比增加3007萬人"
    t = tally(q, gold(q, row), preds(q, "a.txt,pension-insured,30070000,person,2021-12-31,,"))
    assert (t.tp, t.change_as_level) == (1, 1)
    t = tally(q, gold(q, row), preds(q, "a.txt,pension-insured-change,30070000,person,2021-12-31,,"))
    assert (t.tp, t.change_as_level) == (1, 0)


# ---------------------------------------------------------------- date precision


@pytest.mark.parametrize(
    "gold_as_of, pred_as_of, agrees",
    [
        ("2021-03-31", "2021-03-31", True),
        ("2021-03", "2021-03-31", True),  # the prediction is cut to the gold's precision
        ("2021", "2021-12-31", True),
        ("2021-03-31", "2021-03", False),  # coarser than the gold says less
        ("2021-03-31", "2021", False),
        ("2021-03-31", "2021-04-26", False),
        ("2021-03", "2021-04", False),
        ("2021-03-31", "", False),
        ("2021-03-31", "2021-03-31T00:00:00Z", True),
    ],
)
def test_date_agrees_at_the_gold_precision(q, gold_as_of, pred_as_of, agrees):
    assert (q.date_agrees((gold_as_of,), q.normalise_date(pred_as_of)) is not None) is agrees


def test_accepted_alternative_dates(q):
    assert q.date_agrees(("2023-11-30", "2023-12"), "2023-12-26") == 1
    assert q.date_agrees(("2023-11-30", "2023-12"), "2023-11-30") == 0
    assert q.date_agrees(("2023-11-30", "2023-12"), "2023") is None


def test_wrong_date_is_a_miss_with_a_hint(q):
    report = q.score_measurements(gold(q, CARDS), preds(q, "a.txt,card-holders,1340000000,person,2021-04-26,,"))
    assert (report.tally.tp, report.tally.fp, report.tally.fn) == (0, 1, 1)
    assert any("same value predicted with asOf=2021-04-26" in e for e in report.errors)


# ---------------------------------------------------------------- one-to-one matching


def test_one_prediction_finds_one_of_two_equal_gold_rows(q):
    rows = [
        "a.txt\tlevel\t\t28\tcount\t2020\t\t\tno\t28 breakthrough policies",
        "a.txt\tlevel\t\t28\tcount\t2020\t\t\tno\t28 unified services",
    ]
    t = tally(q, gold(q, *rows), preds(q, "a.txt,,28,count,2020,,"))
    assert (t.tp, t.fp, t.fn) == (1, 0, 1)


def test_a_duplicated_prediction_is_a_false_positive(q):
    row = "a.txt,card-holders,1340000000,person,2021-03-31,,"
    t = tally(q, gold(q, CARDS), preds(q, row, row))
    assert (t.tp, t.fp, t.fn) == (1, 1, 0)


def test_greedy_prefers_the_agreeing_metric(q):
    rows = [
        "a.txt\tlevel\tpension-insured\t999000000\tperson\t2020-12-31\t\t\tyes\t999 million",
        "a.txt\tlevel\t\t1000000000\tperson\t2020-12-31\tapprox\t\tno\tnearly one billion",
    ]
    predictions = preds(q, "a.txt,pension-insured,999000000,person,2020-12-31,,", "a.txt,,1000000000,person,2020-12-31,approx,")
    matches, missed, extra = q.match_one_to_one(gold(q, *rows), predictions)
    assert not missed and not extra
    assert {(m.gold.quote, m.pred.metric) for m in matches} == {("999 million", "pension-insured"), ("nearly one billion", "")}


def test_greedy_prefers_the_closer_value(q):
    rows = ["a.txt\tlevel\t\t1000\tcount\t2020\t\t\tno\tx", "a.txt\tlevel\t\t1004\tcount\t2020\t\t\tno\ty"]
    matches, _, _ = q.match_one_to_one(gold(q, *rows), preds(q, "a.txt,,1003.9,count,2020,,"))
    assert [m.gold.quote for m in matches] == ["y"]


def test_targets_are_scored_apart_and_are_not_false_positives(q):
    rows = [CARDS, "a.txt\ttarget\tcard-penetration\t90\tpercent\t2020\t\t\tno\t覆蓋90%的人口"]
    t = tally(q, gold(q, *rows), preds(q, "a.txt,card-penetration,90,percent,2020,,"))
    assert (t.tp, t.fp, t.fn, t.targets_found, t.targets_gold) == (0, 0, 1, 1, 1)


def test_core_metric_and_region_accuracy(q):
    row = "a.txt\tlevel\tcard-holders\t105000000\tperson\t2019\t\t广东\tyes\t1.05亿"
    report = q.score_measurements(gold(q, row), preds(q, "a.txt,cards-issued,105000000,person,2019,,广东省"))
    t = report.tally
    assert (t.core_found, t.core_metric_ok, t.region_ok) == (1, 0, 1)  # 广东省 is 广东
    t = tally(q, gold(q, row), preds(q, "a.txt,card-holders,105000000,person,2019,,"))
    assert (t.core_metric_ok, t.region_ok) == (1, 0)


def test_prediction_file_may_be_a_path(q):
    t = tally(q, gold(q, CARDS), preds(q, "/data/corpus/a.txt,card-holders,1340000000,person,2021-03-31,,"))
    assert t.tp == 1


# ---------------------------------------------------------------- entities and officials

MENTIONS_HEADER = "file\ttype\tlabel\trole\tofficial\tnote\n"
GOLD_MENTIONS = [
    "a.txt\tagency\t人力资源和社会保障部\t\t\t",
    "a.txt\tperson\t卢爱红|Lu Aihong\t新闻发言人\tyes\t",
    "a.txt\tperson\t李京泽\t\tno\t记者",
    "a.txt\tregion\t广东\t\t\t",
]


def entity_report(q, *rows: str):
    golds = q.load_gold_mentions(MENTIONS_HEADER + "".join(r + "\n" for r in GOLD_MENTIONS))
    predicted = q.load_predicted_mentions("file,type,label,role\n" + "".join(r + "\n" for r in rows))
    return q.score_entities(golds, predicted)


def test_entities_precision_recall_with_label_alternatives(q):
    t = entity_report(
        q,
        "a.txt,agency,人力资源和社会保障部,",
        "a.txt,person,Lu Aihong,人社部新闻发言人",
        "a.txt,region,北京,",
    ).tally
    assert (t.ent_gold, t.ent_pred, t.ent_tp) == (3, 3, 2)
    assert (t.officials_found, t.role_ok) == (1, 1)


def test_a_reporter_without_a_role_is_neutral(q):
    t = entity_report(q, "a.txt,person,李京泽,").tally
    assert (t.ent_pred, t.nonofficial_with_role) == (0, 0)


def test_a_reporter_given_a_role_is_counted(q):
    report = entity_report(q, "a.txt,person,李京泽,", "a.txt,person,李京泽,新闻发言人")
    assert report.tally.nonofficial_with_role == 1
    assert any(e.startswith("ROLE!") for e in report.errors)


def test_an_official_with_a_role_is_not_a_violation(q):
    t = entity_report(q, "a.txt,person,卢爱红,政策研究司司长、新闻发言人").tally
    assert (t.nonofficial_with_role, t.ent_tp, t.role_ok) == (0, 1, 1)


def test_an_entity_listed_twice_counts_once(q):
    t = entity_report(q, "a.txt,agency,人力资源和社会保障部,", "a.txt,agency,人力资源和社会保障部 ,").tally
    assert (t.ent_pred, t.ent_tp) == (1, 1)


# ---------------------------------------------------------------- the shipped gold and the CLI


def test_the_gold_files_load_and_are_consistent(q):
    golds = q.load_gold_measurements(q.GOLD_DIR / "measurements.tsv")
    assert golds and all(g.kind in ("level", "change", "target") for g in golds)
    assert all(g.metric in q.CORE_METRICS for g in golds if g.core)
    assert all(g.kind == "level" for g in golds if g.core)
    assert all(q.normalise_date(d) == d for g in golds for d in g.as_of)
    mentions = q.load_gold_mentions(q.GOLD_DIR / "mentions.tsv")
    assert {m.type for m in mentions} == {"agency", "person", "program", "region"}


def test_a_perfect_prediction_scores_one(q, tmp_path):
    golds = q.load_gold_measurements(q.GOLD_DIR / "measurements.tsv")
    lines = [PRED_HEADER]
    lines += [f"{g.file},{g.metric},{g.value},{g.unit},{g.as_of[0]},{g.qualifier},{g.region}\n" for g in golds]
    measurements = tmp_path / "m.csv"
    measurements.write_text("".join(lines), encoding="utf-8")
    mentions = tmp_path / "e.csv"
    mentions.write_text("file,type,label,role\n", encoding="utf-8")
    assert q.main(["--seeds", "--measurements", str(measurements), "--mentions", str(mentions), "--min-f1", "0.999"]) == 0
    empty = tmp_path / "empty.csv"
    empty.write_text(PRED_HEADER, encoding="utf-8")
    assert q.main(["--measurements", str(empty), "--mentions", str(mentions), "--min-f1", "0.5"]) == 1
