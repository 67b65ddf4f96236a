"""Where each kind of record lives in a repository.

The validator, the builder and the scaffolder all find files through this module; the folder
of each kind is in the table of kinds (:mod:`iraq_ct_news.models.kinds`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .kinds import KINDS
from .kinds import EntityKind as EntityKind
from .kinds import FileKind as FileKind
from .kinds import RecordKind as RecordKind

CURATED = "curated"
SEEDS = "seeds"
SCHEMA = "schema"
DATASET = "dataset"
#: Beside ``dataset/``, the folder a build writes the new release into, and the name the
#: previous release has while it is swapped out (see :mod:`iraq_ct_news.release.build`).
STAGING_PREFIX = f".{DATASET}.new-"
RETIRED_PREFIX = f".{DATASET}.old-"

#: Folder under ``curated/`` of each kind of record (one ``<id>.yaml`` per record).
RECORD_DIRECTORIES: Mapping[FileKind, str] = KINDS.view(
    lambda rows: {row.kind: row.curated for row in rows if not row.one_file})
#: File under ``curated/`` of each vocabulary.
VOCABULARY_FILES: Mapping[FileKind, str] = KINDS.view(
    lambda rows: {row.kind: row.curated for row in rows if row.one_file})
FILE_KINDS: Sequence[FileKind] = KINDS.sequence(lambda rows: tuple(row.kind for row in rows))


@dataclass(frozen=True)
class CuratedFile:
    """A file under ``curated/`` and the kind of record it should hold."""

    relative: PurePosixPath
    """Path relative to the repository root, e.g. ``curated/people/jan-kubis.yaml``."""
    kind: FileKind | None
    """None when the file is in no place a record belongs."""

    @property
    def stem(self) -> str:
        return self.relative.stem


def classify(relative: PurePosixPath) -> FileKind | None:
    """The record kind a repository-relative path holds, or None if records do not go there."""
    return _classify_text(relative.as_posix())


def curated_files(root: Path) -> list[CuratedFile]:
    """Every file under ``root/curated`` (sorted), each with the kind it should hold.

    Symbolic links are listed but never followed: a linked file or folder (``curated/`` itself
    included) is reported as an unexpected file, and nothing behind it is listed or read.

    One ``os.scandir`` per folder, whose entries already know whether they are links, and plain
    strings until the end: a warm validation of ten thousand articles does little more than
    list the files, so building ``Path`` objects per file was a sixth of it.
    """
    base = root / CURATED
    if base.is_symlink():
        return [CuratedFile(PurePosixPath(CURATED), None)]
    if not base.is_dir():
        return []
    found: list[tuple[str, FileKind | None]] = []
    pending: list[tuple[str, str]] = [(str(base), CURATED)]
    while pending:
        folder, relative_folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # a folder that cannot be listed is skipped, as os.walk does
        for entry in entries:
            relative = f"{relative_folder}/{entry.name}"
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            link = entry.is_symlink()
            if is_dir and not link:
                pending.append((entry.path, relative))
            else:
                found.append((relative, None if link else _classify_text(relative)))
    found.sort(key=lambda item: item[0])
    return [CuratedFile(PurePosixPath(relative), kind) for relative, kind in found]


def _classify_text(relative: str) -> FileKind | None:
    """``classify`` of a root-relative POSIX path given as a string (no Path built)."""
    parts = relative.split("/")
    if len(parts) < 2 or parts[0] != CURATED:
        return None
    inner = relative[len(CURATED) + 1 :]
    if inner in _VOCABULARY_BY_FILE:
        return _VOCABULARY_BY_FILE[inner]
    if len(parts) == 3:
        name = parts[2]
        dot = name.rfind(".")
        suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
        if suffix == ".yaml":
            return _KIND_BY_DIRECTORY.get(parts[1])
    return None


_VOCABULARY_BY_FILE: Mapping[str, FileKind] = KINDS.view(
    lambda rows: {row.curated: row.kind for row in rows if row.one_file})
_KIND_BY_DIRECTORY: Mapping[str, FileKind] = KINDS.view(
    lambda rows: {row.curated: row.kind for row in rows if not row.one_file})


def record_path(kind: RecordKind, record_id: str) -> PurePosixPath:
    return PurePosixPath(CURATED, RECORD_DIRECTORIES[kind], f"{record_id}.yaml")
