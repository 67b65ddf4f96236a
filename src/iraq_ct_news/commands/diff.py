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
        "material for a CHANGELOG entry.",
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
    return 0
