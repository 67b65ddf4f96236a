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


def repository_root(value: str) -> Path:
    """The repository a command works on: the nearest folder holding ``curated/``, from
    ``value`` upwards, as git finds its repository (so ``cd curated && iraq-ct-news validate``
    works); ``value`` itself when no folder above holds one, so the command says what is missing.
    """
    start = Path(value)
    if (start / "curated").is_dir():
        return start
    for folder in start.resolve().parents:
        if (folder / "curated").is_dir():
            return folder
    return start


def add_root_option(
    parser: argparse.ArgumentParser, holding: str = "curated/ and seeds/"
) -> None:
    """``--root``: the repository a command works on (found upwards from it, as git does)."""
    parser.add_argument(
        "--root", type=repository_root, default=".",
        help=f"repository folder holding {holding} (default: the current folder or the nearest "
        "one above it holding curated/)",
    )


def add_output_format_option(parser: argparse.ArgumentParser) -> None:
    """``--format text|json``: JSON for scripts (one document on stdout, UTF-8, unescaped)."""
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", dest="output_format",
        help="text (default) or json",
    )
