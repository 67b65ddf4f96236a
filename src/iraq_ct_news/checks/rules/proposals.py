"""Unconfirmed proposals (S006): an item ``draft --write`` added and no person has confirmed.

A machine's proposal is never data until a person confirms it, so a record that still holds a
``proposed: true`` mark is an error: ``build`` refuses it and no proposal reaches a release.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ...models import VersionedRecord
from ..report import format_path
from ..walk import document_walk
from .base import declare, file_check
from .helpers import fields_that_may_hold

if TYPE_CHECKING:
    from ...reading.yamlreader import PathKey
    from ..checked import CheckedFile
    from ..context import FileRun

S006 = declare(
    "S006", "unconfirmed proposal", "error",
    "`iraq-ct-news draft --write` marks everything it adds with `proposed: true`: a machine's "
    "proposal, not yet data. A record with a proposal left in it cannot be released.",
    "Check the item against the text: if it is right (fill in any TODO it holds), delete the "
    "`proposed: true` line; if it is wrong, delete the item (a stub: delete the file and its "
    "mentions).",
)


@file_check(S006)
def check_proposals(checked: CheckedFile, run: FileRun) -> None:
    record = checked.record
    if not isinstance(record, VersionedRecord):
        return  # a vocabulary is curated by hand: draft proposes records of versioned kinds
    if not _marked(checked, run):
        return  # the model is made from the document: no mark there, no proposal in it
    for path in _proposed(record, ()):
        what = format_path(path) if path else "this record"
        checked.report.add(
            S006, f"{what} is a proposal no one has confirmed (proposed: true)",
            (*path, "proposed"), key=True,
        )


def _marked(checked: CheckedFile, run: FileRun) -> bool:
    """Whether any mapping of the document has a ``proposed`` key (from its one shared walk).

    A model has ``proposed`` true only where its data held the key (the field defaults to
    false, and a repaired model is made from the same data with parts dropped), so a document
    without the key anywhere, which is every confirmed record, needs no walk of its model.
    """
    return any("proposed" in mapping for _path, mapping in document_walk(checked, run).mappings)


def _proposed(value: object, path: PathKey) -> Iterator[PathKey]:
    """The data path of every model inside ``value`` whose ``proposed`` is true.

    Only the fields that can hold such a model are walked (:func:`_fields_to_walk`): an
    article's text, ids and dates are never visited, so the walk is linear in the spans and
    items of the record, not in every value of it.
    """
    if isinstance(value, BaseModel):
        if getattr(value, "proposed", False) is True:
            yield path
        for name in _fields_to_walk(type(value)):
            yield from _proposed(getattr(value, name), (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _proposed(item, (*path, index))


@functools.cache
def _fields_to_walk(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` whose declared type may hold a model with a ``proposed`` field
    (in a list, an optional, a union, at any depth); a field typed loosely is walked too."""
    return fields_that_may_hold(model, _has_proposed)


def _has_proposed(annotation: Any) -> bool:
    return (
        isinstance(annotation, type) and issubclass(annotation, BaseModel)
        and "proposed" in annotation.model_fields
    )
