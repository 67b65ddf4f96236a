"""Reading one curated file into its model, turning every problem into located findings."""

from __future__ import annotations

import copy
import difflib
import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from ..errors import ReaderError
from ..layout import CuratedFile, FileKind
from ..schema_export import SCHEMA_MODELS
from ..signature import signature, stable_signature
from ..yamlreader import Document, PathKey, read_record_bytes, read_yaml_bytes
from .report import FileReport, format_path

_TYPE_ERRORS = frozenset(
    {
        "string_type",
        "int_type",
        "float_type",
        "bool_type",
        "list_type",
        "dict_type",
        "model_type",
        "model_attributes_type",
        "none_required",
        "is_instance_of",
        "union_tag_not_found",
    }
)
_DATE_ERRORS = frozenset({"edtf_date", "iso_date"})
_MAX_REPAIR_ROUNDS = 8
#: "Did you mean" hints are worked out for this many unknown fields per file, and for names up
#: to this length: a file with more is not a typo, and each hint compares against every field
#: name, which thousands of hostile keys would turn into seconds of work.
_MAX_SUGGESTIONS = 50
_MAX_SUGGESTED_NAME = 64


@dataclass
class ParsedFile:
    """A curated file after reading: its document and model when they could be built."""

    source: CuratedFile
    report: FileReport
    document: Document | None = None
    record: BaseModel | None = None
    repaired: bool = False
    """True when ``record`` was built from a repaired copy of an invalid file (see ``_repair``)."""
    file_sha256: str | None = None
    """SHA-256 of the bytes read (None when the file could not be read at all)."""
    signature: str | None = None
    """The file's stat signature when it stands for the bytes read (see ``signature``)."""

    @property
    def kind(self) -> FileKind | None:
        return self.source.kind


def parse_file(
    root: Path, source: CuratedFile, display_path: str, *, resolved_root: Path | None = None
) -> ParsedFile:
    """Read and model-validate one file; never raises for bad content.

    ``resolved_root`` is ``root.resolve()`` when the caller already has it (it reads many files
    of one tree, and following the links on the way to the root costs system calls).
    """
    parsed = ParsedFile(source, FileReport(display_path))
    if (root / source.relative).is_symlink():
        parsed.report.add(
            "I005", "is a symbolic link; links are not followed (copy the file in instead)"
        )
        return parsed
    if source.kind is None:
        parsed.report.add(
            "I005",
            "not a place for a record file: records are curated/<articles|people|organizations|"
            "places>/<id>.yaml and curated/vocabularies/<themes|cameo>.yaml",
        )
        return parsed
    location = root / source.relative
    if not inside(location, root, resolved_root):
        parsed.report.add(
            "I005",
            "leads outside the repository (a symbolic link on the way?); it is not read",
        )
        return parsed
    try:
        before = signature(location)
        raw = read_record_bytes(location)
        parsed.file_sha256 = hashlib.sha256(raw).hexdigest()
        parsed.signature = stable_signature(location, before)
        document = read_yaml_bytes(raw)
    except ReaderError as error:
        parsed.report.add(error.code, error.message, position=(error.line, error.column))
        return parsed
    parsed.document = document
    parsed.report.document = document
    model = SCHEMA_MODELS[source.kind]
    try:
        parsed.record = model.model_validate(document.data)
    except pydantic.ValidationError as error:
        for code, path, message, on_key in translate_model_errors(error, document.data):
            parsed.report.add(code, message, path, key=on_key)
        parsed.record, kept = _repair(model, document.data)
        parsed.repaired = parsed.record is not None
        parsed.report.index_map = kept
    return parsed


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
                path = _data_path(item["loc"], working, keep_last=True)
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


def translate_model_errors(
    error: pydantic.ValidationError, data: Any
) -> list[tuple[str, PathKey, str, bool]]:
    """Pydantic's errors as ``(code, data path, message, located on the key)``, one per spot.

    Pydantic's ``loc`` names union branches and validator steps that are not in the data; they
    are dropped so the path can be looked up in the YAML positions.
    """
    translated: list[tuple[str, PathKey, str, bool]] = []
    seen: set[tuple[str, PathKey]] = set()
    unknown = 0
    for item in error.errors(include_url=False):
        kind = item["type"]
        path = _data_path(item["loc"], data, keep_last=kind in ("missing", "extra_forbidden"))
        if kind == "extra_forbidden":
            unknown += 1
        code, message, on_key = _describe(kind, path, item, suggest=unknown <= _MAX_SUGGESTIONS)
        if (code, path) in seen:
            continue
        seen.add((code, path))
        translated.append((code, path, message, on_key))
    return translated


def _data_path(loc: tuple[int | str, ...], data: Any, *, keep_last: bool) -> PathKey:
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, dict) and isinstance(part, str) and part in current:
            path.append(part)
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
        elif last and keep_last and isinstance(part, str):
            path.append(part)
    return tuple(path)


def _describe(
    kind: str, path: PathKey, item: Any, *, suggest: bool = True
) -> tuple[str, str, bool]:
    where = format_path(path)
    if kind == "missing":
        return "S001", f"missing required field '{path[-1] if path else '?'}' in {where}", False
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        hint = _suggest(name) if suggest else ""
        return "S002", visible(f"unknown field '{name}'{hint}"), True
    message = visible(f"{where}: {item['msg']}")
    if kind in _TYPE_ERRORS:
        return "S003", f"{message} (got {_type_name(item.get('input'))})", False
    if kind in _DATE_ERRORS:
        return "D001", message, False
    return "S004", message, False


def visible(text: str) -> str:
    """``text`` with invisible and control characters written as ``\\uXXXX`` escapes.

    Messages quote values from the file. A right-to-left override or a zero-width character
    echoed into a terminal or a CI log would make the finding display differently from what it
    says (the same "Trojan Source" trick the text rules refuse in records).
    """
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() or char == " " else _escape(char) for char in text
    )


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


@functools.cache
def _all_field_names() -> list[str]:
    """Every field name of every record model, for 'did you mean' hints."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = list(SCHEMA_MODELS.values())
    visited: set[type[BaseModel]] = set()
    while pending:
        model = pending.pop()
        if model in visited:
            continue
        visited.add(model)
        names.update(model.model_fields)
        for field_info in model.model_fields.values():
            pending.extend(_models_in(field_info.annotation))
    return sorted(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(argument))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        found.extend(_models_in(origin))
    return found


@functools.lru_cache(maxsize=1024)
def _suggest(name: str) -> str:
    if len(name) > _MAX_SUGGESTED_NAME:
        return ""
    close = difflib.get_close_matches(name, _all_field_names(), n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""
