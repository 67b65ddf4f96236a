"""The command line's output streams, which print nothing a pull request could forge.

Every command prints through ``sys.stdout`` and ``sys.stderr``; :func:`escaped_output` puts a
:class:`EscapedStream` in front of each for the length of a command, so that whatever any
code path prints (a finding, a path in an error message, an id in a diff, argparse's echo of an
argument) reaches the terminal with its non-printable characters escaped by the one function
that does it, :func:`iraq_ct_news.textutil.printable`. Line ends and tabs pass: they are the
layout of the output. Fields that could hold a line end of their own (a path, an id, a message)
are escaped where they are rendered, so that one finding is one line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from .textutil import printable


class EscapedStream:
    """A text stream that writes ``printable(text)`` (keeping line ends and tabs) to
    ``unescaped``; everything else (``flush``, ``isatty``, ``fileno``…) is the stream's own."""

    def __init__(self, unescaped: TextIO) -> None:
        self.unescaped = unescaped

    def write(self, text: str) -> int:
        self.unescaped.write(printable(text, keep="\n\t"))
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
