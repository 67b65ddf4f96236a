"""A read record file: its data, and where each part of it was written.

The positions are only needed when a check reports something, so a file read by the fast path
(:mod:`.yamlfast`) has them worked out on first use by the event reader (:mod:`.yamlevents`),
which the reader hands in as ``find_layout``: this module imports neither reader.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

PathKey: TypeAlias = tuple[str | int, ...]
Position: TypeAlias = tuple[int, int]


@dataclass
class Layout:
    """Where each part of a file was written (see :class:`Document`)."""

    positions: dict[PathKey, Position] = field(default_factory=dict)
    key_positions: dict[PathKey, Position] = field(default_factory=dict)
    block_content_lines: dict[PathKey, int] = field(default_factory=dict)


@dataclass
class Document:
    """The data of one YAML file and where each part of it was written.

    ``positions`` maps a path such as ``("quotes", 2, "speaker")`` to the 1-based line and column
    of that value; ``key_positions`` to the line and column of the key naming it.
    ``block_content_lines`` gives, for literal block scalars (``|``), the line their first content
    line is on, so a finding about one paragraph of a body can point at that paragraph.

    The three tables are worked out from ``text`` by ``find_layout`` on first use when the file
    was read by the fast path: a valid file never needs them.
    """

    data: dict[str, Any]
    text: str = ""
    """The decoded source, kept so a finding inside a block of text can name its exact column."""
    layout: Layout | None = field(default=None, repr=False, compare=False)
    find_layout: Callable[[str], Layout] | None = field(default=None, repr=False, compare=False)
    """Works out the layout of ``text`` when ``layout`` is None (the event reader)."""

    @property
    def positions(self) -> dict[PathKey, Position]:
        return self._layout().positions

    @property
    def key_positions(self) -> dict[PathKey, Position]:
        return self._layout().key_positions

    @property
    def block_content_lines(self) -> dict[PathKey, int]:
        return self._layout().block_content_lines

    def _layout(self) -> Layout:
        if self.layout is None:
            self.layout = self.find_layout(self.text) if self.find_layout else Layout()
        return self.layout

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """The position of ``path``, or of its nearest written ancestor when it is absent."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def locate_in_block(self, path: PathKey, offset: int) -> Position:
        """Position of code point ``offset`` inside the literal block scalar at ``path``.

        Falls back to the value's own position for other scalar styles, whose layout in the file
        does not map line by line onto the value.
        """
        first_line = self.block_content_lines.get(tuple(path))
        value = self._value_at(path)
        if first_line is None or not isinstance(value, str):
            return self.locate(path)
        starts = self._line_starts(tuple(path), value)
        line_index = bisect.bisect_right(starts, offset) - 1
        column_in_value = offset - starts[line_index]
        lines = self._lines
        target = first_line - 1 + line_index
        indent = 0
        if 0 <= target < len(lines):
            indent = len(lines[target]) - len(lines[target].lstrip(" "))
        return first_line + line_index, indent + column_in_value + 1

    def _line_starts(self, path: PathKey, value: str) -> list[int]:
        """Where each line of the block at ``path`` starts, once per block: counting line ends
        up to each finding's offset would make thousands of findings in one long body
        quadratic."""
        cache: dict[PathKey, list[int]] = self.__dict__.setdefault("_block_line_starts", {})
        starts = cache.get(path)
        if starts is None:
            starts = [0]
            position = value.find("\n")
            while position != -1:
                starts.append(position + 1)
                position = value.find("\n", position + 1)
            cache[path] = starts
        return starts

    @functools.cached_property
    def _lines(self) -> list[str]:
        """The source split into lines, once: a file with many findings inside text blocks
        would otherwise split the whole text again for each (quadratic in the file size)."""
        return self.text.split("\n")

    def _value_at(self, path: PathKey) -> Any:
        value: Any = self.data
        for part in path:
            try:
                value = value[part]
            except (KeyError, IndexError, TypeError):
                return None
        return value


def position_of_offset(text: str, offset: int) -> Position:
    """1-based line and column of code-point ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
