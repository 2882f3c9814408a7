"""A build killed with SIGKILL at any moment leaves a store that opens, holds each article either
whole or not at all, and a re-run finishes the rest. The corpus is large enough for the build to
write its graphs in a bulk load (store.BULK_FROM), as builds of any size do.

Each trial starts a real `sscard-kg build` process, kills its whole process group at a random
moment, then opens the store and compares every article graph with the graph a reference build
made of the same file. Trials run on one store, with half the files changed between trials (so
kills land while graphs are replaced, not only added) and, every few trials, from an empty store.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_build_support import EXAMPLES, graphs, key_of, opened, vary

import sscard_kg
from sscard_kg.extract import extract
from sscard_kg.graph import summary
from sscard_kg.graph.store import BULK_FROM, article_states

KILLS = 20       # builds killed while running, at least
MAX_TRIALS = 48  # trials run on until enough kills landed, and at least two mid-write
MID_WRITE = 2    # kills during a bulk load, or between one article's transaction and the next
ARTICLES = 40
JOURNAL = "https://w3id.org/sscard-kg/id/loading"


def _command() -> list[str]:
    script = Path(sys.executable).with_name("sscard-kg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sscard_kg.cli"]


def _files(store: Path) -> dict[str, int]:
    """The sizes of the store's files: its write-ahead log grows as soon as a transaction commits;
    a bulk load first writes its own table files (`bulk-*.sst`), then commits them all at once."""
    try:
        return {entry.name: entry.stat().st_size for entry in os.scandir(store) if entry.name.endswith((".log", ".sst"))}
    except OSError:
        return {}


def _run(corpus: Path, store: Path, workers: int, kill_after: float | None = None,
         at_write: int = 0, at_bulk: bool = False) -> tuple[int, float, bool]:
    """Run a build; kill its process group with SIGKILL `kill_after` seconds after it starts, after
    its log has grown `at_write` times, or (`at_bulk`) after a bulk load began to write its files.
    Returns the exit code, how long it ran, and whether it was killed while a bulk load's files
    were not yet committed."""
    started = time.monotonic()
    last = _files(store)
    left = {name for name in last if name.startswith("bulk-")}  # a killed load's, removed by the next build
    environment = dict(os.environ, SSCARD_IN_PROCESS_BELOW="2")  # two workers use worker processes
    process = subprocess.Popen(
        [*_command(), "build", str(corpus), "--store", str(store), "--workers", str(workers), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=environment)
    writes = 0
    loading = False
    deadline = started + kill_after if kill_after is not None and not (at_write or at_bulk) else None
    while process.poll() is None:
        now = time.monotonic()
        sizes = _files(store)
        loading = any(name.startswith("bulk-") and name not in left for name in sizes)
        if deadline is None:
            writes += any(name.endswith(".log") and size > last.get(name, 0) for name, size in sizes.items())
            if (at_write and writes >= at_write) or (at_bulk and loading):
                deadline = now + (kill_after or 0)
        last = sizes
        if deadline is not None and now >= deadline:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            break
        time.sleep(0.001)
    return process.returncode, time.monotonic() - started, loading and process.returncode == -signal.SIGKILL


def _write(corpus: Path, versions: list[int]) -> None:
    for index, version in enumerate(versions):
        source = EXAMPLES[index % len(EXAMPLES)]
        path = corpus / f"a{index:03d}{source.suffix}"
        path.write_text(vary(source.read_text(encoding="utf-8"), index, version), encoding="utf-8")


def _same_reference(stamp: str) -> None:
    if extract.version() != stamp:
        pytest.skip("the ontology or extractor changed on disk while this test ran; nothing to compare with")


def test_a_killed_build_leaves_whole_articles_and_a_rerun_finishes(tmp_path):
    assert ARTICLES >= BULK_FROM
    rng = random.Random(7)
    stamp = extract.version()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    reference: list[dict[str, frozenset[str]]] = []
    for version in (0, 1):  # every article in two versions, built once each for reference
        _write(corpus, [version] * ARTICLES)
        sscard_kg.build([str(corpus)], store=str(tmp_path / f"reference-{version}"), workers=1)
        reference.append(graphs(tmp_path / f"reference-{version}"))
    default_graph = reference[0][""]
    assert len(reference[0]) == ARTICLES + 1 and all(reference[0][g] != reference[1][g] for g in reference[0] if g)

    # how long a whole build takes, with one and with two workers
    store = tmp_path / "store"
    versions = [1] * ARTICLES  # the corpus as the last reference build left it
    timing = {}
    for workers in (1, 2):
        shutil.rmtree(store, ignore_errors=True)
        code, timing[workers], _ = _run(corpus, store, workers)
        assert code == 0
        print(f"{workers} workers: {timing[workers]:.2f} s")

    found = graphs(store)
    killed = mid_write = trial = 0
    while (killed < KILLS or mid_write < MID_WRITE) and trial < MAX_TRIALS:
        if trial % 6 == 0:
            shutil.rmtree(store, ignore_errors=True)
            found = {}
        else:  # most articles changed (a bulk load), or a few (a transaction each)
            changed = ARTICLES - 4 if trial % 3 else BULK_FROM // 4
            for index in rng.sample(range(ARTICLES), changed):
                versions[index] = 1 - versions[index]
            _write(corpus, versions)
        expected = {name: reference[versions[_index(corpus, name)]][name] for name in reference[0] if name}
        to_write = {name for name in expected if found.get(name) != expected[name]}
        workers = 2 if trial % 5 == 2 else 1
        share = len(to_write) / ARTICLES
        started = time.monotonic()
        in_bulk = False
        if trial % 4 == 3:  # at any moment, start-up included
            code, *_ = _run(corpus, store, workers, rng.uniform(0.05, timing[workers] * (0.5 + 0.5 * share)))
        elif len(to_write) >= BULK_FROM:  # once its bulk load begins: during the load, or after it
            code, _, in_bulk = _run(corpus, store, workers, rng.uniform(0, 0.15), at_bulk=True)
        else:  # while it writes one transaction each: a little after one of its first writes
            code, *_ = _run(corpus, store, workers, rng.uniform(0, 0.02), at_write=rng.randint(1, 3))
        killed += code == -signal.SIGKILL

        found = graphs(store)  # the store opens
        _same_reference(stamp)
        assert JOURNAL not in found
        assert found.get("", default_graph) == default_graph, f"trial {trial}: reference data partly loaded"
        for name, quads in found.items():
            if name:
                assert quads in (reference[0][name], reference[1][name]), f"trial {trial}: {name} is not whole"
        written = sum(found.get(name) == expected[name] for name in to_write)
        mid_write += in_bulk or 0 < written < len(to_write)
        print(f"trial {trial}: {workers} workers, exit {code} after {time.monotonic() - started:.2f} s, "
              f"{written} of {len(to_write)} written")
        trial += 1

    code, *_ = _run(corpus, store, workers=2)
    assert code == 0
    assert not list(store.glob("bulk-*")), "the files of a killed bulk load were left in the store"
    _same_reference(stamp)
    expected[""] = default_graph
    assert graphs(store) == expected
    with opened(store) as db:  # and the figures summarise what the store now holds
        assert summary.summarised(db) == summary.digest(article_states(db))
    assert killed >= KILLS, f"only {killed} of {trial} builds were still running when killed"
    assert mid_write >= MID_WRITE, f"only {mid_write} kills landed while articles were being written"


def _index(corpus: Path, name: str) -> int:
    """The corpus position of an article graph (graphs are named from the file's key)."""
    from sscard_kg.graph.rdf import article_iri

    for index in range(ARTICLES):
        suffix = EXAMPLES[index % len(EXAMPLES)].suffix
        if article_iri(key_of(corpus / f"a{index:03d}{suffix}")).value == name:
            return index
    raise KeyError(name)


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[-1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return False


def test_workers_leave_when_their_build_is_killed(tmp_path):
    """Only the build process is killed: its worker processes and their fork server must go too."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, [0] * ARTICLES)
    environment = dict(os.environ, SSCARD_IN_PROCESS_BELOW="2")
    process = subprocess.Popen(
        [*_command(), "build", str(corpus), "--store", str(tmp_path / "store"), "--workers", "2", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    helpers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(helpers) < 3 and process.poll() is None and time.monotonic() < deadline:
        helpers = _descendants(process.pid)  # fork server, two workers (and a resource tracker)
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before its workers were seen"
    process.kill()
    process.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in helpers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"{len(left)} helper processes outlived the killed build"
