"""One exception type per failure a user can meet; each message names the file or URL."""

from __future__ import annotations


class SscardError(Exception):
    """Base of the errors sscard-kg raises on purpose."""


class SourceError(SscardError):
    """A file, folder or URL that cannot be read as an article."""

    def __init__(self, location: str, reason: str):
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason


class InvalidGraph(SscardError):
    """An article graph that fails the SHACL shapes; `violations` are plain-word messages."""

    def __init__(self, location: str, violations: list[str]):
        super().__init__(f"{location}: the graph fails validation: " + "; ".join(violations))
        self.location = location
        self.violations = violations


class StoreError(SscardError):
    """The store cannot be opened (locked by another process, not a store, unwritable)."""


class QueryError(SscardError):
    """A query that cannot be parsed or run; the message is the parser's."""


class SettingError(SscardError):
    """A setting (an environment variable or an option) whose value cannot be used; the message names it."""
