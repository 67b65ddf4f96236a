"""``iraq-ct-news build``: compile the curated tree into the release in ``dataset/``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ._options import add_root_option
from .validate import add_performance_options

#: Position in `iraq-ct-news --help`.
ORDER = 20


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "build",
        help="validate, then write the release (dataset/) and the schemas",
        description="Validate the curated tree; if it has no errors, write the release into "
        "dataset/ (JSON Lines, CSV tables, datapackage.json, JSON-LD, dataset card; Parquet "
        "too when pyarrow is installed) and refresh schema/. The new dataset/ replaces the old "
        "one only once it is complete. With --check, write nothing and exit 1 when dataset/ or "
        "schema/ differ from what a build would write.",
    )
    add_root_option(parser)
    parser.add_argument(
        "--check", action="store_true",
        help="only report files a build would change (Parquet files are not compared)",
    )
    add_performance_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..core.gcpause import bulk_allocation

    with bulk_allocation():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from ..core.cache import ValidationCache
    from ..core.errors import ValidationError
    from ..core.findings import render_findings
    from ..core.progress import Progress
    from ..models.kinds import VERSIONED
    from ..release.build import build, check

    options = {
        "cache": None if args.no_cache else ValidationCache(),
        "jobs": args.jobs,
        "progress": Progress(),
    }
    try:
        if args.check:
            problems = check(args.root, **options)
            for line in problems:
                print(line)
            sys.stdout.flush()  # the list comes before the verdict, also when both are piped
            if problems:
                print("the release is out of date; run `iraq-ct-news build`", file=sys.stderr)
                return 1
            print("dataset/ and schema/ are up to date")
            return 0
        result = build(args.root, **options)
    except ValidationError as error:
        print(render_findings(error.findings, "text"))
        print("iraq-ct-news: error: not building a release from a tree with errors",
              file=sys.stderr)
        return 1
    for path in result.schemas:
        print(f"wrote {path}")
    release = result.release
    counts = ", ".join(f"{len(release.of_kind(row))} {row.count_label}"
                       for row in VERSIONED.values())
    print(
        f"wrote {result.directory}: release {release.version}, {counts}, "
        f"{len(result.files)} files"
        + (f" (+ {len(result.extra) - 1} Parquet tables)" if result.extra else "")
    )
    return 0
