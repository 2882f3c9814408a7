"""How a source's location is told: whether it is a URL, the URL without credentials, and any
location safe to print on one line."""

from __future__ import annotations

import re


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
