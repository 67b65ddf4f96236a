"""Reading files that may be hostile, and writing files so that a failure never leaves a
half-written or missing file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a folder, a named pipe, a device or a socket, not a regular file."""


class FileTooLarge(OSError):
    """The file is larger than the caller's limit; ``size`` is what the file system reports."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is {size} bytes; the limit is {limit} bytes")
        self.size = size
        self.limit = limit


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; never blocks.

    Checking with ``is_file()`` and then opening leaves a gap in which the path can change, and
    opening a named pipe for reading waits for a writer forever. So the file is opened with
    ``O_NONBLOCK`` (which regular files ignore) and checked on the open descriptor, and at most
    ``max_bytes + 1`` bytes are read, so a file that grows meanwhile is still refused.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise FileTooLarge(info.st_size, max_bytes)
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = stream.read(remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise FileTooLarge(len(data), max_bytes)
    return data


def _write_temporary(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``path``, flushed to disk; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A crash, a full disk or an exception leaves the old file untouched: ``os.replace`` is atomic
    on one filesystem, and the temporary file is removed on failure.
    """
    temporary = _write_temporary(path, data)
    try:
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def create_new_file(path: Path, data: bytes) -> None:
    """Write ``path`` completely or not at all, and never over an existing file.

    The content goes to a temporary file that is then hard-linked to ``path``: the link fails if
    ``path`` exists (even if it appeared a moment ago), and readers never see a partial file.
    Where hard links are not supported, an exclusive create is the fallback.
    """
    temporary = _write_temporary(path, data)
    try:
        os.chmod(temporary, 0o644)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            with open(path, "xb") as stream:
                stream.write(data)
    finally:
        os.unlink(temporary)
