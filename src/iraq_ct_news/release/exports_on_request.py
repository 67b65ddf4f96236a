"""The exports made on request: files made from a release by ``iraq-ct-news export``, not
committed with it (what every build writes is in :mod:`.build_outputs`).

Binary or tool-specific outputs (a SQLite database, a spaCy ``DocBin``) depend on library
versions or are large, so ``build`` does not write them and ``build --check`` does not compare
them; ``iraq-ct-news export FORMAT PATH`` writes one from a release folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the compiler (and the models) load only when an export is written
    from .compile import Release


@dataclass(frozen=True)
class RequestedExport:
    """One format ``iraq-ct-news export FORMAT PATH`` writes."""

    name: str
    description: str
    write: Callable[[Release, Path], list[Path]]
    """Write the export to the path; returns every file written."""
    requires: str = ""
    """The extra the format needs (``pip install "iraq-ct-news[EXTRA]"``), if any."""


def _sqlite(release: Release, path: Path) -> list[Path]:
    from .sqlite import export_sqlite

    return export_sqlite(release, path)


def _spacy(release: Release, path: Path) -> list[Path]:
    from .spacy_docbin import export_docbin

    return export_docbin(release, path)


EXPORT_FORMATS: dict[str, RequestedExport] = {
    export.name: export
    for export in (
        RequestedExport(
            "sqlite",
            "SQLite database with keys, join views and an Arabic full-text index, and a "
            "Datasette metadata file beside it (NAME.metadata.json)",
            _sqlite,
        ),
        RequestedExport(
            "spacy",
            "spaCy DocBin of the article bodies with their entity spans, tokenised by the "
            "release's clitic policy (needs the spacy extra)",
            _spacy,
            requires="spacy",
        ),
    )
}
