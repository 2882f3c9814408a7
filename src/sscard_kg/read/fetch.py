"""Fetching a page: an HTTP(S) GET within the deadline (for the whole fetch, redirects included) and
the size cap, from public addresses only unless private ones are allowed, every redirect checked;
every failure a `SourceError` that says why."""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from urllib.parse import quote, urljoin, urlsplit

from ..config import Limits
from ..errors import SourceError
from .locations import is_url, shown, without_credentials

MAX_REDIRECTS = 10
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


def fetch(location: str, limits: Limits) -> tuple[bytes, str | None, str]:
    """GET a page within the deadline (for the whole fetch, redirects included) and the size cap,
    from public addresses only unless private ones are allowed; redirects are followed by hand so
    that every hop is checked."""
    first = url = location
    timeout = limits.url_timeout
    progress = {"received": 0, "announced": None}
    with _Deadline(timeout) as deadline:
        try:
            for _ in range(MAX_REDIRECTS + 1):
                response = _request(url, deadline, limits.allow_private_urls)
                location = response.getheader("Location")
                if response.status not in _REDIRECTS or not location:
                    return _body(location, url, response, deadline, progress, limits.max_bytes)
                url = without_credentials(urljoin(url, location.strip()))
                if not is_url(url):
                    raise SourceError(location, f"redirected to {shown(url)}, which is not an http(s) URL")
            raise SourceError(location, f"redirect loop: more than {MAX_REDIRECTS} redirects")
        except (TimeoutError, socket.timeout):
            raise SourceError(location, f"timed out after {timeout:g} s" + _partial(progress)) from None
        except (OSError, http.client.HTTPException) as exc:
            if deadline.expired:
                raise SourceError(location, f"timed out after {timeout:g} s" + _partial(progress)) from None
            raise SourceError(location, _connection_problem(exc, progress)) from None
        except _Refused as refused:
            hop = "" if url == first else f"redirected to {shown(url)}, "
            raise SourceError(location, f"{hop}{refused}") from None


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


def _body(location: str, url: str, response: http.client.HTTPResponse, deadline: _Deadline,
          progress: dict, cap: int) -> tuple[bytes, str | None, str]:
    if response.status >= 400:
        raise SourceError(location, f"HTTP {response.status} {response.reason}")
    kind = response.getheader("Content-Type", "")
    if kind and not re.match(r"text/|application/(xhtml|xml|json)", kind):
        raise SourceError(location, f"not text: the server says {kind.split(';')[0]}")
    length = (response.getheader("Content-Length") or "").strip()
    if length.isdigit():
        progress["announced"] = int(length)
        if int(length) > cap:
            raise SourceError(location, f"too large: {length} bytes, the cap is {cap}")
    unpack = _unpacker(location, response.getheader("Content-Encoding", ""))
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
            raise SourceError(location, f"too large: over the cap of {cap} bytes")
        chunks.append(chunk)
    deadline.left()  # a connection shut at the deadline ends the body early: that is no page
    if progress["announced"] is not None and progress["received"] < progress["announced"]:
        raise http.client.IncompleteRead(b"")
    charset = re.search(r"charset=[\"']?([\w.:-]+)", kind, re.I)
    return b"".join(chunks), charset.group(1) if charset else None, url


def _unpacker(location: str, encoding: str):
    """A decompressor for a gzip or deflate body (bounded by the size cap as it unpacks)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return zlib.decompressobj(47 if encoding != "deflate" else 15)
    raise SourceError(location, f"cannot read the page: the server sent it as {encoding}")


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
