"""Loaded by the build's fork server before it starts the worker processes.

The large read-only tables (jieba's word frequencies for the mojibake search and the weights of
the characters it tries, OpenCC's conversion tables, pypinyin's readings, the characters NFKC may change) are built once here and shared by every worker, page for
page, instead of once per worker; trafilatura (for HTML pages) is imported here once as well.
They do not depend on the reference data, so a long-lived fork server cannot hold stale
gazetteers. `gc.freeze()` keeps the collector from touching (and so copying) them.
"""

import gc

import trafilatura  # noqa: F401  (imported here, not in each worker)

from ..clean.mojibake.plausibility import load_models
from ..clean.mojibake.repair import load_tables
from ..clean.pinyin import readings
from ..clean.script import nfkc_candidates, to_traditional

load_models()
load_tables()
readings("数")  # pypinyin loads its dictionaries on import
nfkc_candidates()
to_traditional("数")  # the s2t tables, read for the script of any Chinese page that has Traditional in it
gc.freeze()
