"""SPARQL over the store: named queries from queries/, files, or query text; results as rows.

`query()` returns a `QueryResult`: its `rows` are dicts of the values as written (strings), its
`records` the same values as Python numbers, booleans and dates, and `dataframe()` a pandas
DataFrame with a dtype a column (where pandas is installed).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib.resources.abc import Traversable
from operator import itemgetter
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryBoolean, QuerySolutions, RdfFormat, Variable, serialize

from ..errors import QueryError
from ..resources import QUERIES_DIR, data_files
from .sparql_text import check_size, order_by_kind, original_message
from ..graph.store import open_store

FORMATS = ("csv", "tsv", "json", "table")
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
REALS = {XSD + "decimal", XSD + "double", XSD + "float"}


@dataclass
class QueryResult:
    """Columns and rows of a SELECT (values as lexical strings, None when unbound), an ASK's
    boolean, or a CONSTRUCT/DESCRIBE's Turtle; `records` has the rows' values typed."""

    columns: list[str]
    rows: list[dict[str, str | None]]
    boolean: bool | None = None
    graph: bytes | None = None
    page: tuple[int, str] | None = None  # (number, "100 statements") of a paged query's answer
    datatypes: list[dict[str, str | None]] = field(default_factory=list, repr=False)  # per row: column → datatype IRI

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def records(self) -> list[dict[str, object]]:
        """The rows with numbers as int or float, booleans as bool, xsd:date and xsd:dateTime as
        `date` and `datetime`; other values (a gYear, a language string, an IRI) as written.

        >>> QueryResult(["n"], [{"n": "1302000000"}], datatypes=[{"n": XSD + "decimal"}]).records
        [{'n': 1302000000.0}]
        """
        if not self.datatypes:
            return [dict(row) for row in self.rows]
        return [{c: typed(row[c], kinds.get(c)) for c in self.columns} for row, kinds in zip(self.rows, self.datatypes)]

    def dataframe(self):
        """A pandas DataFrame of the records: numbers in numeric columns (a column of integers with
        gaps as pandas' nullable Int64), dates as datetime64, booleans as boolean."""
        try:
            import pandas as pd
        except ImportError:
            raise QueryError("a DataFrame needs pandas: pip install pandas") from None
        frame = pd.DataFrame(self.records, columns=self.columns)
        for column, dtype in column_dtypes(self).items():
            frame[column] = pd.to_datetime(frame[column]) if dtype == "datetime64[ns]" else frame[column].astype(dtype)
        return frame


def typed(value: str | None, datatype: str | None) -> object:
    """A literal's value as Python reads it: "1302000000"^^xsd:integer → 1302000000."""
    if value is None or datatype is None:
        return value
    try:
        if datatype in INTEGERS:
            return int(value)
        if datatype in REALS:
            return float(value)
        if datatype == XSD + "boolean":
            return value in ("true", "1")
        if datatype == XSD + "date":
            return date.fromisoformat(value[:10])
        if datatype == XSD + "dateTime":
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value  # an ill-typed literal stays as written
    return value


def column_dtypes(result: QueryResult) -> dict[str, str]:
    """The pandas dtype of each column whose bound values share one kind; the others stay object."""
    dtypes = {}
    for column in result.columns:
        kinds = {type(record[column]) for record in result.records if record[column] is not None}
        if kinds == {int}:
            dtypes[column] = "Int64"
        elif kinds and kinds <= {int, float}:
            dtypes[column] = "float64"
        elif kinds == {bool}:
            dtypes[column] = "boolean"
        elif kinds and kinds <= {date, datetime}:
            dtypes[column] = "datetime64[ns]"
    return dtypes


def named_queries() -> dict[str, Traversable]:
    return {path.name.removesuffix(".rq"): path for path in data_files(QUERIES_DIR, ".rq")}


def describe(path: Traversable) -> str:
    """A named query's header comment: what it answers, whole (its usage and parameter lines aside)."""
    lines = [line[1:].strip() for line in path.read_text(encoding="utf-8").splitlines()
             if line.startswith("#") and not _PARAMETER.match(line) and not _PAGE.match(line)]
    usage = next((i for i, line in enumerate(lines) if line.startswith("Use:")), len(lines))
    return " ".join(lines[:usage])


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
            return QueryResult(["boolean"], [{"boolean": str(bool(results)).lower()}], boolean=bool(results),
                               datatypes=[{"boolean": XSD + "boolean"}])
        if isinstance(results, QuerySolutions):
            columns = [v.value for v in results.variables]
            rows, datatypes = _rows(columns, results)
            size = page_size(sparql)
            return QueryResult(columns, rows, page=(page, f"{size[0]} {size[1]}") if size else None,
                               datatypes=datatypes)
        return QueryResult([], [], graph=serialize(results, format=RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {original_message(str(exc), text, insertions)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"the query failed: {exc}") from None


def _rows(columns: list[str], solutions: QuerySolutions) -> tuple[list[dict], list[dict]]:
    """Each solution's values as written and their datatypes, by column. A solution iterates its
    values in the order of the variables, and each datatype's IRI is read once: a whole store's
    rows (a hundred thousand and more) cost a fifth of reading each value by its name."""
    rows, datatypes = [], []
    iris: dict[NamedNode, str] = {}
    for solution in solutions:
        values, kinds = {}, {}
        for column, term in zip(columns, solution):
            if term is None:
                values[column] = kinds[column] = None
            elif type(term) is Literal:
                values[column] = term.value
                datatype = term.datatype
                kinds[column] = iris.get(datatype) or iris.setdefault(datatype, datatype.value)
            else:
                values[column], kinds[column] = term.value, None
        rows.append(values)
        datatypes.append(kinds)
    return rows, datatypes


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
        return json.dumps(result.records, ensure_ascii=False, indent=2, default=_iso) + "\n"
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(map(_cells(result.columns), result.rows))  # None is written as ""
        return out.getvalue()
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _cells(columns: list[str]):
    """A row's values in the order of the columns, as a tuple (itemgetter of one key gives the value)."""
    if len(columns) > 1:
        return itemgetter(*columns)
    return lambda row: tuple(row[c] for c in columns)


def _iso(value: object) -> str:
    """Dates in JSON as ISO 8601 text, the form every JSON reader parses."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _table(result: QueryResult) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*["" if row[c] is None else row[c] for c in result.columns])
    console = Console(file=io.StringIO(), width=shutil.get_terminal_size(fallback=(200, 24)).columns)
    console.print(table)
    return console.file.getvalue()
