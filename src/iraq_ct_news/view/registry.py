"""What the pages need to know about the records an article points at: names and kinds.

Read through the repository store (:mod:`iraq_ct_news.store.repository`): a registry record
with placeholders left still lends its name to the page, a file that cannot be read or whose
values do not fit its model is not a source of names (the validator reports it). Nothing here
decides whether a record is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.repository import Repository
from .annotations import is_proposed, mapping


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place as the pages name it."""

    id: str
    kind: str
    """``person``, ``organization`` or ``place``."""
    name_en: str
    name_ar: str
    detail: str | None = None
    """The organisation's or place's own kind (``un-entity``, ``city`` …), if it has one."""
    proposed: bool = False
    """A stub a machine wrote, which no person has filled in and confirmed yet."""

    @property
    def stub_note(self) -> str:
        return "; its registry record is an unconfirmed stub" if self.proposed else ""


@dataclass
class Registry:
    entities: dict[str, Entity] = field(default_factory=dict)
    cameo: dict[str, str] = field(default_factory=dict)
    """CAMEO code to its codebook label."""

    def describe(self, entity_id: object) -> str:
        """``Nathan Tek (person, nathan-tek)``, or what is known of an id the registries lack."""
        if not isinstance(entity_id, str):
            return "—"
        entity = self.entities.get(entity_id)
        if entity is None:
            return f"{entity_id} (not in the registries)"
        return f"{entity.name_en} ({entity.kind}, {entity.id}{entity.stub_note})"


def read_registry(root: Path, repository: Repository | None = None) -> Registry:
    """Names and kinds of every person, organisation and place, and the CAMEO labels, from the
    repository's store (read once per run, never through a link). A record whose values do not
    fit its model lends nothing (``validate`` reports it); an unfinished one (placeholders
    left) still lends its name."""
    store = repository or Repository(root)
    registry = Registry()
    for stored in store.records(("person", "organization", "place", "cameo")):
        data = stored.data
        if stored.kind == "cameo":
            for entry in _list(data.get("codes")):
                code, label = entry.get("code"), entry.get("label")
                if isinstance(code, str) and isinstance(label, str):
                    registry.cameo[code] = label
            continue
        record_id = data.get("id")
        if not isinstance(record_id, str):
            continue
        name = mapping(data.get("name"))
        detail = data.get("kind")
        registry.entities[record_id] = Entity(
            id=record_id,
            kind=stored.kind,
            name_en=_text(name.get("en")) or record_id,
            name_ar=_text(name.get("ar")),
            detail=detail if isinstance(detail, str) else None,
            proposed=is_proposed(data),
        )
    return registry


def _list(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
