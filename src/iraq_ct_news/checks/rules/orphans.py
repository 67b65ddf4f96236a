"""Orphans (O001, O002): registry records no article refers to, CAMEO codes no event uses.

Orphans are known only when every article's references could be read, so nothing is reported
while an article does not validate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import declare, tree_check

if TYPE_CHECKING:
    from ..tree import Tree

O001 = declare(
    "O001", "registry record not referenced", "warning",
    "No article refers to this person, organisation or place. (A withdrawn record is a "
    "tombstone, kept on purpose, and is not reported.)",
    "Refer to it from the article that names it, or remove it before it is released.",
)
O002 = declare(
    "O002", "vocabulary entry not used", "warning",
    "No event uses this CAMEO code; `cameo.yaml` lists the codes in use. A code a release "
    "listed is kept with `retired: true` instead of removed, and is not reported.",
    "Remove the entry or use it.",
)

@tree_check(O001, O002)
def check_orphans(tree: Tree) -> None:
    if not all(f.facts.verified and not f.facts.repaired for f in tree.articles):
        return
    referenced: set[str] = set()
    used_cameo: set[str] = set()
    for article in tree.articles:
        for targets in article.facts.ref_groups.values():
            referenced.update(targets)
        used_cameo.update(article.facts.ref_groups.get(("cameo",), ()))
    index = tree.index
    for record_id, definitions in index.definitions.items():
        if record_id in referenced:
            continue
        for definition in definitions:
            if definition.verified and record_id not in definition.file.facts.tombstones:
                definition.file.report.add(
                    O001, f"no article refers to {definition.namespace} '{record_id}'", ("id",)
                )
    for code, definitions in index.cameo.items():
        if code != "*" and code not in used_cameo:
            for definition in definitions:
                if code in definition.file.facts.tombstones:
                    continue
                definition.file.report.add(
                    O002, f"no event uses CAMEO code {code}", definition.path
                )
