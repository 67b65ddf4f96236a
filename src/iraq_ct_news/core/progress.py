"""A progress line on stderr for long commands, shown only to a person watching a terminal.

``validate`` and ``build`` over thousands of files take seconds. When stderr is a terminal and the
work has already taken about a second, one line (``validating: 5120/14203 files``) is drawn and
redrawn in place, and erased when the work is done, so what remains on screen is exactly what
the command prints without it. When stderr is not a terminal (CI logs, pipes, files), nothing is
written: logs stay byte-identical between runs.

It is updated from the loop that does the work (no thread), so it costs a clock read per step
and can never interleave with the command's own output.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from .safeoutput import unescaped

#: The line appears only once the work has taken this long (seconds).
DELAY = 1.0
#: And is redrawn at most this often (seconds).
INTERVAL = 0.1


class Progress:
    """Counts done out of total and draws ``label: done/total unit`` when worth showing."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None,
                 unit: str = "files") -> None:
        # The line is the tool's own text and redraws itself with carriage returns, so it
        # bypasses the escaping of the command line's output (see safeoutput).
        self.stream = stream if stream is not None else unescaped(sys.stderr)
        if enabled is None:
            enabled = _is_terminal(self.stream)
        self.enabled = enabled
        self.unit = unit
        self.label = ""
        self.total = 0
        self.done = 0
        self._started = time.monotonic()
        self._drawn_at = 0.0
        self._width = 0

    def start(self, total: int, label: str) -> None:
        """Begin a piece of work of ``total`` steps (the clock keeps running across pieces)."""
        self.total = total
        self.done = 0
        self.label = label
        self._draw()

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw()

    def finish(self) -> None:
        """Erase the line, if one was drawn."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def _draw(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._started < DELAY or now - self._drawn_at < INTERVAL:
            return
        self._drawn_at = now
        text = f"{self.label}: {self.done}/{self.total} {self.unit}"
        padding = " " * max(0, self._width - len(text))
        self.stream.write(f"\r{text}{padding}")
        self.stream.flush()
        self._width = len(text)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
