"""The command line's output streams, which print nothing a pull request could forge.

Every command prints through ``sys.stdout`` and ``sys.stderr``; :func:`escaped_output` puts a
:class:`EscapedStream` in front of each for the length of a command, so that whatever any
code path prints (a finding, a path in an error message, an id in a diff, argparse's echo of an
argument) reaches the terminal with its non-printable characters escaped by the one function
that does it, :func:`iraq_ct_news.core.textutil.printable`. Line ends and tabs pass: they are the
layout of the output. Fields that could hold a line end of their own (a path, an id, a message)
are escaped where they are rendered, so that one finding is one line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .textutil import printable

#: GitHub Actions reads ``##[command]`` anywhere in a log line, and ``::command::`` at the start
#: of one (after blanks). Written with the colon or hash as a JSON-style escape, they read the
#: same to a person and are no command to the runner.
_ANYWHERE_MARKER = "##["
_NEUTRAL_ANYWHERE = "#\\u0023["
_LINE_START_MARKER = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)
#: The one line start with ``::`` the tool writes itself: a finding in ``--format github``
#: (``findings.Finding.render_github``), whose fields have ``:``, ``,`` and line ends escaped.
_OUR_ANNOTATION = re.compile(r"::(?:error|warning) file=[^:,\n]*,line=\d+,col=\d+,title=[^:,\n]*::")


def neutralise_markers(text: str, *, at_line_start: bool = True) -> str:
    """``text`` with every workflow-command marker made inert (see above); ``at_line_start``
    says whether ``text`` begins a line."""
    if _ANYWHERE_MARKER in text:
        text = text.replace(_ANYWHERE_MARKER, _NEUTRAL_ANYWHERE)
    if "::" not in text:
        return text

    def neutral(match: re.Match[str]) -> str:
        start = match.start()
        if start == 0 and not at_line_start:
            return match.group(0)
        if _OUR_ANNOTATION.match(text, start + len(match.group(1))):
            return match.group(0)
        return match.group(1) + "\\u003a"

    return _LINE_START_MARKER.sub(neutral, text)


def one_line(text: str) -> str:
    """The one output rule for a value printed as (part of) one item: every non-printable
    character escaped, line breaks included, so the item stays one line, and workflow-command
    markers made inert. Everything a command prints that a file, a record or a release controls
    goes through this, in every format; the streams below apply the marker rule once more to
    whatever reaches them."""
    return neutralise_markers(printable(text))


class EscapedStream:
    """A text stream that writes ``printable(text)`` (keeping line ends and tabs) to
    ``unescaped``; everything else (``flush``, ``isatty``, ``fileno``…) is the stream's own."""

    def __init__(self, unescaped: TextIO) -> None:
        self.unescaped = unescaped
        self.at_line_start = True

    def write(self, text: str) -> int:
        if not text:
            return 0
        shown = neutralise_markers(printable(text, keep="\n\t"), at_line_start=self.at_line_start)
        self.unescaped.write(shown)
        self.at_line_start = text.endswith("\n")
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unescaped, name)


@contextmanager
def escaped_output() -> Iterator[None]:
    """``sys.stdout`` and ``sys.stderr`` escaped while the block runs, restored after."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = EscapedStream(stdout)
    sys.stderr = EscapedStream(stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def unescaped(stream: TextIO) -> TextIO:
    """The stream under an :class:`EscapedStream`, for output made only of the tool's own text
    that needs control characters (the progress line's carriage returns)."""
    inner = getattr(stream, "unescaped", None)
    return inner if inner is not None else stream
