"""Read files, folders and URLs into Articles: decoded text plus whatever metadata the source states.

Files and folders are read here, a URL is fetched (fetch.py); the text is decoded and read by the
reader for its format (Markdown with YAML front matter, HTML, plain text), whose metadata page.py
reads. Every failure a user can meet raises `SourceError` naming the file or URL and the reason;
nothing here returns None.
"""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..config import Limits
from ..errors import SourceError
from ..model import Article
from ..clean.script import detect_language
from .fetch import fetch
from .locations import is_url, shown, without_credentials
from .page import FRONT_MATTER, looks_like_html, read_front_matter, read_html

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
    data, declared, url = fetch(ref.location, limits) if ref.is_url else (read_file(ref.location, limits.max_bytes), None, None)
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
    if FRONT_MATTER.match(text):
        article = read_front_matter(base)
    elif looks_like_html(text):
        article = read_html(base)
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
