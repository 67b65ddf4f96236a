"""The files a piece of code opens, for tests that count reads.

An audit hook cannot be removed, so one hook is added for the whole session (not one per test
module) and records only while a test listens."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

#: Paths opened while a test listens (None: not listening).
_OPENED: list[list[str] | None] = [None]


def _audit(event: str, args: tuple[object, ...]) -> None:
    listening = _OPENED[0]
    if listening is not None and event == "open" and isinstance(args[0], (str, os.PathLike)):
        listening.append(str(os.fspath(args[0])))


sys.addaudithook(_audit)


@contextmanager
def files_opened() -> Iterator[list[str]]:
    """The paths opened inside the ``with`` block, in order (the list fills as they are)."""
    _OPENED[0] = opened = []
    try:
        yield opened
    finally:
        _OPENED[0] = None
