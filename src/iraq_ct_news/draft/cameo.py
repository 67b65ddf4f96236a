"""The CAMEO event codebook shipped with the package (``reference/cameo-codebook.tsv``).

``curated/vocabularies/cameo.yaml`` lists the codes the dataset uses; the codebook is the full
standard list a contributor picks from, and what ``draft`` proposes and ``validate`` checks
codes and labels against.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class CodebookEntry:
    code: str
    label: str
    quad_class: int
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""


def quad_class_of(code: str) -> int:
    """The quad class CAMEO assigns to a code's root (its first two digits)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 14 else 4


@lru_cache(maxsize=1)
def codebook() -> dict[str, CodebookEntry]:
    """Every CAMEO code with its label, in codebook order."""
    text = resources.files("iraq_ct_news").joinpath("reference/cameo-codebook.tsv").read_text(
        encoding="utf-8"
    )
    entries: dict[str, CodebookEntry] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, label = line.split("\t")
        entries[code] = CodebookEntry(code, label, quad_class_of(code))
    return entries
