"""The registries as ``draft`` sees them: every person, organisation and place with its
spellings, and the validator's name matcher built over them.

Read through the repository store: records that do not read or whose values do not fit their
model are left out (``validate`` reports them); drafting from the rest is still useful.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ...core.arabic import tokens
from ...models import Organization, Person, Place
from ...reading.name_index import NameIndex, build_name_index, name_keys
from ...store.repository import Repository

EntityKind = Literal["person", "organization", "place"]
_MODELS: dict[str, type[Person | Organization | Place]] = {
    "person": Person, "organization": Organization, "place": Place,
}


@dataclass(frozen=True)
class Entity:
    """A registry record reduced to what drafting needs."""

    id: str
    kind: EntityKind
    name_en: str
    name_ar: str
    keys: tuple[str, ...]
    """Search keys of every spelling (name, aliases, acronyms)."""
    surnames: tuple[str, ...]
    """For a person: the last word of each Arabic spelling of two words or more, a short form
    an article uses once it has given the full name."""
    relative_path: str
    place_kind: str | None = None
    """For a place: its ``kind`` as the record writes it (country, city, region, building)."""


@dataclass
class Registry:
    entities: dict[str, Entity]
    index: NameIndex

    def kind_of(self, entity_id: str | None) -> str | None:
        entity = self.entities.get(entity_id or "")
        return entity.kind if entity else None


def load_registry(root: Path, repository: Repository | None = None) -> Registry:
    """Every person, organisation and place record of the repository's store (read once per
    run, never through a link); a record that does not fit its model is not a source of names
    (``validate`` reports it)."""
    store = repository or Repository(root)
    entities: dict[str, Entity] = {}
    entries: list[tuple[str, str, list[str] | None]] = []
    for stored in store.records(_MODELS):
        kind: EntityKind = stored.kind  # type: ignore[assignment]
        relative = stored.relative.as_posix()
        record = stored.record
        if record is None:
            # A stub still being filled in (placeholders left) still names its entity.
            stub = _from_stub(stored.data, kind, relative)
            if stub is not None:
                entries.append((kind, stub.id, list(stub.keys)))
                entities[stub.id] = stub
            continue
        keys = name_keys(record)
        entries.append((kind, record.id, keys))
        entities[record.id] = Entity(
            id=record.id,
            kind=kind,
            name_en=record.name.en,
            name_ar=record.name.ar,
            keys=tuple(keys),
            surnames=_surnames(record.name.ar, record.aliases) if isinstance(record, Person) else (),
            relative_path=relative,
            place_kind=record.kind if isinstance(record, Place) else None,
        )
    return Registry(entities, build_name_index(entries))


def _from_stub(data: Any, kind: EntityKind, relative: str) -> Entity | None:
    """The spellings of a record that does not validate yet, if its id and Arabic name read."""
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return None
    name = data.get("name")
    name_ar = name.get("ar") if isinstance(name, dict) else None
    if not isinstance(name_ar, str) or not name_ar.strip():
        return None
    aliases = [a for a in data.get("aliases") or [] if isinstance(a, str)]
    keys = sorted({" ".join(tokens(spelling)) for spelling in [name_ar, *aliases]} - {""})
    return Entity(
        id=data["id"], kind=kind, name_en="", name_ar=name_ar, keys=tuple(keys),
        surnames=_surnames(name_ar, aliases) if kind == "person" else (),
        relative_path=relative,
        place_kind=data["kind"] if kind == "place" and isinstance(data.get("kind"), str) else None,
    )


def _surnames(name_ar: str, aliases: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for spelling in (name_ar, *aliases):
        words = tokens(spelling)
        if len(words) >= 2 and len(words[-1]) >= 2 and words[-1] not in found:
            found.append(words[-1])
    return tuple(found)
