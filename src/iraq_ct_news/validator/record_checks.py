"""Checks every record kind shares: identity, lifecycle, dates in order, clean text."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..models import Edtf, VersionedRecord
from ..textutil import has_arabic_letter, text_problems
from ..yamlreader import PathKey
from .loading import ParsedFile
from .report import format_path

#: Fields that may hold line breaks; every other string is a single line.
_MULTILINE_FIELDS = frozenset({"body", "exact", "prefix", "suffix", "withdrawn_reason"})
_MULTILINE_PARENTS = frozenset({"summary", "notes", "definition", "purpose"})
#: Lists whose items must be unique, by field name.
_UNIQUE_LISTS = frozenset(
    {"themes", "aliases", "organizers", "participants", "en", "ar", "identifiers", "close_match"}
)


def check_common(parsed: ParsedFile) -> None:
    """Run the shared checks on a file that was read (whether or not its model validated)."""
    document = parsed.document
    if document is None:
        return
    report = parsed.report
    for path, value in walk(document.data):
        if isinstance(value, str):
            _check_text(parsed, path, value)
        elif isinstance(value, list) and path and path[-1] in _UNIQUE_LISTS:
            _check_unique(parsed, path, value)
    record = parsed.record
    if isinstance(record, VersionedRecord):
        _check_identity(parsed, record)
        _check_lifecycle(parsed, record)
    if record is not None:
        for path, edtf in walk_edtf(record):
            if not edtf.is_ordered:
                report.add("D002", f"interval {edtf.text} ends before it starts", path)


def walk(value: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, Any]]:
    """Every value in a YAML data tree with its path, parents before children."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


def walk_edtf(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Edtf]]:
    """Every EDTF date inside a model, with its data path."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*path, name)
        if isinstance(value, Edtf):
            yield here, value
        elif isinstance(value, BaseModel):
            yield from walk_edtf(value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk_edtf(item, (*here, index))


def _is_multiline(path: PathKey) -> bool:
    if not path:
        return False
    last = path[-1]
    if last in _MULTILINE_FIELDS:
        return True
    return last == "en" and len(path) >= 2 and path[-2] in _MULTILINE_PARENTS


def _check_text(parsed: ParsedFile, path: PathKey, value: str) -> None:
    multiline = _is_multiline(path)
    for code, offset, message in text_problems(value, multiline=multiline):
        parsed.report.add_in_block(
            code, f"{format_path(path)}: {message} (at character {offset})", path, offset
        )
    if path and path[-1] == "ar":
        if not has_arabic_letter(value):
            parsed.report.add("T006", f"{format_path(path)} should be Arabic text", path)
    # notes.en may cite the Arabic words a judgement rests on; other English text may not.
    if len(path) >= 2 and path[-1] == "en" and path[-2] not in ("notes", "acronyms"):
        if has_arabic_letter(value):
            parsed.report.add("T006", f"{format_path(path)} should be English text", path)


def _check_unique(parsed: ParsedFile, path: PathKey, items: list[Any]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        marker = repr(item)
        if marker in seen:
            parsed.report.add("I006", f"{format_path(path)} lists {item!r} twice", (*path, index))
        seen.add(marker)


def _check_identity(parsed: ParsedFile, record: VersionedRecord) -> None:
    if record.id != parsed.source.stem:
        parsed.report.add(
            "I001",
            f"id '{record.id}' differs from the file name '{parsed.source.stem}.yaml'",
            ("id",),
        )


def _check_lifecycle(parsed: ParsedFile, record: VersionedRecord) -> None:
    report = parsed.report
    if record.modified < record.created:
        report.add(
            "D004",
            f"modified {record.modified} is before created {record.created}",
            ("modified",),
        )
    if record.status == "withdrawn" and record.withdrawn_reason is None:
        report.add("V001", "a withdrawn record needs a withdrawn_reason", ("status",))
    if record.status == "active" and record.withdrawn_reason is not None:
        report.add("V001", "an active record has no withdrawn_reason", ("withdrawn_reason",))
    if record.status == "active" and record.superseded_by is not None:
        report.add("V001", "an active record is not superseded", ("superseded_by",))
