"""One located finding of the validator, and the ways to print many of them.

Findings are plain, comparable values: they travel with their file's report between processes,
are stored in the cache (without the path, which is the file's) and are compared in tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from .safeoutput import one_line
from .textutil import printable

Severity = Literal["error", "warning"]
OutputFormat = Literal["text", "json", "github"]


@dataclass(frozen=True, order=True)
class Finding:
    """A problem at ``path:line:column``; ``code`` names the rule (see ``--explain``)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def render(self) -> str:
        """The one-line form editors and CI logs understand: ``path:line:col: CODE message``.

        The path and the message are what a pull request controls (a file name, quoted values),
        so each is passed through :func:`~iraq_ct_news.core.textutil.printable`: a line break in a
        file name cannot print a second, fake line, nor an escape sequence rewrite the screen.
        """
        label = "" if self.is_error else "warning: "
        return (
            f"{one_line(self.path)}:{self.line}:{self.column}: {one_line(self.code)} "
            f"{label}{one_line(self.message)}"
        )

    def render_github(self) -> str:
        """A GitHub Actions workflow command, so the finding is annotated on the changed line."""
        kind = "error" if self.is_error else "warning"
        message = _escape_github(one_line(self.message))
        path = _escape_github_property(one_line(self.path))
        return (
            f"::{kind} file={path},line={self.line},col={self.column},"
            f"title={_escape_github_property(printable(self.code))}::{message}"
        )


def _escape_github(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    return _escape_github(text).replace(":", "%3A").replace(",", "%2C")


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in file, line, column order, the order a reader fixes them in, without repeats."""
    return sorted(
        set(findings), key=lambda f: (f.path, f.line, f.column, f.code, f.message, f.severity)
    )


def summary_line(findings: Sequence[Finding]) -> str:
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    return f"{errors} error(s), {warnings} warning(s)"


def render_findings(findings: Sequence[Finding], output_format: OutputFormat) -> str:
    """All findings in the requested format, followed by a count (text and github formats)."""
    if output_format == "json":
        errors = sum(1 for f in findings if f.is_error)
        document = {
            "findings": [asdict(f) for f in findings],
            "errors": errors,
            "warnings": len(findings) - errors,
        }
        # Raw line ends in the text are the layout (json.dumps escapes those inside strings);
        # every other character printable() escapes is written as a JSON escape, which a
        # reader of the JSON decodes back to the exact path or message.
        return printable(json.dumps(document, ensure_ascii=False, indent=2), keep="\n")
    if output_format == "github":
        lines = [f.render_github() for f in findings]
    else:
        lines = [f.render() for f in findings]
    lines.append(summary_line(findings))
    return "\n".join(lines)
