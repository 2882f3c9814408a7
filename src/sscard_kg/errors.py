"""One exception type per failure a user can meet; each message names the file or URL."""

from __future__ import annotations


class SscardError(Exception):
    """Base of the errors sscard-kg raises on purpose."""


class ArticleError(SscardError):
    """An article that gave no graph: its file or URL (`location`) and why, in one line (`reason`).

    A build lists them in `BuildResult.failed`. They pickle (a worker process or a cluster task
    hands them back), compare by kind, location and reason, and unpack as `location, reason`.
    """

    def __init__(self, location: str, reason: str):
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason

    def __reduce__(self):
        return self.__class__, (self.location, self.reason)

    def __iter__(self):
        return iter((self.location, self.reason))

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self)
                and (other.location, other.reason) == (self.location, self.reason))  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self.location, self.reason))


class SourceError(ArticleError):
    """A file, folder or URL that cannot be read as an article."""


class ExtractionError(ArticleError):
    """An article read but not extracted: over its time, an extractor's error, a worker process
    or a cluster task lost with it, or the reference data changed during the build."""


class InvalidGraph(ArticleError):
    """An article graph that fails the SHACL shapes; `violations` are plain-word messages."""

    def __init__(self, location: str, violations: list[str]):
        super().__init__(location, "the graph fails validation: " + "; ".join(violations))
        self.violations = violations

    def __reduce__(self):
        return self.__class__, (self.location, self.violations)


class StoreError(SscardError):
    """The store cannot be opened (locked by another process, not a store, unwritable)."""


class QueryError(SscardError):
    """A query that cannot be parsed or run; the message is the parser's."""


class SettingError(SscardError):
    """A setting (an environment variable or an option) whose value cannot be used; the message names it."""
