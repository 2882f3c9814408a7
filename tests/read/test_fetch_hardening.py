"""Fetching URLs: only public addresses (checked after name resolution, at every redirect) unless
private ones are allowed; credentials in a URL are never sent nor stored; `--timeout` bounds the
whole fetch, redirects and a server that sends a byte at a time included; `HTTP://` is a URL.

Every server here is the test's own, on loopback: a test that fetches from it allows private
addresses, and the refusals are checked without that permission."""

from __future__ import annotations

import gzip
import time

import pytest
from test_build_support import EXAMPLES, cli, http_server, key_of, reply, source_keys

from sscard_kg.read import fetch as fetching
from sscard_kg.read import sources
from sscard_kg.errors import SourceError
from sscard_kg.read.sources import SourceRef

ARTICLE = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人，其中9.62亿人领用了电子社保卡。"
SECRET = "内部页面：截至2023年底，全国社会保障卡持卡人数达到99.99亿人。"
ALLOW = "--allow-private-urls"


def build(tmp_path, *args: str):
    """Build the examples and `args` (URLs and options); the result and the store."""
    store = tmp_path / "store"
    result = cli("build", str(EXAMPLES[0].parent), *args, "--store", str(store), "--workers", "1", "-q")
    return result, store


def failures(result) -> list[str]:
    assert "Traceback" not in result.output
    return [line for line in result.stderr.splitlines() if line.startswith("failed: ")]


def fetch(url: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        sources.read(SourceRef(url, url))
    return caught.value


class Recorder:
    """Routes that answer an article and note each request's path and headers."""

    def __init__(self, body: str = ARTICLE):
        self.requests: list[tuple[str, dict]] = []
        self.body = body.encode()

    def __call__(self, request):
        self.requests.append((request.path, dict(request.headers)))
        reply(request, self.body)


def test_a_loopback_url_is_refused_unless_private_urls_are_allowed(tmp_path):
    page = Recorder()
    with http_server({"/a.txt": page}) as base:
        refused, store = build(tmp_path, f"{base}/a.txt")
        assert failures(refused) == [f"failed: {base}/a.txt: refused: 127.0.0.1 is a loopback address, not a "
                                     "public one (--allow-private-urls to fetch it)"]
        assert refused.exit_code == 1 and page.requests == []
        allowed, _ = build(tmp_path, f"{base}/a.txt", ALLOW)
    assert allowed.exit_code == 0, allowed.output
    assert f"{base}/a.txt" in source_keys(store)


@pytest.mark.parametrize("spelling", ["0x7f000001", "2130706433", "0177.0.0.1", "127.1", "localhost",
                                      "[::ffff:127.0.0.1]"])
def test_loopback_is_refused_however_the_host_is_spelt(spelling):
    page = Recorder()
    with http_server({"/a.txt": page}) as base:
        url = f"http://{spelling}:{base.rsplit(':', 1)[1]}/a.txt"
        error = fetch(url)
    assert error.reason.startswith("refused: ") and "loopback address" in error.reason, error.reason
    assert page.requests == []


@pytest.mark.parametrize("host, kind", [
    ("169.254.169.254", "link-local"), ("10.0.0.1", "private"), ("192.168.1.1", "private"),
    ("172.16.0.1", "private"), ("100.64.0.1", "non-public"), ("0.0.0.0", "unspecified"),
    ("[fe80::1]", "link-local"), ("[fc00::1]", "private"), ("[::1]", "loopback"), ("224.0.0.1", "multicast"),
])
def test_private_and_link_local_addresses_are_refused_before_connecting(host, kind):
    assert fetch(f"http://{host}/latest/meta-data/").reason.startswith(
        f"refused: {host.strip('[]')} is {'an' if kind == 'unspecified' else 'a'} {kind} address, not a public one")


def test_every_redirect_hop_is_checked(tmp_path, monkeypatch):
    """127.0.0.1 stands for a public site here; it redirects to another loopback address (and
    port), which must be refused although the first hop was fetched."""
    real = fetching._non_public
    monkeypatch.setattr(fetching, "_non_public", lambda address: None if address == "127.0.0.1" else real(address))
    inner = Recorder(SECRET)
    with http_server({"/secret": inner}, host="127.0.0.2") as internal:
        hop = {"/go": lambda r: reply(r, b"", 302, headers=[("Location", f"{internal}/secret")])}
        with http_server(hop) as base:
            result, store = build(tmp_path, f"{base}/go")
    assert failures(result) == [f"failed: {base}/go: redirected to {internal}/secret, refused: 127.0.0.2 is a "
                                "loopback address, not a public one (--allow-private-urls to fetch it)"]
    assert inner.requests == []
    assert f"{base}/go" not in source_keys(store)


def test_a_redirect_to_another_scheme_is_refused(tmp_path):
    hop = {"/go": lambda r: reply(r, b"", 302, headers=[("Location", "file:///etc/passwd")])}
    with http_server(hop) as base:
        result, _ = build(tmp_path, f"{base}/go", ALLOW)
    assert failures(result) == [f"failed: {base}/go: redirected to file:///etc/passwd, which is not an http(s) URL"]


def test_credentials_in_a_url_are_never_sent_nor_stored(tmp_path):
    page = Recorder()
    hop = {"/go": lambda r: reply(r, b"", 302, headers=[("Location", "http://other:secret2@" + r.headers["Host"]
                                                                      + "/a.txt")]), "/a.txt": page}
    with http_server(hop) as base:
        url = base.replace("http://", "http://user:hunter2@") + "/go"
        result, store = build(tmp_path, url, ALLOW, "--report")
    assert result.exit_code == 0, result.output
    assert [path for path, _ in page.requests] == ["/a.txt"]
    assert all("Authorization" not in headers for _, headers in page.requests)
    assert f"{base}/go" in source_keys(store)
    exported = cli("export", "--store", str(store), "--format", "nquads").stdout
    assert f'<{base}/a.txt>' in exported  # schema:url, the page the redirects led to
    report = tmp_path / "report.html"
    cli("report", "--store", str(store), "-o", str(report))
    rows = cli("query", "measurements", "--store", str(store), "--format", "csv").stdout
    for shown in (result.output, exported, report.read_text(encoding="utf-8"), rows):
        assert "hunter2" not in shown and "secret2" not in shown and "user:" not in shown


def test_credentials_in_a_front_matter_url_are_not_stored_and_a_quote_is_escaped(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(f"---\ntitle: 社保卡\nurl: 'https://editor:pw1@example.com/a\"b c'\n---\n{ARTICLE}\n",
                    encoding="utf-8")
    result, store = build(tmp_path, str(page))
    assert result.exit_code == 0, result.output
    exported = cli("export", "--store", str(store), "--format", "nquads").stdout
    assert "<https://example.com/a%22b%20c>" in exported
    assert "pw1" not in exported


def _trickle(request, body: bytes, length: int | None = None, pause: float = 0.25):
    request.send_response(200)
    request.send_header("Content-Type", "text/plain; charset=utf-8")
    request.send_header("Content-Length", str(len(body) if length is None else length))
    request.end_headers()
    for byte in body:
        request.wfile.write(bytes([byte]))
        request.wfile.flush()
        time.sleep(pause)


def _trickled_headers(request):
    request.wfile.write(b"HTTP/1.0 200 OK\r\n")
    for _ in range(40):
        request.wfile.write(b"X-Slow: a\r\n")
        request.wfile.flush()
        time.sleep(0.25)


def _held_open(request):
    body = ARTICLE.encode()
    request.send_response(200)
    request.send_header("Content-Type", "text/plain; charset=utf-8")
    request.send_header("Content-Length", str(len(body) * 10))
    request.end_headers()
    request.wfile.write(body)
    request.wfile.flush()
    time.sleep(10)


def _slow_hop(number: int):
    def answer(request):
        time.sleep(0.4)
        if number < 5:
            reply(request, b"", 302, headers=[("Location", f"/hop{number + 1}")])
        else:
            reply(request, ARTICLE.encode())
    return answer


DEADLINE_ROUTES = {
    "/trickle": lambda r: _trickle(r, ARTICLE.encode()),
    "/trickle-headers": _trickled_headers,
    "/held-open": _held_open,
    "/closed-early": lambda r: _trickle(r, ARTICLE.encode()[:40], length=400, pause=0),
    **{f"/hop{n}": _slow_hop(n) for n in range(6)},
}


@pytest.mark.parametrize("path, reason", [
    ("/trickle", f"timed out after 1 s ({{}} of the {len(ARTICLE.encode())} bytes announced had come)"),
    ("/trickle-headers", "timed out after 1 s"),
    ("/hop0", "timed out after 1 s"),
    ("/held-open", f"timed out after 1 s ({len(ARTICLE.encode())} of the {len(ARTICLE.encode()) * 10} bytes "
                   "announced had come)"),
    ("/closed-early", "the connection closed after 40 of the 400 bytes announced"),
])
def test_the_timeout_is_a_deadline_for_the_whole_fetch(tmp_path, path, reason):
    """A byte every 0.25 s, headers sent that way, six redirects of 0.4 s each, a body shorter
    than its Content-Length: each read or hop is quick, the whole is not."""
    with http_server(DEADLINE_ROUTES) as base:
        result, store = build(tmp_path, base + path, ALLOW, "--timeout", "1")
    (line,) = failures(result)
    prefix, _, rest = reason.partition("{}")
    assert line.startswith(f"failed: {base}{path}: {prefix}") and line.endswith(rest), line
    assert result.exit_code == 1
    assert {key_of(p) for p in EXAMPLES} <= source_keys(store)


def test_a_name_that_takes_long_to_resolve_is_held_to_the_deadline(monkeypatch):
    """The resolver has its own timeouts and retries; the fetch's deadline is the one that holds."""
    real = fetching.socket.getaddrinfo

    def slow(host, *args, **kwargs):
        if host == "slow.example":
            time.sleep(3)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(fetching.socket, "getaddrinfo", slow)
    monkeypatch.setenv("SSCARD_URL_TIMEOUT", "0.3")  # read by each fetch
    assert fetch("http://slow.example/a.txt").reason == "timed out after 0.3 s"


def test_an_upper_case_scheme_is_a_url_not_a_file(tmp_path):
    with http_server({"/a.txt": Recorder()}) as base:
        result, store = build(tmp_path, base.replace("http://", "HTTP://") + "/a.txt", ALLOW)
    assert result.exit_code == 0, result.output
    assert f"{base}/a.txt" in source_keys(store)


def test_a_compressed_page_is_unpacked_within_the_size_cap(tmp_path):
    body = gzip.compress(f"<html><body><p>{ARTICLE}</p></body></html>".encode())
    bomb = gzip.compress(b"<p>" + b" " * 2_000_000)
    routes = {path: (lambda data: lambda r: reply(r, data, kind="text/html; charset=utf-8",
                                                  headers=[("Content-Encoding", "gzip")]))(data)
              for path, data in (("/page", body), ("/bomb", bomb))}
    with http_server(routes) as base:
        result, store = build(tmp_path, f"{base}/page", f"{base}/bomb", ALLOW, "--max-bytes", "100000")
    assert failures(result) == [f"failed: {base}/bomb: too large: over the cap of 100000 bytes"]
    assert f"{base}/page" in source_keys(store)
