"""`sscard-kg report` writes one self-contained page: a chart per metric, its figures, disagreements flagged."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import sscard_kg
from sscard_kg.use.report import build_html, date_of, format_value, metrics, nice_ticks, write_report

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
LEVELS = """PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?metric (COUNT(DISTINCT ?m) AS ?n) WHERE {
  GRAPH ?g { ?m ss:kind ss:Level ; ss:metric/skos:notation ?metric ; ss:asOf ?asOf }
} GROUP BY ?metric"""


@pytest.fixture(scope="module")
def store(build_seeds_store) -> str:
    return build_seeds_store("report")


@pytest.fixture(scope="module")
def counts(store) -> dict[str, int]:
    """Dated level figures per metric, counted by SPARQL straight from the store."""
    return {row["metric"]: int(row["n"]) for row in sscard_kg.query(LEVELS, store=store).rows}


@pytest.fixture(scope="module")
def page(store, tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("page") / "report.html"
    result = subprocess.run([sys.executable, "-m", "sscard_kg.cli", "report", "--store", store, "-o", str(output)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert re.search(r"report\.html: \d+ figures", result.stderr)
    return output


def marks(html: str, metric: str) -> list[str]:
    return re.findall(rf'<circle class="mark[^"]*"[^>]*data-metric="{metric}"[^>]*>', html)


def test_one_mark_per_figure_for_every_metric(page, counts):
    html = page.read_text(encoding="utf-8")
    assert counts["card-holders"] >= 5
    for metric, count in counts.items():
        assert len(marks(html, metric)) == count, metric
        assert f'<section id="metric-{metric}"' in html


def test_each_figure_has_a_row_with_its_quote_and_article(page, counts):
    html = page.read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="fig-[0-9a-f]{12}".*?</tr>', html, flags=re.S)
    assert len(rows) == sum(counts.values())
    for row in rows:
        assert re.search(r'<a href="[^"]+">[^<]+\.txt</a>', row) and '<td class="quote"' in row
    assert "全国社保卡持卡人数达到13.52亿人" in html and "13.52亿人" in html


def test_marks_link_to_their_rows(page):
    html = page.read_text(encoding="utf-8")
    targets = re.findall(r'<a href="#(fig-[0-9a-f]{12})"><circle', html)
    assert targets and all(f'<tr id="{target}"' in html for target in targets)


def test_the_page_needs_no_network(page):
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html and "@import" not in html and "url(" not in html
    assert not re.search(r'\ssrc=', html)


def test_the_page_is_byte_identical_for_the_same_store(page, store, tmp_path):
    again = tmp_path / "again.html"
    write_report(again, store=store)
    assert again.read_bytes() == page.read_bytes()


def test_a_missing_store_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "sscard_kg.cli", "report", "--store", str(tmp_path / "none"),
                             "-o", str(tmp_path / "r.html")], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "no store here" in result.stderr and "Traceback" not in result.stderr


# ---------------------------------------------------------------- disagreements, numbers, dates

def row(m: str, value: str, as_of: str | None = "2023-12-31", region: str | None = None, file: str = "a.txt") -> dict:
    return {"m": m, "metric": "card-holders", "label": "社保卡持卡人数", "labelEn": "Social security card holders",
            "value": value, "unit": "person", "asOf": as_of, "region": region, "file": file, "key": f"seeds/{file}",
            "quote": f"持卡人数{value}", "start": "1", "end": "9"}


def test_figures_that_disagree_are_flagged():
    rows = [row("m1", "1379000000"), row("m2", "1380000000", file="b.txt"),      # same date, nation: disagree
            row("m3", "1379000000", file="c.txt"),                              # agrees with m1, not with m2
            row("m4", "105000000", region="广东"), row("m5", "1352000000", "2021-12-31")]
    (metric,) = metrics(rows)
    flagged = {f.iri: sorted(o.iri for o in f.conflict_with) for f in metric.figures if f.conflict_with}
    assert flagged == {"m1": ["m2"], "m2": ["m1", "m3"], "m3": ["m2"]}
    html = build_html(rows)
    assert len(re.findall(r'<circle class="mark conflict"', html)) == 3
    assert html.count('<tr id="fig-') == 5 and "disagrees: 13.8亿人 in b.txt" in html


@pytest.mark.parametrize("first, second, agree", [
    (("1300000000", "gt"), ("1352000000", None), True),       # over 13亿 and 13.52亿
    (("1400000000", "gt"), ("1352000000", None), False),
    (("1352000000", "gt"), ("1352000000", None), False),      # "over" excludes the value itself
    (("1350000000", "approx"), ("1352000000", None), True),
    (("1400000000", "lt"), ("1352000000", None), True),
    (("1300000000", "gt"), ("1400000000", "lt"), True),
    (("1300000000", "lt"), ("1400000000", "gt"), False),
])
def test_qualifiers_are_taken_into_account(first, second, agree):
    rows = [dict(row("m1", first[0]), qualifier=first[1]), dict(row("m2", second[0], file="b.txt"), qualifier=second[1])]
    (metric,) = metrics(rows)
    assert all(bool(f.conflict_with) is not agree for f in metric.figures)


def test_regions_are_separate_series_and_undated_figures_stay_in_the_table():
    rows = [row("m1", "1379000000"), row("m2", "105000000", "2019-12-31", region="广东"),
            row("m3", "1352000000", as_of=None)]
    html = build_html(rows)
    assert html.count('<polyline class="series"') == 2
    assert len(marks(html, "card-holders")) == 2 and html.count('<tr id="fig-') == 3
    assert "without an as-of date are in the table only" in html


@pytest.mark.parametrize("value, unit, qualifier, text", [
    (1379000000, "person", None, "13.79亿人"), (95.7, "percent", None, "95.7%"),
    (1540000000000, "yuan", None, "1.54万亿元"), (500000000, "person", "gt", ">5亿人"),
    (160, "count", None, "160"), (11251000000, "person-time", None, "112.5亿人次"),
])
def test_values_read_the_way_articles_write_them(value, unit, qualifier, text):
    assert format_value(value, unit, qualifier) == text


def test_as_of_dates_fall_at_the_end_of_their_period():
    assert [str(date_of(d)) for d in ("2020", "2021-02", "2021-03-31")] == ["2020-12-31", "2021-02-28", "2021-03-31"]


def test_ticks_cover_the_values():
    ticks = nice_ticks(1.0e9, 1.4e9)
    assert ticks[0] <= 1.0e9 and ticks[-1] >= 1.4e9 and 3 <= len(ticks) <= 8


# ---------------------------------------------------------------- in a real browser

def _browser_or_skip():
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        message = f"{' and '.join(missing)} missing: install Debian's chromium and chromium-driver"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1200,1300"):
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="sscard-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options), profile


def test_the_page_in_headless_chromium(page, counts, tmp_path):
    driver, profile = _browser_or_skip()
    try:
        driver.get(page.as_uri())
        chart = driver.find_element("css selector", 'svg.chart[data-metric="card-holders"]')
        shown = chart.find_elements("css selector", "circle.mark")
        assert len(shown) == counts["card-holders"]
        assert all(mark.is_displayed() and mark.size["width"] > 0 for mark in shown)
        assert chart.size["width"] > 400 and chart.size["height"] > 150
        files = {mark.get_attribute("data-file") for mark in shown}
        assert len(files) >= 4 and all(name.endswith(".txt") for name in files)
        screenshot = tmp_path / "report.png"
        assert driver.save_screenshot(str(screenshot))
        assert screenshot.read_bytes().startswith(b"\x89PNG")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
