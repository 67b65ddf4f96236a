"""Columns several tables share, each with the function that fills it.

A row class names a shared column with one of these annotated types (``article_id: ArticleId``)
and fills a group of them with the matching cell function (``*span_cells(mention)``), so a
group's columns and its cells are written once, side by side.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from ..models import AnchorFields, Edtf
from .table_model import ColumnSpec

ArticleId = Annotated[str, ColumnSpec("string", "Id of the article.", True)]
ContentHash = Annotated[str, ColumnSpec("string", "SHA-256 of the record's canonical content.", True)]
Identifiers = Annotated[list[dict[str, Any]], ColumnSpec(
    "array", "Verified external identifiers (JSON array of {scheme, value, evidence}).", True
)]

# -- an anchored span: exact, scope, start, end ---------------------------------------------------

Exact = Annotated[str, ColumnSpec("string", "The words exactly as they appear in the text.", True)]
Scope = Annotated[str, ColumnSpec(
    "string", "Text the offsets count into: body, headline (headline.ar) or seed.", True
)]
Start = Annotated[int | None, ColumnSpec(
    "integer", "Code-point offset of the first character (inclusive).", True
)]
End = Annotated[int | None, ColumnSpec(
    "integer", "Code-point offset after the last character (exclusive).", True
)]


def span_cells(span: AnchorFields) -> tuple[str, str, int | None, int | None]:
    """The cells of :data:`Exact`, :data:`Scope`, :data:`Start` and :data:`End`."""
    return (span.exact, getattr(span, "scope", "body"), span.start, span.end)


# -- a versioned record's lifecycle ----------------------------------------------------------------

Status = Annotated[str, ColumnSpec(
    "string", "active, or withdrawn (a tombstone kept so ids stay valid).", True
)]
Revision = Annotated[int, ColumnSpec(
    "integer", "Incremented on every content change after a release.", True
)]
Created = Annotated[datetime.date, ColumnSpec("date", "Date the record was first written.", True)]
Modified = Annotated[datetime.date, ColumnSpec("date", "Date of the last content change.", True)]
WithdrawnReason = Annotated[str | None, ColumnSpec("string", "Why the record was withdrawn.")]
SupersededBy = Annotated[str | None, ColumnSpec(
    "string", "Id of the record that replaces a withdrawn one."
)]


def lifecycle_cells(
    record: Any,
) -> tuple[str, int, datetime.date, datetime.date, str | None, str | None]:
    """The cells of :data:`Status` to :data:`SupersededBy`."""
    return (
        record.status, record.revision, record.created, record.modified,
        record.withdrawn_reason, record.superseded_by,
    )


# -- a registry record's names -------------------------------------------------------------------

NameEn = Annotated[str, ColumnSpec("string", "Name in English.", True)]
NameAr = Annotated[str, ColumnSpec("string", "Name in Arabic.", True)]
Aliases = Annotated[list[str], ColumnSpec(
    "array", "Other spellings in any language (JSON array of strings).", True
)]


def date_cells(
    date: Edtf | None,
) -> tuple[str | None, datetime.date | None, datetime.date | None]:
    """An EDTF date as its text and the first and last day it can denote."""
    if date is None:
        return (None, None, None)
    return (date.text, date.earliest, date.latest)
