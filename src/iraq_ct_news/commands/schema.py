"""``iraq-ct-news schema``: write the JSON Schemas in ``schema/`` from the models."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._options import add_root_option

#: Position in `iraq-ct-news --help`.
ORDER = 90


def add_parser(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "schema",
        help="write the JSON Schemas (schema/*.schema.json)",
        description="Write one draft 2020-12 JSON Schema per record kind into schema/. "
        "With --check, write nothing and exit 1 when the committed files are stale.",
    )
    add_root_option(parser, "schema/")
    parser.add_argument("--check", action="store_true", help="only report stale files")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..models.layout import SCHEMA
    from ..models.schema_export import stale_schemas, write_schemas

    directory: Path = args.root / SCHEMA
    if args.check:
        stale = stale_schemas(directory)
        for name in stale:
            print(f"{directory / name}: stale; run `iraq-ct-news schema`")
        return 1 if stale else 0
    from ..store.writer import Writer

    writer = Writer(args.root)
    with writer.locked():
        writer.clean_leftovers(SCHEMA)
        changed = write_schemas(directory, writer.write_path)
    for path in changed:
        print(f"wrote {path}")
    if not changed:
        print(f"{directory}: up to date")
    return 0
