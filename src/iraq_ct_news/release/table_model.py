"""What a flat table is, and how one is written as CSV.

A table's columns are the fields of its row class, a :class:`~typing.NamedTuple` whose every
field is annotated with a :class:`ColumnSpec` (Table Schema type and description). The row
function builds instances of that class, so a row has the table's columns by construction: mypy
checks each row against the fields (their number, order and types), and Python refuses a row
with a missing or an extra cell when it is made. :func:`table` reads the columns from the row
class and checks that every key names one of them.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, TypeVar

from .container import Dataset
from .names import TABLES_DIR

ColumnType = Literal["string", "integer", "number", "date", "array"]
Row = tuple[Any, ...]
R = TypeVar("R", bound=tuple[Any, ...])


@dataclass(frozen=True)
class ColumnSpec:
    """What a row class's field annotation says about its column (the name is the field's)."""

    type: ColumnType
    description: str
    required: bool = False
    unique: bool = False


@dataclass(frozen=True)
class Column(ColumnSpec):
    """A column of a table: its row class field's name and declaration."""

    name: str = field(kw_only=True)


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    """Name of the referenced table ("" for the table itself)."""
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[Dataset], Iterator[Row]]

    @property
    def path(self) -> str:
        """Path of the CSV file inside the release folder."""
        return f"{TABLES_DIR}/{self.name}.csv"


def columns_of(row_type: type[NamedTuple]) -> tuple[Column, ...]:
    """The columns a row class declares, in field order (TypeError for an undeclared field)."""
    hints = typing.get_type_hints(row_type, include_extras=True)
    columns = []
    for name in row_type._fields:
        specs = [m for m in getattr(hints[name], "__metadata__", ()) if isinstance(m, ColumnSpec)]
        if len(specs) != 1:
            raise TypeError(f"{row_type.__name__}.{name} needs one ColumnSpec annotation")
        spec = specs[0]
        columns.append(Column(spec.type, spec.description, spec.required, spec.unique, name=name))
    return tuple(columns)


def foreign_key(fields: str, resource: str, reference: str) -> ForeignKey:
    """A foreign key from comma-separated column names (``"article_id,event_id"``)."""
    return ForeignKey(tuple(fields.split(",")), resource, tuple(reference.split(",")))


def table(
    name: str,
    title: str,
    description: str,
    row_type: type[R],
    rows: Callable[[Dataset], Iterator[R]],
    primary_key: tuple[str, ...],
    foreign_keys: tuple[ForeignKey, ...] = (),
) -> Table:
    """A table whose columns are ``row_type``'s fields and whose rows ``rows`` yields.

    Refuses (ValueError) a key naming a column the table does not have.
    """
    columns = columns_of(typing.cast("type[NamedTuple]", row_type))
    names = {column.name for column in columns}
    keyed = set(primary_key).union(*(key.fields for key in foreign_keys))
    if not keyed <= names:
        raise ValueError(f"table {name}: keys name unknown columns {sorted(keyed - names)}")
    return Table(name, title, description, columns, primary_key, foreign_keys, rows)


def cell(value: Any) -> str:
    """A value as CSV text: empty for null, ISO dates, JSON for lists and objects."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    raise TypeError(f"no CSV form for {type(value).__name__}")


def render_csv(table: Table, release: Dataset) -> bytes:
    """The table as UTF-8 CSV (RFC 4180 quoting, LF line ends, header row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    for row in table.rows(release):
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8")
