"""Bad input: each case is reported in one line naming the file or URL and the reason, the good
articles are built all the same, the summary counts the failure and the exit code is 1."""

from __future__ import annotations

import os
import time

import pytest
from test_build_support import EXAMPLES, cli, http_server, key_of, reply, source_keys

from sscard_kg.builder import pipeline
from sscard_kg.config import Limits
from sscard_kg.read import sources

GOOD = {key_of(p) for p in EXAMPLES}
ARTICLE = "人社部表示，截至2023年底，全国社会保障卡持卡人数达到13.79亿人，其中9.62亿人领用了电子社保卡。"
HANT = "人力資源社會保障部表示，截至2023年底，全國社會保障卡持卡人數達到13.79億人。"


def build(tmp_path, *extra: str, options=()):
    store = tmp_path / "store"
    result = cli("build", str(EXAMPLES[0].parent), *extra, "--store", str(store), "--workers", "1", "-q", *options)
    return result, store


def assert_one_failure(result, store, location: str, reason: str):
    """The one-line message, the summary, the exit code, and the good articles in the store."""
    lines = result.stderr.strip().splitlines()
    failures = [line for line in lines if line.startswith("failed: ")]
    assert failures == [f"failed: {location}: {reason}"] or (
        len(failures) == 1 and failures[0].startswith(f"failed: {location}: {reason}")), result.stderr
    assert lines[-1] == "3 built, 0 unchanged, 1 failed", result.stderr
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert GOOD <= source_keys(store)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file"),
    ("report.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "not text: looks like a PDF file"),
    ("chart.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "not text: looks like a PNG image"),
    ("front.md", "---\ntitle: [unclosed\ndate: 2024-01-02\n---\n".encode() + ARTICLE.encode(),
     "invalid YAML front matter"),
    ("nobody.html", b"<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body>\n"
                    b"<script>var a = 1;</script>\n</body></html>", "HTML with no body text"),
])
def test_a_bad_file_is_reported_and_the_rest_built(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result, store = build(tmp_path, str(path))
    assert_one_failure(result, store, str(path), reason)


@pytest.mark.parametrize("encoding, text, figure", [("gbk", ARTICLE, "1379000000"), ("big5", HANT, "1379000000")])
def test_gbk_and_big5_text_is_decoded_not_rejected(tmp_path, encoding, text, figure):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result, store = build(tmp_path, str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().splitlines()[-1] == "4 built, 0 unchanged, 0 failed"
    assert source_keys(store) == GOOD | {key_of(path)}
    rows = cli("query", "measurements", "--store", str(store), "--format", "csv").stdout
    assert any(line.startswith(path.name) and figure in line for line in rows.splitlines()), rows


def test_a_file_over_the_size_cap(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes((ARTICLE * 40).encode())
    result, store = build(tmp_path, str(path), options=("--max-bytes", "4000"))
    assert_one_failure(result, store, str(path), f"too large: {path.stat().st_size} bytes, the cap is 4000")
    assert Limits.current().max_bytes == 5_000_000 or "SSCARD_MAX_BYTES" in os.environ  # the option lasts one build


def test_an_unreadable_file_permission_denied(tmp_path, monkeypatch):
    # the tests may run as root, who can read a chmod 000 file: make opening it fail instead
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real_open = open

    def guarded(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(sources, "open", guarded, raising=False)
    result, store = build(tmp_path, str(path))
    assert_one_failure(result, store, str(path), "permission denied: cannot read the file")


def test_an_unreadable_file_a_named_pipe(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # reading it would wait forever
    result, store = build(tmp_path, str(folder))
    assert_one_failure(result, store, str(folder / "pipe.txt"), "not a regular file: it is a named pipe (FIFO)")


def test_an_unreadable_file_a_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    result, store = build(tmp_path, str(link))
    assert_one_failure(result, store, str(link), f"broken symlink: it points to {tmp_path / 'deleted.txt'}")


def test_a_folder_with_a_symlink_loop(tmp_path):
    folder = tmp_path / "crawl"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    result, store = build(tmp_path, str(folder))
    lines = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert lines == [f"failed: {folder / 'self.txt'}: symlink loop: the link points back to itself",
                     f"failed: {folder / 'sub' / 'back'}: symlink loop: it leads back to {folder}, already read"]
    assert result.stderr.strip().splitlines()[-1] == "4 built, 0 unchanged, 2 failed"
    assert result.exit_code == 1
    assert source_keys(store) == GOOD | {key_of(folder / "sub" / "a.txt")}


def _slow(request):
    time.sleep(3)
    reply(request, ARTICLE.encode())


ROUTES = {
    "/missing": None,  # not routed: 404
    "/error": lambda r: r.send_error(500, "Internal Server Error"),
    "/slow": _slow,
    "/loop": lambda r: reply(r, b"", 302, headers=[("Location", "/loop")]),
    "/image": lambda r: reply(r, b"\x89PNG\r\n\x1a\n", kind="image/png"),
    "/big": lambda r: reply(r, ARTICLE.encode() * 100),
    "/stream": lambda r: _stream(r),
}


def _stream(request):
    request.send_response(200)
    request.send_header("Content-Type", "text/html; charset=utf-8")
    request.end_headers()
    for _ in range(50):
        request.wfile.write(b"<p>" + ARTICLE.encode() + b"</p>\n")


@pytest.mark.parametrize("path, reason", [
    ("/missing", "HTTP 404 Not Found"),
    ("/error", "HTTP 500 Internal Server Error"),
    ("/slow", "timed out after 0.5 s"),
    ("/loop", "redirect loop: more than 10 redirects"),
    ("/image", "not text: the server says image/png"),
    ("/big", f"too large: {len(ARTICLE.encode()) * 100} bytes, the cap is 4000"),
    ("/stream", "too large: over the cap of 4000 bytes"),
])
def test_a_bad_url_is_reported_and_the_rest_built(tmp_path, path, reason):
    routes = {key: value for key, value in ROUTES.items() if value is not None}
    with http_server(routes) as base:
        url = base + path
        started = time.monotonic()
        result, store = build(tmp_path, url, options=("--timeout", "0.5", "--max-bytes", "4000", "--allow-private-urls"))
        assert time.monotonic() - started < 3
    assert_one_failure(result, store, url, reason)


def test_a_url_nobody_listens_on(tmp_path):
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/a.txt"
    result, store = build(tmp_path, url, options=("--timeout", "0.5", "--allow-private-urls"))
    assert_one_failure(result, store, url, "cannot connect: ")
    assert "refused" in result.stderr


def test_bad_input_in_worker_processes_is_reported_the_same_way(tmp_path, monkeypatch):
    """With two workers and more articles than the in-process threshold, failures still come back."""
    from test_build_support import make_corpus

    corpus = make_corpus(tmp_path / "corpus", 10)[0].parent
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "scan.txt").write_bytes(b"%PDF-1.4\n")
    monkeypatch.setattr(pipeline, "IN_PROCESS_BELOW", 2)
    result = cli("build", str(corpus), "--store", str(tmp_path / "store"), "--workers", "2", "-q")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"failed: {corpus / 'empty.txt'}: empty file",
        f"failed: {corpus / 'scan.txt'}: not text: looks like a PDF file",
        "10 built, 0 unchanged, 2 failed",
    ]
