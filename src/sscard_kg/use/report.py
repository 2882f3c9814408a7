"""A page a person reads: per metric, a chart of its figures over time and the table behind it.

The page is one self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched), so
it opens offline and can be mailed around. It is built from the rows of one SPARQL query, run
either through the library (`sscard_kg.query`) or against a running endpoint, so the file
written by `sscard-kg report` and the page served by `sscard-kg serve` are the same page. The
output depends only on the store: the same store gives the same bytes.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import mimetypes
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from string import Template
from urllib.parse import urlencode

from pyoxigraph import Literal

from ..errors import QueryError
from ..resources import data_file
from .output import write_file

FIGURES_QUERY = """\
# Every level figure with a metric, with its article, quote and labels, for the report page; a value
# outside its metric's range (which a store built before the ranges may hold) is left out.
PREFIX ss: <https://w3id.org/sscard-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>

SELECT ?m ?metric ?label ?labelEn ?asOf ?periodStart ?value ?unit ?qualifier ?region ?low
       ?file ?key ?url ?published ?quote ?cleanQuote ?start ?end ?min ?max
WHERE {
  GRAPH ?g {
    ?m ss:kind ss:Level ; ss:metric ?metricNode ; ss:value ?value ; ss:unit ?unit ;
       prov:wasDerivedFrom ?article .
    ?metricNode skos:notation ?metric .
    ?article ss:sourceFile ?file .
    OPTIONAL { ?article ss:sourceKey ?key }
    OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article schema:datePublished ?published }
    OPTIONAL { ?m ss:asOf ?asOf }
    OPTIONAL { ?m ss:periodStart ?periodStart }
    OPTIONAL { ?m ss:qualifier ?qualifier }
    OPTIONAL { ?m ss:lowConfidence ?low }
    OPTIONAL { ?m ss:region ?regionNode
               OPTIONAL { ?regionNode skos:prefLabel ?region FILTER (langMatches(lang(?region), "zh-Hans")) } }
    OPTIONAL { ?m ss:evidence ?e . ?e ss:quote ?quote ; ss:start ?start ; ss:end ?end
               OPTIONAL { ?e ss:cleanQuote ?cleanQuote } }
  }
  OPTIONAL { ?metricNode skos:prefLabel ?label FILTER (langMatches(lang(?label), "zh-Hans")) }
  OPTIONAL { ?metricNode skos:prefLabel ?labelEn FILTER (langMatches(lang(?labelEn), "en")) }
  OPTIONAL { ?metricNode ss:minValue ?min }
  OPTIONAL { ?metricNode ss:maxValue ?max }
  FILTER (!BOUND(?min) || ?value >= ?min)
  FILTER (!BOUND(?max) || ?value <= ?max)
}
ORDER BY ?metric ?asOf ?region ?file ?start ?m
"""

NATIONAL = "全国"
UNIT_WORDS = {"person": "人", "card": "张", "yuan": "元", "person-time": "人次", "percent": "%", "count": ""}
BOUNDS = ("gt", "ge", "lt", "le")
QUALIFIER_SIGNS = {"gt": ">", "ge": "≥", "lt": "<", "le": "≤", "approx": "≈"}
PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")
APPROX = 0.05  # how far "about", "nearly" may be from the true value
PLOTTABLE_MAGNITUDE = 1e100  # past this a value is a misreading: listed in the table, not charted
WIDTH, HEIGHT = 880, 300
LEFT, RIGHT, TOP, BOTTOM = 84, 20, 16, 40


@dataclass
class Figure:
    """One measurement as the page shows it."""

    iri: str
    metric: str
    value: float
    raw_value: str
    unit: str
    as_of: str | None
    period_start: str | None
    qualifier: str | None
    region: str
    file: str
    href: str
    published: str | None
    quote: str
    original_quote: str
    start: str | None
    end: str | None
    low_confidence: bool
    bounds: tuple[float, float] = (-math.inf, math.inf)
    conflict_with: list["Figure"] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return "fig-" + hashlib.sha256(self.iri.encode()).hexdigest()[:12]

    @property
    def plottable(self) -> bool:
        """Whether the chart can place it: an absurd figure (a 400-digit number, a year 0 or
        a 30 February) stays in the table and never breaks the page."""
        if not self.as_of or not (math.isfinite(self.value) and abs(self.value) < PLOTTABLE_MAGNITUDE):
            return False
        if not self.bounds[0] <= self.value <= self.bounds[1]:
            return False
        try:
            date_of(self.as_of)
            self.first_day
        except (ValueError, TypeError, OverflowError):
            return False
        return True

    @property
    def first_day(self) -> date:
        """The first day of the period a flow covers; a stock's as-of day."""
        return start_of(self.period_start) if self.period_start else date_of(self.as_of)

    @property
    def span(self) -> str:
        """Which figures a line may join: year-to-date "1–9月" figures with each other, never
        with the annual totals or the levels at a date."""
        if not self.period_start:
            return ""
        first, last = self.first_day, date_of(self.as_of)
        return f"{first.month}–{last.month}月" if first.year == last.year else f"{first}–{last}"


@dataclass
class MetricFigures:
    notation: str
    label: str
    label_en: str
    figures: list[Figure]

    @property
    def dated(self) -> list[Figure]:
        """The figures on the charts."""
        return [f for f in self.figures if f.plottable]

    def by_unit(self) -> dict[str, list[Figure]]:
        """One chart a unit (persons and cards never share an axis), the most reported first."""
        groups: dict[str, list[Figure]] = defaultdict(list)
        for figure in self.dated:
            groups[figure.unit].append(figure)
        return dict(sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])))


# ---------------------------------------------------------------- rows → figures

def figures_from_store(store: str | None = None) -> list[dict]:
    """The report's rows through the library API (the store opened read-only)."""
    from .query import query

    return query(FIGURES_QUERY, store=store).rows


def figures_from_endpoint(url: str, timeout: float = 30) -> list[dict]:
    """The same rows from a SPARQL endpoint, so a served page follows a writable store's changes."""
    return _select(url, FIGURES_QUERY, timeout)


def source_from_endpoint(url: str, key: str, timeout: float = 30) -> tuple[str, bytes] | None:
    """The content type and bytes of an article's source file, for the served page's links; None
    unless the key is the source of an article in the store (the page serves no other file)."""
    sparql = ('PREFIX ss: <https://w3id.org/sscard-kg/ontology#>\n'
              f'SELECT ?a WHERE {{ GRAPH ?g {{ ?a ss:sourceKey {Literal(key)} }} }} LIMIT 1')
    path = Path(key)
    if not (_select(url, sparql, timeout) and path.is_absolute() and path.is_file()):
        return None
    content = path.read_bytes()
    kind = mimetypes.guess_type(path.name)[0] or "text/plain"
    try:
        content.decode("utf-8")
        kind += "; charset=utf-8"
    except UnicodeDecodeError:
        pass
    return kind, content


def _select(url: str, sparql: str, timeout: float) -> list[dict]:
    import requests

    try:
        response = requests.post(url, data={"query": sparql}, timeout=timeout,
                                 headers={"Accept": "application/sparql-results+json"})
    except requests.RequestException as exc:
        raise QueryError(f"{url}: the endpoint does not answer: {exc}") from None
    if response.status_code != 200:
        raise QueryError(f"{url}: HTTP {response.status_code}: {response.text.strip()}")
    data = response.json()
    columns = data["head"]["vars"]
    return [{c: (b[c]["value"] if c in b else None) for c in columns} for b in data["results"]["bindings"]]


SOURCE_PATH = "/source"  # where the served page serves an article's file


def served_link(key: str) -> str:
    """A source file as the served page links it: the file served beside the page."""
    return f"{SOURCE_PATH}?{urlencode({'key': key})}"


def _figure(row: dict, link) -> Figure:
    return Figure(
        iri=row["m"], metric=row["metric"], value=_number(row["value"]), raw_value=row["value"], unit=row["unit"],
        as_of=row.get("asOf"), period_start=row.get("periodStart"), qualifier=row.get("qualifier"),
        region=row.get("region") or NATIONAL, file=row["file"],
        href=row.get("url") or link(row.get("key") or row["file"]), published=row.get("published"),
        quote=row.get("cleanQuote") or row.get("quote") or "", original_quote=row.get("quote") or "",
        start=row.get("start"), end=row.get("end"), low_confidence=(row.get("low") == "true"),
        bounds=(_number(row.get("min"), -math.inf), _number(row.get("max"), math.inf)),
    )


def file_link(key: str) -> str:
    """A source file as the written page links it: a file: URL, so the link opens the file."""
    path = Path(key)
    return path.as_uri() if path.is_absolute() else key


def _number(text: str | None, missing: float = math.nan) -> float:
    try:
        return float(text)
    except (TypeError, ValueError):
        return missing


def metrics(rows: list[dict], link=file_link) -> list[MetricFigures]:
    """Group rows by metric (one figure per measurement), most reported metric first; `link`
    turns an article without a URL into the address its link opens."""
    seen: dict[str, Figure] = {}
    labels: dict[str, tuple[str, str]] = {}
    for row in rows:
        seen.setdefault(row["m"], _figure(row, link))
        labels.setdefault(row["metric"], (row.get("label") or row["metric"], row.get("labelEn") or ""))
    by_metric: dict[str, list[Figure]] = defaultdict(list)
    for figure in seen.values():
        by_metric[figure.metric].append(figure)
    _flag_conflicts(list(seen.values()))
    result = [MetricFigures(n, *labels[n], sorted(figs, key=_order)) for n, figs in by_metric.items()]
    return sorted(result, key=lambda m: (-len(m.figures), m.notation))


def _order(figure: Figure) -> tuple:
    return (figure.as_of or "9999", figure.region, figure.file, int(figure.start or 0), figure.iri)


def _flag_conflicts(figures: list[Figure]) -> None:
    """Figures of the same metric, period, region and unit that no single true value could satisfy.

    Qualifiers count: "over 1.3 billion" agrees with 1.352 billion, "about 1.35 billion" with
    1.352 billion (within 5%); two plain values disagree whenever they differ. The named query
    conflicting-figures applies the same definition to the store.
    """
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.as_of and figure.bounds[0] <= figure.value <= figure.bounds[1]:
            groups[(figure.metric, figure.as_of, figure.period_start, figure.region, figure.unit)].append(figure)
    for group in groups.values():
        for figure in group:
            figure.conflict_with = [other for other in group if not _compatible(figure, other)]


def allowed(value: float, qualifier: str | None) -> tuple[float, float]:
    """The values a figure allows, given its qualifier (a strict bound is nudged inwards)."""
    nudge = abs(value) * 1e-9 + 1e-12
    return {
        "gt": (value + nudge, math.inf), "ge": (value, math.inf),
        "lt": (-math.inf, value - nudge), "le": (-math.inf, value),
        "approx": (value - abs(value) * APPROX, value + abs(value) * APPROX),
    }.get(qualifier or "", (value, value))


def agree(allowances: list[tuple[float, float]]) -> bool:
    """Whether one true value could satisfy every figure: their allowed values overlap."""
    return max(low for low, _ in allowances) <= min(high for _, high in allowances)


def _compatible(a: Figure, b: Figure) -> bool:
    return agree([allowed(a.value, a.qualifier), allowed(b.value, b.qualifier)])


# ---------------------------------------------------------------- numbers and dates

def format_value(value: float, unit: str, qualifier: str | None = None) -> str:
    """13.79亿人, 95.7%, 1.51万亿元: the way the articles write them."""
    sign = QUALIFIER_SIGNS.get(qualifier or "", "")
    word = UNIT_WORDS.get(unit, f" {unit}")
    if unit == "percent":
        return f"{sign}{value:g}%"
    for scale, name in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(value) >= scale:
            return f"{sign}{value / scale:.4g}{name}{word}"
    return f"{sign}{value:g}{word}"


def start_of(period_start: str) -> date:
    """The first day of the period a start value names: 2020 → 2020-01-01, 2021-03 → 2021-03-01."""
    parts = [int(p) for p in period_start.split("-")]
    return date(*(parts + [1, 1])[:3])


def date_of(as_of: str) -> date:
    """The end of the period an as-of value names: 2020 → 2020-12-31, 2021-03 → 2021-03-31."""
    parts = [int(p) for p in as_of.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts[:3])


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]."""
    span = high - low
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, tick = [], first
    while tick <= high + step * 1e-9:
        ticks.append(round(tick, 10))
        tick += step
    if ticks[-1] < high:
        ticks.append(round(tick, 10))
    return ticks


def _y_domain(values: list[float], bounds: tuple[float, float]) -> tuple[float, float]:
    """The values with a margin, kept inside the metric's range (no axis below 0 people or past 100%)."""
    low, high = min(values), max(values)
    pad = (high - low) * 0.08 if low != high else abs(low) * 0.1 or 1
    return max(low - pad, bounds[0]), min(high + pad, bounds[1])


def _x_domain(days: list[int]) -> tuple[int, int]:
    low, high = min(days), max(days)
    pad = max(30, (high - low) // 25) if high > low else 180
    return max(low - pad, date.min.toordinal()), min(high + pad, date.max.toordinal())


# ---------------------------------------------------------------- the chart

def charts(metric: MetricFigures) -> str:
    """One chart per unit of the metric's figures."""
    groups = metric.by_unit()
    if not groups:
        return '<p class="empty">No figure of this metric has an as-of date, so there is nothing to plot.</p>'
    return "\n".join(chart(metric, figures) for figures in groups.values())


def chart(metric: MetricFigures, figures: list[Figure]) -> str:
    """An SVG chart of figures in one unit: one circle per figure at the end of its period, a bar
    over the period a flow covers, one line per region and span, one colour per region."""
    days = [d for f in figures for d in (f.first_day.toordinal(), date_of(f.as_of).toordinal())]
    x0, x1 = _x_domain(days)
    ticks = nice_ticks(*_y_domain([f.value for f in figures], figures[0].bounds))
    y0, y1 = ticks[0], ticks[-1]
    unit = figures[0].unit

    def x(day: int) -> float:
        return LEFT + (day - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return HEIGHT - BOTTOM - (value - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM)

    parts = [f'<svg class="chart" data-metric="{escape(metric.notation)}" data-unit="{escape(unit)}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
             f'aria-label="{escape(metric.label)} over time">']
    parts += _y_axis(ticks, y, unit)
    parts += _x_axis(x0, x1, x)
    series = _series(figures)
    for region, figs in series.items():
        for span, line in _lines(figs).items():
            points = " ".join(f"{x(date_of(f.as_of).toordinal()):.1f},{y(f.value):.1f}" for f in line)
            dashed = ' stroke-dasharray="5 4"' if span else ""
            parts.append(f'<polyline class="series" points="{points}" stroke="{_colour(series, region)}"'
                         f'{dashed} data-span="{escape(span)}"/>')
        for f in figs:
            if f.period_start:
                parts.append(f'<line class="period" x1="{x(f.first_day.toordinal()):.1f}" y1="{y(f.value):.1f}" '
                             f'x2="{x(date_of(f.as_of).toordinal()):.1f}" y2="{y(f.value):.1f}" '
                             f'stroke="{_colour(series, region)}"/>')
    parts += _marks(metric, series, x, y)
    parts.append("</svg>")
    return "\n".join(parts)


def _series(figures: list[Figure]) -> dict[str, list[Figure]]:
    """Regions in a fixed order: the nation first, then by name."""
    series: dict[str, list[Figure]] = defaultdict(list)
    for figure in sorted(figures, key=lambda f: (date_of(f.as_of), f.value, f.file)):
        series[figure.region].append(figure)
    return dict(sorted(series.items(), key=lambda item: (item[0] != NATIONAL, item[0])))


def _lines(figures: list[Figure]) -> dict[str, list[Figure]]:
    """A region's figures by span: only figures over the same kind of period are joined."""
    lines: dict[str, list[Figure]] = defaultdict(list)
    for figure in figures:
        lines[figure.span].append(figure)
    return dict(sorted(lines.items()))


def _colour(series: dict, region: str) -> str:
    return PALETTE[list(series).index(region) % len(PALETTE)]


def _marks(metric: MetricFigures, series: dict[str, list[Figure]], x, y) -> list[str]:
    """Circles linked to their table rows; figures at the same spot are set side by side."""
    parts, taken = [], defaultdict(int)
    for region, figs in series.items():
        for f in figs:
            cx, cy = x(date_of(f.as_of).toordinal()), y(f.value)
            spot = (round(cx), round(cy))
            cx += 7 * taken[spot]
            taken[spot] += 1
            classes = ("mark" + (" conflict" if f.conflict_with else "") + (" bound" if f.qualifier in BOUNDS else "")
                       + (" low-confidence" if f.low_confidence else ""))
            colour = _colour(series, region)
            ring = f' style="stroke:{colour}"' if f.qualifier in BOUNDS and not f.conflict_with else ""
            period = f"{f.period_start}–{f.as_of}" if f.period_start else f.as_of
            tip = f"{format_value(f.value, f.unit, f.qualifier)} · {period} · {region} · {f.file}"
            if f.conflict_with:
                tip += " · disagrees with " + ", ".join(
                    format_value(o.value, o.unit, o.qualifier) for o in f.conflict_with)
            parts.append(
                f'<a href="#{f.anchor}"><circle class="{classes}" cx="{cx:.1f}" cy="{cy:.1f}" r="5" '
                f'fill="{colour}"{ring} data-metric="{escape(metric.notation)}" '
                f'data-file="{escape(f.file)}" data-as-of="{escape(f.as_of)}" data-region="{escape(region)}" '
                f'data-value="{escape(f.raw_value)}"><title>{escape(tip)}</title></circle></a>')
    return parts


def _y_axis(ticks: list[float], y, unit: str) -> list[str]:
    parts = [f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}"/>']
    for tick in ticks:
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" y2="{y(tick):.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
                     f'{escape(format_value(tick, unit))}</text>')
    return parts


def _x_axis(x0: int, x1: int, x) -> list[str]:
    first, last = date.fromordinal(x0).year + 1, date.fromordinal(x1).year
    years = list(range(first, last + 1))
    step = max(1, math.ceil(len(years) / 12))
    parts = [f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}"/>']
    for year in years[::step]:
        px = x(date(year, 1, 1).toordinal())
        parts.append(f'<line class="tickmark" x1="{px:.1f}" y1="{HEIGHT - BOTTOM}" '
                     f'x2="{px:.1f}" y2="{HEIGHT - BOTTOM + 5}"/>')
        parts.append(f'<text class="tick" x="{px:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">{year}</text>')
    if not years:
        label = date.fromordinal((x0 + x1) // 2).isoformat()[:7]
        parts.append(f'<text class="tick" x="{(LEFT + WIDTH - RIGHT) / 2:.1f}" y="{HEIGHT - BOTTOM + 18}" '
                     f'text-anchor="middle">{label}</text>')
    return parts


def legend(metric: MetricFigures) -> str:
    series = _series(metric.dated)
    items = [f'<span class="key"><span class="swatch" style="background:{_colour(series, region)}"></span>'
             f'{escape(region)} ({len(figs)})</span>' for region, figs in series.items()]
    if any(f.period_start for f in metric.dated):
        items.append('<span class="key"><span class="swatch period-swatch"></span>the period a total covers; '
                     'a dashed line joins totals over the same months of each year</span>')
    if any(f.qualifier in BOUNDS for f in metric.dated):
        items.append('<span class="key"><span class="swatch bound-swatch"></span>a bound (over, under)</span>')
    if any(f.conflict_with for f in metric.figures):
        items.append('<span class="key"><span class="swatch conflict-swatch"></span>'
                     'disagrees with another figure</span>')
    undated = sum(1 for f in metric.figures if not f.as_of)
    if undated:
        items.append(f'<span class="key">{undated} figure(s) without an as-of date are in the table only</span>')
    unplotted = len(metric.figures) - undated - len(metric.dated)
    if unplotted:
        items.append(f'<span class="key">{unplotted} figure(s) with a value or date the chart cannot place '
                     'are in the table only</span>')
    return '<div class="legend">' + "".join(items) + "</div>"


# ---------------------------------------------------------------- the table and the page

def table(metric: MetricFigures) -> str:
    rows = "\n".join(_row(f) for f in metric.figures)
    return ('<table class="figures"><thead><tr><th>As of</th><th>Region</th><th>Value</th><th>Article</th>'
            '<th>Published</th><th>Quote</th></tr></thead>\n<tbody>\n' + rows + "\n</tbody></table>")


def _row(f: Figure) -> str:
    value = escape(format_value(f.value, f.unit, f.qualifier))
    flag = ""
    if f.conflict_with:
        others = "; ".join(f"{format_value(o.value, o.unit, o.qualifier)} in {o.file}" for o in f.conflict_with)
        flag = f'<div class="flag">disagrees: {escape(others)}</div>'
    note = ' <span class="low">low confidence</span>' if f.low_confidence else ""
    where = f"characters {f.start}–{f.end} of {f.file}" if f.start else f.file
    original = f"\noriginal: {f.original_quote}" if f.original_quote and f.original_quote != f.quote else ""
    classes = "conflict" if f.conflict_with else ""
    return (f'<tr id="{f.anchor}" class="{classes}" data-file="{escape(f.file)}">'
            f'<td class="date">{escape(f.as_of or "—")}</td><td>{escape(f.region)}</td>'
            f'<td class="num" title="{escape(f.raw_value)} {escape(f.unit)}">{value}{note}{flag}</td>'
            f'<td><a href="{escape(f.href)}">{escape(f.file)}</a></td><td class="date">{escape(f.published or "")}</td>'
            f'<td class="quote" title="{escape(where + original)}">{escape(f.quote)}</td></tr>')


def section(metric: MetricFigures) -> str:
    heading = escape(metric.label) + (f' <span class="en">{escape(metric.label_en)}</span>' if metric.label_en else "")
    conflicts = sum(1 for f in metric.figures if f.conflict_with)
    summary = f"{len(metric.figures)} figure(s)"
    if conflicts:
        summary += f', <span class="flag">{conflicts} disagreeing</span>'
    return (f'<section id="metric-{escape(metric.notation)}" data-metric="{escape(metric.notation)}">\n'
            f'<h2>{heading} <code>{escape(metric.notation)}</code></h2>\n<p class="summary">{summary}</p>\n'
            f"{charts(metric)}\n{legend(metric)}\n{table(metric)}\n</section>")


def query_ui(endpoint: str) -> str:
    """The page of the endpoint a person opens: its query UI, not the query URL (which answers a
    bare GET with the whole default graph)."""
    base = endpoint.rstrip("/")
    for path in ("/query", "/sparql"):
        if base.endswith(path):
            base = base[: -len(path)]
    return base + "/"


def build_html(rows: list[dict], endpoint: str | None = None, link=file_link) -> str:
    """The whole page from the figure rows; `link` gives the address of an article without a URL."""
    found = metrics(rows, link)
    figures = [f for m in found for f in m.figures]
    articles = {f.file for f in figures}
    conflicts = [f for f in figures if f.conflict_with]
    contents = "".join(f'<li><a href="#metric-{escape(m.notation)}">{escape(m.label)}</a> '
                       f'<code>{escape(m.notation)}</code> ({len(m.figures)})</li>' for m in found)
    served = (f'<p class="endpoint">SPARQL endpoint: <code>{escape(endpoint)}</code> · '
              f'<a href="{escape(query_ui(endpoint))}">open the query UI</a></p>' if endpoint else "")
    body = "\n".join(section(m) for m in found) or '<p class="empty">The store has no figures yet.</p>'
    template = Template(data_file("report_template.html").read_text(encoding="utf-8"))
    return template.substitute(
        summary=(f"{len(figures)} figures of {len(found)} metrics from {len(articles)} articles; "
                 f"{len(conflicts)} figures disagree with another for the same metric, date and region."),
        endpoint=served, contents=contents, sections=body,
    )


def write_report(output: str | Path, store: str | None = None) -> int:
    """Write the page for a store; returns the number of figures on it."""
    rows = figures_from_store(store)
    write_file(output, build_html(rows).encode("utf-8"))
    return len({row["m"] for row in rows})
