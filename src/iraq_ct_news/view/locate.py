"""Which part of the page each validation finding belongs to.

A finding names a line and column of the YAML file. The page shows it where a reviewer looks
for it: on the marked words when it is about an anchored item (a mention, a quote …), at the
very character when it is inside the body or headline, on the event it is about, or else in
the list of findings with the field it names. The data path a line belongs to is worked out from
the reader's own record of where it read each value.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..core.findings import Finding
from ..reading.yamlreader import Document, PathKey

TargetKind = Literal["annotation", "text", "event", "field", "file"]


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    path: PathKey = ()
    """The data path the finding is about (the annotation's or event's path for those)."""
    scope: str = ""
    """For ``text``: ``body`` or ``headline``."""
    offset: int = 0
    """For ``text``: the code-point offset in that text."""


@dataclass(frozen=True)
class PlacedFinding:
    number: int
    finding: Finding
    target: Target

    @property
    def element_id(self) -> str:
        return f"finding-{self.number}"

    @property
    def pin_id(self) -> str:
        return f"pin-{self.number}"


def locate_all(
    findings: Sequence[Finding], document: Document | None, annotation_paths: Sequence[PathKey]
) -> list[Target]:
    """Where on the page each of ``findings`` is shown (in the same order)."""
    if document is None:
        return [Target("file") for _ in findings]
    paths = _paths_at(_line_spans(document), {finding.line for finding in findings})
    lines = document.text.split("\n")
    annotations = frozenset(annotation_paths)
    line_starts: dict[PathKey, list[int]] = {}
    return [
        _locate(finding, document, paths.get(finding.line), lines, annotations, line_starts)
        for finding in findings
    ]


def _locate(
    finding: Finding,
    document: Document,
    path: PathKey | None,
    lines: list[str],
    annotations: frozenset[PathKey],
    line_starts: dict[PathKey, list[int]],
) -> Target:
    if path is None:
        return Target("file")
    # The longest annotation path that begins ``path``: a look-up per prefix of the path, where
    # a look through every annotation for each finding was findings × annotations (a finding
    # on each of 7,000 mentions: 8 s in ``view``).
    for cut in range(len(path), 0, -1):
        if path[:cut] in annotations:
            return Target("annotation", path[:cut])
    for scope, text_path in (("body", ("body",)), ("headline", ("headline", "ar"))):
        if path == text_path:
            offset = _offset_in_text(
                document, lines, text_path, finding.line, finding.column, line_starts
            )
            if offset is not None:
                return Target("text", text_path, scope, offset)
    if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
        return Target("event", path[:2])
    return Target("field", path)


def _line_spans(document: Document) -> dict[PathKey, list[int]]:
    """For each data path, the first and last line of the file it is written on."""
    spans: dict[PathKey, list[int]] = {}
    for table in (document.positions, document.key_positions):
        for path, (at_line, _column) in table.items():
            low_high = spans.setdefault(path, [at_line, at_line])
            low_high[0] = min(low_high[0], at_line)
            low_high[1] = max(low_high[1], at_line)
    for path, first_line in document.block_content_lines.items():
        value = _value_at(document, path)
        if isinstance(value, str) and path in spans:
            spans[path][1] = max(spans[path][1], first_line + value.count("\n"))
    # A container runs to the last line of anything inside it.
    for path, (_low, high) in list(spans.items()):
        for cut in range(1, len(path)):
            ancestor = spans.get(path[:cut])
            if ancestor is not None and high > ancestor[1]:
                ancestor[1] = high
    return spans


def _paths_at(spans: dict[PathKey, list[int]], lines: set[int]) -> dict[int, PathKey]:
    """For each of ``lines``, the deepest data path whose written lines include it (of equally
    deep ones, the first in ``spans``).

    One sweep down the lines with the paths open at each in a heap: paths × log paths, where
    looking through every path for each finding's line was findings × paths (thousands of
    findings in a record of thousands of items: seconds)."""
    ranked = sorted(
        (low, -len(path), order, high, path)
        for order, (path, (low, high)) in enumerate(spans.items()) if path
    )
    found: dict[int, PathKey] = {}
    open_paths: list[tuple[int, int, int, PathKey]] = []
    index = 0
    for line in sorted(lines):
        while index < len(ranked) and ranked[index][0] <= line:
            _low, depth, order, high, path = ranked[index]
            heapq.heappush(open_paths, (depth, order, high, path))
            index += 1
        while open_paths and open_paths[0][2] < line:
            heapq.heappop(open_paths)  # ended above this line: never the deepest again
        if open_paths:
            found[line] = open_paths[0][3]
    return found


def _offset_in_text(
    document: Document,
    lines: list[str],
    path: PathKey,
    line: int,
    column: int,
    line_starts: dict[PathKey, list[int]],
) -> int | None:
    """The code-point offset in a text value of a line and column of the file.

    Only a literal block (``|``) maps line by line onto its value; for a one-line value, the
    column counts from where the value starts, when it is written without quotes. Where the
    block's lines start is worked out once per block (``line_starts``), not once per finding.
    """
    value = _value_at(document, path)
    if not isinstance(value, str):
        return None
    first = document.block_content_lines.get(path)
    if first is not None:
        index = line - first
        starts = line_starts.get(path)
        if starts is None:
            lengths = (len(text) + 1 for text in value.split("\n"))
            starts = line_starts[path] = list(itertools.accumulate(lengths, initial=0))
        if not 0 <= index < len(starts) - 1 or not 0 < line <= len(lines):
            return None
        written = lines[line - 1]
        indent = len(written) - len(written.lstrip(" "))
        within = min(max(column - 1 - indent, 0), starts[index + 1] - 1 - starts[index])
        return starts[index] + within
    start = document.positions.get(path)
    if start is None or start[0] != line or "\n" in value:
        return None
    written = lines[line - 1] if 0 < line <= len(lines) else ""
    if written[start[1] - 1 : start[1] - 1 + len(value)] != value:
        return None  # quoted or escaped: columns do not map onto the value
    return min(max(column - start[1], 0), len(value))


def _value_at(document: Document, path: PathKey) -> object:
    value: object = document.data
    for part in path:
        if isinstance(value, dict) and isinstance(part, str):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return None
    return value
