"""One walk of a file's YAML data, shared by the rules that look at every value in it.

The text rules read every string, the duplicate-items rule every list, and the proposals rule
every mapping (for a ``proposed`` mark). Each of them used to walk the whole document itself:
three recursive walks of every file. :func:`document_walk` walks it once per run of the file's
checks (kept in ``run.memo``), and the rules loop over what it collected instead of recursing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..reading.yamlreader import PathKey

if TYPE_CHECKING:
    from .checked import CheckedFile
    from .context import FileRun

#: String fields that a rule judges by their name (the text rules: fields that may hold line
#: breaks, and the language of ``ar``/``en``), collected with their place.
NAMED_FIELDS = frozenset({"body", "exact", "prefix", "suffix", "withdrawn_reason", "ar", "en"})
#: What a YAML document holds besides strings and containers (nothing in them to walk).
_SCALARS = frozenset({int, float, bool, type(None), datetime.date, datetime.datetime})
_MEMO_KEY = "document_walk"


@dataclass(slots=True)
class DocumentWalk:
    """What one depth-first walk of a document meets, each list in the order met (a
    container before what it holds, items in the order written)."""

    mappings: list[tuple[PathKey, dict[str, Any]]] = field(default_factory=list)
    """Every mapping with its data path (the document itself first, at ``()``)."""
    lists: list[tuple[PathKey, list[Any]]] = field(default_factory=list)
    """Every list with its data path."""
    strings: list[str] = field(default_factory=list)
    """Every string value (mapping keys are not values)."""
    named: list[tuple[PathKey, str, str]] = field(default_factory=list)
    """``(path of its mapping, key, string)`` of every string under a key of
    :data:`NAMED_FIELDS`."""


def document_walk(checked: CheckedFile, run: FileRun) -> DocumentWalk:
    """The walk of ``checked``'s document, made on the first call of this run of its checks."""
    found: DocumentWalk | None = run.memo.get(_MEMO_KEY)
    if found is None:
        assert checked.document is not None
        found = run.memo[_MEMO_KEY] = walk_data(checked.document.data)
    return found


def walk_data(data: dict[str, Any] | list[Any]) -> DocumentWalk:
    """The walk of ``data`` (a mapping or a list)."""
    found = DocumentWalk()
    _visit(data, (), found)
    return found


def _visit(value: dict[str, Any] | list[Any], path: PathKey, walk: DocumentWalk) -> None:
    # Dispatch on the exact type (the readers make plain dicts, lists and strings); anything
    # else is told apart by isinstance, as a subclass would be. (A list's keys are its
    # indices, never in NAMED_FIELDS.)
    items: Any
    if isinstance(value, dict):
        walk.mappings.append((path, value))
        items = value.items()
    else:
        walk.lists.append((path, value))
        items = enumerate(value)
    strings = walk.strings
    for key, item in items:
        kind = type(item)
        if kind is str:
            strings.append(item)
            if key in NAMED_FIELDS:
                walk.named.append((path, key, item))
        elif kind is dict or kind is list:
            _visit(item, (*path, key), walk)
        elif kind not in _SCALARS:
            _other(item, path, key, walk)


def _other(item: Any, path: PathKey, key: str | int, walk: DocumentWalk) -> None:
    """A value of a type the readers do not make (a subclass of one they do)."""
    if isinstance(item, str):
        walk.strings.append(item)
        if key in NAMED_FIELDS:
            walk.named.append((path, str(key), item))
    elif isinstance(item, (dict, list)):
        _visit(item, (*path, key), walk)
