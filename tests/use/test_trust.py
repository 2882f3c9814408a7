"""Numbers a user can trust: no impossible value in a chart or a summary, one definition of a
disagreement, charts that join only like with like, links that open, a `kind` for every figure,
and query results typed the way Python and pandas read them."""

from __future__ import annotations

import gc
import html as html_text
import json
import re
from datetime import date

import pytest
import requests

import sscard_kg
from sscard_kg.graph import summary
from sscard_kg.use.query import column_dtypes, write
from sscard_kg.graph.rdf import SS
from sscard_kg.use.report import build_html, figures_from_store, metrics, served_link
from sscard_kg.graph.store import article_states, open_store
from serving import free_port, start, stop

# Invented articles of the shape the real ones have: a bound and a value that satisfies it, a
# bound on a rate and a rate under it, a figure that truly disagrees, and a change beside its level.
ARTICLES = {
    "a.txt": "人社部2022年3月3日消息，截至2021年底，全国社会保障卡持卡人数超过13亿人。",
    "b.txt": "人社部2022年3月3日消息，截至2021年底，全国社会保障卡持卡人数达到13.52亿人，普及率95.7%。",
    "c.txt": "国家统计局2019年7月15日发布，2019年6月，全国城镇调查失业率低于5.5%。",
    "d.txt": "国家统计局2019年7月15日发布，2019年6月，全国城镇调查失业率为5.0%。",
    "e.txt": ("人社部2022年3月5日消息，截至2021年底，全国社会保障卡持卡人数达到13.3亿人。"
              "截至2021年底，全国基本养老保险参保人数10.3亿人，比上年末增加3100万人。"),
}
PREFIXES = """PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# What a store built before the metric ranges holds: a provincial page's 99,750,000 % penetration,
# in its article graph and, as the latest figure, in the summary.
IMPOSSIBLE = PREFIXES + """
INSERT { GRAPH ?g { ?bad a ss:Measurement ; ss:kind ss:Level ; ss:metric ?metric ; ss:unit "percent" ;
                      ss:metricNotation "card-penetration" ; ss:ordinal 1000 ;
                      ss:value "99750000"^^xsd:decimal ; ss:asOf "2023-12-31"^^xsd:date ;
                      ss:startDate "2023-12-31"^^xsd:date ; ss:endDate "2023-12-31"^^xsd:date ;
                      <http://www.w3.org/ns/prov#wasDerivedFrom> ?article ; ss:evidence ?evidence }
         GRAPH <https://w3id.org/sscard-kg/id/figures> {
           <https://w3id.org/sscard-kg/id/figure/old> a ss:Figure ; ss:metric ?metric ; ss:region ss:Nationwide ;
             ss:asOf "2023-12-31"^^xsd:date ; ss:startDate "2023-12-31"^^xsd:date ;
             ss:endDate "2023-12-31"^^xsd:date ; ss:unit "percent" ; ss:value "99750000"^^xsd:decimal ;
             ss:reports 1 ; ss:values 1 ; ss:lowest "99750000"^^xsd:decimal ;
             ss:highest "99750000"^^xsd:decimal ; ss:example ?bad } }
WHERE { GRAPH ?g { ?m ss:metric ?metric ; ss:evidence ?evidence ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?article .
                   ?metric skos:notation "card-penetration" }
        BIND (IRI(CONCAT(STR(?m), "-old")) AS ?bad) } ;
DELETE WHERE { GRAPH <https://w3id.org/sscard-kg/id/figures> { ?figures ss:summarizes ?digest } } ;
INSERT DATA { GRAPH <https://w3id.org/sscard-kg/id/figures> {
  <https://w3id.org/sscard-kg/id/figures> ss:summarizes "the digest an older version wrote" } }
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("trust")
    for name, text in ARTICLES.items():
        (folder / "articles").mkdir(exist_ok=True)
        (folder / "articles" / name).write_text(text + "\n", encoding="utf-8")
    path = str(folder / "store")
    result = sscard_kg.build([str(folder / "articles")], store=path, workers=1)
    assert result.ok, result.failed
    gc.collect()
    return path


@pytest.fixture(scope="module")
def old_store(tmp_path_factory, store) -> str:
    """The store as an older version left it: an impossible value that no range kept out."""
    import shutil

    path = str(tmp_path_factory.mktemp("old") / "store")
    shutil.copytree(store, path)
    db = open_store(path)
    db.update(IMPOSSIBLE)
    db.flush()
    del db
    gc.collect()
    return path


def row(m: str, value: str, as_of: str | None, unit: str = "person", **extra) -> dict:
    return {"m": m, "metric": "new-urban-jobs", "label": "城镇新增就业", "value": value, "unit": unit,
            "asOf": as_of, "file": f"{m}.txt", "key": f"/corpus/{m}.txt", "quote": f"新增{value}",
            "start": "1", "end": "9", **extra}


# ---------------------------------------------------------------- impossible values

def test_an_impossible_value_from_an_older_store_reaches_no_chart_and_no_summary(old_store):
    assert any(r["value"] == "99750000" for r in sscard_kg.query("measurements", store=old_store).rows)
    latest = sscard_kg.query("latest-figures", store=old_store, params={"metric": "card-penetration"}).rows
    assert [(r["asOf"], r["value"]) for r in latest] == [("2021-12-31", "95.7")]
    assert not any(r["metric"] == "card-penetration"
                   for r in sscard_kg.query("conflicting-figures", store=old_store).rows)
    html = build_html(figures_from_store(old_store))
    assert 'data-value="99750000"' not in html and "9975万%" not in html
    db = open_store(old_store)
    try:
        assert summary.refresh(db, article_states(db))  # the older summary is recomputed
        values = {q.object.value for q in db.quads_for_pattern(None, SS("value"), None, summary.FIGURES)}
    finally:
        del db
        gc.collect()
    assert "99750000" not in values and "95.7" in values


def test_a_percentage_axis_stops_at_100():
    rows = [dict(row(f"m{i}", v, d, "percent"), metric="card-penetration")
            for i, (v, d) in enumerate([("90", "2022-12-31"), ("99.9", "2023-12-31")])]
    html = build_html([dict(r, max="100", min="0") for r in rows])
    ticks = [float(t) for t in re.findall(r'<text class="tick"[^>]*>([\d.]+)%</text>', html)]
    assert ticks and max(ticks) <= 100


# ---------------------------------------------------------------- one definition of a disagreement

def test_a_bound_the_other_value_satisfies_is_no_disagreement_in_the_query_or_the_report(store):
    rows = sscard_kg.query("conflicting-figures", store=store).rows
    assert [(r["metric"], r["asOf"]) for r in rows] == [("card-holders", "2021-12-31")]  # 13.3亿 vs 13.52亿
    flagged = {(f.metric, f.as_of) for m in metrics(figures_from_store(store)) for f in m.figures if f.conflict_with}
    assert flagged == {("card-holders", "2021-12-31")}
    wording = {f.raw_value for m in metrics(figures_from_store(store)) for f in m.figures if f.conflict_with}
    assert wording == {"1352000000", "1330000000"}  # ">13亿" agrees with both


# ---------------------------------------------------------------- charts and links

def test_year_to_date_totals_are_not_joined_to_annual_totals():
    rows = [row("y2020", "11860000", "2020"), row("ytd2021", "10450000", "2021-09", periodStart="2021-01"),
            row("y2021", "12690000", "2021"), row("ytd2023", "10220000", "2023-09", periodStart="2023-01")]
    html = build_html(rows)
    lines = re.findall(r'<polyline class="series" points="([^"]*)"[^>]*data-span="([^"]*)"', html)
    assert sorted((span, len(points.split())) for points, span in lines) == [("", 2), ("1–9月", 2)]
    assert len(re.findall(r'<line class="period"', html)) == 2


def test_one_unit_per_chart():
    rows = [dict(row("p1", "931000000", "2023-12-26"), metric="ecard-holders"),
            dict(row("p2", "962000000", "2023-12-31"), metric="ecard-holders"),
            dict(row("c1", "460000000", "2021-03-31", "card"), metric="ecard-holders")]
    html = build_html(rows)
    charts = re.findall(r'<svg class="chart".*?</svg>', html, re.S)
    assert len(charts) == 2
    for svg in charts:
        unit = re.search(r'data-unit="(\w+)"', svg).group(1)
        words = {re.sub(r"^[\d.]+[万亿]*", "", t) for t in re.findall(r'<text class="tick"[^>]*>([^<]+)</text>', svg)
                 if not re.fullmatch(r"\d{4}(-\d\d)?", t)}
        assert words == {{"person": "人", "card": "张"}[unit]}
        assert svg.count("<circle") == {"person": 2, "card": 1}[unit]


def test_links_open_the_article_and_the_query_ui():
    rows = [row("a", "11860000", "2020"), row("b", "12690000", "2021", url="https://example.org/news/1.html")]
    written = build_html(rows)
    assert '<a href="file:///corpus/a.txt">' in written and '<a href="https://example.org/news/1.html">' in written
    served = build_html(rows, endpoint="http://127.0.0.1:7878/query", link=served_link)
    assert f'<a href="{served_link("/corpus/a.txt")}">' in served and "/source?key=%2Fcorpus%2Fa.txt" in served
    endpoint = re.search(r'<p class="endpoint">.*?</p>', served).group(0)
    assert re.findall(r'href="([^"]+)"', endpoint) == ["http://127.0.0.1:7878/"]


def test_the_served_page_links_open_the_article_file_and_the_query_ui(store):
    port, page_port = free_port(), free_port()
    process, _ = start(store, "--host", "127.0.0.1", "--port", str(port), "--page-port", str(page_port))
    try:
        page = requests.get(f"http://127.0.0.1:{page_port}/", timeout=30).text
        links = {html_text.unescape(link) for link in re.findall(r'<a href="(/source\?[^"]+)">', page)}
        assert len(links) == len(ARTICLES)
        texts = {requests.get(f"http://127.0.0.1:{page_port}{link}", timeout=30).text.strip() for link in links}
        assert texts == set(ARTICLES.values())
        outside = requests.get(f"http://127.0.0.1:{page_port}{served_link('/etc/passwd')}", timeout=30)
        assert outside.status_code == 404
        (ui,) = re.findall(r'<p class="endpoint">.*?href="([^"]+)"', page)
        opened = requests.get(ui, timeout=30)
        assert opened.headers["Content-Type"].startswith("text/html") and "<html" in opened.text.lower()
    finally:
        stop(process)


# ---------------------------------------------------------------- kinds

def test_measurements_by_kind_tells_a_change_from_a_level(store):
    contract = sscard_kg.query("measurements", store=store)
    assert contract.columns == ["file", "metric", "value", "unit", "asOf", "qualifier", "region"]
    rows = sscard_kg.query("measurements-by-kind", store=store).rows
    assert len(rows) == len(contract.rows)  # every contract row, now with its kind
    of_e = sorted((r["kind"], r["value"], r["changes"]) for r in rows if r["file"] == "e.txt")
    assert of_e == [("change", "31000000", "pension-insured"), ("level", "1030000000", None),
                    ("level", "1330000000", None)]
    changes = sscard_kg.query("measurements-by-kind", store=store, params={"kind": "change"}).rows
    assert [r["value"] for r in changes] == ["31000000"]


# ---------------------------------------------------------------- typed results

def test_results_are_typed_in_python_and_json(store):
    result = sscard_kg.query("latest-figures", store=store, params={"metric": "card-holders"})
    assert result.rows[0]["values"] == "3"  # the rows stay as written, for existing callers
    (record,) = result.records
    assert record["value"] == int(result.rows[0]["value"]) and isinstance(record["value"], float)
    assert record["reports"] == 3 and isinstance(record["reports"], int)
    assert record["asOf"] == date(2021, 12, 31)
    assert json.loads(write(result, "json"))[0]["asOf"] == "2021-12-31"
    assert json.loads(write(result, "json"))[0]["values"] == 3
    assert sscard_kg.query("ASK { }", store=store).records == [{"boolean": True}]
    assert column_dtypes(result) == {"asOf": "datetime64[ns]", "startDate": "datetime64[ns]",
                                     "endDate": "datetime64[ns]", "value": "float64", "reports": "Int64",
                                     "values": "Int64"}


def test_a_dataframe_has_numeric_and_date_columns(store):
    pytest.importorskip("pandas")
    frame = sscard_kg.query("measurements-by-kind", store=store).dataframe()
    assert str(frame["value"].dtype) == "float64" and frame["value"].sum() > 5e9
    latest = sscard_kg.query("latest-figures", store=store, params={"metric": "card-holders"}).dataframe()
    assert str(latest["asOf"].dtype).startswith("datetime64") and str(latest["reports"].dtype) == "Int64"
    assert latest["asOf"].max().year == 2021
