"""``iraq-ct-news export FORMAT PATH``: write a release in a format made on request."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._options import add_path_option

#: Position in `iraq-ct-news --help`.
ORDER = 25


def add_parser(subparsers: Any) -> None:
    from ..release.export_formats import REQUESTED_FORMATS

    formats = "; ".join(f"{name}: {fmt.description}" for name, fmt in REQUESTED_FORMATS.items())
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "export",
        help="write the release as a SQLite database (for Datasette) or a spaCy DocBin",
        description=f"Write the release in another format. {formats}. Files are written "
        "whole or not at all.",
    )
    parser.add_argument("format", choices=sorted(REQUESTED_FORMATS), metavar="FORMAT",
                        help=f"one of: {', '.join(sorted(REQUESTED_FORMATS))}")
    parser.add_argument("output", type=Path, metavar="PATH", help="file to write")
    add_path_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..core.errors import UsageError
    from ..release.dataset import load
    from ..release.export_source import release_of
    from ..release.exports_on_request import EXPORT_FORMATS

    export = EXPORT_FORMATS[args.format]
    output: Path = args.output
    if output.is_dir():
        raise UsageError(f"{output} is a folder; give the path of the file to write")
    if not output.parent.is_dir():
        raise UsageError(f"{output.parent} does not exist; create it first")
    release = release_of(load(args.path))
    try:
        written = export.write(release, output)
    except ImportError as error:
        if not export.requires:
            raise
        raise UsageError(
            f"the {export.name} export needs {error.name or 'an optional package'}: "
            f'pip install "iraq-ct-news[{export.requires}]"'
        ) from None
    for path in written:
        print(f"wrote {path}")
    return 0
