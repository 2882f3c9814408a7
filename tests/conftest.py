"""Shared fixtures: the real articles in ../shared, which the repository does not copy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _shared_dir(*parts: str) -> Path:
    """A folder of ../shared; missing is a failure under CI and a skip on a developer machine."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        message = f"{path} is missing: the tests on real articles need ../shared beside the repo"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _shared_dir("seeds")


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return _shared_dir("corpus", "dev")


@pytest.fixture(scope="session")
def damaged_dir() -> Path:
    return _shared_dir("damaged-text")


@pytest.fixture(scope="session")
def seed_file(seeds_dir):
    """Find a seed by its number prefix, e.g. seed_file("002")."""

    def find(prefix: str) -> Path:
        (match,) = sorted(seeds_dir.glob(f"{prefix}_*"))
        return match

    return find
