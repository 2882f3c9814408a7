"""`sscard-kg serve`: Oxigraph's own SPARQL server on the store, with the report page beside it.

The endpoint is the `oxigraph` server binary (the PyPI package of the same version as
pyoxigraph, so it reads the store as written), not a hand-made one: it implements the SPARQL 1.1
Protocol with content negotiation, a query UI, CORS, query timeouts and read-only serving. It has
no static routes, so the report page is served by a few lines of standard-library HTTP on a second
port; the page is rebuilt from the endpoint on each request, so it stays current with a
`--writable` store and never opens the store beside the server.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .errors import SscardError

PAGE_PATHS = ("/", "/index.html", "/report.html")


class ServeError(SscardError):
    """The server cannot start or stopped on its own; the message says why."""


def oxigraph_binary() -> str:
    """The `oxigraph` executable, on PATH or beside this Python (an unactivated venv)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if not found:
        raise ServeError("the Oxigraph server is not installed: run `pip install oxigraph==0.5.13`")
    return found


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def server_command(store: str, host: str, port: int, timeout: int | None, writable: bool) -> list[str]:
    """The oxigraph command line; read-only unless asked, CORS always (it serves browsers)."""
    command = [oxigraph_binary(), "serve" if writable else "serve-read-only",
               "--location", store, "--bind", bind_address(host, port), "--cors"]
    if timeout:
        command += ["--timeout-s", str(timeout)]
    return command


def _die_with_parent() -> None:
    """Ask Linux to stop the server if sscard-kg dies without cleaning up (e.g. SIGKILL)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class Endpoint:
    """A running oxigraph server."""

    process: subprocess.Popen
    base: str
    log: Path

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    def error(self) -> str:
        """The server's own words on why it stopped (its log, without a backtrace)."""
        lines = [line.strip() for line in self.log.read_text(errors="replace").splitlines() if line.strip()]
        lines = [line for line in lines if not line.startswith(("Stack backtrace", "For more information"))]
        return lines[0] if lines else f"exit status {self.process.returncode}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.unlink(missing_ok=True)


def start_endpoint(store: str, host: str, port: int, timeout: int | None, writable: bool,
                   wait: float = 30) -> Endpoint:
    """Start the server and return once it answers a query."""
    location = Path(store)
    if not writable and not (location / "CURRENT").is_file():
        raise ServeError(f"{location}: no store here; run `sscard-kg build PATH --store {location}` first")
    log = Path(tempfile.mkstemp(prefix="sscard-oxigraph-", suffix=".log")[1])
    env = dict(os.environ, RUST_BACKTRACE="0", RUST_LIB_BACKTRACE="0")
    with log.open("wb") as sink:
        process = subprocess.Popen(server_command(str(location), host, port, timeout, writable), env=env,
                                   stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                                   preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    endpoint = Endpoint(process, f"http://{bind_address(host, port)}", log)
    try:
        _wait_until_ready(endpoint, wait)
    except BaseException:
        endpoint.stop()
        raise
    return endpoint


def _wait_until_ready(endpoint: Endpoint, wait: float) -> None:
    import requests

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if endpoint.process.poll() is not None:
            raise ServeError(f"the Oxigraph server did not start: {endpoint.error()}")
        try:
            if requests.get(endpoint.query_url, params={"query": "ASK {}"}, timeout=1).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise ServeError(f"the Oxigraph server did not answer on {endpoint.base} within {wait:.0f} s")


def page_server(host: str, port: int, query_url: str) -> ThreadingHTTPServer:
    """Serve the report page, rebuilt from the endpoint at each request, in a background thread."""
    from .report import build_html, figures_from_endpoint

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            if self.path.split("?")[0] not in PAGE_PATHS:
                return self._send(404, "text/plain", "not found; the report page is at /\n")
            try:
                html = build_html(figures_from_endpoint(query_url), endpoint=query_url)
            except SscardError as exc:
                return self._send(502, "text/plain", f"{exc}\n")
            self._send(200, "text/html; charset=utf-8", html)

        def _send(self, status: int, kind: str, text: str) -> None:
            body = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    try:
        server = ThreadingHTTPServer((host, port), Page)
    except OSError as exc:
        raise ServeError(f"cannot serve the report page on {bind_address(host, port)}: {exc.strerror or exc}") from None
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="report-page", daemon=True).start()
    return server


def serve(store: str, host: str, port: int, page_port: int | None, timeout: int | None, writable: bool,
          on_ready) -> int:
    """Run the endpoint (and the page) until interrupted or terminated; the server's exit status."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    endpoint = start_endpoint(store, host, port, timeout, writable)
    page = None
    try:
        page = page_server(host, page_port, endpoint.query_url) if page_port else None
        on_ready(endpoint.base, f"http://{bind_address(host, page_port)}/" if page else None)
        if endpoint.process.wait():
            raise ServeError(f"the Oxigraph server stopped: {endpoint.error()}")
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        if page:
            page.shutdown()
            page.server_close()
        endpoint.stop()
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
