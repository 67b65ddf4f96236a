"""Parquet copies of the tables, for when pyarrow is installed (the ``parquet`` extra).

Parquet is a convenience for analysts (typed columns, fast scans); it is not part of the
committed release: its bytes carry the writing library's version, so two machines with
different pyarrow versions would never agree on them. The builder writes them into
``dataset/parquet/`` with a ``.gitignore`` of their own, the wheel leaves them out, and
``build --check`` does not compare them.
"""

from __future__ import annotations

import importlib.util
import io
from typing import Any

from .container import Dataset
from .names import PARQUET_DIR
from .tables import TABLES, Table, cell


def available() -> bool:
    """True when pyarrow can be imported (without importing it)."""
    return importlib.util.find_spec("pyarrow") is not None


def render_parquet(table: Table, release: Dataset) -> bytes:
    """One table as Parquet bytes (zstd-compressed, JSON lists kept as JSON text)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types: dict[str, Any] = {
        "string": pa.string(),
        "array": pa.string(),
        "integer": pa.int64(),
        "number": pa.float64(),
        "date": pa.date32(),
    }
    columns: list[list[Any]] = [[] for _ in table.columns]
    for row in table.rows(release):
        for index, (column, value) in enumerate(zip(table.columns, row, strict=True)):
            if column.type == "array" and value is not None:
                value = cell(value)
            elif column.type == "number" and value is not None:
                value = float(value)
            columns[index].append(value)
    schema = pa.schema(
        [
            pa.field(column.name, types[column.type], nullable=not column.required,
                     metadata={"description": column.description})
            for column in table.columns
        ]
    )
    arrow_table = pa.Table.from_arrays(
        [pa.array(values, type=schema.field(i).type) for i, values in enumerate(columns)],
        schema=schema,
    )
    buffer = io.BytesIO()
    pq.write_table(arrow_table, buffer, compression="zstd")
    return buffer.getvalue()


def render_all(release: Dataset) -> dict[str, bytes]:
    """Every table as ``parquet/<name>.parquet`` plus the folder's ``.gitignore``."""
    files = {f"{PARQUET_DIR}/.gitignore": b"# Written by iraq-ct-news build; never committed.\n*\n"}
    for table in TABLES:
        files[f"{PARQUET_DIR}/{table.name}.parquet"] = render_parquet(table, release)
    return files
