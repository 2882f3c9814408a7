"""A decimal point lost as a space (`10 22亿` for `10.22亿`), restored only where the document
holds an intact copy of the same figure (titles and summaries often do)."""

from __future__ import annotations

import re

from .textmap import Edit

_SPLIT = re.compile(r"(?<![\d.])(\d{1,3}) (\d{1,2})(?=[万亿%％億萬])")


def dot_space_edits(text: str) -> list[Edit]:
    edits = []
    for match in _SPLIT.finditer(text):
        whole, fraction = match.groups()
        intact = f"{whole}.{fraction}{text[match.end()]}"
        if intact in text:
            edits.append(Edit(match.start(1) + len(whole), match.start(2), ".", "decimal-point", 0.7,
                              f"'.' read as a space; {intact} stands intact elsewhere in the document"))
    return edits
