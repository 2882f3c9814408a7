"""Read files, folders and URLs into Articles: decoded text plus whatever metadata the source states.

One reader per format (Markdown with YAML front matter, HTML, plain text). Every failure a user
can meet raises `SourceError` naming the file or URL and the reason; nothing here returns None.
"""

from __future__ import annotations

import calendar
import errno
import functools
import hashlib
import os
import re
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import yaml

from .errors import SourceError
from .model import Article
from .script import detect_language

# Limits, overridable from the environment; `pipeline.build` passes the values in force to its workers.
MAX_BYTES = int(os.environ.get("SSCARD_MAX_BYTES", 5_000_000))
URL_TIMEOUT = float(os.environ.get("SSCARD_URL_TIMEOUT", 20))
MAX_REDIRECTS = 10
BINARY_SIGNATURES = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
}
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ""}


@dataclass(frozen=True)
class SourceRef:
    """Where an article comes from: `location` is a path or URL, `key` identifies it stably
    (`source_key`: the file's absolute path, its folders' links resolved, or the URL)."""

    location: str
    key: str

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))

    @property
    def name(self) -> str:
        return self.location if self.is_url else Path(self.location).name


def collect(paths: list[str]) -> Iterator[SourceRef | SourceError]:
    """Expand files, folders (recursively, following symlinks once) and URLs, in a stable order."""
    for raw in paths:
        if raw.startswith(("http://", "https://")):
            yield SourceRef(raw, raw)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield SourceRef(str(path), source_key(str(path)))
        elif path.is_symlink():
            yield SourceError(raw, _broken_link(path))
        else:
            yield SourceError(raw, "no such file or folder")


def _broken_link(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link points back to itself"
    return f"broken symlink: it points to {os.readlink(path)}, which does not exist"


def _walk(root: Path) -> Iterator[SourceRef | SourceError]:
    """Every text file under `root` (hidden ones left out), each folder read once whatever links lead to it."""
    seen: set[str] = set()
    stack = [str(root)]
    found: list[str] = []
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in seen:
            yield SourceError(folder, f"symlink loop: it leads back to {real}, already read")
            continue
        seen.add(real)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield SourceError(folder, f"cannot list folder: {exc.strerror or exc}")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(entry.path)
            elif _suffix(entry.name) in TEXT_SUFFIXES:
                found.append(entry.path)
    for path in sorted(found, key=lambda p: p.split(os.sep)):
        yield SourceRef(path, source_key(path))


def source_key(path: str) -> str:
    """A file's identity, whatever the working folder or the spelling of its path: its absolute
    path with the folders' symbolic links resolved (the file's own link is an article of its own)."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(_real_folder(folder), name)


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _suffix(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return "." + ext.lower() if dot and stem.strip(".") and ext else ""


def read(ref: SourceRef) -> Article:
    """Read one source into an Article, or raise SourceError saying why it cannot be read."""
    data, declared, url = _fetch(ref) if ref.is_url else (_read_file(ref), None, None)
    return parse_bytes(data, ref, declared_encoding=declared, url=url)


def parse_bytes(data: bytes, ref: SourceRef, declared_encoding: str | None = None,
                url: str | None = None) -> Article:
    """Decode and dispatch to the reader for the format the content shows."""
    if not data.strip():
        raise SourceError(ref.location, "empty file")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise SourceError(ref.location, f"not text: looks like {what}")
    text = decode(data, ref.location, declared_encoding)
    base = Article(
        source=ref.name, source_key=ref.key, raw=text,
        content_hash=hashlib.sha256(data).hexdigest(), format="text", url=url,
    )
    if _FRONT_MATTER.match(text):
        article = _read_front_matter(base)
    elif _looks_like_html(text):
        article = _read_html(base)
    else:
        article = base
    return replace(article, language=detect_language(text[article.body_start:]))


def decode(data: bytes, location: str, declared: str | None = None) -> str:
    """UTF-8 first (it is what almost every page is), then the declared, then a detected encoding."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(location, "not text: binary content (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    candidates = [declared] if declared else []
    meta = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii"))
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        candidates.append(best.encoding)
    candidates += ["gb18030", "big5"]
    for encoding in candidates:
        if encoding.lower().replace("-", "") in {"gb2312", "gbk", "cp936"}:
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise SourceError(location, "cannot decode the text (tried UTF-8, GB18030, Big5)")


def _read_file(ref: SourceRef) -> bytes:
    return read_file(ref.location)


def read_file(location: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file under the size cap; anything else is a SourceError saying why.

    A FIFO, socket or device is refused before opening it (reading a FIFO would wait forever).
    """
    cap = MAX_BYTES if max_bytes is None else max_bytes
    path = Path(location)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(location, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(location, f"not a regular file: it is {_file_kind(info.st_mode)}")
        if info.st_size > cap:
            raise SourceError(location, f"too large: {info.st_size} bytes, the cap is {cap}")
        with open(path, "rb") as handle:
            data = handle.read(cap + 1)
        if len(data) > cap:
            raise SourceError(location, f"too large: over the cap of {cap} bytes")
        return data
    except PermissionError:
        raise SourceError(location, "permission denied: cannot read the file") from None
    except FileNotFoundError:
        reason = _broken_link(path) if path.is_symlink() else "no such file (removed while building?)"
        raise SourceError(location, reason) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SourceError(location, "symlink loop: the link points back to itself") from None
        raise SourceError(location, f"cannot read: {exc.strerror or exc}") from None


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def _fetch(ref: SourceRef) -> tuple[bytes, str | None, str]:
    """GET a page within the time limit (for the whole download, not per read) and the size cap."""
    import requests

    timeout, cap = URL_TIMEOUT, MAX_BYTES
    deadline = time.monotonic() + timeout
    try:
        with requests.Session() as session:
            session.max_redirects = MAX_REDIRECTS
            with session.get(ref.location, timeout=timeout, stream=True,
                             headers={"User-Agent": "sscard-kg"}) as response:
                if response.status_code >= 400:
                    raise SourceError(ref.location, f"HTTP {response.status_code} {response.reason}")
                kind = response.headers.get("Content-Type", "")
                if kind and not re.match(r"text/|application/(xhtml|xml|json)", kind):
                    raise SourceError(ref.location, f"not text: the server says {kind.split(';')[0]}")
                length = response.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > cap:
                    raise SourceError(ref.location, f"too large: {length} bytes, the cap is {cap}")
                chunks, size = [], 0
                for chunk in response.iter_content(65536):
                    size += len(chunk)
                    if size > cap:
                        raise SourceError(ref.location, f"too large: over the cap of {cap} bytes")
                    if time.monotonic() > deadline:
                        raise SourceError(ref.location, f"timed out after {timeout:g} s")
                    chunks.append(chunk)
                declared = response.encoding if "charset" in kind.lower() else None
                return b"".join(chunks), declared, response.url
    except requests.exceptions.TooManyRedirects:
        raise SourceError(ref.location, f"redirect loop: more than {MAX_REDIRECTS} redirects") from None
    except requests.exceptions.Timeout:
        raise SourceError(ref.location, f"timed out after {timeout:g} s") from None
    except requests.exceptions.ConnectionError as exc:
        raise SourceError(ref.location, f"cannot connect: {_root_cause(exc)}") from None
    except requests.exceptions.RequestException as exc:
        raise SourceError(ref.location, f"cannot fetch: {exc.__class__.__name__}: {_root_cause(exc)}") from None


def _root_cause(exc: BaseException) -> str:
    while exc.__context__ is not None and exc.__context__ is not exc:
        exc = exc.__context__
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return re.sub(r"^<[^>]+>:\s*", "", text)[:160]


_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
# A safe loader: libyaml's when PyYAML was built with it (the same values, eight times faster).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_front_matter(article: Article) -> Article:
    match = _FRONT_MATTER.match(article.raw)
    try:
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        where = f" (line {line + 2})" if line is not None else ""
        raise SourceError(article.source, f"invalid YAML front matter{where}") from None
    if not isinstance(meta, dict):
        raise SourceError(article.source, "invalid YAML front matter: not a mapping")
    published = _iso_date(meta.get("date") or meta.get("published"))
    return replace(
        article, format="markdown-html" if "<" in article.raw[match.end():] else "markdown",
        title=_text(meta.get("title")), published=published, date_stated=published is not None,
        publisher=_text(meta.get("author") or meta.get("source")), url=_text(meta.get("url")) or article.url,
        body_start=match.end(),
    )


def _looks_like_html(text: str) -> bool:
    head = text[:5000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head or len(
        re.findall(r"</?(p|div|span|a|br|td|li)\b", head)) >= 5


_META_DATE = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|og:published_time|"
    r"pubdate|publishdate|publish_date|datePublished|date|dc\.date|PubDate)[\"'][^>]*>", re.I)


def _read_html(article: Article) -> Article:
    html = article.raw
    title = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    og_title = re.search(r"<meta[^>]+property=[\"']og:title[\"'][^>]+content=[\"']([^\"']+)", html, re.I)
    site = re.search(r"<meta[^>]+property=[\"']og:site_name[\"'][^>]+content=[\"']([^\"']+)", html, re.I)
    published = None
    for tag in _META_DATE.finditer(html):
        content = re.search(r"content=[\"']([^\"']+)", tag.group(0), re.I)
        published = published or (content and _iso_date(content.group(1)))
    if not _visible_text(html):
        raise SourceError(article.source, "HTML with no body text")
    chosen = og_title.group(1) if og_title else title.group(1) if title else None
    return replace(
        article, format="html", title=_text(chosen), published=published,
        date_stated=published is not None, publisher=_text(site.group(1)) if site else None,
        url=article.url or _page_url(html),
    )


_PAGE_URL = [
    re.compile(r"<link[^>]+rel=[\"']canonical[\"'][^>]+href=[\"'](https?://[^\"']+)", re.I),
    re.compile(r"<link[^>]+href=[\"'](https?://[^\"']+)[\"'][^>]+rel=[\"']canonical[\"']", re.I),
    re.compile(r"<meta[^>]+property=[\"']og:url[\"'][^>]+content=[\"'](https?://[^\"']+)", re.I),
]


def _page_url(html: str) -> str | None:
    """The address a saved page says it was published at (its canonical link or og:url): its
    path often carries the date (`/2016-10/25/`)."""
    for pattern in _PAGE_URL:
        match = pattern.search(html)
        if match:
            return match.group(1)
    return None


def _visible_text(html: str) -> str:
    """The text a browser would show in the page body (the title and head left out)."""
    body = re.search(r"<body\b[^>]*>(.*)", html, re.I | re.S)
    part = body.group(1) if body else re.sub(r"<head\b.*?</head>", " ", html, flags=re.I | re.S)
    part = re.sub(r"<(script|style|noscript|template|title)\b.*?</\1\s*>", " ", part, flags=re.I | re.S)
    part = re.sub(r"<!--.*?-->|<[^>]*>|&nbsp;|&#160;", " ", part, flags=re.S)
    return part.strip()


def _text(value) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _iso_date(value) -> str | None:
    """Dates as metadata writes them (RFC 2822, ISO 8601, YAML dates) to ISO at the precision
    given: `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when the metadata names only the month or year."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value).strip()
    match = re.match(r"((?:19|20)\d{2})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?)?(?![\d:])", text)
    if match and _real_date(*match.groups()):
        return "-".join(f"{int(part):02d}" for part in match.groups() if part)
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _real_date(year: str, month: str | None, day: str | None) -> bool:
    """The parts name a date that exists (no month 13, no 30 February)."""
    if month is None:
        return True
    if not 1 <= int(month) <= 12:
        return False
    return day is None or 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]
