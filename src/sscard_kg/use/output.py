"""Files sscard-kg writes for people (exports, the report): whole, or not at all.

A file is written beside its place and renamed over it once complete, so a full disk or a
killed process leaves the previous file as it was instead of a truncated one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import SscardError


class OutputError(SscardError):
    """A result file that cannot be written; the previous one, if any, is unchanged."""


def write_file(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it, renamed over it when complete."""
    target = Path(path)
    if not target.parent.is_dir():
        raise OutputError(f"{target}: cannot write: the folder {target.parent} does not exist")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(descriptor, "wb") as sink:
            sink.write(data)
            sink.flush()
            os.fsync(sink.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        kept = "; the previous file is unchanged" if target.is_file() else ""
        raise OutputError(f"{target}: cannot write: {exc.strerror or exc}{kept}") from None


def _mode(target: Path) -> int:
    """The file's present permissions, or those a new file would get (0666 less the umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
