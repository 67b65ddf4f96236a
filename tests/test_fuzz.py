"""Fuzzing: whatever a pull request does to a valid record, validation answers with findings.

Valid fixture records are mutated structurally (drop, duplicate, retype, reorder, splice text,
swap in values from other records) and byte by byte (flip, insert, delete, duplicate ranges,
splice hostile snippets), written into a copy of the valid tree and validated. The properties:

* ``validate_repository`` returns a result and never raises: every problem is a finding with a
  known rule code and a line and column, and the findings render in every output format;
* ``fmt`` either formats the file without changing its data or refuses it; it never crashes.

CI runs a few dozen examples per property with a fixed seed (``HYPOTHESIS_PROFILE=ci``);
maintainers run thousands with ``HYPOTHESIS_PROFILE=long`` (see SECURITY.md).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from iraq_ct_news.checks.rules.catalog import RULES
from iraq_ct_news.checks.run import validate_repository
from iraq_ct_news.core.errors import ReaderError
from iraq_ct_news.core.findings import render_findings
from iraq_ct_news.models.layout import FileKind, classify
from iraq_ct_news.reading.yamlreader import read_yaml_bytes, read_yaml_text
from iraq_ct_news.store.formatting import FormatRefused, format_record, render, same

from .conftest import VALID_TREE

RECORDS: dict[str, FileKind] = {}
for _path in sorted((VALID_TREE / "curated").rglob("*.yaml")):
    _relative = _path.relative_to(VALID_TREE).as_posix()
    _kind = classify(PurePosixPath(_relative))
    assert _kind is not None
    RECORDS[_relative] = _kind
SEED = "seeds/004_e9dc320f1ba3aa95.txt"
ORIGINAL: dict[str, bytes] = {
    relative: (VALID_TREE / relative).read_bytes() for relative in [*RECORDS, SEED]
}
DATA: dict[str, dict[str, Any]] = {
    relative: read_yaml_bytes(ORIGINAL[relative]).data for relative in RECORDS
}

#: Five times the profile's number of examples: each example takes milliseconds.
FUZZ_SETTINGS = settings(
    max_examples=settings.default.max_examples * 5,
    suppress_health_check=[
        HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the valid tree for the module; each example restores what it changed."""
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    shutil.copytree(VALID_TREE, root)
    yield root


def validate_with(tree: Path, relative: str, content: bytes) -> None:
    """Write ``content`` to ``relative`` in ``tree``, validate, check, restore."""
    target = tree / relative
    target.write_bytes(content)
    try:
        result = validate_repository(tree)
        if currently_in_test_context():  # what the examples reach: --hypothesis-show-statistics
            event("errors" if result.errors else "no error")
            for group in sorted({finding.code[0] for finding in result.errors}):
                event(f"error group {group}")
        for finding in result.findings:
            assert finding.code in RULES, finding
            assert finding.line >= 1 and finding.column >= 1, finding
            assert "\n" not in finding.message, finding
        for output_format in ("text", "json", "github"):
            render_findings(result.findings, output_format)  # type: ignore[arg-type]
    finally:
        target.write_bytes(ORIGINAL[relative])
    if relative in RECORDS:
        _fmt_never_crashes(content, RECORDS[relative])


def _fmt_never_crashes(content: bytes, kind: FileKind) -> None:
    try:
        formatted = format_record(content, kind)
    except FormatRefused as refusal:
        assert refusal.problems and all(line >= 1 for _, _, line, _ in refusal.problems)
        return
    assert same(read_yaml_text(formatted.text).data, read_yaml_bytes(content).data)


# -- structural mutations ---------------------------------------------------------------------

HOSTILE_TEXT = st.sampled_from(
    [
        "\u202e", "\u2067", "\u200f", "\u200b", "\u200d", "\ufeff", "\u00ad", "\x00", "\x07",
        "\t", "\r", "\n", "\n\n\n", "  ", "\u00a0", "\u2028", "\x85", "ﻻ", "ﷲ",
        "\u0627\u0653", "ـ", "٢٠٢١", "'", '"', "«", "»", ": ", " #", "&a", "*a", "!!str",
        "<<", "---", "...", "%", "{", "[", "S/RES/2396 (2017)", "مليون", "fixture-iom",
        "fixture-baghdad", "2021-13-45", "", "\U0001f600", "a" * 300,
    ]
) | st.text(max_size=20)

ANY_VALUE: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | HOSTILE_TEXT,
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "exact", "entity", "en", "ar", "x"]), children,
                      max_size=3),
    max_leaves=8,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


def _with(value: Any, path: tuple[Any, ...], change: Any) -> Any:
    """A copy of ``value`` with the node at ``path`` passed through ``change``."""
    if not path:
        return change(value)
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {k: (_with(v, rest, change) if k == head else v) for k, v in value.items()}
    return [(_with(v, rest, change) if i == head else v) for i, v in enumerate(value)]


def _drop(value: Any, path: tuple[Any, ...]) -> Any:
    if not path:
        return value
    parent = _get(value, path[:-1])

    def without(container: Any) -> Any:
        if isinstance(container, dict):
            return {k: v for k, v in container.items() if k != path[-1]}
        return [v for i, v in enumerate(container) if i != path[-1]]

    return _with(value, path[:-1], without) if isinstance(parent, (dict, list)) else value


@st.composite
def mutated_record(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    relative = draw(st.sampled_from(sorted(RECORDS)))
    data: Any = DATA[relative]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        operation = draw(
            st.sampled_from(["drop", "duplicate", "retype", "reorder", "splice", "borrow"])
        )
        node = _get(data, path)
        if operation == "drop":
            data = _drop(data, path)
        elif operation == "duplicate" and isinstance(node, list) and node:
            index = draw(st.integers(min_value=0, max_value=len(node) - 1))
            data = _with(data, path, lambda items: [*items, items[index]])
        elif operation == "retype":
            data = _with(data, path, lambda _: draw(ANY_VALUE))
        elif operation == "reorder" and isinstance(node, (dict, list)):
            data = _with(data, path, lambda container: _reordered(container, draw))
        elif operation == "splice" and isinstance(node, str):
            position = draw(st.integers(min_value=0, max_value=len(node)))
            insert = draw(HOSTILE_TEXT)
            data = _with(data, path, lambda text: text[:position] + insert + text[position:])
        elif operation == "borrow":
            # A value from another record at the same place: wrong kinds, wrong ids.
            other = DATA[draw(st.sampled_from(sorted(RECORDS)))]
            donor = draw(st.sampled_from(_paths(other)))
            data = _with(data, path, lambda _: _get(other, donor))
    if not isinstance(data, dict):
        data = {"value": data}
    return relative, data


def _reordered(container: Any, draw: st.DrawFn) -> Any:
    if isinstance(container, dict):
        keys = draw(st.permutations(list(container)))
        return {key: container[key] for key in keys}
    return list(draw(st.permutations(container)))


@FUZZ_SETTINGS
@given(mutated_record(), st.booleans())
def test_structurally_mutated_records_give_findings(
    tree: Path, mutation: tuple[str, dict[str, Any]], pyyaml_layout: bool
) -> None:
    relative, data = mutation
    if pyyaml_layout:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    else:
        text = render(data, None)
    validate_with(tree, relative, text.encode("utf-8"))


# -- byte-wise mutations -----------------------------------------------------------------------

SNIPPETS = st.sampled_from(
    [
        b"&a ", b"*a", b"!!python/object/apply:os.system ['true'] ", b"!include x ", b"<<: ",
        b"<<: {a: 1}\n", b"\t", b"\r\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"\xff", b"\xc3",
        b"\xed\xa0\x80", b"[" * 40, b"{a: " * 40, b"---\n", b"...\n", b"? ", b": ", b"- ",
        b"|-\n", b">\n", b'"\\u202e"', b"'", b'"', b"#", b"\n", b"  ", b"%YAML 1.1\n",
        b"9" * 40, b"1e999", b".nan", b"0x1F", "\u202e".encode(), "\u200b".encode(),
        "ﻻ".encode(), b"\xe2\x80", b"id: x\n", b"id: fixture-iom\n", b"seed: ../../etc/passwd\n",
    ]
)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    relative = draw(st.sampled_from([*sorted(RECORDS), SEED]))
    raw = bytearray(ORIGINAL[relative])
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        operation = draw(st.sampled_from(["flip", "insert", "delete", "duplicate", "snippet"]))
        at = draw(st.integers(min_value=0, max_value=len(raw)))
        if operation == "flip" and at < len(raw):
            raw[at] = draw(st.integers(min_value=0, max_value=255))
        elif operation == "insert":
            raw[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            raw[at : at + draw(st.integers(min_value=1, max_value=200))] = b""
        elif operation == "duplicate":
            end = at + draw(st.integers(min_value=1, max_value=200))
            raw[end:end] = raw[at:end]
        elif operation == "snippet":
            raw[at:at] = draw(SNIPPETS)
    return relative, bytes(raw)


@FUZZ_SETTINGS
@given(mutated_bytes())
def test_byte_mutated_files_give_findings(tree: Path, mutation: tuple[str, bytes]) -> None:
    relative, raw = mutation
    validate_with(tree, relative, raw)


@FUZZ_SETTINGS
@given(st.sampled_from(sorted(RECORDS)), st.binary(max_size=2000))
def test_arbitrary_bytes_in_place_of_a_record_give_findings(
    tree: Path, relative: str, raw: bytes
) -> None:
    validate_with(tree, relative, raw)


def test_the_mutation_machinery_restores_the_tree(tree: Path) -> None:
    """Each example starts from the valid tree, so a finding belongs to that example alone."""
    validate_with(tree, SEED, b"changed")
    assert validate_repository(tree).findings == []


def test_a_missing_curated_folder_is_the_only_exception(tmp_path: Path) -> None:
    from iraq_ct_news.core.errors import UsageError

    with pytest.raises(UsageError):
        validate_repository(tmp_path)
    with pytest.raises(ReaderError):
        read_yaml_bytes(b"\xff")
