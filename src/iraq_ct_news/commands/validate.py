"""``iraq-ct-news validate``: report every rule violation in a curated tree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._options import add_root_option

#: Position in `iraq-ct-news --help`.
ORDER = 10


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "validate",
        help="check curated records against every rule",
        description="Check curated records against every rule of the data model. Prints one "
        "line per finding (path:line:col: CODE message) and exits 1 when there is an error.",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE",
        help="report only these files (references are still checked against the whole tree)",
    )
    add_root_option(parser)
    parser.add_argument(
        "--format", choices=("text", "json", "github"), default="text", dest="output_format",
        help="text (default), json, or github (workflow annotations)",
    )
    parser.add_argument("--explain", metavar="CODE", help="explain a rule code and exit")
    parser.add_argument(
        "--fix", action="store_true",
        help="first apply the fixes rules make by themselves (CAMEO labels from the codebook, "
        "an undated page written null, a past event's bound narrowed to publication), the "
        "canonical layout (fmt) and `bump` for records changed since the release, printing "
        "one line per change; then validate",
    )
    add_performance_options(parser)
    parser.set_defaults(handler=run)


def add_performance_options(parser: argparse.ArgumentParser) -> None:
    """``--no-cache`` and ``--jobs``, shared with ``build``."""
    parser.add_argument(
        "--no-cache", action="store_true",
        help="check every file again and leave the cache alone (the cache keeps per-file "
        "results in $IRAQ_CT_NEWS_CACHE_DIR, else $XDG_CACHE_HOME/iraq-ct-news or "
        "~/.cache/iraq-ct-news; it never changes a finding)",
    )
    parser.add_argument(
        "--jobs", type=_positive, default=None, metavar="N",
        help="worker processes for large trees (default: one per CPU)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    from ..checks.rules.catalog import RULES, explain
    from ..core.errors import UsageError
    from ..core.findings import render_findings

    if args.explain is not None:
        code = args.explain.upper()
        if code not in RULES:
            known = ", ".join(sorted(RULES))
            raise UsageError(f"unknown rule code {args.explain!r}; codes are: {known}")
        print(explain(code), end="")
        return 0

    if args.fix:
        _fix(args.root, args.files)

    from ..checks.run import validate_repository
    from ..core.cache import ValidationCache
    from ..core.gcpause import bulk_allocation
    from ..core.progress import Progress

    # Collector paused for the whole command, until the results are dropped: pausing it only
    # around the work would make the first collection afterwards walk every result at once.
    with bulk_allocation():
        result = validate_repository(
            args.root,
            args.files or None,
            keep_records=False,
            jobs=args.jobs,
            cache=None if args.no_cache else ValidationCache(),
            progress=Progress(),
        )
        print(render_findings(result.findings, args.output_format))
        sys.stdout.flush()
        status = 1 if result.errors else 0
        del result
    return status


def _fix(root: Path, files: list[Path]) -> None:
    """``--fix``: the rules' own fixes and the layout, then ``bump`` (a fixed record that was
    released needs a new revision), each change on its own line, then a count."""
    import datetime

    from ..core.errors import UsageError
    from ..models.layout import DATASET
    from ..store.fixing import fix_tree
    from ..store.writer import Writer
    from .bump import bump_records
    from .fmt import relative_record

    only = {relative_record(root, path) for path in files} if files else None
    Writer(root).refuse_linked_curated()
    lines = fix_tree(root, only)
    if (root / DATASET).is_dir():
        try:
            bump_records(root, files, datetime.date.today(), say=lines.append)
        except UsageError as error:  # an unreadable release: V006 reports it below
            lines.append(f"bump: skipped: {error}")
    for line in lines:
        print(line)
    skipped = sum(1 for line in lines if ": skipped" in line)
    summary = f"--fix: {len(lines) - skipped} change(s)"
    print(summary + (f", {skipped} file(s) skipped" if skipped else ""))
    sys.stdout.flush()
