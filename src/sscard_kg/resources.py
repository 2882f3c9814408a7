"""What the package holds besides code: its data files, and the namespaces of the vocabulary it writes.

Everything is read from `sscard_kg/data` with importlib.resources, so a checkout, an editable
install and a wheel read the same files: the cue and table files (`dates.toml`, `pubdate.toml`,
`people.toml`, `boilerplate.toml`, `cp936_pua.json`), the query UI and the report's template, and
`ontology/`, `shapes/` and `queries/`, links to the folders at the top of the repository (a wheel
holds copies).
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

DATA_DIR = resources.files(__package__) / "data"
ONTOLOGY_DIR = DATA_DIR / "ontology"
SHAPES_DIR = DATA_DIR / "shapes"
QUERIES_DIR = DATA_DIR / "queries"

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
    """One file of `sscard_kg/data` (`dates.toml`, `query_ui.html`, …)."""
    return DATA_DIR / name


def data_files(folder: Traversable, suffix: str) -> list[Traversable]:
    """The files of a data folder with that suffix, by name (a package resource has no glob)."""
    return sorted((entry for entry in folder.iterdir() if entry.name.endswith(suffix)), key=lambda entry: entry.name)


def ontology_files() -> list[Traversable]:
    return data_files(ONTOLOGY_DIR, ".ttl")
