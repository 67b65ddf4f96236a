"""Ids and references (I002, I003, I004): ids are unique across the tree, and every reference
names a record of a kind its field allows (or, for a quote's event, an event of its article)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Article
from ...reading.cameo import codebook
from .base import declare, file_check, tree_check

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun
    from ..facts import Namespace, Reference
    from ..report import FileReport
    from ..tree import Tree, TreeIndex

I002 = declare(
    "I002", "duplicate id", "error",
    "Ids are unique across people, organisations and places together (a reference is just "
    "the id), and unique within each vocabulary.",
    "Give one of the records another id, or merge them if they are the same entity.",
)
I003 = declare(
    "I003", "unresolved reference", "error",
    "A field refers to an id (entity, theme, CAMEO code, quote, event, article, seed) that "
    "no record defines.",
    "Fix the id, or add the missing registry record.",
)
I004 = declare(
    "I004", "reference to the wrong kind", "error",
    "The id exists but is the wrong kind of record for this field (e.g. a place as a "
    "quote's speaker, a person as a publisher).",
    "Refer to a record of the kind the message names.",
)

@file_check(I003, kinds=("article",))
def check_event_references(checked: CheckedFile, run: FileRun) -> None:
    """A quote's ``event`` is an event of the same article (needs no other file)."""
    article = checked.record
    assert isinstance(article, Article)
    event_ids = {event.id for event in article.events}
    for index, quote in enumerate(article.quotes):
        if quote.event is not None and quote.event not in event_ids:
            checked.report.add(
                I003, f"quotes[{index}].event '{quote.event}' is not an event of this article",
                ("quotes", index, "event"),
            )


@tree_check(I002)
def check_duplicate_ids(tree: Tree) -> None:
    for table in tree.index.tables():
        for record_id, definitions in table.items():
            if record_id == "*" or len(definitions) < 2:
                continue
            first = definitions[0]
            for duplicate in definitions[1:]:
                where = first.file.display_path
                duplicate.file.report.add(
                    I002,
                    f"id '{record_id}' is already defined by {where} ({first.namespace})",
                    duplicate.path,
                )


@tree_check(I003, I004)
def check_references_resolve(tree: Tree) -> None:
    index = tree.index
    for checked in tree.files:
        if not checked.facts.verified or checked.source.kind is None:
            continue
        missing: dict[tuple[Namespace, ...], set[str]] = {}
        for allowed, targets in checked.facts.ref_groups.items():
            valid = index.valid(allowed)
            if valid.issuperset(targets) or index.unreadable(allowed):
                continue  # (an unreadable vocabulary is already reported, its uses are not)
            missing[allowed] = {target for target in targets if target not in valid}
        if not missing:
            continue
        for reference in tree.detailed_references(checked):
            if reference.target in missing.get(reference.allowed, ()):
                _report_unresolved(checked.report, reference, index)


def _report_unresolved(report: FileReport, reference: Reference, index: TreeIndex) -> None:
    found = index.lookup(reference.target)
    kinds = " or ".join(reference.allowed)
    if found:
        report.add(
            I004,
            f"{reference.role} '{reference.target}' is a {found[0].namespace}, but must be a "
            f"{kinds}",
            reference.path,
        )
        return
    report.add(
        I003,
        f"{reference.role} '{reference.target}' is not defined (expected a {kinds})"
        + (_cameo_hint(reference.target) if "cameo" in reference.allowed
           else _close_ids(reference.target, index.valid(reference.allowed))),
        reference.path,
    )


def _close_ids(target: str, valid: set[str] | frozenset[str]) -> str:
    """A "did you mean" for a mistyped id: the defined ids closest to it."""
    import difflib

    close = difflib.get_close_matches(target.casefold(), sorted(valid), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""


def _cameo_hint(code: str) -> str:
    """Where an unknown CAMEO code goes, and what the codebook calls it."""

    entry = codebook().get(code)
    if entry is None:
        return "; the CAMEO codebook has no such code either: pick one from it"
    return (
        f"; add it to curated/vocabularies/cameo.yaml as code '{code}', label "
        f"{entry.label!r}, quad_class {entry.quad_class} (its CAMEO codebook entry)"
    )
