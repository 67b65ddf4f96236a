"""Every named occurrence is a mention (C007).

C004 reports an entity the text names that has no mention at all; this rule reports each
further occurrence of a mentioned entity that has none (the second of two occurrences, a name
in the headline). It finds names with the same matcher ``draft`` proposes mentions with
(:mod:`iraq_ct_news.reading.matching`): longest name first, through proclitics and the elided
form لل, so what ``draft`` proposes and what this rule expects agree. An occurrence inside a
longer mention (العراق inside بعثة اليابان إلى العراق) is covered by it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from ...models import Article
from ...reading.anchoring import resolve_anchor, scope_texts
from .base import article_check, declare
from .helpers import names_in

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

C007 = declare(
    "C007", "named occurrence without a mention", "warning",
    "Every occurrence of a name in the headline and the body is a mention (DATA-MODEL §3.1): "
    "the entity is mentioned elsewhere in the article, but not at this occurrence.",
    "Add a mention for this occurrence (pinned with `prefix`, `suffix` or `occurrence`; "
    "`iraq-ct-news draft` proposes it), or correct the registry spelling if the match is a "
    "false one.",
)


@article_check(C007)
def check_every_occurrence(checked: CheckedFile, run: FileRun) -> None:
    article = checked.record
    assert isinstance(article, Article)
    texts = scope_texts(article, None)
    spans: dict[str, list[tuple[int, int, str]]] = {"body": [], "headline": []}
    placed = checked.spans or {}  # the span check's resolutions, when it has run
    for position, mention in enumerate(article.mentions):
        found = placed.get(("mentions", position)) or resolve_anchor(mention, texts)
        if found.found:
            spans[mention.scope].append((found.start, found.end, mention.entity))
    mentioned = {mention.entity for mention in article.mentions}
    for scope in ("headline", "body"):
        text = texts[scope]
        covered = _Covered(spans[scope])
        for match in names_in(run, scope, text):
            if match.entity not in mentioned:
                continue  # C004 reports an entity with no mention at all
            if covered.holds(match.start, match.end, match.entity):
                continue
            checked.report.add_in_block(
                C007,
                f"'{text[match.start:match.end]}' (the {scope}, offset {match.start}) names "
                f"'{match.entity}' but is not a mention",
                ("headline", "ar") if scope == "headline" else ("body",),
                match.start,
            )


class _Intervals:
    """Spans ``(start, end)`` sorted by start, with the furthest end reached by each prefix:
    whether some span starting before a point reaches past another is one bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.furthest = list(accumulate((end for _, end in spans), max))

    def reach(self, count: int) -> int:
        """The furthest end of the first ``count`` spans (-1 for none)."""
        return self.furthest[count - 1] if count else -1


class _Covered:
    """The mentions of one text, asked whether a name found at ``start:end`` is one of them:
    a mention of the same entity overlapping it, or any mention holding it whole (العراق inside
    بعثة اليابان إلى العراق). Each question costs two bisections, not a pass over every
    mention: an article with thousands of mentions and names made this rule quadratic."""

    def __init__(self, spans: list[tuple[int, int, str]]) -> None:
        self.every = _Intervals([(start, end) for start, end, _ in spans])
        by_entity: dict[str, list[tuple[int, int]]] = {}
        for start, end, entity in spans:
            by_entity.setdefault(entity, []).append((start, end))
        self.by_entity = {entity: _Intervals(found) for entity, found in by_entity.items()}

    def holds(self, start: int, end: int, entity: str) -> bool:
        """Whether the name of ``entity`` found at ``start:end`` is (part of) a mention."""
        own = self.by_entity.get(entity)
        if own is not None and own.reach(bisect_left(own.starts, end)) > start:
            return True  # a mention of the entity starting before the name ends reaches into it
        return self.every.reach(bisect_right(self.every.starts, start)) >= end
