"""A page's metadata: the title, publication date, publisher and address that Markdown front matter
or an HTML page's head states, and whether an HTML page has body text at all."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import quote

import yaml

from ..errors import SourceError
from ..model import Article
from .locations import is_url, without_credentials


FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
# A safe loader: libyaml's when PyYAML was built with it (the same values, eight times faster).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_front_matter(article: Article) -> Article:
    match = FRONT_MATTER.match(article.raw)
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
    publisher = _squeezed(meta.get("author") or meta.get("source"))
    return replace(
        article, format="markdown-html" if "<" in article.raw[match.end():] else "markdown",
        title=_headline(_squeezed(meta.get("title")), publisher), published=published,
        date_stated=published is not None, publisher=publisher, url=_iri_safe(_squeezed(meta.get("url"))) or article.url,
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
    cannot hold (quotes, spaces, angle brackets; square brackets after the host) percent-encoded."""
    if url is None or not is_url(url):
        return url
    url = re.sub(r'[\x00-\x20"<>\\^`{|}\x7f]', lambda m: quote(m.group(0)), without_credentials(url))
    scheme, slashes, rest = url.partition("://")
    host, slash, tail = rest.partition("/")
    return scheme + slashes + host + slash + tail.replace("[", "%5B").replace("]", "%5D")


def looks_like_html(text: str) -> bool:
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


def read_html(article: Article) -> Article:
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
    publisher = _squeezed(properties.get("og:site_name"))
    return replace(
        article, format="html", title=_headline(_squeezed(chosen), publisher), published=published,
        date_stated=published is not None, publisher=publisher,
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


def _headline(title: str | None, site: str | None) -> str | None:
    """The headline of a page title, without the site's and section's names after it: a repost's
    `…_深圳新闻网` is the site's place, not the story's."""
    from ..clean.markup import headline_end

    return title and title[:headline_end(title, site)]


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
    day_first = _day_and_month(text)
    if day_first:
        return day_first
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError):
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _day_and_month(text: str) -> str | None:
    """`29/2/24`, `12/31/2019`: a date with its year last, read where only one order makes a date
    (one of the first two numbers is over 12, or both are the same); a two-digit year is this
    century's, or the last one's when it would be ahead. `3/4/24` (March or April) is left unread."""
    match = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)?\d{2})", text)
    if not match:
        return None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if year < 100:
        year += 2000 if year <= datetime.now().year % 100 else 1900
    orders = {(month, day) for month, day in ((second, first), (first, second))
              if _real_date(str(year), str(month), str(day))}
    if len(orders) != 1:
        return None
    month, day = orders.pop()
    return f"{year:04d}-{month:02d}-{day:02d}"


def _real_date(year: str, month: str | None, day: str | None) -> bool:
    """The parts name a date that exists (no month 13, no 30 February)."""
    if month is None:
        return True
    if not 1 <= int(month) <= 12:
        return False
    return day is None or 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]
