"""Settings: the limits a build works within, from its options or else the environment.

The environment is read when the limits are asked for, not when a module is imported, and the
limits travel as a `Limits` object to the code that applies them (the readers, each batch of a
build, a cluster task): nothing global is changed for the length of a build.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass, fields

from .errors import SettingError


def positive_number(text: str, kind: type = float):
    """`text` as a finite number above 0 (a whole one for `kind=int`), else ValueError."""
    value = kind(text)
    if not (math.isfinite(value) and value > 0):
        raise ValueError(text)
    return value


def _flag(text: str) -> bool:
    lowered = text.lower()
    if lowered not in {"1", "0", "true", "false", "yes", "no", ""}:
        raise ValueError(text)
    return lowered in {"1", "true", "yes"}


# {limit: (environment variable, how it parses, what it must be)}
_ENVIRONMENT: dict[str, tuple[str, Callable[[str], object], str]] = {
    "max_bytes": ("SSCARD_MAX_BYTES", lambda t: positive_number(t, int),
                  "a whole number of bytes above 0 (e.g. 5000000)"),
    "url_timeout": ("SSCARD_URL_TIMEOUT", positive_number, "a number of seconds above 0 (e.g. 20)"),
    "article_timeout": ("SSCARD_ARTICLE_TIMEOUT", positive_number, "a number of seconds above 0 (e.g. 120)"),
    "allow_private_urls": ("SSCARD_ALLOW_PRIVATE_URLS", _flag, "1 or 0 (true/false, yes/no)"),
}


@dataclass(frozen=True)
class Limits:
    """The source limits of a build: a file's or page's size cap, the time a whole fetch may
    take (redirects included), the time to read and extract one article, and whether loopback,
    private and link-local addresses may be fetched."""

    max_bytes: int = 5_000_000
    url_timeout: float = 20.0
    article_timeout: float = 120.0
    allow_private_urls: bool = False

    @classmethod
    def current(cls, max_bytes: int | None = None, url_timeout: float | None = None,
                article_timeout: float | None = None, allow_private_urls: bool | None = None, *,
                strict: bool = True) -> Limits:
        """The limits given, the others from the environment or else the defaults.

        `strict`: a SettingError names every environment setting that does not parse (and the
        limit given that is not above 0); otherwise such a setting keeps the default."""
        given = {"max_bytes": max_bytes, "url_timeout": url_timeout, "article_timeout": article_timeout,
                 "allow_private_urls": allow_private_urls}
        values, problems = {}, []
        for field in fields(cls):
            name = field.name
            if given[name] is not None:
                values[name] = given[name]
                continue
            variable, parse, expected = _ENVIRONMENT[name]
            raw = os.environ.get(variable)
            if raw is None:
                continue
            try:
                values[name] = parse(raw.strip())
            except ValueError:
                problems.append(f"{variable}={raw!r} is not {expected}")
        if strict and problems:
            raise SettingError("; ".join(problems))
        for name, value in given.items():
            if strict and value is not None and name != "allow_private_urls" and not value > 0:
                raise SettingError(f"{name}={value!r}: give a number above 0")
        return cls(**values)
