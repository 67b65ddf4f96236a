"""Marked-up text: spans of a text as properly nested HTML elements.

Spans may nest (a mention inside a quote) or cross (a quote that ends inside a mention). HTML
elements can only nest, so a span that is still open when an enclosing one closes is closed
with it and reopened straight after, as a second part of the same span: every part carries the
span's key in ``data-ann`` and a part number from the second part on, and only the first part
has the span's ``id`` (the target of links), its label and is focusable: a later part carries
only its class and key, so crossing spans add a few bytes per part and the page stays within a
fixed multiple of the record (each part of a span is opened where another span starts inside it,
so there are no more parts than characters of the record's spans). Joining the parts of a span
gives exactly its text.

Offsets are code points into the text, as :mod:`iraq_ct_news.reading.anchoring` computes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import escape


@dataclass(frozen=True)
class Mark:
    """A span of the text to wrap in a ``<mark>`` element."""

    start: int
    end: int
    key: str
    """Unique on the page; the first part's ``id`` is ``a-<key>``."""
    rank: int
    """Which of two spans over the same text is the outer one (lower is outer)."""
    classes: str
    label: str
    """What the span is, for the tooltip and the focus label (plain text)."""
    described_by: str | None = None
    """Id of the element that describes the span for screen readers."""


@dataclass(frozen=True)
class Pin:
    """An empty element (a finding's badge) placed at an offset, between characters."""

    offset: int
    markup: str
    """Finished HTML of an element with no text content."""


def anchor_id(key: str) -> str:
    return f"a-{key}"


def render(value: str, marks: Sequence[Mark], pins: Sequence[Pin] = ()) -> str:
    """``value`` as escaped HTML with every mark and pin in place."""
    length = len(value)
    usable = [mark for mark in marks if 0 <= mark.start < mark.end <= length]
    starting: dict[int, list[Mark]] = {}
    for mark in usable:
        starting.setdefault(mark.start, []).append(mark)
    for group in starting.values():
        group.sort(key=lambda mark: (-mark.end, mark.rank, mark.key))
    pins_at: dict[int, list[str]] = {}
    for pin in pins:
        pins_at.setdefault(min(max(pin.offset, 0), length), []).append(pin.markup)
    points = sorted({0, length, *starting, *(mark.end for mark in usable), *pins_at})

    out: list[str] = []
    stack: list[Mark] = []
    parts: dict[str, int] = {}
    for index, point in enumerate(points):
        if any(mark.end == point for mark in stack):
            reopen: list[Mark] = []
            while any(mark.end == point for mark in stack):
                mark = stack.pop()
                out.append("</mark>")
                if mark.end != point:
                    reopen.append(mark)
            for mark in reversed(reopen):
                out.append(_open(mark, parts))
                stack.append(mark)
        out.extend(pins_at.get(point, ()))
        for mark in starting.get(point, ()):
            out.append(_open(mark, parts))
            stack.append(mark)
        if index + 1 < len(points):
            out.append(escape.text(value[point : points[index + 1]]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open(mark: Mark, parts: dict[str, int]) -> str:
    part = parts.get(mark.key, 0) + 1
    parts[mark.key] = part
    attributes = [f'class="{escape.attribute(mark.classes)}"', f'data-ann="{mark.key}"']
    if part == 1:
        label = escape.attribute(mark.label)
        attributes.insert(0, f'id="{anchor_id(mark.key)}"')
        attributes.append('tabindex="0"')
        if mark.described_by is not None:
            attributes.append(f'aria-describedby="{escape.attribute(mark.described_by)}"')
        attributes.append(f'title="{label}"')
        attributes.append(f'data-label="{label}"')
    else:
        attributes.append(f'data-part="{part}"')
    return f"<mark {' '.join(attributes)}>"
