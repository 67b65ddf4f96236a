"""The repository as the commands see it: every curated file read once, through the strict
reader and the models.

``draft``, ``view`` and ``bump`` used to parse the curated files again, each its own way (raw
dicts, a lenient reader that followed links, a second ``Entity``). Here a file is read once per
run, never through a link, and becomes one of:

* a :class:`StoredRecord` with its validated model (``record``);
* an *unfinished* record: its only model errors are ``TODO`` placeholders or missing fields
  (a stub ``draft --stubs`` or ``new`` wrote); it keeps its data, whose every other value has
  the type the model wants, so a command can read its id and names;
* a located :class:`~iraq_ct_news.core.findings.Finding` (a file that does not read, or whose values
  have the wrong type): no command sees it as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..checks.loading import read_curated, shape_findings
from ..core.errors import ReaderError
from ..core.findings import Finding
from ..core.textutil import printable
from ..models.layout import CuratedFile, FileKind, curated_files
from ..reading.yamlreader import Document
from .writer import ReadToken


@dataclass(frozen=True)
class StoredRecord:
    """A curated file read and checked against its model."""

    relative: PurePosixPath
    kind: FileKind
    document: Document
    record: Any | None
    """The validated model, or None for an unfinished record (placeholders left)."""
    token: ReadToken
    """What the file held, for a write that must not overwrite a later change."""
    signature: str | None = None
    """The file's stat signature when it stands for the bytes read (see
    :mod:`iraq_ct_news.core.signature`): with the token's SHA-256, what a cache of file hashes
    learns from the read."""

    @property
    def data(self) -> Any:
        return self.document.data


@dataclass
class Repository:
    """The curated tree at ``root``; each kind is read on first use and kept for the run (a
    command that needs the registries never reads the articles)."""

    root: Path
    _by_kind: dict[str, list[StoredRecord]] = field(default_factory=dict)
    _sources: list[CuratedFile] | None = None
    findings: list[Finding] = field(default_factory=list)
    """Files read so far that could not be read, or whose values do not fit their model."""

    def records(self, kinds: Iterable[str] | None = None) -> list[StoredRecord]:
        """The readable records of the given kinds (all kinds by default), in file order."""
        if self._sources is None:
            self._sources = [source for source in curated_files(self.root)
                             if source.kind is not None]  # other files: validate names them
        wanted = None if kinds is None else set(kinds)
        for source in self._sources:
            kind = source.kind
            if kind is None or (wanted is not None and kind not in wanted):
                continue
            if kind not in self._by_kind:
                self._read_kind(kind)
        return [stored for stored in self._all() if wanted is None or stored.kind in wanted]

    def _read_kind(self, kind: FileKind) -> None:
        stored: list[StoredRecord] = []
        for source in self._sources or []:
            if source.kind != kind:
                continue
            read = read_record(self.root, source.relative, kind)
            if isinstance(read, StoredRecord):
                stored.append(read)
            else:
                self.findings.extend(read)
        self._by_kind[kind] = stored

    def _all(self) -> list[StoredRecord]:
        return sorted((stored for group in self._by_kind.values() for stored in group),
                      key=lambda stored: stored.relative)


def read_record(
    root: Path, relative: PurePosixPath, kind: FileKind, *, display: str | None = None
) -> StoredRecord | list[Finding]:
    """One curated file as a :class:`StoredRecord`, or the located findings why it is not one
    (read by the validator's one reader of curated files, never through a link)."""
    shown = display if display is not None else printable(relative.as_posix())
    read = read_curated(root / relative, kind, root=root)
    if read.unreadable is not None:
        reason = read.unreadable.strerror or str(read.unreadable)
        return [Finding(shown, 1, 1, "I005", f"cannot be read: {reason}")]
    if read.problem is not None or read.document is None or read.sha256 is None:
        error = read.problem or ReaderError("Y007", "cannot read the file")
        return [Finding(shown, error.line, error.column, error.code, error.message)]
    document = read.document
    token = ReadToken(relative, read.sha256)
    if not isinstance(document.data, dict):
        return [Finding(shown, 1, 1, "S003", f"a {kind} record is a mapping of fields")]
    if read.invalid is not None:
        findings = shape_findings(read.invalid, document, shown)
        if findings:
            return findings
        return StoredRecord(relative, kind, document, None, token, read.signature)
    return StoredRecord(relative, kind, document, read.record, token, read.signature)
