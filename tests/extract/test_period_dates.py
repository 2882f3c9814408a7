"""Every dated figure carries the first and last day it covers as xsd:date, beside its as-of date
at the precision the article gave: a store compares xsd:date with xsd:date, not with gYear."""

from __future__ import annotations

import pytest

import sscard_kg
from sscard_kg.extract.dates_grammar import period_end
from sscard_kg.graph.rdf import period_days

DAYS = """
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
SELECT ?m ?asOf ?start ?end (DATATYPE(?start) AS ?startType) (DATATYPE(?end) AS ?endType)
WHERE { GRAPH ?g { ?m a ss:Measurement ; ss:asOf ?asOf OPTIONAL { ?m ss:startDate ?start } OPTIONAL { ?m ss:endDate ?end } } }
"""

SINCE_2000 = """
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?m WHERE { GRAPH ?g { ?m a ss:Measurement ; ss:endDate ?end FILTER (?end >= "2000-01-01"^^xsd:date) } }
"""

XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


@pytest.fixture(scope="module")
def store(build_seeds_store):
    return build_seeds_store("period-days")


@pytest.mark.parametrize(("as_of", "period_start", "days"), [
    ("2023", None, ("2023-01-01", "2023-12-31")),
    ("2024-02", None, ("2024-02-01", "2024-02-29")),
    ("2023-06", "2023-01", ("2023-01-01", "2023-06-30")),
    ("2023-06-30", None, ("2023-06-30", "2023-06-30")),
])
def test_the_days_a_figure_covers(as_of, period_start, days):
    assert period_days(as_of, period_start) == days


def test_every_dated_figure_has_its_first_and_last_day_as_dates(store):
    rows = sscard_kg.query(DAYS, store=store).rows
    precisions = {len(row["asOf"]) for row in rows}
    assert {4, 10} <= precisions  # years and days side by side in the seeds
    for row in rows:
        assert (row["startType"], row["endType"]) == (XSD_DATE, XSD_DATE), row
        assert row["start"] <= row["end"] == period_end(row["asOf"]), row
        if len(row["asOf"]) == 10:
            assert row["start"] == row["end"] == row["asOf"]


def test_a_date_filter_keeps_the_figures_of_every_precision(store):
    dated = {row["m"] for row in sscard_kg.query(DAYS, store=store).rows}
    assert {row["m"] for row in sscard_kg.query(SINCE_2000, store=store).rows} == dated
