"""When a stored result may stand for checking a file again, and how results are stored.

The cache (:mod:`iraq_ct_news.core.cache`) is a plain store; this module decides what goes in it.
A file's result is stored under a key made of the file's path in the tree (rules depend on where
a file is) and the SHA-256 of its bytes, with the values of everything else its checks read
(recorded by :class:`~.context.FileRun` as they read it: its seed, the registry names, the
titles quoted from it). It is reused only when each of those values is unchanged (see
:mod:`.dependencies`), so a reused result is exactly what
checking the file again would give. The findings of the checks across files are never stored:
they run on the whole tree every time, from the summaries; what one of them keeps for the next
run (:class:`CacheMemory`) only spares it work, and it checks that it still applies.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..core.cache import ValidationCache, encode
from ..core.findings import Finding
from ..core.limits import MAX_FILE_BYTES
from ..core.signature import FileHasher
from ..core.signature import key as signature_key
from ..models.layout import CuratedFile
from ..reading.seeds import SeedStore
from .checked import CheckedFile
from .context import PassContext
from .dependencies import ReadsCheck
from .facts import Facts
from .loading import folder_inside
from .report import FileReport
from .rules.base import declared


def lookup(
    cache: ValidationCache, context: PassContext, sources: Sequence[CuratedFile]
) -> list[CheckedFile | None]:
    """For each of ``sources`` (every file of the run, both passes), the result stored for its
    path and bytes, if any: one look-up for the whole run (one query of the store, one key per
    file). Whether a stored result still applies is for :func:`reusable`, once the pass it
    belongs to knows what its files are checked against."""
    found: list[CheckedFile | None] = [None] * len(sources)
    if not cache.primed:
        cache.primed = True
        cache.empty = not cache.has_entries()
        if not cache.empty:
            cache.load_signatures(context.root)
    if cache.empty:
        cache.misses += len(sources)
        return found
    keyed: dict[str, tuple[int, str]] = {}
    for position, relative, sha256 in _hashes(context, sources, cache.hasher):
        keyed[cache.file_key(sha256, relative)] = (position, relative)
    entries = cache.read(list(keyed))
    for key, entry in entries.items():
        position, relative = keyed[key]
        checked = _from_entry(sources[position], relative, entry, context.display_prefix)
        if checked is not None:
            checked.key = key
            found[position] = checked
    cache.misses += len(sources) - len(entries)
    return found


def reusable(
    cache: ValidationCache, context: PassContext, stored: Sequence[CheckedFile | None]
) -> list[CheckedFile | None]:
    """Each of ``stored`` (results :func:`lookup` found for one pass's files) that still
    applies: everything its checks read besides the file is unchanged in ``context`` (one
    that no longer applies is neither a hit nor a miss: the cache had it)."""
    reads = ReadsCheck(context, SeedStore(context.root, hasher=cache.hasher))
    kept: list[CheckedFile | None] = []
    for checked in stored:
        if checked is not None and reads.still_holds(checked.reads):
            kept.append(checked)
            cache.used.add(checked.key)
            cache.hits += 1
        else:
            kept.append(None)
    cache.reads_compared += reads.worked_out
    return kept


def results_to_store(cache: ValidationCache, files: Iterable[CheckedFile]) -> dict[str, Any]:
    """The entries of the results that are not in the cache yet (encoded now: before the checks
    across files add their findings to the reports, which are never stored), with the new
    signatures noted in ``cache.hasher``."""
    entries: dict[str, Any] = {}
    hasher = cache.hasher
    for checked in files:
        if checked.cached:
            continue  # read from the cache this run: already there
        for path, sig, sha in checked.signatures:
            if hasher.known.get(path) != (sig, sha):
                hasher.new[path] = (sig, sha)
        if checked.file_sha256 is None:
            continue
        key = cache.file_key(checked.file_sha256, checked.source.relative.as_posix())
        if key in cache.used:
            continue
        entries[key] = checked.entry if checked.entry is not None else encode_entry(checked)
        cache.used.add(key)
    return entries


class CacheMemory:
    """What the checks across files keep between runs over one tree (see
    :class:`~.tree.TreeMemory`), in the cache under the tree's absolute path."""

    def __init__(self, cache: ValidationCache, root: Path) -> None:
        self._cache = cache
        self._root = signature_key(root)
        self.kept: dict[str, Any] = {}
        """Entries to write with the run's results (those that changed)."""
        self._recalled: dict[str, Any] = {}

    def _key(self, name: str) -> str:
        return self._cache.key("tree", name, self._root)

    def recall(self, name: str) -> Any:
        key = self._key(name)
        self._cache.used.add(key)
        value = self._recalled[key] = self._cache.read([key]).get(key)
        return value

    def keep(self, name: str, value: Any) -> None:
        key = self._key(name)
        self._cache.used.add(key)
        if key not in self._recalled or self._recalled[key] != value:
            self.kept[key] = value

    def earlier_note(self, relative: str, sha256: str, name: str) -> Any:
        key = self._cache.file_key(sha256, relative)
        entry: Any = self._cache.read([key]).get(key)
        try:
            path, stored_sha256, _findings, _reads, facts = entry
            notes = facts[-1]
        except (TypeError, ValueError, IndexError, KeyError):
            return None
        if path != relative or stored_sha256 != sha256 or not isinstance(notes, dict):
            return None
        return notes.get(name)


def encode_entry(checked: CheckedFile) -> bytes:
    """The stored form of a result: ``[path, sha256, findings, reads, facts]``, findings as
    ``[line, column, code, message]`` (the path is the file's)."""
    return encode([
        checked.source.relative.as_posix(),
        checked.file_sha256,
        [[f.line, f.column, f.code, f.message] for f in checked.report.findings],
        checked.reads,
        checked.facts.to_json(),
    ])


def _from_entry(
    source: CuratedFile, relative: str, entry: Any, prefix: str
) -> CheckedFile | None:
    """The result stored in ``entry``, or None if it is not one.

    The entry's bytes passed their checksum, so it is what a run of this very tool wrote; any
    surprise in its shape (or a code no check declares any more) still only makes it a miss.
    """
    try:
        path, sha256, findings, reads, facts = entry
        if path != relative or not isinstance(sha256, str) or not isinstance(reads, dict):
            return None
        report = FileReport(prefix + relative)
        for line, column, code, message in findings:
            rule = declared(str(code))
            report.findings.append(
                Finding(report.display_path, int(line), int(column), rule.code, str(message),
                        rule.severity)
            )
        summary = Facts.from_json(facts)
        report.index_map = summary.index_map
        return CheckedFile(source, report, summary, file_sha256=sha256, reads=reads,
                           cached=True)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, LookupError):
        return None


def _hashes(
    context: PassContext, sources: Sequence[CuratedFile], hasher: FileHasher
) -> Iterator[tuple[int, str, str]]:
    """``(position, relative path, SHA-256)`` of each file read the way the checks read it.

    A link, a file outside the tree, a file in no place for records or one that cannot be read
    is left out: checking it again is quick, and its findings depend on more than its bytes.
    (A file that is not a link, in a folder inside the tree, is inside the tree; folders are few,
    so each is checked once, by the one check the reader uses, which remembers where it led. This runs over every file of every warm run, so it works on
    strings and one ``lstat`` per file.)
    """
    root = context.root
    base = signature_key(root).rstrip("/")
    folders: dict[str, bool] = {}
    for position, source in enumerate(sources):
        if source.kind is None:
            continue
        relative = source.relative.as_posix()
        folder, _, _name = relative.rpartition("/")
        location = f"{base}/{relative}"
        try:
            if folder not in folders:
                folders[folder] = folder_inside(
                    root / folder, root, context.resolved_root, context.folders_inside
                )
            if not folders[folder]:
                continue
            info = os.lstat(location)
            if not stat.S_ISREG(info.st_mode):
                continue  # a link, or no regular file: the checks say what it is
            yield position, relative, hasher.sha256_known(location, info, MAX_FILE_BYTES)
        except OSError:
            continue
