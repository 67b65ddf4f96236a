"""``view``'s work: choose the article files, ask the validator about them, write the pages.

Findings come from the validator's public entry point, for exactly the files shown (the rest of
the tree is read so references are checked): the page shows what ``validate`` reports, never a
check of its own. Each page is written atomically, so a reviewer never opens half a page.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..checks.run import display_path, validate_repository
from ..core.errors import UsageError
from ..core.findings import Finding
from ..models.field_types import ID_PATTERN
from ..models.layout import CURATED, SEEDS, classify, curated_files, record_path
from ..store.repository import Repository
from ..store.writer import Writer, WriteRefused
from .index import render_index
from .page import ArticleSource, PageSummary, render_article
from .registry import read_registry

_SAFE_PAGE_NAME = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class ViewResult:
    out: Path
    pages: list[PageSummary]
    elsewhere: list[Finding] = field(default_factory=list)
    """Findings that belong to no page (a link where records are, a registry record that does
    not read): the index lists them, and they count."""

    @property
    def errors(self) -> int:
        return sum(page.errors for page in self.pages) + sum(
            1 for finding in self.elsewhere if finding.is_error)

    @property
    def warnings(self) -> int:
        return sum(page.warnings for page in self.pages) + sum(
            1 for finding in self.elsewhere if not finding.is_error)

    @property
    def proposals(self) -> int:
        return sum(page.proposals for page in self.pages)


def article_files(root: Path, wanted: Sequence[str]) -> list[Path]:
    """The article files to show: the named files or ids, or every article of the tree."""
    if not (root / CURATED).is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    listed = [source for source in curated_files(root) if source.kind == "article"]
    if not wanted:
        return [root / source.relative for source in listed]
    chosen: list[Path] = []
    for name in wanted:
        path = _article_path(root, name, [source.relative.stem for source in listed])
        if path not in chosen:
            chosen.append(path)
    return chosen


def _article_path(root: Path, name: str, known_ids: list[str]) -> Path:
    as_path = Path(name)
    if as_path.is_file():
        try:
            relative = as_path.resolve().relative_to(root.resolve())
        except ValueError:
            raise UsageError(f"{name} is not inside the repository {root}") from None
        if classify(PurePosixPath(relative.as_posix())) != "article":
            raise UsageError(
                f"{name} is not an article record (articles are curated/articles/<id>.yaml)"
            )
        return root / relative
    if _SAFE_PAGE_NAME.fullmatch(name):
        by_id = root / record_path("article", name)
        if by_id.is_file():
            return by_id
    close = difflib.get_close_matches(name, known_ids, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise UsageError(f"{name} is neither an article file nor the id of an article{hint}")


def page_name(relative: PurePosixPath) -> str:
    """The page's file name: the record's file name when it is a plain id, else a digest of it
    (a file name in a pull request is hostile: it must not become a path or markup)."""
    stem = relative.stem
    if _SAFE_PAGE_NAME.fullmatch(stem) and stem != "index":
        return f"{stem}.html"
    digest = hashlib.sha256(relative.as_posix().encode("utf-8", "surrogatepass")).hexdigest()
    return f"article-{digest[:16]}.html"


def render_view(root: Path, wanted: Sequence[str], out: Path) -> ViewResult:
    """Write one page per chosen article and an index into ``out``.

    Each article is read once, by the validator, whose findings the page shows (the document
    comes back with them; a file that does not fit its model's shapes shows no data, as the
    repository's store gives none); the registries come from the store. The pages go through
    the repository's writer: inside the repository (the default ``view/``) no part of the
    way may be a link, and outside it nothing below ``out``.
    """
    _refuse_record_folders(root, out)
    files = article_files(root, wanted)
    # A link where records are hides them from every page: its finding is asked for too.
    linked = [root / source.relative for source in curated_files(root)
              if source.kind is None and (root / source.relative).is_symlink()]
    result = validate_repository(root, files + linked, keep_records=False, keep_documents=True)
    findings_by_file: dict[str, list[Finding]] = {}
    for finding in result.findings:
        findings_by_file.setdefault(os.path.normpath(finding.path), []).append(finding)
    registry = read_registry(root, Repository(root))
    shown = {os.path.normpath(display_path(root, PurePosixPath(path.relative_to(root).as_posix())))
             for path in files}
    elsewhere = [finding for finding in result.findings
                 if os.path.normpath(finding.path) not in shown]
    elsewhere += [finding for finding in registry.findings if finding not in elsewhere]
    writer, folder = _output_writer(root, out)
    pages: list[PageSummary] = []
    rendered: list[tuple[str, str]] = []
    for path in files:
        relative = PurePosixPath(path.relative_to(root).as_posix())
        display = display_path(root, relative)
        document = result.documents.get(relative)  # as the validator read it: read once
        source = ArticleSource(
            display_path=display,
            page_name=page_name(relative),
            data=document.data if document is not None else None,
            document=document,
            findings=findings_by_file.get(os.path.normpath(display), []),
        )
        html, summary = render_article(source, registry)
        rendered.append((source.page_name, html))
        pages.append(summary)
    rendered.append(("index.html", render_index(pages, elsewhere)))
    with writer.locked():
        for name, html in rendered:
            writer.write_text(folder / name, html)
    return ViewResult(out, pages, elsewhere)


def _output_writer(root: Path, out: Path) -> tuple[Writer, PurePosixPath]:
    """The writer for ``out`` and the folder relative to it: the repository's, when ``out`` lies
    inside it (so a committed ``view/`` link is refused), else one rooted at ``out``, the
    user's choice."""
    writer = Writer(root)
    try:
        inside = writer.relative(out)
    except (WriteRefused, OSError, RuntimeError):
        out.mkdir(parents=True, exist_ok=True)
        return Writer(out), PurePosixPath()
    return writer, inside


def _refuse_record_folders(root: Path, out: Path) -> None:
    """Pages written among the records would themselves become stray files of the tree."""
    try:
        target = out.resolve()
        for folder in (CURATED, SEEDS):
            guarded = (root / folder).resolve()
            if target == guarded or target.is_relative_to(guarded):
                raise UsageError(f"--out {out} is inside {folder}/; write the pages elsewhere")
    except (OSError, RuntimeError):
        return
