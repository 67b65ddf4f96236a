"""The flat tables are declared so that a row cannot disagree with its columns."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Annotated, NamedTuple

import pytest

from iraq_ct_news.release.container import Dataset
from iraq_ct_news.release.table_model import ColumnSpec, foreign_key, table
from iraq_ct_news.release.tables import TABLES


def test_every_table_s_columns_are_its_row_class_fields() -> None:
    for declared in TABLES:
        row_type = typing.get_type_hints(declared.rows)["return"].__args__[0]
        assert tuple(c.name for c in declared.columns) == row_type._fields, declared.name
        with pytest.raises(TypeError):
            row_type(*range(len(row_type._fields) - 1))  # one cell short


class _Pair(NamedTuple):
    key: Annotated[str, ColumnSpec("string", "A key.", True)]
    value: Annotated[int, ColumnSpec("integer", "A value.")]


class _Undeclared(NamedTuple):
    key: Annotated[str, ColumnSpec("string", "A key.", True)]
    value: int


def _pairs(release: Dataset) -> Iterator[_Pair]:
    yield _Pair("a", 1)


def _undeclared(release: Dataset) -> Iterator[_Undeclared]:
    yield _Undeclared("a", 1)


def test_a_column_without_a_declaration_is_refused() -> None:
    with pytest.raises(TypeError, match="value"):
        table("t", "T", "A table.", _Undeclared, _undeclared, ("key",))


def test_a_key_naming_no_column_is_refused() -> None:
    with pytest.raises(ValueError, match="missing"):
        table("t", "T", "A table.", _Pair, _pairs, ("missing",))
    with pytest.raises(ValueError, match="other"):
        table("t", "T", "A table.", _Pair, _pairs, ("key",), (foreign_key("other", "x", "id"),))
    declared = table("t", "T", "A table.", _Pair, _pairs, ("key",))
    assert [(c.name, c.type, c.required) for c in declared.columns] == [
        ("key", "string", True), ("value", "integer", False),
    ]
