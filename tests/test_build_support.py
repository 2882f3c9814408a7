"""Helpers the build tests share (no tests here): a small corpus made from examples/, store
dumps, the CLI in-process and a local HTTP server."""

from __future__ import annotations

import contextlib
import gc
import os
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pyoxigraph import DefaultGraph, RdfFormat, Store
from typer.testing import CliRunner

from sscard_kg.cli import app
from sscard_kg.graph.summary import FIGURES

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples").iterdir())
SS = "https://w3id.org/sscard-kg/ontology#"


def vary(text: str, index: int, version: int = 0) -> str:
    """The same article with its decimal figures shifted, so each variant is a distinct article."""
    shift = (index * 7 + version * 3) % 97 + 1

    def bump(match: re.Match) -> str:
        whole, frac = match.group(1), match.group(2)
        value = int(whole + frac) + shift
        digits = str(value).rjust(len(whole + frac), "0")
        return f"{digits[:-len(frac)]}.{digits[-len(frac):]}"

    return re.sub(r"(?<![\d.])(\d{1,3})\.(\d{2,3})(?![\d.])", bump, text)


def make_corpus(folder: Path, count: int, version: int = 0) -> list[Path]:
    """`count` distinct articles (variants of the three examples) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        source = EXAMPLES[index % len(EXAMPLES)]
        path = folder / f"a{index:03d}{source.suffix}"
        path.write_text(vary(source.read_text(encoding="utf-8"), index, version), encoding="utf-8")
        paths.append(path)
    return paths


@contextlib.contextmanager
def opened(store: Path):
    """The store opened read-only, closed again on leaving (so a build can open it next)."""
    db = Store.read_only(str(store))
    try:
        yield db
    finally:
        del db
        gc.collect()


def dump(store: Path) -> list[str]:
    with opened(store) as db:
        return sorted(db.dump(format=RdfFormat.N_QUADS).decode("utf-8").splitlines())


def graphs(store: Path) -> dict[str, frozenset[str]]:
    """{graph IRI or '' for the default graph: its quads as N-Quads lines}; the figures summary,
    derived from the articles, left out (tests/test_summary.py checks it)."""
    found: dict[str, set[str]] = {}
    with opened(store) as db:
        for quad in db:
            if quad.graph_name == FIGURES:
                continue
            name = "" if isinstance(quad.graph_name, DefaultGraph) else quad.graph_name.value
            found.setdefault(name, set()).add(str(quad))
    return {name: frozenset(lines) for name, lines in found.items()}


def key_of(path: Path) -> str:
    """The source key of a file that is no link: its absolute path, links in its folders resolved."""
    return os.path.realpath(path)


def source_keys(store: Path) -> set[str]:
    with opened(store) as db:
        return {row["k"].value for row in db.query(
            f"SELECT ?k WHERE {{ GRAPH ?g {{ ?a <{SS}sourceKey> ?k }} }}")}


def cli(*args: str):
    """Run `sscard-kg ARGS` in-process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@contextlib.contextmanager
def http_server(routes: dict, host: str = "127.0.0.1"):
    """Serve `routes` ({path: handler(request)}) on `host` (a loopback address); yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            route = routes.get(self.path.split("?")[0])
            if route is None:
                self.send_error(404, "Not Found")
                return
            try:
                route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def reply(request, body: bytes, status: int = 200, kind: str = "text/plain; charset=utf-8", headers=()):
    request.send_response(status)
    request.send_header("Content-Type", kind)
    request.send_header("Content-Length", str(len(body)))
    for name, value in headers:
        request.send_header(name, value)
    request.end_headers()
    request.wfile.write(body)
