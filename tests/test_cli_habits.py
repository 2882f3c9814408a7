"""The command line behaves the way sqlite-utils, datasette and oxigraph taught users to expect:
it names its version, counts what a store holds, removes an article, completes in the shell,
says when a page is the last, and never answers a mistake with silence."""

from __future__ import annotations

import gc
import os
import json
import re
import shutil
import subprocess
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store, parse
from typer.testing import CliRunner

import sscard_kg
from serving import sscard_kg_command
from sscard_kg.cli import app

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
README = (REPO / "README.md").read_text(encoding="utf-8")
SS = "https://w3id.org/sscard-kg/ontology#"
MEASUREMENT = f"<{SS}Measurement>"
runner = CliRunner()


def _build(folder: Path, store: Path) -> str:
    result = sscard_kg.build([str(folder)], store=str(store), workers=1)
    assert result.ok, result.failed
    gc.collect()  # release the store's lock before another command opens it
    return str(store)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    """The examples, built once; the tests here only read it."""
    return _build(EXAMPLES, tmp_path_factory.mktemp("habits") / "store")


def run(*args: str, **env: str):
    return runner.invoke(app, list(args), env=env or None)


# ---------------------------------------------------------------- version, completion, stats, remove

def test_version_names_the_package_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"sscard-kg {sscard_kg.__version__}"


def test_shell_completion_script_is_offered():
    # typer's own switch for tests: the shell is the one named, not the one that started the tests
    # (a run with no shell among its parents could not tell which script to offer)
    env = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = subprocess.run([*sscard_kg_command(), "--show-completion", "bash"], capture_output=True, text=True,
                            timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "complete -o default -F _sscard_kg_completion sscard-kg" in result.stdout
    assert "_SSCARD_KG_COMPLETE=complete_bash" in result.stdout


def test_stats_counts_the_articles_and_their_figures_by_metric(store):
    result = run("stats", "--store", store)
    assert result.exit_code == 0, result.output
    lines = dict(re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in result.stdout.splitlines())
    assert lines["articles"] == str(len(list(EXAMPLES.iterdir())))
    by_metric = Counter(row["metric"] for row in sscard_kg.query("measurements", store=store).rows if row["metric"])
    assert by_metric and all(lines[metric] == str(count) for metric, count in by_metric.items())
    assert lines["graphs"].startswith(f"{int(lines['articles']) + 1} ")  # and the figures summary
    assert float(lines["store size"].split()[0]) > 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", lines["last written"])


def test_stats_of_a_missing_store_says_so(tmp_path):
    result = run("stats", "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "no store here" in result.stderr


def test_remove_takes_an_article_by_any_path_that_reaches_its_file(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus)
    (tmp_path / "link").symlink_to(corpus)
    store = _build(corpus, tmp_path / "store")
    name = sorted(path.name for path in corpus.iterdir())[0]
    monkeypatch.chdir(tmp_path)

    result = run("remove", f"link/{name}", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"removed {corpus / name}"
    files = {row["file"] for row in sscard_kg.query("measurements", store=store).rows}
    assert name not in files and files
    series = {row["file"] for row in sscard_kg.query("time-series", store=store).rows}
    assert name not in series  # the figures summary no longer counts it
    again = run("remove", str(corpus / name), "--store", store)
    assert again.exit_code == 1 and "no such article in the store" in again.stderr


def test_remove_of_an_article_not_in_the_store_removes_nothing(store):
    from sscard_kg.builder.pipeline import remove

    before = sscard_kg.query("measurements", store=store).rows
    with pytest.raises(sscard_kg.StoreError, match=r"^https://example\.org/a\.html: no such article"):
        remove([str(sorted(EXAMPLES.iterdir())[0]), "https://user:secret@example.org/a.html"], store=store)
    gc.collect()
    assert sscard_kg.query("measurements", store=store).rows == before


# ---------------------------------------------------------------- query

def test_limit_prints_that_many_rows_and_says_how_many_there_were(store):
    whole = sscard_kg.query("measurements", store=store).rows
    result = run("query", "measurements", "--store", store, "--format", "csv", "--limit", "2")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 + 2
    assert f"the first 2 of {len(whole)} rows" in result.stderr


def test_a_page_that_is_the_last_says_so(store):
    result = run("query", "mentioning-articles", "--store", store, "--format", "csv")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 1
    assert "the last" in result.stderr and "--page 2" not in result.stderr


def test_a_parameter_value_the_store_does_not_hold_is_named(store):
    result = run("query", "time-series", "--store", store, "--param", "metric=card-holderz")
    assert result.exit_code == 0
    assert "no metric 'card-holderz'" in result.stderr
    found = run("query", "time-series", "--store", store, "--param", "metric=card-holders")
    assert "no metric" not in found.stderr


def test_a_repeated_parameter_is_refused(store):
    result = run("query", "time-series", "--store", store, "-p", "metric=card-holders", "-p", "metric=ecard-holders")
    assert result.exit_code == 2 and "--param metric is given twice" in result.stderr


def test_describe_that_finds_nothing_says_why(store):
    result = run("query", f"DESCRIBE ?m WHERE {{ GRAPH ?g {{ ?m a {MEASUREMENT} }} }}", "--store", store)
    assert result.exit_code == 1
    assert result.stdout == "" and "DESCRIBE reads the default graph" in result.stderr


@pytest.mark.parametrize("fmt, rdf_format", [("ntriples", "application/n-triples"), ("jsonld", "application/ld+json")])
def test_construct_writes_the_format_asked(store, fmt, rdf_format):
    sparql = f"CONSTRUCT {{ ?m a {MEASUREMENT} }} WHERE {{ GRAPH ?g {{ ?m a {MEASUREMENT} }} }}"
    turtle = run("query", sparql, "--store", store)
    result = run("query", sparql, "--store", store, "--format", fmt)
    assert turtle.exit_code == 0 and result.exit_code == 0
    asked = set(parse(result.stdout_bytes, format=RdfFormat.from_media_type(rdf_format)))
    assert asked and asked == set(parse(turtle.stdout_bytes, format=RdfFormat.TURTLE))
    assert result.stdout_bytes != turtle.stdout_bytes


def test_construct_refuses_a_rows_format(store):
    sparql = f"CONSTRUCT {{ ?m a {MEASUREMENT} }} WHERE {{ GRAPH ?g {{ ?m a {MEASUREMENT} }} }}"
    result = run("query", sparql, "--store", store, "--format", "csv")
    assert result.exit_code == 2 and "answers a graph" in result.stderr


def test_queries_fits_the_terminal():
    result = run("queries", COLUMNS="70")
    assert result.exit_code == 0 and "--param metric=" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines() if " " in line.strip()) <= 70


# ---------------------------------------------------------------- build, clean, report

def test_build_report_names_the_unchanged_articles(store):
    result = run("build", str(EXAMPLES), "--store", store, "--report", "--quiet")
    assert result.exit_code == 0, result.output
    for path in EXAMPLES.iterdir():
        assert f"{EXAMPLES / path.name}  unchanged" in result.stdout


def test_clean_refuses_two_listings_at_once():
    result = run("clean", str(sorted(EXAMPLES.iterdir())[0]), "--edits", "--segments")
    assert result.exit_code == 2 and "give one of them" in result.stderr


def test_clean_of_a_missing_file_says_only_that(tmp_path):
    result = run("clean", str(tmp_path / "nonexist.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'nonexist.txt'}: no such file"


def test_the_readme_shows_the_figure_count_the_report_prints(store, tmp_path):
    result = run("report", "--store", store, "-o", str(tmp_path / "report.html"))
    assert result.exit_code == 0, result.output
    count = re.search(r": (\d+ figures)$", result.stderr.strip()).group(1)
    assert f"report.html: {count}\n" in README


# ---------------------------------------------------------------- the endpoint's query UI

def test_query_ui_opens_on_a_query_over_the_article_graphs(store):
    from sscard_kg.use.serve import Policy, guard_server

    policy = Policy(host="127.0.0.1", port=0, writable=False, token="")
    server = guard_server("127.0.0.1", 0, policy, engines=None)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{policy.port}/", timeout=10) as response:
            page = response.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()
    opening = json.loads(re.search(r"const opening = (\".*?[^\\]\");", page).group(1))
    assert "GRAPH ?g" in opening
    rows = list(Store.read_only(store).query(opening))
    assert len(rows) == len([r for r in sscard_kg.query("measurements", store=store).rows if r["metric"]])


def test_queries_describes_each_named_query_whole():
    from sscard_kg.use.query import describe, named_queries

    for name, path in named_queries().items():
        text = describe(path)
        assert text and text.rstrip(")`'\"").endswith((".", ":", "?")), (name, text)


def test_a_table_is_as_wide_as_the_terminal(monkeypatch):
    from sscard_kg.use.query import QueryResult, _table

    result = QueryResult(["quote"], [{"quote": "x" * 150}])
    monkeypatch.setenv("COLUMNS", "60")
    assert max(len(line) for line in _table(result).splitlines()) <= 60
    monkeypatch.setenv("COLUMNS", "240")
    assert max(len(line) for line in _table(result).splitlines()) > 150
