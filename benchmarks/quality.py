#!/usr/bin/env python3
"""Score sscard-kg's output against the hand-written gold in benchmarks/gold/.

The gold says, per article, which dated figures and which entities a careful analyst would want in
the graph (see benchmarks/gold/README.md). This script either builds the articles with the tool's
contract CLI and runs the two contract queries, or reads the two CSVs they produce, and then
reports precision, recall and the kinds of mistakes, per file and in total.

    python benchmarks/quality.py                     # build the dev corpus, print the table
    python benchmarks/quality.py --seeds --errors    # dev + seeds, list every mistake
    python benchmarks/quality.py --measurements m.csv --mentions e.csv --min-f1 0.6

Only the standard library is used, so it runs wherever Python 3.11 does.
Exit code: 0; 1 if --min-f1 is given and not met; 2 if the tool could not be run.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLD_DIR = HERE / "gold"
DEFAULT_DEV = REPO.parent / "shared" / "corpus" / "dev"
DEFAULT_SEEDS = REPO.parent / "shared" / "seeds"
QUERY_MEASUREMENTS = REPO / "queries" / "measurements.rq"
QUERY_MENTIONS = REPO / "queries" / "mentions.rq"

# A value agrees when within ±0.5 % of the gold: wide enough for 13.4亿 vs 1.34 billion rounding,
# narrow enough that 13.4亿 and 13.52亿 stay different facts.
TOLERANCE = Decimal("0.005")

CORE_METRICS = frozenset(
    {
        "card-holders", "card-penetration", "cards-issued", "card-3g-holders", "ecard-holders",
        "ecard-services-volume", "card-applications", "one-card-catalog-items",
        "pension-insured", "unemployment-insured", "work-injury-insured",
        "si-fund-income", "si-fund-expenditure", "si-fund-balance",
        "new-urban-jobs", "surveyed-unemployment-rate", "registered-unemployment-rate",
    }
)
SCORED_KINDS = ("level", "change")  # targets are matched too, but reported on their own
DEV_NAME = re.compile(r"^d\d\d_")
ALTERNATIVES = "|"  # gold asOf and labels may list accepted alternatives, the first preferred


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class GoldMeasurement:
    file: str
    kind: str
    metric: str
    value: Decimal
    unit: str
    as_of: tuple[str, ...]
    qualifier: str
    region: str
    core: bool
    quote: str


@dataclass(frozen=True)
class Prediction:
    file: str
    metric: str
    value: Decimal | None
    unit: str
    as_of: str | None
    qualifier: str
    region: str
    raw_value: str = ""
    raw_as_of: str = ""


@dataclass(frozen=True)
class Match:
    gold: GoldMeasurement
    pred: Prediction
    date_alternative: int  # 0 = the gold's preferred date, >0 = an accepted alternative
    relative_error: Decimal


@dataclass(frozen=True)
class GoldEntity:
    file: str
    type: str
    labels: tuple[str, ...]  # normalised; the first is the canonical label
    role: str
    official: bool


@dataclass(frozen=True)
class PredictedEntity:
    file: str
    type: str
    label: str  # normalised
    role: str
    raw_label: str = ""


@dataclass
class Tally:
    """Counts for one file or for the total; ratios are derived so totals stay exact."""

    gold: int = 0
    pred: int = 0
    tp: int = 0
    fp: int = 0
    targets_gold: int = 0
    targets_found: int = 0
    core_gold: int = 0
    core_found: int = 0
    core_metric_ok: int = 0
    region_ok: int = 0
    matched: int = 0
    qualifier_ok: int = 0
    change_as_level: int = 0
    sign_wrong: int = 0
    ent_gold: int = 0
    ent_pred: int = 0
    ent_tp: int = 0
    officials_found: int = 0
    role_ok: int = 0
    nonofficial_with_role: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def fn(self) -> int:
        return self.gold - self.tp

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)

    @property
    def ent_precision(self) -> float:
        return ratio(self.ent_tp, self.ent_pred)

    @property
    def ent_recall(self) -> float:
        return ratio(self.ent_tp, self.ent_gold)


@dataclass
class FileReport:
    tally: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)


def ratio(num: int, den: int) -> float:
    """A share that is 1.0 when there is nothing to find (an empty file is not a failure)."""
    return num / den if den else 1.0


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- normalising


def parse_decimal(text: str) -> Decimal | None:
    """The value column as a Decimal; None when the tool wrote something that is not a number."""
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def normalise_date(text: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a time part or a timezone is dropped; anything else is None."""
    text = (text or "").strip()
    text = re.split(r"[T ]", text, maxsplit=1)[0]
    text = re.sub(r"(Z|[+-]\d{2}:\d{2})$", "", text)
    return text if _DATE.match(text) else None


def normalise_file(name: str) -> str:
    """Predictions may name a path or a file: URL; the gold names the bare file."""
    name = (name or "").strip()
    if name.startswith("file://"):
        name = name[len("file://"):]
    if "://" in name:
        return name
    return name.replace("\\", "/").rsplit("/", 1)[-1]


_QUOTES = "\"'“”‘’「」『』《》〈〉"


def normalise_label(text: str) -> str:
    """Labels compare without width, spacing, quote or case differences (一卡通 vs “一卡通”)."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch for ch in text if not ch.isspace() and ch not in _QUOTES)
    return text.casefold()


_REGION_SUFFIXES = ("特别行政区", "自治区", "地区", "省", "市")


def normalise_region(text: str) -> str:
    """广东省 and 广东, 川渝地区 and 川渝 name the same region; the gold uses short names."""
    text = normalise_label(text)
    for suffix in _REGION_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)]
    return text


# --------------------------------------------------------------------------- loading


def read_rows(source: str | Path, delimiter: str = ",") -> list[dict[str, str]]:
    """Rows of a CSV/TSV file (a Path) or of CSV text (a str), keyed by the header row.

    Header names lose a leading '?' so that a query that keeps SPARQL's variable marks still reads.
    """
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    handle = io.StringIO(text.lstrip("\ufeff"))
    reader = csv.DictReader(handle, delimiter=delimiter)
    return [{(k or "").strip().lstrip("?"): (v or "").strip() for k, v in row.items()} for row in reader]


def load_gold_measurements(source: str | Path) -> list[GoldMeasurement]:
    rows = read_rows(source, delimiter="\t")
    return [
        GoldMeasurement(
            file=row["file"],
            kind=row["kind"],
            metric=row["metric"],
            value=Decimal(row["value"]),
            unit=row["unit"],
            as_of=tuple(row["asOf"].split(ALTERNATIVES)),
            qualifier=row["qualifier"],
            region=row["region"],
            core=row["core"] == "yes",
            quote=row.get("quote", ""),
        )
        for row in rows
    ]


def load_predictions(source: str | Path) -> list[Prediction]:
    """The measurements.rq CSV: file,metric,value,unit,asOf,qualifier,region."""
    return [
        Prediction(
            file=normalise_file(row.get("file", "")),
            metric=row.get("metric", ""),
            value=parse_decimal(row.get("value", "")),
            unit=row.get("unit", ""),
            as_of=normalise_date(row.get("asOf", "")),
            qualifier=row.get("qualifier", ""),
            region=row.get("region", ""),
            raw_value=row.get("value", ""),
            raw_as_of=row.get("asOf", ""),
        )
        for row in read_rows(source)
    ]


def load_gold_mentions(source: str | Path) -> list[GoldEntity]:
    return [
        GoldEntity(
            file=row["file"],
            type=row["type"],
            labels=tuple(normalise_label(x) for x in row["label"].split(ALTERNATIVES)),
            role=row.get("role", ""),
            official=row.get("official", "") == "yes",
        )
        for row in read_rows(source, delimiter="\t")
    ]


def load_predicted_mentions(source: str | Path) -> list[PredictedEntity]:
    """The mentions.rq CSV: file,type,label,role."""
    return [
        PredictedEntity(
            file=normalise_file(row.get("file", "")),
            type=row.get("type", "").strip().lower(),
            label=normalise_label(row.get("label", "")),
            role=row.get("role", ""),
            raw_label=row.get("label", ""),
        )
        for row in read_rows(source)
    ]


# --------------------------------------------------------------------------- measurement matching


def date_agrees(gold_as_of: tuple[str, ...], pred_as_of: str | None) -> int | None:
    """Index of the first gold date the prediction agrees with, else None.

    The prediction is cut to the gold's precision (2021-03-31 agrees with 2021-03), but a
    prediction coarser than the gold (2021 for 2021-03-31) does not agree: it says less.
    """
    if not pred_as_of:
        return None
    for index, gold in enumerate(gold_as_of):
        if len(pred_as_of) >= len(gold) and pred_as_of[: len(gold)] == gold:
            return index
    return None


def value_error(gold: GoldMeasurement, pred: Prediction) -> Decimal | None:
    """Relative error if within TOLERANCE, else None.

    A change is compared by magnitude: the contract has no sign convention for a decrease, so a
    wrong sign is reported (sign_wrong) rather than counted as a miss.
    """
    if pred.value is None:
        return None
    g, p = gold.value, pred.value
    if gold.kind == "change":
        g, p = abs(g), abs(p)
    if g == 0:
        return Decimal(0) if p == 0 else None
    error = abs(p - g) / abs(g)
    return error if error <= TOLERANCE else None


def candidate_pairs(golds: list[GoldMeasurement], preds: list[Prediction]) -> list[tuple]:
    """Every (gold, prediction) pair that may match, best first.

    Within tolerance every pair is equally right on value, so agreement on metric and region
    ranks first, then the gold's preferred date, then closeness of value; indices keep the
    order deterministic.
    """
    pairs = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if pred.file != gold.file:
                continue
            error = value_error(gold, pred)
            if error is None:
                continue
            alternative = date_agrees(gold.as_of, pred.as_of)
            if alternative is None:
                continue
            key = (
                pred.metric != gold.metric,
                normalise_region(pred.region) != normalise_region(gold.region),
                alternative,
                error,
                gi,
                pi,
            )
            pairs.append((key, gi, pi, alternative, error))
    pairs.sort(key=lambda pair: pair[0])
    return pairs


def match_one_to_one(
    golds: list[GoldMeasurement], preds: list[Prediction]
) -> tuple[list[Match], list[GoldMeasurement], list[Prediction]]:
    """Greedy one-to-one matching: a figure stated once can be found once.

    Returns the matches, the unmatched gold rows and the unmatched predictions.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matches = []
    for _key, gi, pi, alternative, error in candidate_pairs(golds, preds):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matches.append(Match(golds[gi], preds[pi], alternative, error))
    missed = [g for i, g in enumerate(golds) if i not in used_gold]
    extra = [p for i, p in enumerate(preds) if i not in used_pred]
    return matches, missed, extra


def describe_gold(g: GoldMeasurement) -> str:
    return (
        f"{g.kind:6} {g.metric or '-':28} {g.value} {g.unit or '-'} asOf={'|'.join(g.as_of)}"
        f"{' ' + g.qualifier if g.qualifier else ''}{' region=' + g.region if g.region else ''}"
        f"  «{g.quote}»"
    )


def describe_pred(p: Prediction) -> str:
    return (
        f"{p.metric or '-':28} {p.raw_value} {p.unit or '-'} asOf={p.raw_as_of or '-'}"
        f"{' ' + p.qualifier if p.qualifier else ''}{' region=' + p.region if p.region else ''}"
    )


def near_miss(gold: GoldMeasurement, preds: list[Prediction]) -> str:
    """Why a gold row was missed, when a prediction has its value but not its date."""
    for pred in preds:
        if pred.file == gold.file and value_error(gold, pred) is not None:
            return f"  [same value predicted with asOf={pred.raw_as_of or '-'}: wrong or coarser date]"
    return ""


def score_measurements(golds: list[GoldMeasurement], preds: list[Prediction]) -> FileReport:
    """Scores one file's measurements (call once per file)."""
    report = FileReport()
    t = report.tally
    matches, missed, extra = match_one_to_one(golds, preds)
    t.gold = sum(g.kind in SCORED_KINDS for g in golds)
    t.targets_gold = sum(g.kind == "target" for g in golds)
    t.core_gold = sum(g.core for g in golds)
    t.pred = len(preds)
    t.fp = len(extra)
    for match in matches:
        check_match(match, report)
    for g in missed:
        label = "TARGET-  " if g.kind == "target" else "FN       "
        report.errors.append(f"{label}{describe_gold(g)}{near_miss(g, extra)}")
    for p in extra:
        report.errors.append(f"FP       {describe_pred(p)}")
    return report


def check_match(match: Match, report: FileReport) -> None:
    """Counts a found figure and what is still wrong about it: metric, region, sign, notation."""
    g, p, t = match.gold, match.pred, report.tally
    if g.kind == "target":
        t.targets_found += 1
    else:
        t.tp += 1
    t.matched += 1
    if normalise_region(p.region) == normalise_region(g.region):
        t.region_ok += 1
    else:
        where = f"gold={g.region or '(national)'} pred={p.region or '(national)'}"
        report.errors.append(f"REGION   {where}: {describe_gold(g)}")
    if p.qualifier == g.qualifier:
        t.qualifier_ok += 1
    if g.core:
        t.core_found += 1
        if p.metric == g.metric:
            t.core_metric_ok += 1
        else:
            report.errors.append(f"METRIC   gold={g.metric} pred={p.metric or '(none)'}: {describe_gold(g)}")
    if g.kind != "change":
        return
    if p.metric in CORE_METRICS:
        # The contract CSV has no kind column: a change under a level notation reads as a level.
        t.change_as_level += 1
        report.errors.append(f"CHANGE   a change given the level notation {p.metric}: {describe_gold(g)}")
    if p.value is not None and g.value != 0 and (p.value < 0) != (g.value < 0):
        t.sign_wrong += 1
        report.errors.append(f"SIGN     pred={p.raw_value}: {describe_gold(g)}")


# --------------------------------------------------------------------------- entities


def role_agrees(gold_role: str, pred_role: str) -> bool:
    """A predicted role agrees when it holds the gold role (人社部新闻发言人 holds 新闻发言人)."""
    gold, pred = normalise_label(gold_role), normalise_label(pred_role)
    return bool(gold) and gold in pred


def score_entities(golds: list[GoldEntity], preds: list[PredictedEntity]) -> FileReport:
    """Scores one file's mentions on (type, label); an entity listed twice counts once.

    Persons count as entities only when the gold marks them official. A predicted reporter or
    scholar is neither right nor wrong as a mention, but giving one a role is a mistake: the
    graph would present them as an office holder.
    """
    report = FileReport()
    t = report.tally
    entities = [g for g in golds if g.type != "person" or g.official]
    non_officials = [g for g in golds if g.type == "person" and not g.official]
    t.ent_gold = len(entities)
    grouped: dict[tuple[str, str], list[PredictedEntity]] = {}
    for p in preds:
        grouped.setdefault((p.type, p.label), []).append(p)
    found: set[int] = set()
    for (kind, label), rows in grouped.items():
        shown = rows[0].raw_label
        roles = [r.role for r in rows if r.role.strip()]
        hit = next((i for i, g in enumerate(entities) if g.type == kind and label in g.labels), None)
        if hit is None and kind == "person" and any(label in g.labels for g in non_officials):
            if roles:
                t.nonofficial_with_role += 1
                report.errors.append(f"ROLE!    non-official person {shown} given role {' / '.join(roles)!r}")
            continue
        t.ent_pred += 1
        if hit is None or hit in found:
            report.errors.append(f"ENT-FP   {kind:7} {shown}")
            continue
        found.add(hit)
        t.ent_tp += 1
        gold = entities[hit]
        if gold.type == "person":
            t.officials_found += 1
            if any(role_agrees(gold.role, r) for r in roles):
                t.role_ok += 1
            else:
                predicted = " / ".join(roles) or "(none)"
                report.errors.append(f"ROLE     {shown}: gold {gold.role!r}, pred {predicted!r}")
    for i, g in enumerate(entities):
        if i not in found:
            report.errors.append(f"ENT-FN   {g.type:7} {g.labels[0]}")
    return report


# --------------------------------------------------------------------------- scope and running


def scoped_files(gold_files: set[str], dev_dir: Path, seeds_dir: Path, with_seeds: bool) -> list[str]:
    """The files to score: the dev corpus, plus the seeds when asked.

    Taken from the folders when they exist, else from the gold's own file names (dNN_… = dev),
    so that scoring saved CSVs works on a machine without ../shared.
    """
    def listed(folder: Path, fallback: set[str]) -> set[str]:
        if folder.is_dir():
            return {p.name for p in folder.glob("*.txt")} & gold_files
        return fallback

    dev = {f for f in gold_files if DEV_NAME.match(f)}
    files = listed(dev_dir, dev)
    if with_seeds:
        files |= listed(seeds_dir, gold_files - dev)
    return sorted(files)


def tool_command(cli: str | None) -> list[str]:
    """The CLI to run: --cli, else sscard-kg on PATH, else the one beside this Python."""
    if cli:
        return shlex.split(cli)
    found = shutil.which("sscard-kg") or shutil.which("sscard-kg", path=str(Path(sys.executable).parent))
    return [found or "sscard-kg"]


class ToolFailed(RuntimeError):
    """The tool could not build or query: there is nothing to score."""


def run(command: list[str]) -> str:
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, encoding="utf-8")
    except OSError as error:
        raise ToolFailed(f"cannot run {command[0]}: {error}") from error
    if done.returncode != 0:
        raise ToolFailed(f"{shlex.join(command)} exited {done.returncode}:\n{done.stderr.strip()}")
    return done.stdout


def build_and_query(cli: list[str], folders: list[Path]) -> tuple[str, str]:
    """Runs the contract CLI forms on a fresh store; returns the two CSV texts."""
    with tempfile.TemporaryDirectory(prefix="sscard-quality-") as tmp:
        store = str(Path(tmp) / "store")
        run([*cli, "build", *map(str, folders), "--store", store])
        measurements = run([*cli, "query", str(QUERY_MEASUREMENTS), "--store", store, "--format", "csv"])
        mentions = run([*cli, "query", str(QUERY_MENTIONS), "--store", store, "--format", "csv"])
    return measurements, mentions


# --------------------------------------------------------------------------- report


def evaluate(
    gold_measurements: list[GoldMeasurement],
    predictions: list[Prediction],
    gold_entities: list[GoldEntity],
    predicted_entities: list[PredictedEntity],
    files: list[str],
) -> dict[str, FileReport]:
    """One FileReport per scored file, measurements and entities together."""

    def of(items: list, name: str) -> list:
        return [item for item in items if item.file == name]

    reports = {}
    for name in files:
        report = score_measurements(of(gold_measurements, name), of(predictions, name))
        entities = score_entities(of(gold_entities, name), of(predicted_entities, name))
        report.tally.add(entities.tally)
        report.errors.extend(entities.errors)
        reports[name] = report
    return reports


def share(num: int, den: int) -> str:
    return f"{num}/{den} = {ratio(num, den):.3f}"


TABLE_HEADER = (
    f"{'file':30} {'gold':>4} {'pred':>4} {'TP':>3} {'FP':>3} {'FN':>3} {'P':>5} {'R':>5} {'F1':>5}"
    f" {'core':>6} {'tgt':>5} {'entP':>5} {'entR':>5}"
)


def table_row(name: str, t: Tally) -> str:
    return (
        f"{name[:30]:30} {t.gold:4} {t.pred:4} {t.tp:3} {t.fp:3} {t.fn:3}"
        f" {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}"
        f" {t.core_found:>2}/{t.core_gold:<3} {t.targets_found:>2}/{t.targets_gold:<2}"
        f" {t.ent_precision:5.2f} {t.ent_recall:5.2f}"
    )


def totals(t: Tally) -> list[str]:
    entity_f1 = harmonic(t.ent_precision, t.ent_recall)
    return [
        f"Measurements (level + change): P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}"
        f"   (TP {t.tp}, FP {t.fp}, FN {t.fn})",
        f"Targets found (scored apart):  {share(t.targets_found, t.targets_gold)}",
        f"Core recall:                   {share(t.core_found, t.core_gold)}",
        f"Core metric accuracy:          {share(t.core_metric_ok, t.core_found)}",
        f"Region accuracy (matched):     {share(t.region_ok, t.matched)}",
        f"Qualifier agreement (matched): {share(t.qualifier_ok, t.matched)}",
        f"Changes under a level notation: {t.change_as_level}    change sign disagreements: {t.sign_wrong}",
        f"Entities: P {t.ent_precision:.3f}  R {t.ent_recall:.3f}  F1 {entity_f1:.3f}"
        f"   (TP {t.ent_tp}, FP {t.ent_pred - t.ent_tp}, FN {t.ent_gold - t.ent_tp})",
        f"Official roles agreeing:       {share(t.role_ok, t.officials_found)}",
        f"Non-officials given a role:    {t.nonofficial_with_role} (must be 0)",
    ]


def render(reports: dict[str, FileReport], show_errors: bool, ignored: dict[str, int]) -> tuple[str, Tally]:
    """The per-file table, the totals, warnings and (on request) every mistake, file by file."""
    rule = "-" * len(TABLE_HEADER)
    lines = [TABLE_HEADER, rule]
    total = Tally()
    for name, report in reports.items():
        total.add(report.tally)
        lines.append(table_row(name, report.tally))
    lines += [rule, *totals(total)]
    for name, count in sorted(ignored.items()):
        lines.append(f"warning: {count} predicted row(s) not scored: {name}")
    if show_errors:
        for name, report in reports.items():
            if report.errors:
                lines.append(f"\n== {name}")
                lines += [f"  {e}" for e in report.errors]
    return "\n".join(lines), total


def out_of_scope(predictions: list, entities: list, files: list[str], gold_files: set[str]) -> dict[str, int]:
    """Predicted rows that no scored file explains: a stray input, or articles left unselected."""
    counts: dict[str, int] = defaultdict(int)
    for item in [*predictions, *entities]:
        if item.file in files:
            continue
        counts["articles not selected (see --seeds)" if item.file in gold_files else item.file or "(no file)"] += 1
    return counts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", action="store_true", help="also build and score the seed articles")
    parser.add_argument("--measurements", type=Path, help="read measurements.rq output from this CSV, do not build")
    parser.add_argument("--mentions", type=Path, help="read mentions.rq output from this CSV, do not build")
    parser.add_argument("--errors", action="store_true", help="list every false positive, miss, wrong metric/region")
    parser.add_argument("--min-f1", type=float, help="exit 1 when the measurement F1 is below this")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder with measurements.tsv and mentions.tsv")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dev corpus folder")
    parser.add_argument("--seeds-dir", type=Path, default=DEFAULT_SEEDS, help="seed articles folder")
    parser.add_argument("--cli", help="command that runs the tool (default: sscard-kg)")
    args = parser.parse_args(argv)
    if (args.measurements is None) != (args.mentions is None):
        parser.error("--measurements and --mentions go together")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    gold_measurements = load_gold_measurements(args.gold / "measurements.tsv")
    gold_entities = load_gold_mentions(args.gold / "mentions.tsv")
    gold_files = {g.file for g in gold_measurements} | {g.file for g in gold_entities}
    files = scoped_files(gold_files, args.dev, args.seeds_dir, args.seeds)
    if args.measurements:
        measurements_csv, mentions_csv = args.measurements, args.mentions
    else:
        folders = [args.dev] + ([args.seeds_dir] if args.seeds else [])
        try:
            measurements_csv, mentions_csv = build_and_query(tool_command(args.cli), folders)
        except ToolFailed as error:
            print(f"quality: {error}", file=sys.stderr)
            return 2
    predictions = load_predictions(measurements_csv)
    predicted_entities = load_predicted_mentions(mentions_csv)
    reports = evaluate(gold_measurements, predictions, gold_entities, predicted_entities, files)
    ignored = out_of_scope(predictions, predicted_entities, files, gold_files)
    text, total = render(reports, args.errors, ignored)
    print(text)
    if args.min_f1 is not None and total.f1 < args.min_f1:
        print(f"quality: measurement F1 {total.f1:.3f} is below --min-f1 {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
