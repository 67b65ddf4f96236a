"""Injecting failures into code that writes files, for tests of "a failure leaves old files intact".

Reusable by any test of a writer (``fmt``, ``schema``, ``build``):

* :func:`disk_full` makes file writes fail with ``ENOSPC`` once a byte budget is spent, partway
  through a write, the way a full disk fails; it covers ``open()``/``Path.open()``,
  ``os.fdopen()`` and ``os.write()``;
* :func:`fail_on_call` makes the n-th call of any function raise;
* :func:`snapshot` and :func:`assert_old_or_new` check that after the failure every file is
  either exactly as before or exactly as intended, and that no temporary file is left behind.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest


class _Budget:
    def __init__(self, remaining: int) -> None:
        self.remaining = remaining

    def take(self, wanted: int) -> int:
        """How many of ``wanted`` bytes still fit; raises once nothing does."""
        granted = max(0, min(wanted, self.remaining))
        self.remaining -= granted
        return granted


def _full() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _FillingFile:
    """A binary or text file object whose writes stop with ENOSPC when the budget runs out."""

    def __init__(self, inner: Any, budget: _Budget) -> None:
        self._inner = inner
        self._budget = budget

    def write(self, data: Any) -> int:
        size = len(data.encode("utf-8") if isinstance(data, str) else data)
        granted = self._budget.take(size)
        if granted < size:
            if isinstance(data, str):
                self._inner.write(data[:granted])
            else:
                self._inner.write(bytes(data[:granted]))
            self._inner.flush()
            raise _full()
        result: int = self._inner.write(data)
        return result

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __enter__(self) -> _FillingFile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._inner.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._inner)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _writing(mode: str) -> bool:
    return any(flag in mode for flag in "wax+")


@contextmanager
def disk_full(after_bytes: int = 0) -> Iterator[None]:
    """File writes succeed for ``after_bytes`` bytes in total, then fail with ``ENOSPC``.

    The write that crosses the budget writes what still fits before failing, so a writer that
    writes in place is caught leaving a truncated file.
    """
    budget = _Budget(after_bytes)
    real_open, real_fdopen, real_write = builtins.open, os.fdopen, os.write

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        return _FillingFile(handle, budget) if _writing(mode) else handle

    def fake_fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, mode, *args, **kwargs)  # goes through io.open on CPython
        if isinstance(handle, _FillingFile) or not _writing(mode):
            return handle
        return _FillingFile(handle, budget)

    def fake_write(fd: int, data: Any) -> int:
        granted = budget.take(len(data))
        if granted < len(data):
            if granted:
                real_write(fd, bytes(data[:granted]))
            raise _full()
        return real_write(fd, data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", fake_open)
        patch.setattr(io, "open", fake_open)
        patch.setattr(os, "fdopen", fake_fdopen)
        patch.setattr(os, "write", fake_write)
        yield


@contextmanager
def fail_on_call(
    owner: Any, name: str, call: int = 1, error: BaseException | None = None
) -> Iterator[list[int]]:
    """Make the ``call``-th call of ``owner.name`` raise ``error`` (a RuntimeError by default).

    Yields a one-item list holding the number of calls made so far, for assertions.
    """
    original: Callable[..., Any] = getattr(owner, name)
    calls = [0]

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == call:
            raise error if error is not None else RuntimeError(f"injected failure in {name}")
        return original(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(owner, name, failing)
        yield calls


def snapshot(root: Path) -> dict[str, bytes]:
    """Every regular file under ``root`` by relative path, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def assert_old_or_new(
    root: Path, before: Mapping[str, bytes], intended: Mapping[str, bytes]
) -> tuple[list[str], list[str]]:
    """Every file is byte for byte as before or as intended; nothing else appeared or vanished.

    Returns the files that are new and those that are old, so a test can also check *which*
    were written before the failure.
    """
    after = snapshot(root)
    assert set(after) == set(before) | set(intended), (
        "files appeared or vanished (a temporary file left behind?): "
        f"{sorted(set(after) ^ (set(before) | set(intended)))}"
    )
    new, old = [], []
    for name, content in after.items():
        if name in intended and content == intended[name]:
            new.append(name)
        elif name in before and content == before[name]:
            old.append(name)
        else:
            raise AssertionError(f"{name} is neither its old nor its new content (half-written)")
    return new, old
