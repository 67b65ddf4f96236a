"""The registries as ``draft`` sees them: every person, organisation and place with its
spellings, and the validator's name matcher built over them.

Records that do not read or validate are left out (``validate`` reports them); drafting from
the rest is still useful.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pydantic

from ..arabic import tokens
from ..errors import ReaderError
from ..layout import curated_files
from ..models import Organization, Person, Place
from ..validator.name_index import NameIndex, build_name_index, name_keys
from ..yamlreader import read_yaml_file

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


@dataclass
class Registry:
    entities: dict[str, Entity]
    index: NameIndex

    def kind_of(self, entity_id: str | None) -> str | None:
        entity = self.entities.get(entity_id or "")
        return entity.kind if entity else None


def load_registry(root: Path) -> Registry:
    """Every readable person, organisation and place record under ``root/curated``."""
    entities: dict[str, Entity] = {}
    entries: list[tuple[str, str, list[str] | None]] = []
    for source in curated_files(root):
        model = _MODELS.get(source.kind or "")
        if model is None or source.kind is None:
            continue
        path = root / source.relative
        if path.is_symlink():
            continue
        kind: EntityKind = source.kind  # type: ignore[assignment]
        try:
            data = read_yaml_file(path).data
        except (ReaderError, OSError):
            continue
        try:
            record = model.model_validate(data)
        except pydantic.ValidationError:
            # A stub still being filled in (placeholders left) still names its entity.
            stub = _from_stub(data, kind, source.relative.as_posix())
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
            relative_path=source.relative.as_posix(),
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
    )


def _surnames(name_ar: str, aliases: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for spelling in (name_ar, *aliases):
        words = tokens(spelling)
        if len(words) >= 2 and len(words[-1]) >= 2 and words[-1] not in found:
            found.append(words[-1])
    return tuple(found)
