"""``validate --fix``: the fixes rules make by themselves, and the canonical layout.

Each rule that can decide a fix without a person registers it beside its check
(:func:`~iraq_ct_news.checks.rules.base.fixer`): the CAMEO codebook's labels (C008), an
undated page written null (D005), a past event's open bound narrowed to publication (D007).
Every record file is read, given the fixes for its kind, and written back in the canonical
layout when that changes it (what ``fmt`` does). Each change is one line of the result. A
record whose content a fix changed may then need a new revision: the command runs ``bump``.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..checks.rules.catalog import FIXERS
from .formatting import FormatRefused, format_record
from .recordfiles import RecordFile, read_record_files, write_record


def fix_tree(root: Path, only: set[PurePosixPath] | None = None) -> list[str]:
    """Apply every registered fix and the canonical layout to the records under ``root``
    (or those in ``only``); returns one line per change, and per file skipped."""
    lines: list[str] = []
    for record in read_record_files(root, only):
        if isinstance(record, str):
            lines.append(record)
            continue
        changes = [
            f"{fix.code} {line}"
            for fix in FIXERS if record.kind in fix.kinds
            for line in fix.apply(record.data)
        ]
        if not changes and not _layout_may_change(record):
            continue
        text = record.rendered()
        if text == record.text:
            continue
        refusal = record.refusal()
        if refusal is not None:
            lines.append(refusal)
            continue
        if not changes:
            changes = ["fmt: rewritten in the canonical layout"]
        write_record(record, text)
        lines += [f"{record.display}: {change}" for change in changes]
    return lines


def _layout_may_change(record: RecordFile) -> bool:
    """Whether a file no fix touched may be rewritten in the canonical layout: only a file
    that matches its model (as ``fmt``, which refuses the others and says why)."""
    try:
        return format_record(record.text.encode("utf-8"), record.kind).changed
    except FormatRefused:
        return False
