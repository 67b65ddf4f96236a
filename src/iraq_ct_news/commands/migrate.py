"""``iraq-ct-news migrate``: bring records of an older record format to the current one.

A release that changes the record format ships a migration step for it
(:mod:`iraq_ct_news.reading.migrations`); this command applies to each record the steps it has not had
(those introduced after its ``schema_version``); a record a step changed gets the current
record format's ``schema_version`` and is rewritten in the canonical layout. Every change is
printed, one line each.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._options import add_root_option

#: Position in `iraq-ct-news --help`.
ORDER = 36


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "migrate",
        help="upgrade records of an older record format to the current one",
        description="Apply to every record under curated/ the migration steps of the record "
        "formats after the one it is written in (its schema_version); a record a step changed "
        "gets the current schema_version and is rewritten in canonical layout. Prints one line "
        "per change. A record no step changes is left alone; a file that does not read, or "
        "that needs a change but holds a comment below its top block, is skipped and named, "
        "and the command then exits 1.",
    )
    add_root_option(parser)
    parser.add_argument(
        "--check", action="store_true",
        help="write nothing; list the changes and exit 1 if any record needs migrating or "
        "a file could not be checked",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..core._version import SCHEMA_VERSION
    from ..core.errors import UsageError
    from ..models.layout import CURATED
    from ..reading.migrations import migrate_data
    from ..store.recordfiles import read_record_files, write_record
    from ..store.writer import Writer

    root: Path = args.root
    if not (root / CURATED).is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    Writer(root).refuse_linked_curated()
    migrated = skipped = 0
    for record in read_record_files(root):
        if isinstance(record, str):
            skipped += 1
            print(record)
            continue
        changes = migrate_data(record.kind, record.data)
        if not changes:
            continue
        refusal = record.refusal()
        if refusal is not None:
            print(refusal)  # with --check: what migrating will do with this file
            if not args.check:
                skipped += 1
                continue
        migrated += 1
        if not args.check:
            write_record(record, record.rendered())
        for change in changes:
            print(f"{record.display}: {change}")
    verb = "need migrating" if args.check else "migrated"
    print(f"{migrated} record(s) {verb} to record format {SCHEMA_VERSION}"
          + (f", {skipped} skipped" if skipped else ""))
    # A skipped file may need migrating (it does not read) or was left unmigrated (a comment
    # would be lost): neither a check nor a migration that skipped one is done.
    return 1 if skipped or (args.check and migrated) else 0
