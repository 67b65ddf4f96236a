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


#: The quad class CAMEO assigns to each root code (a code's first two digits): 01–05 verbal
#: cooperation, 06–08 material cooperation, 09–14 verbal conflict, 15–20 material conflict.
QUAD_CLASS_BY_ROOT: dict[int, int] = {
    **dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2),
    **dict.fromkeys(range(9, 15), 3), **dict.fromkeys(range(15, 21), 4),
}


def quad_class_of(code: str) -> int | None:
    """The quad class of ``code``'s root, or None for a root CAMEO does not have."""
    return QUAD_CLASS_BY_ROOT.get(int(code[:2]))


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
        quad_class = quad_class_of(code)
        if quad_class is None:
            raise ValueError(f"cameo-codebook.tsv: {code} has no CAMEO root (01–20)")
        entries[code] = CodebookEntry(code, label, quad_class)
    return entries
