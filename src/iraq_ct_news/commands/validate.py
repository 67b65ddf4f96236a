"""``iraq-ct-news validate``: report every rule violation in a curated tree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

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
    parser.add_argument(
        "--root", type=Path, default=Path("."),
        help="repository folder holding curated/ and seeds/ (default: current folder)",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "github"), default="text", dest="output_format",
        help="text (default), json, or github (workflow annotations)",
    )
    parser.add_argument("--explain", metavar="CODE", help="explain a rule code and exit")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..findings import render_findings
    from ..rules import RULES, explain

    if args.explain is not None:
        code = args.explain.upper()
        if code not in RULES:
            known = ", ".join(sorted(RULES))
            raise UsageError(f"unknown rule code {args.explain!r}; codes are: {known}")
        print(explain(code), end="")
        return 0

    from ..validator import validate_repository

    result = validate_repository(args.root, args.files or None)
    print(render_findings(result.findings, args.output_format))
    sys.stdout.flush()
    return 1 if result.errors else 0
