"""Checks every record kind shares: identity, lifecycle, dates in order, clean text."""

from __future__ import annotations

import functools
import re
import typing
import unicodedata
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
#: Arabic presentation forms, the one kind of character the text rules refuse that is printable.
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


def check_common(parsed: ParsedFile) -> None:
    """Run the shared checks on a file that was read (whether or not its model validated)."""
    document = parsed.document
    if document is None:
        return
    report = parsed.report
    _visit(parsed, document.data, ())
    record = parsed.record
    if isinstance(record, VersionedRecord):
        _check_identity(parsed, record)
        _check_lifecycle(parsed, record)
    if record is not None:
        for path, edtf in walk_edtf(record):
            if not edtf.is_ordered:
                report.add("D002", f"interval {edtf.text} ends before it starts", path)


def _visit(parsed: ParsedFile, value: Any, path: PathKey) -> None:
    """Check every string (text rules) and list (repeated items) under ``value``.

    This runs over every node of every file, so the common case is decided first without a
    call: a printable ASCII string breaks no text rule, unless it is a field whose language is
    checked (``ar``/``en``).
    """
    if isinstance(value, str):
        if not (value.isascii() and value.isprintable()) or (path and path[-1] in ("ar", "en")):
            _check_text(parsed, path, value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _visit(parsed, item, (*path, key))
    elif isinstance(value, list):
        if path and path[-1] in _UNIQUE_LISTS:
            _check_unique(parsed, path, value)
        for index, item in enumerate(value):
            _visit(parsed, item, (*path, index))


def walk_edtf(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Edtf]]:
    """Every EDTF date inside a model, with its data path.

    Only the fields whose type can hold a date (directly, or in a nested model or list) are
    visited; which fields those are is worked out once per model class.
    """
    for name in _date_fields(type(model)):
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


@functools.cache
def _date_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` (in order) whose values can be or contain an EDTF date."""
    return tuple(
        name for name, info in model.model_fields.items() if _may_hold_date(info.annotation, set())
    )


def _may_hold_date(annotation: Any, seen: set[type[BaseModel]]) -> bool:
    if annotation is Edtf:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        seen.add(annotation)
        return any(_may_hold_date(info.annotation, seen) for info in annotation.model_fields.values())
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return False
    arguments = typing.get_args(annotation)
    if origin is typing.Annotated:
        arguments = arguments[:1]  # the type; the rest is validation metadata
    if arguments:
        return any(_may_hold_date(argument, seen) for argument in arguments)
    # A plain type (str, int, a date type): no EDTF inside. Anything else unexpected is visited.
    return not isinstance(annotation, type)


def _is_multiline(path: PathKey) -> bool:
    if not path:
        return False
    last = path[-1]
    if last in _MULTILINE_FIELDS:
        return True
    return last == "en" and len(path) >= 2 and path[-2] in _MULTILINE_PARENTS


def _is_clean(value: str, multiline: bool) -> bool:
    """True when ``text_problems`` certainly finds nothing in ``value``.

    Decided by C-speed string methods instead of a Python loop over every character (which
    made the text rules most of the validator's time): every character the rules refuse except
    the presentation forms is unprintable (bidi controls and invisible characters are format
    characters), and a line break is only allowed where ``multiline``. Text that fails this
    quick look is examined character by character, so findings are exactly those of
    ``text_problems``.
    """
    if not value.isprintable():
        if not multiline or not value.replace("\n", "").isprintable():
            return False
    if _PRESENTATION_FORM.search(value) is not None:
        return False
    return unicodedata.is_normalized("NFC", value)


def _check_text(parsed: ParsedFile, path: PathKey, value: str) -> None:
    multiline = _is_multiline(path)
    if not _is_clean(value, multiline):
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
