"""The values a file's result depends on besides its bytes, and whether they still hold.

Each check declares what it reads (:class:`~.checks.base.Dependency`); when a file is checked,
the value of every dependency its checks declared is recorded with the result, and a cached
result is reused only when each recorded value is what it would be now. This module is the one
place that knows how to work out each value.
"""

from __future__ import annotations

from typing import Any

from ..models import Article
from ..reading.seeds import SeedStore
from .checked import CheckedFile
from .context import StageContext
from .rules.base import Dependency


def value_of(
    dependency: Dependency, checked: CheckedFile, context: StageContext, seeds: SeedStore
) -> Any:
    """The value ``dependency`` has for ``checked`` now (JSON: it is stored in the cache)."""
    record = checked.record
    if dependency is Dependency.SEED:
        if not isinstance(record, Article):
            return None
        return [record.seed, seeds.state(record.seed)]
    if dependency is Dependency.NAMES:
        return context.names.fingerprint if context.names is not None else None
    if dependency is Dependency.TITLES:
        record_id = checked.facts.record_id
        return list(context.titles.get(record_id, ())) if record_id is not None else []
    raise ValueError(f"{dependency} is never recorded: checks that read it are not cached")


def still_holds(
    recorded: dict[str, Any], checked: CheckedFile, context: StageContext, seeds: SeedStore
) -> bool:
    """Whether every value in ``recorded`` (as :func:`value_of` gave it) is unchanged."""
    for name, value in recorded.items():
        dependency = Dependency(name)
        if dependency is Dependency.SEED:
            if value is not None and seeds.state(value[0]) != value[1]:
                return False
        elif dependency is Dependency.NAMES:
            if context.names is None or value != context.names.fingerprint:
                return False
        elif dependency is Dependency.TITLES:
            record_id = checked.facts.record_id
            asked = list(context.titles.get(record_id, ())) if record_id is not None else []
            if asked != value:
                return False
        else:
            return False
    return True
