"""The flat tables: one CSV per kind of thing, with primary and foreign keys.

Each table is declared once — its row class (the columns: name, Table Schema type,
description), its keys and the function that yields its rows, side by side in the module of
its family (:mod:`.table_articles`, :mod:`.table_events`, :mod:`.table_registries`; what a table
is lives in :mod:`.table_model`) — and the CSV files, the Table Schemas in ``datapackage.json``,
the Parquet files and the SQLite database are all made from that declaration.

References that may point at a person, an organisation *or* a place (a mention's entity, a
quote's speaker, an event's participants) have one foreign key target: ``entities``, the union
of the three registries. Lists inside a record (event organisers and participants, article
themes, a person's positions) become link tables, so every key is a plain column.
"""

from __future__ import annotations

from .table_articles import ARTICLE_THEMES, ARTICLES, MENTIONS, QUOTES, event_key
from .table_events import AMOUNT_PARTIES, AMOUNTS, EVENT_ACTORS, EVENTS, FIGURES, RESOLUTIONS
from .table_model import Column, ColumnType, ForeignKey, Row, Table, cell, render_csv
from .table_registries import (
    CAMEO,
    ENTITIES,
    ORGANIZATIONS,
    PEOPLE,
    PLACES,
    POSITIONS,
    THEMES,
)

__all__ = [
    "TABLES", "Column", "ColumnType", "ForeignKey", "Row", "Table", "cell", "event_key",
    "render_csv",
]

#: Every table, in the order the release writes and lists them.
TABLES: tuple[Table, ...] = (
    ARTICLES, ARTICLE_THEMES, MENTIONS, QUOTES, EVENTS, EVENT_ACTORS, AMOUNTS, AMOUNT_PARTIES,
    RESOLUTIONS, FIGURES, ENTITIES, PEOPLE, POSITIONS, ORGANIZATIONS, PLACES, THEMES, CAMEO,
)
