"""``iraq-ct-news view``: write review pages of article records, to read in a browser."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._options import add_root_option

#: Position in `iraq-ct-news --help`: right after `validate`, which it shows.
ORDER = 12


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "view",
        help="write HTML review pages of articles: text, annotations and findings",
        description="Write one static HTML page per article (and an index.html): the Arabic "
        "body and headline right-to-left with every mention, quote, amount, resolution, figure "
        "and date evidence marked, unconfirmed proposals shown as such, every validation "
        "finding at the words or line it is about, events with their actors and CAMEO labels, "
        "and the English headline and summary beside. The pages need no server, network or "
        "JavaScript; open index.html in a browser.",
    )
    parser.add_argument(
        "articles", nargs="*", metavar="FILE|ID",
        help="article files or ids to show (default: every article)",
    )
    add_root_option(parser)
    parser.add_argument(
        "--out", type=Path, default=Path("view"), metavar="DIR",
        help="folder to write the pages into (default: ./view; created if missing, "
        "pages of the same names replaced)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..view import render_view

    result = render_view(args.root, args.articles, args.out)
    for finding in result.elsewhere:
        print(finding.render())
    print(
        f"wrote {len(result.pages)} article page(s) and index.html to {result.out}"
        f" ({result.errors} error(s), {result.warnings} warning(s),"
        f" {result.proposals} unconfirmed proposal(s) shown)"
    )
    return 0
