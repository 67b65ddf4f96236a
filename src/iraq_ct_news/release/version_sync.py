"""One version everywhere: the package, ``DATA_VERSION``, the release files and the changelog.

The package and the data are released together under one semantic version, written only in
``core/_version.py``; everything else either reads it (pyproject via hatch, ``DATA_VERSION``) or is
generated from it (``datapackage.json``, the dataset card). The changelog is written by hand, so
its top released section is checked against it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..core._version import __version__
from ..core.fsutil import read_regular_file
from ..core.limits import MAX_RELEASE_FILE_BYTES
from .names import CARD, DATAPACKAGE

_SECTION = re.compile(r"^## \[(?P<version>[^\]]+)\]", re.MULTILINE)
_CARD_TITLE = re.compile(r"^# iraq-ct-news (?P<version>\S+)$", re.MULTILINE)


def changelog_version(text: str) -> str | None:
    """The version of the top released section (``## [X.Y.Z] - date``), or None if none yet."""
    for match in _SECTION.finditer(text):
        version = match.group("version")
        if version.lower() != "unreleased":
            return version
    return None


def version_mismatches(root: Path, version: str = __version__) -> list[str]:
    """Every place in the repository at ``root`` whose version is not ``version``."""
    problems: list[str] = []
    changelog = root / "CHANGELOG.md"
    if changelog.is_file():
        released = changelog_version(_read(root, changelog))
        if released is not None and released != version:
            problems.append(f"CHANGELOG.md: top released section is {released}, not {version}")
    release = root / "dataset"
    if (release / DATAPACKAGE).is_file():
        descriptor = json.loads(_read(root, release / DATAPACKAGE))
        if descriptor.get("version") != version:
            problems.append(f"dataset/{DATAPACKAGE}: version {descriptor.get('version')}")
    if (release / CARD).is_file():
        match = _CARD_TITLE.search(_read(root, release / CARD))
        found = match.group("version") if match else None
        if found != version:
            problems.append(f"dataset/{CARD}: version {found}")
    return problems


def _read(root: Path, path: Path) -> str:
    """A text file of the repository, never through a link and within the release file limit."""
    return read_regular_file(path, MAX_RELEASE_FILE_BYTES, root=root).decode("utf-8")
