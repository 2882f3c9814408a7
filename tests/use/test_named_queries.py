"""The named queries in queries/ on the seeds: each answers what its header says, and its
parameters narrow it to the same rows the contract queries give (the figures summary that
time-series, latest-figures and conflicting-figures read agrees with every measurement)."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from typer.testing import CliRunner

import sscard_kg
from sscard_kg.cli import app
from sscard_kg.extract.dates_grammar import period_end
from sscard_kg.errors import QueryError
from sscard_kg.use.query import named_queries, parameters, resolve
from sscard_kg.use.report import agree, allowed


@pytest.fixture(scope="module")
def store(build_seeds_store):
    return build_seeds_store("named")


@pytest.fixture(scope="module")
def measurements(store):
    return sscard_kg.query("measurements", store=store).rows


def ask(name, store, **params):
    return sscard_kg.query(name, store=store, params=params or None).rows


def test_every_named_query_runs_and_the_narrowing_ones_declare_parameters(store):
    declared = {name: set(parameters(resolve(name))) for name in named_queries()}
    assert declared["time-series"] == {"metric"}
    assert declared["latest-figures"] == {"metric"}
    assert declared["conflicting-figures"] == {"metric"}
    assert declared["article"] == {"file"}
    assert declared["who-announced"] == {"official"}
    assert declared["mentioning-articles"] == {"label"}
    for name in named_queries():
        answer = sscard_kg.query(name, store=store)
        assert answer.rows or answer.graph, name  # rows, or a CONSTRUCT's graph (standard-view)


def _levels_by_key(measurements, metric=None, with_qualifier=False):
    """{(metric, asOf, region, unit): [values]} of the dated levels of core metrics, as the contract
    query gives them (each value with its qualifier if asked)."""
    found = defaultdict(list)
    for row in measurements:
        if row["metric"] and row["asOf"] and metric in (None, row["metric"]):
            value = Decimal(row["value"])
            found[(row["metric"], row["asOf"], row["region"], row["unit"])].append(
                (value, row["qualifier"]) if with_qualifier else value)
    return found


def _is_most_reported(value: str, values: list[Decimal]) -> bool:
    counts = Counter(values)
    return counts[Decimal(value)] == max(counts.values())


def test_time_series_gives_each_date_and_region_its_most_reported_value(store, measurements):
    series = ask("time-series", store, metric="card-holders")
    expected = _levels_by_key(measurements, "card-holders")
    assert {(r["metric"], r["asOf"], r["region"], r["unit"]) for r in series} == set(expected)
    for row in series:
        values = expected[(row["metric"], row["asOf"], row["region"], row["unit"])]
        assert _is_most_reported(row["value"], values), (row, values)
        assert (int(row["reports"]), int(row["values"])) == (len(values), len(set(values)))
        assert row["file"] and row["quote"]
    assert ("2021-03-31", "1340000000", "1") in {(r["asOf"], r["value"], r["reports"]) for r in series}


def test_latest_figures_gives_the_period_that_ends_last_per_metric_and_region(store, measurements):
    """By the last day each figure covers: 2017 (a year's count) is newer than 2017-05-26."""
    latest = ask("latest-figures", store)
    last_day = defaultdict(str)
    for (metric, as_of, region, _), _ in _levels_by_key(measurements).items():
        last_day[(metric, region)] = max(last_day[(metric, region)], period_end(as_of))
    newest = {(metric, as_of, region) for (metric, as_of, region, _) in _levels_by_key(measurements)
              if period_end(as_of) == last_day[(metric, region)]}
    assert {(r["metric"], r["asOf"], r["region"]) for r in latest} == newest
    assert ("cards-issued", "2017", None) in newest
    assert all(r["endDate"] == period_end(r["asOf"]) for r in latest)
    levels = _levels_by_key(measurements)
    assert all(_is_most_reported(r["value"], levels[(r["metric"], r["asOf"], r["region"], r["unit"])]) for r in latest)
    (holders,) = ask("latest-figures", store, metric="card-holders")
    assert (holders["value"], holders["asOf"], holders["file"][:3]) == ("1379000000", "2023-12-31", "002")


def test_conflicting_figures_are_the_dates_whose_values_no_single_value_satisfies(store, measurements):
    levels = _levels_by_key(measurements)
    qualified = _levels_by_key(measurements, with_qualifier=True)
    expected = {key: values for key, values in levels.items()
                if not agree([allowed(float(v), q) for v, q in qualified[key]])}
    rows = ask("conflicting-figures", store)
    assert expected and {(r["metric"], r["asOf"], r["region"], r["unit"]) for r in rows} == set(expected)
    for row in rows:
        values = expected[(row["metric"], row["asOf"], row["region"], row["unit"])]
        assert int(row["values"]) == len(set(values)) and int(row["reports"]) == len(values)
        assert (Decimal(row["lowest"]), Decimal(row["highest"])) == (min(values), max(values))
    assert {r["metric"] for r in ask("conflicting-figures", store, metric="card-holders")} <= {"card-holders"}


def test_article_lists_one_files_figures_in_text_order(store, measurements):
    file = next(r["file"] for r in measurements if r["file"].startswith("002"))
    rows = ask("article", store, file=file)
    assert {r["file"] for r in rows} == {file}
    starts = [int(r["start"]) for r in rows]
    assert starts == sorted(starts)
    assert len(rows) >= sum(1 for r in measurements if r["file"] == file)


def test_who_announced_narrows_to_one_official(store):
    rows = ask("who-announced", store, official="卢爱红")
    assert rows and {r["official"] for r in rows} == {"卢爱红"}
    assert {r["role"] for r in rows} == {"政策研究司司长、新闻发言人"}
    assert ("card-holders", "1340000000") in {(r["metric"], r["value"]) for r in rows}


def test_mentioning_articles_of_one_program_match_the_mentions(store):
    mentions = sscard_kg.query("mentions", store=store).rows
    expected = {r["file"] for r in mentions if r["label"] == "电子社保卡"}
    rows = ask("mentioning-articles", store, label="电子社保卡")
    assert expected and {r["file"] for r in rows} == expected


def test_an_undeclared_parameter_is_an_error_that_names_the_known_ones(store):
    with pytest.raises(QueryError, match=r"no parameter region \(it takes: metric\)"):
        ask("time-series", store, region="北京")


def test_the_command_line_takes_parameters(store):
    runner = CliRunner()
    out = runner.invoke(app, ["query", "latest-figures", "--store", store, "-f", "csv", "--param", "metric=card-holders"])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[1].startswith("card-holders,,2023-12-31,2023-12-31,2023-12-31,1379000000,")
    bad = runner.invoke(app, ["query", "latest-figures", "--store", store, "--param", "metric"])
    assert bad.exit_code == 2 and "NAME=VALUE" in bad.output
    listed = runner.invoke(app, ["queries"])
    assert "--param metric=" in listed.output and "--param official=" in listed.output


def mentioned_labels(store, rdf_class):
    """The Simplified labels of the entities of one class the article graphs mention."""
    return {r["label"] for r in sscard_kg.query(
        "SELECT DISTINCT ?label WHERE { GRAPH ?g { ?a <https://schema.org/mentions> ?p . "
        f"?p a <{rdf_class}> ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?label "
        "FILTER (langMatches(lang(?label), 'zh-Hans')) } }", store=store).rows}


def test_the_contract_mentions_count_the_card_family_schemes_and_their_public_services_as_programs(store):
    listed = {r["label"] for r in sscard_kg.query("mentions", store=store).rows if r["type"] == "program"}
    mentioned = mentioned_labels(store, "http://www.w3.org/2004/02/skos/core#Concept")
    assert {"社会保障卡", "电子社保卡", "基本养老保险", "国家政务服务平台", "掌上12333", "跨省通办"} <= listed
    # a use of the card and a campaign are still in the graph, not counted programs
    assert {"跨省异地就医直接结算", "人社服务快办行动"} <= mentioned - listed


def test_the_contract_mentions_list_a_ministry_s_unit_as_the_ministry(store):
    listed = {r["label"] for r in sscard_kg.query("mentions", store=store).rows if r["type"] == "agency"}
    mentioned = mentioned_labels(store, "https://schema.org/GovernmentOrganization")
    assert "人力资源和社会保障部信息中心" in mentioned - listed  # in the graph (信息中心主任), not a row
    assert "人力资源和社会保障部" in listed


# The articles of the store, two a page, newest first: a paged query written for the test.
ARTICLES_PAGED = """# page: 2 articles, newest first
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?file WHERE {
  { SELECT ?file WHERE { GRAPH ?g { ?a ss:sourceFile ?file OPTIONAL { ?a schema:datePublished ?d } } }
    ORDER BY DESC(?d) LIMIT 2 }
}"""


def test_the_pages_of_a_paged_query_hold_each_row_once_and_end_empty(store):
    pages = [sscard_kg.query(ARTICLES_PAGED, store=store, page=k) for k in range(1, 6)]
    files = [row["file"] for page in pages for row in page.rows]
    assert [len(page) for page in pages] == [2, 2, 1, 0, 0]  # the five seeds
    assert sorted(files) == sorted({r["file"] for r in sscard_kg.query("measurements", store=store).rows})
    assert pages[1].page == (2, "2 articles")


def test_who_announced_answers_a_page_of_statements_and_the_cli_names_the_next(store):
    whole = ask("who-announced", store)
    assert sscard_kg.query("who-announced", store=store, page=2).rows == []  # the seeds hold under 100 statements
    assert {r["official"] for r in whole} >= {"卢爱红"}
    out = CliRunner().invoke(app, ["query", "who-announced", "--store", store, "-f", "csv"])
    assert out.exit_code == 0 and len(out.stdout.splitlines()) == len(whole) + 1
    assert "the last" in out.stderr and "--page 2" not in out.stderr  # under 100 statements: no next page
    unpaged = CliRunner().invoke(app, ["query", "measurements", "--store", store, "--page", "2"])
    assert unpaged.exit_code == 1 and "no pages" in unpaged.output
    assert "--page N  100 statements" in CliRunner().invoke(app, ["queries"]).output


def test_mentioning_articles_answers_a_page_of_articles_newest_first(store):
    rows = ask("mentioning-articles", store, label="电子社保卡")
    published = [r["published"] or "" for r in rows]
    assert published == sorted(published, reverse=True)
    assert sscard_kg.query("mentioning-articles", store=store, params={"label": "电子社保卡"}, page=2).rows == []
