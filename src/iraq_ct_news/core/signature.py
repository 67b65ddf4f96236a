"""A file's stat signature: what lets the cache know a file is unchanged without reading it.

Hashing every curated file, seed and release file on each run costs more than the rest of a
warm run. So, as git does for its index, the cache remembers each file's SHA-256 together with
the file's signature (device, inode, size, modification and change times in nanoseconds) and
trusts the hash while the signature is the same.

Two rules keep that sound. A signature is taken before and after the bytes are read and kept
only when both agree, so it belongs to the bytes that were hashed. And it is kept only once the
file's times are a few seconds old ("racy" files are hashed on every run): a later write then
necessarily sets a later change time, which no program can set back (``touch`` and ``cp -p``
set the modification time, not the change time), and replacing the file changes the inode.
:class:`FileHasher` gives a file's SHA-256 that way; the cache stores its table.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

from .fsutil import FileTooLarge, read_regular_file

#: A signature is only trusted once the file's times are this old (nanoseconds).
SETTLED_NS = 3_000_000_000


def signature(path: Path) -> str | None:
    """The signature of the regular file at ``path`` (links followed), or None."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return signature_of(info)


def signature_of(info: os.stat_result) -> str:
    """The signature of a file from its ``stat``."""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def settled(signature_text: str) -> bool:
    """Whether the file had not been written for a while when the signature was taken."""
    _dev, _ino, _size, mtime, ctime = signature_text.split(":")
    return time.time_ns() - max(int(mtime), int(ctime)) > SETTLED_NS


def stable_signature(path: Path, before: str | None) -> str | None:
    """``before`` if the file still has it now and it is settled: the bytes read in between
    are the ones the signature stands for."""
    if before is None or not settled(before):
        return None
    return before if signature(path) == before else None


def key(path: Path) -> str:
    """How a file is named in the signature table: its absolute path."""
    return os.path.abspath(path)


class FileHasher:
    """SHA-256 of files, from the signature table when a file is unchanged (see
    :mod:`iraq_ct_news.core.signature`)."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, str]] = {}
        """Absolute path to (signature, SHA-256), as stored."""
        self.new: dict[str, tuple[str, str]] = {}
        """Signatures learnt this run, to be stored."""

    def sha256_known(self, location: str, info: os.stat_result, max_bytes: int) -> str:
        """:meth:`sha256` of the regular file at the absolute, normalised ``location`` whose
        ``stat`` the caller already has."""
        before = signature_of(info)
        known = self.known.get(location)
        if known is not None and known[0] == before and info.st_size <= max_bytes:
            return known[1]
        return self.sha256(Path(location), max_bytes)

    def sha256(self, path: Path, max_bytes: int | None) -> str:
        """The SHA-256 of the regular file at ``path``; raises like ``read_regular_file``
        (``NotARegularFile``, ``FileTooLarge``, ``OSError``)."""
        name = key(path)
        before = signature(path)
        if before is not None:
            known = self.known.get(name)
            if known is not None and known[0] == before:
                size = int(before.split(":")[2])
                if max_bytes is not None and size > max_bytes:
                    raise FileTooLarge(size, max_bytes)
                return known[1]
        if max_bytes is None:
            digest = _file_sha256(path)
        else:
            digest = hashlib.sha256(read_regular_file(path, max_bytes)).hexdigest()
        stable = stable_signature(path, before)
        if stable is not None:
            self.new[name] = (stable, digest)
        return digest


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
