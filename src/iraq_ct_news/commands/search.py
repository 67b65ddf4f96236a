"""``iraq-ct-news search TEXT``: articles containing a word or phrase, Arabic-normalised."""

from __future__ import annotations

import argparse
from typing import Any

from ._options import add_path_option

#: Position in `iraq-ct-news --help`.
ORDER = 50


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "search",
        help="find articles containing a word or phrase (Arabic-normalised)",
        description="List the articles whose headline, English summary, body or mentions "
        "contain TEXT. Alef/hamza forms, alef maqsura and ya, ta marbuta and ha, diacritics, "
        "tatweel, Arabic-Indic digits, letter case and spacing do not matter.",
    )
    parser.add_argument("text", metavar="TEXT", help="word or phrase to look for")
    parser.add_argument("--limit", type=int, default=50, help="show at most this many (50)")
    add_path_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..release.dataset import load
    from ..release.search import snippet, text_key

    if not text_key(args.text):
        raise UsageError("the search text is empty once normalised")
    dataset = load(args.path)
    hits = dataset.search(args.text)
    print(f"{len(hits)} article(s) match {args.text!r}")
    for article in hits[: max(args.limit, 0)]:
        status = " [withdrawn]" if article.status == "withdrawn" else ""
        print(f"\n{article.id}  {article.published}  {article.source.publisher}{status}")
        print(f"  {article.headline.ar}")
        print(f"  {article.headline.en}")
        for text in (article.body, article.headline.ar, article.summary.en):
            found = snippet(text, args.text)
            if found is not None:
                print(f"  …{found.before}[{found.match}]{found.after}…")
                break
    if len(hits) > args.limit:
        print(f"\n({len(hits) - args.limit} more; use --limit)")
    return 0
