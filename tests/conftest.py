"""Shared fixtures: the real articles in ../shared, which the repository does not copy."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
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
def eval_dir() -> Path:
    return _shared_dir("eval")


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return _shared_dir("corpus", "dev")


@pytest.fixture(scope="session")
def repro_dir() -> Path:
    return _shared_dir("repro")


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


@pytest.fixture(scope="session")
def build_seeds_store(seeds_dir, tmp_path_factory) -> Callable[[str], str]:
    """Build the seeds into a fresh store named `name`; each test module that changes or serves
    its store gets its own."""
    import sscard_kg

    def build(name: str) -> str:
        path = tmp_path_factory.mktemp(name) / "store"
        result = sscard_kg.build([str(seeds_dir)], store=str(path), workers=1)
        assert result.ok, result.failed
        gc.collect()  # release the store's lock before another process opens it
        return str(path)

    return build
