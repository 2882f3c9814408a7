"""Scale benchmark: build N generated articles (benchmarks/corpus.py), then report articles/s, peak
RSS of the build (all processes), store size, the unchanged re-build time, the latency (p50/p99) of
each named query in queries/, and the floor: the same quads loaded by Oxigraph's bulk loader alone.

    python benchmarks/scale.py 1000 10000 [--workers 2] [--repeat 3] [--base /tmp/sscard-scale]

With --repeat R each build from an empty store runs R times and the median is reported with every
run: a shared machine's speed drifts from minute to minute. A fixed Python loop is timed before
and after the builds: how fast the machine and the interpreter ran plain Python then (lower is
faster), a rough guide only, as a build also waits on memory and the disk. The build runs with
the `sscard-kg` of the Python that runs this script.

Targets: >= 100 articles/s on 2 cores, unchanged 10k re-build < 5 s, peak RSS < 1 GiB,
named queries p99 < 100 ms at 10k articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
from collections import Counter
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build import folder_size, run_build  # noqa: E402
from corpus import generate  # noqa: E402

QUERY_RUNS = 30
QUERY_BUDGET = 10.0  # seconds per named query at most


# What an analyst asks of each named query: narrowed by its parameters (the whole store when a
# query takes none). `article` is narrowed to the first file of the store, found at run time.
QUESTIONS = {
    "time-series": {"metric": "card-holders"},
    "latest-figures": {"metric": "card-holders"},
    "conflicting-figures": {"metric": "card-holders"},
    "who-announced": {"official": "卢爱红"},
    "mentioning-articles": {"label": "电子社保卡"},
}


def _timed_runs(name: str, params: dict | None, store: str, out) -> None:
    from sscard_kg.use.query import resolve, run
    from sscard_kg.graph.store import open_store

    db, sparql = open_store(store, read_only=True), resolve(name)
    times, budget = [], time.perf_counter() + QUERY_BUDGET
    for _ in range(QUERY_RUNS + 1):  # the first run fills caches: not counted
        started = time.perf_counter()
        rows = len(run(sparql, db, params))
        times.append((time.perf_counter() - started) * 1000)
        out.put((times[1:] or times, rows))
        if time.perf_counter() > budget:
            break


def _questions(store: Path) -> list[tuple[str, dict | None]]:
    """Each named query narrowed as an analyst would, then each whole (the contract queries are exports)."""
    from sscard_kg.use.query import named_queries, query

    first = query("SELECT ?file WHERE { GRAPH ?g { ?a <https://w3id.org/sscard-kg/ontology#sourceFile> ?file } } "
                  "ORDER BY ?file LIMIT 1", store=str(store)).rows
    questions = dict(QUESTIONS, article={"file": first[0]["file"]} if first else None)
    narrowed = [(name, questions[name]) for name in named_queries() if questions.get(name)]
    return narrowed + [(name, None) for name in named_queries()]


def query_latency(store: Path, timeout: float = 60.0) -> dict[str, tuple[float, float, int]]:
    """p50 and p99 of each named query, each in its own process so a slow one can be stopped."""
    import multiprocessing
    import queue

    latency = {}
    for name, params in _questions(store):
        label = name + (" " + " ".join(f"{k}={v}" for k, v in params.items()) if params else " (whole store)")
        out = multiprocessing.Queue()
        worker = multiprocessing.Process(target=_timed_runs, args=(name, params, str(store), out))
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            worker.kill()
            worker.join()
        times, rows = [], 0
        while True:
            try:
                times, rows = out.get_nowait()
            except queue.Empty:
                break
        if not times:
            print(f"  {label:48} over {timeout:.0f} s", flush=True)
            continue
        times.sort()
        latency[label] = statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))], len(times)
        print(f"  {label:48} {latency[label][0]:9.1f} {latency[label][1]:9.1f}  ({len(times)} runs, {rows} rows)",
              flush=True)
    return latency


def floor(store: Path, work: Path, articles: int) -> tuple[float, int]:
    """Seconds for the bulk loader alone to load the article graphs the build wrote.

    The store is dumped by Oxigraph to a file and the default graph's lines (the reference data,
    which is not an article's) left out as the file is copied, a line at a time: a hundred thousand
    articles' thirty million quads never sit in memory as Python objects."""
    from pyoxigraph import DefaultGraph, RdfFormat, Store

    source = Store.read_only(str(store))
    everything, shard = work / "floor-all.nq", work / "floor.nq"
    source.dump(str(everything), format=RdfFormat.N_QUADS)
    reference = set(source.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()).splitlines(keepends=True))
    del source
    quads = 0
    with everything.open("rb") as lines, shard.open("wb") as out:
        for line in lines:
            if line not in reference:
                out.write(line)
                quads += 1
    everything.unlink()
    target = work / "floor-store"
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    db = Store(str(target))
    db.bulk_load(path=str(shard), format=RdfFormat.N_QUADS)
    db.flush()
    seconds = time.perf_counter() - started
    del db
    shutil.rmtree(target, ignore_errors=True)
    shard.unlink()
    return seconds, quads


def reference_loop() -> float:
    """CPU seconds of a fixed pure-Python loop: how fast this machine and interpreter run Python now."""
    started = time.process_time()
    total = 0
    for i in range(5_000_000):
        total += i * i % 7
    return time.process_time() - started


def run(count: int, base: Path, workers: int, query_timeout: float = 30.0, repeat: int = 1) -> None:
    corpus, store = base / f"corpus-{count}", base / f"store-{count}"
    if not corpus.exists():
        generate(count, corpus)
    args = [str(corpus), "--store", str(store), "--workers", str(workers)]
    speed_before = reference_loop()
    builds = []
    for _ in range(repeat):
        shutil.rmtree(store, ignore_errors=True)
        builds.append(run_build(args))
    speed_after = reference_loop()
    seconds = statistics.median(b[0] for b in builds)
    peak, pss = max(b[1] for b in builds), max(b[3] for b in builds)
    log = builds[-1][2]
    rate = count / seconds
    print(f"\n== {count} articles, {workers} workers ==", flush=True)
    print(f"machine             reference loop {speed_before:.2f} s before the builds, {speed_after:.2f} s after; "
          f"Python {sys.version.split()[0]} at {sys.executable}")
    print(f"build               {log.strip().splitlines()[-1]}")
    reasons = Counter(line.split(": ")[-1][:80] for line in log.splitlines() if line.startswith("failed: "))
    for reason, times in reasons.most_common(5):
        print(f"  failed {times} times: {reason}")
    runs = f" (median of {repeat}: " + ", ".join(f"{count / b[0]:.1f}" for b in builds) + ")" if repeat > 1 else ""
    print(f"                    {seconds:.1f} s, {rate:.1f} articles/s{runs}, "
          f"peak RSS {peak / 2**20:.0f} MiB (PSS {pss / 2**20:.0f} MiB)", flush=True)
    again, again_peak, log_again, _ = run_build(args)
    print(f"unchanged re-build  {again:.2f} s ({log_again.strip().splitlines()[-1]}), "
          f"peak RSS {again_peak / 2**20:.0f} MiB", flush=True)
    floor_seconds, quads = floor(store, base, count)
    floor_rate = count / floor_seconds
    print(f"store size          {folder_size(store) / 2**20:.1f} MiB, {quads} article quads")
    print(f"floor (bulk load)   {floor_seconds:.2f} s, {floor_rate:.0f} articles/s; build/floor = {rate / floor_rate:.3f}")
    print(f"  {'named query':48} {'p50 ms':>9} {'p99 ms':>9}", flush=True)
    query_latency(store, query_timeout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--base", type=Path, default=Path("/tmp/sscard-scale"))
    parser.add_argument("--repeat", type=int, default=1, help="builds from an empty store per size (median reported)")
    parser.add_argument("--query-timeout", type=float, default=30.0, help="seconds before a named query is stopped")
    args = parser.parse_args()
    args.base.mkdir(parents=True, exist_ok=True)
    for count in args.counts:
        run(count, args.base, args.workers, args.query_timeout, args.repeat)


if __name__ == "__main__":
    main()
