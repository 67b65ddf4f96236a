"""Whether what a file's checks read besides the file is still what they read.

When a file is checked, its :class:`~.context.FileRun` records every read of something outside
the file (a seed, the registry names, the titles quoted from it) with the value that read
depended on. A cached result is reused only when each recorded value is what it would be now;
nothing here knows which rule read what, so no rule can forget to say so.
"""

from __future__ import annotations

from typing import Any

from ..reading.seeds import SeedStore
from .context import RECORDED, PassContext

_UNKNOWN = object()


class ReadsCheck:
    """Compares recorded reads with the values now, working out each distinct read (a source
    and a key: one seed, the registry names) once, however many files recorded it."""

    def __init__(self, context: PassContext, seeds: SeedStore) -> None:
        self._context = context
        self._seeds = seeds
        self._now: dict[str, dict[str, Any]] = {source: {} for source in RECORDED}
        self.worked_out = 0
        """Distinct reads whose value now was worked out (a measure of the work done)."""

    def still_holds(self, recorded: Any) -> bool:
        """Whether every value in ``recorded`` (a :attr:`FileRun.reads <.context.FileRun.reads>`
        as the cache stored it) is unchanged; anything not understood is a change."""
        if not isinstance(recorded, dict):
            return False
        for source, values in recorded.items():
            now = self._now.get(source)
            if now is None or not isinstance(values, dict):
                return False
            for key, value in values.items():
                current = now.get(key, _UNKNOWN)
                if current is _UNKNOWN:
                    current = now[key] = RECORDED[source](self._context, self._seeds, key)
                    self.worked_out += 1
                if current != value:
                    return False
        return True

