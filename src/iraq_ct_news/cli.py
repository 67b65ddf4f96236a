"""The ``iraq-ct-news`` command line.

Each command lives in its own module under ``commands/`` and imports what it needs only when it
runs, so ``--help`` and typos answer instantly. Every error the package raises on purpose becomes
one line on stderr and an exit status; a traceback means a bug.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ._version import __version__
from .errors import IraqCtNewsError, UsageError

#: Command modules, in the order ``--help`` lists them.
COMMAND_MODULES: tuple[str, ...] = ("validate", "schema")

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iraq-ct-news",
        description="Validate, build and explore the iraq-ct-news dataset.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f".commands.{name}", __package__)
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except UsageError as error:
        print(f"iraq-ct-news: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except IraqCtNewsError as error:
        print(f"iraq-ct-news: error: {error}", file=sys.stderr)
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        print("iraq-ct-news: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); that is not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
