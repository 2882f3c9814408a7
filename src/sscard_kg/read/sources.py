"""Read files, folders and URLs into Articles: decoded text plus whatever metadata the source states.

One reader per format (Markdown with YAML front matter, HTML, plain text). Every failure a user
can meet raises `SourceError` naming the file or URL and the reason; nothing here returns None.
"""

from __future__ import annotations

import calendar
import errno
import functools
import hashlib
import http.client
import ipaddress
import os
import re
import socket
import ssl
import stat
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import yaml

from ..config import Limits
from ..errors import SourceError
from ..model import Article
from ..clean.script import detect_language

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
        return is_url(self.location)

    @property
    def name(self) -> str:
        return self.location if self.is_url else Path(self.location).name


def is_url(text: str) -> bool:
    """An http(s) URL, whatever the case of its scheme (`HTTP://…` is a URL, not a file name)."""
    return re.match(r"https?://", text, re.I) is not None


def without_credentials(url: str) -> str:
    """The URL with its scheme in lower case and without `user:password@`: credentials are
    never sent, nor stored in a source key, a graph, an export or a report."""
    scheme, separator, rest = url.partition("://")
    host_end = re.search(r"[/?#]|$", rest).start()
    return scheme.lower() + separator + rest[:host_end].rpartition("@")[2] + rest[host_end:]


def shown(text: str) -> str:
    """`text` safe to print on one line: line breaks and other control characters escaped, and the
    bytes of a file name that is not UTF-8 written as `\\xNN`."""
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\udc80-\udcff]", _escape_one, text)


def _escape_one(match: re.Match) -> str:
    char = match.group(0)
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xdc00:02x}"
    return char.encode("unicode_escape").decode("ascii")


def _misnamed(path: str) -> SourceError | None:
    """A path that is not valid UTF-8 cannot name an article (its key goes into IRIs and exports)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return SourceError(shown(path), "the file name is not valid UTF-8: rename it (e.g. convmv -f gbk -t utf-8)")
    return None


def collect(paths: list[str]) -> Iterator[SourceRef | SourceError]:
    """Expand files, folders (recursively, following symlinks once) and URLs, in a stable order."""
    for raw in paths:
        if is_url(raw):
            url = without_credentials(raw)
            yield SourceRef(url, url)
            continue
        if misnamed := _misnamed(raw):
            yield misnamed
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
            if (is_dir or _suffix(entry.name) in TEXT_SUFFIXES) and (misnamed := _misnamed(entry.path)):
                yield misnamed
            elif is_dir:
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


def read(ref: SourceRef, limits: Limits | None = None) -> Article:
    """Read one source into an Article within `limits` (by default, those of the environment),
    or raise SourceError saying why it cannot be read."""
    limits = limits or Limits.current(strict=False)
    if ref.is_url:
        ref = replace(ref, location=without_credentials(ref.location))
    data, declared, url = _fetch(ref, limits) if ref.is_url else (read_file(ref.location, limits.max_bytes), None, None)
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
        text = _utf16_without_bom(data)
        if text is None:
            raise SourceError(location, "not text: binary content (NUL bytes)")
        return text
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without its byte-order mark: Latin letters, digits and punctuation put
    a NUL in every other byte, on one side only (a few Han characters, such as 一 U+4E00, put
    one on the other side); binary data has NULs anywhere."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    encoding = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    if encoding is None or len(data) % 2:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for char in text[:2048] if char < " " and char not in "\t\r\n\f")
    return text if controls * 100 <= len(text[:2048]) else None


def read_file(location: str, max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file under the size cap; anything else is a SourceError saying why.

    A FIFO, socket or device is refused before opening it (reading a FIFO would wait forever).
    """
    cap = Limits.current(strict=False).max_bytes if max_bytes is None else max_bytes
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
            # a buffer of the size the file says (a byte more shows that it grew), not of the cap:
            # a cap-sized buffer shrunk to the file stays a memory map of its own, and a build holding
            # the bytes of a hundred thousand files read ahead ran out of maps (vm.max_map_count)
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(cap + 1 - len(data))
        if len(data) > cap:
            raise SourceError(location, f"too large: over the cap of {cap} bytes")
        return data
    except PermissionError:
        raise SourceError(location, "permission denied: cannot read the file") from None
    except FileNotFoundError:
        reason = _broken_link(path) if path.is_symlink() else "no such file"
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


_REDIRECTS = {301, 302, 303, 307, 308}


class _Deadline:
    """The time left for a whole fetch, redirects included. When it runs out, the connection in
    use is shut, so a server that sends a byte a second (or its headers that way) cannot hold a
    read open past it."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds
        self.expired = False
        self.connection: http.client.HTTPConnection | None = None
        self.sock: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        if self.connection is not None:
            self.connection.close()
        elif self.sock is not None:
            self.sock.close()

    def watch(self, sock: socket.socket) -> None:
        """`sock` is the connection now in use (the previous hop's is closed)."""
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        self.sock = sock
        if self.expired:
            self._expire()

    def _expire(self) -> None:
        self.expired = True
        if self.sock is not None:
            try:
                self.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0 or self.expired:
            self.expired = True
            raise TimeoutError
        return left


def _fetch(ref: SourceRef, limits: Limits) -> tuple[bytes, str | None, str]:
    """GET a page within the deadline (for the whole fetch, redirects included) and the size cap,
    from public addresses only unless private ones are allowed; redirects are followed by hand so
    that every hop is checked."""
    first = url = ref.location
    timeout = limits.url_timeout
    progress = {"received": 0, "announced": None}
    with _Deadline(timeout) as deadline:
        try:
            for _ in range(MAX_REDIRECTS + 1):
                response = _request(url, deadline, limits.allow_private_urls)
                location = response.getheader("Location")
                if response.status not in _REDIRECTS or not location:
                    return _body(ref, url, response, deadline, progress, limits.max_bytes)
                url = without_credentials(urljoin(url, location.strip()))
                if not is_url(url):
                    raise SourceError(ref.location, f"redirected to {shown(url)}, which is not an http(s) URL")
            raise SourceError(ref.location, f"redirect loop: more than {MAX_REDIRECTS} redirects")
        except (TimeoutError, socket.timeout):
            raise SourceError(ref.location, f"timed out after {timeout:g} s" + _partial(progress)) from None
        except (OSError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise SourceError(ref.location, f"timed out after {timeout:g} s" + _partial(progress)) from None
            raise SourceError(ref.location, _connection_problem(exc, progress)) from None
        except _Refused as refused:
            hop = "" if url == first else f"redirected to {shown(url)}, "
            raise SourceError(ref.location, f"{hop}{refused}") from None


class _Refused(Exception):
    """A host that resolves to an address this build may not fetch from."""


def _request(url: str, deadline: _Deadline, allow_private: bool) -> http.client.HTTPResponse:
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise _Refused(f"not a valid URL: {exc}") from None
    host = parts.hostname
    if not host:
        raise _Refused("not a valid URL: no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise _Refused("not a valid URL: the port is not a number from 0 to 65535") from None
    sock = _connect(host, port, deadline, allow_private)
    deadline.watch(sock)
    if parts.scheme == "https":
        sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        connection = http.client.HTTPSConnection(host, port, timeout=deadline.left())
    else:
        connection = http.client.HTTPConnection(host, port, timeout=deadline.left())
    connection.sock, deadline.connection = sock, connection
    target = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe="!#$%&'()*+,/:;=?@[]~")
    connection.request("GET", target, headers={"User-Agent": "sscard-kg", "Accept-Encoding": "gzip, deflate"})
    return connection.getresponse()


def _connect(host: str, port: int, deadline: _Deadline, allow_private: bool) -> socket.socket:
    """A socket connected to `host`, after checking every address it resolves to: a name that
    leads to a loopback, private, link-local or reserved address is refused, however it is spelt
    (`0x7f000001`, `2130706433`, `[::ffff:127.0.0.1]`), unless private URLs are allowed."""
    found = _resolve(host, port, deadline)
    if not allow_private:
        for *_, address in found:
            if (kind := _non_public(address[0])) is not None:
                named = address[0] if host == address[0] else f"{host} is {address[0]}, which"
                article = "an" if kind[0] in "aeiou" else "a"
                raise _Refused(f"refused: {named} is {article} {kind} address, not a public one "
                               "(--allow-private-urls to fetch it)")
    last: OSError | None = None
    for family, socket_type, protocol, _, address in found:
        sock = socket.socket(family, socket_type, protocol)
        try:
            sock.settimeout(deadline.left())
            sock.connect(address)
            return sock
        except OSError as exc:
            sock.close()
            last = exc
    raise last or OSError(f"cannot resolve {host}")


def _resolve(host: str, port: int, deadline: _Deadline) -> list[tuple]:
    """`getaddrinfo` within the deadline: the resolver has timeouts of its own, and retries."""
    answer: list = []

    def ask() -> None:
        try:
            answer.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            answer.append(exc)

    asking = threading.Thread(target=ask, daemon=True, name="sscard-resolve")
    asking.start()
    asking.join(deadline.left())
    if not answer:
        raise TimeoutError
    if isinstance(answer[0], OSError):
        raise OSError(f"cannot resolve {host}: {getattr(answer[0], 'strerror', None) or answer[0]}")
    return answer[0]


def _non_public(address: str) -> str | None:
    """What kind of non-public address `address` is, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and (ip.ipv4_mapped or ip.sixtofour):
        ip = ip.ipv4_mapped or ip.sixtofour
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


def _body(ref: SourceRef, url: str, response: http.client.HTTPResponse, deadline: _Deadline,
          progress: dict, cap: int) -> tuple[bytes, str | None, str]:
    if response.status >= 400:
        raise SourceError(ref.location, f"HTTP {response.status} {response.reason}")
    kind = response.getheader("Content-Type", "")
    if kind and not re.match(r"text/|application/(xhtml|xml|json)", kind):
        raise SourceError(ref.location, f"not text: the server says {kind.split(';')[0]}")
    length = (response.getheader("Content-Length") or "").strip()
    if length.isdigit():
        progress["announced"] = int(length)
        if int(length) > cap:
            raise SourceError(ref.location, f"too large: {length} bytes, the cap is {cap}")
    unpack = _unpacker(ref, response.getheader("Content-Encoding", ""))
    chunks, size = [], 0
    while True:
        deadline.left()
        chunk = response.read1(65536)
        if not chunk:
            break
        progress["received"] += len(chunk)
        if unpack is not None:
            chunk = unpack.decompress(chunk, cap + 1 - size)
        size += len(chunk)
        if size > cap:
            raise SourceError(ref.location, f"too large: over the cap of {cap} bytes")
        chunks.append(chunk)
    deadline.left()  # a connection shut at the deadline ends the body early: that is no page
    if progress["announced"] is not None and progress["received"] < progress["announced"]:
        raise http.client.IncompleteRead(b"")
    charset = re.search(r"charset=[\"']?([\w.:-]+)", kind, re.I)
    return b"".join(chunks), charset.group(1) if charset else None, url


def _unpacker(ref: SourceRef, encoding: str):
    """A decompressor for a gzip or deflate body (bounded by the size cap as it unpacks)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(47 if encoding != "deflate" else 15)
    raise SourceError(ref.location, f"cannot read the page: the server sent it as {encoding}")


def _partial(progress: dict) -> str:
    received, announced = progress["received"], progress["announced"]
    if announced is not None:
        return f" ({received} of the {announced} bytes announced had come)"
    return f" ({received} bytes had come)" if received else ""


def _connection_problem(exc: BaseException, progress: dict) -> str:
    if isinstance(exc, http.client.IncompleteRead) or (progress["received"] and progress["announced"]):
        return (f"the connection closed after {progress['received']} of the "
                f"{progress['announced']} bytes announced")
    if isinstance(exc, ssl.SSLError):
        return f"cannot connect: TLS: {exc.reason or exc}"
    if isinstance(exc, http.client.HTTPException):
        return f"not an HTTP answer: {exc.__class__.__name__}"
    return f"cannot connect: {exc.strerror or exc}" if isinstance(exc, OSError) else f"cannot connect: {exc}"


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
    except ValueError as exc:  # a timestamp YAML reads but no calendar has, e.g. 2023-02-30
        raise SourceError(article.source, _impossible_date(match.group(1)) or
                          f"invalid YAML front matter: {exc}") from None
    except RecursionError:
        raise SourceError(article.source, "invalid YAML front matter: nested too deeply") from None
    if not isinstance(meta, dict):
        raise SourceError(article.source, "invalid YAML front matter: not a mapping")
    published = _iso_date(meta.get("date") or meta.get("published"))
    return replace(
        article, format="markdown-html" if "<" in article.raw[match.end():] else "markdown",
        title=_squeezed(meta.get("title")), published=published, date_stated=published is not None,
        publisher=_squeezed(meta.get("author") or meta.get("source")), url=_iri_safe(_squeezed(meta.get("url"))) or article.url,
        body_start=match.end(),
    )


def _impossible_date(front_matter: str) -> str | None:
    """The first date in the front matter that is no day of the calendar, said with its line."""
    for number, line in enumerate(front_matter.splitlines(), start=2):
        for found in re.finditer(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", line):
            try:
                datetime(*map(int, found.groups()))
            except ValueError:
                return f"invalid YAML front matter: {found.group(0)} is not a date (line {number})"
    return None


def _iri_safe(url: str | None) -> str | None:
    """A URL the front matter states, without credentials, and with the characters an IRI
    cannot hold (quotes, spaces, angle brackets) percent-encoded."""
    if url is None or not is_url(url):
        return url
    return re.sub(r'[\x00-\x20"<>\\^`{|}\x7f]', lambda m: quote(m.group(0)), without_credentials(url))


def _looks_like_html(text: str) -> bool:
    head = text[:5000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head or len(
        re.findall(r"</?(p|div|span|a|br|td|li)\b", head)) >= 5


# (`[^<>]` and the look-ahead for the tag's end keep a page of unclosed `<meta ` linear.)
_META_DATE = re.compile(
    r"<meta(?=[^<>]*>)[^<>]+(?:property|name|itemprop)=[\"'](?:article:published_time|og:published_time|"
    r"pubdate|publishdate|publish_date|datePublished|date|dc\.date|PubDate)[\"'][^<>]*>", re.I)
_ATTRIBUTE = re.compile(r"""([^\s=<>"'/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""")
_BODY_TAG = re.compile(r"<body\b[^<>]*>", re.I)
HIDDEN_ELEMENTS = ("script", "style", "noscript", "template", "title")


def _read_html(article: Article) -> Article:
    from ..clean.markup import element_text

    html = article.raw
    properties = _meta_properties(html)
    published = None
    for tag in _META_DATE.finditer(html):
        content = re.search(r"content=[\"']([^\"']+)", tag.group(0), re.I)
        published = published or (content and _iso_date(content.group(1)))
    if not _visible_text(html):
        raise SourceError(article.source, "HTML with no body text")
    chosen = properties.get("og:title") or element_text(html, "title")
    return replace(
        article, format="html", title=_squeezed(chosen), published=published,
        date_stated=published is not None, publisher=_squeezed(properties.get("og:site_name")),
        url=article.url or _page_url(html),
    )


def _page_url(html: str) -> str | None:
    """The address a saved page says it was published at (its canonical link or og:url): its
    path often carries the date (`/2016-10/25/`)."""
    for link in _tags(html, "link"):
        if "canonical" in link.get("rel", "").lower().split() and is_url(link.get("href", "")):
            return link["href"]
    url = _meta_properties(html).get("og:url")
    return url if url and is_url(url) else None


def _meta_properties(html: str) -> dict[str, str]:
    """`<meta property="…" content="…">` of the page, the first of each property kept."""
    found: dict[str, str] = {}
    for attributes in _tags(html, "meta"):
        prop, content = attributes.get("property", "").lower(), attributes.get("content", "").strip()
        if prop and content:
            found.setdefault(prop, content)
    return found


def _tags(html: str, name: str) -> Iterator[dict[str, str]]:
    """The attributes of each `<name …>` tag (names in lower case, the first of each kept), read
    in time linear in the page however many such tags are left unclosed."""
    for tag in re.finditer(rf"<{name}\b[^<>]*>", html, re.I):
        attributes: dict[str, str] = {}
        for attribute, *values in _ATTRIBUTE.findall(tag.group(0)):
            attributes.setdefault(attribute.lower(), next((v for v in values if v), ""))
        yield attributes


def _visible_text(html: str) -> str:
    """The text a browser would show in the page body (the title and head left out)."""
    from ..clean.markup import closed_spans

    body = _BODY_TAG.search(html)
    part = html[body.end():] if body else _outside(html, closed_spans(html, elements=("head",), marks=False))
    part = _outside(part, closed_spans(part, elements=HIDDEN_ELEMENTS))
    return re.sub(r"<[^<>]*>|&nbsp;|&#160;", " ", part).strip()


def _outside(text: str, spans) -> str:
    """`text` with the spans (left to right, not overlapping) replaced by a space each."""
    pieces, at = [], 0
    for a, b in spans:
        pieces.append(text[at:a])
        at = b
    pieces.append(text[at:])
    return " ".join(pieces)


def _squeezed(value) -> str | None:
    """A metadata value as one line, each run of white space one space; None when nothing is left."""
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
