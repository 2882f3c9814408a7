"""Bad input a user, a page or a web site can send, each built by `sscard-kg build` in a process
of its own (the web sites are servers of this script, on loopback): one line a case with the
exit code, the time taken, what leaked, and the build's last lines; `hang` past 25 s.

    python benchmarks/hostile_inputs.py [SRC [CASE...]]

SRC is the `src/` folder to run (default: this checkout's), so that an older checkout can be
compared; CASE words keep the cases whose names contain one of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLE = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人，其中9.62亿人领用了电子社保卡。"
SECRET = "内部页面：截至2023年底，全国社会保障卡持卡人数达到99.99亿人。"
HANG_AFTER = 25
authorizations: list[str | None] = []


def serve(routes: dict) -> int:
    """Serve `routes` on 127.0.0.1 in the background; the port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server name)
            authorizations.append(self.headers.get("Authorization"))
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            try:
                route(self)
            except OSError:
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def head(request, status: int = 200, length: int | None = None, headers=()) -> None:
    request.send_response(status)
    request.send_header("Content-Type", "text/plain; charset=utf-8")
    if length is not None:
        request.send_header("Content-Length", str(length))
    for name, value in headers:
        request.send_header(name, value)
    request.end_headers()


def reply(request, body: bytes, status: int = 200, headers=()) -> None:
    head(request, status, len(body), headers)
    request.wfile.write(body)


def trickle_body(request) -> None:
    body = ARTICLE.encode()
    head(request, length=len(body))
    for byte in body:
        request.wfile.write(bytes([byte]))
        request.wfile.flush()
        time.sleep(1)


def trickle_headers(request) -> None:
    request.wfile.write(b"HTTP/1.0 200 OK\r\n")
    for _ in range(100):
        request.wfile.write(b"X-Slow: a\r\n")
        request.wfile.flush()
        time.sleep(1)


def held_open(request) -> None:
    head(request, length=100_000)
    request.wfile.write(ARTICLE.encode())
    request.wfile.flush()
    time.sleep(60)


def slow_hop(number: int):
    def answer(request) -> None:
        time.sleep(1.5)
        if number < 4:
            reply(request, b"", 302, [("Location", f"/hop{number + 1}")])
        else:
            reply(request, ARTICLE.encode())
    return answer


def front_matter(date: str | None = None, url: str | None = None) -> bytes:
    lines = ["---", "title: 社保卡"] + [f"date: {date}"] * bool(date) + [f"url: '{url}'"] * bool(url) + ["---"]
    return ("\n".join(lines) + "\n" + ARTICLE + "\n").encode()


def html(filler: str, size: int = 120_000) -> bytes:
    return f"<html><body><p>{ARTICLE}</p>{filler * (size // len(filler))}</body></html>".encode()


def cases(site: str, allow: list[str]) -> list[tuple[str, str, object, list[str], dict]]:
    """(name, 'url' or 'file', the URL or (file name, bytes), options, environment)."""
    return [
        ("redirect to another loopback port", "url", f"http://{site}/r", [], {}),
        ("loopback URL, no --allow-private-urls", "url", f"http://{site}/a", [], {}),
        ("host spelt 0x7f000001", "url", f"http://0x7f000001:{site.split(':')[1]}/a", [], {}),
        ("host spelt 2130706433", "url", f"http://2130706433:{site.split(':')[1]}/a", [], {}),
        ("host spelt [::ffff:127.0.0.1]", "url", f"http://[::ffff:127.0.0.1]:{site.split(':')[1]}/a", [], {}),
        ("link-local 169.254.169.254", "url", "http://169.254.169.254/latest/meta-data/", ["--timeout", "2"], {}),
        ("private 10.255.255.1", "url", "http://10.255.255.1/", ["--timeout", "2"], {}),
        ("credentials user:pass@", "url", f"http://user:pass@{site}/a", allow, {}),
        ("trickled body, 1 byte/s, --timeout 3", "url", f"http://{site}/tb", allow + ["--timeout", "3"], {}),
        ("trickled headers, --timeout 3", "url", f"http://{site}/th", allow + ["--timeout", "3"], {}),
        ("5 slow redirect hops (1.5 s each), --timeout 2", "url", f"http://{site}/hop0",
         allow + ["--timeout", "2"], {}),
        ("HTTP:// upper-case scheme", "url", f"HTTP://{site}/a", allow, {}),
        ("Content-Length longer than a body held open", "url", f"http://{site}/short", allow + ["--timeout", "2"], {}),
        ("HTML with 20k tags", "file", ("t.html", f"<html><body>{'<p><span>社保卡</span></p>' * 5000}"
                                                  f"<p>{ARTICLE}</p></body></html>".encode()), [], {}),
        ("120 KB of unclosed <meta ", "file", ("m.html", html("<meta ")), [], {}),
        ("120 KB of unclosed <title>", "file", ("t.html", html("<title>")), [], {}),
        ("120 KB of unclosed <script>", "file", ("s.html", html("<script>")), [], {}),
        ("120 KB of unclosed <!--", "file", ("c.html", html("<!--")), [], {}),
        ("120 KB of unclosed <p ", "file", ("p.html", html("<p ")), [], {}),
        ("file name not UTF-8", "file", (b"caf\xe9.txt", ARTICLE.encode()), [], {}),
        ("file name with a newline (forged line)", "file", ("x.txt\nfailed: forged.txt: not really", b""), [], {}),
        ("front matter date year 0001", "file", ("d1.md", front_matter("0001-01-01")), [], {}),
        ("front matter date 2023-02-30", "file", ("d2.md", front_matter("2023-02-30")), [], {}),
        ("front matter date year 0000", "file", ("d0.md", front_matter("0000-01-01")), [], {}),
        ("front matter url with a quote", "file", ("u.md", front_matter(url='http://example.com/a"b')), [], {}),
        ("front matter url with credentials", "file", ("uc.md", front_matter(url="http://user:pass@example.com/a")),
         [], {}),
        ("UTF-16 without BOM", "file", ("u16.txt", ("社保卡 2023 " + ARTICLE).encode("utf-16-le")), [], {}),
        ("SSCARD_MAX_BYTES=5MB", "file", ("ok.txt", ARTICLE.encode()), [], {"SSCARD_MAX_BYTES": "5MB"}),
        ("SSCARD_URL_TIMEOUT=-1", "url", f"http://{site}/a", allow, {"SSCARD_URL_TIMEOUT": "-1"}),
    ]


def run(src: str, kind: str, payload, options: list[str], environment: dict) -> str:
    folder = Path(tempfile.mkdtemp())
    if kind == "file":
        name, data = payload
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        Path(os.fsdecode(path)).write_bytes(data)
        target = os.fsdecode(path)
    else:
        target = payload
    env = dict(os.environ, PYTHONPATH=src, **environment)
    command = [sys.executable, "-m", "sscard_kg.cli"]
    authorizations.clear()
    started = time.monotonic()
    try:
        done = subprocess.run([*command, "build", target, "--store", str(folder / "store"), "--workers", "1", "-q",
                               *options], capture_output=True, env=env, timeout=HANG_AFTER)
    except subprocess.TimeoutExpired:
        return f"hang | still running at {HANG_AFTER} s"
    took = time.monotonic() - started
    errors = done.stderr.decode("utf-8", "backslashreplace")
    stored = ""
    if (folder / "store").exists() and done.returncode in (0, 1):
        stored = subprocess.run([*command, "export", "--store", str(folder / "store"), "--format", "nquads"],
                                capture_output=True, env=env).stdout.decode("utf-8", "replace")
    notes = [note for note, seen in (("traceback", "Traceback" in errors),
                                     ("internal page stored", "9999000000" in stored),
                                     ("credentials stored or printed", "pass" in stored or "pass" in errors),
                                     ("credentials sent", any(authorizations))) if seen]
    last = " / ".join(line for line in errors.splitlines() if line.strip())[-300:]
    return f"exit {done.returncode} in {took:.1f} s" + (f" [{', '.join(notes)}]" if notes else "") + f" | {last}"


def main() -> None:
    src = (sys.argv[1:] or [""])[0] or str(Path(__file__).resolve().parents[1] / "src")
    wanted = sys.argv[2:]
    allow = ["--allow-private-urls"] if "--allow-private-urls" in Path(src, "sscard_kg", "cli.py").read_text() else []
    inside = serve({"/secret": lambda r: reply(r, SECRET.encode())})
    routes = {"/a": lambda r: reply(r, ARTICLE.encode()), "/tb": trickle_body, "/th": trickle_headers,
              "/short": held_open,
              "/r": lambda r: reply(r, b"", 302, [("Location", f"http://127.0.0.1:{inside}/secret")]),
              **{f"/hop{n}": slow_hop(n) for n in range(5)}}
    site = f"127.0.0.1:{serve(routes)}"
    for name, kind, payload, options, environment in cases(site, allow):
        if not wanted or any(word in name for word in wanted):
            print(f"{name} | {run(src, kind, payload, options, environment)}", flush=True)


if __name__ == "__main__":
    main()
