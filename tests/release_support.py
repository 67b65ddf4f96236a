"""Helpers for the release tests: fixture trees with more variety, and building them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from iraq_ct_news.release.build import build

from .conftest import VALID_TREE

ARTICLE = "curated/articles/fixture-iom-agreement.yaml"
SECOND = "curated/articles/fixture-second.yaml"
SEED = "seeds/004_e9dc320f1ba3aa95.txt"
SECOND_SEED = "seeds/fixture-second.txt"


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
    """A second article whose quote names no event.

    As a tombstone it is the first article curated again from the same seed (a duplicate,
    withdrawn). Active, it is a second report: its own seed (the first's document with a line
    added), and only the paragraph of the quote as its body, so it is neither a duplicate source
    nor a near-identical article.
    """
    text = (tree / ARTICLE).read_text(encoding="utf-8")
    text = text.replace("id: fixture-iom-agreement", "id: fixture-second")
    text = text.replace("  event: signing\n", "")
    text = text.replace("en: A test fixture headline", "en: A second fixture headline")
    if withdrawn:
        text = text.replace(
            "status: active", "status: withdrawn\nwithdrawn_reason: duplicate of the first"
        )
    else:
        text = _second_report(tree, text)
    (tree / SECOND).write_text(text, encoding="utf-8")


def _second_report(tree: Path, text: str) -> str:
    seed = (tree / SEED).read_bytes() + "\nنشر التقرير مرة ثانية.\n".encode()
    (tree / SECOND_SEED).write_bytes(seed)
    name = SEED.split("/")[-1]
    text = text.replace(f"seed: {name}", f"seed: {SECOND_SEED.split('/')[-1]}")
    start = text.index("seed_sha256: ") + len("seed_sha256: ")
    text = text[:start] + hashlib.sha256(seed).hexdigest() + text[start + 64:]
    lines = text.split("\n")
    body = lines.index("body: |-")
    del lines[body + 1 : body + 3]  # the first paragraph and the blank line after it
    text = "\n".join(lines)
    # The mentions of what that paragraph names: the organisation twice, the speaker, and the
    # organisation in the headline.
    mentions = text.index("mentions:\n")
    text = text[:mentions] + (
        "mentions:\n"
        "- entity: fixture-iom\n  exact: المنظمة الدولية للهجرة\n  occurrence: 1\n"
        "- entity: fixture-iom\n  exact: المنظمة الدولية للهجرة\n  occurrence: 2\n"
        "- entity: fixture-gigauri\n  exact: جيغاوري\n  prefix: 'و قال السيد '\n"
        "- entity: fixture-iom\n  exact: المنظمة الدولية للهجرة\n  scope: headline\n"
    ) + text[text.index("quotes:\n"):]
    events = text.index("events:\n")
    return text[:events] + "events: []\n" + text[text.index("amounts:"):]


def build_release(tree: Path) -> Path:
    """Build ``tree`` (without Parquet) and return its ``dataset/``."""
    build(tree, with_parquet=False)
    return tree / "dataset"
