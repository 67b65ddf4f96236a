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
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from ..errors import BuildError
from ..findings import Finding
from ..layout import DATASET, RecordKind, record_path
from ..models import Article, Organization, Person, Place, VersionedRecord
from .loading import ParsedFile

_RELEASE_FILES: dict[RecordKind, tuple[str, type[BaseModel]]] = {
    "article": ("articles.jsonl", Article),
    "person": ("people.jsonl", Person),
    "organization": ("organizations.jsonl", Organization),
    "place": ("places.jsonl", Place),
}


@dataclass(frozen=True)
class ReleasedRecord:
    """What versioning needs to know about a released record."""

    revision: int
    created: datetime.date
    modified: datetime.date
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
    for kind, (name, model) in _RELEASE_FILES.items():
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
                record.revision, record.created, record.modified, content_sha256(record)
            )
            for record in records
            if isinstance(record, VersionedRecord)
        }
    return released


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
                    datetime.date.fromisoformat(data["created"]),
                    datetime.date.fromisoformat(data["modified"]),
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


def _sha256(value: object) -> str:
    if not isinstance(value, str) or re.fullmatch(r"[0-9a-f]{64}", value) is None:
        raise ValueError(f"content_sha256 {value!r} is not a SHA-256")
    return value


def check_versions(
    root: Path, parsed_files: list[ParsedFile], display: Callable[[PurePosixPath], str]
) -> list[Finding]:
    """Add V002/V003/V005 findings to the files concerned; return the findings (V004, V006)
    that belong to no existing file."""
    from ..release.content import content_sha256

    directory = root / DATASET
    if not (directory / _RELEASE_FILES["article"][0]).is_file():
        return []
    released = read_released(directory)
    if isinstance(released, str):
        return [
            Finding(display(PurePosixPath(DATASET)), 1, 1, "V006",
                    f"versioning not checked: {released}", "warning")
        ]
    present: dict[RecordKind, set[str]] = {kind: set() for kind in _RELEASE_FILES}
    for parsed in parsed_files:
        kind = parsed.kind
        if kind not in present:
            continue
        present[kind].add(parsed.source.stem)
        record = parsed.record
        if not isinstance(record, VersionedRecord) or parsed.repaired:
            continue
        previous = released[kind].get(record.id)
        if previous is None:
            continue
        old = previous
        report = parsed.report
        if record.revision < old.revision:
            report.add("V005", f"revision {record.revision} is lower than the released "
                       f"revision {old.revision}", ("revision",))
        if record.created != old.created:
            report.add("V005", f"created was {old.created.isoformat()} in the release; it never "
                       "changes", ("created",))
        if content_sha256(record) == previous.content_sha256:
            continue
        if record.revision <= old.revision:
            report.add(
                "V002",
                f"content changed since release (revision {old.revision}) but revision is "
                f"{record.revision}; set it to {old.revision + 1}",
                ("revision",),
            )
        if record.modified <= old.modified:
            report.add(
                "V003",
                f"content changed but modified ({record.modified.isoformat()}) is not after the "
                f"released {old.modified.isoformat()}",
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
