"""The registry record ``draft --stubs`` writes for a new entity.

For a name the gazetteer lists, the record is complete (id by the registry's conventions, both
names, kind, country, parent, acronyms), taken from the shipped table; for any other name it
holds what the text gives (the Arabic name) and placeholders a person fills in. Either way it
is marked ``proposed``: a machine's proposal is not data until a person confirms it.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from ...core._version import SCHEMA_VERSION
from ...models.field_types import ID_MAX_LENGTH
from ...models.layout import record_path
from ...reading.gazetteer import GazetteerEntry, entry_for
from .entities import Candidate
from .proposals import NewEntity

#: Placeholders for what only a person can say, by entity kind.
_TODO_FIELDS: dict[str, dict[str, Any]] = {
    "person": {"positions": []},
    "organization": {
        "acronyms": {"en": [], "ar": []},
        "kind": "TODO: un-entity, government, government-body, intergovernmental, coalition, "
                "armed-group, news-outlet, financial-institution, ngo or other",
        "parent": None,
        "country": None,
    },
    "place": {"kind": "TODO: country, city, region or building", "country": None},
}
_PLACE_KINDS = ("country", "city", "region", "building")


def stub_record(
    new_entity: NewEntity, entity_id: str, today: datetime.date | None, root: Path
) -> dict[str, Any]:
    """The record for ``new_entity`` under ``entity_id``, created and modified ``today``, for
    the tree at ``root`` (a parent the tree lacks is left for a person to add)."""
    date = (today or datetime.date.today()).isoformat()
    entry = entry_for(new_entity.reference) if new_entity.reference else None
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": entity_id,
        "revision": 1,
        "created": date,
        "modified": date,
        "status": "active",
    }
    if entry is not None and entry.entity == new_entity.kind:
        data.update(_from_gazetteer(entry, new_entity.name))
        if data.get("parent") and not (root / record_path("organization", data["parent"])).is_file():
            data["parent"] = None
    else:
        data["name"] = {"en": "TODO: the name in English", "ar": new_entity.name}
        data["aliases"] = []
        fields = {key: (dict(value) if isinstance(value, dict) else value)
                  for key, value in _TODO_FIELDS[new_entity.kind].items()}
        if new_entity.kind == "place" and new_entity.place_kind in _PLACE_KINDS:
            fields["kind"] = new_entity.place_kind
        data.update(fields)
    data["identifiers"] = []
    data["proposed"] = True
    return data


def _from_gazetteer(entry: GazetteerEntry, written: str) -> dict[str, Any]:
    """Names, kind and country from the table; the article's spelling, if another, an alias."""
    aliases = [alias for alias in entry.aliases_ar if alias != entry.name_ar]
    if written != entry.name_ar and written not in aliases:
        aliases.insert(0, written)
    fields: dict[str, Any] = {"name": {"en": entry.name_en, "ar": entry.name_ar}, "aliases": aliases}
    if entry.entity == "organization":
        fields["acronyms"] = {"en": list(entry.acronyms_en), "ar": []}
        fields["kind"] = entry.kind
        fields["parent"] = entry.parent
    else:
        fields["kind"] = entry.kind
    fields["country"] = entry.country
    return fields


_LATIN = str.maketrans({
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j",
    "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s",
    "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l",
    "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a", "ء": "", "ئ": "",
    "ؤ": "", "گ": "g", "پ": "p", "چ": "ch", "ڤ": "v",
})


def suggested_id(candidate: Candidate) -> str:
    """The gazetteer's id for a name it lists (registry conventions: the English name in kebab
    case); otherwise a kebab-case id spelled from the Arabic name, for a person to confirm or
    rename."""
    if candidate.reference is not None:
        return candidate.reference.id
    name = candidate.text
    parts = []
    for word in name.split():
        latin = word.translate(_LATIN).lower()
        if latin.startswith("al") and len(latin) > 3 and word.startswith("ال"):
            latin = "al-" + latin[2:]
        parts.append(re.sub(r"[^a-z0-9-]+", "", latin))
    slug = re.sub(r"-+", "-", "-".join(part for part in parts if part)).strip("-") or "entity"
    return slug[:ID_MAX_LENGTH].rstrip("-")


def unique_ids(new_entities: list[NewEntity], taken: set[str]) -> None:
    """Make each suggested id unique among ``taken`` and the others (a number appended)."""
    used = set(taken)
    # The last number tried for each id: many names transliterated alike (ص and س are both s)
    # went through every number already given out for each (names² before).
    tried: dict[str, int] = {}
    for entity in new_entities:
        base = entity.suggested_id
        number = tried.get(base, 1)
        while entity.suggested_id in used:
            number += 1
            entity.suggested_id = f"{base[: ID_MAX_LENGTH - 4]}-{number}"
        tried[base] = number
        used.add(entity.suggested_id)
