"""The page's address (P013): an address the seed prints, or one a stored public copy proves.

``source.url`` is never a guess. An address the seed does not print needs
``source.url_evidence``: how the stored copy was found and what on it matches the seed, and
that evidence must confirm the address, not contradict it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Article
from .base import declare, file_check
from .helpers import seed_of

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

P013 = declare(
    "P013", "address without evidence", "error",
    "`source.url` is an address the seed prints, or one proven by a stored public copy of the "
    "same page whose text matches the seed; `source.url_evidence` then says how the copy was "
    "found (`found_by`), what on it matches (`shows`) and where it is (`url`), and confirms "
    "the address. An address without either is a guess; evidence without an address, or "
    "evidence that conflicts with it, proves nothing.",
    "Copy the address as the seed prints it, add `url_evidence`, or set `source.url: null`.",
)


@file_check(P013, kinds=("article",))
def check_address(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    source = article.source
    report = checked.report
    evidence = source.url_evidence
    if source.url is None:
        if evidence is not None:
            report.add(P013, "source.url_evidence is given but source.url is null",
                       ("source", "url_evidence"))
        return
    if evidence is not None:
        if evidence.relation != "confirms":
            report.add(P013, "source.url_evidence must confirm the address (relation: confirms)",
                       ("source", "url_evidence", "relation"))
        return
    seed = seed_of(checked, run)
    if seed is None:
        return  # the seed's own problem is reported by the provenance checks
    if source.url not in seed.text:
        report.add(
            P013,
            f"source.url is not printed in seeds/{seed.name} and has no url_evidence (how a "
            "stored copy of the page was found and matched)",
            ("source", "url"),
        )
