"""Hatch build hook: put the committed release (``dataset/``) inside the wheel.

The wheel carries the release as ``iraq_ct_news/_release/`` so that ``iraq_ct_news.load()``
works wherever ``pip install`` does. Parquet files are left out (they are not part of the
committed release; see ``iraq_ct_news.release.parquet``). Editable installs get nothing: there
the loader reads the repository's ``dataset/`` directly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

RELEASE = "dataset"
PACKAGED = "iraq_ct_news/_release"
NOT_SHIPPED = ("parquet",)


class ReleaseHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "release"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        release = Path(self.root) / RELEASE
        if not (release / "articles.jsonl").is_file():
            return
        for path in sorted(release.rglob("*")):
            relative = path.relative_to(release)
            if path.is_file() and relative.parts[0] not in NOT_SHIPPED:
                build_data["force_include"][str(path)] = f"{PACKAGED}/{relative.as_posix()}"
