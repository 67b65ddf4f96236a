"""Where each kind of record lives in a repository (DATA-MODEL §2).

The validator, the builder and the scaffolder all find files through this module, so the layout
is written down once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

RecordKind = Literal["article", "person", "organization", "place"]
FileKind = Literal["article", "person", "organization", "place", "themes", "cameo"]
EntityKind = Literal["person", "organization", "place"]

CURATED = "curated"
SEEDS = "seeds"
SCHEMA = "schema"
DATASET = "dataset"

RECORD_DIRECTORIES: dict[RecordKind, str] = {
    "article": "articles",
    "person": "people",
    "organization": "organizations",
    "place": "places",
}
VOCABULARY_FILES: dict[FileKind, str] = {
    "themes": "vocabularies/themes.yaml",
    "cameo": "vocabularies/cameo.yaml",
}
ENTITY_KINDS: tuple[EntityKind, ...] = ("person", "organization", "place")
FILE_KINDS: tuple[FileKind, ...] = ("article", "person", "organization", "place", "themes", "cameo")


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
    parts = relative.parts
    if len(parts) < 2 or parts[0] != CURATED:
        return None
    inner = "/".join(parts[1:])
    for kind, name in VOCABULARY_FILES.items():
        if inner == name:
            return kind
    if len(parts) == 3 and relative.suffix == ".yaml":
        for record_kind, directory in RECORD_DIRECTORIES.items():
            if parts[1] == directory:
                return record_kind
    return None


def curated_files(root: Path) -> list[CuratedFile]:
    """Every file under ``root/curated`` (sorted), each with the kind it should hold.

    Symbolic links are listed but never followed: a linked file or folder (``curated/`` itself
    included) is reported as an unexpected file, and nothing behind it is listed or read.
    """
    base = root / CURATED
    if base.is_symlink():
        return [CuratedFile(PurePosixPath(CURATED), None)]
    if not base.is_dir():
        return []
    found: list[CuratedFile] = []
    for folder, directories, files in os.walk(base, followlinks=False):
        here = Path(folder)
        linked = [name for name in directories if (here / name).is_symlink()]
        for name in [*files, *linked]:
            path = here / name
            relative = PurePosixPath(path.relative_to(root).as_posix())
            kind = None if path.is_symlink() else classify(relative)
            found.append(CuratedFile(relative, kind))
    return sorted(found, key=lambda item: item.relative.as_posix())


def record_path(kind: RecordKind, record_id: str) -> PurePosixPath:
    return PurePosixPath(CURATED, RECORD_DIRECTORIES[kind], f"{record_id}.yaml")
