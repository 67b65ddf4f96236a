"""``iraq-ct-news bump``: raise ``revision`` and ``modified`` of records changed since the release.

A released record's content never changes under the same revision (DATA-MODEL §4 rule 7), so
a change (an alias added to a person, say) needs ``revision`` + 1 and a later ``modified``;
``validate`` reports the record until both are set (V002, V003). This command sets them, for
the records whose content differs from the last release in ``dataset/`` and that are not bumped
yet, and rewrites each in canonical layout (its top comment block kept).
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from ._options import add_root_option

ORDER = 35


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "bump",
        help="raise revision and modified of records changed since the release",
        description="For each person, organisation, place or article record whose content "
        "differs from the last release in dataset/ and whose revision is not higher yet, set "
        "revision to the released revision + 1 and modified to today (or --date), and rewrite "
        "the file in canonical layout. Records not in the release, unchanged or already bumped "
        "are left alone.",
    )
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE",
                        help="records to bump (default: every changed record)")
    parser.add_argument("--date", type=datetime.date.fromisoformat, default=None,
                        metavar="YYYY-MM-DD", help="the modified date to write (default: today)")
    parser.add_argument("--check", action="store_true",
                        help="only list the records that need a bump; exit 1 if any does")
    add_root_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    needed = bump_records(args.root, args.files, args.date or datetime.date.today(),
                          check=args.check)
    if args.check:
        return 1 if needed else 0
    if not needed:
        print("no record needs a new revision")
    return 0


def bump_records(
    root: Path,
    files: list[Path],
    today: datetime.date,
    *,
    check: bool = False,
    say: Callable[[str], None] = print,
) -> int:
    """Bump the changed records of ``root`` (those of ``files``, or all), each change and each
    record skipped given to ``say`` as one line; returns how many records needed a bump (with
    ``check``, nothing is written)."""
    import copy

    from ..checks.released import read_released
    from ..core.errors import UsageError
    from ..core.safeoutput import one_line
    from ..models.content import content_sha256
    from ..models.layout import DATASET
    from ..store.repository import Repository
    from ..store.writer import Writer
    from .fmt import relative_record

    # A file named that is no record of the tree is an error, not "nothing to bump".
    wanted = {relative_record(root, path) for path in files}
    released = read_released(root / DATASET)
    if isinstance(released, str):
        raise UsageError(f"cannot compare with the release: {one_line(released)}")
    needed = 0
    writer = Writer(root)
    writer.refuse_linked_curated()
    planned: list[tuple[PurePosixPath, str, Any, str]] = []
    with writer.locked():
        repository = Repository(root)
        stored_records = repository.records(released)
        for finding in repository.findings:
            if not wanted or PurePosixPath(finding.path) in wanted:
                say(f"{one_line(finding.path)}: skipped: fix what `iraq-ct-news validate` "
                    "reports first")
        for stored in stored_records:
            shown = one_line(stored.relative.as_posix())
            if wanted and stored.relative not in wanted:
                continue
            record = stored.record
            if record is None:
                say(f"{shown}: skipped: fix what `iraq-ct-news validate` reports first")
                continue
            previous = released[stored.kind].get(record.id)  # type: ignore[index]
            if previous is None or content_sha256(record) == previous.content_sha256:
                continue
            if record.revision > previous.revision:
                continue
            needed += 1
            revision = previous.revision + 1
            if today.isoformat() <= previous.modified:
                raise UsageError(
                    f"{shown}: --date {today} is not after the released modified date "
                    f"{one_line(str(previous.modified))}"
                )
            if check:
                say(f"{shown}: changed since the release: needs revision {revision}")
                continue
            data = copy.deepcopy(stored.data)
            data["revision"] = revision
            data["modified"] = today.isoformat()
            # Checked (comments, values a person wrote) before anything is written.
            text = writer.record_text(stored.relative, data, stored.kind,
                                      original=stored.document,
                                      may_change=[("revision",), ("modified",)])
            planned.append((stored.relative, text, stored.token,
                            f"{shown}: revision {previous.revision} → {revision}, "
                            f"modified {today}"))
        # Written only once every record is known to be bumpable: none or all.
        for relative, text, token, message in planned:
            writer.write_text(relative, text, expect=token)
            say(message)
    return needed

