"""One lock per repository, so that two commands writing the tree never interleave.

A second ``build`` deleting the first one's staging folder, or ``fmt`` writing a record while
``bump`` rewrites it, each leaves a tree no single command would have written. Every write
through :class:`~iraq_ct_news.store.writer.Writer` therefore holds an exclusive ``flock`` on the
repository folder itself (no lock file is added to the tree). The lock is re-entrant within a
process, and released by the system when the process ends, however it ends.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import IraqCtNewsError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: commands are not serialised there
    fcntl = None  # type: ignore[assignment]

#: How long a command waits for another one writing the same tree before it gives up.
WAIT_SECONDS = 300.0

_held: dict[str, tuple[int, int]] = {}
_guard = threading.Lock()


class TreeBusy(IraqCtNewsError):
    """Another command holds the repository's write lock for longer than we wait."""


@contextmanager
def tree_lock(root: Path, *, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the write lock of the repository at ``root`` while the block runs.

    A second process waits (saying so once on stderr) and refuses after ``wait`` seconds.
    """
    key = os.path.realpath(root)
    with _guard:
        held = _held.get(key)
        if held is not None:
            _held[key] = (held[0], held[1] + 1)
    if held is None:
        descriptor = _acquire(root, wait)
        with _guard:
            _held[key] = (descriptor, 1)
    try:
        yield
    finally:
        with _guard:
            descriptor, count = _held[key]
            if count > 1:
                _held[key] = (descriptor, count - 1)
            else:
                del _held[key]
                os.close(descriptor)  # releases the flock


def _acquire(root: Path, wait: float) -> int:
    descriptor = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    if fcntl is None:  # pragma: no cover
        return descriptor
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return descriptor
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(descriptor)
                raise TreeBusy(
                    f"{root}: another iraq-ct-news command is writing in this repository; run "
                    "this one again when it has finished"
                ) from None
            if not told:
                print(f"{root}: waiting for another iraq-ct-news command writing in this "
                      "repository to finish", file=sys.stderr)
                told = True
            time.sleep(0.05)
        except BaseException:
            os.close(descriptor)
            raise
