"""A validated curated tree as an in-memory release: the records exactly as they are exported.

Both ``build`` (which writes files) and ``load_curated`` (which returns a :class:`Dataset`) start
from here, so a curated tree loaded directly and the release built from it hold equal records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, TypeVar

from ..checks.run import ValidationResult
from ..core._version import __version__
from ..core.errors import BuildError
from ..models import (
    SPAN_LISTS,
    AnchorFields,
    Article,
    CameoEntry,
    CameoVocabulary,
    Organization,
    Person,
    Place,
    Theme,
    ThemeVocabulary,
)
from ..models.content import content_sha256
from ..reading.anchoring import SpanResolution
from ..reading.yamlreader import PathKey


@dataclass(frozen=True)
class Release:
    """Every record of a release, each kind sorted by id (code points), as the files list them."""

    version: str
    released: datetime.date | None
    """The release date: the latest ``modified`` date of any record (no wall-clock time)."""
    articles: tuple[Article, ...]
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    places: tuple[Place, ...]
    themes: tuple[Theme, ...]
    cameo: tuple[CameoEntry, ...]


_Span = TypeVar("_Span", bound=AnchorFields)


def compile_release(result: ValidationResult, version: str = __version__) -> Release:
    """The release of a tree that validated without errors.

    Fills ``start``/``end`` of every anchored span from the validator's resolutions and sets
    ``content_sha256`` on every article. Raises :class:`BuildError` if the tree has errors: a
    release is only ever made from valid records.
    """
    if result.errors:
        raise BuildError(f"the curated tree has {len(result.errors)} validation error(s)")
    articles: list[Article] = []
    people: list[Person] = []
    organizations: list[Organization] = []
    places: list[Place] = []
    themes: list[Theme] = []
    cameo: list[CameoEntry] = []
    for checked in result.files:
        record = checked.record
        if record is None:
            continue
        if isinstance(record, Article):
            lifecycle = checked.facts.version
            articles.append(with_offsets(
                record, checked.spans or {}, lifecycle.content_sha256 if lifecycle else None
            ))
        elif isinstance(record, Person):
            people.append(record)
        elif isinstance(record, Organization):
            organizations.append(record)
        elif isinstance(record, Place):
            places.append(record)
        elif isinstance(record, ThemeVocabulary):
            themes.extend(record.themes)
        elif isinstance(record, CameoVocabulary):
            cameo.extend(record.codes)
    dated = [record.modified for group in (articles, people, organizations, places) for record in group]
    return Release(
        version=version,
        released=max(dated) if dated else None,
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        people=tuple(sorted(people, key=lambda r: r.id)),
        organizations=tuple(sorted(organizations, key=lambda r: r.id)),
        places=tuple(sorted(places, key=lambda r: r.id)),
        themes=tuple(sorted(themes, key=lambda t: t.id)),
        cameo=tuple(sorted(cameo, key=lambda c: c.code)),
    )


def with_offsets(
    article: Article, spans: dict[PathKey, SpanResolution], content_hash: str | None = None
) -> Article:
    """``article`` with ``start``/``end`` of every span and its ``content_sha256`` filled in.

    Offsets are code points into the span's scope text (``body``, ``headline.ar`` or, for
    evidence with ``scope: seed``, the seed document). The article was validated already, and
    offsets are the validator's own integers, so the parts are copied with the new values
    rather than dumped and validated a second time. ``content_hash`` is the hash the validator
    computed for the versioning rules; it is computed here only when not given.
    """

    def placed(path: PathKey, span: _Span) -> _Span:
        resolution = spans.get(path)
        if resolution is None or not resolution.found:
            raise BuildError(f"article {article.id}: span {path} was not placed by the validator")
        return span.model_copy(update={"start": resolution.start, "end": resolution.end})

    update: dict[str, Any] = {
        group: [placed((group, index), span) for index, span in enumerate(getattr(article, group))]
        for group in SPAN_LISTS
    }
    if article.published_evidence is not None:
        update["published_evidence"] = placed(("published_evidence",), article.published_evidence)
    captured = article.source.captured_evidence
    if captured is not None:
        update["source"] = article.source.model_copy(
            update={"captured_evidence": placed(("source", "captured_evidence"), captured)}
        )
    update["events"] = [
        event if event.date_evidence is None else event.model_copy(
            update={"date_evidence": placed(("events", index, "date_evidence"), event.date_evidence)}
        )
        for index, event in enumerate(article.events)
    ]
    update["quotes"] = [
        quote if quote.on_behalf_of_as_stated is None else quote.model_copy(
            update={"on_behalf_of_as_stated": placed(
                ("quotes", index, "on_behalf_of_as_stated"), quote.on_behalf_of_as_stated
            )}
        )
        for index, quote in enumerate(update["quotes"])
    ]
    update["content_sha256"] = content_hash or content_sha256(article)
    return article.model_copy(update=update)
