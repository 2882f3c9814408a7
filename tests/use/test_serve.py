"""`sscard-kg serve` answers the SPARQL 1.1 Protocol the way real clients speak it.

One store is built from the seeds for the module and one server is started on free loopback
ports; it is queried with SPARQLWrapper, rdflib's SPARQLStore and plain HTTP, and always stopped.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
from pathlib import Path

import pytest
import requests
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

import sscard_kg
from sscard_kg.use.serve import server_command
from serving import free_port, read_banner, sscard_kg_command, start, stop

PREFIXES = """PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
CARD_HOLDERS = PREFIXES + """SELECT ?value ?asOf WHERE {
  GRAPH ?g { ?m ss:kind ss:Level ; ss:metric/skos:notation "card-holders" ; ss:value ?value ; ss:asOf ?asOf }
} ORDER BY ?asOf ?value"""
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CONSTRUCT = PREFIXES + """CONSTRUCT { ?m ss:value ?value } WHERE {
  GRAPH ?g { ?m ss:metric/skos:notation "card-holders" ; ss:value ?value } }"""
INSERT = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> <urn:x:o> } }"


@pytest.fixture(scope="module")
def store(build_seeds_store) -> str:
    return build_seeds_store("serve")


@pytest.fixture(scope="module")
def server(store, request):
    port, page_port = free_port(), free_port()
    process, lines = start(store, "--host", "127.0.0.1", "--port", str(port), "--page-port", str(page_port))
    request.addfinalizer(lambda: stop(process))
    return {"process": process, "lines": lines, "endpoint": f"http://127.0.0.1:{port}/query",
            "update": f"http://127.0.0.1:{port}/update", "page": f"http://127.0.0.1:{page_port}/"}


@pytest.fixture(scope="module")
def expected(store) -> list[tuple[str, str]]:
    """The card-holders figures as the library reads them from the same store."""
    return [(row["value"], row["asOf"]) for row in sscard_kg.query(CARD_HOLDERS, store=store).rows]


def test_serve_prints_the_urls(server):
    assert server["lines"][0].startswith(f"SPARQL endpoint  {server['endpoint']}")
    assert "read-only" in server["lines"][0]
    assert server["lines"][1].strip() == f"Report page      {server['page']}"


def test_the_engine_is_oxigraphs_read_only_server_with_a_timeout_and_no_cors_of_its_own():
    command = server_command("store", "127.0.0.1", 7878, 30, writable=False)
    assert Path(command[0]).name == "oxigraph"
    assert command[1:] == ["serve-read-only", "--location", "store", "--bind", "127.0.0.1:7878",
                           "--timeout-s", "30"]
    assert server_command("store", "::1", 80, None, writable=True)[1:] == [
        "serve", "--location", "store", "--bind", "[::1]:80"]


# ---------------------------------------------------------------- SPARQLWrapper

def test_sparqlwrapper_select_json(server, expected):
    client = SPARQLWrapper(server["endpoint"])
    client.setQuery(CARD_HOLDERS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert [(b["value"]["value"], b["asOf"]["value"]) for b in bindings] == expected
    assert len(expected) >= 5


def test_sparqlwrapper_select_csv_by_post(server, expected):
    client = SPARQLWrapper(server["endpoint"])
    client.setMethod("POST")
    client.setQuery(CARD_HOLDERS)
    client.setReturnFormat(CSV)
    lines = client.query().convert().decode().splitlines()
    assert lines[0] == "value,asOf" and len(lines) == len(expected) + 1


def test_sparqlwrapper_ask_and_construct(server, expected):
    client = SPARQLWrapper(server["endpoint"])
    client.setQuery(PREFIXES + 'ASK { GRAPH ?g { ?m skos:notation "card-holders" } }')
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True
    client.setQuery(CONSTRUCT)
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(graph) >= len(expected)


def test_sparqlwrapper_reports_a_malformed_query(server):
    client = SPARQLWrapper(server["endpoint"])
    client.setQuery("SELECT ?x WHERE { ?x ")
    with pytest.raises(QueryBadFormed, match="error at"):
        client.query()


# ---------------------------------------------------------------- rdflib's SPARQLStore

def test_rdflib_sparqlstore_runs_a_named_query(server, store):
    graph = Graph(store=SPARQLStore(query_endpoint=server["endpoint"], returnFormat="json"))
    text = (Path(__file__).resolve().parents[2] / "queries" / "latest-figures.rq").read_text(encoding="utf-8")
    remote = {(str(row.metric), str(row.value), str(row.file)) for row in graph.query(text)}
    local = {(r["metric"], r["value"], r["file"]) for r in sscard_kg.query("latest-figures", store=store).rows}
    assert remote == local and ("card-holders", "1379000000", "002_0c0e029cf37eb270.txt") in remote


# ---------------------------------------------------------------- plain HTTP

@pytest.mark.parametrize("accept, kind", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
])
def test_get_select_in_each_results_format(server, accept, kind):
    response = requests.get(server["endpoint"], params={"query": COUNT_ALL}, headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(kind)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's JSON-LD parser uses ConjunctiveGraph
@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld")])
def test_construct_in_each_graph_format(server, accept, fmt, expected):
    response = requests.get(server["endpoint"], params={"query": CONSTRUCT}, headers={"Accept": accept}, timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith(accept)
    values = {str(o) for o in Graph().parse(data=response.text, format=fmt).objects()}
    assert {value for value, _ in expected} <= values


def test_post_form_and_post_body_give_the_get_answer(server):
    headers = {"Accept": "application/sparql-results+json"}
    get = requests.get(server["endpoint"], params={"query": COUNT_ALL}, headers=headers, timeout=10).json()
    form = requests.post(server["endpoint"], data={"query": COUNT_ALL}, headers=headers, timeout=10)
    body = requests.post(server["endpoint"], data=COUNT_ALL.encode(), timeout=10,
                         headers={**headers, "Content-Type": "application/sparql-query"})
    assert form.status_code == body.status_code == 200
    assert form.json() == body.json() == get and int(get["results"]["bindings"][0]["n"]["value"]) > 1000


def test_an_unservable_accept_is_406(server):
    response = requests.get(server["endpoint"], params={"query": COUNT_ALL}, headers={"Accept": "image/png"},
                            timeout=10)
    assert response.status_code == 406 and "accept" in response.text.lower()


def test_no_accept_gets_json(server):
    response = requests.get(server["endpoint"], params={"query": COUNT_ALL}, headers={"Accept": "*/*"}, timeout=10)
    assert response.status_code == 200 and "bindings" in response.json()["results"]


def test_a_malformed_query_is_400_with_the_parsers_message(server, store):
    bad = "SELECT ?x WHERE { ?x "
    response = requests.get(server["endpoint"], params={"query": bad}, timeout=10)
    assert response.status_code == 400 and response.text.startswith("error at 1:")
    with pytest.raises(sscard_kg.QueryError) as local:
        sscard_kg.query(bad, store=store)
    assert response.text.strip() in str(local.value)


def test_an_update_is_refused_and_changes_nothing(server):
    before = requests.get(server["endpoint"], params={"query": COUNT_ALL}, timeout=10).json()
    refused = requests.post(server["update"], data=INSERT.encode(), timeout=10,
                            headers={"Content-Type": "application/sparql-update"})
    as_query = requests.post(server["endpoint"], data=INSERT.encode(), timeout=10,
                             headers={"Content-Type": "application/sparql-query"})
    assert refused.status_code == 403 and "read-only" in refused.text
    assert as_query.status_code == 400
    assert requests.get(server["endpoint"], params={"query": COUNT_ALL}, timeout=10).json() == before


def test_cors_is_allowed(server):
    response = requests.get(server["endpoint"], params={"query": "ASK {}"}, timeout=10,
                            headers={"Origin": "http://example.org"})
    assert response.headers.get("Access-Control-Allow-Origin") in ("*", "http://example.org")


def test_the_query_ui_is_served(server):
    response = requests.get(server["endpoint"].removesuffix("query"), timeout=10)
    assert response.status_code == 200 and "yasgui" in response.text.lower()


def test_the_report_page_is_served_beside_the_endpoint(server, expected):
    response = requests.get(server["page"], timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/html")
    assert response.text.count('data-metric="card-holders" data-file=') == len(expected)
    assert server["endpoint"] in response.text
    assert requests.get(server["page"] + "nothing-here", timeout=10).status_code == 404


# ---------------------------------------------------------------- other modes and failures

def test_writable_accepts_an_update(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    port = free_port()
    process, lines = start(str(copy), "--port", str(port), "--page-port", "0", "--writable")
    try:
        assert "read-write" in lines[0] and not any("Report page" in line for line in lines)
        update = requests.post(f"http://127.0.0.1:{port}/update", data=INSERT.encode(), timeout=10,
                               headers={"Content-Type": "application/sparql-update"})
        assert update.status_code in (200, 204)
        ask = requests.get(f"http://127.0.0.1:{port}/query", timeout=10,
                           params={"query": "ASK { GRAPH <urn:x:g> { <urn:x:s> ?p ?o } }"},
                           headers={"Accept": "application/sparql-results+json"})
        assert ask.json()["boolean"] is True
    finally:
        assert stop(process) == 0


def test_a_missing_store_is_a_clear_error(tmp_path):
    result = subprocess.run(sscard_kg_command() + ["serve", "--store", str(tmp_path / "none"),
                                                   "--port", str(free_port())],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "no store here" in result.stderr and "Traceback" not in result.stderr


def test_a_busy_port_is_a_clear_error(store, server):
    port = int(server["endpoint"].split(":")[2].split("/")[0])
    result = subprocess.run(sscard_kg_command() + ["serve", "--store", store, "--port", str(port),
                                                   "--page-port", "0"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "Address already in use" in result.stderr
    assert "Traceback" not in result.stderr and "backtrace" not in result.stderr


def test_stopping_serve_stops_the_oxigraph_server(store):
    port = free_port()
    process, _ = start(store, "--port", str(port), "--page-port", "0")
    children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    assert stop(process) == 0
    assert children and all(not Path(f"/proc/{pid}").exists() for pid in children)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/query", params={"query": "ASK {}"}, timeout=2)


def test_ctrl_c_stops_serve_started_as_a_background_job(store):
    """A shell starts a background job with SIGINT ignored; Ctrl-C (SIGINT) must still stop the endpoint."""
    process = subprocess.Popen(sscard_kg_command() + ["serve", "--store", store, "--port", str(free_port()),
                                                      "--page-port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    read_banner(process)
    assert process.poll() is None and stop(process) == 0
