"""The people and organisations a body names, as the readers of its quotations see them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """A person or organisation named in the body."""

    start: int
    end: int
    entity: str | None
    name: str
    kind: str
    title: str | None = None


