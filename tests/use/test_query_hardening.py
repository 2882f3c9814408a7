"""No query aborts `sscard-kg query` or a Python process that calls `sscard_kg.query`.

Oxigraph aborts the process (it cannot be caught) on an ORDER BY over mixed kinds of literal and
on a query nested thousands deep, so every check that could abort runs in a child process: the
test sees an exit status, not a dead test run.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

import sscard_kg
from serving import sscard_kg_command
from sscard_kg.use.query import named_queries, run
from sscard_kg.use.sparql_text import MAX_DEPTH, check_size, order_by_kind, original_message

XSD = "http://www.w3.org/2001/XMLSchema#"
ORDER_BY_O = "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 1"
DEEP = "SELECT * WHERE " + "{" * 3000 + "}" * 3000


@pytest.fixture(scope="module")
def repro_store(repro_dir, tmp_path_factory) -> str:
    """The 21 triples (integers and plain strings as objects) that abort Oxigraph's ORDER BY."""
    path = tmp_path_factory.mktemp("repro") / "store"
    store = Store(str(path))
    store.load(path=str(repro_dir / "order-by-panic.nt"), format=RdfFormat.N_TRIPLES)
    store.flush()
    del store
    return str(path)


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_the_library_orders_mixed_literals_without_aborting(repro_store):
    child = run_python(f"import sscard_kg; print(sscard_kg.query({ORDER_BY_O!r}, store={repro_store!r}).rows)")
    assert child.returncode == 0, child.stderr[-300:]
    assert "'o': '96'" in child.stdout  # the smallest number comes first: numbers before strings


def test_the_cli_orders_mixed_literals_without_aborting(repro_store):
    result = subprocess.run(sscard_kg_command() + ["query", ORDER_BY_O, "--store", repro_store, "-f", "csv"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-300:]
    assert result.stdout.splitlines()[1].startswith("96,")


def test_a_query_nested_3000_deep_is_one_line_from_the_cli(repro_store, tmp_path):
    query_file = tmp_path / "deep.rq"
    query_file.write_text(DEEP)
    result = subprocess.run(sscard_kg_command() + ["query", str(query_file), "--store", repro_store],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == f"error: the query nests 3000 brackets deep; at most {MAX_DEPTH} are accepted\n"


def test_a_query_nested_3000_deep_is_a_query_error_in_the_library(repro_store):
    child = run_python("import sscard_kg\n"
                       f"try:\n    sscard_kg.query({DEEP!r}, store={repro_store!r})\n"
                       "except sscard_kg.QueryError as exc:\n    print('QueryError:', exc)")
    assert child.returncode == 0 and child.stdout.startswith("QueryError: the query nests 3000")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { " + "BIND(1 AS ?x) " * 2000 + "}",
    "SELECT * WHERE { " + "MINUS { } " * 3000 + "}",
    "SELECT * WHERE { FILTER(1" + " + 1" * 8000 + ") }",
])
def test_long_chains_are_refused_before_parsing(query):
    with pytest.raises(sscard_kg.QueryError, match="at most 1000 are accepted"):
        check_size(query)


def test_many_terms_are_within_the_bounds():
    check_size("INSERT DATA { " + '<urn:x:s> a <urn:x:C> ; <urn:x:p> "1"^^xsd:integer, true, ss:x . ' * 3000 + "}")
    check_size("SELECT * WHERE { VALUES ?x { " + '"a"@en 2.5 ' * 5000 + "} }")


def test_every_named_query_is_within_the_bounds():
    for path in named_queries().values():
        check_size(path.read_text(encoding="utf-8"))


def test_values_of_one_kind_keep_their_order_and_kinds_are_ordered_numbers_first():
    store = Store()
    values = [Literal(3), Literal("b"), Literal(1.5), Literal("a"), Literal(10),
              Literal("2020-01-02", datatype=NamedNode(XSD + "date")),
              Literal("2020-01-01", datatype=NamedNode(XSD + "date"))]
    store.extend([Quad(NamedNode(f"urn:s{i}"), NamedNode("urn:p"), v) for i, v in enumerate(values)])
    rows = run("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", store).rows
    assert [row["o"] for row in rows] == ["1.5", "3", "10", "2020-01-01", "2020-01-02", "a", "b"]
    descending = run("SELECT ?o WHERE { ?s ?p ?o } ORDER BY DESC(?o)", store).rows
    assert [row["o"] for row in descending] == ["b", "a", "2020-01-02", "2020-01-01", "10", "3", "1.5"]


def test_a_syntax_error_after_the_order_by_names_the_users_position():
    store = Store()
    text = "SELECT * WHERE { ?s ?p ?o }\nORDER BY ?o DESC(?s) LIMIT x"
    with pytest.raises(sscard_kg.QueryError) as raised:
        run(text, store)
    with pytest.raises(SyntaxError) as direct:
        store.query(text)
    assert str(direct.value).startswith("error at 2:29:")
    assert str(raised.value) == f"the query does not parse: {direct.value}"


def test_order_by_in_a_subquery_and_inside_strings_and_comments():
    text = ('SELECT * WHERE { { SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 2 } '
            'FILTER(?o != "ORDER BY ?o") } # ORDER BY ?x\nORDER BY DESC(?o)')
    rewritten, insertions = order_by_kind(text)
    assert len(insertions) == 2
    assert rewritten.count('"ORDER BY ?o"') == 1 and rewritten.endswith("# ORDER BY ?x\nORDER BY DESC(CONCAT"
                                                                        "(IF(isNumeric(?o), \"\", STR(DATATYPE(?o)))"
                                                                        ", COALESCE(IF(TZ(?o) = \"\", \"\", \" tz\")"
                                                                        ", \"\"))) DESC(?o)")
    assert original_message("error at 1:2: x", text, insertions) == "error at 1:2: x"


# ---------------------------------------------------------------- fuzz: random mixes of values

DATATYPED = st.sampled_from([
    ("2020-01-0{}", "date"), ("2020-01-0{}Z", "date"), ("2020-01-0{}+14:00", "date"),
    ("2020-01-01T0{}:00:00", "dateTime"), ("2020-01-01T0{}:00:00-10:00", "dateTime"),
    ("0{}:00:00", "time"), ("0{}:30:00Z", "time"), ("P{}M", "duration"), ("P3{}D", "duration"),
    ("{}", "integer"), ("{}.5", "decimal"), ("NaN", "double"), ("INF", "double"), ("{}e0", "double"),
    ("x{}", "integer"), ("{}", "string"), ("true", "boolean"), ("202{}", "gYear"), ("202{}Z", "gYear"),
])
TERMS = st.one_of(
    st.builds(lambda kind, digit: Literal(kind[0].format(digit), datatype=NamedNode(XSD + kind[1])),
              DATATYPED, st.integers(1, 9)),
    st.builds(lambda number, typed: Literal(number) if typed else Literal(str(number)), st.integers(0, 999),
              st.booleans()),
    st.builds(lambda text, language: Literal(text, language=language), st.text("ab1", max_size=2),
              st.sampled_from(["en", "zh", "zh-Hans"])),
    st.builds(lambda n: NamedNode(f"urn:x:{n}"), st.integers(0, 5)),
)
ORDERS = st.sampled_from(["?o", "DESC(?o)", "?o ?s", "(STR(?o))", "ASC(?o) DESC(?s)"])


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(values=st.lists(TERMS, min_size=20, max_size=60), order=ORDERS)
def _order_any_mix(values, order):
    store = Store()
    store.extend([Quad(NamedNode(f"urn:s{i}"), NamedNode("urn:p"), v) for i, v in enumerate(values)])
    assert len(run(f"SELECT * WHERE {{ ?s ?p ?o }} ORDER BY {order}", store).rows) == len(values)


def test_any_mix_of_values_orders_without_aborting():
    """Hypothesis in a forked child: an abort ends the child, and the test reads its exit status."""
    child = multiprocessing.get_context("fork").Process(target=_order_any_mix)
    child.start()
    child.join(120)
    assert child.exitcode == 0


def test_a_key_cast_to_one_kind_is_not_keyed_again():
    text = ("PREFIX x: <http://www.w3.org/2001/XMLSchema#> SELECT * WHERE { ?s ?p ?o } "
            "ORDER BY x:integer(?o) DESC(STR(?s)) <http://www.w3.org/2001/XMLSchema#decimal>(?o) ?p LCASE(?o)")
    rewritten, insertions = order_by_kind(text)
    assert [text[i.at:].split(" ")[0] for i in insertions] == ["?p", "LCASE(?o)"]
    assert order_by_kind("SELECT * WHERE { ?s ?p ?o } ORDER BY xsd:integer(?o)")[1]  # xsd not declared: keyed
