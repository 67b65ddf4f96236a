"""Keeping the cyclic garbage collector out of loops that create many long-lived objects.

Every few hundred allocations the collector walks the young objects, and ever larger older
generations as they grow, so creating N records (models, parsed documents, per-file results)
costs collector time that grows faster than N and finds nothing to free: records hold no
reference cycles, and everything else is freed by reference counting as soon as it is dropped.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bulk_allocation() -> Iterator[None]:
    """Disable the cyclic collector for the block, and restore it however the block ends.

    (Objects are not frozen afterwards: that would also pin any garbage the caller's program
    already holds.)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
