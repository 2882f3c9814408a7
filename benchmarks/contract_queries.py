"""Whole-store timings of the contract queries (queries/measurements.rq, queries/mentions.rq) through
the library, the CLI and the endpoint, and whether the three give the same rows in the same order.

    python benchmarks/contract_queries.py STORE [--runs 5] [--save DIR] [--compare DIR] [--queries DIR]

Each way is timed `--runs` times and its min and median printed: the machine is shared, so one run
says little. The library's time includes writing the CSV, as the CLI does; the endpoint's is one
POST through the guard (`sscard-kg serve`), the answer read whole. `--save DIR` writes the CLI's CSV
of each query to DIR; `--compare DIR` checks it byte for byte against a saved one. `--queries DIR`
times the queries of another checkout (an older version's, on a store it built).
"""

from __future__ import annotations

import argparse
import csv
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from serving import free_port, sscard_kg_command, start, stop  # noqa: E402

QUERIES = ("measurements", "mentions")


def timed(runs: int, work) -> tuple[list[float], object]:
    times, answer = [], None
    for _ in range(runs):
        started = time.perf_counter()
        answer = work()
        times.append(time.perf_counter() - started)
    return times, answer


def show(label: str, times: list[float]) -> None:
    print(f"  {label:10} min {min(times):6.2f} s   median {statistics.median(times):6.2f} s   "
          f"({', '.join(f'{t:.2f}' for t in times)})", flush=True)


def endpoint_rows(url: str, sparql: str) -> list[list[str]]:
    answer = requests.post(url, data=sparql.encode(), timeout=600,
                           headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    answer.raise_for_status()
    return list(csv.reader(io.StringIO(answer.content.decode("utf-8"), newline="")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--only", choices=("library", "cli", "endpoint"), action="append")
    parser.add_argument("--queries", type=Path, default=ROOT / "queries")
    args = parser.parse_args()
    ways = args.only or ["library", "cli", "endpoint"]

    from sscard_kg.graph.store import open_store
    from sscard_kg.use.query import run, write

    answers, same = {}, True
    port = free_port()
    server = None
    if "endpoint" in ways:
        server = start(args.store, "--port", str(port), "--page-port", "0", "--timeout", "0")
    try:
        for name in QUERIES:
            path = args.queries / f"{name}.rq"
            sparql = path.read_text(encoding="utf-8")
            print(name, flush=True)
            if "library" in ways:
                db = open_store(args.store, read_only=True)
                times, text = timed(args.runs, lambda: write(run(sparql, db), "csv"))
                show("library", times)
                answers[name, "library"] = list(csv.reader(io.StringIO(text, newline="")))
            if "cli" in ways:
                command = sscard_kg_command() + ["query", str(path), "--store", args.store, "--format", "csv"]
                times, out = timed(args.runs, lambda: subprocess.run(command, capture_output=True, check=True).stdout)
                show("cli", times)
                answers[name, "cli"] = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"{name}.csv").write_bytes(out)
                if args.compare:
                    saved = (args.compare / f"{name}.csv").read_bytes()
                    print(f"  cli csv {'identical to' if saved == out else 'DIFFERS from'} {args.compare}/{name}.csv")
                    same &= saved == out
            if server:
                url = f"http://127.0.0.1:{port}/query"
                times, rows = timed(args.runs, lambda: endpoint_rows(url, sparql))
                show("endpoint", times)
                answers[name, "endpoint"] = rows
            found = {way: answers[name, way] for way in ways}
            first = next(iter(found.values()))
            agree = all(rows == first for rows in found.values())
            print(f"  {len(first) - 1} rows; {' = '.join(found)}: {'same rows, same order' if agree else 'DIFFER'}")
            same &= agree
    finally:
        if server:
            stop(server[0])
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
