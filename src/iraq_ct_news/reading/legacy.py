"""Lines written by earlier releases, read as the current record format.

``diff`` compares a release with an older one, and a researcher may ``load()`` a release that an
earlier package version wrote; both must keep working after a change of the record format. Each
upgrade below names the format change it undoes. An upgrade is tried only on a line the current
model refuses, so a current release never pays for it, and the upgraded record is validated
by the current model like any other, so an upgrade can never let a bad line through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..models import Theme

Upgrade = Callable[[dict[str, Any]], dict[str, Any]]


def _pillar_numbers_as_text(record: dict[str, Any]) -> dict[str, Any]:
    """Record format 1.0.0 (release 0.1.0) wrote a theme's GCTS pillar number as an integer;
    1.1.0 writes it as text, as every other ``close_match`` value."""
    matches = record.get("close_match")
    if not isinstance(matches, list):
        return record
    upgraded = []
    for match in matches:
        if (
            isinstance(match, dict)
            and match.get("scheme") == "un-gcts-pillar"
            and type(match.get("value")) is int
        ):
            match = {**match, "value": str(match["value"])}
        upgraded.append(match)
    return {**record, "close_match": upgraded}


#: Upgrades for each model, oldest format change first.
UPGRADES: dict[type[BaseModel], tuple[Upgrade, ...]] = {
    Theme: (_pillar_numbers_as_text,),
}


def upgrade(model: type[BaseModel], record: object) -> dict[str, Any] | None:
    """``record`` rewritten by the upgrades for ``model``, or None when none applies."""
    steps = UPGRADES.get(model)
    if not steps or not isinstance(record, dict):
        return None
    upgraded = record
    for step in steps:
        upgraded = step(upgraded)
    return None if upgraded == record else upgraded
