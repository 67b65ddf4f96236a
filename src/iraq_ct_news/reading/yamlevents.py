"""The event reader: the judge of what a record file may hold, with every node's position.

It works on the parser's event stream (libyaml's C parser when present) rather than on a loader,
so that every refused construct is seen with its position, nothing is built before it is checked
(an alias bomb is refused at its first alias), and the line and column of every node are kept.
It refuses what is not JSON data: tags, anchors, aliases, merge keys, keys that are not strings,
duplicate keys, several documents, and anything over the size limits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..core.errors import ReaderError
from ..core.limits import MAX_DEPTH, MAX_NODES, MAX_STRING_LENGTH
from .yamldocument import Document, Layout, PathKey, Position, position_of_offset
from .yamlscalars import event_position, resolve_plain_scalar

try:  # libyaml's parser is an order of magnitude faster; the pure one gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


def layout_of(text: str) -> Layout:
    """Where each part of ``text`` was written (for a document read by the fast path)."""
    return strict_read(text).layout or Layout()


def _char_at(text: str, line: int, column: int) -> str:
    """The character at a 1-based line and column of ``text`` ("" past its end)."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return ""
    row = lines[line - 1].removesuffix("\r")
    return row[column - 1] if 0 < column <= len(row) else ""


def strict_read(text: str) -> Document:
    """The event reader: refuses what is not JSON data, with the position of the refusal."""
    builder = _Builder()
    try:
        builder.consume(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        if "nesting depth" in problem:
            # libyaml's own guard (it scans ahead of the events, so it can fire before ours).
            raise ReaderError("Y008", f"nesting is too deep ({problem})", line, column) from None
        if "cannot start any token" in problem and _char_at(text, line, column) == "\t":
            raise ReaderError(
                "Y002", "a tab character where YAML expects indentation or a value: YAML indents "
                "with spaces only; replace the tab with spaces", line, column,
            ) from None
        raise ReaderError("Y002", f"YAML syntax error: {problem}", line, column) from None
    except yaml.reader.ReaderError as error:
        line, column = position_of_offset(text, error.position)
        raise ReaderError(
            "Y002", f"character U+{error.character:04X} is not allowed in YAML", line, column
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - every parser error is one of the above
        raise ReaderError("Y002", f"YAML error: {error}") from None
    except RecursionError:  # pragma: no cover - the depth limit stops nesting long before
        raise ReaderError("Y008", "nesting is too deep") from None
    return builder.document(text)


@dataclass
class _Frame:
    """A mapping or sequence under construction."""

    value: dict[str, Any] | list[Any]
    path: PathKey
    pending_key: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Builds plain Python data from parser events, refusing everything that is not JSON."""

    def __init__(self) -> None:
        self.frames: list[_Frame] = []
        self.root: dict[str, Any] | None = None
        self.documents = 0
        self.nodes = 0
        self.positions: dict[PathKey, Position] = {}
        self.key_positions: dict[PathKey, Position] = {}
        self.block_content_lines: dict[PathKey, int] = {}

    def document(self, text: str) -> Document:
        if self.root is None:
            raise ReaderError("Y007", "the file holds no record (it is empty or only comments)")
        return Document(
            self.root,
            text,
            Layout(self.positions, self.key_positions, self.block_content_lines),
        )

    def consume(self, events: Iterator[yaml.Event]) -> None:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise ReaderError(
                        "Y007", "a record file holds one YAML document, not several", *event_position(event)
                    )
            elif isinstance(event, yaml.AliasEvent):
                raise ReaderError("Y004", f"alias *{event.anchor} is not allowed", *event_position(event))
            elif isinstance(event, yaml.NodeEvent):
                self._node(event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                self._close()

    def _node(self, event: yaml.NodeEvent) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ReaderError("Y008", f"more than {MAX_NODES} YAML nodes", *event_position(event))
        if event.anchor is not None:
            raise ReaderError("Y004", f"anchor &{event.anchor} is not allowed", *event_position(event))
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise ReaderError("Y006", f"tag {tag} is not allowed", *event_position(event))
        parent = self.frames[-1] if self.frames else None
        if parent is not None and isinstance(parent.value, dict) and parent.pending_key is None:
            self._key(event, parent)
            return
        if isinstance(event, yaml.ScalarEvent):
            self._place(self._scalar(event), event, parent)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.frames) >= MAX_DEPTH:
                raise ReaderError(
                    "Y008", f"nesting deeper than {MAX_DEPTH} levels", *event_position(event)
                )
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, yaml.MappingStartEvent) else []
            )
            path = self._place(container, event, parent)
            self.frames.append(_Frame(container, path))

    def _key(self, event: yaml.NodeEvent, parent: _Frame) -> None:
        if not isinstance(event, yaml.ScalarEvent):
            raise ReaderError("Y010", "a mapping key must be a field name, not a collection", *event_position(event))
        key = event.value
        if len(key) > MAX_STRING_LENGTH:
            # Quoted and explicit (``? "…"``) keys too: a key is a string like any other.
            raise ReaderError(
                "Y008", f"key of {len(key)} characters; the limit is {MAX_STRING_LENGTH}",
                *event_position(event),
            )
        if event.style in (None, "") and key == "<<":
            raise ReaderError("Y005", "merge key '<<' is not allowed", *event_position(event))
        if event.style in (None, "") and not isinstance(self._scalar(event), str):
            raise ReaderError(
                "Y010", f"key {key!r} is not a string (quote it if it must be)", *event_position(event)
            )
        assert isinstance(parent.value, dict)
        if key in parent.key_lines:
            raise ReaderError(
                "Y003",
                f"duplicate key {key!r} (first written on line {parent.key_lines[key]})",
                *event_position(event),
            )
        line, column = event_position(event)
        parent.key_lines[key] = line
        parent.pending_key = key
        self.key_positions[(*parent.path, key)] = (line, column)

    def _place(self, value: Any, event: yaml.NodeEvent, parent: _Frame | None) -> PathKey:
        position = event_position(event)
        if parent is None:
            if not isinstance(value, dict):
                raise ReaderError(
                    "Y007", "the top level of a record must be a mapping of fields", *position
                )
            self.root = value
            path: PathKey = ()
        elif isinstance(parent.value, dict):
            assert parent.pending_key is not None
            path = (*parent.path, parent.pending_key)
            parent.value[parent.pending_key] = value
            parent.pending_key = None
        else:
            path = (*parent.path, len(parent.value))
            parent.value.append(value)
        self.positions[path] = position
        if isinstance(event, yaml.ScalarEvent) and event.style == "|":
            self.block_content_lines[path] = position[0] + 1
        return path

    def _close(self) -> None:
        self.frames.pop()

    @staticmethod
    def _scalar(event: yaml.ScalarEvent) -> Any:
        value: str = event.value
        if len(value) > MAX_STRING_LENGTH:
            raise ReaderError(
                "Y008", f"string of {len(value)} characters; the limit is {MAX_STRING_LENGTH}",
                *event_position(event),
            )
        if event.style not in (None, ""):
            return value
        return resolve_plain_scalar(value, event)
