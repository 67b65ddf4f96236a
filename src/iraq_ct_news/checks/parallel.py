"""Checking many files on every core: a process pool over :func:`.stage.check_file`.

Each file is checked on its own, so the files are split into chunks and the chunks spread over
worker processes; each :class:`~.checked.CheckedFile` comes back without its document or its
reference list (see :meth:`~.checked.CheckedFile.travel`), and with its model and span offsets
only when a release is being built. Below
:data:`MIN_PARALLEL` files, or with one core, the files are checked in this process: starting
workers costs more than it saves.

Workers are forked when this process has a single thread (cheap: they inherit the imported
modules and the context), and started from a fork server otherwise, because forking a process
whose other threads hold locks can deadlock the child.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..core.gcpause import bulk_allocation
from ..models import Article
from ..models.layout import CuratedFile
from ..reading.seeds import SeedStore
from .checked import CheckedFile
from .context import FileRun, PassContext
from .loading import read_file
from .rules.helpers import resolutions
from .stage import check_file

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

#: Fewer files than this are checked in this process.
MIN_PARALLEL = 160
#: Files per task sent to a worker: large enough that sending tasks costs little, small enough
#: that the workers finish together and progress moves.
_CHUNK_FILES = 48

_WORKER_CONTEXT: PassContext | None = None
_WORKER_SEEDS: SeedStore | None = None


def usable_cores() -> int:
    """The CPUs this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def check_files(
    context: PassContext,
    sources: Sequence[CuratedFile | CheckedFile],
    *,
    jobs: int | None = None,
    advance: Callable[[int], None] = lambda count: None,
) -> list[CheckedFile]:
    """Every file in ``sources`` checked, in the same order.

    A :class:`CheckedFile` among them is a result taken from the cache for a build: it is not
    checked again, only given its model and span offsets (:func:`complete_file`).
    """
    jobs = usable_cores() if jobs is None else max(1, jobs)
    if jobs == 1 or len(sources) < MIN_PARALLEL:
        seeds = SeedStore(context.root)
        outcomes = []
        for source in sources:
            outcomes.append(_process(context, source, seeds))
            advance(1)
        return outcomes
    from concurrent.futures import ProcessPoolExecutor  # only when there is work to share

    chunks = [list(sources[i : i + _CHUNK_FILES]) for i in range(0, len(sources), _CHUNK_FILES)]
    outcomes = []
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(chunks)),
        mp_context=_start_method(),
        initializer=_start_worker,
        initargs=(context,),
    ) as pool:
        for done in pool.map(_check_chunk, chunks):
            outcomes.extend(done)
            advance(len(done))
    return outcomes


def _start_method() -> BaseContext:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _start_worker(context: PassContext) -> None:
    global _WORKER_CONTEXT, _WORKER_SEEDS
    _WORKER_CONTEXT = context
    _WORKER_SEEDS = SeedStore(context.root)


def _check_chunk(chunk: list[CuratedFile | CheckedFile]) -> list[CheckedFile]:
    assert _WORKER_CONTEXT is not None and _WORKER_SEEDS is not None
    done = []
    with bulk_allocation():
        for source in chunk:
            checked = _process(_WORKER_CONTEXT, source, _WORKER_SEEDS)
            done.append(checked.travel(
                _WORKER_CONTEXT.keep_records,
                checked.source.relative in _WORKER_CONTEXT.keep_documents,
            ))
    return done


def _process(context: PassContext, item: CuratedFile | CheckedFile, seeds: SeedStore
             ) -> CheckedFile:
    if isinstance(item, CheckedFile):
        return complete_file(context, item, seeds)
    return check_file(context, item, seeds)


def complete_file(context: PassContext, cached: CheckedFile, seeds: SeedStore) -> CheckedFile:
    """A result from the cache with what a build needs besides it: the file's model and, for an
    article, where its spans are.

    The file is read and validated against its model (no rule runs again: the findings are
    the cached ones, which still hold). Should its bytes differ from those the result is for
    (it changed since the cache was read), it is checked in full instead.
    """
    fresh = read_file(context.root, cached.source, cached.display_path,
                      resolved_root=context.resolved_root)
    if fresh.file_sha256 != cached.file_sha256 or fresh.document is None:
        return check_file(context, cached.source, seeds)
    cached.record = fresh.record
    cached.repaired = fresh.repaired
    if isinstance(cached.record, Article):
        resolutions(cached, FileRun(context, seeds))
    return cached
