"""What changed between two releases: the material for a CHANGELOG entry.

Records are compared by id within each kind. Content is compared as in
:mod:`.content` (so a rebuilt but unchanged record is not "modified"), and the changed fields
are named down to one level inside nested objects (``headline.en``, ``source.url``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..core.safeoutput import one_line
from ..models import Article, VersionedRecord
from ..models.content import content_of
from ..models.kinds import KINDS
from .dataset import Dataset

ChangeKind = Literal["added", "modified", "withdrawn", "deleted"]


@dataclass(frozen=True)
class Change:
    kind: str
    """article, person, organization, place, theme or cameo."""
    id: str
    change: ChangeKind
    fields: tuple[str, ...] = ()
    """Content fields that differ (modified and withdrawn records)."""
    old_revision: int | None = None
    new_revision: int | None = None
    note: str = ""
    """A headline or name (added), or the withdrawal reason."""


def _label(record: BaseModel) -> str:
    if isinstance(record, Article):
        return record.headline.en
    name = getattr(record, "name", None) or getattr(record, "label", None)
    if name is not None:
        return str(getattr(name, "en", ""))
    return str(getattr(record, "label", ""))


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any], depth: int = 2) -> list[str]:
    """Dotted names of members that differ, descending into objects ``depth`` levels."""
    names: list[str] = []
    for key in sorted(set(old) | set(new)):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        if depth > 1 and isinstance(before, dict) and isinstance(after, dict):
            names.extend(f"{key}.{inner}" for inner in changed_fields(before, after, depth - 1))
        else:
            names.append(key)
    return names


def _revision(record: BaseModel) -> int | None:
    return record.revision if isinstance(record, VersionedRecord) else None


def _compare(kind: str, old: Mapping[str, BaseModel], new: Mapping[str, BaseModel]) -> list[Change]:
    changes: list[Change] = []
    for record_id in sorted(set(old) | set(new)):
        before, after = old.get(record_id), new.get(record_id)
        if before is None and after is not None:
            changes.append(Change(kind, record_id, "added", new_revision=_revision(after),
                                  note=_label(after)))
        elif after is None and before is not None:
            changes.append(Change(kind, record_id, "deleted", old_revision=_revision(before),
                                  note=_label(before)))
        elif before is not None and after is not None:
            fields = changed_fields(content_of(before), content_of(after))
            if not fields:
                continue
            was = getattr(before, "status", "active")
            now = getattr(after, "status", "active")
            withdrawn = was == "active" and now == "withdrawn"
            changes.append(
                Change(
                    kind, record_id, "withdrawn" if withdrawn else "modified", tuple(fields),
                    _revision(before), _revision(after),
                    (getattr(after, "withdrawn_reason", None) or "") if withdrawn else "",
                )
            )
    return changes


def diff_releases(old: Dataset, new: Dataset) -> list[Change]:
    """Every added, modified, withdrawn (and, wrongly, deleted) record from ``old`` to ``new``."""
    changes: list[Change] = []
    pairs: list[tuple[str, Mapping[str, Any], Mapping[str, Any]]] = [
        (row.namespace, old.of_kind(row), new.of_kind(row))
        for row in KINDS
    ]
    for kind, before, after in pairs:
        changes.extend(_compare(kind, before, after))
    return changes


_HEADINGS: dict[ChangeKind, str] = {
    "added": "Added",
    "modified": "Changed",
    "withdrawn": "Withdrawn",
    "deleted": "Deleted (not allowed: withdraw instead)",
}


def render_text(changes: list[Change], old_version: str, new_version: str) -> str:
    """Changes as CHANGELOG-style Markdown sections, one line per change.

    Versions, ids, field names and notes come from the release files (a withdrawal reason is
    free text a pull request wrote): each goes through the one output rule, so a line break in
    one cannot start a forged ``### Added`` section.
    """
    lines = [f"Changes from release {one_line(old_version)} to {one_line(new_version)}:"]
    if not changes:
        lines.append("(no record changed)")
    for change_kind, heading in _HEADINGS.items():
        group = [c for c in changes if c.change == change_kind]
        if not group:
            continue
        lines += ["", f"### {heading}"]
        for c in group:
            text = f"- {one_line(c.kind)} `{one_line(c.id)}`"
            if c.old_revision is not None and c.new_revision is not None:
                text += f" (revision {c.old_revision} → {c.new_revision})"
            if c.fields:
                text += f": {one_line(', '.join(c.fields))}"
            if c.note:
                text += f" — {one_line(c.note)}"
            lines.append(text)
    return "\n".join(lines)


def render_json(changes: list[Change], old_version: str, new_version: str) -> str:
    document = {
        "old_version": old_version,
        "new_version": new_version,
        "changes": [{**asdict(c), "fields": list(c.fields)} for c in changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
