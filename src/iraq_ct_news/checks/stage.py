"""The file stage: checking one file on its own, with its seed and the registry names.

:func:`check_file` is what a worker process runs for each file, and what the main process runs
when the tree is small or the cache does not know the file. It reads the file once into a
:class:`~.checked.CheckedFile` and runs on it the checks of the file and article stages the
catalog holds (see :mod:`.rules`), through one :class:`~.context.FileRun`, which records what
they read besides the file so that the cache can tell later whether the result still holds.
"""

from __future__ import annotations

from ..core.signature import key as signature_key
from ..models import Article
from ..models.layout import CuratedFile
from ..reading.seeds import SeedStore
from .checked import CheckedFile
from .context import FileRun, PassContext
from .facts import extract_facts
from .loading import read_file
from .reuse import encode_entry
from .rules import catalog


def check_file(context: PassContext, source: CuratedFile, seeds: SeedStore) -> CheckedFile:
    """Read and check one file on its own; never raises for bad content."""
    checked = read_file(
        context.root, source, context.display_prefix + source.relative.as_posix(),
        resolved_root=context.resolved_root, folders=context.folders_inside,
    )
    record = checked.record
    checked.facts = extract_facts(source.kind, source.stem, record, checked.repaired)
    checked.facts.index_map = checked.report.index_map
    if checked.document is not None:
        run = FileRun(context, seeds)
        plan = catalog.plan(source.kind, record is not None, context.names is not None)
        for check in plan.checks:
            check.function(checked, run)
        checked.reads = run.reads
    if checked.signature is not None and checked.file_sha256 is not None:
        location = context.root / source.relative
        checked.signatures.append((signature_key(location), checked.signature,
                                   checked.file_sha256))
    if isinstance(record, Article) and record.seed in seeds.signatures:
        checked.signatures.append(seeds.signatures[record.seed])
    if not context.keep_records:
        checked.record = None
        checked.spans = None
    if context.encode_entries and checked.file_sha256 is not None:
        checked.entry = encode_entry(checked)
    return checked

