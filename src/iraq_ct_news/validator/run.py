"""Validating a repository: read every curated file, check each, then check across them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import BaseModel

from ..anchoring import SpanResolution
from ..errors import UsageError
from ..findings import Finding, sort_findings
from ..layout import curated_files
from ..models import Article
from ..yamlreader import PathKey
from .article_checks import check_article
from .cross_checks import check_tree
from .loading import ParsedFile, parse_file
from .record_checks import check_common
from .seeds import SeedStore
from .versioning import check_versions


@dataclass
class ValidationResult:
    """Every finding of a run, and the records that were read (for building a release)."""

    findings: list[Finding]
    files: list[ParsedFile]
    spans: dict[str, dict[PathKey, SpanResolution]]
    """Where each article's anchored spans are, by article id (offsets for the release)."""

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def records(self) -> list[BaseModel]:
        return [parsed.record for parsed in self.files if parsed.record is not None]


def validate_repository(root: Path, only: Sequence[Path] | None = None) -> ValidationResult:
    """Validate ``root`` (holding ``curated/`` and ``seeds/``).

    With ``only``, findings are reported for those files alone, but every file is still read so
    that references into the rest of the tree are checked.
    """
    if not (root / "curated").is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    seeds = SeedStore(root)
    parsed_files: list[ParsedFile] = []
    spans: dict[str, dict[PathKey, SpanResolution]] = {}
    for source in curated_files(root):
        parsed = parse_file(root, source, display_path(root, source.relative))
        check_common(parsed)
        if isinstance(parsed.record, Article):
            spans[parsed.record.id] = check_article(parsed, parsed.record, seeds)
        parsed_files.append(parsed)
    check_tree(parsed_files)
    unfiled = check_versions(root, parsed_files, lambda relative: display_path(root, relative))
    findings = [finding for parsed in parsed_files for finding in parsed.report.findings]
    findings += unfiled
    if only is not None:
        wanted = {_relative_to_root(root, path) for path in only}
        findings = [
            finding
            for parsed in parsed_files
            if parsed.source.relative in wanted
            for finding in parsed.report.findings
        ]
    return ValidationResult(sort_findings(findings), parsed_files, spans)


def display_path(root: Path, relative: PurePosixPath) -> str:
    """How a file is named in findings: as the user would type it from the current folder."""
    if root == Path("."):
        return relative.as_posix()
    return (root / relative).as_posix()


def _relative_to_root(root: Path, path: Path) -> PurePosixPath:
    try:
        relative = path.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError(f"{path} is not inside the repository {root}") from None
    if not (root / relative).exists():
        raise UsageError(f"{path} does not exist")
    return PurePosixPath(relative.as_posix())
