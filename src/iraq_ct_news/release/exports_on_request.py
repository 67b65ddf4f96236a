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

from .container import Dataset
from .export_formats import REQUESTED_FORMATS, RequestedFormat
from .spacy_docbin import export_docbin
from .sqlite import export_sqlite


@dataclass(frozen=True)
class RequestedExport:
    """One format ``iraq-ct-news export FORMAT PATH`` writes, and its writer."""

    format: RequestedFormat
    write: Callable[[Dataset, Path], list[Path]]
    """Write the export to the path; returns every file written."""

    @property
    def name(self) -> str:
        return self.format.name

    @property
    def requires(self) -> str:
        return self.format.requires


_WRITERS: dict[str, Callable[[Dataset, Path], list[Path]]] = {
    "sqlite": export_sqlite,
    "spacy": export_docbin,
}

EXPORT_FORMATS: dict[str, RequestedExport] = {
    name: RequestedExport(fmt, _WRITERS[name]) for name, fmt in REQUESTED_FORMATS.items()
}
