"""Validating a repository: check every curated file on its own, then check across them.

The work is done in two passes over the files so that each can use every core:

1. the registries and vocabularies, each on its own (:mod:`.stage`);
2. the articles, each on its own, against the seeds and the registry names from pass 1;

then, in this process, the checks across files (:mod:`.cross_checks`, :mod:`.versioning`) on
the small summaries the passes produced. With a :class:`~iraq_ct_news.cache.ValidationCache`,
a file whose bytes (and seed, and the names it was checked against) are unchanged since an
earlier run is not checked again: its summary and findings come from the cache, and the checks
across files always run on the whole tree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..anchoring import SpanResolution
from ..errors import UsageError
from ..findings import Finding, sort_findings
from ..gcpause import bulk_allocation
from ..layout import CuratedFile, curated_files
from ..models import Article
from ..rules import severity_of
from ..yamlreader import PathKey
from .cross_checks import TreeFile, check_tree
from .loading import ParsedFile
from .names import NameIndex, build_name_index
from .parallel import check_files
from .report import FileReport
from .stage import Outcome, StageContext
from .versioning import check_versions

if TYPE_CHECKING:
    from ..cache import ValidationCache
    from ..progress import Progress


@dataclass
class ValidationResult:
    """Every finding of a run, and the records that were read (for building a release)."""

    findings: list[Finding]
    files: list[ParsedFile] = field(default_factory=list)
    """Every file with its model (only when validated with ``keep_records``)."""
    spans: dict[str, dict[PathKey, SpanResolution]] = field(default_factory=dict)
    """Where each article's anchored spans are, by article id (offsets for the release)."""
    content_hashes: dict[str, str] = field(default_factory=dict)
    """Each valid article's ``content_sha256``, by id: computed for the versioning rules, and
    reused by the build rather than computed again."""

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def records(self) -> list[BaseModel]:
        return [parsed.record for parsed in self.files if parsed.record is not None]


def validate_repository(
    root: Path,
    only: Sequence[Path] | None = None,
    *,
    keep_records: bool = True,
    jobs: int | None = None,
    cache: ValidationCache | None = None,
    progress: Progress | None = None,
) -> ValidationResult:
    """Validate ``root`` (holding ``curated/`` and ``seeds/``).

    With ``only``, findings are reported for those files alone, but every file is still read so
    that references into the rest of the tree are checked. ``keep_records`` returns every
    file's model and span offsets (needed to build a release; the cache is then only written,
    since it keeps no models). ``jobs`` caps the worker processes (default: one per usable
    core). ``progress`` is told how the work advances.
    """
    if not (root / "curated").is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    with bulk_allocation():
        return _validate(root, only, keep_records, jobs, cache, progress)


def _validate(
    root: Path,
    only: Sequence[Path] | None,
    keep_records: bool,
    jobs: int | None,
    cache: ValidationCache | None,
    progress: Progress | None,
) -> ValidationResult:
    wanted = None if only is None else {_relative_to_root(root, path) for path in only}
    sources = curated_files(root)
    registry_sources = [source for source in sources if source.kind != "article"]
    article_sources = [source for source in sources if source.kind == "article"]
    if progress is not None:
        progress.start(len(sources), "validating")
    advance = progress.advance if progress is not None else (lambda count: None)
    reuse = cache if cache is not None and not keep_records else None

    resolved_root = _resolve_quietly(root)
    encode = cache is not None
    base = StageContext(root, keep_records=keep_records, resolved_root=resolved_root,
                        encode_entries=encode)
    registries = _check_stage(base, registry_sources, jobs, advance, reuse)
    names = _name_index(registries)
    titles = _titles(registries)
    context = StageContext(root, keep_records=keep_records, names=names, titles=titles,
                           resolved_root=resolved_root, encode_entries=encode)
    articles = _check_stage(context, article_sources, jobs, advance, reuse)
    if cache is not None:
        cache.store([*registries, *articles])

    outcomes = iter(registries)
    article_outcomes = iter(articles)
    prefix = _display_prefix(root)
    tree = [
        TreeFile(root, outcome, prefix + outcome.source.relative.as_posix())
        for outcome in (
            next(article_outcomes) if source.kind == "article" else next(outcomes)
            for source in sources
        )
    ]
    check_tree(tree)
    released = cache.released(root) if cache is not None else None
    if cache is not None:
        cache.prune(len(sources))
    unfiled = check_versions(root, tree, lambda relative: display_path(root, relative), released)
    if progress is not None:
        progress.finish()

    findings: list[Finding] = []
    for tree_file in tree:
        if wanted is not None and tree_file.source.relative not in wanted:
            continue
        findings += [
            Finding(tree_file.display_path, line, column, code, message, severity_of(code))
            for line, column, code, message in tree_file.outcome.findings
        ]
        findings += tree_file.report.findings if tree_file._report is not None else []
    if wanted is None:
        findings += unfiled
    result = ValidationResult(sort_findings(findings))
    if keep_records:
        result.files, result.spans, result.content_hashes = _records(tree)
    return result


def _check_stage(
    context: StageContext,
    sources: list[CuratedFile],
    jobs: int | None,
    advance: Callable[[int], None],
    cache: ValidationCache | None,
) -> list[Outcome]:
    """Outcomes of ``sources`` (in order), from the cache where it has them."""
    if cache is None:
        return check_files(context, sources, jobs=jobs, advance=advance)
    known = cache.lookup(context, sources)
    advance(sum(1 for outcome in known if outcome is not None))
    todo = [source for source, outcome in zip(sources, known) if outcome is None]
    fresh = iter(check_files(context, todo, jobs=jobs, advance=advance))
    return [outcome if outcome is not None else next(fresh) for outcome in known]


def _name_index(outcomes: list[Outcome]) -> NameIndex:
    entries = []
    for outcome in outcomes:
        kind = outcome.source.kind
        if kind in ("person", "organization", "place"):
            for namespace, entity_id, _path in outcome.facts.definitions:
                entries.append((namespace, entity_id, outcome.facts.name_keys))
    return build_name_index(entries)


def _titles(outcomes: list[Outcome]) -> dict[str, tuple[str, ...]]:
    asked: dict[str, set[str]] = {}
    for outcome in outcomes:
        for _position, article_id, title in outcome.facts.titles:
            asked.setdefault(article_id, set()).add(title)
    return {article_id: tuple(sorted(titles)) for article_id, titles in asked.items()}


def _records(
    tree: list[TreeFile],
) -> tuple[list[ParsedFile], dict[str, dict[PathKey, SpanResolution]], dict[str, str]]:
    files: list[ParsedFile] = []
    spans: dict[str, dict[PathKey, SpanResolution]] = {}
    content_hashes: dict[str, str] = {}
    for tree_file in tree:
        outcome = tree_file.outcome
        report = FileReport(tree_file.display_path, outcome.document)
        report.findings = [
            Finding(tree_file.display_path, line, column, code, message, severity_of(code))
            for line, column, code, message in outcome.findings
        ]
        if tree_file._report is not None:
            report.findings += tree_file._report.findings
        files.append(ParsedFile(outcome.source, report, outcome.document, outcome.record,
                                outcome.facts.repaired, outcome.file_sha256))
        if isinstance(outcome.record, Article):
            if outcome.spans is not None:
                spans[outcome.record.id] = outcome.spans
            if outcome.facts.version is not None:
                content_hashes[outcome.record.id] = outcome.facts.version[3]
    return files, spans, content_hashes


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
    try:
        relative = path.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError(f"{path} is not inside the repository {root}") from None
    if not (root / relative).exists():
        raise UsageError(f"{path} does not exist")
    return PurePosixPath(relative.as_posix())
