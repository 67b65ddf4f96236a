"""``iraq-ct-news new``: scaffold an article record from a seed already in ``seeds/``.

The work is in :mod:`iraq_ct_news.curation.scaffold`; this module parses the arguments and reports.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._options import add_root_option

#: Position in `iraq-ct-news --help`: the first command a contributor runs.
ORDER = 5


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "new",
        help="scaffold an article record from a seed in seeds/",
        description="Write curated/articles/<id>.yaml from a source document already copied "
        "into seeds/: the seed's name and hash, the format version, today's date as created "
        "and modified, the headline and the body paragraphs (likely site chrome left out and "
        "listed in the comment block at the top, to confirm), and a TODO placeholder for every "
        "field that needs a curator; `validate` reports each placeholder until it is replaced. "
        "The seed's hash is added to seeds/SHA256SUMS. An existing file is never overwritten.",
    )
    parser.add_argument(
        "--seed", type=Path, required=True, metavar="FILE",
        help="the source document, a file directly inside seeds/ (e.g. seeds/005_example.txt)",
    )
    parser.add_argument(
        "--id", dest="article_id", metavar="ID",
        help="the record's id, lowercase kebab-case, descriptive in English (default: made "
        "from the seed's file name)",
    )
    add_root_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..curation.scaffold import plan_scaffold, write_scaffold

    root: Path = args.root
    scaffold = plan_scaffold(root, args.seed, args.article_id)
    write_scaffold(root, scaffold)
    shown = scaffold.relative.as_posix() if root == Path(".") else (root / scaffold.relative).as_posix()
    reading = scaffold.reading
    print(
        f"wrote {shown} from seeds/{scaffold.seed}: headline from line "
        f"{reading.headline.number}, {len(reading.paragraphs)} body paragraph(s), "
        f"{len(reading.left_out)} line(s) left out as likely site chrome (listed at the top of "
        "the file, to confirm)"
    )
    if scaffold.sums is not None:
        print(f"added seeds/{scaffold.seed} to seeds/SHA256SUMS")
    print(
        f"next: replace the {len(scaffold.placeholders)} TODO placeholders (`iraq-ct-news "
        f"validate {shown}` lists them), as CONTRIBUTING.md describes"
    )
    return 0
