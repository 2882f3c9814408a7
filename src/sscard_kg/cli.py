"""The `sscard-kg` command: each command parses its options and calls one library function."""

from __future__ import annotations

import shutil
import sys
import textwrap
from contextlib import contextmanager
from pathlib import Path

import typer

from . import errors
from .use.export import FORMATS as GRAPH_FORMATS
from .use.query import FORMATS as QUERY_FORMATS

app = typer.Typer(
    help="Turn articles about China's social security card into an RDF knowledge graph and query it.",
    no_args_is_help=True, pretty_exceptions_enable=False,
)

STORE_HELP = "Store folder (default: ./sscard-store, or $SSCARD_STORE)."


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def _user_errors():
    """End the command on a library error a user can meet, with its one-line message."""
    try:
        yield
    except errors.SscardError as exc:
        _fail(str(exc))


def _print_version(asked: bool) -> None:
    if asked:
        from . import __version__

        typer.echo(f"sscard-kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(None, "--version", callback=_print_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn articles about China's social security card into an RDF knowledge graph and query it."""


@contextmanager
def _progress_bar(show: bool):
    """A build's progress callback: a bar on a terminal, else none, and rich is not even imported
    (it takes ~60 ms, which a quiet build would spend before its workers start)."""
    if not show:
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("building", total=None)
        yield lambda _location, done, total: bar.update(task, completed=done, total=total)


@app.command()
def build(
    paths: list[str] = typer.Argument(..., help="Files, folders (searched recursively) and http(s) URLs."),
    store: str = typer.Option(None, "--store", help=STORE_HELP),
    workers: int = typer.Option(None, "--workers", min=1, help="Worker processes for extraction (default: the core count)."),
    prune: bool = typer.Option(False, "--prune", help="Remove the articles whose file is gone from a folder named here "
                               "(nothing when a path fails)."),
    report: bool = typer.Option(False, "--report", help="List per article what was found and what was skipped."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    executor: str = typer.Option("local", "--executor", help="Where extraction runs: local (worker processes) or dask."),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786."),
    shards: str = typer.Option(None, "--shards", help="Keep the N-Quads shards of a dask build in this folder."),
    max_bytes: int = typer.Option(None, "--max-bytes", min=1, help="Size cap of one file or page (default 5 MB)."),
    timeout: float = typer.Option(None, "--timeout", min=0.001,
                                  help="Seconds allowed to fetch one URL, redirects included (default 20)."),
    article_timeout: float = typer.Option(None, "--article-timeout", min=0.001,
                                          help="Seconds allowed to read and extract one article; past it the "
                                               "article fails and the rest is built (default 120)."),
    allow_private_urls: bool = typer.Option(None, "--allow-private-urls", show_default=False,
                                            help="Fetch URLs on loopback, private and link-local addresses "
                                                 "(refused by default, at every redirect)."),
) -> None:
    """Read articles, extract their facts, validate and load one graph per article into the store."""
    from .builder.pipeline import build as run_build
    from .read.sources import shown

    try:
        with _progress_bar(not quiet and sys.stderr.isatty()) as progress:
            result = run_build(paths, store=store, workers=workers, prune=prune, progress=progress,
                               executor=executor, scheduler=scheduler, shards=shards, max_bytes=max_bytes,
                               url_timeout=timeout, reports=report, article_timeout=article_timeout,
                               allow_private_urls=allow_private_urls)
    except errors.SscardError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{exc.__class__.__name__}: {exc}")
    if report:
        for item in result.reports:
            typer.echo(f"\n{shown(item.source)}  [{item.language}]  published {item.published or '?'}"
                       f" ({'stated' if item.date_stated else 'inferred'})")
            for line in item.measurements:
                typer.echo(f"  figure   {line}")
            for line in item.mentions:
                typer.echo(f"  mention  {line}")
            for line in item.skipped:
                typer.echo(f"  skipped  {line}")
        for location in result.unchanged:
            typer.echo(f"\n{shown(location)}  unchanged: its graph is kept as built"
                       f" (`sscard-kg query article --param file={shown(_file_name(location))}` lists its figures)")
    for failure in result.failed:
        typer.echo(f"failed: {shown(failure.location)}: {shown(failure.reason)}", err=True)
    pruned = f", nothing pruned: {result.prune_refused}" if result.prune_refused else f", {len(result.pruned)} pruned"
    typer.echo(f"{len(result.built)} built, {len(result.unchanged)} unchanged, {len(result.failed)} failed"
               + (pruned if prune else ""), err=True)
    if not result.ok:
        raise typer.Exit(1)


def _file_name(location: str) -> str:
    """How the `article` query names an article: its file's name, or its URL."""
    from .read.sources import is_url

    return location if is_url(location) else Path(location).name


@app.command()
def query(
    sparql: str = typer.Argument(..., help="A .rq file, the name of a query in queries/, or SPARQL text."),
    store: str = typer.Option(None, "--store", help=STORE_HELP),
    fmt: str = typer.Option(None, "--format", "-f",
                            help=f"Rows as {', '.join(QUERY_FORMATS)} (default table); a CONSTRUCT or DESCRIBE's "
                                 f"graph as {', '.join(GRAPH_FORMATS)} (default turtle)."),
    param: list[str] = typer.Option(None, "--param", "-p", metavar="NAME=VALUE",
                                    help="Narrow a query that declares parameters, e.g. --param metric=card-holders "
                                         "(repeatable; `sscard-kg queries` lists them)."),
    page: int = typer.Option(1, "--page", min=1, help="The page to answer, for a query that answers a page at a time."),
    limit: int = typer.Option(None, "--limit", min=0, help="Print at most this many rows."),
) -> None:
    """Run a SPARQL query against the store and print the result."""
    from .use.query import query as run_query

    if fmt is not None and fmt not in QUERY_FORMATS + tuple(GRAPH_FORMATS):
        _fail(f"unknown format {fmt!r}: use one of {', '.join(QUERY_FORMATS + tuple(GRAPH_FORMATS))}", 2)
    params = _parameters(param or [])
    with _user_errors():
        result = run_query(sparql, store=store, params=params, page=page)
        if result.graph is not None:
            _print_graph(result.graph, fmt or "turtle", sparql)
            return
        if fmt in GRAPH_FORMATS:
            _fail(f"--format {fmt} is for a CONSTRUCT or DESCRIBE; rows print as {', '.join(QUERY_FORMATS)}", 2)
        _print_rows(result, fmt or "table", limit)
        if params and not result.rows:
            _warn_unmatched(sparql, params, store)
        if result.page and result.rows:
            _say_next_page(result, sparql, store, params)


def _parameters(items: list[str]) -> dict[str, str]:
    """{name: value} of the --param options; a malformed or repeated one stops the command."""
    params: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?")
        if not sep or not name:
            _fail(f"--param {item!r}: write it as NAME=VALUE, e.g. metric=card-holders", 2)
        if name in params:
            _fail(f"--param {name} is given twice ({params[name]!r} and {value!r}): a parameter takes one value", 2)
        params[name] = value
    return params


def _print_rows(result, fmt: str, limit: int | None) -> None:
    from dataclasses import replace

    from .use.query import write

    shown_rows = result if limit is None or len(result.rows) <= limit else replace(result, rows=result.rows[:limit])
    typer.echo(write(shown_rows, fmt), nl=False)
    if shown_rows is not result:
        typer.echo(f"the first {limit} of {len(result.rows)} rows (--limit {limit})", err=True)


def _print_graph(turtle: bytes, fmt: str, sparql: str) -> None:
    """A CONSTRUCT or DESCRIBE's graph in the format asked, sorted and with the export's prefixes; an
    empty one is said, not printed blank."""
    from .use.export import reformat

    if fmt in QUERY_FORMATS:
        _fail(f"the query answers a graph: use --format {', '.join(GRAPH_FORMATS)}", 2)
    if not turtle.strip():
        hint = (" DESCRIBE reads the default graph, which holds the ontology and gazetteers; the articles are "
                "named graphs: CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o ... } }"
                if "DESCRIBE" in sparql.upper() else "")
        _fail("the query's graph is empty." + hint)
    sys.stdout.buffer.write(reformat(turtle, fmt))


def _warn_unmatched(sparql: str, params: dict[str, str], store: str | None) -> None:
    """Say which parameter values the store holds nowhere: a misspelt value answers no rows."""
    from .use.query import resolve, substitutions
    from .graph.store import unheld

    bound = {variable.value: value for variable, value in substitutions(resolve(sparql), params).items()}
    for name, value in unheld(bound, store).items():
        typer.echo(f"no rows: the store holds no {name} {value.value!r} (`sscard-kg queries` says what it takes)",
                   err=True)


def _say_next_page(result, sparql: str, store: str | None, params: dict[str, str]) -> None:
    from .use.query import query as run_query

    number, size = result.page
    last = len(result.rows) < int(size.split()[0]) or not run_query(sparql, store=store, params=params,
                                                                     page=number + 1).rows
    typer.echo(f"page {number}, {size} a page: " + ("the last" if last else f"--page {number + 1} for the next"),
               err=True)


@app.command("queries")
def list_queries() -> None:
    """List the named queries in queries/ and what each answers."""
    from .use.query import describe, named_queries, paging, parameters

    width = max(shutil.get_terminal_size().columns, 60)
    for name, path in named_queries().items():
        sparql = path.read_text(encoding="utf-8")
        _echo_wrapped(f"{name:22} {describe(path)}", width, 23)
        for parameter, meaning in parameters(sparql).items():
            _echo_wrapped(f"{'':23}--param {parameter}=…  {meaning}", width, 27)
        if paging(sparql):
            _echo_wrapped(f"{'':23}--page N  {paging(sparql)}", width, 27)


def _echo_wrapped(text: str, width: int, indent: int) -> None:
    """Print `text` broken between words to the terminal's width, its next lines indented."""
    typer.echo(textwrap.fill(text, width, subsequent_indent=" " * indent, break_long_words=False,
                             break_on_hyphens=False))


@app.command()
def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle, trig, nquads, ntriples or jsonld."),
    store: str = typer.Option(None, "--store", help=STORE_HELP),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    reference: bool = typer.Option(False, "--with-reference", help="Include the ontology and gazetteers."),
    standard_terms: bool = typer.Option(
        True, "--standard-terms/--no-standard-terms",
        help="Also say each article's facts in schema.org and Web Annotation terms (queries/standard-view.rq), "
             "in its graph; --no-standard-terms exports the graphs as stored."),
) -> None:
    """Export the graph for other RDF tools."""
    from .use.export import export as run_export
    from .use.output import write_file

    try:
        data = run_export(fmt, store=store, include_reference=reference, standard_terms=standard_terms)
        if output:
            write_file(output, data)
    except (errors.SscardError, ValueError) as exc:
        _fail(str(exc))
    if not output:
        sys.stdout.buffer.write(data)


@app.command()
def clean(
    path: str = typer.Argument(..., help="A file or URL."),
    edits: bool = typer.Option(False, "--edits", help="List the edits: original offsets, kind, confidence, "
                               "original → replacement, reason."),
    segments: bool = typer.Option(False, "--segments", help="List every line with its kind (main, title, "
                                  "related, boilerplate) and the reason."),
    show_all: bool = typer.Option(False, "--all", help="With --edits, include markup, entity and "
                                  "front-matter edits."),
) -> None:
    """Print an article's cleaned text (main text, repaired, Simplified), or what cleaning did to it."""
    from .clean import clean as run_clean
    from .clean.boilerplate import segment_lines
    from .read.sources import SourceRef, read

    if edits and segments:
        _fail("--edits and --segments list different things: give one of them", 2)
    if show_all and not edits:
        _fail("--all widens --edits: give it with --edits", 2)
    try:
        article = read(SourceRef(path, Path(path).name))
    except errors.SourceError as exc:
        _fail(str(exc))
    cleaned = run_clean(article)
    if edits:
        for edit in cleaned.mapped.applied:
            if edit.kind in ("markup", "entity", "front-matter") and not show_all:
                continue
            shown = [text if len(text) <= 60 else text[:57] + "..." for text in (edit.original, edit.replacement)]
            typer.echo(f"{edit.original_start:>6}-{edit.original_end:<6} {edit.kind:12} {edit.confidence:.2f}  "
                       f"{shown[0]!r} → {shown[1]!r}  {edit.reason}".rstrip())
    if segments:
        for seg, a, b in segment_lines(cleaned.text, cleaned.segments):
            start, end = cleaned.mapped.original_span(a, b)
            label = f"{seg.kind} {seg.date}" if seg.date else seg.kind
            typer.echo(f"{start:>6}-{end:<6} {label:18} {seg.reason or '-':30} {cleaned.text[a:b].strip()}")
    if edits or segments:
        return
    for seg in cleaned.segments:
        if seg.kind in ("main", "title", "related"):
            prefix = f"[related {seg.date}] " if seg.kind == "related" else ""
            typer.echo(prefix + cleaned.text[seg.start:seg.end].strip())


@app.command()
def stats(store: str = typer.Option(None, "--store", help=STORE_HELP)) -> None:
    """Count what the store holds: articles, figures by metric, graphs, size on disk, when last written."""
    from datetime import datetime, timezone

    from .graph.store import stats as store_stats

    with _user_errors():
        counts = store_stats(store)
    lines = [("articles", counts.articles), ("figures", sum(counts.figures.values()))]
    lines += [(f"  {name}", count) for name, count in counts.figures.items()]
    written = datetime.fromtimestamp(counts.last_written, timezone.utc)
    lines += [("graphs", f"{counts.graphs}  (one for each article, and the figures summary)"),
              ("store size", f"{counts.size / 2**20:.1f} MiB"),
              ("last written", written.strftime("%Y-%m-%d %H:%M:%S UTC"))]
    width = max(len(label) for label, _ in lines) + 2
    for label, value in lines:
        typer.echo(f"{label:{width}}{value}")


@app.command()
def remove(
    sources: list[str] = typer.Argument(..., help="Built articles: files (by any path that reaches them) or URLs."),
    store: str = typer.Option(None, "--store", help=STORE_HELP),
) -> None:
    """Remove articles from the store (their graphs) and recompute the figures summary."""
    from .builder.pipeline import remove as remove_articles
    from .read.sources import shown

    with _user_errors():
        removed = remove_articles(sources, store=store)
    for key in removed:
        typer.echo(f"removed {shown(key)}", err=True)


@app.command()
def serve(
    store: str = typer.Option(None, "--store", help=STORE_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (loopback by default)."),
    port: int = typer.Option(7878, "--port", min=0, max=65535,
                             help="Port of the SPARQL endpoint and its query UI (0: any free port)."),
    page_port: int = typer.Option(None, "--page-port", min=0, max=65535,
                                  help="Port of the report page (default: the endpoint's port + 1; 0: no page)."),
    timeout: int = typer.Option(30, "--timeout", min=0, help="Seconds a query may run before it is stopped (0: no limit)."),
    writable: bool = typer.Option(False, "--writable", help="Accept SPARQL updates (the store is read-only otherwise)."),
    allow_service: list[str] = typer.Option(None, "--allow-service", metavar="HOST",
                                            help="Let SERVICE (and LOAD) reach this host (repeatable; off by default)."),
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (Oxigraph's server, behind a guard) and the report page."""
    from .use.serve import serve as run_serve
    from .graph.store import default_store

    def ready(serving) -> None:
        typer.echo(f"SPARQL endpoint  {serving.endpoint}/query   ({'read-write' if serving.writable else 'read-only'}; "
                   f"query UI at {serving.endpoint}/)")
        if serving.page:
            typer.echo(f"Report page      {serving.page}")
        if serving.token:
            typer.echo(f"Write token      {serving.token}   (send 'Authorization: Bearer TOKEN' "
                       "with writes from outside this page)")
        typer.echo("Press Ctrl-C to stop.")
        sys.stdout.flush()

    hosts = tuple(name.strip() for item in allow_service or [] for name in item.split(",") if name.strip())
    with _user_errors():
        code = run_serve(store or default_store(), host, port, page_port, timeout or None, writable, ready, hosts)
    raise typer.Exit(code)


@app.command()
def report(
    store: str = typer.Option(None, "--store", help=STORE_HELP),
    output: Path = typer.Option(Path("report.html"), "--output", "-o", help="HTML file to write."),
) -> None:
    """Write one self-contained HTML page: per metric, a chart over time and its figures with quotes."""
    from .use.report import write_report

    try:
        count = write_report(output, store=store)
    except errors.SscardError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"{output}: cannot write the report: {exc.strerror or exc}")
    typer.echo(f"{output}: {count} figures", err=True)


if __name__ == "__main__":
    app()
