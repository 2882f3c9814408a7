"""What the guard in front of Oxigraph's server costs, and how soon the endpoint is back.

Serves the seeds (built into a fresh store) and reports:
- the median time of `ASK {}` and of the card-holders query, through the guard and straight to
  the engine behind it;
- the time from killing the engine (SIGABRT, as an abort would) to the next answered query;
- the time from the end of a build into the served store to the first answer that includes it.

    python benchmarks/serve_guard.py [--rounds 200]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from serving import free_port, start, stop  # noqa: E402

import sscard_kg  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CARD_HOLDERS = """PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?value ?asOf WHERE { GRAPH ?g { ?m ss:metric/skos:notation "card-holders" ; ss:value ?value ;
ss:asOf ?asOf } } ORDER BY ?asOf ?value"""
GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JSON = {"Accept": "application/sparql-results+json"}


def median_ms(url: str, query: str, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        requests.get(url, params={"query": query}, headers=JSON, timeout=30).raise_for_status()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def engine_pid(process: subprocess.Popen) -> int:
    return int(subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()[0])


def engine_port(pid: int) -> int:
    """The loopback port the engine listens on, from its command line."""
    command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    return int(command[command.index(b"--bind") + 1].rsplit(b":", 1)[1])


def back_after_kill(process: subprocess.Popen, url: str) -> float:
    os.kill(engine_pid(process), signal.SIGABRT)
    began = time.perf_counter()
    while requests.get(url, params={"query": "ASK {}"}, headers=JSON, timeout=30).status_code != 200:
        pass
    return time.perf_counter() - began


def graphs(url: str) -> int:
    answer = requests.get(url, params={"query": GRAPHS}, headers=JSON, timeout=30).json()
    return int(answer["results"]["bindings"][0]["n"]["value"])


def build_seen_after(store: str, url: str) -> float:
    sscard_kg.build([str(EXAMPLES)], store=store, workers=1)
    expected = int(sscard_kg.query(GRAPHS, store=store).rows[0]["n"])
    began = time.perf_counter()
    while graphs(url) != expected:
        time.sleep(0.02)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    store = str(Path(tempfile.mkdtemp(prefix="sscard-guard-")) / "store")
    sscard_kg.build([str(SHARED / "seeds")], store=store, workers=1)
    port = free_port()
    process, _ = start(store, "--port", str(port), "--page-port", "0")
    guard = f"http://127.0.0.1:{port}/query"
    try:
        engine = f"http://127.0.0.1:{engine_port(engine_pid(process))}/query"
        for name, query in (("ASK {}", "ASK {}"), ("card-holders", CARD_HOLDERS)):
            print(f"{name:14} guard {median_ms(guard, query, args.rounds):6.2f} ms   "
                  f"engine {median_ms(engine, query, args.rounds):6.2f} ms   (median of {args.rounds})")
        kills = [back_after_kill(process, guard) for _ in range(10)]
        print(f"engine killed: next answer after {statistics.median(kills) * 1000:.0f} ms "
              f"(median of 10, worst {max(kills) * 1000:.0f} ms)")
        print(f"build into the served store: served {build_seen_after(store, guard):.2f} s after it ended")
    finally:
        stop(process)


if __name__ == "__main__":
    main()
