"""The package's one exception hierarchy.

Every error a user can cause derives from :class:`IraqCtNewsError`, so the command line can turn
any of them into a located message instead of a traceback, and library users can catch one type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding


class IraqCtNewsError(Exception):
    """Base class for every error this package raises on purpose."""


class ReaderError(IraqCtNewsError):
    """A YAML file could not be read as a record.

    Carries a stable rule code and a 1-based line and column, because a reader error is always
    reported to someone who has to find the spot in an editor.
    """

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{line}:{column}: {code} {message}")
        self.code = code
        self.message = message
        self.line = line
        self.column = column


class ValidationError(IraqCtNewsError):
    """A curated tree has errors; :attr:`findings` holds every one of them, not just the first."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        errors = [f for f in self.findings if f.is_error]
        first = errors[0].render() if errors else "no details"
        super().__init__(f"{len(errors)} validation error(s); first: {first}")


class UsageError(IraqCtNewsError):
    """The command line was called wrongly (exit status 2)."""


class BuildError(IraqCtNewsError):
    """A release could not be built or read."""


class DraftError(IraqCtNewsError):
    """``draft`` cannot work on a file (not an article record, no body, unreadable)."""
