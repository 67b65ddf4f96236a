"""What the pages need to know about the records an article points at: names and kinds.

Read straight from the curated files, leniently: a registry record with validation errors still
lends its name to the page (the validator reports its errors), and a file that cannot be read at
all is simply not a source of names. Nothing here decides whether a record is valid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ReaderError
from ..layout import CuratedFile, curated_files
from ..yamlreader import read_yaml_file
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


def read_registry(root: Path, files: list[CuratedFile] | None = None) -> Registry:
    """Names and kinds of every person, organisation and place, and the CAMEO labels."""
    registry = Registry()
    for source in files if files is not None else curated_files(root):
        if source.kind not in ("person", "organization", "place", "cameo"):
            continue
        data = _read(root / source.relative)
        if data is None:
            continue
        if source.kind == "cameo":
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
            kind=source.kind,
            name_en=_text(name.get("en")) or record_id,
            name_ar=_text(name.get("ar")),
            detail=detail if isinstance(detail, str) else None,
            proposed=is_proposed(data),
        )
    return registry


def _read(path: Path) -> dict[str, Any] | None:
    if path.is_symlink():
        return None  # never followed (the validator reports it as I005)
    try:
        return read_yaml_file(path).data
    except ReaderError:
        return None


def _list(value: object) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
