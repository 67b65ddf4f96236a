"""Validating a repository: check every curated file on its own, then check across them.

The work is done in two passes over the files so that each can use every core:

1. the registries and vocabularies, each on its own (their file-stage checks, :mod:`.stage`);
2. the articles, each on its own (their file- and article-stage checks), against the seeds and
   the registry names from pass 1;

then, in this process, the tree- and release-stage checks of the catalog (:mod:`.rules`) on the
summaries the passes produced. With a :class:`~iraq_ct_news.core.cache.ValidationCache`, a file
whose result still applies (see :mod:`.reuse`) is not checked again: its result comes from the
cache, and the checks across files always run on the whole tree.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..core.cache import ValidationCache
from ..core.errors import UsageError
from ..core.findings import Finding, sort_findings
from ..core.fsutil import leftover_temporaries, refuse_links, relative_unresolved
from ..core.gcpause import bulk_allocation
from ..models import Article
from ..models.kinds import ENTITIES
from ..models.layout import SCHEMA, SEEDS, CuratedFile, curated_files
from ..reading.anchoring import SpanResolution
from ..reading.name_index import NameIndex, build_name_index
from ..reading.yamlreader import Document, PathKey
from . import reuse
from .checked import CheckedFile
from .context import PassContext
from .loading import read_document, read_file
from .parallel import check_files
from .released import load_released
from .rules import catalog
from .tree import Tree

if TYPE_CHECKING:
    from ..core.progress import Progress


@dataclass
class ValidationResult:
    """Every finding of a run, and the checked files (with their models, for a build)."""

    findings: list[Finding]
    files: list[CheckedFile] = field(default_factory=list)
    """Every file with its model and span offsets (only when validated with ``keep_records``)."""
    documents: dict[PurePosixPath, Document | None] = field(default_factory=dict)
    """With ``keep_documents``, each file of ``only`` (by path in the tree) and its YAML
    document as read, when it may reach a command as data (see :attr:`CheckedFile.usable`)."""

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    def records(self) -> list[BaseModel]:
        return [checked.record for checked in self.files if checked.record is not None]

    @property
    def spans(self) -> dict[str, dict[PathKey, SpanResolution]]:
        """Where each article's anchored spans are, by article id (made on each use: the build
        takes them from each file, where they are kept with the record)."""
        return {
            checked.record.id: checked.spans
            for checked in self.files
            if isinstance(checked.record, Article) and checked.spans is not None
        }


def validate_repository(
    root: Path,
    only: Sequence[Path] | None = None,
    *,
    keep_records: bool = True,
    jobs: int | None = None,
    cache: ValidationCache | None = None,
    progress: Progress | None = None,
    keep_documents: bool = False,
) -> ValidationResult:
    """Validate ``root`` (holding ``curated/`` and ``seeds/``).

    With ``only``, findings are reported for those files alone, but every file is still read so
    that references into the rest of the tree are checked. ``keep_records`` returns every
    file's model and span offsets (needed to build a release; a file whose result comes from
    the cache is then read into its model and its spans placed, but not checked again). ``jobs`` caps the worker processes (default: one per usable
    core). ``progress`` is told how the work advances. ``keep_documents`` returns the documents
    of the files in ``only``, read for the run (``view`` shows them without reading them again).
    """
    if not (root / "curated").is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    with bulk_allocation():
        return _validate(root, only, keep_records, jobs, cache, progress, keep_documents)


def _validate(
    root: Path,
    only: Sequence[Path] | None,
    keep_records: bool,
    jobs: int | None,
    cache: ValidationCache | None,
    progress: Progress | None,
    keep_documents: bool = False,
) -> ValidationResult:
    wanted = None if only is None else {_relative_to_root(root, path) for path in only}
    shown = frozenset(wanted) if keep_documents and wanted is not None else frozenset()
    sources = curated_files(root)
    registry_sources = [source for source in sources if source.kind != "article"]
    article_sources = [source for source in sources if source.kind == "article"]
    if progress is not None:
        progress.start(len(sources), "validating")
    advance = progress.advance if progress is not None else (lambda count: None)

    resolved_root = _resolve_quietly(root)
    prefix = _display_prefix(root)
    base = PassContext(root, keep_records=keep_records, resolved_root=resolved_root,
                       encode_entries=cache is not None, display_prefix=prefix,
                       keep_documents=shown)
    stored = reuse.lookup(cache, base, sources) if cache is not None else [None] * len(sources)
    stored_registries = [found for source, found in zip(sources, stored)
                         if source.kind != "article"]
    stored_articles = [found for source, found in zip(sources, stored)
                       if source.kind == "article"]
    registries = _check_pass(base, registry_sources, stored_registries, jobs, advance, cache)
    context = dataclasses.replace(base, names=_name_index(registries), titles=_titles(registries))
    articles = _check_pass(context, article_sources, stored_articles, jobs, advance, cache)
    memory = reuse.CacheMemory(cache, root) if cache is not None else None
    if cache is not None:
        entries = reuse.results_to_store(cache, [*registries, *articles])

    in_registries, in_articles = iter(registries), iter(articles)
    files = [next(in_articles) if source.kind == "article" else next(in_registries)
             for source in sources]
    reader = partial(read_document, root, resolved_root)
    for checked in files:
        checked.arrive(reader)

    def reread(source: CuratedFile) -> CheckedFile:
        return read_file(root, source, "", resolved_root=resolved_root)

    tree = Tree(root, files, reread, lambda relative: display_path(root, relative),
                lambda: load_released(root, cache), memory)
    for check in catalog.TREE_CHECKS:
        check.function(tree)
    for check in catalog.RELEASE_CHECKS:
        check.function(tree)
    if cache is not None and memory is not None:
        cache.write({**entries, **memory.kept})
        cache.prune(len(sources))
        cache.close()
    if progress is not None:
        progress.finish()

    findings: list[Finding] = []
    for checked in files:
        if wanted is None or checked.source.relative in wanted:
            findings += checked.report.findings
    if wanted is None:
        findings += tree.unfiled
        findings += _leftovers(root)
    result = ValidationResult(sort_findings(findings))
    if keep_records:
        result.files = files
    for checked in files if shown else ():  # (hashing every path costs a warm run)
        if checked.source.relative in shown:
            result.documents[checked.source.relative] = (
                checked.document if checked.usable and not checked.cached else None
            )
    return result


def _leftovers(root: Path) -> list[Finding]:
    """What killed writes of ``seeds/SHA256SUMS`` or ``schema/`` left (``curated/`` ones are
    files of the tree, reported with them): never read, removed by the next write there."""

    found: list[Finding] = []
    for folder in (SEEDS, SCHEMA):
        try:
            refuse_links(root, root / folder)
        except OSError:
            continue
        for path in leftover_temporaries(root / folder):
            relative = PurePosixPath(folder, path.name)
            found.append(Finding(
                display_path(root, relative), 1, 1, "I005",
                "a temporary file an interrupted write left; it is never read: delete it (the "
                f"next write into {folder}/ removes it)",
            ))
    return found


def _check_pass(
    context: PassContext,
    sources: list[CuratedFile],
    stored: list[CheckedFile | None],
    jobs: int | None,
    advance: Callable[[int], None],
    cache: ValidationCache | None,
) -> list[CheckedFile]:
    """``sources`` checked (in order), from the results ``stored`` in the cache for them where
    those still apply (completed with their models and span offsets when the run keeps records
    for a build)."""
    if cache is None:
        return check_files(context, sources, jobs=jobs, advance=advance)
    known = reuse.reusable(cache, context, stored)
    todo = [source for source, checked in zip(sources, known) if checked is None]
    if context.keep_records:
        return check_files(context, [checked if checked is not None else source
                                     for source, checked in zip(sources, known)],
                           jobs=jobs, advance=advance)
    advance(len(sources) - len(todo))
    fresh = iter(check_files(context, todo, jobs=jobs, advance=advance))
    return [checked if checked is not None else next(fresh) for checked in known]


def _name_index(files: list[CheckedFile]) -> NameIndex:
    entries = []
    for checked in files:
        if checked.source.kind in ENTITIES:
            for namespace, entity_id, _path in checked.facts.definitions:
                entries.append((namespace, entity_id, checked.facts.name_keys))
    return build_name_index(entries)


def _titles(files: list[CheckedFile]) -> dict[str, tuple[str, ...]]:
    asked: dict[str, set[str]] = {}
    for checked in files:
        for _position, article_id, title in checked.facts.titles:
            asked.setdefault(article_id, set()).add(title)
    return {article_id: tuple(sorted(titles)) for article_id, titles in asked.items()}


def _resolve_quietly(root: Path) -> Path | None:
    try:
        return root.resolve()
    except (OSError, RuntimeError):
        return None


def display_path(root: Path, relative: PurePosixPath) -> str:
    """How a file is named in findings: as the user would type it from the current folder."""
    if root == Path("."):
        return relative.as_posix()
    return (root / relative).as_posix()


def _display_prefix(root: Path) -> str:
    """What :func:`display_path` puts before a relative path (without a ``Path`` per file)."""
    if root == Path("."):
        return ""
    text = root.as_posix()
    return text if text.endswith("/") else text + "/"


def _relative_to_root(root: Path, path: Path) -> PurePosixPath:
    """``path`` relative to the root; its last part is not resolved, so a link there is
    named (and reported), not followed out of the tree."""
    relative = relative_unresolved(root, path)
    if relative is None:
        raise UsageError(f"{path} is not inside the repository {root}")
    if not os.path.lexists(root / relative):
        raise UsageError(f"{path} does not exist")
    return relative
