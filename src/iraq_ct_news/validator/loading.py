"""Reading one curated file into its model, turning every problem into located findings."""

from __future__ import annotations

import copy
import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from ..errors import ReaderError
from ..fsutil import leftover_target
from ..kinds import KINDS
from ..layout import CuratedFile
from ..schema_export import SCHEMA_MODELS
from ..signature import signature, stable_signature
from ..yamlreader import Document, PathKey, read_record_bytes, read_yaml_bytes
from .checked import CheckedFile
from .checks.reading import I005, report_reader_error
from .checks.schema import data_path, translate_model_errors
from .report import FileReport

_MAX_REPAIR_ROUNDS = 8


def read_file(
    root: Path, source: CuratedFile, display_path: str, *, resolved_root: Path | None = None
) -> CheckedFile:
    """Read and model-validate one file; never raises for bad content.

    ``resolved_root`` is ``root.resolve()`` when the caller already has it (it reads many files
    of one tree, and following the links on the way to the root costs system calls).
    """
    checked = CheckedFile(source, FileReport(display_path))
    if (root / source.relative).is_symlink():
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
    location = root / source.relative
    if not inside(location, root, resolved_root):
        checked.report.add(
            I005,
            "leads outside the repository (a symbolic link on the way?); it is not read",
        )
        return checked
    try:
        before = signature(location)
        raw = read_record_bytes(location)
        checked.file_sha256 = hashlib.sha256(raw).hexdigest()
        checked.signature = stable_signature(location, before)
        document = read_yaml_bytes(raw)
    except ReaderError as error:
        report_reader_error(checked.report, error)
        return checked
    checked.document = document
    checked.report.document = document
    model = SCHEMA_MODELS[source.kind]
    try:
        checked.record = model.model_validate(document.data)
    except pydantic.ValidationError as error:
        for code, path, message, on_key in translate_model_errors(error, document.data):
            checked.report.add(code, message, path, key=on_key)
        checked.record, kept = _repair(model, document.data)
        checked.repaired = checked.record is not None
        checked.report.index_map = kept
    return checked


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
