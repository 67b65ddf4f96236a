"""The models and the committed JSON Schemas give the same verdict, and records round-trip.

Three properties, over every record kind:

* instances generated from the committed schema (hypothesis-jsonschema) are accepted by the model;
* mutations of valid records (a field dropped, a value of the wrong type, a number out of range,
  an unknown key) are accepted or refused by both alike;
* a model instance written as YAML and read back through the strict reader is equal to itself.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from iraq_ct_news.models.kinds import SCHEMA_MODELS
from iraq_ct_news.models.layout import FILE_KINDS, FileKind, curated_files
from iraq_ct_news.reading.yamlreader import read_yaml_file, read_yaml_text

from .conftest import REPOSITORY, VALID_TREE
from .schema_support import committed_schema, dump_record, schema_validator

ARABIC = st.text(
    alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة ًٌٍَُِّْـ،؛؟«»٠١٢٣٤٥٦٧٨٩"),
    min_size=1,
    max_size=40,
).filter(str.strip)


def generation_schema(kind: FileKind) -> dict[str, Any]:
    """The committed schema without its URN ``$id``.

    hypothesis-jsonschema cannot resolve ``#/$defs/...`` references against a ``urn:`` base (it
    reports a remote reference); the ``$id`` plays no part in what the schema accepts.
    Lists are capped at three items for generation only (every instance still satisfies the
    committed schema): uncapped, an article instance is so large that generation starves.
    """
    schema = copy.deepcopy(committed_schema(kind))
    schema.pop("$id")
    _cap_lists(schema)
    return schema


def _cap_lists(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "array":
            node.setdefault("maxItems", 3)
        for value in node.values():
            _cap_lists(value)
    elif isinstance(node, list):
        for value in node:
            _cap_lists(value)


def model_accepts(kind: FileKind, data: Any) -> bool:
    try:
        SCHEMA_MODELS[kind].model_validate(data)
    except pydantic.ValidationError:
        return False
    return True


def valid_records() -> list[tuple[FileKind, dict[str, Any]]]:
    """Every record of the fixture tree and of the repository's own curated tree."""
    records = []
    for root in (VALID_TREE, REPOSITORY):
        for source in curated_files(root):
            if source.kind is None:
                continue
            try:
                data = read_yaml_file(root / source.relative).data
            except Exception:  # noqa: BLE001 - a tree under edit may hold a broken file
                continue
            if model_accepts(source.kind, data):
                records.append((source.kind, data))
    return records


VALID_RECORDS = valid_records()


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_committed_schema_is_valid_draft_2020_12(kind: FileKind) -> None:
    schema = committed_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:iraq-ct-news:schema:")
    schema_validator(kind)  # raises if the schema itself is invalid


def test_every_valid_record_passes_both() -> None:
    assert {kind for kind, _ in VALID_RECORDS} == set(FILE_KINDS)
    for kind, data in VALID_RECORDS:
        assert schema_validator(kind).is_valid(data), kind


WRONG_VALUES: list[Any] = [
    None, True, False, 0, -1, 7, 1.5, 1.0, 10**16, "", " ", "x", "5", "yes", "2018-13-45",
    "2018-02-29", "2016-02-29", "S/RES/2396 (2017)", "Q42", [], ["x"], {}, {"en": "x"},
]


def paths_of(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(paths_of(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(paths_of(item, (*path, index)))
    return found


@st.composite
def mutated_records(draw: st.DrawFn) -> tuple[FileKind, Any, str]:
    kind, original = draw(st.sampled_from(VALID_RECORDS))
    data = copy.deepcopy(original)
    path = draw(st.sampled_from(paths_of(data)))
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    target = data
    for part in path:
        target = target[part]
    mutation = draw(st.sampled_from(["drop", "retype", "number", "unknown-key", "arabic"]))
    if mutation == "drop" and path and isinstance(parent, dict):
        del parent[path[-1]]
    elif mutation == "drop" and path and isinstance(parent, list):
        parent.pop(path[-1])
    elif mutation == "unknown-key" and isinstance(target, dict):
        target[draw(st.sampled_from(["unexpected", "Id", "speaker ", "notes"]))] = "x"
    elif mutation == "number" and path:
        parent[path[-1]] = draw(st.integers(-(2**60), 2**60) | st.floats(allow_nan=False, allow_infinity=False))
    elif mutation == "arabic" and path:
        parent[path[-1]] = draw(ARABIC)
    elif path:
        parent[path[-1]] = copy.deepcopy(draw(st.sampled_from(WRONG_VALUES)))
    return kind, data, f"{mutation} at {path}"


def _normalised(path: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(0 if isinstance(part, int) else part for part in path)


def systematic_mutations() -> list[tuple[FileKind, Any, str]]:
    """Every mutation of every field location of the fixture records (one path per location)."""
    cases = []
    for kind, original in valid_records_of(VALID_TREE):
        seen: set[tuple[Any, ...]] = set()
        for path in paths_of(original):
            if not path or _normalised(path) in seen:
                continue
            seen.add(_normalised(path))
            variants: list[tuple[str, Any]] = [("drop", _DROP)]
            variants += [(f"value {value!r}", value) for value in WRONG_VALUES]
            for label, value in variants:
                data = copy.deepcopy(original)
                parent = data
                for part in path[:-1]:
                    parent = parent[part]
                if value is _DROP:
                    del parent[path[-1]]
                else:
                    parent[path[-1]] = copy.deepcopy(value)
                cases.append((kind, data, f"{label} at {path}"))
            target = original
            for part in path:
                target = target[part]
            if isinstance(target, dict):
                data = copy.deepcopy(original)
                holder = data
                for part in path:
                    holder = holder[part]
                holder["unexpected"] = "x"
                cases.append((kind, data, f"unknown key at {path}"))
    return cases


_DROP = object()


def valid_records_of(root: Path) -> list[tuple[FileKind, dict[str, Any]]]:
    return [
        (source.kind, read_yaml_file(root / source.relative).data)
        for source in curated_files(root)
        if source.kind is not None
    ]


def test_model_and_schema_agree_on_every_mutation_of_every_field() -> None:
    disagreements = []
    for kind, data, description in systematic_mutations():
        by_schema = schema_validator(kind).is_valid(data)
        if by_schema != model_accepts(kind, data):
            disagreements.append((kind, description, "schema accepts" if by_schema else "model accepts"))
    assert disagreements == []


@given(mutated_records())
def test_model_and_schema_agree_on_mutated_records(case: tuple[FileKind, Any, str]) -> None:
    kind, data, description = case
    by_schema = schema_validator(kind).is_valid(data)
    by_model = model_accepts(kind, data)
    assert by_schema == by_model, (description, "schema" if by_schema else "model", "accepts")


#: Examples per kind: article instances are large, and generating them is slow.
GENERATED_EXAMPLES: dict[FileKind, int] = {
    "article": 25, "person": 25, "organization": 25, "place": 25, "themes": 25, "cameo": 40,
}


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_schema_generated_instances_pass_the_model_and_round_trip(kind: FileKind) -> None:
    """What the schema generates, the model accepts; and it survives YAML unchanged."""
    model = SCHEMA_MODELS[kind]

    @settings(
        max_examples=GENERATED_EXAMPLES[kind],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(from_schema(generation_schema(kind)), st.data())
    def check(instance: Any, data: st.DataObject) -> None:
        assert schema_validator(kind).is_valid(instance)
        record = model.model_validate(instance)
        _sprinkle_arabic(instance, data)
        if model_accepts(kind, instance):
            record = model.model_validate(instance)
        text = dump_record(record.model_dump(mode="json"))
        again = model.model_validate(read_yaml_text(text).data)
        assert again == record

    check()


def _sprinkle_arabic(value: Any, data: st.DataObject) -> None:
    """Replace some free-text strings with Arabic, so the round trip covers right-to-left text."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("ar", "exact", "body", "title_as_stated", "title_ar_as_stated") and isinstance(item, str):
                value[key] = data.draw(ARABIC)
            else:
                _sprinkle_arabic(item, data)
    elif isinstance(value, list):
        for item in value:
            _sprinkle_arabic(item, data)


def test_real_records_round_trip_through_yaml() -> None:
    for kind, data in VALID_RECORDS:
        model = SCHEMA_MODELS[kind]
        record = model.model_validate(data)
        text = dump_record(record.model_dump(mode="json"))
        assert model.model_validate(read_yaml_text(text).data) == record


def test_schema_files_are_fresh() -> None:
    from iraq_ct_news.models.schema_export import stale_schemas

    assert stale_schemas(Path(REPOSITORY) / "schema") == []
