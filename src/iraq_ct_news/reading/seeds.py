"""Reading seed documents safely: only regular files directly inside ``seeds/``.

A record names its seed; a hostile record could name ``../../etc/passwd`` or a symbolic link
leading out of the tree. Every seed is resolved and checked to lie inside ``seeds/`` before a
byte of it is read.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

from ..core.fsutil import FileTooLarge, NotARegularFile, read_regular_file
from ..core.limits import MAX_SEED_BYTES
from ..core.normalization import nfc
from ..core.signature import key as signature_key
from ..core.signature import signature, stable_signature
from ..models.layout import SEEDS
from .folded_text import folded_for_search


@dataclass(frozen=True)
class Seed:
    """A seed document's hash and text (decoded as NFC, plus a whitespace-folded copy)."""

    name: str
    sha256: str
    text: str
    folded: str


@dataclass(frozen=True)
class SeedProblem:
    message: str


class Hasher(Protocol):
    """Gives a file's SHA-256 without necessarily reading it (the cache's signature table);
    raises like :func:`read_regular_file`."""

    def sha256_known(self, location: str, info: os.stat_result, max_bytes: int) -> str: ...


class SeedStore:
    """Seeds of one repository, read once each.

    ``hasher`` lets :meth:`state` learn a seed's SHA-256 without reading it when the cache
    knows the file. ``signatures`` collects, for the seeds read, the stat signature that goes
    with the hash of the bytes read (see :mod:`iraq_ct_news.core.signature`).
    """

    def __init__(self, root: Path, hasher: Hasher | None = None) -> None:
        self.root = root
        self.directory = root / SEEDS
        self._hasher = hasher
        self._cache: dict[str, Seed | SeedProblem] = {}
        self._states: dict[str, str] = {}
        self._resolved: tuple[Path, Path] | None = None
        self._base_text = ""
        self._base_inside: bool | None = None
        self.signatures: dict[str, tuple[str, str, str]] = {}
        """Seed name to (absolute path, signature, SHA-256) of each settled seed read."""

    def get(self, name: str) -> Seed | SeedProblem:
        if name not in self._cache:
            raw = self._read(name)
            state = self._states.get(name) or self._states.setdefault(name, _state(raw))
            self._cache[name] = (
                raw if isinstance(raw, SeedProblem) else self._decode(name, raw, state[7:])
            )
        return self._cache[name]

    def state(self, name: str) -> str:
        """What the checks of an article learn from its seed, as a short string: the SHA-256 of
        its bytes, or why it cannot be read. Equal states give equal findings, which is what
        lets the cache reuse an article's result."""
        if name not in self._states:
            if self._hasher is None:
                self._states[name] = _state(self._read(name))
            else:
                self._states[name] = self._hashed_state(name, self._hasher)
        return self._states[name]

    def _hashed_state(self, name: str, hasher: Hasher) -> str:
        """:meth:`state` through ``hasher``. A warm run asks this of every seed, so the usual
        case (a plain file directly in ``seeds/``) costs one ``lstat`` and no ``Path``; links
        and oddities take :meth:`_locate`'s way."""
        if not name or "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
            return _state(SeedProblem(f"{name!r} is not a file name inside seeds/"))
        try:
            base, root = self._bases()
            inside = self._base_inside
            if inside is None:
                inside = self._base_inside = base.is_relative_to(root)
            location = f"{self._base_text}/{name}"
            info = os.lstat(location)
        except (OSError, RuntimeError):
            info = None
            inside = False
        if info is None or not inside or not stat.S_ISREG(info.st_mode):
            located = self._locate(name)
            if isinstance(located, SeedProblem):
                return _state(located)
            location, info = str(located), None
        found = _reading(
            name,
            lambda: hasher.sha256_known(location, info or os.stat(location), MAX_SEED_BYTES),
        )
        return _state(found) if isinstance(found, SeedProblem) else f"sha256:{found}"

    def _locate(self, name: str) -> Path | SeedProblem:
        """The seed file ``name`` names, with links followed, if it lies inside ``seeds/``."""
        if not name or "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
            return SeedProblem(f"{name!r} is not a file name inside seeds/")
        candidate = self.directory / name
        try:
            base, root = self._bases()
            if stat.S_ISLNK(os.lstat(candidate).st_mode):
                resolved = candidate.resolve(strict=True)
            else:  # not a link, in a folder already resolved: one system call, not one per folder
                resolved = base / name
        except (OSError, RuntimeError):
            return SeedProblem(f"seeds/{name} does not exist")
        if not base.is_relative_to(root):
            # seeds/ itself may be a link; following it would read files of another tree.
            return SeedProblem("seeds/ leads outside the repository (symbolic link?)")
        if resolved.parent != base:
            return SeedProblem(f"seeds/{name} leads outside seeds/ (symbolic link?)")
        return resolved

    def _read(self, name: str) -> bytes | SeedProblem:
        located = self._locate(name)
        if isinstance(located, SeedProblem):
            return located
        before = signature(located)
        raw = _reading(name, lambda: read_regular_file(located, MAX_SEED_BYTES))
        if not isinstance(raw, SeedProblem):
            digest = hashlib.sha256(raw).hexdigest()
            self._states[name] = f"sha256:{digest}"
            stable = stable_signature(located, before)
            if stable is not None:
                self.signatures[name] = (signature_key(located), stable, digest)
        return raw

    def _bases(self) -> tuple[Path, Path]:
        """``seeds/`` and the root with links followed (raises OSError when either is missing);
        looked up once, as they are the same for every seed."""
        if self._resolved is None:
            self._resolved = (self.directory.resolve(strict=True), self.root.resolve(strict=True))
            self._base_text = str(self._resolved[0]).rstrip("/")
        return self._resolved

    @staticmethod
    def _decode(name: str, raw: bytes, sha256: str) -> Seed | SeedProblem:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return SeedProblem(f"seeds/{name} is not UTF-8 text")
        # Records are NFC; comparing against an NFC copy keeps a decomposed seed usable (in
        # time linear in the seed, however long a run of marks it holds).
        text = nfc(text)
        # Folded once: the seed-scope spans of the article search this same folded text.
        return Seed(name, sha256, text, folded_for_search(text))


_T = TypeVar("_T")


def _reading(name: str, read: Callable[[], _T]) -> _T | SeedProblem:
    """``read()``, with the ways reading a seed fails as problems."""
    try:
        return read()
    except NotARegularFile:
        return SeedProblem(f"seeds/{name} is not a regular file")
    except FileTooLarge:
        return SeedProblem(f"seeds/{name} is larger than {MAX_SEED_BYTES} bytes")
    except OSError as error:
        return SeedProblem(f"seeds/{name} cannot be read: {error.strerror}")


def _state(raw: bytes | SeedProblem) -> str:
    if isinstance(raw, SeedProblem):
        return f"problem:{raw.message}"
    return f"sha256:{hashlib.sha256(raw).hexdigest()}"
