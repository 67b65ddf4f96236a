"""Quotes (C002, C003, C005): a direct quote stands inside quotation marks, its speaker and
reader are mentioned in the article, and a reader is named exactly when one read it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Article, Quote
from ...reading.anchoring import scope_texts
from ...reading.yamlreader import PathKey
from .base import declare, file_check
from .helpers import is_enclosed, resolutions

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun
    from ..report import FileReport

C002 = declare(
    "C002", "quote not in quotation marks", "warning",
    "A direct quote (`form: marked`, the default) is text inside quotation marks; indirect "
    "reported speech is not a quote. Direct speech printed without quotation marks is a quote "
    "with `form: unmarked` (see C009).",
    "Anchor the text inside the quotation marks, or remove the quote.",
)
C003 = declare(
    "C003", "speaker not mentioned", "warning",
    "A quote's `speaker` or `delivered_by` has no mention in the same article.",
    "Add the mention (or fix the speaker).",
)
C005 = declare(
    "C005", "delivery and reader disagree", "error",
    "A quote with `delivery: read-on-behalf` names who read it (`delivered_by`); any other "
    "delivery has no `delivered_by`.",
    "Set `delivered_by` to the reader, or change `delivery`.",
)



@file_check(C002, C003, C005, kinds=("article",))
def check_quotes(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    report = checked.report
    placed = resolutions(checked, run)
    mentioned = {mention.entity for mention in article.mentions}
    texts = scope_texts(article, None)
    for index, quote in enumerate(article.quotes):
        path: PathKey = ("quotes", index)
        resolution = placed.get(path)
        if quote.form == "marked" and resolution is not None and resolution.found:
            if not is_enclosed(texts[quote.scope], resolution.start, resolution.end):
                report.add(
                    C002,
                    f"quotes[{index}] is not inside quotation marks in the {quote.scope}",
                    (*path, "exact"),
                )
        for role in ("speaker", "delivered_by"):
            person = getattr(quote, role)
            if person is not None and person not in mentioned:
                report.add(
                    C003, f"quotes[{index}].{role} '{person}' has no mention in this article",
                    (*path, role),
                )
        _check_delivery(report, index, quote)


def _check_delivery(report: FileReport, index: int, quote: Quote) -> None:
    if quote.delivery == "read-on-behalf" and quote.delivered_by is None:
        report.add(
            C005, f"quotes[{index}] was read on someone's behalf: name the reader in "
            "delivered_by", ("quotes", index, "delivery"),
        )
    elif quote.delivery != "read-on-behalf" and quote.delivered_by is not None:
        report.add(
            C005, f"quotes[{index}].delivered_by is only for delivery 'read-on-behalf'",
            ("quotes", index, "delivered_by"),
        )
