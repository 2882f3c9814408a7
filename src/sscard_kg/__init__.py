"""sscard-kg: news about China's social security card, as a validated, queryable RDF graph.

>>> import sscard_kg
>>> result = sscard_kg.build(["examples/"], store="sscard-store")   # doctest: +SKIP
>>> rows = sscard_kg.query("measurements", store="sscard-store").rows   # doctest: +SKIP
"""

from .errors import ArticleError, ExtractionError, InvalidGraph, QueryError, SourceError, SscardError, StoreError
from .use.export import export
from .builder.pipeline import BuildResult, build
from .use.query import QueryResult, query

__all__ = [
    "build", "query", "export", "BuildResult", "QueryResult",
    "SscardError", "ArticleError", "SourceError", "ExtractionError", "InvalidGraph", "QueryError", "StoreError",
]
__version__ = "0.1.0"
