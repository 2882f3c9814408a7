"""What the package holds besides code: its data files, and the namespaces of the vocabulary it writes.

Everything is read from `sscard_kg/data` with importlib.resources, so a checkout, an editable
install and a wheel read the same files: the cue words of the extractors (`cues/zh.toml`,
`cues/en.toml`), the table files (`boilerplate.toml`, `cp936_pua.json`), the query
UI and the report's template, and `ontology/`, `shapes/` and `queries/`, links to the folders at
the top of the repository (a wheel holds copies).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import chain
from typing import NamedTuple

DATA_DIR = resources.files(__package__) / "data"
ONTOLOGY_DIR = DATA_DIR / "ontology"
SHAPES_DIR = DATA_DIR / "shapes"
QUERIES_DIR = DATA_DIR / "queries"
CUES_DIR = DATA_DIR / "cues"

BASE = "https://w3id.org/sscard-kg/id/"
NAMESPACES = {
    "ss": "https://w3id.org/sscard-kg/ontology#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def data_file(name: str) -> Traversable:
    """One file of `sscard_kg/data` (`boilerplate.toml`, `query_ui.html`, …)."""
    return DATA_DIR / name


def data_files(folder: Traversable, suffix: str) -> list[Traversable]:
    """The files of a data folder with that suffix, by name (a package resource has no glob)."""
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(suffix)), key=lambda entry: entry.name)


def ontology_files() -> list[Traversable]:
    return data_files(ONTOLOGY_DIR, ".ttl")


class Cues(NamedTuple):
    """One module's cue words in each language: a table of regular expressions (a list is an
    alternation, a string a fragment), which the module's patterns combine."""

    zh: dict
    en: dict


@cache
def _cue_file(language: str) -> dict:
    with (CUES_DIR / f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def cues(section: str) -> Cues:
    """The cue words of one section (`measurements`, `numbers`, `dates`, …) of `cues/zh.toml` and
    `cues/en.toml`."""
    return Cues(_cue_file("zh").get(section, {}), _cue_file("en").get(section, {}))


def either(*alternatives: list[str]) -> str:
    """Lists of alternatives as one regular-expression alternation, in their order.

    >>> either(["预计", "力争"], ["expects?", "goal"])
    '预计|力争|expects?|goal'
    """
    return "|".join(chain.from_iterable(alternatives))
