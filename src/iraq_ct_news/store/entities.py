"""The registries as ``draft`` and ``view`` see them: every record of an entity kind (the rows of
the table of kinds marked ``entity``: people, organisations, places) reduced to its names, the
validator's name index over them, and, for the pages, the CAMEO labels.

Read through the repository store (:mod:`.repository`), once per run and never through a link:
a record that does not read or whose values do not fit its model is not a source of names
(``validate`` reports it); a stub still being filled in (placeholders left) still names its
entity. Nothing here decides whether a record is valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..core.arabic import tokens
from ..core.findings import Finding
from ..models.kinds import BY_KIND, ENTITIES, EntityKind
from ..reading.name_index import NameIndex, build_name_index, name_keys
from .repository import Repository, StoredRecord


@dataclass(frozen=True)
class Entity:
    """A registry record reduced to what drafting and the pages need."""

    id: str
    kind: EntityKind
    """The record's kind (a row of the table of kinds marked ``entity``)."""
    name_en: str
    """The English name (the id when the record has none yet)."""
    name_ar: str
    keys: tuple[str, ...] = ()
    """Search keys of every spelling (name, aliases, acronyms)."""
    surnames: tuple[str, ...] = ()
    """For a person: the last word of each Arabic spelling of two words or more, a short form
    an article uses once it has given the full name."""
    relative_path: str = ""
    detail: str | None = None
    """The record's own ``kind`` (``un-entity``, ``city`` …), if it has one."""
    proposed: bool = False
    """A stub a machine wrote, which no person has filled in and confirmed yet."""

    @property
    def place_kind(self) -> str | None:
        """For a place: its ``kind`` as the record writes it (country, city, region, building)."""
        return self.detail if self.kind == "place" else None

    @property
    def stub_note(self) -> str:
        return "; its registry record is an unconfirmed stub" if self.proposed else ""


@dataclass
class Registry:
    entities: dict[str, Entity]
    index: NameIndex
    """The validator's name index over every spelling (what ``draft`` matches)."""
    cameo: dict[str, str] = field(default_factory=dict)
    """CAMEO code to its codebook label (read only when asked for)."""
    findings: list[Finding] = field(default_factory=list)
    """Why a registry record is not in it (a file that does not read, or a value of the wrong
    shape), located: a tool that leaves a record out says so."""

    def kind_of(self, entity_id: str | None) -> str | None:
        entity = self.entities.get(entity_id or "")
        return entity.kind if entity else None

    def describe(self, entity_id: object) -> str:
        """``Nathan Tek (person, nathan-tek)``, or what is known of an id the registries lack."""
        if not isinstance(entity_id, str):
            return "—"
        entity = self.entities.get(entity_id)
        if entity is None:
            return f"{entity_id} (not in the registries)"
        return f"{entity.name_en} ({entity.kind}, {entity.id}{entity.stub_note})"


def read_registry(
    root: Path, repository: Repository | None = None, *, with_cameo: bool = False
) -> Registry:
    """Every record of every entity kind in the repository's store, and with ``with_cameo``
    the CAMEO labels."""
    store = repository or Repository(root)
    known = len(store.findings)
    registry = registry_of((entity_of(stored) for stored in store.records(ENTITIES)),
                           store.findings[known:])
    if with_cameo:
        row = BY_KIND["cameo"]
        for stored in store.records((row.kind,)):
            for entry in _list(stored.data.get(row.entries)):
                code, label = entry.get(row.key), entry.get("label")
                if isinstance(code, str) and isinstance(label, str):
                    registry.cameo[code] = label
    return registry


def registry_of(entities: Iterable[Entity | None], findings: list[Finding]) -> Registry:
    """The registry of ``entities`` in file order (None: a record that names none; a later
    record of the same id stands), with their name index."""
    by_id: dict[str, Entity] = {}
    entries: list[tuple[str, str, list[str] | None]] = []
    for entity in entities:
        if entity is None:
            continue
        by_id[entity.id] = entity
        if entity.keys:
            entries.append((entity.kind, entity.id, list(entity.keys)))
    return Registry(by_id, build_name_index(entries), findings=findings)


def entity_of(stored: StoredRecord) -> Entity | None:
    """The entity a record names: from its model, or for a stub (placeholders left) from its
    data if its id reads; its spellings only when its Arabic name reads too."""
    kind: EntityKind = stored.kind  # type: ignore[assignment]
    data, record = stored.data, stored.record
    relative = stored.relative.as_posix()
    if isinstance(record, BaseModel):
        model: Any = record  # every entity kind's model has an id, a name and aliases
        aliases: list[str] = list(model.aliases)
        detail = getattr(model, "kind", None)
        return Entity(
            id=model.id, kind=kind, name_en=model.name.en, name_ar=model.name.ar,
            keys=tuple(name_keys(record)),
            surnames=_surnames(model.name.ar, aliases) if kind == "person" else (),
            relative_path=relative, detail=detail if isinstance(detail, str) else None,
            proposed=_proposed(data),
        )
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    record_id: str = data["id"]
    names = data.get("name")
    names = names if isinstance(names, dict) else {}
    name_en, name_ar = _text(names.get("en")), _text(names.get("ar"))
    keys: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    if name_ar.strip():
        aliases = [alias for alias in data.get("aliases") or [] if isinstance(alias, str)]
        keys = tuple(sorted({" ".join(tokens(spelling)) for spelling in [name_ar, *aliases]}
                            - {""}))
        surnames = _surnames(name_ar, aliases) if kind == "person" else ()
    detail = data.get("kind")
    return Entity(
        id=record_id, kind=kind, name_en=name_en or record_id, name_ar=name_ar, keys=keys,
        surnames=surnames, relative_path=relative,
        detail=detail if isinstance(detail, str) else None, proposed=_proposed(data),
    )


def _proposed(data: Any) -> bool:
    """Marked ``proposed`` (anything but an explicit ``false`` counts, as on the pages)."""
    return isinstance(data, dict) and "proposed" in data and data["proposed"] is not False


def _surnames(name_ar: str, aliases: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for spelling in (name_ar, *aliases):
        words = tokens(spelling)
        if len(words) >= 2 and len(words[-1]) >= 2 and words[-1] not in found:
            found.append(words[-1])
    return tuple(found)


def _list(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
