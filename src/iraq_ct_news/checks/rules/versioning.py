"""Versioning (V002–V007): curated records against the last release.

The release in ``dataset/`` is the record of what users have seen. Against it: a record whose
content changed needs a higher ``revision`` and a later ``modified`` date (V002, V003); a
released id may not disappear from ``curated/`` (V004: withdraw instead); ``revision`` never
goes down and ``created`` never changes (V005); a release that cannot be read is said so
(V006). Without a ``dataset/`` (before the first release) there is nothing to compare and no
finding, unless a killed build's folders show there was one (V007).

Content is compared through ``content_sha256`` (see :mod:`iraq_ct_news.models.content`): the curated
side's is computed when the file is checked, the released articles' is the stored one (the
release is built by this same definition; registry records are hashed when read).
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from ...core.findings import Finding
from ...models.layout import DATASET, RecordKind, record_path
from ..released import RELEASE_FILES, MissingRelease
from .base import declare, release_check

if TYPE_CHECKING:
    from ..tree import Tree

V002 = declare(
    "V002", "changed without a new revision", "error",
    "The record's content differs from the last release in `dataset/` (its content_sha256 "
    "changed) but its `revision` was not raised. Users cite records by id and revision; the "
    "same revision must always mean the same content.",
    "Run `iraq-ct-news bump` (or `validate --fix`), which sets `revision` to the released "
    "revision + 1 and `modified` to today; or set both by hand.",
)
V003 = declare(
    "V003", "changed without a new modified date", "error",
    "The record's content differs from the last release but `modified` is not later than "
    "the released record's `modified` date.",
    "Run `iraq-ct-news bump` (or `validate --fix`), which sets `modified` to today with the "
    "new revision; or set `modified` to the date of this change by hand.",
)
V004 = declare(
    "V004", "released record deleted", "error",
    "A record that is in the last release is missing from `curated/`. Released ids stay "
    "valid forever: a record that must go is withdrawn, not deleted.",
    "Restore the file and set `status: withdrawn` with a `withdrawn_reason` (and "
    "`superseded_by` when another record replaces it).",
)
V005 = declare(
    "V005", "lifecycle rewound", "error",
    "`revision` is lower than in the last release, or `created` differs from the released "
    "record's: both only ever move forward (revision) or stay fixed (created).",
    "Restore the released `created` date, and a `revision` at least the released one.",
)
V006 = declare(
    "V006", "release cannot be compared", "warning",
    "The release in `dataset/` could not be read (it was written by another record format, "
    "or a file is damaged), so versioning rules were not checked against it.",
    "Rebuild the release from the last released commit, or check the file named.",
)

V007 = declare(
    "V007", "release missing beside a build's leftovers", "error",
    "There is no `dataset/`, but a `.dataset.new-*` or `.dataset.old-*` folder beside where it "
    "belongs: a build was killed half-way through swapping the release in (or the release was "
    "removed and such a folder left). There is a release to compare with, so the versioning "
    "rules cannot be skipped as they are before a first release.",
    "Run `iraq-ct-news build`, which puts the previous release back (or writes a new one) and "
    "removes the leftovers; in a pull request, restore `dataset/` and delete the leftovers.",
)


@release_check(V002, V003, V004, V005, V006, V007)
def check_versions(tree: Tree) -> None:
    released = tree.released()
    if released is None:
        return
    if isinstance(released, MissingRelease):
        tree.unfiled.append(
            Finding(tree.display(PurePosixPath(DATASET)), 1, 1, V007.code,
                    f"{DATASET}/ is missing, and a build left {', '.join(released.leftovers)} "
                    "beside it; versioning cannot be checked until `iraq-ct-news build` "
                    "restores the release", V007.severity)
        )
        return
    if isinstance(released, str):
        tree.unfiled.append(
            Finding(tree.display(PurePosixPath(DATASET)), 1, 1, V006.code,
                    f"versioning not checked: {released}", V006.severity)
        )
        return
    present: dict[RecordKind, set[str]] = {kind: set() for kind in RELEASE_FILES}
    for checked in tree.files:
        kind = checked.source.kind
        if kind not in present:
            continue
        present[kind].add(checked.source.stem)
        facts = checked.facts
        if facts.version is None or facts.record_id is None:
            continue
        previous = released[kind].get(facts.record_id)
        if previous is None:
            continue
        revision, created, modified, sha256 = facts.version
        if (
            revision >= previous.revision
            and created == previous.created
            and sha256 == previous.content_sha256
        ):
            continue  # the common case: nothing to report, and no report made
        report = checked.report
        if revision < previous.revision:
            report.add(V005, f"revision {revision} is lower than the released "
                       f"revision {previous.revision}", ("revision",))
        if created != previous.created:
            report.add(V005, f"created was {previous.created} in the release; it never "
                       "changes", ("created",))
        if sha256 == previous.content_sha256:
            continue
        if revision <= previous.revision:
            report.add(
                V002,
                f"content changed since release (revision {previous.revision}) but revision is "
                f"{revision}; set it to {previous.revision + 1} (`iraq-ct-news bump` does it)",
                ("revision",),
            )
        if modified <= previous.modified:
            report.add(
                V003,
                f"content changed but modified ({modified}) is not after the "
                f"released {previous.modified} (`iraq-ct-news bump` sets it to today)",
                ("modified",),
            )
    for kind, records in released.items():
        for record_id in sorted(set(records) - present[kind]):
            tree.unfiled.append(
                Finding(
                    tree.display(record_path(kind, record_id)), 1, 1, V004.code,
                    f"{kind} '{record_id}' is in the release but not in curated/; restore it "
                    "and set status: withdrawn", V004.severity,
                )
            )
