"""The ``iraq-ct-news`` command line.

Each command lives in its own module under ``commands/`` and imports what it needs only when it
runs, so ``--help`` and typos answer instantly. Every error the package raises on purpose becomes
one line on stderr and an exit status; a traceback means a bug.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from ..core._version import __version__
from ..core.errors import IraqCtNewsError, UsageError
from ..core.safeoutput import escaped_output

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
    for module in command_modules():
        module.add_parser(subparsers)
    return parser


def command_modules() -> list[ModuleType]:
    """Every command module beside this one (a module with ``add_parser``), ordered by its
    ``ORDER`` (then name) for ``--help``."""
    modules = [
        importlib.import_module(f"{__package__}.{info.name}")
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if not info.name.startswith("_") and info.name != __name__.rpartition(".")[2]
    ]
    return sorted(modules, key=lambda module: (getattr(module, "ORDER", 100), module.__name__))


def main(argv: Sequence[str] | None = None) -> int:
    with escaped_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
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
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); that is not an error of ours.
        # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        # A full disk, a permission problem, a vanished folder: the user's environment, not a
        # bug, and every writer is atomic, so no file is left half-written.
        where = f"{error.filename}: " if error.filename else ""
        print(f"iraq-ct-news: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        print("iraq-ct-news: interrupted", file=sys.stderr)
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
