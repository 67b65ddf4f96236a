"""Helpers for the release tests: fixture trees with more variety, and building them."""

from __future__ import annotations

import shutil
from pathlib import Path

from iraq_ct_news.release.build import build

from .conftest import VALID_TREE

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
SECOND = "curated/articles/fixture-second.yaml"


def copy_valid_tree(destination: Path) -> Path:
    shutil.copytree(VALID_TREE, destination)
    return destination


def edit(tree: Path, relative: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a file of ``tree``."""
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (relative, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_second_article(tree: Path, *, withdrawn: bool = False) -> None:
    """A second article (same seed): its quote names no event, and it can be a tombstone."""
    text = (tree / ARTICLE).read_text(encoding="utf-8")
    text = text.replace("id: fixture-iom-agreement", "id: fixture-second")
    text = text.replace("  event: signing\n", "")
    text = text.replace("en: A test fixture headline", "en: A second fixture headline")
    if withdrawn:
        text = text.replace(
            "status: active", "status: withdrawn\nwithdrawn_reason: duplicate of the first"
        )
    (tree / SECOND).write_text(text, encoding="utf-8")


def build_release(tree: Path) -> Path:
    """Build ``tree`` (without Parquet) and return its ``dataset/``."""
    build(tree, with_parquet=False)
    return tree / "dataset"
