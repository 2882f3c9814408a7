"""The wheel, installed into a fresh environment, builds and answers queries on its own.

An editable install reads ontology/, shapes/ and queries/ from the checkout, which hides any
data file the wheel leaves out. Here the wheel is built from the repository, installed into a
new virtual environment outside it, and run from a folder with no checkout in sight. Offline:
the fresh environment sees this one's site-packages (a .pth line, not --system-site-packages,
which would be the base interpreter's), so installing resolves every dependency without an index.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.wheel


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict:
    """A fresh venv with the wheel installed (dependencies resolved, none fetched)."""
    work = tmp_path_factory.mktemp("wheel")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-w", work / "dist", REPO, cwd=work)
    (wheel,) = (work / "dist").glob("sscard_kg-*.whl")
    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / "bin" / "python"
    fresh_site = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=work).stdout.strip()
    Path(fresh_site, "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-index", wheel, cwd=work)
    return {"work": work, "venv": venv, "python": python, "wheel": wheel, "install": install}


def test_the_wheel_holds_the_data(installed):
    import zipfile

    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    for folder, pattern in (("ontology", "*.ttl"), ("shapes", "*.ttl"), ("queries", "*.rq"), ("queries", "*.ru")):
        for path in (REPO / folder).glob(pattern):
            assert f"sscard_kg/data/{folder}/{path.name}" in names
    for path in (REPO / "src" / "sscard_kg").rglob("*"):
        if path.suffix in (".toml", ".json", ".html"):
            assert "sscard_kg/" + path.relative_to(REPO / "src" / "sscard_kg").as_posix() in names


def test_installed_wheel_builds_and_queries(installed):
    work, venv = installed["work"], installed["venv"]
    located = _run(installed["python"], "-c", "import sscard_kg; print(sscard_kg.__file__)", cwd=work).stdout
    assert Path(located.strip()).is_relative_to(venv), located
    articles = work / "articles"
    shutil.copytree(REPO / "examples", articles)
    command = venv / "bin" / "sscard-kg"
    _run(command, "build", articles, "--store", work / "store", cwd=work)
    answer = _run(command, "query", "measurements", "--store", work / "store", "--format", "csv", cwd=work).stdout
    rows = list(csv.DictReader(io.StringIO(answer)))
    assert {row["metric"] for row in rows} >= {"card-holders"}
    assert {row["file"] for row in rows} == {path.name for path in articles.iterdir()}
    listed = _run(command, "queries", cwd=work).stdout
    assert {"measurements", "mentions", "time-series"} <= {line.split()[0] for line in listed.splitlines() if line[:1].strip()}
    latest = _run(command, "query", "latest-figures", "--store", work / "store", "--format", "csv", cwd=work).stdout
    assert "card-holders" in latest


def test_installing_prints_no_warning(installed):
    """justext asks for lxml[html_clean]; lxml names that extra html-clean, which only a pip that
    normalises extra names (PEP 685, pip 23.3) matches, so an older pip warns on every install."""
    output = installed["install"].stdout + installed["install"].stderr
    assert "WARNING" not in output, output
