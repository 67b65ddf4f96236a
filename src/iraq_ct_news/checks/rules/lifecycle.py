"""A versioned record's own bookkeeping (I001, D004, V001): its id is its file name, it was
not modified before it was created, and a withdrawn record says why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import VersionedRecord
from .base import declare, file_check

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

I001 = declare(
    "I001", "id does not match file name", "error",
    "A record's `id` must equal its file name without `.yaml`, so that a reference can be "
    "followed to its file.",
    "Rename the file or change the id (ids never change once released).",
)
D004 = declare(
    "D004", "modified before created", "error",
    "`modified` must not be earlier than `created`.",
    "Correct the dates.",
)
V001 = declare(
    "V001", "withdrawn without reason", "error",
    "A withdrawn record stays in the release as a tombstone and must say why "
    "(`withdrawn_reason`); an active record has no reason and no `superseded_by`.",
    "Add `withdrawn_reason` (and `superseded_by` when another record replaces it).",
)

@file_check(I001, D004, V001)  # every versioned record, whatever its kind
def check_lifecycle(checked: CheckedFile, run: FileRun) -> None:
    record = checked.record
    if not isinstance(record, VersionedRecord):
        return
    report = checked.report
    if record.id != checked.source.stem:
        report.add(
            I001,
            f"id '{record.id}' differs from the file name '{checked.source.stem}.yaml'",
            ("id",),
        )
    if record.modified < record.created:
        report.add(
            D004,
            f"modified {record.modified} is before created {record.created}",
            ("modified",),
        )
    if record.status == "withdrawn" and record.withdrawn_reason is None:
        report.add(V001, "a withdrawn record needs a withdrawn_reason", ("status",))
    if record.status == "active" and record.withdrawn_reason is not None:
        report.add(V001, "an active record has no withdrawn_reason", ("withdrawn_reason",))
    if record.status == "active" and record.superseded_by is not None:
        report.add(V001, "an active record is not superseded", ("superseded_by",))
