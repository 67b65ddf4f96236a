"""``iraq-ct-news stats``: how many records of each kind, per publisher, year and theme."""

from __future__ import annotations

import argparse
from typing import Any

from ._options import add_output_format_option, add_path_option

#: Position in `iraq-ct-news --help`.
ORDER = 30


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "stats",
        help="count records per kind, publisher, year and theme",
        description="Count the records of a release: per kind, and active articles per "
        "publisher, per publication year and per theme.",
    )
    add_output_format_option(parser)
    add_path_option(parser)
    parser.set_defaults(handler=run)


def _section(title: str, rows: list[tuple[str, int]]) -> list[str]:
    lines = ["", title]
    if not rows:
        return [*lines, "  (none)"]
    width = max(len(name) for name, _ in rows)
    return [*lines, *(f"  {name.ljust(width)}  {count:>6}" for name, count in rows)]


def run(args: argparse.Namespace) -> int:
    from ..release.dataset import load
    from ..release.summary import summarize

    dataset = load(args.path)
    summary = summarize(dataset)
    if args.output_format == "json":
        import json

        document = {
            "version": dataset.version,
            "records": dict(summary.kinds),
            "withdrawn_articles": summary.withdrawn,
            "active_articles_per_publisher": dict(summary.publishers),
            "active_articles_per_year": dict(summary.years),
            "active_articles_per_theme": dict(summary.themes),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    lines = [f"iraq-ct-news release {dataset.version} ({dataset.path})"]
    kinds = list(summary.kinds.items())
    kinds.insert(1, ("  withdrawn", summary.withdrawn))
    lines += _section("Records", kinds)
    lines += _section("Active articles per publisher", summary.publishers)
    lines += _section("Active articles per publication year", summary.years)
    lines += _section("Active articles per theme", summary.themes)
    print("\n".join(lines))
    return 0
