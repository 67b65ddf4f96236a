"""The tree as the checks across files see it: every checked file, and the ids they define.

These checks need the whole tree, so they run after every file has been checked on its own, on
each file's :class:`~.facts.Facts` (never on the models, which may live in another process or
only in the cache). Most of the work is set arithmetic; the exact field of a broken reference
is worked out only for the file that has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Protocol

from ..core.findings import Finding
from ..models.layout import CuratedFile
from ..reading.yamlreader import PathKey
from .checked import CheckedFile
from .facts import ENTITY_KINDS, Namespace, Reference, references
from .released import MissingRelease, Released


@dataclass
class Definition:
    namespace: Namespace
    file: CheckedFile
    path: PathKey
    verified: bool = True
    """False when the record did not validate: its id is known only from the file name."""


@dataclass
class TreeIndex:
    """Every id defined in the tree, by namespace group (entities share one namespace)."""

    definitions: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    themes: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    cameo: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    by_namespace: dict[Namespace, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Every id defined in each namespace."""
    _valid: dict[tuple[Namespace, ...], frozenset[str]] = field(default_factory=dict)

    def define(self, record_id: str, definition: Definition) -> None:
        self.table(definition.namespace)[record_id].append(definition)
        self.by_namespace[definition.namespace].add(record_id)

    def table(self, namespace: Namespace) -> dict[str, list[Definition]]:
        if namespace in ENTITY_KINDS:
            return self.definitions
        return {"article": self.articles, "theme": self.themes, "cameo": self.cameo}[namespace]

    def tables(self) -> tuple[dict[str, list[Definition]], ...]:
        return (self.definitions, self.articles, self.themes, self.cameo)

    def lookup(self, target: str) -> list[Definition]:
        """Every definition of ``target`` in any namespace."""
        return [
            definition for table in self.tables() for definition in table.get(target, [])
        ]

    def unreadable(self, allowed: tuple[Namespace, ...]) -> bool:
        """Whether a vocabulary of one of the ``allowed`` kinds could not be read."""
        return any(self.table(namespace).get("*") for namespace in allowed)

    def valid(self, allowed: tuple[Namespace, ...]) -> frozenset[str]:
        """Every id a reference allowed to point at ``allowed`` kinds may name."""
        found = self._valid.get(allowed)
        if found is None:
            found = frozenset().union(*(self.by_namespace.get(ns, ()) for ns in allowed))
            self._valid[allowed] = found
        return found


def build_index(files: list[CheckedFile]) -> TreeIndex:
    index = TreeIndex()
    tables: dict[Namespace, dict[str, list[Definition]]] = {}
    by_namespace = index.by_namespace
    for checked in files:
        verified = checked.facts.verified
        for namespace, record_id, path in checked.facts.definitions:
            if namespace in ("theme", "cameo"):
                # An unreadable vocabulary ("*") must not turn every use of it into a second
                # error.
                definition = Definition(namespace, checked, path, verified=record_id != "*")
            else:
                definition = Definition(namespace, checked, path, verified=verified)
            table = tables.get(namespace)
            if table is None:
                table = tables[namespace] = index.table(namespace)
            table[record_id].append(definition)
            by_namespace[namespace].add(record_id)
    return index


class TreeMemory(Protocol):
    """What a check across files kept from the last run over the same tree (the validation
    cache keeps it; see :mod:`.reuse`). A check that uses it must itself make sure that what it
    kept still applies (it keeps, with its results, what they were worked out from): the
    memory only saves work, it is never a source of findings."""

    def recall(self, name: str) -> Any:
        """The JSON value kept under ``name`` by the last run over this tree, or None."""

    def keep(self, name: str, value: Any) -> None:
        """Keep ``value`` (JSON) under ``name`` for the next run over this tree."""

    def earlier_note(self, relative: str, sha256: str, name: str) -> Any:
        """The note ``name`` (see :attr:`.facts.Facts.notes`) of the file at ``relative``
        when its bytes had the SHA-256 ``sha256``, as a run stored it, or None."""


class Tree:
    """What the tree and release checks read: every file (in path order), the ids they define,
    the release to compare with, and where findings about no existing file go."""

    def __init__(
        self,
        root: Path,
        files: list[CheckedFile],
        reread: Callable[[CuratedFile], CheckedFile],
        display: Callable[[PurePosixPath], str],
        released: Callable[[], Released | str | MissingRelease | None],
        memory: TreeMemory | None = None,
    ) -> None:
        self.root = root
        self.files = files
        self.articles = [f for f in files if f.source.kind == "article"]
        self.index = build_index(files)
        self._reread = reread
        self.display = display
        """How a root-relative path is named in findings."""
        self._released = released
        self.unfiled: list[Finding] = []
        """Findings about no existing file (a deleted record, an unreadable release)."""
        self.memory = memory
        """What the checks across files kept from the last run (None without a cache)."""

    def reread(self, checked: CheckedFile) -> CheckedFile:
        """The file read again: only for a file checked elsewhere whose details a finding
        needs (the field of a broken reference)."""
        return self._reread(checked.source)

    def detailed_references(self, checked: CheckedFile) -> list[Reference]:
        """Every reference of the file with its field (read again if only summarised)."""
        if checked.facts.refs is None:
            again = self.reread(checked)
            kind, record = checked.source.kind, again.record
            checked.facts.refs = list(references(kind, record)) if record and kind else []
        return checked.facts.refs

    def released(self) -> Released | str | MissingRelease | None:
        """The last release (see :mod:`.released`), None when there is none."""
        return self._released()
