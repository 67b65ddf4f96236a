"""Counts that describe a release: per kind of record, per publisher, per year, per theme.

Shared by ``iraq-ct-news stats`` and the dataset card, so the card's numbers are the ones the
command prints.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..models.kinds import KINDS
from .container import Dataset


@dataclass(frozen=True)
class Summary:
    kinds: dict[str, int]
    """Number of records of each kind (and of each kind of article part)."""
    withdrawn: int
    """Withdrawn articles (tombstones), counted in ``kinds['articles']`` too."""
    publishers: list[tuple[str, int]]
    """Active articles per publisher name, most first."""
    years: list[tuple[str, int]]
    """Active articles per publication year, in year order; an article whose date spans years
    counts under the span (``2016–2017``) rather than under a year it may not belong to."""
    themes: list[tuple[str, int]]
    """Active articles per theme label, most first."""


def summarize(release: Dataset) -> Summary:
    articles = list(release.articles.values())
    active = [a for a in articles if a.status == "active"]
    names: Mapping[str, str] = {o.id: o.name.en for o in release.organizations.values()}
    labels: Mapping[str, str] = {t.id: t.label.en for t in release.themes.values()}
    kinds = {
        "articles": len(articles),
        "mentions": sum(len(a.mentions) for a in active),
        "quotes": sum(len(a.quotes) for a in active),
        "events": sum(len(a.events) for a in active),
        "amounts": sum(len(a.amounts) for a in active),
        "resolutions": sum(len(a.resolutions) for a in active),
        "figures": sum(len(a.figures) for a in active),
    }
    # Then every registry and vocabulary the table of kinds counts, in its order.
    kinds.update((row.collection, len(release.of_kind(row)))
                 for row in KINDS if row.kind != "article" and row.in_summary)
    publishers = Counter(names.get(a.source.publisher, a.source.publisher) for a in active)
    years = Counter(
        year_label(a.published.earliest, a.published.latest) if a.published else "unknown"
        for a in active
    )
    theme_counts = Counter(labels.get(theme, theme) for a in active for theme in a.themes)
    return Summary(
        kinds=kinds,
        withdrawn=len(articles) - len(active),
        publishers=sorted(publishers.items(), key=lambda item: (-item[1], item[0])),
        years=sorted(years.items()),
        themes=sorted(theme_counts.items(), key=lambda item: (-item[1], item[0])),
    )


def year_label(earliest: datetime.date | None, latest: datetime.date | None) -> str:
    """The year a publication date falls in, or the span of years it may fall in ("2016–2017"
    when its earliest and latest days are in different years): counting such an article under
    one year would claim a precision the record does not have."""
    if earliest is None or latest is None:
        return "unknown"
    if earliest.year == latest.year:
        return str(earliest.year)
    return f"{earliest.year}–{latest.year}"
