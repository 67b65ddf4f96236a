"""The ``--path`` option shared by the commands that read a release."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_path_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--path", type=Path, default=None, metavar="DIR",
        help="release folder to read (default: the release installed with the package, or "
        "the repository's dataset/ in a source checkout)",
    )
