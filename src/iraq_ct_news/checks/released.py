"""What the versioning rules need of the last release in ``dataset/``, read once per run.

Articles are the bulk of a release, so they are read as plain JSON and their stored
``content_sha256`` is used; registry records carry no stored hash, are few, and are read as
models and hashed. The summary is kept in the cache, keyed by the SHA-256 of the release files,
so an unchanged release is not read again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from pydantic import BaseModel

from ..core.cache import ValidationCache
from ..core.errors import BuildError
from ..core.limits import MAX_RELEASE_VALUES
from ..models import VersionedRecord
from ..models.content import content_sha256
from ..models.field_types import ID_PATTERN
from ..models.kinds import KINDS
from ..models.layout import DATASET, RETIRED_PREFIX, STAGING_PREFIX, RecordKind
from ..reading.jsonl import (
    MAX_RELEASE_DEPTH,
    numbered_lines,
    read_jsonl,
    too_deep,
    too_many_values,
)
from .facts import Version

#: The release file and model of each versioned kind (from the table of kinds).
RELEASE_FILES: Mapping[RecordKind, tuple[str, type[BaseModel]]] = KINDS.view(lambda rows: {
    row.kind: (row.release_file, row.release_model) for row in rows  # type: ignore[misc]
    if row.versioned
})


class MissingRelease(NamedTuple):
    """No ``dataset/``, but the folders a killed build leaves beside it: the release was lost
    half-way through a swap (or a pull request removed it and left such a folder), so there is
    a release to compare with that cannot be read."""

    leftovers: tuple[str, ...]


def read_released(directory: Path) -> dict[RecordKind, dict[str, Version]] | str:
    """Every versioned record of the release in ``directory``, or why it could not be read.

    Articles are the bulk of a release, so they are read as plain JSON and their stored
    ``content_sha256`` is used (no models are built: validation stays fast at thousands of
    articles). Registry records carry no stored hash; they are few, and are read as models and
    hashed.
    """
    released: dict[RecordKind, dict[str, Version]] = {}
    for kind, (name, model) in RELEASE_FILES.items():
        path = directory / name
        problem = _unsafe(directory, path)
        if problem is not None:
            return problem
        if not path.is_file():
            return f"{DATASET}/{name} is missing"
        if kind == "article":
            articles = _read_articles(path)
            if isinstance(articles, str):
                return articles
            released[kind] = articles
            continue
        try:
            records = read_jsonl(path, model)
        except BuildError as error:
            return str(error)
        released[kind] = {
            record.id: Version(
                record.revision, record.created.isoformat(), record.modified.isoformat(),
                content_sha256(record),
            )
            for record in records
            if isinstance(record, VersionedRecord)
        }
    return released


Released = dict[RecordKind, dict[str, Version]]


def released_to_json(released: Released | str) -> dict[str, object]:
    """:func:`read_released`'s answer as JSON (for the cache)."""
    if isinstance(released, str):
        return {"problem": released}
    return {
        "records": {
            kind: {
                record_id: list(record)
                for record_id, record in records.items()
            }
            for kind, records in released.items()
        }
    }


def released_from_json(data: object) -> Released | str | None:
    """What :func:`released_to_json` wrote, or None for anything else."""
    # The cache checked the bytes it read; these are what released_to_json wrote.
    if not isinstance(data, dict):
        return None
    try:
        if "problem" in data:
            problem = data["problem"]
            return problem if isinstance(problem, str) else None
        decoded: Released = {}
        for kind, records in data["records"].items():
            if kind not in RELEASE_FILES:
                return None
            decoded[kind] = {
                str(record_id): Version(revision, created, modified, sha256)
                for record_id, (revision, created, modified, sha256) in records.items()
            }
        if set(decoded) != set(RELEASE_FILES):
            return None
        return decoded
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _read_articles(path: Path) -> dict[str, Version] | str:
    """The released articles by id, or why the file is not a release's: read within the
    release limits (:func:`~iraq_ct_news.reading.jsonl.numbered_lines`), and every id checked
    to be a record id before it is used or printed (a valid JSON line can hold any id, lone
    surrogates and line breaks too)."""
    found: dict[str, Version] = {}
    try:
        for number, line in numbered_lines(path):
            if line.isspace():
                continue
            try:
                data = _article_fields(line)
                record = Version(
                    _integer(data["revision"]),
                    _iso(data["created"]),
                    _iso(data["modified"]),
                    _sha256(data["content_sha256"]),
                )
                found[_record_id(data["id"])] = record
            except (ValueError, KeyError, TypeError) as error:
                return f"{DATASET}/{path.name}:{number}: not a released article ({error})"
            except RecursionError:
                return f"{DATASET}/{path.name}:{number}: not a released article (nested too deeply)"
    except BuildError as error:
        return str(error)
    return found


#: How JSON names what a line holds instead of an object.
_JSON_NAMES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean",
               type(None): "null"}

#: What the versioning rules read of each released article.
_ARTICLE_FIELDS = ("id", "revision", "created", "modified", "content_sha256")


def _article_fields(line: bytes) -> dict[str, object]:
    """A line of ``articles.jsonl`` as a mapping holding every field the rules read; a line
    that is not one raises ValueError saying what it is instead, in words, not Python's."""
    # Within the limits every other reader of a release line keeps: a forged line of millions
    # of nested values cost 760 MB to parse before it could be refused.
    if too_many_values(line):
        raise ValueError(f"more than {MAX_RELEASE_VALUES:,} values on one line")
    if too_deep(line):
        raise ValueError(f"nested deeper than {MAX_RELEASE_DEPTH} levels")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg}, column {error.colno})") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except ValueError:
        raise ValueError("a number with more digits than any field holds") from None
    if not isinstance(data, dict):
        kind = _JSON_NAMES.get(type(data), "value")
        raise ValueError(f"a JSON {kind}, not an object of an article's fields")
    missing = [name for name in _ARTICLE_FIELDS if name not in data]
    if missing:
        raise ValueError(f"no {', '.join(missing)}")
    return data


def _record_id(value: object) -> str:
    if not isinstance(value, str) or _RECORD_ID.fullmatch(value) is None:
        raise ValueError(f"id {value!r} is not a record id (lowercase kebab-case)")
    return value


_RECORD_ID = re.compile(ID_PATTERN)


def _unsafe(directory: Path, path: Path) -> str | None:
    """Why a release file must not be read, if it must not: the release is read only inside the
    repository, never through a symbolic link that could lead anywhere."""
    for candidate in (directory, path):
        if candidate.is_symlink():
            shown = candidate.relative_to(directory.parent).as_posix()
            return f"{shown} is a symbolic link; not followed"
    return None


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


def _integer(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"revision {value!r} is not an integer")
    return value


def _iso(value: object) -> str:
    """A calendar date written YYYY-MM-DD (raises ValueError or TypeError otherwise)."""
    if not isinstance(value, str):
        raise TypeError(f"date {value!r} is not text")
    return datetime.date.fromisoformat(value).isoformat()


def _sha256(value: object) -> str:
    if not isinstance(value, str) or re.fullmatch(r"[0-9a-f]{64}", value) is None:
        raise ValueError(f"content_sha256 {value!r} is not a SHA-256")
    return value




def load_released(
    root: Path, cache: ValidationCache | None
) -> Released | str | MissingRelease | None:
    """The release in ``root/dataset`` as :func:`read_released` reads it, from the cache when
    its files are unchanged; None when there is no release to compare with (no ``dataset/``
    and nothing a build left behind); a :class:`MissingRelease` when a build's leftovers say
    there was one."""
    directory = root / DATASET
    names = [name for name, _model in RELEASE_FILES.values()]
    if not os.path.lexists(directory):
        leftovers = sorted(
            entry.name for entry in _listing(root)
            if entry.name.startswith((STAGING_PREFIX, RETIRED_PREFIX))
        )
        return MissingRelease(tuple(leftovers)) if leftovers else None
    if not (directory / names[0]).is_file() or directory.is_symlink():
        return read_released(directory)  # a release with its main file gone, or a link
    if cache is None:
        return read_released(directory)
    digest = hashlib.sha256(b"release\0")
    for name in names:
        path = directory / name
        if directory.is_symlink() or path.is_symlink() or not path.is_file():
            return read_released(directory)  # refused or missing: not cached
        try:
            sha256 = cache.hasher.sha256(path, None)
        except OSError:
            return read_released(directory)
        digest.update(f"{name}\0{sha256}\0".encode())
    key = cache.key("release", digest.hexdigest())
    entry = cache.read([key]).get(key)
    if entry is not None:
        decoded = released_from_json(entry)
        if decoded is not None:
            cache.used.add(key)
            cache.write({})  # the signatures learnt on the way
            return decoded
    released = read_released(directory)
    cache.write({key: released_to_json(released)})
    cache.used.add(key)
    return released
