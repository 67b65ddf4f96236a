"""Hugging Face ``datasets`` features for every JSON Lines file, derived from the models.

``datasets`` otherwise guesses each column's type from the values it happens to see: an EDTF
date that looks like a day becomes a timestamp, a column that is null in every row becomes
``null``, and one new value of another shape flips the type of the whole column. Declaring the
features in the card fixes each column's type from the model, whatever the values are: dates
and codes are strings, counts are integers, lists and objects keep their shape.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..models.edtf import EDTF_PATTERN, ISO_DATE_PATTERN, anchored

ISO_PATTERN = anchored(ISO_DATE_PATTERN)
EDTF_FEATURE_PATTERN = anchored(EDTF_PATTERN)

Feature = dict[str, Any]
"""One feature in the card's YAML form without its name: ``{"dtype": "string"}``,
``{"list": ...}`` or ``{"struct": [...]}``."""

_SCALARS = {"string": "string", "integer": "int64", "number": "float64", "boolean": "bool"}


def model_features(model: type[BaseModel]) -> list[dict[str, Any]]:
    """The features of ``model``'s JSON form, in field order, as the card's YAML list."""
    schema = model.model_json_schema(mode="serialization")
    return _struct(schema, schema.get("$defs", {}))


def _resolve(schema: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = defs[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _struct(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"name": name, **_feature(member, defs)}
        for name, member in schema.get("properties", {}).items()
    ]


def _branches(schema: dict[str, Any], defs: dict[str, Any]) -> list[dict[str, Any]]:
    """The non-null alternatives of a schema, references resolved."""
    schema = _resolve(schema, defs)
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives is None:
        return [] if schema.get("type") == "null" else [schema]
    return [branch for item in alternatives for branch in _branches(item, defs)]


def _feature(schema: dict[str, Any], defs: dict[str, Any]) -> Feature:
    declared = _declared(schema, defs)
    if declared is not None:
        return declared
    branches = _branches(schema, defs)
    if not branches:
        return {"dtype": "null"}
    if all(_kind(branch) == "object" for branch in branches):
        # A union of records (a discriminated union of identifier schemes): one struct holding
        # every member any branch has, since a column has one type.
        merged: dict[str, Any] = {}
        for branch in branches:
            for name, member in branch.get("properties", {}).items():
                merged.setdefault(name, member)
        return {"struct": _struct({"properties": merged}, defs)}
    if all(_kind(branch) == "array" for branch in branches):
        items = [_resolve(branch.get("items", {}), defs) for branch in branches]
        inner = _feature({"anyOf": items}, defs) if len(items) > 1 else _feature(items[0], defs)
        if "dtype" in inner:
            return {"list": inner["dtype"]}
        return {"list": inner["struct"] if "struct" in inner else inner}
    kinds = {_kind(branch) for branch in branches}
    if kinds == {"integer", "number"}:
        return {"dtype": "float64"}  # a figure's value: 30 or 2.5
    if len(kinds) == 1 and (kind := kinds.pop()) in _SCALARS:
        return {"dtype": _SCALARS[kind]}
    raise TypeError(f"no single Hugging Face type for a value of types {sorted(map(_kind, branches))}")


def _declared(schema: dict[str, Any], defs: dict[str, Any]) -> Feature | None:
    """Dates, which pyarrow's JSON reader (under ``datasets``) would take for timestamps.

    A calendar date (``created``, ``modified``) is a ``date32``: always a whole day, so the
    timestamp pyarrow infers casts to it exactly. An EDTF date is ``json``: ``datasets`` then
    hands pyarrow the value as JSON text, so ``2018-04-11`` is not read as a timestamp (and cast
    back as ``2018-04-11 00:00:00``) and ``2018-04`` does not change the column's type; the
    value comes back as the string written.
    """
    for branch in _branches(schema, defs):
        if branch.get("pattern") == ISO_PATTERN:
            return {"dtype": "date32"}
        if branch.get("pattern") == EDTF_FEATURE_PATTERN:
            return {"dtype": "json"}
    return None


def _kind(schema: dict[str, Any]) -> str:
    """The JSON type of a schema: its ``type``, or the type of its ``const``/``enum`` values."""
    if "type" in schema:
        return str(schema["type"])
    values = schema.get("enum", [schema["const"]] if "const" in schema else [])
    types = {type(value) for value in values}
    if types == {str}:
        return "string"
    if types <= {int} and types:
        return "integer"
    if "properties" in schema:
        return "object"
    raise TypeError(f"no JSON type in schema {schema}")
