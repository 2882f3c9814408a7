#!/usr/bin/env python3
"""Score the tool on the held-out set (benchmarks/heldout/articles) with benchmarks/quality.py's rules.

quality.py selects the files to score by globbing `*.txt` in --dev, so on this set (which also has
.md and .html articles) it would leave 7 of 16 files out. This wrapper reuses its loading,
matching and reporting functions unchanged and scores every file the held-out gold names.

    python benchmarks/heldout/score.py                 # build into a temporary store, print the table
    python benchmarks/heldout/score.py --errors        # and every mistake, file by file
    python benchmarks/heldout/score.py --store DIR     # reuse (or keep) a store
    python benchmarks/heldout/score.py --articles benchmarks/heldout2/articles --gold benchmarks/heldout2/gold
                                                       # another held-out set with gold in the same format
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"
SCORER = HERE.parent / "quality.py"


def load_scorer():
    """benchmarks/ is not a package: load quality.py from its file."""
    spec = importlib.util.spec_from_file_location("sscard_quality", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def build_and_query(store: str, workers: int = 1, articles: Path = ARTICLES) -> tuple[str, str]:
    """Builds the held-out articles into `store` through the library; returns the two contract CSVs."""
    import sscard_kg
    from sscard_kg.use.query import write

    result = sscard_kg.build([str(articles)], store=store, workers=workers)
    if result.failed:
        raise RuntimeError(f"build failed for {result.failed}")
    measurements = write(sscard_kg.query("measurements", store=store), "csv")
    mentions = write(sscard_kg.query("mentions", store=store), "csv")
    return measurements, mentions


def evaluate(q, measurements_csv: str, mentions_csv: str, gold: Path = GOLD):
    """FileReports for every file of the held-out gold, and the summed Tally."""
    gold_measurements = q.load_gold_measurements(gold / "measurements.tsv")
    gold_entities = q.load_gold_mentions(gold / "mentions.tsv")
    files = sorted({g.file for g in gold_measurements} | {g.file for g in gold_entities})
    reports = q.evaluate(
        gold_measurements,
        q.load_predictions(measurements_csv),
        gold_entities,
        q.load_predicted_mentions(mentions_csv),
        files,
    )
    total = q.Tally()
    for report in reports.values():
        total.add(report.tally)
    return reports, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every mistake, file by file")
    parser.add_argument("--store", help="store folder to build into (default: a temporary one)")
    parser.add_argument("--measurements", type=Path, help="score this measurements.rq CSV instead of building")
    parser.add_argument("--mentions", type=Path, help="score this mentions.rq CSV instead of building")
    parser.add_argument("--articles", type=Path, default=ARTICLES,
                        help="folder of articles to build (default: benchmarks/heldout/articles)")
    parser.add_argument("--gold", type=Path, default=GOLD,
                        help="folder with measurements.tsv and mentions.tsv (default: benchmarks/heldout/gold)")
    args = parser.parse_args(argv)
    q = load_scorer()
    if args.measurements and args.mentions:
        measurements = args.measurements.read_text(encoding="utf-8")
        mentions = args.mentions.read_text(encoding="utf-8")
    elif args.store:
        measurements, mentions = build_and_query(args.store, articles=args.articles)
    else:
        with tempfile.TemporaryDirectory(prefix="sscard-heldout-") as tmp:
            measurements, mentions = build_and_query(str(Path(tmp) / "store"), articles=args.articles)
    reports, _ = evaluate(q, measurements, mentions, args.gold)
    text, _ = q.render(reports, args.errors, {})
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
