"""One checked file, from the worker that reads it to the tree pass and the build.

A :class:`CheckedFile` is made once, where the file is read, and is what every later step sees:
the checks of the file alone add their findings to its report, the checks across files add
theirs to the same report, the cache stores and restores it, and the build takes its model and
the span offsets found for it. Findings carry the file's real path from the moment they are
made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from pydantic import BaseModel

from ..core.findings import Finding
from ..models.layout import CuratedFile
from ..reading.anchoring import SpanResolution
from ..reading.yamlreader import Document, PathKey
from .facts import Facts
from .report import FileReport


@dataclass
class CheckedFile:
    """A curated file after reading and checking (see the module docstring)."""

    source: CuratedFile
    report: FileReport
    """Its findings, located; the document that locates them is read again only when a check
    across files has something to say about a file checked elsewhere."""
    facts: Facts = field(default_factory=Facts)
    """The summary the checks across files read."""
    document: Document | None = None
    """The YAML document, while the file stays in the process that read it."""
    record: BaseModel | None = None
    """The model (possibly repaired, see :attr:`repaired`); dropped after checking unless the
    run keeps records for a build."""
    repaired: bool = False
    """True when ``record`` was built from a repaired copy of an invalid file."""
    usable: bool = False
    """True when the document may reach a command as data (as the repository's store gives
    it): a mapping with no value of the wrong shape, though possibly unfinished."""
    spans: dict[PathKey, SpanResolution] | None = None
    """For an article: where each anchored span was found (kept with its record)."""
    file_sha256: str | None = None
    """SHA-256 of the bytes that were checked (None when the file could not be read)."""
    signature: str | None = None
    """The file's stat signature when it stands for the bytes read."""
    reads: dict[str, dict[str, Any]] = field(default_factory=dict)
    """What the checks read besides the file's bytes, and the value each read had (recorded by
    :class:`~.context.FileRun`; the cache reuses the result only while they hold)."""
    signatures: list[tuple[str, str, str]] = field(default_factory=list)
    """(absolute path, stat signature, SHA-256) of the file and its seed as read, when settled
    (for the cache's signature table)."""
    cached: bool = False
    """True when the result was read from the cache (it need not be stored again)."""
    key: str = ""
    """The cache key a result read from the cache was stored under."""
    entry: bytes | None = None
    """The result encoded for the cache, when made in a worker (encoded in parallel there)."""

    @property
    def display_path(self) -> str:
        return self.report.display_path

    @property
    def findings(self) -> list[Finding]:
        return self.report.findings

    def travel(self, keep_records: bool, keep_document: bool = False) -> CheckedFile:
        """Ready to leave the process that read it: no document (it is large and read again
        only to locate a finding) unless its caller shows it, and no reference list (worked
        out again on demand)."""
        if not keep_document:
            self.document = None
            self.report.document = None
        self.facts.refs = None
        if not keep_records:
            self.record = None
            self.spans = None
        return self

    def arrive(self, reader: Callable[[CuratedFile], Document | None]) -> None:
        """Back in the main process: let the report read the document again (with
        ``reader``) if a finding needs locating.

        ``reader`` is a plain function of the source, not a bound method of this file: the
        report must not refer back to its file (a cycle would keep every file of the tree
        alive until a collection).
        """
        if self.document is None and self.report.loader is None:
            self.report.loader = partial(reader, self.source)
