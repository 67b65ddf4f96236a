"""``iraq-ct-news diff OLD NEW``: records added, modified and withdrawn between two releases."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

#: Position in `iraq-ct-news --help`.
ORDER = 60


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "diff",
        help="list records added, modified and withdrawn between two releases",
        description="Compare two release folders (e.g. the dataset/ of the last tag and the new "
        "one) and list added, modified (with the changed fields) and withdrawn records: the "
        "material for a CHANGELOG entry. Exits 1 when a record was deleted (not allowed: "
        "withdraw it instead).",
    )
    parser.add_argument("old", type=Path, metavar="OLD_DATASET_DIR")
    parser.add_argument("new", type=Path, metavar="NEW_DATASET_DIR")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        dest="output_format", help="text (default, Markdown) or json")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..release.dataset import load
    from ..release.diff import diff_releases, render_json, render_text

    old = load(args.old)
    new = load(args.new)
    changes = diff_releases(old, new)
    render = render_json if args.output_format == "json" else render_text
    print(render(changes, old.version, new.version))
    # A release never deletes a record (it withdraws it); the report marks a deletion as not
    # allowed, and the exit status says so too, so CI can stop on it.
    deleted = [change for change in changes if change.change == "deleted"]
    if deleted:
        import sys

        print(
            f"iraq-ct-news: error: {len(deleted)} record(s) deleted; withdraw them instead "
            "(status: withdrawn, withdrawn_reason)",
            file=sys.stderr,
        )
        return 1
    return 0
