"""A failed article is an exception that carries its file and the reason, and survives the trip
back from a worker process or a cluster task (pickling)."""

from __future__ import annotations

import pickle

import pytest

from sscard_kg import ArticleError, ExtractionError, InvalidGraph, SourceError


@pytest.mark.parametrize("failure", [
    SourceError("corpus/a.txt", "empty file"),
    ExtractionError("https://example.org/a", "took longer than 2 s to read and extract (--article-timeout); skipped"),
    InvalidGraph("corpus/b.txt", ["a measurement has no value", "a quote is empty"]),
])
def test_a_failure_pickles_and_names_its_file_and_reason(failure):
    back = pickle.loads(pickle.dumps(failure))
    assert type(back) is type(failure) and back == failure and str(back) == str(failure)
    location, reason = back
    assert (location, reason) == (failure.location, failure.reason)
    assert str(failure) == f"{location}: {reason}"
    assert isinstance(failure, ArticleError)


def test_an_invalid_graph_keeps_its_violations():
    failure = pickle.loads(pickle.dumps(InvalidGraph("a.txt", ["one", "two"])))
    assert failure.violations == ["one", "two"]
    assert failure.reason == "the graph fails validation: one; two"


def test_failures_of_another_kind_or_reason_differ():
    assert SourceError("a.txt", "empty file") != ExtractionError("a.txt", "empty file")
    assert SourceError("a.txt", "empty file") != SourceError("a.txt", "not text")
    assert len({SourceError("a.txt", "empty file"), SourceError("a.txt", "empty file")}) == 1
