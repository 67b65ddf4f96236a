"""``duckdb.sql``: every table as a DuckDB view with its declared column types.

DuckDB's CSV sniffer guesses a column's type from its values, so the CAMEO code ``040`` becomes
the number 40 and a date column whose values all look like days becomes ``DATE`` until one row
says ``2018-04``. The views read each CSV with the types declared in :mod:`.tables` (the same
declaration ``datapackage.json`` is written from), and nothing is guessed. Paths are relative to
the release folder: the shell runs the script from there (``.read duckdb.sql``); Python sets
``file_search_path`` to the folder first, and the views then work from any working folder.
"""

from __future__ import annotations

from .tables import TABLES, ColumnType

DUCKDB_SQL = "duckdb.sql"

_TYPES: dict[ColumnType, str] = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "date": "DATE",
    "array": "VARCHAR",  # JSON text, as in the CSV
}


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def render_duckdb() -> bytes:
    lines = [
        "-- iraq-ct-news: the release tables as DuckDB views with their declared types.",
        "-- Shell, from the release folder: .read duckdb.sql",
        "-- Python, from anywhere: con.execute(\"SET file_search_path = '/path/to/release'\"),",
        "-- then con.execute(open('/path/to/release/duckdb.sql').read()).",
    ]
    for table in TABLES:
        columns = ", ".join(
            f"{_quoted(column.name)}: {_quoted(_TYPES[column.type])}" for column in table.columns
        )
        lines.append(
            f'CREATE OR REPLACE VIEW "{table.name}" AS SELECT * FROM read_csv('
            f"{_quoted(table.path)}, header = true, auto_detect = false, delim = ',', "
            f"quote = '\"', escape = '\"', nullstr = '', columns = {{{columns}}});"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")
