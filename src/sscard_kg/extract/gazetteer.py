"""The reference data in ontology/*.ttl, turned into matchers the extractors use.

Adding a region, an alias, an official or a metric phrasing is a change to the Turtle files only.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from pyoxigraph import Literal, NamedNode

from ..clean.script import to_simplified
from ..prefilter import compile_fast
from ..resources import BASE, NAMESPACES, ontology_files

SS, SCHEMA, SKOS = NAMESPACES["ss"], NAMESPACES["schema"], NAMESPACES["skos"]
RDF_TYPE = NAMESPACES["rdf"] + "type"
PROGRAM_SCHEME = BASE + "program/scheme"

TYPES = {
    SCHEMA + "AdministrativeArea": "region",
    SCHEMA + "GovernmentOrganization": "agency",
    SCHEMA + "Person": "person",
    SS + "AgencyKind": "agency-kind",
}


@dataclass(frozen=True)
class Entry:
    """An entity of the reference data: its IRI, Simplified label and every alias."""

    iri: str
    type: str
    label: str
    english: str
    aliases: tuple[str, ...]
    level: str | None = None
    parent: str | None = None
    internal: bool = False  # a unit inside its parent (ss:InternalUnit): a mention of it names the parent


@dataclass(frozen=True)
class Metric:
    iri: str
    notation: str
    label: str
    default_unit: str | None
    phrases: tuple[re.Pattern, ...]
    after: tuple[re.Pattern, ...]
    requires: re.Pattern | None
    list_item: re.Pattern | None
    stock: bool = False
    not_after: re.Pattern | None = None
    subjects: frozenset[str] = frozenset()
    measures: frozenset[str] = frozenset()
    secondary_measures: frozenset[str] = frozenset()
    count_word: re.Pattern | None = None
    units: frozenset[str] = frozenset()
    unit_alone: frozenset[str] = frozenset()
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    series_since: int | None = None
    earlier_series: str | None = None
    series_cue: re.Pattern | None = None

    def holds(self, value: Decimal) -> bool:
        """Whether a national figure of this metric can have `value` (ss:minValue, ss:maxValue)."""
        return (self.min_value is None or value >= self.min_value) and (self.max_value is None or value <= self.max_value)


@dataclass(frozen=True, eq=False)
class Phrasing:
    """A subject or a measure of the metric composition and the phrases that name it; a subject's
    weak phrases imply it only where no phrase names one."""

    iri: str
    phrases: re.Pattern | None
    weak: re.Pattern | None = None
    broader: str | None = None
    related: str | None = None


@dataclass(eq=False)
class Gazetteer:
    entries: dict[str, Entry]
    metrics: list[Metric]
    list_heads: tuple[re.Pattern, ...]
    version: str
    published: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    subjects: tuple[Phrasing, ...] = ()
    measures: tuple[Phrasing, ...] = ()
    series_bridge: re.Pattern | None = None
    part_cue: re.Pattern | None = None
    population: re.Pattern | None = None
    demonstrative: re.Pattern | None = None
    subgroup: re.Pattern | None = None
    counted_group: re.Pattern | None = None
    not_a_figure: re.Pattern | None = None
    not_a_figure_after: re.Pattern | None = None
    _matchers: dict[tuple[str, bool], tuple[re.Pattern, dict[str, Entry]]] = field(default_factory=dict)

    @cached_property
    def unpaired_measures(self) -> frozenset[str]:
        """Measures no metric is made of (benefits paid): the figure they frame keeps no metric."""
        paired = {m for metric in self.metrics for m in metric.measures | metric.secondary_measures}
        return frozenset(p.iri for p in self.measures) - paired

    def by_type(self, kind: str) -> list[Entry]:
        return [e for e in self.entries.values() if e.type == kind]

    def literals(self, iri: str, prop: str) -> tuple[str, ...]:
        """The values of a property (`ss:` local name) of an individual, Chinese ones in Simplified:
        the cues and name parts that are not labels (ss:nationalCue, ss:unitName)."""
        return literal_values(iri, SS + prop)

    def alias_table(self, kind: str, english: bool) -> dict[str, Entry]:
        """{alias (lower-cased in English): entry} of one kind's aliases in one script."""
        table: dict[str, Entry] = {}
        for entry in self.by_type(kind):
            for alias in entry.aliases:
                if alias.isascii() == english and len(alias) >= 2:
                    table.setdefault(alias.lower() if english else alias, entry)
        return table

    def find(self, kind: str, text: str, english: bool) -> list[tuple[int, int, Entry]]:
        """Non-overlapping matches of `kind` aliases in `text`, longest alias first at each place;
        in English, whatever their case."""
        pattern, table = self._matcher(kind, english)
        if pattern is None:
            return []
        return [(m.start(), m.end(), table[m.group(0)]) for m in pattern.finditer(fold_case(text) if english else text)]

    def _matcher(self, kind: str, english: bool):
        """The alias pattern and table of one kind in one script; the English pattern reads
        `fold_case` text, so it need not ignore case."""
        key = (kind, english)
        if key not in self._matchers:
            table = self.alias_table(kind, english)
            pattern = compile_fast(alias_regex(table, english)) if table else None
            self._matchers[key] = (pattern, table)
        return self._matchers[key]


# Besides the other case, re.IGNORECASE takes İ and ı for an i, ſ for an s, and the Kelvin sign
# for a k: nothing else for an ASCII character. Lower-casing does the rest and keeps the length.
_ASCII_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


@lru_cache(maxsize=8)
def fold_case(text: str) -> str:
    """`text`, character for character, as re.IGNORECASE compares it with ASCII: a case-sensitive
    pattern of lower-case ASCII aliases finds in it what a case-blind one finds in `text`, at the
    same offsets, about twice as fast. Cached: each kind of alias is looked for in the same text."""
    return text.translate(_ASCII_FOLDS).lower()


def alias_regex(table: dict[str, Entry], english: bool) -> str:
    """Any alias of the table; in English, not inside a longer word."""
    aliases = alias_pattern(table)
    return rf"(?<![A-Za-z])(?:{aliases})(?![A-Za-z])" if english else f"(?:{aliases})"


def alias_pattern(aliases) -> str:
    """A pattern for any of `aliases`, longest first at each place, shaped as a trie: the engine
    follows the text down the one path of shared prefixes instead of trying every alias in turn.
    Each optional tail is greedy, so a longer alias is tried before the shorter one it extends."""
    return _trie_pattern(_trie(aliases))


def _trie(words) -> dict:
    """Nested dicts keyed by character; the key "" marks that a word ends there."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=1)
def reference_graph() -> Triples:
    """Every triple of ontology/*.ttl, parsed by pyoxigraph (rdflib's Turtle parser took ~0.15 s
    of each worker's start)."""
    from pyoxigraph import RdfFormat, parse

    return Triples(t for path in ontology_files() for t in parse(path.read_bytes(), format=RdfFormat.TURTLE))


class Triples:
    """The reference data's triples (pyoxigraph terms), indexed for the lookups reading it needs;
    predicates are given as IRI strings."""

    def __init__(self, triples: Iterable) -> None:
        self._objects: dict[tuple, list] = defaultdict(list)
        self._subjects: dict[tuple, list] = defaultdict(list)
        for triple in dict.fromkeys(triples):
            subject, predicate, obj = triple.subject, triple.predicate.value, triple.object
            self._objects[(subject, predicate)].append(obj)
            self._subjects[(predicate, obj)].append(subject)
            self._subjects[(predicate, None)].append(subject)

    def objects(self, subject, predicate: str) -> list:
        return self._objects.get((subject, predicate), [])

    def value(self, subject, predicate: str):
        found = self.objects(subject, predicate)
        return found[0] if found else None

    def subjects(self, predicate: str, obj=None) -> list:
        """The subjects with `predicate` (to `obj`, if given), each once, in IRI order."""
        return sorted(set(self._subjects.get((predicate, obj), [])), key=lambda node: node.value)


@lru_cache(maxsize=256)
def literal_values(iri: str, predicate: str) -> tuple[str, ...]:
    values = (o.value for o in reference_graph().objects(NamedNode(iri), predicate) if isinstance(o, Literal))
    return tuple(sorted({v if v.isascii() else to_simplified(v) for v in values}))


def reference_version() -> str:
    """A digest of the reference data: a change to it re-extracts every article."""
    digest = hashlib.sha256()
    for path in ontology_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _labels(graph: Triples, node) -> tuple[str, str, tuple[str, ...]]:
    zh, en, aliases = None, None, []
    for predicate in (SKOS + "prefLabel", SKOS + "altLabel"):
        for label in graph.objects(node, predicate):
            if not isinstance(label, Literal):
                continue
            text = label.value
            if predicate == SKOS + "prefLabel" and label.language == "zh-hans":
                zh = text
            if predicate == SKOS + "prefLabel" and label.language == "en":
                en = text
            aliases.append(text if text.isascii() else to_simplified(text))
    zh = zh or en or node.value.rsplit("/", 1)[-1]
    return zh, en or zh, tuple(sorted(set(aliases)))


def _patterns(graph: Triples, node, predicate: str) -> tuple[re.Pattern, ...]:
    return tuple(compile_fast(p, re.I) for p in sorted(o.value for o in graph.objects(node, predicate)))


def _value(term) -> str | None:
    """A term's lexical value, or None where there is no term."""
    return term.value if term is not None else None


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    graph = reference_graph()
    entries: dict[str, Entry] = {}
    for rdf_type, kind in TYPES.items():
        for node in graph.subjects(RDF_TYPE, NamedNode(rdf_type)):
            zh, en, aliases = _labels(graph, node)
            level = graph.value(node, SS + "regionLevel")
            parent = graph.value(node, SCHEMA + "parentOrganization") or graph.value(node, SCHEMA + "containedInPlace")
            internal = NamedNode(SS + "InternalUnit") in graph.objects(node, RDF_TYPE)
            entries[node.value] = Entry(node.value, kind, zh, en, aliases, _value(level), _value(parent), internal)
    for node in graph.subjects(SKOS + "inScheme", NamedNode(PROGRAM_SCHEME)):
        zh, en, aliases = _labels(graph, node)
        entries[node.value] = Entry(node.value, "program", zh, en, aliases)
    metrics = []
    for node in graph.subjects(SKOS + "notation"):
        zh, _, _ = _labels(graph, node)
        metrics.append(Metric(
            node.value, graph.value(node, SKOS + "notation").value, zh, _value(graph.value(node, SS + "defaultUnit")),
            _patterns(graph, node, SS + "phrase"), _patterns(graph, node, SS + "phraseAfter"),
            _pattern(graph.value(node, SS + "requires")), _pattern(graph.value(node, SS + "listItem")),
            _value(graph.value(node, SS + "stock")) in ("true", "1"),
            _pattern(graph.value(node, SS + "notAfter")),
            *(_values(graph, node, SS + name) for name in ("subject", "measure", "secondaryMeasure")),
            _pattern(graph.value(node, SS + "countWord")),
            *(_values(graph, node, SS + name) for name in ("unit", "unitAlone")),
            *(_decimal(graph.value(node, SS + name)) for name in ("minValue", "maxValue")),
            _year(graph.value(node, SS + "seriesSince")), _value(graph.value(node, SS + "earlierSeries")),
            _pattern(graph.value(node, SS + "seriesCue")),
        ))
    heads = tuple(p for node in graph.subjects(SS + "listHead") for p in _patterns(graph, node, SS + "listHead"))
    return Gazetteer(entries, metrics, heads, reference_version(), _published(graph),
                     _phrasings(graph, SS + "Subject"), _phrasings(graph, SS + "Measure"),
                     *(_alternatives(graph, SS + name) for name in ("seriesBridge", "partCue", "population", "demonstrative", "subgroup",
                                                             "countedGroup", "notAFigure", "notAFigureAfter")))


def _year(term) -> int | None:
    return int(term.value) if term is not None else None


def _decimal(term) -> Decimal | None:
    return Decimal(term.value) if term is not None else None


def _values(graph: Triples, node, predicate: str) -> frozenset[str]:
    """The IRIs or literal values of `predicate` on `node`."""
    return frozenset(o.value for o in graph.objects(node, predicate))


def _pattern(term) -> re.Pattern | None:
    return compile_fast(term.value, re.I) if term is not None else None


def _alternatives(graph: Triples, predicate: str) -> re.Pattern | None:
    """Every value of `predicate` in the reference data, as one pattern."""
    return _any_of(sorted(o.value for node in graph.subjects(predicate) for o in graph.objects(node, predicate)))


def _any_of(phrases: list[str]) -> re.Pattern | None:
    return compile_fast("|".join(f"(?:{p})" for p in phrases), re.I) if phrases else None


def _phrasings(graph: Triples, rdf_type: str) -> tuple[Phrasing, ...]:
    return tuple(Phrasing(node.value, _one_pattern(graph, node, SS + "phrase"), _one_pattern(graph, node, SS + "weakPhrase"),
                          _value(graph.value(node, SKOS + "broader")), _value(graph.value(node, SKOS + "related")))
                 for node in graph.subjects(RDF_TYPE, NamedNode(rdf_type)))


def _one_pattern(graph: Triples, node, predicate: str) -> re.Pattern | None:
    """A subject's or a measure's phrases as one pattern, the longest written first so that it is
    tried first where two begin: the text is scanned once for all of them."""
    return _any_of(sorted((o.value for o in graph.objects(node, predicate)), key=lambda p: (-len(p), p)))


def _published(graph: Triples) -> dict[str, dict[str, Decimal]]:
    """{metric notation: {as-of date: value}} of the national figures MOHRSS published (statistics.ttl)."""
    found: dict[str, dict[str, Decimal]] = {}
    for node in graph.subjects(RDF_TYPE, NamedNode(SS + "PublishedValue")):
        notation = graph.value(graph.value(node, SS + "metric"), SKOS + "notation").value
        found.setdefault(notation, {})[graph.value(node, SS + "asOf").value] = Decimal(graph.value(node, SS + "value").value)
    return found
