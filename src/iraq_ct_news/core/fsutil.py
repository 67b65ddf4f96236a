"""Reading files that may be hostile, and writing files so that a failure never leaves a
half-written or missing file behind."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO


class NotARegularFile(OSError):
    """The path is a folder, a named pipe, a device or a socket, not a regular file."""


class FileTooLarge(OSError):
    """The file is larger than the caller's limit; ``size`` is what the file system reports."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"file is {size} bytes; the limit is {limit} bytes")
        self.size = size
        self.limit = limit


class LinkedPath(OSError):
    """A path inside the repository is a symbolic link, or lies in a folder that is one.

    Pull requests can carry links; a tool that followed one would read or write wherever it
    points (``schema/`` linked to another user's folder, ``dataset/x.jsonl`` to a secret). So
    every reader and writer of the tree refuses to pass through one, and says which.
    """

    def __init__(self, link: Path) -> None:
        super().__init__(
            errno.ELOOP,
            "is a symbolic link; nothing in the repository is read or written through a link "
            "(replace it by the real file or folder)",
            str(link),
        )
        self.link = link


def relative_unresolved(root: Path, path: Path) -> PurePosixPath | None:
    """``path`` (absolute, or as typed from the working folder) relative to ``root``, with only
    its folder resolved: a link as its last part is named, not followed out of the tree.
    None when it is not below ``root``."""
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        inside = (absolute.parent.resolve() / absolute.name).relative_to(root.resolve())
    except ValueError:
        return None
    return PurePosixPath(inside.as_posix())


def first_link(root: Path, path: Path) -> Path | None:
    """The first of the folders below ``root`` leading to ``path``, or ``path`` itself, that is
    a symbolic link (None when there is none, or from where the path stops existing).

    ``root`` itself is the user's choice (``--root``) and may be a link.
    """
    current = os.fspath(root)
    for part in path.relative_to(root).parts:
        # Joined as strings: a Path per folder of every file read was most of this check.
        current = os.path.join(current, part)
        try:
            mode = os.lstat(current).st_mode
        except OSError:
            return None
        if stat.S_ISLNK(mode):
            return Path(current)
    return None


def refuse_links(root: Path, path: Path) -> None:
    """Raise :class:`LinkedPath` when ``path`` or a folder between ``root`` and it is a link."""
    link = first_link(root, path)
    if link is not None:
        raise LinkedPath(link)


def _open_regular(path: Path, max_bytes: int, *, follow_links: bool) -> int:
    """A descriptor of ``path`` opened for reading once it is known to be a regular file of at
    most ``max_bytes``; never blocks (see :func:`read_regular_file`)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        # Checked before opening too, so a link is never even tried (O_NOFOLLOW still closes
        # the gap between the check and the open, where the system has it).
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise LinkedPath(path)
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_links:
            raise LinkedPath(path) from None
        raise
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise FileTooLarge(info.st_size, max_bytes)
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


#: The size of the pieces :func:`read_regular_file` reads a file in.
READ_CHUNK_BYTES = 1 << 20


def read_regular_file(path: Path, max_bytes: int, *, root: Path | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; never blocks.

    Checking with ``is_file()`` and then opening leaves a gap in which the path can change, and
    opening a named pipe for reading waits for a writer forever. So the file is opened with
    ``O_NONBLOCK`` (which regular files ignore) and checked on the open descriptor, and at most
    ``max_bytes + 1`` bytes are read, so a file that grows meanwhile is still refused.

    With ``root`` (the repository), ``path`` lies inside it and is not read through a symbolic
    link, its own or a folder's (:class:`LinkedPath`).
    """
    if root is not None:
        refuse_links(root, path)
    descriptor = _open_regular(path, max_bytes, follow_links=root is None)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0:
            # Fixed-size pieces: ``read(n)`` allocates ``n`` bytes up front, and the limit of a
            # release file is a gigabyte.
            chunk = stream.read(min(remaining, READ_CHUNK_BYTES))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise FileTooLarge(len(data), max_bytes)
    return data


@contextmanager
def open_regular_file(
    path: Path, max_bytes: int, *, follow_links: bool = True
) -> Iterator[BinaryIO]:
    """``path`` open for reading in binary, once it is known to be a regular file of at most
    ``max_bytes`` (a device such as ``/dev/zero``, a named pipe or a folder raises
    :class:`NotARegularFile` without waiting; a larger file :class:`FileTooLarge`; with
    ``follow_links=False``, a symbolic link :class:`LinkedPath`, without opening its target).

    For files read a line at a time, such as a release's JSON Lines; a reader of lines must
    still bound each line (``readline(limit)``), since a regular file can be one long line.
    """
    descriptor = _open_regular(path, max_bytes, follow_links=follow_links)
    with os.fdopen(descriptor, "rb") as stream:
        yield stream


#: Name parts of the temporary files :func:`write_atomic` and :func:`create_new_file` write
#: beside their target; a process killed mid-write leaves one behind (see
#: :func:`leftover_target`).
TEMPORARY_SUFFIX = ".tmp"


_LEFTOVER = re.compile(r"\.(?P<target>.+)\.[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX))


def leftover_target(name: str) -> str | None:
    """The file name a temporary file of this package's (``.NAME.XXXXXXXX.tmp``) was written
    for, or None when ``name`` is not one. A write killed before its rename leaves one behind;
    it is never read and may be removed."""
    match = _LEFTOVER.fullmatch(name)
    return match.group("target") if match else None


def leftover_temporaries(folder: Path) -> list[Path]:
    """The temporary files killed writes left directly in ``folder`` (regular files only, never
    through a link), sorted; nothing is removed."""
    try:
        with os.scandir(folder) as listing:
            return sorted(
                Path(entry.path) for entry in listing
                if leftover_target(entry.name) is not None and entry.is_file(follow_symlinks=False)
            )
    except OSError:
        return []


def remove_leftover_temporaries(folder: Path, target_names: set[str] | None = None) -> list[Path]:
    """Remove the temporary files killed writes left directly in ``folder`` (regular files only,
    never through a link); ``target_names`` limits it to temporaries of those file names.

    Returns what was removed. A file that cannot be removed is left; it is never read.
    """
    removed: list[Path] = []
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return removed
    for entry in entries:
        target = leftover_target(entry.name)
        if target is None or (target_names is not None and target not in target_names):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def _write_temporary(path: Path, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``path``, flushed to disk; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary


def write_atomic(
    path: Path,
    data: bytes,
    *,
    root: Path | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    A crash, a full disk or an exception leaves the old file untouched: ``os.replace`` is atomic
    on one filesystem, and the temporary file is removed on failure. With ``root`` (the
    repository), a symbolic link on the way to ``path``, or ``path`` itself being one, is
    refused (:class:`LinkedPath`) before anything is written, and again just before the rename.
    ``before_rename`` runs last before the rename (the writer's check that the file did not
    change since it was read); an exception from it leaves the old file.
    """
    if root is not None:
        refuse_links(root, path)
    temporary = _write_temporary(path, data)
    try:
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        if before_rename is not None:
            before_rename()
        if root is not None:
            refuse_links(root, path)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def create_new_file(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Write ``path`` completely or not at all, and never over an existing file.

    The content goes to a temporary file that is then hard-linked to ``path``: the link fails if
    ``path`` exists (even if it appeared a moment ago), and readers never see a partial file.
    Where hard links are not supported, an exclusive create is the fallback. ``root`` refuses
    links as in :func:`write_atomic`.
    """
    if root is not None:
        refuse_links(root, path)
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


#: ``renameat2``'s flag that swaps two paths in one step (Linux 3.15+, glibc 2.28+).
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange_paths(first: Path, second: Path) -> bool:
    """Swap ``first`` and ``second`` (both existing, on one filesystem) in one atomic step.

    Returns False, having changed nothing, where the system has no atomic exchange (not Linux,
    an old C library or kernel, a filesystem without it); the caller then falls back to two
    renames. A process killed at any moment sees either the old or the new pair, never a
    missing one: that is what two renames cannot give.
    """
    function = _renameat2()
    if function is None:
        return False
    import ctypes

    status = function(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if status == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def _renameat2() -> Any:
    """libc's ``renameat2``, or None where there is none."""
    import sys

    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function
