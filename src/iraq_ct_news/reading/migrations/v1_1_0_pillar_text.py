"""Record format 1.1.0: a theme's ``un-gcts-pillar`` close match is text (``"1"``–``"4"``), like
every other scheme's value; 1.0.0 wrote it as a number."""

from __future__ import annotations

from typing import Any

from . import MigrationStep


def pillar_numbers_as_text(data: dict[str, Any]) -> list[str]:
    changes: list[str] = []
    themes = data.get("themes")
    for index, theme in enumerate(themes if isinstance(themes, list) else []):
        matches = theme.get("close_match") if isinstance(theme, dict) else None
        for position, match in enumerate(matches if isinstance(matches, list) else []):
            if (
                isinstance(match, dict)
                and match.get("scheme") == "un-gcts-pillar"
                and type(match.get("value")) is int
            ):
                match["value"] = str(match["value"])
                changes.append(
                    f"themes[{index}].close_match[{position}].value: {match['value']} → "
                    f"'{match['value']}'"
                )
    return changes


STEP = MigrationStep(
    name="pillar-text",
    introduced_in="1.1.0",
    kinds=("themes",),
    apply=pillar_numbers_as_text,
)
