"""Versioning rules (DATA-MODEL §4 rule 7): curated records against the last release.

The release in ``dataset/`` is the record of what users have seen. Against it: a record whose
content changed needs a higher ``revision`` and a later ``modified`` date (V002, V003); a
released id may not disappear from ``curated/`` (V004: withdraw instead); ``revision`` never
goes down and ``created`` never changes (V005). Without a ``dataset/`` (before the first
release) there is nothing to compare and no finding.

Content is compared through ``content_sha256`` (see :mod:`iraq_ct_news.release.content`),
recomputed on both sides so that a release written by an older build is judged by the same
definition.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from pydantic import BaseModel

from ..errors import BuildError
from ..findings import Finding
from ..layout import DATASET, RecordKind, record_path
from ..models import Article, Organization, Person, Place, VersionedRecord
from .cross_checks import TreeFile

RELEASE_FILES: dict[RecordKind, tuple[str, type[BaseModel]]] = {
    "article": ("articles.jsonl", Article),
    "person": ("people.jsonl", Person),
    "organization": ("organizations.jsonl", Organization),
    "place": ("places.jsonl", Place),
}


class ReleasedRecord(NamedTuple):
    """What versioning needs to know about a released record (dates as ISO text, which
    orders and compares as the dates do)."""

    revision: int
    created: str
    modified: str
    content_sha256: str


def read_released(directory: Path) -> dict[RecordKind, dict[str, ReleasedRecord]] | str:
    """Every versioned record of the release in ``directory``, or why it could not be read.

    Articles are the bulk of a release, so they are read as plain JSON and their stored
    ``content_sha256`` is used (no models are built: validation stays fast at thousands of
    articles). Registry records carry no stored hash; they are few, and are read as models and
    hashed.
    """
    from ..release.content import content_sha256
    from ..release.jsonl import read_jsonl

    released: dict[RecordKind, dict[str, ReleasedRecord]] = {}
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
            record.id: ReleasedRecord(
                record.revision, record.created.isoformat(), record.modified.isoformat(),
                content_sha256(record),
            )
            for record in records
            if isinstance(record, VersionedRecord)
        }
    return released


Released = dict[RecordKind, dict[str, ReleasedRecord]]


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
                str(record_id): ReleasedRecord(revision, created, modified, sha256)
                for record_id, (revision, created, modified, sha256) in records.items()
            }
        if set(decoded) != set(RELEASE_FILES):
            return None
        return decoded
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _read_articles(path: Path) -> dict[str, ReleasedRecord] | str:
    found: dict[str, ReleasedRecord] = {}
    with path.open("rb") as stream:
        for number, line in enumerate(stream, start=1):
            if line.isspace():
                continue
            try:
                data = json.loads(line)
                record = ReleasedRecord(
                    _integer(data["revision"]),
                    _iso(data["created"]),
                    _iso(data["modified"]),
                    _sha256(data["content_sha256"]),
                )
                found[str(data["id"])] = record
            except (ValueError, KeyError, TypeError) as error:
                return f"{DATASET}/{path.name}:{number}: not a released article ({error})"
            except RecursionError:
                return f"{DATASET}/{path.name}:{number}: not a released article (nested too deeply)"
    return found


def _unsafe(directory: Path, path: Path) -> str | None:
    """Why a release file must not be read, if it must not: the release is read only inside the
    repository, never through a symbolic link that could lead anywhere."""
    for candidate in (directory, path):
        if candidate.is_symlink():
            shown = candidate.relative_to(directory.parent).as_posix()
            return f"{shown} is a symbolic link; not followed"
    return None


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


def check_versions(
    root: Path,
    files: list[TreeFile],
    display: Callable[[PurePosixPath], str],
    released: dict[RecordKind, dict[str, ReleasedRecord]] | str | None = None,
) -> list[Finding]:
    """Add V002/V003/V005 findings to the files concerned; return the findings (V004, V006)
    that belong to no existing file.

    ``released`` is the release as :func:`read_released` reads it, when the caller already has
    it (from the cache); it is read from ``root/dataset`` otherwise.
    """
    directory = root / DATASET
    if not (directory / RELEASE_FILES["article"][0]).is_file():
        return []
    if released is None:
        released = read_released(directory)
    if isinstance(released, str):
        return [
            Finding(display(PurePosixPath(DATASET)), 1, 1, "V006",
                    f"versioning not checked: {released}", "warning")
        ]
    present: dict[RecordKind, set[str]] = {kind: set() for kind in RELEASE_FILES}
    for tree_file in files:
        kind = tree_file.source.kind
        if kind not in present:
            continue
        present[kind].add(tree_file.source.stem)
        facts = tree_file.facts
        if facts.version is None or facts.record_id is None:
            continue
        previous = released[kind].get(facts.record_id)
        if previous is None:
            continue
        old = previous
        revision, created, modified, sha256 = facts.version
        if (
            revision >= old.revision
            and created == old.created
            and sha256 == previous.content_sha256
        ):
            continue  # the common case: nothing to report, and no report made
        report = tree_file.report
        if revision < old.revision:
            report.add("V005", f"revision {revision} is lower than the released "
                       f"revision {old.revision}", ("revision",))
        if created != old.created:
            report.add("V005", f"created was {old.created} in the release; it never "
                       "changes", ("created",))
        if sha256 == previous.content_sha256:
            continue
        if revision <= old.revision:
            report.add(
                "V002",
                f"content changed since release (revision {old.revision}) but revision is "
                f"{revision}; set it to {old.revision + 1}",
                ("revision",),
            )
        if modified <= old.modified:
            report.add(
                "V003",
                f"content changed but modified ({modified}) is not after the "
                f"released {old.modified}",
                ("modified",),
            )
    missing: list[Finding] = []
    for kind, records in released.items():
        for record_id in sorted(set(records) - present[kind]):
            missing.append(
                Finding(
                    display(record_path(kind, record_id)), 1, 1, "V004",
                    f"{kind} '{record_id}' is in the release but not in curated/; restore it "
                    "and set status: withdrawn",
                )
            )
    return missing
