"""The record format (S001–S004, D001): what the model refuses, as located findings.

Pydantic's errors name union branches and validator steps that are not in the data; they are
turned here into the data path of the field, a code and a message a curator can act on.
"""

from __future__ import annotations

import difflib
import functools
from typing import Any

import pydantic
from pydantic import BaseModel

from ...models.edtf import SUBSET
from ...models.kinds import SCHEMA_MODELS
from ...reading.yamlreader import PathKey
from ..report import format_path
from .base import Code, Stage, declare

#: Read by :mod:`.catalog`: these codes are raised while a file is read, before any check.
STAGE = Stage.FILE

S001 = declare(
    "S001", "missing field", "error",
    "A required field is absent. Every record states its fields explicitly; an empty list "
    "(`[]`) or `null` says 'none' where the schema allows it.",
    "Add the field; `iraq-ct-news schema` writes the JSON Schemas that list every field.",
)
S002 = declare(
    "S002", "unknown field", "error",
    "The field is not part of the record format (often a typo). Unknown fields are refused "
    "so that a misspelled field is never silently ignored.",
    "Correct the spelling or remove the field.",
)
S003 = declare(
    "S003", "wrong type", "error",
    "The value has the wrong JSON type: text where a number is needed, a number where text "
    "is needed, a list instead of a mapping. No lax conversion is made: `'5'` is not a "
    "number and `yes` is text, not a boolean.",
    "Write the value with the type the message names.",
)
S004 = declare(
    "S004", "invalid value", "error",
    "The value has the right type but is not allowed: not one of the listed choices, not "
    "matching the required pattern (ids are lowercase kebab-case), out of range, empty, or "
    "a placeholder: text whose first word is TODO, as `iraq-ct-news new` writes for every "
    "field a curator fills in.",
    "Use one of the values the message names; replace a placeholder with the real value "
    "(CONTRIBUTING.md says how to curate each field).",
)
D001 = declare(
    "D001", "invalid date", "error",
    "Dates are EDTF strings (2018-04-11, 2018-04, 2018, intervals 2016-10-17/2017-07-10, "
    "qualifiers ? and ~) or, for `created`/`modified`, ISO dates (YYYY-MM-DD). A date must "
    f"exist in the calendar. The {SUBSET}.",
    "Write the date as EDTF, with no more precision than the evidence gives.",
)
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
#: "Did you mean" hints are worked out for this many unknown fields per file, and for names up
#: to this length: a file with more is not a typo, and each hint compares against every field
#: name, which thousands of hostile keys would turn into seconds of work.
_MAX_SUGGESTIONS = 50
_MAX_SUGGESTED_NAME = 64


def translate_model_errors(
    error: pydantic.ValidationError, data: Any
) -> list[tuple[Code, PathKey, str, bool]]:
    """Pydantic's errors as ``(code, data path, message, located on the key)``, one per spot."""
    translated: list[tuple[Code, PathKey, str, bool]] = []
    seen: set[tuple[Code, PathKey]] = set()
    unknown = 0
    for item in error.errors(include_url=False):
        kind = item["type"]
        path = data_path(item["loc"], data, keep_last=kind in ("missing", "extra_forbidden"))
        if kind == "extra_forbidden":
            unknown += 1
        code, message, on_key = _describe(kind, path, item, suggest=unknown <= _MAX_SUGGESTIONS)
        if (code, path) in seen:
            continue
        seen.add((code, path))
        translated.append((code, path, message, on_key))
    return translated


def data_path(loc: tuple[int | str, ...], data: Any, *, keep_last: bool) -> PathKey:
    """The part of pydantic's ``loc`` that names fields and items present in ``data``."""
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
) -> tuple[Code, str, bool]:
    where = format_path(path)
    if kind == "missing":
        return S001, f"missing required field '{path[-1] if path else '?'}' in {where}", False
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        hint = _suggest(name) if suggest else ""
        return S002, visible(f"unknown field '{name}'{hint}"), True
    message = visible(f"{where}: {item['msg']}")
    if kind in _TYPE_ERRORS:
        return S003, f"{message} (got {_type_name(item.get('input'))})", False
    if kind in _DATE_ERRORS:
        return D001, message, False
    return S004, message, False


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
    # A name that is a field elsewhere (``ar`` under ``summary``, which is English only) is
    # not suggested back to itself.
    others = [known for known in _all_field_names() if known != name]
    close = difflib.get_close_matches(name, others, n=1, cutoff=0.75)
    return f" (did you mean '{close[0]}'?)" if close else ""
