"""Reading seed documents safely: only regular files directly inside ``seeds/``.

A record names its seed; a hostile record could name ``../../etc/passwd`` or a symbolic link
leading out of the tree. Every seed is resolved and checked to lie inside ``seeds/`` before a
byte of it is read.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..fsutil import FileTooLarge, NotARegularFile, read_regular_file
from ..layout import SEEDS
from ..limits import MAX_SEED_BYTES
from ..textutil import fold_whitespace


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


class SeedStore:
    """Seeds of one repository, read once each."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.directory = root / SEEDS
        self._cache: dict[str, Seed | SeedProblem] = {}

    def get(self, name: str) -> Seed | SeedProblem:
        if name not in self._cache:
            self._cache[name] = self._load(name)
        return self._cache[name]

    def _load(self, name: str) -> Seed | SeedProblem:
        if not name or "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
            return SeedProblem(f"{name!r} is not a file name inside seeds/")
        candidate = self.directory / name
        try:
            resolved = candidate.resolve(strict=True)
            base = self.directory.resolve(strict=True)
            root = self.root.resolve(strict=True)
        except (OSError, RuntimeError):
            return SeedProblem(f"seeds/{name} does not exist")
        if not base.is_relative_to(root):
            # seeds/ itself may be a link; following it would read files of another tree.
            return SeedProblem("seeds/ leads outside the repository (symbolic link?)")
        if resolved.parent != base:
            return SeedProblem(f"seeds/{name} leads outside seeds/ (symbolic link?)")
        try:
            raw = read_regular_file(resolved, MAX_SEED_BYTES)
        except NotARegularFile:
            return SeedProblem(f"seeds/{name} is not a regular file")
        except FileTooLarge:
            return SeedProblem(f"seeds/{name} is larger than {MAX_SEED_BYTES} bytes")
        except OSError as error:
            return SeedProblem(f"seeds/{name} cannot be read: {error.strerror}")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return SeedProblem(f"seeds/{name} is not UTF-8 text")
        # Records are NFC; comparing against an NFC copy keeps a decomposed seed usable.
        text = unicodedata.normalize("NFC", text)
        return Seed(name, hashlib.sha256(raw).hexdigest(), text, fold_whitespace(text))
