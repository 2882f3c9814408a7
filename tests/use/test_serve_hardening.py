"""Nothing a user, a page or another web site sends crashes `sscard-kg serve`, reaches other
services through it, or writes to its store; a build while it runs is served; an absurd figure
never breaks the page; result files are written whole or not at all.

Each server is a real `sscard-kg serve` process on free loopback ports, always stopped.
"""

from __future__ import annotations

import http.server
import os
import resource
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store

import sscard_kg
from sscard_kg.use.report import build_html
from serving import free_port, read_banner, sscard_kg_command, start, stop

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
JSON = {"Accept": "application/sparql-results+json"}
ORDER_BY_O = "SELECT * WHERE { GRAPH <urn:x:r> { ?s ?p ?o } } ORDER BY ?o LIMIT 1"
COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ENDLESS = "SELECT ?a ?c WHERE { GRAPH <urn:x:big> { ?a ?b ?c } GRAPH <urn:x:big> { ?d ?e ?f } FILTER(?c > ?f) }"
ABSURD_ARTICLE = """---
title: 社保卡持卡人数
date: 9999-01-22
---
人力资源和社会保障部发布，截至9998年底，全国社会保障卡持卡人数达到13.79亿人。截至2023年底，全国社会保障卡持卡人数达到{digits}人。
""".format(digits="1" * 400)


def ask(url: str, query: str = "ASK {}", headers: dict | None = None) -> requests.Response:
    return requests.get(url, params={"query": query}, headers={**JSON, **(headers or {})}, timeout=30)


def children(process: subprocess.Popen) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found]


def graph_count(url: str) -> int:
    return int(ask(url, COUNT_GRAPHS).json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def mixed_store(repro_dir, tmp_path_factory) -> str:
    """The 21 triples that abort Oxigraph's ORDER BY, and 3,000 numbers to make slow queries of."""
    path = tmp_path_factory.mktemp("mixed") / "store"
    store = Store(str(path))
    store.load(path=str(repro_dir / "order-by-panic.nt"), format=RdfFormat.N_TRIPLES, to_graph=NamedNode("urn:x:r"))
    store.extend([Quad(NamedNode(f"urn:x:s{i}"), NamedNode("urn:x:p"), Literal(i), NamedNode("urn:x:big"))
                  for i in range(3000)])
    store.flush()
    del store
    return str(path)


@pytest.fixture(scope="module")
def server(mixed_store, request):
    port = free_port()
    process, lines = start(mixed_store, "--port", str(port), "--page-port", "0", "--timeout", "2")
    request.addfinalizer(lambda: stop(process))
    return {"process": process, "lines": lines, "endpoint": f"http://127.0.0.1:{port}/query", "port": port}


def serving(store: str, *options: str):
    """A server of a test's own, stopped when the test ends."""
    port = free_port()
    process, lines = start(store, "--port", str(port), *options)
    return process, lines, f"http://127.0.0.1:{port}"


# ---------------------------------------------------------------- 1. no query takes the endpoint down

def test_order_by_over_mixed_literals_answers_and_the_server_stays_up(server):
    response = ask(server["endpoint"], ORDER_BY_O)
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["o"]["value"] == "96"  # numbers first, smallest first
    assert ask(server["endpoint"]).json()["boolean"] is True


def test_a_query_nested_3000_deep_is_400_and_the_server_stays_up(server):
    response = requests.post(server["endpoint"], data={"query": "SELECT * WHERE " + "{" * 3000 + "}" * 3000},
                             timeout=30)
    assert response.status_code == 400 and "nests 3000 brackets deep" in response.text
    assert ask(server["endpoint"]).status_code == 200


def test_a_crashed_engine_fails_its_request_and_a_new_one_serves_everyone_after(server):
    answers = {}

    def slow() -> None:
        answers["slow"] = requests.get(server["endpoint"], params={"query": ENDLESS}, timeout=30)

    (engine,) = children(server["process"])
    client = threading.Thread(target=slow)
    client.start()
    time.sleep(0.5)
    os.kill(engine, signal.SIGABRT)
    client.join(30)
    assert answers["slow"].status_code == 502 and "stopped the SPARQL engine" in answers["slow"].text
    results = []
    clients = [threading.Thread(target=lambda: results.append(ask(server["endpoint"], ORDER_BY_O).status_code))
               for _ in range(4)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join(30)
    assert results == [200] * 4
    assert children(server["process"]) != [engine] and server["process"].poll() is None


# ---------------------------------------------------------------- 2. SERVICE reaches nothing unless allowed

class SecretService(http.server.BaseHTTPRequestHandler):
    """A service only this machine can reach, answering SPARQL results with a secret."""

    calls: list[str] = []
    BODY = b'{"head":{"vars":["secret"]},"results":{"bindings":[{"secret":{"type":"literal","value":"s3cr3t"}}]}}'

    def do_GET(self) -> None:  # noqa: N802
        self._answer()

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self) -> None:
        SecretService.calls.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(self.BODY)))
        self.end_headers()
        self.wfile.write(self.BODY)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def secret_service():
    SecretService.calls = []
    service = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SecretService)
    threading.Thread(target=service.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{service.server_address[1]}/sparql"
    service.shutdown()
    service.server_close()


def test_service_is_refused_and_the_local_service_is_never_called(server, secret_service):
    response = ask(server["endpoint"], f"SELECT * WHERE {{ SERVICE <{secret_service}> {{ ?secret ?p ?o }} }}")
    assert response.status_code == 403 and "--allow-service" in response.text
    assert "s3cr3t" not in response.text and SecretService.calls == []
    hidden = ask(server["endpoint"], "SELECT * WHERE { BIND(<%s> AS ?u) SERVICE ?u { ?s ?p ?o } }" % secret_service)
    assert hidden.status_code == 403 and SecretService.calls == []


def test_an_allowed_service_host_is_reached(mixed_store, secret_service):
    process, _, base = serving(mixed_store, "--page-port", "0", "--allow-service", "127.0.0.1")
    try:
        response = ask(base + "/query", f"SELECT ?secret WHERE {{ SERVICE <{secret_service}> {{ ?secret ?p ?o }} }}")
        assert response.status_code == 200 and "s3cr3t" in response.text and SecretService.calls
    finally:
        stop(process)


# ---------------------------------------------------------------- 3. writes: same origin or the token

@pytest.fixture
def writable(mixed_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(mixed_store, copy)
    process, lines, base = serving(str(copy), "--page-port", "0", "--writable")
    yield {"base": base, "lines": lines, "host": base.removeprefix("http://")}
    stop(process)


def test_a_cross_origin_form_post_cannot_empty_the_store(writable):
    before = graph_count(writable["base"] + "/query")
    response = requests.post(writable["base"] + "/update", data={"update": "DROP ALL"}, timeout=10,
                             headers={"Origin": "http://evil.example"})
    assert response.status_code == 403 and "another origin" in response.text
    assert "Access-Control-Allow-Origin" not in response.headers
    assert graph_count(writable["base"] + "/query") == before == 2


def test_a_rebound_host_name_is_refused(writable):
    response = requests.post(writable["base"] + "/update", data={"update": "DROP ALL"}, timeout=10,
                             headers={"Host": "evil.example:80"})
    assert response.status_code == 403 and "Host header" in response.text
    assert ask(writable["base"] + "/query", headers={"Host": "evil.example:80"}).status_code == 403
    assert graph_count(writable["base"] + "/query") == 2


def test_cors_allows_reads_but_never_writes(writable):
    preflight = requests.options(writable["base"] + "/update", timeout=10, headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in preflight.headers
    read = ask(writable["base"] + "/query", headers={"Origin": "http://evil.example"})
    assert read.status_code == 200 and read.headers["Access-Control-Allow-Origin"] == "*"


def test_same_origin_and_token_writes_are_accepted(writable):
    token = next(line.split()[2] for line in writable["lines"] if line.startswith("Write token"))
    own = requests.post(writable["base"] + "/update", data={"update": "DROP GRAPH <urn:x:r>"}, timeout=10,
                        headers={"Origin": writable["base"]})
    assert own.status_code in (200, 204)
    with_token = requests.post(writable["base"] + "/update", data={"update": "DROP GRAPH <urn:x:big>"}, timeout=10,
                               headers={"Origin": "http://elsewhere.example", "Authorization": f"Bearer {token}"})
    assert with_token.status_code in (200, 204)
    assert graph_count(writable["base"] + "/query") == 0


# ---------------------------------------------------------------- 4. a timeout is an error, not a result

@pytest.mark.parametrize("accept", ["text/csv", "application/sparql-results+json"])
def test_a_query_past_the_timeout_is_an_error_status(server, accept):
    response = requests.get(server["endpoint"], params={"query": ENDLESS}, headers={"Accept": accept}, timeout=60)
    assert (response.status_code, response.text) == (503, "the query ran past the 2 s limit (--timeout) and was stopped\n")


# ---------------------------------------------------------------- 5. a build while serving is served

def test_a_build_while_serving_is_served(tmp_path):
    store = str(tmp_path / "store")
    assert sscard_kg.build([str(EXAMPLES / "2020-english.txt")], store=store, workers=1).ok
    process, _, base = serving(store, "--page-port", "0")
    try:
        before = graph_count(base + "/query")
        assert sscard_kg.build([str(EXAMPLES)], store=store, workers=1).ok
        built = int(sscard_kg.query(COUNT_GRAPHS, store=store).rows[0]["n"])
        deadline, count = time.monotonic() + 20, before
        while count != built and time.monotonic() < deadline:
            time.sleep(0.2)
            count = graph_count(base + "/query")
        assert count == built > before
    finally:
        stop(process)


# ---------------------------------------------------------------- 6. an absurd figure never breaks the page

@pytest.fixture
def absurd_store(tmp_path) -> str:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "absurd.md").write_text(ABSURD_ARTICLE, encoding="utf-8")
    shutil.copy(EXAMPLES / "2020-english.txt", articles)
    store = str(tmp_path / "store")
    assert sscard_kg.build([str(articles)], store=store, workers=1).ok
    return store


def test_an_absurd_article_leaves_the_report_whole(absurd_store, tmp_path):
    output = tmp_path / "report.html"
    result = subprocess.run(sscard_kg_command() + ["report", "--store", absurd_store, "-o", str(output)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-300:]
    page = output.read_text(encoding="utf-8")
    assert 'data-file="2020-english.txt"' in page and 'data-file="absurd.md"' in page


@pytest.mark.parametrize("value, as_of", [
    ("1" * 400, "2023-12-31"), ("-" + "9" * 300, "2022"), ("7", "0000"), ("8", "2023-02-30"), ("abc", "2021")])
def test_a_figure_the_chart_cannot_place_stays_in_the_table(value, as_of):
    rows = [{"m": f"urn:x:m{i}", "metric": "card-holders", "value": v, "unit": "person", "asOf": a,
             "file": f"article-{i}.txt"} for i, (v, a) in enumerate([("1379000000", "2023-12-31"), (value, as_of),
                                                                    ("5", "9999-12-31"), ("6", "0001-01-01")])]
    page = build_html(rows)
    assert page.count("<circle") == 3 and page.count('<tr id="fig-') == 4
    assert "1 figure(s) with a value or date the chart cannot place are in the table only" in page


def test_an_absurd_article_leaves_the_served_page_whole(absurd_store):
    page_port = free_port()
    process, _, _ = serving(absurd_store, "--page-port", str(page_port))
    try:
        response = requests.get(f"http://127.0.0.1:{page_port}/", timeout=30)
        assert response.status_code == 200 and 'data-file="absurd.md"' in response.text
    finally:
        stop(process)


# ---------------------------------------------------------------- one clear line for the rest

def test_port_0_serves_on_a_free_port_and_says_which(mixed_store):
    process = subprocess.Popen(sscard_kg_command() + ["serve", "--store", mixed_store, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        lines = read_banner(process, wait=20)
        endpoint = lines[0].split()[2]
        assert ":0/" not in endpoint and ask(endpoint).json()["boolean"] is True
        page = lines[1].split()[2]
        assert requests.get(page, timeout=30).status_code == 200
    finally:
        stop(process)


def test_export_into_a_missing_folder_is_one_line(mixed_store):
    result = subprocess.run(sscard_kg_command() + ["export", "--store", mixed_store, "-o", "/missing/dir/x.ttl"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "error: /missing/dir/x.ttl: cannot write: the folder /missing/dir does not exist\n"


def _small_files() -> None:
    """A disk that takes 1,000 bytes a file: writes past it fail (Python ignores SIGXFSZ)."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))


@pytest.mark.parametrize("command", ["export", "report"])
def test_a_full_disk_leaves_the_previous_file_whole(absurd_store, tmp_path, command):
    folder = tmp_path / "out"
    folder.mkdir()
    previous = folder / "previous.out"
    previous.write_text("the previous file\n")
    result = subprocess.run(sscard_kg_command() + [command, "--store", absurd_store, "-o", str(previous)],
                            capture_output=True, text=True, timeout=60, preexec_fn=_small_files)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {previous}: cannot write: File too large")
    assert previous.read_text() == "the previous file\n"
    assert [path.name for path in folder.iterdir()] == ["previous.out"]


# ---------------------------------------------------------------- fuzz: random SPARQL fragments

HEADS = st.sampled_from(["", "SELECT * WHERE {", "SELECT * WHERE { GRAPH <urn:x:r> { ?s ?p ?o } }", "ASK {",
                         "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER("])
FRAGMENTS = st.sampled_from([
    "SELECT", "*", "WHERE", "{", "}", "(", ")", "[", "]", "?o", "?s", "$p", "GRAPH", "ORDER BY", "ORDER BY ?o",
    "DESC(", "ASC(", "LIMIT 1", "OFFSET 2", "FILTER(", "BIND(", "AS", "UNION", "OPTIONAL", "MINUS", "VALUES",
    "SERVICE", "<urn:x:p>", "<http://127.0.0.1:1/>", '"x"', "'y'@en", "1", "2.5", "1e9", "+", "-", "!", "&&",
    "||", "=", "<", ".", ";", ",", "a", "STR(", "COUNT(", "GROUP BY", "isNumeric(", "#", "\n", '"""', "\\",
    "\u00e9", "{" * 80, "(" * 80, "}" * 80, "{" * 1000, "EXISTS {", "{ ?s ?p ?o }",
])


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(head=HEADS, fragments=st.lists(FRAGMENTS, max_size=25))
def test_random_sparql_fragments_never_stop_the_endpoint(server, head, fragments):
    text = " ".join([head, *fragments])
    response = requests.post(server["endpoint"], data={"query": text}, headers=JSON, timeout=30)
    assert response.status_code in (200, 400, 403, 503), response.text
    assert ask(server["endpoint"]).json()["boolean"] is True
