"""SPARQL over the store: named queries from queries/, files, or query text; results as plain rows.

`query()` returns a `QueryResult` whose `rows` are dicts of strings, so
`pandas.DataFrame(result.rows)` works without extra steps.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path

from pyoxigraph import Literal, QueryBoolean, QuerySolutions, RdfFormat, Variable, serialize

from .errors import QueryError
from .gazetteer import QUERIES_DIR, data_files
from .sparql_text import check_size, order_by_kind, original_message
from .store import open_store

FORMATS = ("csv", "tsv", "json", "table")


@dataclass
class QueryResult:
    """Columns and rows of a SELECT (values as lexical strings, None when unbound), an ASK's
    boolean, or a CONSTRUCT/DESCRIBE's Turtle."""

    columns: list[str]
    rows: list[dict[str, str | None]]
    boolean: bool | None = None
    graph: bytes | None = None
    page: tuple[int, str] | None = None  # (number, "100 statements") of a paged query's answer

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def named_queries() -> dict[str, Traversable]:
    return {path.name.removesuffix(".rq"): path for path in data_files(QUERIES_DIR, ".rq")}


def describe(path: Traversable) -> str:
    """A named query's header comment: what it answers (its parameter lines aside)."""
    lines = [line[1:].strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.startswith("#") and not _PARAMETER.match(line) and not _PAGE.match(line)]
    return " ".join(lines[:2])


def parameters(sparql: str) -> dict[str, str]:
    """The parameters a query declares in its header (`# ?name: what it selects`)."""
    return {name: meaning for name, _, meaning in _PARAMETER.findall(sparql)}


# `# ?metric: ...` takes a plain string; `# ?official@zh-Hans: ...` a string in that language.
_PARAMETER = re.compile(r"^#\s*\?(\w+)(?:@([\w-]+))?:\s*(.+?)\s*$", re.M)


def substitutions(sparql: str, params: dict[str, str] | None) -> dict[Variable, Literal]:
    """Bind each given parameter to its value; a name the query does not declare is an error."""
    languages = {name: language for name, language, _ in _PARAMETER.findall(sparql)}
    unknown = sorted(set(params or {}) - set(languages))
    if unknown:
        known = ", ".join(languages) or "none"
        raise QueryError(f"the query takes no parameter {', '.join(unknown)} (it takes: {known})")
    return {Variable(name): Literal(value, language=languages[name] or None)
            for name, value in (params or {}).items()}


# `# page: 100 statements, newest first` declares a query that answers one page at a time: its text
# holds `LIMIT 100` once, where it picks the page's items; page k skips the first (k - 1) pages.
_PAGE = re.compile(r"^#\s*page:\s*(\d+)\s+(\w+)(.*)$", re.M)


def page_size(sparql: str) -> tuple[int, str] | None:
    """(items a page, what they are) of a paged query, None for one that answers whole."""
    declared = _PAGE.search(sparql)
    return (int(declared.group(1)), declared.group(2)) if declared else None


def paging(sparql: str) -> str | None:
    """How a paged query pages, as its header says (`100 statements, newest first; …`)."""
    declared = _PAGE.search(sparql)
    return declared.group(0).split(":", 1)[1].strip() if declared else None


def paged(sparql: str, page: int) -> str:
    """The text of a paged query that answers page `page` (from 1)."""
    size = page_size(sparql)
    if page < 1:
        raise QueryError(f"page {page}: pages are numbered from 1")
    if size is None:
        if page == 1:
            return sparql
        raise QueryError("the query answers whole: it has no pages")
    limit = re.compile(rf"\bLIMIT\s+{size[0]}\b")
    if len(limit.findall(sparql)) != 1:
        raise QueryError(f"a query of {size[0]} {size[1]} a page must say LIMIT {size[0]} once")
    return limit.sub(f"LIMIT {size[0]} OFFSET {(page - 1) * size[0]}", sparql)


def resolve(text_or_name: str) -> str:
    """A file path, a name from queries/, or the query text itself."""
    path = Path(text_or_name)
    if text_or_name.endswith(".rq") or (len(text_or_name) < 256 and "\n" not in text_or_name and path.is_file()):
        if not path.is_file():
            raise QueryError(f"{text_or_name}: no such query file")
        return path.read_text(encoding="utf-8")
    queries = named_queries()
    if text_or_name in queries:
        return queries[text_or_name].read_text(encoding="utf-8")
    if re.match(r"^[\w-]+$", text_or_name):
        raise QueryError(f"{text_or_name}: no such named query (known: {', '.join(queries)})")
    return text_or_name


def run(sparql: str, store, params: dict[str, str] | None = None, page: int = 1) -> QueryResult:
    """Run SPARQL text on an open store, with `params` bound to the variables the query declares,
    and, for a paged query, answering page `page`.

    The text is checked and its ORDER BY keyed first (`sparql_text`), so no query aborts the
    process; values of different kinds are ordered kind by kind: numbers, then by datatype."""
    bound = substitutions(sparql, params)
    text = paged(sparql, page)
    check_size(text)
    safe, insertions = order_by_kind(text)
    try:
        results = store.query(safe, substitutions=bound or None)
        if isinstance(results, QueryBoolean):
            return QueryResult(["boolean"], [{"boolean": str(bool(results)).lower()}], boolean=bool(results))
        if isinstance(results, QuerySolutions):
            columns = [v.value for v in results.variables]
            rows = [{c: (None if s[c] is None else s[c].value) for c in columns} for s in results]
            size = page_size(sparql)
            return QueryResult(columns, rows, page=(page, f"{size[0]} {size[1]}") if size else None)
        return QueryResult([], [], graph=serialize(results, format=RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {original_message(str(exc), text, insertions)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from None


def query(text_or_name: str, store: str | None = None, params: dict[str, str] | None = None,
          page: int = 1) -> QueryResult:
    """Run a named query, a .rq file or SPARQL text against the store (opened read-only).

    `params` narrows a query that declares parameters, e.g. {"metric": "card-holders"};
    `page` picks the page of a query that answers a page at a time (`# page:` in its header).
    """
    return run(resolve(text_or_name), open_store(store, read_only=True), params, page)


def write(result: QueryResult, fmt: str) -> str:
    """Render a result as csv, tsv, json or an aligned table."""
    if result.graph is not None:
        return result.graph.decode("utf-8")
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if row[c] is None else row[c] for c in result.columns])
        return out.getvalue()
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*["" if row[c] is None else row[c] for c in result.columns])
    console = Console(file=io.StringIO(), width=200)
    console.print(table)
    return console.file.getvalue()
