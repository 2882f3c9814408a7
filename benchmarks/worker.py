"""The worker path alone, in CPU seconds: read, extract and turn into RDF each article of a folder,
then validate them in batches as a build's workers do. No store, no processes: less noisy than a
whole build on a shared machine, and it shows where the time of each stage goes.

    python benchmarks/worker.py [FOLDER ...] [--generated 300] [--repeat 5] [--profile out.prof]

With no folder, `--generated` articles are generated (benchmarks/corpus.py) into a temporary
folder. Each repeat runs in a fresh process (the extractor's caches start empty, as in a build's
worker) after a warm-up (`batch.warm_up`), and the minimum and median are reported per stage.
`--profile` writes cProfile statistics of one more run and prints its top functions.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BATCH = 100  # articles per validation call, as pipeline.MAX_BATCH


def _measure(folders: list[str], profile: str | None) -> dict[str, float]:
    """One run in this process: CPU seconds per stage."""
    import gc

    import sscard_kg.builder.preload  # noqa: F401  (what a build's fork server loads before the workers start)
    from sscard_kg.read import sources
    from sscard_kg.builder.batch import warm_up
    from sscard_kg.extract.extract import extract, version
    from sscard_kg.graph.rdf import article_triples, nquads
    from sscard_kg.graph.validate import validate_graphs

    warm_up()
    refs = [ref for ref in sources.collect(folders) if isinstance(ref, sources.SourceRef)]
    data = [(ref, sources.read_file(ref.location)) for ref in refs]
    stamp = version()
    gc.collect()
    gc.freeze()  # as a build's worker does (batch.init_worker): no collection but once a batch
    gc.disable()
    times = {"read": 0.0, "extract": 0.0, "rdf": 0.0, "validate": 0.0, "nquads": 0.0, "gc": 0.0}
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    clock = time.process_time
    graphs: list[tuple] = []
    for start in range(0, len(data), BATCH):
        batch = {}
        for ref, raw in data[start:start + BATCH]:
            t0 = clock()
            article = sources.parse_bytes(raw, ref)
            t1 = clock()
            try:
                _, extraction = extract(article)
            except Exception:  # counted as the build would: the article fails, the rest go on
                times["extract"] += clock() - t1
                continue
            t2 = clock()
            graph, triples = article_triples(extraction, stamp)
            t3 = clock()
            times["read"] += t1 - t0
            times["extract"] += t2 - t1
            times["rdf"] += t3 - t2
            batch[graph.value] = triples
        t0 = clock()
        validate_graphs(batch)
        t1 = clock()
        for graph, triples in batch.items():
            from pyoxigraph import NamedNode

            graphs.append(nquads(NamedNode(graph), triples))
        times["validate"] += t1 - t0
        times["nquads"] += clock() - t1
        t0 = clock()
        gc.collect()  # as batch.run_worker_batch does
        gc.freeze()
        times["gc"] += clock() - t0
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    times["articles"] = len(data)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--generated", type=int, default=300, help="articles to generate when no folder is given")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", help="write cProfile statistics of one more run here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_measure(args.folders, args.profile)))
        return
    folders = args.folders
    if not folders:
        from corpus import generate

        folder = Path(tempfile.gettempdir()) / f"sscard-worker-{args.generated}"
        if not folder.exists():
            generate(args.generated, folder)
        folders = [str(folder)]
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run([sys.executable, __file__, "--child", *folders], check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout.splitlines()[-1]))
    stages = ["read", "extract", "rdf", "validate", "nquads", "gc"]
    print(f"{runs[0]['articles']:.0f} articles in {', '.join(folders)}; CPU seconds, {args.repeat} fresh processes")
    print(f"  {'stage':10} {'min':>7} {'median':>7}")
    for stage in [*stages, "total"]:
        values = [sum(r[s] for s in stages) if stage == "total" else r[stage] for r in runs]
        print(f"  {stage:10} {min(values):7.3f} {statistics.median(values):7.3f}")
    worker = [r["read"] + r["extract"] + r["rdf"] for r in runs]
    print(f"  read+extract+rdf {min(worker):.3f} min, {statistics.median(worker):.3f} median")
    if args.profile:
        subprocess.run([sys.executable, __file__, "--child", "--profile", args.profile, *folders], check=True,
                       capture_output=True)
        import pstats

        pstats.Stats(args.profile).sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
