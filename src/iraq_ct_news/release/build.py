"""``iraq-ct-news build``: validate, render every release file, and swap ``dataset/`` in whole.

The release is rendered in memory, written into a fresh sibling folder, and only then renamed
into place, so an error, a full disk or Ctrl-C at any point leaves the previous ``dataset/``
exactly as it was. Every byte comes from the records and the version: two builds of the same
tree are identical, which is what lets CI check the committed release with ``--check``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..checks.run import ValidationResult, validate_repository
from ..core.errors import BuildError, ValidationError
from ..core.fsutil import (
    FileTooLarge,
    LinkedPath,
    NotARegularFile,
    exchange_paths,
    first_link,
    read_regular_file,
)
from ..core.textutil import printable
from ..models.kinds import KINDS, SCHEMA_MODELS
from ..models.layout import DATASET, RETIRED_PREFIX, SCHEMA, STAGING_PREFIX
from ..models.schema_export import schema_file_name, stale_schemas, write_schemas
from ..reading.jsonl import render_jsonl
from ..store.writer import Writer
from . import parquet
from .build_outputs import BUILD_OUTPUTS
from .card import render_card
from .compile import compile_release
from .container import Dataset
from .croissant import CROISSANT, render_croissant
from .datapackage import render_datapackage
from .duckdb import DUCKDB_SQL, render_duckdb
from .jsonld import render_jsonld
from .names import ARTICLES_JSONL, CARD, DATAPACKAGE, JSONLD, PARQUET_DIR
from .nlp import (
    ANNOTATIONS_JSONLD,
    ATTRIBUTION_JSONL,
    NER_JSONL,
    render_annotations,
    render_attribution,
    render_ner,
)
from .tables import TABLES, render_csv

if TYPE_CHECKING:
    from ..core.cache import ValidationCache
    from ..core.progress import Progress

_STAGING_PREFIX = STAGING_PREFIX
_RETIRED_PREFIX = RETIRED_PREFIX


@dataclass
class BuildResult:
    release: Dataset
    validation: ValidationResult
    directory: Path
    files: dict[str, bytes]
    """The committed files of the release, by path relative to ``dataset/``."""
    extra: dict[str, bytes] = field(default_factory=dict)
    """Files written but not committed or checked (Parquet)."""
    schemas: list[Path] = field(default_factory=list)
    """Schema files that were rewritten."""


def validated_release(
    root: Path,
    *,
    cache: ValidationCache | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> tuple[ValidationResult, Dataset]:
    """Validate ``root`` and compile its release; :class:`ValidationError` lists every finding.

    ``cache`` is read and written: a file whose result it holds is not checked again, only
    read into its model and its spans placed (the cache keeps no models), and a later
    ``validate`` finds the files this run checked.
    """
    result = validate_repository(root, cache=cache, jobs=jobs, progress=progress)
    if result.errors:
        raise ValidationError(result.findings)
    return result, compile_release(result)


def render_release(release: Dataset) -> dict[str, bytes]:
    """Every committed file of the release, in a fixed order, by release-relative path."""
    files: dict[str, bytes] = {}
    renderers: dict[str, Callable[[], Mapping[str, bytes]]] = {
        "articles": lambda: {ARTICLES_JSONL: render_jsonl(release.articles.values())},
        "registries": lambda: {
            row.release_file: render_jsonl(release.of_kind(row).values())
            for row in KINDS if row.kind != "article"
        },
        "tables": lambda: {table.path: render_csv(table, release) for table in TABLES},
        "datapackage": lambda: {DATAPACKAGE: render_datapackage(release, files)},
        "duckdb": lambda: {DUCKDB_SQL: render_duckdb()},
        "ner": lambda: {NER_JSONL: render_ner(release)},
        "attribution": lambda: {ATTRIBUTION_JSONL: render_attribution(release)},
        "annotations": lambda: {ANNOTATIONS_JSONLD: render_annotations(release)},
        "jsonld": lambda: {JSONLD: render_jsonld(release, dict(files))},
        "croissant": lambda: {CROISSANT: render_croissant(release, dict(files))},
        "card": lambda: {CARD: render_card(release)},
    }
    for export in BUILD_OUTPUTS:
        if export.committed:
            files.update(renderers[export.name]())
    return files


def build(
    root: Path,
    *,
    with_parquet: bool | None = None,
    cache: ValidationCache | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> BuildResult:
    """Validate ``root``, then write ``root/dataset`` (and refresh ``root/schema``).

    ``with_parquet`` defaults to whether pyarrow is installed. ``cache``, ``jobs`` and
    ``progress`` are passed to the validation (see :func:`validated_release`).
    """

    # One build (or other writer) at a time: a second one waits for the lock, so it can never
    # delete the first one's staging folder as a leftover and leave dataset/ incomplete.
    writer = Writer(root)
    with writer.locked():
        return _build(root, writer, write_schemas, with_parquet, cache, jobs, progress)


def _build(
    root: Path,
    writer: Writer,
    write_schemas: Callable[..., list[Path]],
    with_parquet: bool | None,
    cache: ValidationCache | None,
    jobs: int | None,
    progress: Progress | None,
) -> BuildResult:
    result, release = validated_release(root, cache=cache, jobs=jobs, progress=progress)
    _refuse_linked_outputs(root)
    if with_parquet is None:
        with_parquet = parquet.available()
    if progress is not None:
        progress.unit = "steps"
        progress.start(3 if with_parquet else 2, "writing the release")
    files = render_release(release)
    _advance(progress)
    extra = parquet.render_all(release) if with_parquet else {}
    if with_parquet:
        _advance(progress)
    writer.clean_leftovers(SCHEMA)
    schemas = write_schemas(root / SCHEMA, writer.write_path)
    directory = root / DATASET
    write_release(directory, {**files, **extra})
    _advance(progress)
    if progress is not None:
        progress.finish()
    return BuildResult(release, result, directory, files, extra, schemas)


def _refuse_linked_outputs(root: Path) -> None:
    """Refuse, before anything is written, a ``schema/`` or ``dataset/`` (or schema file) that
    is a symbolic link: the build would write where it points, outside the repository."""

    if (root / DATASET).is_symlink():
        raise BuildError(f"{root / DATASET} {_LINK_PROBLEM}")
    for kind in SCHEMA_MODELS:
        link = first_link(root, root / SCHEMA / schema_file_name(kind))
        if link is not None:
            raise BuildError(f"{link} {_LINK_PROBLEM}")


def _advance(progress: Progress | None) -> None:
    if progress is not None:
        progress.advance()


def check(
    root: Path,
    *,
    cache: ValidationCache | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> list[str]:
    """What a build would change, one line per file; empty when ``dataset/`` and ``schema/`` are
    up to date. Writes nothing in the tree.

    Nothing is read through a symbolic link (a linked ``dataset/``, ``schema/`` or release file
    is reported, never compared), and no file is read past the length of what a build would
    write there, so a file linked or grown to any size costs nothing.
    """

    _, release = validated_release(root, cache=cache, jobs=jobs, progress=progress)
    problems: list[str] = []
    schema_link = first_link(root, root / SCHEMA)
    if schema_link is not None:
        problems.append(f"{SCHEMA}: {_LINK_PROBLEM}")
    else:
        problems += [f"{SCHEMA}/{name}: {_stale(root, root / SCHEMA / name)}"
                     for name in stale_schemas(root / SCHEMA)]
    directory = root / DATASET
    if directory.is_symlink():
        return [*problems, f"{DATASET}: {_LINK_PROBLEM}"]
    expected = render_release(release)
    for relative, data in expected.items():
        problem = _compare_committed(root, directory / relative, data)
        if problem is not None:
            problems.append(f"{DATASET}/{relative}: {problem}")
    if directory.is_dir():
        for path in sorted(directory.rglob("*")):
            # A name a pull request chose, printed at the start of a line.
            relative = printable(path.relative_to(directory).as_posix())
            if relative.split("/")[0] == PARQUET_DIR:
                continue
            if path.is_symlink() and relative not in expected:
                problems.append(f"{DATASET}/{relative}: {_LINK_PROBLEM}")
            elif path.is_dir() or relative in expected:
                continue
            else:
                problems.append(f"{DATASET}/{relative}: not part of the release")
    return problems


_LINK_PROBLEM = "is a symbolic link; a release is real files in the repository (remove the link)"


def _stale(root: Path, path: Path) -> str:
    return _LINK_PROBLEM if first_link(root, path) is not None else "stale"


def _compare_committed(root: Path, path: Path, data: bytes) -> str | None:
    """Why the committed file at ``path`` is not ``data`` (None when it is)."""
    try:
        committed = read_regular_file(path, len(data), root=root)
    except FileNotFoundError:
        return "missing"
    except LinkedPath:
        return _LINK_PROBLEM
    except NotARegularFile:
        return "is not a regular file (a folder, named pipe or device)"
    except FileTooLarge:
        return "differs from what a build would write"
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    return None if committed == data else "differs from what a build would write"


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o644)


def _fsync_directory(directory: Path) -> None:
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory descriptors
        return
    try:
        os.fsync(descriptor)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(descriptor)


def write_release(target: Path, files: Mapping[str, bytes]) -> None:
    """Replace the folder ``target`` by one holding exactly ``files``, all or nothing.

    The new folder is written beside ``target`` and exchanged with it in one atomic step where
    the system can (``renameat2(RENAME_EXCHANGE)`` on Linux), then the old one is deleted.
    Elsewhere the old folder is renamed aside first, the new one renamed into place and the
    old one deleted last (and put back if the second rename fails); a process killed between
    those two renames leaves no ``target``, which :func:`recover` repairs on the next build.
    ``target`` that is a symbolic link is refused: the release would be written where it points.
    """
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        raise BuildError(f"{target} {_LINK_PROBLEM}")
    recover(target)
    staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=parent))
    try:
        for relative, data in files.items():
            _write_file(staging / relative, data)
        os.chmod(staging, 0o755)
        _swap(staging, target)
    except BaseException:
        _remove_tree(staging)
        raise
    _fsync_directory(parent)


def _swap(staging: Path, target: Path) -> None:
    if not os.path.lexists(target):
        os.rename(staging, target)
        return
    if target.is_symlink() or not target.is_dir():
        raise BuildError(f"{target} exists and is not a folder")
    if exchange_paths(staging, target):
        # ``staging`` now holds the previous release; a kill before it is gone leaves a staging
        # folder beside a complete ``target``, which ``recover`` deletes.
        _fsync_directory(target.parent)
        _remove_tree(staging)
        return
    retired = Path(tempfile.mkdtemp(prefix=_RETIRED_PREFIX, dir=target.parent))
    os.rmdir(retired)
    os.rename(target, retired)
    try:
        os.rename(staging, target)
    except BaseException:
        os.rename(retired, target)
        raise
    _remove_tree(retired)


def _remove_tree(path: Path) -> None:
    """Delete a folder of ours; a symbolic link in its place is unlinked, never followed."""
    if path.is_symlink():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def leftovers(target: Path) -> list[Path]:
    """The staging and retired folders killed builds left beside ``target``, sorted."""
    parent = target.parent
    return sorted([*parent.glob(f"{_RETIRED_PREFIX}*"), *parent.glob(f"{_STAGING_PREFIX}*")])


def recover(target: Path) -> None:
    """Clean up after a build that was killed (not merely failed) part-way.

    A killed build can leave its staging folder behind (with the new or, after an exchange, the
    old release in it), or — if it died between the two renames of the fallback — the previous
    release renamed aside with no ``dataset/`` in its place; that release is put back. A
    leftover that is a symbolic link (a pull request can carry one) is unlinked, never followed
    or put back.
    """
    parent = target.parent
    retired = sorted(
        path for path in parent.glob(f"{_RETIRED_PREFIX}*") if not path.is_symlink()
    )
    if not os.path.lexists(target) and retired:
        os.rename(retired.pop(), target)
    for leftover in leftovers(target):
        _remove_tree(leftover)
