"""The store never loses what it had: --store never writes into a folder of the user's, and two
builds creating one store leave one store."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_build_support import EXAMPLES, cli


def build(*paths: str, store: Path, prune: bool = False):
    return cli("build", *paths, "--store", str(store), "--workers", "1", "-q", *(["--prune"] if prune else []))


def summary(result) -> str:
    return result.stderr.strip().splitlines()[-1]


def error_line(result) -> str:
    """The one line of a refused build: `error: PATH: problem`, and nothing else."""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert result.exit_code != 0
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --store

def test_store_refuses_an_ordinary_folder_and_leaves_it_as_it_was(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("buy milk\n", encoding="utf-8")
    (folder / "LOG").write_text("my own log\n", encoding="utf-8")
    before = snapshot(folder)
    result = build(str(EXAMPLES[0]), store=folder)
    assert error_line(result) == f"error: {folder}: not a store and not empty; name a new or empty folder for the store"
    assert snapshot(folder) == before


def test_store_refuses_a_file(tmp_path):
    path = tmp_path / "store.txt"
    path.write_text("not a store\n", encoding="utf-8")
    assert error_line(build(str(EXAMPLES[0]), store=path)) == \
        f"error: {path}: a file, not a store folder; name a new or empty folder for the store"
    assert path.read_text(encoding="utf-8") == "not a store\n"


def test_store_accepts_an_empty_folder_and_its_own_store(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    assert summary(build(str(EXAMPLES[0]), store=folder)) == "1 built, 0 unchanged, 0 failed"
    assert summary(build(str(EXAMPLES[0]), store=folder)) == "0 built, 1 unchanged, 0 failed"


# two builds creating one store

HOLD_STORE = """
import sys
from sscard_kg.store import open_store
db = open_store(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
"""


def test_the_build_that_loses_the_race_to_create_a_store_says_busy_and_leaves_nothing(tmp_path, monkeypatch):
    """The other build creates the store (and holds it) between this build's look and its move."""
    store = tmp_path / "store"
    rename = os.rename
    other = []

    def other_build_wins_first(source, target):
        if Path(target) == store and not other:
            other.append(subprocess.Popen([sys.executable, "-c", HOLD_STORE, str(store)],
                                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True))
            assert other[0].stdout.readline() == "open\n"
        return rename(source, target)

    monkeypatch.setattr(os, "rename", other_build_wins_first)
    try:
        result = build(str(EXAMPLES[0]), store=store)
    finally:
        monkeypatch.undo()
        for process in other:
            process.communicate("")
    assert other, "the build never moved a new store into place"
    assert error_line(result).startswith(f"error: {store}: store busy: another sscard-kg process is using it")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    assert summary(build(str(EXAMPLES[0]), store=store)) == "1 built, 0 unchanged, 0 failed"


def test_a_build_leaves_another_builds_new_store_alone_and_clears_a_dead_ones(tmp_path):
    """A `.store.creating-PID` folder is another build's work while that process lives."""
    store = tmp_path / "store"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (tmp_path / f".store.creating-{dead}").mkdir()
    live = tmp_path / f".store.creating-{os.getppid()}"
    live.mkdir()
    assert summary(build(str(EXAMPLES[0]), store=store)) == "1 built, 0 unchanged, 0 failed"
    assert sorted(p.name for p in tmp_path.iterdir()) == [live.name, "store"]

