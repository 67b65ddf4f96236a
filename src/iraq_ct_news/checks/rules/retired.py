"""Retired CAMEO codes in use (I007).

A code ``cameo.yaml`` marks ``retired: true`` stays listed because a release used it, but the
project no longer codes events with it (``043`` "Host a visit", say, in favour of the codes for
the meeting itself). A new event that uses one is not wrong enough to refuse, and which current
code fits is a reading of the text, so it is a warning with the way to fix it, never a silent
pass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import declare, tree_check

if TYPE_CHECKING:
    from ..tree import Tree

I007 = declare(
    "I007", "retired CAMEO code in use", "warning",
    "The event uses a CAMEO code that `vocabularies/cameo.yaml` marks `retired: true`: kept "
    "listed because a release used it, but no longer used for new events.",
    "Code the event with a current code of the same root that fits what the text reports (for "
    "a reception or visit, 042 'Make a visit' or 040 'Consult, not specified below' with the "
    "meeting itself), adding it to `cameo.yaml` from the codebook if it is not listed yet.",
)


@tree_check(I007)
def check_retired_codes(tree: Tree) -> None:
    retired = {
        code
        for code, definitions in tree.index.cameo.items()
        for definition in definitions
        if code in definition.file.facts.tombstones
    }
    if not retired:
        return
    for checked in tree.articles:
        used = set(checked.facts.ref_groups.get(("cameo",), ()))
        if not used & retired:
            continue
        for reference in tree.detailed_references(checked):
            if reference.allowed == ("cameo",) and reference.target in retired:
                checked.report.add(
                    I007,
                    f"{reference.role} '{reference.target}' is retired in "
                    "curated/vocabularies/cameo.yaml; use a current code that fits the event",
                    reference.path,
                )
