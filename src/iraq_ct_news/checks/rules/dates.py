"""Dates (D002, D003, D005, D006): intervals in order, events dated against publication, a
date's basis and its evidence in agreement, and an explicit date shown by its evidence.

(D001, a date that is not EDTF, is the model's to find: see :mod:`.schema`.)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ...core.textutil import to_latin_digits
from ...models import AnchorFields, Article, Edtf, Evidence
from ...reading.migrations.v1_2_0_unknown_publication import unknown_publication_is_null
from ...reading.yamlreader import PathKey
from .base import declare, file_check, fixer
from .helpers import fields_that_may_hold

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

D002 = declare(
    "D002", "interval out of order", "error",
    "An interval's end is before its start.",
    "Swap or correct the bounds.",
)
D003 = declare(
    "D003", "event after publication", "error",
    "An event dated after the article's publication can only be a planned event whose date "
    "the article states (basis `explicit` or `relative`).",
    "Set the event's `status: planned` and its `date_basis`, or correct the date.",
)
D005 = declare(
    "D005", "date basis and evidence disagree", "error",
    "A date with basis `explicit`, `inferred` or `relative` quotes its evidence; basis "
    "`unknown` has none, and no date either (`published: null`, an event's `date: null`). "
    "The reasoning behind an inferred or unknown date goes in `notes.en`.",
    "Add the evidence span (or set the basis to `unknown`). A publication date with basis "
    "`unknown` is written null: `iraq-ct-news validate --fix` (or `migrate`) does it and keeps "
    "the old value in notes.en.",
)
D006 = declare(
    "D006", "explicit date not shown by its evidence", "error",
    "With basis `explicit`, the evidence must show the date's year, and its day when the "
    "date is precise to the day (Arabic-Indic digits count as digits).",
    "Quote the span that gives the date, or lower the precision / change the basis.",
)

@file_check(D002)
def check_intervals(checked: CheckedFile, run: FileRun) -> None:
    """An interval's end is not before its start, in every record kind."""
    assert checked.record is not None
    for path, edtf in walk_edtf(checked.record):
        if not edtf.is_ordered:
            checked.report.add(D002, f"interval {edtf.text} ends before it starts", path)


def walk_edtf(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Edtf]]:
    """Every EDTF date inside a model, with its data path.

    Only the fields whose type can hold a date (directly, or in a nested model or list) are
    visited; which fields those are is worked out once per model class.
    """
    for name in _date_fields(type(model)):
        value = getattr(model, name)
        here = (*path, name)
        if isinstance(value, Edtf):
            yield here, value
        elif isinstance(value, BaseModel):
            yield from walk_edtf(value, here)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from walk_edtf(item, (*here, index))


@functools.cache
def _date_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` (in order) whose values can be or contain an EDTF date."""
    return fields_that_may_hold(model, lambda annotation: annotation is Edtf)


@file_check(D003, D005, D006, kinds=("article",))
def check_article_dates(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    report = checked.report
    if article.published_basis == "unknown":
        if article.published is not None:
            report.add(
                D005,
                f"published is {article.published} with basis 'unknown': an undated page is "
                "written `published: null`; a date the text supports has basis explicit, "
                "relative or inferred with its evidence (`iraq-ct-news migrate` moves the old "
                "value into notes.en)",
                ("published",),
            )
        if article.published_evidence is not None:
            report.add(D005, "basis 'unknown' has no evidence", ("published_evidence",), key=True)
    elif article.published is None:
        report.add(
            D005,
            f"published is null but its basis is '{article.published_basis}': write the date, or "
            "set published_basis: unknown when nothing dates or bounds the page",
            ("published",),
        )
    else:
        _check_basis(
            checked, article.published_basis, article.published, article.published_evidence,
            ("published_basis",), ("published_evidence",),
        )
    if article.published_basis in ("inferred", "unknown") and article.notes is None:
        report.add(
            D005,
            f"a publication date with basis '{article.published_basis}' needs the reasoning in "
            "notes.en",
            ("published_basis",),
        )
    if (article.source.captured is None) != (article.source.captured_evidence is None):
        report.add(
            D005,
            "source.captured and source.captured_evidence go together",
            ("source", "captured") if article.source.captured else ("source", "captured_evidence"),
        )
    elif article.source.captured is not None and article.source.captured_evidence is not None:
        _check_explicit(
            checked, article.source.captured, article.source.captured_evidence,
            ("source", "captured_evidence"),
        )
    published_latest = article.published.latest if article.published is not None else None
    published_earliest = article.published.earliest if article.published is not None else None
    for index, event in enumerate(article.events):
        path: PathKey = ("events", index)
        if event.date_basis == "unknown":
            if event.date is not None or event.date_evidence is not None:
                report.add(
                    D005, "an event with date_basis 'unknown' has no date and no evidence",
                    (*path, "date_basis"),
                )
            continue
        if event.date is None:
            report.add(
                D005, f"date_basis '{event.date_basis}' needs a date", (*path, "date"), key=True
            )
            continue
        _check_basis(
            checked, event.date_basis, event.date, event.date_evidence,
            (*path, "date_basis"), (*path, "date_evidence"),
        )
        start = event.date.earliest
        latest = event.date.latest
        after = start is not None and published_latest is not None and start > published_latest
        if after and (event.status != "planned" or event.date_basis not in ("explicit", "relative")):
            report.add(
                D003,
                f"events[{index}] is dated {event.date} after publication ({article.published}); "
                "it must be `status: planned` with basis explicit or relative",
                (*path, "date"),
            )
        before = latest is not None and published_earliest is not None and latest < published_earliest
        if event.status == "planned" and before:
            report.add(
                D003,
                f"events[{index}] is planned but dated {event.date}, before publication",
                (*path, "status"),
            )


def _check_basis(
    checked: CheckedFile,
    basis: str,
    date: Edtf,
    evidence: Evidence | None,
    basis_path: PathKey,
    evidence_path: PathKey,
) -> None:
    if basis == "unknown":
        if evidence is not None:
            checked.report.add(D005, "basis 'unknown' has no evidence", evidence_path, key=True)
        return
    if evidence is None:
        checked.report.add(
            D005, f"basis '{basis}' needs evidence (the words the date comes from)", basis_path
        )
        return
    if basis == "explicit":
        _check_explicit(checked, date, evidence, evidence_path)


def _check_explicit(
    checked: CheckedFile, date: Edtf, evidence: AnchorFields, evidence_path: PathKey
) -> None:
    numbers = {int(n) for n in re.findall(r"[0-9]+", to_latin_digits(evidence.exact))}
    for point in (date.start, date.end):
        if point is None:
            continue
        missing = []
        if point.year not in numbers:
            missing.append(f"year {point.year}")
        if point.day is not None and point.day not in numbers:
            missing.append(f"day {point.day}")
        if missing:
            checked.report.add(
                D006,
                f"explicit date {date} but the evidence does not show the {' or '.join(missing)}",
                (*evidence_path, "exact"),
            )
            return


#: A publication date with basis unknown (allowed before record format 1.2.0) becomes null, its
#: old value kept in notes.en: the same change as the 1.2.0 migration step.
fixer(D005, kinds=("article",))(unknown_publication_is_null)
