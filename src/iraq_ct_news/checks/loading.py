"""The one reader of a curated file: bytes, then the strict YAML document, then the model.

:func:`read_curated` is where every curated file is parsed, for the validator
(:func:`read_file`, which turns every problem into located findings) and for the repository's
store (``store.repository``, ``store.recordfiles``), which read the same way and differ only in
what they make of a model error.
"""

from __future__ import annotations

import copy
import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from ..core.errors import ReaderError
from ..core.findings import Finding
from ..core.fsutil import leftover_target, read_regular_file
from ..core.limits import MAX_FILE_BYTES
from ..core.signature import signature, stable_signature
from ..models.field_types import is_placeholder
from ..models.kinds import KINDS, SCHEMA_MODELS
from ..models.layout import CuratedFile, FileKind
from ..reading.yamlreader import Document, PathKey, read_record_bytes, read_yaml_bytes
from .checked import CheckedFile
from .report import FileReport, format_path
from .rules.reading import I005, report_reader_error
from .rules.schema import data_path, translate_model_errors

#: Whether a folder lies inside the tree, with the device and inode it led to then.
FolderSeen = tuple[bool, tuple[int, int]]

_MAX_REPAIR_ROUNDS = 8
#: pydantic error types that say a value has the wrong shape (a list where text belongs, a
#: mapping where an id belongs, ``'two'`` as a number), whatever the placeholders.
_SHAPE_ERRORS = ("_type", "_parsing")


@dataclass
class CuratedRead:
    """A curated file as :func:`read_curated` read it: at most one of :attr:`unreadable`,
    :attr:`problem` and :attr:`invalid` is set, and :attr:`record` only when none is."""

    sha256: str | None = None
    """SHA-256 of the bytes read (None when none could be read)."""
    signature: str | None = None
    """The file's stat signature when it stands for the bytes read."""
    document: Document | None = None
    """The strict YAML document."""
    record: BaseModel | None = None
    """The model of the file's kind."""
    unreadable: OSError | None = None
    """Why no bytes could be read, when the reader was told the repository's root (links are
    refused at every depth below it)."""
    problem: ReaderError | None = None
    """Why the bytes are no YAML document a record may be (located), or, read without a root,
    why no bytes could be read."""
    invalid: pydantic.ValidationError | None = None
    """Why the document does not fit the model."""


def read_curated(
    location: Path, kind: FileKind, *, root: Path | None = None, model: bool = True
) -> CuratedRead:
    """Read the curated file at ``location`` as a record of ``kind``; never raises for its
    content. With ``root``, no part of the way below it may be a link (:attr:`unreadable`
    says so); without, the caller has checked where the file is. Without ``model``, the
    document is not validated (a caller that rewrites the data needs only the document)."""
    read = CuratedRead()
    try:
        before = signature(location)
        if root is None:
            raw = read_record_bytes(location)
        else:
            raw = read_regular_file(location, MAX_FILE_BYTES, root=root)
        read.sha256 = hashlib.sha256(raw).hexdigest()
        read.signature = stable_signature(location, before)
        read.document = read_yaml_bytes(raw)
    except ReaderError as error:
        read.problem = error
        return read
    except OSError as error:
        read.unreadable = error
        return read
    if not model:
        return read
    try:
        read.record = SCHEMA_MODELS[kind].model_validate(read.document.data)
    except pydantic.ValidationError as error:
        read.invalid = error
    return read


def read_file(
    root: Path,
    source: CuratedFile,
    display_path: str,
    *,
    resolved_root: Path | None = None,
    folders: dict[Path, FolderSeen] | None = None,
) -> CheckedFile:
    """Read and model-validate one file; never raises for bad content.

    ``resolved_root`` is ``root.resolve()`` when the caller already has it (it reads many files
    of one tree, and following the links on the way to the root costs system calls).
    ``folders`` keeps, for the caller's run, whether each folder is inside the tree and where
    it led (see :func:`folder_inside`): a file that is no link lies where its folder leads.
    """
    checked = CheckedFile(source, FileReport(display_path))
    location = root / source.relative
    if location.is_symlink():
        checked.report.add(
            I005, "is a symbolic link; links are not followed (copy the file in instead)"
        )
        return checked
    written_for = leftover_target(source.relative.name) if source.kind is None else None
    if written_for is not None:
        # Not content: what a write killed before its rename left (never read). Saying so
        # tells the contributor it is safe to delete, and that fmt does it.
        checked.report.add(
            I005,
            f"a temporary file an interrupted write of {written_for!r} left; it is never "
            "read: delete it (`iraq-ct-news fmt` removes such files)",
        )
        return checked
    if source.kind is None:
        checked.report.add(
            I005,
            f"not a place for a record file: records are {KINDS.listing()}",
        )
        return checked
    if folders is None:
        within = inside(location, root, resolved_root)
    else:
        within = folder_inside(location.parent, root, resolved_root, folders)
    if not within:
        checked.report.add(
            I005,
            "leads outside the repository (a symbolic link on the way?); it is not read",
        )
        return checked
    read = read_curated(location, source.kind)
    checked.file_sha256 = read.sha256
    checked.signature = read.signature
    if read.problem is not None or read.document is None:
        if read.problem is not None:
            report_reader_error(checked.report, read.problem)
        return checked
    document = read.document
    checked.document = document
    checked.report.document = document
    checked.record = read.record
    checked.usable = isinstance(document.data, dict) and (
        read.invalid is None or not shape_findings(read.invalid, document, "")
    )
    if read.invalid is not None:
        for code, path, message, on_key in translate_model_errors(read.invalid, document.data):
            checked.report.add(code, message, path, key=on_key)
        checked.record, kept = _repair(SCHEMA_MODELS[source.kind], document.data)
        checked.repaired = checked.record is not None
        checked.report.index_map = kept
    return checked


def shape_findings(
    error: pydantic.ValidationError, document: Document, display: str
) -> list[Finding]:
    """The errors of ``error`` that are about a value's shape, not an unfilled placeholder,
    located in ``document``: what keeps a record that does not fit its model from reaching a
    command as data (an unfinished record, with placeholders or missing fields, still does)."""
    found: list[Finding] = []
    for item in error.errors(include_url=False):
        value = item.get("input")
        if not item["type"].endswith(_SHAPE_ERRORS):
            continue
        if isinstance(value, str) and is_placeholder(value):
            continue
        path = data_path(item["loc"], document.data, keep_last=False)
        line, column = document.locate(path)
        found.append(Finding(display, line, column, "S003",
                             f"{format_path(path)}: {item['msg']}"))
    return sorted(set(found))


def folder_inside(
    folder: Path, root: Path, resolved_root: Path | None, folders: dict[Path, FolderSeen]
) -> bool:
    """:func:`inside` for ``folder``, worked out again only when the folder it leads to is not
    the one it led to before (one ``stat``, following links, per file; following every link
    on the way took one system call per part of the path). A folder swapped for a link in the
    middle of a run leads elsewhere, so it is judged again before its next file is read."""
    try:
        info = os.stat(folder)
        identity = (info.st_dev, info.st_ino)
    except OSError:
        return inside(folder, root, resolved_root)
    seen = folders.get(folder)
    if seen is None or seen[1] != identity:
        seen = folders[folder] = (inside(folder, root, resolved_root), identity)
    return seen[0]


def inside(path: Path, root: Path, resolved_root: Path | None = None) -> bool:
    """True when ``path``, with every symbolic link on the way followed, lies inside ``root``.

    ``curated/`` or one of its folders could be a link to somewhere else on the machine; the
    file listing does not follow links below ``curated/``, but a link *at* ``curated/`` (or at
    the folder the root is given as) is followed by the operating system on every open.
    """
    try:
        return path.resolve().is_relative_to(resolved_root or root.resolve())
    except (OSError, RuntimeError):
        return False


def _repair(model: type[BaseModel], data: dict[str, Any]) -> tuple[BaseModel | None, dict[str, list[int]]]:
    """A model of what is valid in a file that failed validation, so later checks still run.

    The schema errors are already reported; this drops unknown keys, invalid optional fields and
    invalid items of top-level lists, and validates the rest without strictness ("1" for 1), so
    that one typo in a quote does not hide a wrong seed hash or a broken reference. Returns the
    model (or None when a required field is beyond repair) and, for each list that lost items,
    the original index of every kept item so findings point at the right lines.
    """
    working = copy.deepcopy(data)
    kept: dict[str, list[int]] = {}
    for _ in range(_MAX_REPAIR_ROUNDS):
        try:
            return model.model_validate(working, strict=False), kept
        except pydantic.ValidationError as error:
            drops: dict[str, set[int]] = defaultdict(set)
            for item in error.errors(include_url=False):
                path = data_path(item["loc"], working, keep_last=True)
                if not path:
                    return None, {}
                top = path[0]
                if item["type"] == "extra_forbidden":
                    _delete(working, path)
                elif len(path) >= 2 and isinstance(path[1], int) and isinstance(working.get(str(top)), list):
                    drops[str(top)].add(path[1])
                elif str(top) in model.model_fields and not model.model_fields[str(top)].is_required():
                    working.pop(str(top), None)
                else:
                    return None, {}
            for name, indexes in drops.items():
                original = kept.get(name, list(range(len(working[name]))))
                kept[name] = [o for i, o in enumerate(original) if i not in indexes]
                working[name] = [x for i, x in enumerate(working[name]) if i not in indexes]
    return None, {}


def _delete(data: Any, path: PathKey) -> None:
    for part in path[:-1]:
        data = data[part]
    if isinstance(data, dict):
        data.pop(path[-1], None)


def read_document(
    root: Path, resolved_root: Path | None, source: CuratedFile
) -> Document | None:
    """The document of a file checked elsewhere, read again to locate a finding about it."""
    return read_file(root, source, "", resolved_root=resolved_root).document
