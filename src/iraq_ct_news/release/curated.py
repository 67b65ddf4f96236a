"""``load_curated()``: a curated tree, validated and compiled as the release would hold it.

Apart from :mod:`.dataset` because it needs the validator and the compiler, which ``load()``
of a built release never does: ``from iraq_ct_news import load`` stays light.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import UsageError
from .build import validated_release
from .container import Dataset


def load_curated(root: str | Path) -> Dataset:
    """Parse and validate the curated tree at ``root`` (holding ``curated/`` and ``seeds/``).

    Returns the records as the release would hold them (offsets and content hashes computed).
    Raises :class:`iraq_ct_news.ValidationError` carrying every finding when any rule fails, and
    :class:`iraq_ct_news.UsageError` when ``root`` holds no ``curated/`` folder.
    """
    if not (Path(root) / "curated").is_dir():
        raise UsageError(
            f"{root} has no curated/ folder: pass the repository folder (the one holding "
            "curated/ and seeds/), e.g. load_curated('path/to/iraq-ct-news')"
        )
    _, release = validated_release(Path(root))
    return release
