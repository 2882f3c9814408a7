"""The same input gives the same IRIs and byte-identical Turtle, whatever the folder or run."""

from __future__ import annotations

import shutil

import sscard_kg
from sscard_kg.extract import extract, version
from sscard_kg.rdf import article_quads, to_turtle
from sscard_kg.sources import SourceRef, read


def test_article_turtle_is_byte_identical_across_runs(seed_file):
    path = seed_file("002")
    ref = SourceRef(str(path), path.name)
    first = to_turtle(article_quads(extract(read(ref))[1], version()))
    second = to_turtle(article_quads(extract(read(ref))[1], version()))
    assert first == second and b"ss:Measurement" in first


def test_store_export_is_identical_for_a_copy_in_another_folder(seeds_dir, tmp_path):
    copy = tmp_path / "elsewhere" / "seeds"
    shutil.copytree(seeds_dir, copy)
    exports = []
    for source, name in ((seeds_dir, "a"), (copy, "b")):
        store = str(tmp_path / name)
        assert sscard_kg.build([str(source)], store=store, workers=1).ok
        exports.append(sscard_kg.export("turtle", store=store))
    assert exports[0] == exports[1]
