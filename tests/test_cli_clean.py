"""`sscard-kg clean` on seeds 002 and 004: the text a reader gets, the edits and the line decisions."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from sscard_kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def run(seed_file):
    def invoke(prefix: str, *options: str) -> str:
        result = runner.invoke(app, ["clean", str(seed_file(prefix)), *options])
        assert result.exit_code == 0, result.output
        return result.output

    return invoke


def test_002_text_is_repaired_and_simplified(run):
    assert "全国社保卡持卡人数达13.79亿人" in run("002")


def test_002_text_leaves_out_the_headline_list(run):
    assert "王建军" not in run("002")


def test_002_edits_show_span_kind_confidence_and_change(run):
    assert re.search(r"^\s*\d+-\d+\s+mojibake\s+0\.\d\d\s+'.*' → '.*'\s+\S", run("002", "--edits"), re.M)


def test_002_edits_leave_out_markup_by_default(run):
    assert not re.search(r"^\s*\d+-\d+\s+(markup|front-matter)\s", run("002", "--edits"), re.M)


def test_002_segments_name_the_link_list(run):
    (line,) = [line for line in run("002", "--segments").splitlines() if "王建军" in line]
    assert "boilerplate" in line and "link list" in line


def test_004_text_marks_the_related_item_with_its_date(run):
    assert "[related 2017-08-18] • 中国社保卡普及率达73.9%" in run("004")


def test_004_segments_give_the_related_date(run):
    (line,) = [line for line in run("004", "--segments").splitlines() if "截至7月末" in line]
    assert "related 2017-08-18" in line


def test_004_segments_give_offsets_into_the_traditional_original(run, seed_file):
    raw = seed_file("004").read_text(encoding="utf-8")
    (line,) = [line for line in run("004", "--segments").splitlines() if "延伸阅读" in line]
    start, end = map(int, re.match(r"\s*(\d+)-(\d+)", line).groups())
    assert raw[start:end] == "延伸閱讀"


def test_004_edits_strip_pinyin(run):
    assert re.search(r"\s+pinyin\s+1\.00\s+'\(\w+\)' → ''", run("004", "--edits"))


def test_all_adds_markup_edits(seed_file):
    result = runner.invoke(app, ["clean", str(seed_file("000")), "--edits", "--all"])
    assert re.search(r"^\s*\d+-\d+\s+markup\s", result.output, re.M)


def test_missing_file_fails_with_a_reason(tmp_path):
    result = runner.invoke(app, ["clean", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "error:" in result.output
