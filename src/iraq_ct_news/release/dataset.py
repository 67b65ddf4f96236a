"""The public way in: :func:`load`, :func:`load_curated` and the :class:`Dataset` they return
(defined in :mod:`.container`, which the build and the exports use too).

``load()`` reads the compiled release (JSON Lines, no YAML, no validation rules), once per
folder per process; ``load_curated()`` reads a curated tree through the validator, for
contributors who want to work with records before they are released.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from ..errors import BuildError
from ..kinds import KINDS
from .container import Articles as Articles
from .container import Dataset as Dataset
from .container import EntityMentions as EntityMentions
from .container import frozen
from .names import ARTICLES_JSONL, DATAPACKAGE, packaged_release

_CACHE: dict[Path, Dataset] = {}
_LOCK = threading.Lock()


def release_path(path: str | Path | None = None) -> Path:
    """The release folder ``load(path)`` reads; :class:`BuildError` when there is none."""
    if path is None:
        found = packaged_release()
        if found is None:
            raise BuildError(
                "no release found: this installation carries no dataset and there is no "
                "dataset/ folder beside the source (run `iraq-ct-news build`)"
            )
        return found
    folder = Path(path)
    if not (folder / ARTICLES_JSONL).is_file():
        raise BuildError(f"{folder} is not a release folder (it has no {ARTICLES_JSONL})")
    return folder


def load(path: str | Path | None = None) -> Dataset:
    """The release as typed records: the one packaged with this installation, or the release
    folder at ``path``.

    Read once per folder and process, then shared (records are immutable). Reads the JSON Lines
    files only; no YAML is parsed and no rule is run. Registries are validated into models at
    once; each article is validated into its model the first time it is used (so a damaged
    article line raises :class:`BuildError` then), which keeps ``load()`` fast and small when a
    program uses a few of ten thousand articles.
    """
    folder = release_path(path).resolve()
    with _LOCK:
        cached = _CACHE.get(folder)
        if cached is None:
            cached = _read_release(folder)
            _CACHE[folder] = cached
        return cached


def clear_cache() -> None:
    """Forget every release :func:`load` has read (for a folder rewritten in the meantime)."""
    with _LOCK:
        _CACHE.clear()


def _read_release(folder: Path) -> Dataset:
    from .jsonl import read_jsonl, read_lazy

    collections: dict[str, Mapping[str, BaseModel]] = {}
    for row in KINDS:
        path = folder / row.release_file
        if row.kind == "article":
            # Articles are made into models as they are used (see ``jsonl.LazyRecords``).
            collections[row.collection] = read_lazy(path, row.release_model)
        else:
            collections[row.collection] = frozen(
                {row.key_of(item): item for item in read_jsonl(path, row.release_model)}
            )
    return Dataset(collections, _release_version(folder), folder)


def _release_version(folder: Path) -> str:
    from ..fsutil import read_regular_file
    from ..limits import MAX_RELEASE_FILE_BYTES

    path = folder / DATAPACKAGE
    try:
        raw = read_regular_file(path, MAX_RELEASE_FILE_BYTES, root=folder)
        descriptor = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        reason = getattr(error, "strerror", None) or error
        raise BuildError(f"{path} cannot be read: {reason}") from None
    version = descriptor.get("version") if isinstance(descriptor, dict) else None
    if not isinstance(version, str):
        raise BuildError(f"{folder / DATAPACKAGE} has no version")
    return version


def load_curated(root: str | Path) -> Dataset:
    """Parse and validate the curated tree at ``root`` (holding ``curated/`` and ``seeds/``).

    Returns the records as the release would hold them (offsets and content hashes computed).
    Raises :class:`iraq_ct_news.ValidationError` carrying every finding when any rule fails, and
    :class:`iraq_ct_news.UsageError` when ``root`` holds no ``curated/`` folder.
    """
    from ..errors import UsageError
    from .build import validated_release

    if not (Path(root) / "curated").is_dir():
        raise UsageError(
            f"{root} has no curated/ folder: pass the repository folder (the one holding "
            "curated/ and seeds/), e.g. load_curated('path/to/iraq-ct-news')"
        )
    _, release = validated_release(Path(root))
    return release
