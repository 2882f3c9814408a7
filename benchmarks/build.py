"""Build throughput: the seeds copied N times (each copy a distinct file), built from an empty store,
then built again unchanged. Reports articles/s, peak memory of the whole build (all processes)
and the time of the unchanged re-build.

    python benchmarks/build.py --copies 200 [--workers 2] [--keep /tmp/sscard-bench]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"


def run_build(args: list[str], env: dict | None = None) -> tuple[float, int, str, int]:
    """Run `sscard-kg build ARGS`: (seconds, peak RSS summed over its processes, stderr, PSS at that peak).

    RSS counts pages the worker processes share with their fork server once per process; PSS
    (proportional set size) splits them, so the PSS sum is the memory the build really holds.
    RSS is read every poll; PSS, which costs the kernel a walk of each process's memory (~16 ms
    of CPU for a build's five processes, 4% of the machine at every poll), only when the RSS sum
    passes the last sum it was read at by 5% (at 1%, a 1k build's growing memtables made it read
    ~80 times, 0.24 s of CPU taken from the build).
    """
    import psutil

    script = Path(sys.executable).with_name("sscard-kg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "sscard_kg.cli"]
    started = time.perf_counter()
    log = tempfile.TemporaryFile()  # not a pipe: thousands of failure lines would fill it and block the build
    process = subprocess.Popen([*command, "build", *args, "-q"], stdout=subprocess.DEVNULL, stderr=log, env=env)
    root = psutil.Process(process.pid)
    peak = peak_pss = 0
    pss_read_at = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in tree)
            peak = max(peak, rss)
            if rss > pss_read_at * 1.05:
                pss_read_at = rss
                peak_pss = max(peak_pss, sum(_pss(p) for p in tree))
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    log.seek(0)
    return seconds, peak, log.read().decode(), peak_pss


def _pss(process) -> int:
    """A process's PSS from the kernel's one-line summary (/proc/PID/smaps_rollup): reading every
    mapping (psutil's memory_full_info) took ~20 ms a poll, CPU the build being measured lost."""
    try:
        with open(f"/proc/{process.pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    info = process.memory_full_info()
    return getattr(info, "pss", info.rss)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def copies(count: int, folder: Path) -> int:
    """Each seed `count` times, each copy made distinct by a trailing line."""
    seeds = sorted((SHARED / "seeds").iterdir())
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        for seed in seeds:
            text = seed.read_bytes() + f"\n<!-- copy {index} -->\n".encode()
            (folder / f"{seed.stem}-{index:05d}{seed.suffix}").write_bytes(text)
    return count * len(seeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    parser.add_argument("--keep", type=Path, help="folder for the corpus and store (default: a temporary one)")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="sscard-bench-"))
    corpus, store = base / "corpus", base / "store"
    shutil.rmtree(store, ignore_errors=True)
    total = copies(args.copies, corpus)
    seconds, peak, log, pss = run_build([str(corpus), "--store", str(store), "--workers", str(args.workers)])
    print(log.strip().splitlines()[-1])
    again, again_peak, log, _ = run_build([str(corpus), "--store", str(store), "--workers", str(args.workers)])
    print(log.strip().splitlines()[-1])
    print(f"articles            {total}")
    print(f"build               {seconds:.1f} s, {total / seconds:.1f} articles/s, peak RSS {peak / 2**20:.0f} MiB (PSS {pss / 2**20:.0f} MiB)")
    print(f"unchanged re-build  {again:.2f} s, peak RSS {again_peak / 2**20:.0f} MiB")
    print(f"store size          {folder_size(store) / 2**20:.1f} MiB")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
