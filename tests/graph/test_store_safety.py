"""The store never loses what it had: --prune drops only articles whose file is gone from a folder
named on the command line, an article is its file whatever the path's spelling, --store never
writes into a folder of the user's, and two builds creating one store leave one store."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_build_support import EXAMPLES, cli, key_of, make_corpus, opened, source_keys

from sscard_kg.builder.batch import Task, run_batch
from sscard_kg.read.sources import SourceRef

SS = "https://w3id.org/sscard-kg/ontology#"


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


def files_column(store: Path) -> list[str]:
    """The contract query's `file` column: the source file's name, one row per article."""
    with opened(store) as db:
        return sorted(row["f"].value for row in db.query(
            f"SELECT ?f WHERE {{ GRAPH ?g {{ ?a <{SS}sourceFile> ?f }} }}"))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture()
def two_folders(tmp_path):
    """Two folders of articles built into one store."""
    first, second = tmp_path / "first", tmp_path / "second"
    make_corpus(first, 3)
    make_corpus(second, 3, version=1)
    store = tmp_path / "store"
    assert build(str(first), str(second), store=store).exit_code == 0
    return first, second, store


# --prune

def test_prune_with_a_mistyped_folder_prunes_nothing(two_folders, tmp_path):
    first, second, store = two_folders
    before = source_keys(store)
    (first / "a000.txt").unlink()
    result = build(str(first), str(tmp_path / "frist"), store=store, prune=True)
    assert f"failed: {tmp_path / 'frist'}: no such file or folder" in result.stderr
    assert result.exit_code == 1
    assert source_keys(store) == before
    assert summary(result) == "0 built, 2 unchanged, 1 failed, nothing pruned: not every path could be listed"


def test_prune_with_one_file_of_a_folder_keeps_the_folders_other_articles(two_folders):
    first, second, store = two_folders
    before = source_keys(store)
    result = build(str(first / "a001.md"), store=store, prune=True)
    assert result.exit_code == 0, result.output
    assert summary(result) == "0 built, 1 unchanged, 0 failed, 0 pruned"
    assert source_keys(store) == before


def test_prune_drops_only_what_is_gone_from_the_folders_named(two_folders):
    first, second, store = two_folders
    (first / "a000.txt").unlink()
    (second / "a002.txt").unlink()
    result = build(str(first), store=store, prune=True)
    assert summary(result) == "0 built, 2 unchanged, 0 failed, 1 pruned"
    assert key_of(first / "a000.txt") not in source_keys(store)
    assert key_of(second / "a002.txt") in source_keys(store)  # gone too, but its folder was not named
    assert len(source_keys(store)) == 5


# identity

def test_the_same_folder_from_another_directory_or_spelling_is_the_same_articles(two_folders, monkeypatch):
    first, second, store = two_folders
    before = source_keys(store)
    monkeypatch.chdir(first)
    assert summary(build(".", store=store)) == "0 built, 3 unchanged, 0 failed"
    assert summary(build("./a000.txt", "a001.md", f"../{first.name}/a002.txt", store=store)) == \
        "0 built, 3 unchanged, 0 failed"
    monkeypatch.chdir(first.parent)
    assert summary(build(f"{first.name}//", f"./{second.name}/../{first.name}/a000.txt", store=store)) == \
        "0 built, 3 unchanged, 0 failed"
    assert source_keys(store) == before
    assert before == {key_of(path) for folder in (first, second) for path in folder.iterdir()}


def test_two_files_of_one_name_in_two_folders_are_two_articles(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x.txt").write_text(EXAMPLES[0].read_text(encoding="utf-8"), encoding="utf-8")
    (second / "x.txt").write_text(EXAMPLES[1].read_text(encoding="utf-8"), encoding="utf-8")
    store = tmp_path / "store"
    assert summary(build(str(first / "x.txt"), store=store)) == "1 built, 0 unchanged, 0 failed"
    assert summary(build(str(second / "x.txt"), store=store)) == "1 built, 0 unchanged, 0 failed"
    assert source_keys(store) == {key_of(first / "x.txt"), key_of(second / "x.txt")}
    assert files_column(store) == ["x.txt", "x.txt"]  # the contract's `file` is still the name


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
from sscard_kg.graph.store import open_store
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


def test_a_store_from_before_paths_were_keys_loses_its_duplicates_not_its_articles(tmp_path):
    """Graphs keyed `corpus/a000.txt` (the folder's name) or `a001.md` (a file named alone) are the
    same articles as the files' paths now name, when the bytes are the same; a changed one stays."""
    from sscard_kg.extract.extract import version
    from sscard_kg.graph.rdf import article_iri
    from sscard_kg.graph.store import open_store, write_graphs

    corpus = tmp_path / "corpus"
    paths = make_corpus(corpus, 3)
    store = tmp_path / "store"
    db = open_store(store)
    for path, old_key in zip(paths, ("corpus/a000.txt", "a001.md", "corpus/a002.txt")):
        (outcome,) = run_batch([Task(SourceRef(str(path), old_key))], version())
        assert outcome.error is None
        write_graphs(db, {article_iri(old_key).value: outcome.nquads})
    del db
    gc.collect()
    paths[2].write_text(paths[2].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert summary(build(str(corpus), store=store)) == "3 built, 0 unchanged, 0 failed"
    assert source_keys(store) == {key_of(path) for path in paths} | {"corpus/a002.txt"}
