"""Expected failures the user can act on. Anything else is a bug and keeps its traceback."""

from __future__ import annotations


class WorkbenchError(Exception):
    """An expected failure: a message, where it happened, and what to do about it."""

    def __init__(self, message: str, *, hint: str = "", where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.where = where

    def one_line(self) -> str:
        """The CLI's `error:` line and the TUI's toast text."""
        prefix = f"{self.where}: " if self.where else ""
        suffix = f" ({self.hint})" if self.hint else ""
        return f"{prefix}{self.message}{suffix}".replace("\n", " ")


class InvalidInput(WorkbenchError):
    """A value the user gave (a file, a field, a URL, a status) cannot be used."""


class NotFound(WorkbenchError):
    """An id or key that names nothing in the database."""


class StaleEdit(WorkbenchError):
    """Someone else changed the row since this analyst loaded it: nothing was overwritten."""

    @classmethod
    def of(
        cls,
        what: str,
        row_id: int,
        *,
        by: str,
        now: int,
        seen: int,
        hint: str = "reload it and decide again; nothing was overwritten",
    ) -> StaleEdit:
        """The one wording of a refused change: who changed it, its version now, the one seen."""
        return cls(
            f"{what} {row_id} was changed by {by} (now version {now}; you saw {seen})",
            where=what,
            hint=hint,
        )


class DatabaseProblem(WorkbenchError):
    """The database cannot be opened or written: missing folder, not a database, read-only…"""


class ReadOnlyDatabase(DatabaseProblem):
    """A write was attempted on a database opened read-only; reads still work."""


class SchemaMismatch(DatabaseProblem):
    """The database schema is older (needs `workbench init`) or newer than this workbench."""


class ConfigError(WorkbenchError):
    """The config file cannot be read or holds a value of the wrong type."""
