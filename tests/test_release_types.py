"""Types survive every tool: each release file read with pandas (the card's call), DuckDB
(the shipped typed views), Hugging Face ``datasets`` (the card's features) and pyarrow comes
back with the declared types, and codes and dates stay strings."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from iraq_ct_news.release.card import CONFIG_MODELS
from iraq_ct_news.release.tables import TABLES

from .conftest import REPOSITORY
from .tool_support import require

DATASET = REPOSITORY / "dataset"
JSONL_FILES = [f"{name}.jsonl" for name in CONFIG_MODELS]


@pytest.fixture
def in_dataset() -> Iterator[Path]:
    """The card's examples use paths relative to the release folder."""
    before = Path.cwd()
    os.chdir(DATASET)
    try:
        yield DATASET
    finally:
        os.chdir(before)


def card_front_matter() -> dict[str, Any]:
    text = (DATASET / "README.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(front, dict)
    return front


def card_code(language: str, containing: str) -> str:
    text = (DATASET / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)
    return next(block for block in blocks if containing in block)


def jsonl_records(name: str) -> list[dict[str, Any]]:
    lines = (DATASET / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def csv_cells(table_name: str, column: str) -> list[str]:
    import csv

    with (DATASET / "tables" / f"{table_name}.csv").open(encoding="utf-8", newline="") as stream:
        return [row[column] for row in csv.DictReader(stream)]


def test_card_licence_is_complete() -> None:
    front = card_front_matter()
    assert front["license"] == "other"
    assert front["license_name"] and front["license_link"].startswith("https://")


def test_card_declares_features_for_every_config() -> None:
    front = card_front_matter()
    configs = {entry["config_name"] for entry in front["configs"]}
    declared = {entry["config_name"] for entry in front["dataset_info"]}
    assert configs == declared
    for entry in front["dataset_info"]:
        assert entry["features"], entry["config_name"]


def test_pandas_reads_the_declared_types(in_dataset: Path) -> None:
    pd = require("pandas")
    namespace: dict[str, Any] = {}
    exec(card_code("python", "def read_table"), namespace)  # the card's own call
    read_table = namespace["read_table"]
    expected = {"string": pd.StringDtype(), "integer": pd.Int64Dtype(),
                "number": pd.Float64Dtype(), "date": pd.StringDtype(),
                "array": pd.StringDtype()}
    for table in TABLES:
        frame = read_table(table.name)
        for column in table.columns:
            assert frame[column.name].dtype == expected[column.type], (table.name, column.name)
            if column.type in ("string", "date", "array"):
                cells = csv_cells(table.name, column.name)
                assert [("" if pd.isna(v) else v) for v in frame[column.name]] == cells
    assert list(read_table("cameo")["code"]) == csv_cells("cameo", "code")
    for name in JSONL_FILES:
        frame = pd.read_json(name, lines=True, dtype=False)
        records = jsonl_records(name)
        for column in frame.columns:
            for value, record in zip(frame[column], records, strict=True):
                if isinstance(record[column], str):
                    assert value == record[column], (name, column)


def test_duckdb_views_have_the_declared_types(in_dataset: Path) -> None:
    duckdb = require("duckdb")
    names = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE",
             "array": "VARCHAR"}
    connection = duckdb.connect()
    connection.execute((DATASET / "duckdb.sql").read_text(encoding="utf-8"))
    for table in TABLES:
        described = connection.execute(f'DESCRIBE "{table.name}"').fetchall()
        assert [(row[0], row[1]) for row in described] == [
            (column.name, names[column.type]) for column in table.columns
        ], table.name
        count = connection.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()
        assert count == (len(csv_cells(table.name, table.columns[0].name)),)
    codes = [row[0] for row in connection.execute("SELECT code FROM cameo").fetchall()]
    assert codes == csv_cells("cameo", "code") and all(len(code) >= 3 for code in codes)
    joined = connection.execute(card_code("sql", "JOIN").replace(".read duckdb.sql\n", ""))
    assert joined.fetchall()


def test_datasets_uses_the_declared_features(tmp_path: Path) -> None:
    datasets = require("datasets")
    front = card_front_matter()
    for entry in front["dataset_info"]:
        name = entry["config_name"]
        loaded = datasets.load_dataset(
            str(DATASET), name, split="train", cache_dir=str(tmp_path / "cache")
        )
        assert loaded.features == datasets.Features._from_yaml_list(entry["features"]), name
        records = [json.loads(line) for line in _config_lines(front, name)]
        # Every value comes back as written: dates as dates of the same day, EDTF as its text;
        # a member the file omits at its default (``proposed``) comes back null.
        assert [_without_omitted(_plain(row), record) for row, record in
                zip(loaded, records, strict=True)] == records, name


def _without_omitted(loaded: Any, written: Any) -> Any:
    """``loaded`` without the members ``written`` omits, which must have come back null."""
    if isinstance(loaded, dict) and isinstance(written, dict):
        for key in set(loaded) - set(written):
            assert loaded[key] is None, key
        return {key: _without_omitted(loaded[key], written[key]) for key in written if key in loaded}
    if isinstance(loaded, list) and isinstance(written, list) and len(loaded) == len(written):
        return [_without_omitted(a, b) for a, b in zip(loaded, written, strict=True)]
    return loaded


def _plain(value: Any) -> Any:
    import datetime

    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _config_lines(front: dict[str, Any], name: str) -> list[str]:
    config = next(c for c in front["configs"] if c["config_name"] == name)
    text = (DATASET / config["data_files"]).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def test_pyarrow_reads_every_file() -> None:
    pa = require("pyarrow")
    import pyarrow.csv as pacsv
    import pyarrow.json as pajson

    for name in JSONL_FILES:
        table = pajson.read_json(DATASET / name)
        assert table.num_rows == len(jsonl_records(name)), name
    cameo = pajson.read_json(DATASET / "cameo.jsonl")
    assert cameo.schema.field("code").type == pa.string()
    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
             "date": pa.date32(), "array": pa.string()}
    for table in TABLES:
        read = pacsv.read_csv(
            DATASET / table.path,
            convert_options=pacsv.ConvertOptions(
                column_types={c.name: types[c.type] for c in table.columns},
                null_values=[""], strings_can_be_null=True,
            ),
        )
        assert [field.type for field in read.schema] == [types[c.type] for c in table.columns]
