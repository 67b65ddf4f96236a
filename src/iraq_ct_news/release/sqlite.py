"""``iraq-ct-news export sqlite PATH``: the release as one SQLite database, ready for Datasette.

Every table of :mod:`.tables` with its declared column types, primary key and foreign keys
(SQLite enforces them when ``PRAGMA foreign_keys`` is on; Datasette links the single-column
ones, which is why the tables carry one-column event keys beside the two-column ones), views
for the joins people ask for first, and a full-text index.

The full-text index answers exactly what :meth:`iraq_ct_news.Dataset.search` answers: it holds,
per article, the same search key (:func:`.search.article_key`, built on
:func:`iraq_ct_news.core.arabic.search_key`, the package's one normaliser), under FTS5's ``trigram``
tokenizer, so a quoted phrase matches any substring of the key as the package's search does
(``العراق`` finds ``والعراق``; ``مكافحه`` finds ``مكافحة``). A query is normalised by
:func:`fts_query`; in Datasette, the plugin :mod:`.datasette_plugin` (loaded automatically when
this package is installed beside Datasette) does it for the search box and ``_search``. A
trigram index cannot look up fewer than three characters: such a query finds nothing here,
while ``Dataset.search`` scans.

The database is built in memory and written through a temporary file and a rename, so a failed
export leaves no partial file behind; the Datasette metadata goes to a JSON file beside it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from ..core.errors import BuildError
from ..store.writer import Writer
from .container import Dataset
from .datapackage import ANNOTATION_LICENSE, DESCRIPTION, TEXT_RIGHTS
from .search import article_key, text_key
from .tables import TABLES, ColumnType, Table, cell

_SQL_TYPES: dict[ColumnType, str] = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "date": "TEXT",
    "array": "TEXT",  # JSON text
}
FTS_TABLE = "articles_fts"

#: The common joins, as (name, description, SQL).
VIEWS: tuple[tuple[str, str, str], ...] = (
    (
        "quotes_with_speakers",
        "Every quotation with its speaker's names and the article's headline.",
        """SELECT q.article_id, q.quote_id, q.speaker_id, s.kind AS speaker_kind,
  s.name_en AS speaker_name_en, s.name_ar AS speaker_name_ar, q.delivery,
  q.delivered_by_id, q.on_behalf_of_id, q.event_id, q.exact, q.scope, q.start, q."end",
  a.headline_en, a.published
FROM quotes q JOIN entities s ON s.id = q.speaker_id JOIN articles a ON a.id = q.article_id""",
    ),
    (
        "mentions_with_entities",
        "Every mention with the entity it names.",
        """SELECT m.article_id, m.mention_index, m.entity_id, e.kind AS entity_kind,
  e.name_en AS entity_name_en, e.name_ar AS entity_name_ar, m.title_as_stated, m.exact,
  m.scope, m.start, m."end"
FROM mentions m JOIN entities e ON e.id = m.entity_id""",
    ),
    (
        "events_with_actors",
        "Every organiser and participant of every event, with the event's code and date.",
        """SELECT ev.article_id, ev.event_id, ev.event_key, ev.kind, ev.cameo,
  c.label AS cameo_label, ev.status, ev.date, ev.date_earliest, ev.date_latest,
  ev.place_id, act.role, act.position, act.entity_id, e.kind AS entity_kind,
  e.name_en AS entity_name_en, e.name_ar AS entity_name_ar
FROM events ev JOIN event_actors act ON act.event_key = ev.event_key
JOIN entities e ON e.id = act.entity_id LEFT JOIN cameo c ON c.code = ev.cameo""",
    ),
)


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: Table) -> str:
    """``CREATE TABLE`` for one declared table: types, NOT NULL, keys."""
    parts = []
    for column in table.columns:
        text = f"{_identifier(column.name)} {_SQL_TYPES[column.type]}"
        if column.required:
            text += " NOT NULL"
        if column.unique:
            text += " UNIQUE"
        parts.append(text)
    parts.append(f"PRIMARY KEY ({', '.join(map(_identifier, table.primary_key))})")
    for key in table.foreign_keys:
        target = key.resource or table.name
        parts.append(
            f"FOREIGN KEY ({', '.join(map(_identifier, key.fields))}) "
            f"REFERENCES {_identifier(target)} ({', '.join(map(_identifier, key.reference))})"
        )
    return f"CREATE TABLE {_identifier(table.name)} (\n  " + ",\n  ".join(parts) + "\n)"


def _value(value: Any, type_: ColumnType) -> Any:
    """A cell as SQLite stores it: numbers as numbers, everything else as the CSV's text."""
    if value is None:
        return None
    if type_ in ("integer", "number") and isinstance(value, (int, float)):
        return value
    return cell(value)


#: The FTS5 declaration of the index; the Datasette plugin recognises a database of this package
#: by it.
FTS_DECLARATION = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
    "id UNINDEXED, search_key, tokenize = 'trigram case_sensitive 1')"
)


def fts_query(text: str) -> str:
    """An FTS5 ``MATCH`` expression for a reader's query: its search key as one quoted phrase,
    which the trigram index matches anywhere in an article's key, as ``Dataset.search`` does."""
    return '"' + text_key(text).replace('"', '""') + '"'


def build_database(release: Dataset) -> sqlite3.Connection:
    """The release as an in-memory SQLite database."""
    connection = sqlite3.connect(":memory:")
    # Keys are not enforced while loading (tables are filled in declaration order, children
    # before some parents); export_sqlite checks them all once everything is in.
    with connection:
        for table in TABLES:
            connection.execute(create_table_sql(table))
        for table in TABLES:
            placeholders = ", ".join("?" for _ in table.columns)
            connection.executemany(
                f"INSERT INTO {_identifier(table.name)} VALUES ({placeholders})",
                (
                    tuple(_value(v, c.type) for v, c in zip(row, table.columns, strict=True))
                    for row in table.rows(release)
                ),
            )
        for name, _, sql in VIEWS:
            connection.execute(f"CREATE VIEW {_identifier(name)} AS {sql}")
        connection.execute(FTS_DECLARATION)
        connection.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, id, search_key) "
            "SELECT rowid, id, ? FROM articles WHERE id = ?",
            ((article_key(a), a.id) for a in release.articles.values()),
        )
    return connection


#: Columns that hold the publishers' Arabic words (whole texts or quoted spans): a table with
#: any of them is not the curators' to license.
TEXT_COLUMNS = frozenset({"headline_ar", "body", "exact", "byline", "dateline"})
TEXT_LICENSE = "Arabic texts © their publishers, not licensed; the rest CC BY 4.0"
TEXT_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


def table_license(columns: set[str]) -> dict[str, str]:
    """Datasette's ``license``/``license_url`` for a table with these columns: CC BY 4.0 for
    the curators' annotations, a plain statement where the publishers' words are included."""
    if columns & TEXT_COLUMNS:
        return {"license": TEXT_LICENSE, "license_url": TEXT_LICENSE_URL}
    return {"license": "CC BY 4.0 (curated annotations)",
            "license_url": ANNOTATION_LICENSE["path"]}


def datasette_metadata(release: Dataset, database: str) -> dict[str, Any]:
    """Datasette's ``metadata.json``: titles, descriptions, a licence per table, column
    descriptions, and the full-text table for ``articles``."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        tables[table.name] = {
            "title": table.title,
            "description": table.description,
            **table_license({column.name for column in table.columns}),
            "columns": {column.name: column.description for column in table.columns},
        }
    tables["articles"].update({"fts_table": FTS_TABLE, "fts_pk": "rowid"})
    for name, description, sql in VIEWS:
        tables[name] = {
            "description": description,
            **table_license(set(re.findall(r"\w+", sql))),
        }
    tables[FTS_TABLE] = {
        "hidden": True,
        "description": "Full-text index of each article's search key (the package's Arabic "
        "normalisation), trigram-tokenised: search it with iraq_ct_news.release.sqlite.fts_query; "
        "Datasette's search box does this through the plugin the package ships.",
    }
    return {
        "title": f"iraq-ct-news {release.version}",
        "description": DESCRIPTION,
        "source": "iraq-ct-news curated release",
        "databases": {database: {"description": TEXT_RIGHTS, "tables": tables}},
    }


def metadata_path(database: Path) -> Path:
    """Where the Datasette metadata for ``database`` is written: ``NAME.metadata.json``."""
    return database.with_name(f"{database.stem}.metadata.json")


def export_sqlite(release: Dataset, path: Path) -> list[Path]:
    """Write the database to ``path`` and its Datasette metadata beside it; returns both."""
    try:
        connection = build_database(release)
    except sqlite3.IntegrityError as error:  # a release folder edited by hand
        raise BuildError(
            f"the release breaks a constraint of its tables ({error}); rebuild the release with "
            "`iraq-ct-news build`"
        ) from None
    try:
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # a release folder edited by hand
            table, row, parent, _ = problems[0]
            raise BuildError(
                f"{len(problems)} reference(s) in the release name no record (the first: "
                f"{table} row {row} refers to a missing {parent}); rebuild the release with "
                "`iraq-ct-news build`"
            )
        data = connection.serialize()
    finally:
        connection.close()
    Writer(path.parent).write_path(path, data)
    metadata = metadata_path(path)
    document = datasette_metadata(release, path.stem)
    Writer(metadata.parent).write_path(
        metadata, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    )
    return [path, metadata]
