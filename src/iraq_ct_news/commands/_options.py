"""Options several commands share, written once so they read and behave the same everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_path_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--path", type=Path, default=None, metavar="DIR",
        help="release folder to read (default: the release installed with the package, or "
        "the repository's dataset/ in a source checkout)",
    )


def add_root_option(
    parser: argparse.ArgumentParser, holding: str = "curated/ and seeds/"
) -> None:
    """``--root``: the repository a command works on."""
    parser.add_argument(
        "--root", type=Path, default=Path("."),
        help=f"repository folder holding {holding} (default: current folder)",
    )


def add_output_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format text|json``: JSON for scripts (one document on stdout, UTF-8, unescaped)."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", dest="output_format",
        help="text (default) or json",
    )
