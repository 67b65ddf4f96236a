"""Checks across records (DATA-MODEL §4.3, §4.8): ids, references, orphans, quoted titles.

These need the whole tree, so they run after every file has been checked on its own, on each
file's :class:`~.facts.Facts` (never on the models, which may live in another process or only in
the cache). Most of the work is set arithmetic; the exact field of a broken reference is worked
out only for the file that has one. The name checks (C001, C004) are in :mod:`.names`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..layout import CuratedFile
from ..yamlreader import Document, PathKey
from .facts import ENTITY_KINDS, Facts, Namespace, Reference, references
from .report import FileReport
from .stage import Outcome


class TreeFile:
    """One file of the tree as the checks across files see it: its facts and its report.

    The report (and the document that locates its findings) is only made when a check has
    something to say about the file.
    """

    def __init__(self, root: Path, outcome: Outcome, display_path: str) -> None:
        self.root = root
        self.outcome = outcome
        self.source: CuratedFile = outcome.source
        self.facts: Facts = outcome.facts
        self.display_path = display_path
        self._report: FileReport | None = None

    @property
    def report(self) -> FileReport:
        if self._report is None:
            document = self.outcome.document
            loader = None
            if document is None:
                root, source, display = self.root, self.source, self.display_path

                def loader() -> Document | None:
                    # Not a bound method: the report must not refer back to this object (a
                    # cycle would keep every file of the tree alive until a collection).
                    from .loading import parse_file

                    return parse_file(root, source, display).document

            self._report = FileReport(self.display_path, document, loader)
            self._report.index_map = self.facts.index_map
        return self._report

    def title_occurs(self, title: str) -> bool:
        """Whether a (folded) title occurs in this article's body or headline."""
        answer = self.facts.title_answers.get(title)
        if answer is None:  # not asked when the article was checked: read it again
            from ..models import Article
            from .facts import answer_titles
            from .loading import parse_file

            record = parse_file(self.root, self.source, self.display_path).record
            answer = isinstance(record, Article) and answer_titles(record, (title,))[title]
            self.facts.title_answers[title] = answer
        return answer

    def detailed_references(self) -> list[Reference]:
        """Every reference of the file with its field (read again if only summarised)."""
        if self.facts.refs is None:
            from .loading import parse_file

            parsed = parse_file(self.root, self.source, self.display_path)
            kind = self.source.kind
            record = parsed.record
            self.facts.refs = list(references(kind, record)) if record and kind else []
        return self.facts.refs


@dataclass
class Definition:
    namespace: Namespace
    file: TreeFile
    path: PathKey
    verified: bool = True
    """False when the record did not validate: its id is known only from the file name."""


@dataclass
class TreeIndex:
    """Every id defined in the tree, by namespace group (entities share one namespace)."""

    definitions: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    themes: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    cameo: dict[str, list[Definition]] = field(default_factory=lambda: defaultdict(list))
    by_namespace: dict[Namespace, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Every id defined in each namespace."""
    _valid: dict[tuple[Namespace, ...], frozenset[str]] = field(default_factory=dict)

    def define(self, record_id: str, definition: Definition) -> None:
        self.table(definition.namespace)[record_id].append(definition)
        self.by_namespace[definition.namespace].add(record_id)

    def table(self, namespace: Namespace) -> dict[str, list[Definition]]:
        if namespace in ENTITY_KINDS:
            return self.definitions
        return {"article": self.articles, "theme": self.themes, "cameo": self.cameo}[namespace]

    def lookup(self, target: str) -> list[Definition]:
        """Every definition of ``target`` in any namespace."""
        return [
            definition
            for table in (self.definitions, self.articles, self.themes, self.cameo)
            for definition in table.get(target, [])
        ]

    def unreadable(self, allowed: tuple[Namespace, ...]) -> bool:
        """Whether a vocabulary of one of the ``allowed`` kinds could not be read."""
        return any(self.table(namespace).get("*") for namespace in allowed)

    def valid(self, allowed: tuple[Namespace, ...]) -> frozenset[str]:
        """Every id a reference allowed to point at ``allowed`` kinds may name."""
        found = self._valid.get(allowed)
        if found is None:
            found = frozenset().union(*(self.by_namespace.get(ns, ()) for ns in allowed))
            self._valid[allowed] = found
        return found


def check_tree(files: list[TreeFile]) -> None:
    """Run every check across files, adding findings to each file's report."""
    index = _build_index(files)
    _check_duplicates(index)
    referenced_by_articles: set[str] = set()
    used_cameo: set[str] = set()
    for tree_file in files:
        facts = tree_file.facts
        if not facts.verified or tree_file.source.kind is None:
            continue
        _resolve_all(tree_file, index)
        if tree_file.source.kind == "article":
            for targets in facts.ref_groups.values():
                referenced_by_articles.update(targets)
            used_cameo.update(facts.ref_groups.get(("cameo",), ()))
    articles = [f for f in files if f.source.kind == "article"]
    if all(f.facts.verified and not f.facts.repaired for f in articles):
        # Orphans are only known when every article's references could be read.
        _check_orphans(index, referenced_by_articles, used_cameo)
    _check_position_titles(files, articles)


def _build_index(files: Iterable[TreeFile]) -> TreeIndex:
    index = TreeIndex()
    for tree_file in files:
        verified = tree_file.facts.verified
        for namespace, record_id, path in tree_file.facts.definitions:
            if record_id == "*" and namespace in ("theme", "cameo"):
                # An unreadable vocabulary must not turn every use of it into a second error.
                index.define("*", Definition(namespace, tree_file, path, verified=False))
            elif namespace in ("theme", "cameo"):
                index.define(record_id, Definition(namespace, tree_file, path))
            else:
                index.define(record_id, Definition(namespace, tree_file, path, verified=verified))
    return index


def _check_duplicates(index: TreeIndex) -> None:
    for table in (index.definitions, index.articles, index.themes, index.cameo):
        for record_id, definitions in table.items():
            if record_id == "*" or len(definitions) < 2:
                continue
            first = definitions[0]
            for duplicate in definitions[1:]:
                where = first.file.display_path
                duplicate.file.report.add(
                    "I002",
                    f"id '{record_id}' is already defined by {where} ({first.namespace})",
                    duplicate.path,
                )


def _resolve_all(tree_file: TreeFile, index: TreeIndex) -> None:
    """Report every reference of the file that does not resolve (I003, I004)."""
    missing: dict[tuple[Namespace, ...], set[str]] = {}
    for allowed, targets in tree_file.facts.ref_groups.items():
        valid = index.valid(allowed)
        if valid.issuperset(targets) or index.unreadable(allowed):
            continue  # (an unreadable vocabulary is already reported, its uses are not)
        missing[allowed] = {target for target in targets if target not in valid}
    if not missing:
        return
    for reference in tree_file.detailed_references():
        if reference.target in missing.get(reference.allowed, ()):
            _report_unresolved(tree_file.report, reference, index)


def _report_unresolved(report: FileReport, reference: Reference, index: TreeIndex) -> None:
    found = index.lookup(reference.target)
    kinds = " or ".join(reference.allowed)
    if found:
        report.add(
            "I004",
            f"{reference.role} '{reference.target}' is a {found[0].namespace}, but must be a "
            f"{kinds}",
            reference.path,
        )
        return
    report.add(
        "I003", f"{reference.role} '{reference.target}' is not defined (expected a {kinds})",
        reference.path,
    )


def _check_orphans(index: TreeIndex, referenced: set[str], used_cameo: set[str]) -> None:
    for record_id, definitions in index.definitions.items():
        if record_id in referenced:
            continue
        for definition in definitions:
            if definition.verified:
                definition.file.report.add(
                    "O001", f"no article refers to {definition.namespace} '{record_id}'", ("id",)
                )
    for code, definitions in index.cameo.items():
        if code != "*" and code not in used_cameo:
            for definition in definitions:
                definition.file.report.add(
                    "O002", f"no event uses CAMEO code {code}", definition.path
                )


def _check_position_titles(files: list[TreeFile], articles: list[TreeFile]) -> None:
    """P010: a title a person's position quotes occurs in the article it cites."""
    by_id: dict[str, TreeFile] = {}
    for article in articles:
        if article.facts.verified and article.facts.record_id is not None:
            by_id[article.facts.record_id] = article
    for tree_file in files:
        for position, article_id, title in tree_file.facts.titles:
            cited = by_id.get(article_id)
            if cited is None:
                continue
            if not cited.title_occurs(title):
                tree_file.report.add(
                    "P010",
                    f"positions[{position}].title_ar_as_stated is not in article '{article_id}'",
                    ("positions", position, "title_ar_as_stated"),
                )
