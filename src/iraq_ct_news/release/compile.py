"""A validated curated tree as an in-memory release: the records exactly as they are exported.

Both ``build`` (which writes files) and ``load_curated`` start from here, so a curated tree
loaded directly and the release built from it are one :class:`~.dataset.Dataset` with equal
records. Each file's records go to its kind's collection (from the table of kinds).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from ..checks.run import ValidationResult
from ..core._version import __version__
from ..core.errors import BuildError
from ..models import (
    SPAN_LISTS,
    AnchorFields,
    Article,
)
from ..models.content import content_sha256
from ..models.kinds import BY_KIND, KINDS
from ..reading.anchoring import SpanResolution
from ..reading.yamlreader import PathKey
from .container import Dataset

_Span = TypeVar("_Span", bound=AnchorFields)


def compile_release(result: ValidationResult, version: str = __version__) -> Dataset:
    """The release of a tree that validated without errors.

    Fills ``start``/``end`` of every anchored span from the validator's resolutions and sets
    ``content_sha256`` on every article. Raises :class:`BuildError` if the tree has errors: a
    release is only ever made from valid records.
    """
    if result.errors:
        raise BuildError(f"the curated tree has {len(result.errors)} validation error(s)")
    records: dict[str, list[BaseModel]] = {row.collection: [] for row in KINDS}
    for checked in result.files:
        record = checked.record
        kind = checked.source.kind
        if record is None or kind is None:
            continue
        row = BY_KIND[kind]
        if isinstance(record, Article):
            lifecycle = checked.facts.version
            record = with_offsets(
                record, checked.spans or {}, lifecycle.content_sha256 if lifecycle else None
            )
        records[row.collection].extend(row.items_of(record))
    return Dataset.of(records, version)


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
