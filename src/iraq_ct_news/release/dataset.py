"""The public way in: :func:`load` and the :class:`Dataset` it returns
(defined in :mod:`.container`, which the build and the exports use too).

``load()`` reads the compiled release (JSON Lines, no YAML, no validation rules), once per
folder per process; ``load_curated()`` (:mod:`.curated`) reads a curated tree through the
validator, for contributors who want to work with records before they are released.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel

from ..core.errors import BuildError
from ..core.fsutil import read_regular_file
from ..core.limits import MAX_RELEASE_FILE_BYTES
from ..core.safeoutput import one_line
from ..core.textutil import printable
from ..models.kinds import KINDS
from ..reading.jsonl import loads, read_jsonl, read_lazy
from .container import Articles as Articles
from .container import Dataset as Dataset
from .container import EntityMentions as EntityMentions
from .container import frozen
from .names import ARTICLES_JSONL, DATAPACKAGE, packaged_release

_CACHE: dict[Path, Dataset] = {}
#: A release version as ``build`` writes it (the package's, a semantic version).
_VERSION = re.compile(r"[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.+-]+)?")
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
    """The release's version from its ``datapackage.json``; a file that is not one (a hand
    edit, a broken copy) is a :class:`BuildError` that says in words what the file holds."""
    path = folder / DATAPACKAGE
    shown = printable(path.as_posix())
    try:
        raw = read_regular_file(path, MAX_RELEASE_FILE_BYTES, root=folder)
    except OSError as error:
        raise BuildError(f"{shown} cannot be read: {error.strerror or error}") from None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BuildError(f"{shown}: byte {error.start + 1} is not UTF-8 text; build the "
                         "release again") from None
    try:
        descriptor = loads(raw, shown)
    except json.JSONDecodeError as error:
        raise BuildError(f"{shown}:{error.lineno}:{error.colno}: not JSON ({error.msg}); build "
                         "the release again") from None
    except ValueError:  # a number longer than Python converts
        raise BuildError(f"{shown}: holds a number too long to read; build the release "
                         "again") from None
    version = descriptor.get("version") if isinstance(descriptor, dict) else None
    if not isinstance(version, str):
        raise BuildError(f"{shown} has no version")
    if not _VERSION.fullmatch(version):
        raise BuildError(f"{shown}: {one_line(version[:80])!r} is not a release version "
                         "(MAJOR.MINOR.PATCH); build the release again")
    return version
