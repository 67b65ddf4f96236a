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


def still_holds(recorded: Any, context: PassContext, seeds: SeedStore) -> bool:
    """Whether every value in ``recorded`` (a :attr:`FileRun.reads <.context.FileRun.reads>`
    as the cache stored it) is unchanged; anything not understood is a change."""
    if not isinstance(recorded, dict):
        return False
    for source, values in recorded.items():
        value_now = RECORDED.get(source)
        if value_now is None or not isinstance(values, dict):
            return False
        for key, value in values.items():
            if value_now(context, seeds, key) != value:
                return False
    return True
