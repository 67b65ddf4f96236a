"""Helpers shared by the tests that compare the models with the committed JSON Schemas."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from jsonschema.protocols import Validator

from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.models.layout import FileKind
from iraq_ct_news.reading.yamlreader import resolve_plain_scalar

REPOSITORY = Path(__file__).resolve().parent.parent


def _is_strict_integer(checker: Any, instance: Any) -> bool:
    # JSON Schema counts 1.0 as an integer; records do not ("1.0" in YAML is a float), and
    # neither does the model. Python's bool is an int subclass and is excluded as usual.
    return isinstance(instance, int) and not isinstance(instance, bool)


_TYPE_CHECKER = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", _is_strict_integer
)
StrictDraft202012 = jsonschema.validators.extend(
    jsonschema.Draft202012Validator, type_checker=_TYPE_CHECKER
)


@cache
def committed_schema(kind: FileKind) -> dict[str, Any]:
    path = REPOSITORY / "schema" / f"{kind}.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@cache
def schema_validator(kind: FileKind) -> Validator:
    schema = committed_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator: Validator = StrictDraft202012(schema)
    return validator


class RecordDumper(yaml.SafeDumper):
    """Writes records so the strict reader reads back exactly the same values.

    PyYAML decides quoting by YAML 1.1 rules; the reader resolves JSON scalars. A string such as
    ``1e5`` is plain for YAML 1.1 but a number for JSON, so such strings are quoted.
    """


_LINE_BREAKS_YAML_FOLDS = frozenset("\x85\u2028\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    node = dumper.represent_scalar("tag:yaml.org,2002:str", value)
    if any(char in _LINE_BREAKS_YAML_FOLDS or not (char.isprintable() or char == "\n") for char in value):
        # PyYAML writes NEL and U+2028/9 raw in plain or single-quoted style, where a reader
        # takes them for line breaks; double quotes escape them (\N, \L, \P).
        node.style = '"'
    elif _reads_as_other_than(value) or value != value.strip():
        node.style = "'" if "\n" not in value else '"'
    return node


def _reads_as_other_than(value: str) -> bool:
    """True when the strict reader would not read ``value``, written plain, as this string."""
    try:
        return not isinstance(resolve_plain_scalar(value), str)
    except ReaderError:  # e.g. a 40-digit string: plain, it is an out-of-range integer
        return True


RecordDumper.add_representer(str, _represent_str)


def dump_record(data: Any) -> str:
    return yaml.dump(data, Dumper=RecordDumper, allow_unicode=True, sort_keys=False, width=100)
