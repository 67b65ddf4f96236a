"""A Datasette plugin: the search box and ``_search`` of an exported database find what
``iraq-ct-news search`` finds.

The database's full-text index holds each article's normalised search key (see :mod:`.sqlite`);
this plugin normalises the query the same way, by replacing Datasette's ``escape_fts`` (the SQL
function its search runs the query through) on connections to a database this package wrote.
Other databases served by the same Datasette keep Datasette's own function. Datasette finds the
plugin through the ``datasette`` entry point in ``pyproject.toml``, so installing this package in
Datasette's environment is all it takes; ``_searchmode=raw`` bypasses it, as it bypasses
Datasette's escaping.
"""

from __future__ import annotations

import importlib
import sqlite3
from collections.abc import Callable

from .sqlite import FTS_DECLARATION, FTS_TABLE, fts_query

_Hook = Callable[[sqlite3.Connection], None]


def _marker() -> Callable[[_Hook], _Hook]:
    """Datasette's ``hookimpl(trylast=True)``: run after Datasette's own ``prepare_connection``,
    which defines ``escape_fts``. Without Datasette (the module imported on its own) the
    function is left as it is."""
    try:
        marker: Callable[[_Hook], _Hook] = importlib.import_module("datasette").hookimpl(
            trylast=True
        )
    except ImportError:
        return lambda function: function
    return marker


def is_release_database(connection: sqlite3.Connection) -> bool:
    """Whether ``connection`` is to a database ``iraq-ct-news export sqlite`` wrote."""
    try:
        row = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,)
        ).fetchone()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == FTS_DECLARATION


@_marker()
def prepare_connection(conn: sqlite3.Connection) -> None:
    if is_release_database(conn):
        conn.create_function("escape_fts", 1, fts_query, deterministic=True)
