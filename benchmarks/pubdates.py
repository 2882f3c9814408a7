#!/usr/bin/env python3
"""The publication date the tool gives each article, against the date the corpora record for it.

The expected dates are read where they are kept, never copied here: the `published` column of
`../shared/corpus/dev2/MANIFEST.tsv` and `../shared/eval/set-a/MANIFEST.tsv`, and for the dev
corpus and the seeds the table "Publication dates used for undated figures" of
benchmarks/gold/README.md. Each article is read from its file, as a build reads it (the URL
column of a MANIFEST is not given to the tool unless `--with-url`).

A date agrees when the tool's date, cut to the expected precision, is one of the expected
dates (`2014-07-30/31` accepts either day). A date coarser than expected does not agree; it is
counted apart as `coarser` when it is right as far as it goes (2019-08 for 2019-08-14).

    python benchmarks/pubdates.py                 # the table and the counts
    python benchmarks/pubdates.py --with-url      # the same, each article given its MANIFEST URL
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
GOLD_README = HERE / "gold" / "README.md"
MANIFESTS = {"dev2": SHARED / "corpus" / "dev2", "set-a": SHARED / "eval" / "set-a"}
README_CORPORA = {"dev": SHARED / "corpus" / "dev", "seeds": SHARED / "seeds"}
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}(?:-\d{2}(?:-\d{2}(?:/\d{2})*)?)?)(?![\d-])")


def accepted_dates(field: str) -> tuple[str, ...]:
    """The dates a `published` cell accepts: its first date, each day of `2014-07-30/31`."""
    match = DATE.search(field)
    if not match:
        return ()
    first, *days = match.group(1).split("/")
    return (first,) + tuple(first[:8] + day for day in days)


def manifest_rows(folder: Path) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    """(file, the cell as written, accepted dates, URL) for each article of a MANIFEST."""
    with open(folder / "MANIFEST.tsv", encoding="utf-8") as handle:
        return [(row["file"], row["published"], accepted_dates(row["published"]), row.get("url") or None)
                for row in csv.DictReader(handle, delimiter="\t")]


def readme_rows(folder: Path) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    """The rows of the README's publication-date table whose files are in `folder`
    (`| d01 / d02 | 2011-08-31 / 2011-09-06 | shown |` names two)."""
    text = GOLD_README.read_text(encoding="utf-8")
    table = text.split("### Publication dates used for undated figures", 1)[1].split("\n## ", 1)[0]
    files = sorted(p.name for p in folder.iterdir() if p.name != "MANIFEST.tsv")
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not DATE.search(cells[1]):
            continue
        for prefix, when in zip(cells[0].split(" / "), cells[1].split(" / ")):
            rows += [(name, f"{when} ({cells[2]})", accepted_dates(when), None)
                     for name in files if name.startswith(prefix.strip() + "_")]
    return rows


def verdict(found: str | None, accepted: tuple[str, ...]) -> str:
    """`yes` when `found` agrees with an accepted date, `coarser` when it is right only as far as it goes."""
    if found and any(len(found) >= len(a) and found[:len(a)] == a for a in accepted):
        return "yes"
    if found and any(a.startswith(found) for a in accepted):
        return "coarser"
    return "NO"


def tool_date(path: Path, url: str | None) -> tuple[str | None, bool]:
    """(publication date, stated) as the tool gives them after reading the whole article."""
    from sscard_kg.extract.extract import extract
    from sscard_kg.read.sources import SourceRef, read

    article = read(SourceRef(str(path), path.name))
    if url and not article.url:
        article = replace(article, url=url)
    _, extraction = extract(article)
    return extraction.article.published, extraction.article.date_stated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--with-url", action="store_true", help="give each article its MANIFEST URL")
    args = parser.parse_args(argv)
    groups = {name: (folder, manifest_rows(folder)) for name, folder in MANIFESTS.items()}
    groups |= {name: (folder, readme_rows(folder)) for name, folder in README_CORPORA.items()}
    print("corpus\tfile\texpected\ttool\thow\tagrees")
    totals = []
    for name, (folder, rows) in groups.items():
        counts = {"yes": 0, "coarser": 0, "NO": 0}
        for file, written, accepted, url in rows:
            found, stated = tool_date(folder / file, url if args.with_url else None)
            result = verdict(found, accepted)
            counts[result] += 1
            how = "stated" if stated else "inferred" if found else "-"
            print(f"{name}\t{file}\t{written[:60]}\t{found or '-'}\t{how}\t{result}")
        totals.append(f"{name} {counts['yes']}/{len(rows)} (coarser {counts['coarser']}, wrong {counts['NO']})")
    print("agree: " + ", ".join(totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
