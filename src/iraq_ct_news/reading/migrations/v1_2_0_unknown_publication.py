"""Record format 1.2.0: an undated page says so (``published: null`` with basis ``unknown``).

Before 1.2.0 ``published`` could not be null, so a record whose basis was ``unknown`` still
carried a date that nothing in the record supports. The date is not dropped: it moves into
``notes.en``, where a person can turn it into an inferred date with its evidence, or leave the
page undated. A date with any other basis is the curator's reading of the text and is kept.
"""

from __future__ import annotations

from typing import Any

from . import MigrationStep


def unknown_publication_is_null(data: dict[str, Any]) -> list[str]:
    if data.get("published_basis") != "unknown" or data.get("published") is None:
        return []
    old = data["published"]
    data["published"] = None
    remark = (
        f"Before record format 1.2.0 this record gave the publication date as {old} with basis "
        "unknown; nothing in the record supports it, so published is now null."
    )
    notes = data.get("notes")
    if isinstance(notes, dict) and isinstance(notes.get("en"), str):
        notes["en"] = notes["en"].rstrip() + " " + remark
    else:
        data["notes"] = {"en": remark}
    return [f"published: {old} (basis unknown) → null; the old value is kept in notes.en"]


STEP = MigrationStep(
    name="unknown-publication",
    introduced_in="1.2.0",
    kinds=("article",),
    apply=unknown_publication_is_null,
)
