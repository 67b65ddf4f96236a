"""Repeated items (I006): a list that holds an item twice, a local id used twice, two spans
of one group anchoring the same text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...models import Article
from ...reading.yamlreader import PathKey
from ..report import format_path
from ..walk import document_walk
from .base import declare, file_check
from .helpers import resolutions

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

I006 = declare(
    "I006", "duplicate item", "error",
    "A list holds the same item twice (a theme, an entity, a quote or event id).",
    "Remove the repeated item.",
)
#: Lists whose items must be unique, by field name.
_UNIQUE_LISTS = frozenset(
    {"themes", "aliases", "organizers", "participants", "supporters", "funders",
     "additional_cameo", "en", "ar", "identifiers", "close_match"}
)


@file_check(I006, needs_record=False)
def check_unique_lists(checked: CheckedFile, run: FileRun) -> None:
    """Lists of themes, aliases, actors, names... hold each item once (the lists come from the
    document's one shared walk, in the order a walk of the document meets them)."""
    for path, items in document_walk(checked, run).lists:
        if path and path[-1] in _UNIQUE_LISTS:
            _check_unique(checked, path, items)


def _check_unique(checked: CheckedFile, path: PathKey, items: list[Any]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        marker = repr(item)
        if marker in seen:
            checked.report.add(I006, f"{format_path(path)} lists {item!r} twice", (*path, index))
        seen.add(marker)


@file_check(I006, kinds=("article",))
def check_local_ids(checked: CheckedFile, run: FileRun) -> None:
    """Quote and event ids are unique within their article."""
    article = checked.record
    assert isinstance(article, Article)
    for group in ("quotes", "events"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(article, group)):
            if item.id in seen:
                checked.report.add(I006, f"{group} id '{item.id}' is used twice",
                                   (group, index, "id"))
            seen.add(item.id)


@file_check(I006, kinds=("article",))
def check_repeated_anchors(checked: CheckedFile, run: FileRun) -> None:
    """Two spans of one group (two mentions of one entity, two quotes...) anchor one text."""
    article = checked.record
    assert isinstance(article, Article)
    placed: dict[tuple[str, str, int, int], PathKey] = {}
    for path, span in run.spans(article):
        resolution = resolutions(checked, run).get(path)
        if resolution is None or not resolution.found:
            continue
        group = str(path[0])
        if group == "mentions":
            group = f"mentions:{article.mentions[int(path[1])].entity}"
        identity = (group, getattr(span, "scope", "body"), resolution.start, resolution.end)
        if identity in placed and group not in ("published_evidence", "source", "events"):
            checked.report.add(
                I006, f"{format_path(path)} anchors the same text as "
                f"{format_path(placed[identity])}", path
            )
        placed.setdefault(identity, path)
