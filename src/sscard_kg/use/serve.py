"""`sscard-kg serve`: Oxigraph's own SPARQL server on the store, behind a guard, with the report page.

The engine is the `oxigraph` server binary (the PyPI package of the same version as pyoxigraph,
so it reads the store as written): it implements the SPARQL 1.1 Protocol with content
negotiation, a query UI and query timeouts. It listens on a private loopback port; what users
reach is a guard of standard-library HTTP in front of it, because some requests must never reach
the engine as sent:

- a query that would abort the engine (an ORDER BY over mixed kinds of value, a query nested
  thousands deep) is rewritten or refused first (`sparql_text`); if the engine dies anyway, that
  request gets 502 and a new engine answers the next one;
- SERVICE (and LOAD) would make the server fetch any URL for whoever sends the query: refused
  unless the host is allowed (`--allow-service`);
- a write must come from the server's own origin or carry the token printed at start, the Host
  header must name the bound address (DNS rebinding), and CORS allows reads only;
- a query the engine cancels at `--timeout` is answered 503, not 200 with half a result, so the
  whole answer is held until it is complete;
- a read-only engine sees the store as it was when it opened, so when the store changes on disk
  (a build) a new engine is started and takes the next requests.

The report page is served on a second port, rebuilt from the endpoint at each request.
"""

from __future__ import annotations

import ctypes
import functools
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..errors import QueryError, SscardError
from ..resources import data_file
from .sparql_text import check_size, iris_after, order_by_kind, original_message

PAGE_PATHS = ("/", "/index.html", "/report.html")
UI_PATHS = ("/", "/index.html")
CANCELLED = b"The SPARQL operation has been cancelled"
QUERY_PATHS = ("/query", "/sparql")
MAX_REQUEST_BYTES = 64 * 2**20
SPOOL_BYTES = 32 * 2**20
CATCH_UP_EVERY = 1.0  # seconds between looks at the store's files
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


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
    """The oxigraph command line; read-only unless asked. No CORS: the guard in front decides it."""
    command = [oxigraph_binary(), "serve" if writable else "serve-read-only",
               "--location", store, "--bind", bind_address(host, port)]
    if timeout:
        command += ["--timeout-s", str(timeout)]
    return command


def _die_with_parent() -> None:
    """Ask Linux to stop the server if sscard-kg dies without cleaning up (e.g. SIGKILL)."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@dataclass
class Endpoint:
    """A running oxigraph server (the engine), on a private loopback port."""

    process: subprocess.Popen
    base: str
    log: Path
    port: int
    active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    def error(self) -> str:
        """The server's own words on why it stopped (its log, without a backtrace)."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        lines = [line for line in lines if not line.startswith(("Stack backtrace", "For more information", "note:"))]
        return lines[-1] if lines else f"exit status {self.process.returncode}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.unlink(missing_ok=True)


def start_endpoint(store: str, timeout: int | None, writable: bool, port: int | None = None,
                   wait: float = 30) -> Endpoint:
    """Start the engine on a loopback port and return once it answers a query."""
    location = Path(store)
    if not writable and not (location / "CURRENT").is_file():
        raise ServeError(f"{location}: no store here; run `sscard-kg build PATH --store {location}` first")
    port = port or free_port()
    log = Path(tempfile.mkstemp(prefix="sscard-oxigraph-", suffix=".log")[1])
    env = dict(os.environ, RUST_BACKTRACE="0", RUST_LIB_BACKTRACE="0")
    with log.open("wb") as sink:
        process = subprocess.Popen(server_command(str(location), "127.0.0.1", port, timeout, writable), env=env,
                                   stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                                   preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    endpoint = Endpoint(process, f"http://127.0.0.1:{port}", log, port)
    try:
        _wait_until_ready(endpoint, wait)
    except BaseException:
        endpoint.stop()
        raise
    return endpoint


def _wait_until_ready(endpoint: Endpoint, wait: float) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if endpoint.process.poll() is not None:
            raise ServeError(f"the Oxigraph server did not start: {endpoint.error()}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", endpoint.port, timeout=1)
            connection.request("GET", "/query?query=ASK%7B%7D")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise ServeError(f"the Oxigraph server did not answer on {endpoint.base} within {wait:.0f} s")


def store_state(store: str) -> tuple:
    """What the store's files look like now; it changes whenever a build writes."""
    try:
        return tuple(sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                            for entry in os.scandir(store) if entry.is_file()))
    except OSError:
        return ()


class Engines:
    """The engine now taking requests: a new one replaces a dead one, and (read-only) one that
    no longer sees the store as it is on disk; a replaced engine finishes its requests first."""

    def __init__(self, store: str, timeout: int | None, writable: bool):
        self.store, self.timeout, self.writable = store, timeout, writable
        self.lock = threading.Lock()
        self.state = store_state(store)
        self.looked = time.monotonic()
        # Linux stops an engine when the thread that started it ends (PR_SET_PDEATHSIG), so every
        # engine is started by one thread that lives as long as serve, never by a request's thread.
        self.starter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engine-starter")
        try:
            self.current = self._start(None)
        except BaseException:
            self.starter.shutdown()
            raise

    def _start(self, port: int | None) -> Endpoint:
        return self.starter.submit(start_endpoint, self.store, self.timeout, self.writable, port).result()

    def acquire(self) -> Endpoint:
        """The engine to send a request to, counted as busy until `release`."""
        with self.lock:
            if self.current.process.poll() is not None:
                self._replace(reuse_port=True)
            elif not self.writable and time.monotonic() - self.looked >= CATCH_UP_EVERY:
                self.looked = time.monotonic()
                state = store_state(self.store)
                if state != self.state:
                    self.state = state
                    self._replace(reuse_port=False)
            engine = self.current
            with engine.lock:
                engine.active += 1
            return engine

    def release(self, engine: Endpoint) -> None:
        with engine.lock:
            engine.active -= 1
            idle = engine.active == 0
        if idle and engine is not self.current:
            engine.stop()

    def _replace(self, reuse_port: bool) -> None:
        old = self.current
        self.current = self._start(old.port if reuse_port else None)
        with old.lock:
            idle = old.active == 0
        if idle:
            old.stop()

    def stop(self) -> None:
        with self.lock:
            self.current.stop()
        self.starter.shutdown()


# ---------------------------------------------------------------- what the guard lets through

@dataclass
class Policy:
    """What the guard accepts: the addresses it answers as, who may write, which hosts SERVICE may reach."""

    host: str
    port: int
    writable: bool
    token: str
    allowed_services: tuple[str, ...] = ()
    timeout: int | None = None

    def host_names(self) -> set[str]:
        names = {self.host} | (set(LOOPBACK_NAMES) if self.host in LOOPBACK_NAMES else set())
        return {bind_address(name.strip("[]"), self.port) for name in names}

    def origins(self) -> set[str]:
        return {f"http://{name}" for name in self.host_names()}


def host_refusal(policy: Policy, host_header: str | None) -> str | None:
    """Why a request's Host header is refused: it must name the bound address, so a page on
    another site whose name was made to point here (DNS rebinding) is not answered."""
    if policy.host in ("0.0.0.0", "::"):
        return None
    if (host_header or "").lower() in policy.host_names():
        return None
    return f"the Host header {host_header!r} is not this server's address ({bind_address(policy.host, policy.port)})"


def write_refusal(policy: Policy, headers) -> str | None:
    """Why a write is refused: it must carry the token or come from this server's own origin."""
    authorization = headers.get("Authorization", "")
    if secrets.compare_digest(authorization.encode(), f"Bearer {policy.token}".encode()):
        return None
    origin = headers.get("Origin")
    if origin is not None and origin not in policy.origins():
        return f"a write from another origin ({origin}) is refused; send the token printed at start"
    if headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return "a write from another site is refused; send the token printed at start"
    return None


def service_refusal(policy: Policy, sparql: str) -> str | None:
    """Why a query's SERVICE (or an update's LOAD) is refused: it would make this server fetch a
    URL for whoever sent the query, reaching services that only this machine can reach."""
    for iri in iris_after(sparql, {"SERVICE", "LOAD"}):
        target = urlsplit(iri or "")
        hostname = (target.hostname or "").lower()
        if hostname and (hostname in policy.allowed_services
                         or f"{hostname}:{target.port}" in policy.allowed_services):
            continue
        shown = iri or "a variable or prefixed name"
        return (f"SERVICE and LOAD are off on this endpoint ({shown}); "
                "start it with --allow-service HOST to allow that host")
    return None


@dataclass
class Forward:
    """A request as it goes on to the engine, or the status and text the guard answers instead."""

    body: bytes = b""
    target: str = ""
    refusal: tuple[int, str] | None = None
    original: str = ""
    insertions: list = field(default_factory=list)


def guard(policy: Policy, method: str, path: str, query_string: str, content_type: str, body: bytes,
          headers) -> Forward:
    """Check one request and make the one the engine gets: SPARQL checked, ORDER BY made safe."""
    refused = host_refusal(policy, headers.get("Host"))
    if refused:
        return Forward(refusal=(403, refused))
    params = parse_qsl(query_string, keep_blank_values=True)
    form = content_type.startswith("application/x-www-form-urlencoded")
    fields = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True) if form else []
    is_update = (any(name == "update" for name, _ in params + fields)
                 or content_type.startswith("application/sparql-update"))
    is_read = not is_update and (method in ("GET", "HEAD") or (method == "POST" and path in QUERY_PATHS))
    if not is_read:
        refused = write_refusal(policy, headers)
        if refused:
            return Forward(refusal=(403, refused))
    texts = [value for name, value in params + fields if name in ("query", "update")]
    if content_type.startswith(("application/sparql-query", "application/sparql-update")):
        texts.append(body.decode("utf-8", "replace"))
    for text in texts:
        try:
            check_size(text)
        except QueryError as exc:
            return Forward(refusal=(400, str(exc)))
        refused = service_refusal(policy, text)
        if refused:
            return Forward(refusal=(403, refused))
    return _keyed(path, params, fields, form, content_type, body)


def _keyed(path: str, params: list, fields: list, form: bool, content_type: str, body: bytes) -> Forward:
    """The request with its query's ORDER BY keyed by kind (`sparql_text.order_by_kind`)."""
    def keyed(pairs: list) -> tuple[list, str, list]:
        out, original, insertions = [], "", []
        for name, value in pairs:
            if name == "query":
                original = value
                value, insertions = order_by_kind(value)
            out.append((name, value))
        return out, original, insertions

    params, original, insertions = keyed(params)
    if form:
        fields, original_form, form_insertions = keyed(fields)
        original, insertions = (original_form, form_insertions) if original_form else (original, insertions)
        body = urlencode(fields).encode()
    elif content_type.startswith("application/sparql-query"):
        original = body.decode("utf-8", "replace")
        text, insertions = order_by_kind(original)
        body = text.encode()
    target = path + ("?" + urlencode(params) if params else "")
    return Forward(body=body, target=target, original=original, insertions=insertions)


# ---------------------------------------------------------------- the guard's HTTP server

class Guard(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], policy: Policy, engines: Engines):
        self.policy, self.engines = policy, engines
        super().__init__(address, GuardHandler)

    def handle_error(self, request, client_address) -> None:
        """A client that hung up is no fault of the server's: nothing to print."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@functools.cache
def query_ui_page() -> bytes:
    """Oxigraph's query UI, opening on a query over the article graphs (`query_ui.rq`): its own
    opens on the default graph, which holds only the ontology and gazetteers."""
    opening = data_file("query_ui.rq").read_text(encoding="utf-8")
    page = Template(data_file("query_ui.html").read_text(encoding="utf-8"))
    return page.substitute(opening=json.dumps(opening).replace("</", "<\\/")).encode("utf-8")


class GuardHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Guard

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        self._handle()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_GET  # noqa: N815

    def do_OPTIONS(self) -> None:  # noqa: N802
        """A CORS preflight: allowed for queries (reads), never for writes."""
        if urlsplit(self.path).path in QUERY_PATHS and self.headers.get("Access-Control-Request-Method") in ("GET", "POST"):
            return self._send(204, "text/plain", b"", cors=True, extra={
                "Access-Control-Allow-Methods": "GET, POST",
                "Access-Control-Allow-Headers": "Content-Type, Accept"})
        self._send(403, "text/plain; charset=utf-8", b"cross-origin writes are not allowed\n")

    def _handle(self) -> None:
        length = self.headers.get("Content-Length") or "0"
        if not length.isdigit():
            self.close_connection = True
            return self._send(400, "text/plain; charset=utf-8", b"the Content-Length is not a number\n")
        length = int(length)
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return self._send(413, "text/plain; charset=utf-8", b"the request is too large\n")
        body = self.rfile.read(length) if length else b""
        split = urlsplit(self.path)
        content_type = self.headers.get("Content-Type", "")
        forward = guard(self.server.policy, self.command, split.path, split.query, content_type, body, self.headers)
        if forward.refusal:
            status, text = forward.refusal
            return self._send(status, "text/plain; charset=utf-8", (text + "\n").encode(), cors=True)
        if self.command in ("GET", "HEAD") and split.path in UI_PATHS:
            return self._send(200, "text/html; charset=utf-8", query_ui_page())
        engines = self.server.engines
        try:
            engine = engines.acquire()
        except ServeError as exc:
            return self._send(503, "text/plain; charset=utf-8", f"{exc}\n".encode(), cors=True)
        try:
            self._relay(engine, forward, content_type)
        finally:
            engines.release(engine)

    def _relay(self, engine: Endpoint, forward: Forward, content_type: str) -> None:
        headers = {name: value for name, value in self.headers.items()
                   if name.lower() in ("accept", "content-type", "authorization")}
        if content_type:
            headers["Content-Type"] = content_type
        timeout = self.server.policy.timeout
        try:
            connection = http.client.HTTPConnection("127.0.0.1", engine.port, timeout=(timeout or 3600) + 10)
            connection.request(self.command, forward.target, body=forward.body or None, headers=headers)
            response = connection.getresponse()
            with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as spool:
                tail = b""
                while chunk := response.read(65536):
                    spool.write(chunk)
                    tail = (tail + chunk)[-len(CANCELLED):]
                spool.seek(0)
                self._answer(response, spool, tail, forward)
        except TimeoutError:
            self._send(504, "text/plain; charset=utf-8",
                       f"the query did not finish within the {timeout} s limit\n".encode(), cors=True)
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            self._send(502, "text/plain; charset=utf-8", (self._engine_failure(engine, exc) + "\n").encode(), cors=True)

    def _engine_failure(self, engine: Endpoint, exc: Exception) -> str:
        """What went wrong with the engine; a dead one is replaced before the client is told."""
        try:
            engine.process.wait(2)
        except subprocess.TimeoutExpired:
            return f"the SPARQL engine did not answer: {exc}"
        reason = engine.error()
        self.server.engines.release(self.server.engines.acquire())
        return f"the query stopped the SPARQL engine ({reason}); a new one answers the next query"

    def _answer(self, response, spool, tail: bytes, forward: Forward) -> None:
        kind = response.getheader("Content-Type", "text/plain")
        if response.status == 200 and tail == CANCELLED:
            text = f"the query ran past the {self.server.policy.timeout} s limit (--timeout) and was stopped\n"
            return self._send(503, "text/plain; charset=utf-8", text.encode(), cors=True)
        if response.status == 400 and forward.insertions:
            message = original_message(spool.read().decode("utf-8", "replace"), forward.original, forward.insertions)
            return self._send(400, kind, message.encode(), cors=True)
        self._send(response.status, kind, spool, cors=True)

    def _send(self, status: int, kind: str, body, cors: bool = False, extra: dict | None = None) -> None:
        size = len(body) if isinstance(body, bytes) else body.seek(0, os.SEEK_END)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(size))
        if cors and urlsplit(self.path).path in QUERY_PATHS:
            self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        if isinstance(body, bytes):
            self.wfile.write(body)
        else:
            body.seek(0)
            shutil.copyfileobj(body, self.wfile)

    def log_message(self, *args) -> None:
        pass


def guard_server(host: str, port: int, policy: Policy, engines: Engines) -> Guard:
    try:
        server = Guard((host, port), policy, engines)
    except OSError as exc:
        raise ServeError(f"cannot serve on {bind_address(host, port)}: {exc.strerror or exc}") from None
    policy.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, name="sparql-guard", daemon=True).start()
    return server


def page_server(host: str, port: int, query_url: str, policy: Policy) -> ThreadingHTTPServer:
    """Serve the report page, rebuilt from the endpoint at each request, in a background thread."""
    from .report import SOURCE_PATH, build_html, figures_from_endpoint, served_link, source_from_endpoint

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            page_policy = Policy(policy.host, self.server.server_address[1], False, "")
            refused = host_refusal(page_policy, self.headers.get("Host"))
            if refused:
                return self._send(403, "text/plain", refused + "\n")
            path, _, query_string = self.path.partition("?")
            if path == SOURCE_PATH:
                return self._source(dict(parse_qsl(query_string)).get("key", ""))
            if path not in PAGE_PATHS:
                return self._send(404, "text/plain", "not found; the report page is at /\n")
            try:
                html = build_html(figures_from_endpoint(query_url), endpoint=query_url, link=served_link)
            except SscardError as exc:
                return self._send(502, "text/plain", f"{exc}\n")
            self._send(200, "text/html; charset=utf-8", html)

        def _source(self, key: str) -> None:
            """An article's own file, and no other: the page's links open it."""
            try:
                found = source_from_endpoint(query_url, key)
            except SscardError as exc:
                return self._send(502, "text/plain", f"{exc}\n")
            if found is None:
                return self._send(404, "text/plain", "not found: no article in the store has that source file\n")
            self._send(200, *found)

        def _send(self, status: int, kind: str, text: str | bytes) -> None:
            body = text if isinstance(text, bytes) else text.encode("utf-8")
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


@dataclass
class Serving:
    """What serve tells the user once it is ready."""

    endpoint: str
    page: str | None
    token: str | None
    writable: bool


def serve(store: str, host: str, port: int, page_port: int | None, timeout: int | None, writable: bool,
          on_ready, allowed_services: tuple[str, ...] = ()) -> int:
    """Run the endpoint (and the page) until interrupted or terminated.

    `port` 0 picks a free port; `page_port` None puts the page on the next port (a free one when
    `port` is 0), 0 serves no page."""
    policy = Policy(host, port, writable, secrets.token_urlsafe(24),
                    tuple(name.lower() for name in allowed_services), timeout)
    engines = Engines(store, timeout, writable)
    previous = {sig: signal.signal(sig, _interrupt) for sig in (signal.SIGTERM, signal.SIGINT)}
    front = page = None
    try:
        front = guard_server(host, port, policy, engines)
        base = f"http://{bind_address(host, policy.port)}"
        if page_port is None:
            page_port = policy.port + 1 if port else free_port(host)
        page = page_server(host, page_port, base + "/query", policy) if page_port else None
        page_url = f"http://{bind_address(host, page.server_address[1])}/" if page else None
        on_ready(Serving(base, page_url, policy.token if writable else None, writable))
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    finally:
        for server in (page, front):
            if server:
                server.shutdown()
                server.server_close()
        engines.stop()
        previous = {sig: signal.signal(sig, handler) for sig, handler in previous.items()}


def _interrupt(signum, frame) -> None:  # SIGINT too: a shell starts a background job with it ignored
    raise KeyboardInterrupt
