"""The release an export is made from: a :class:`Release` rebuilt from a loaded release folder.

Exports (SQLite, spaCy) are written from the committed release, not from the curated tree, so
they hold exactly what was published; the table declarations take a :class:`Release`, which
this rebuilds from the records :func:`load` reads, in the same order.
"""

from __future__ import annotations

from typing import Any

from ..core.errors import BuildError
from ..reading.anchoring import scope_texts
from .compile import Release
from .dataset import Dataset


def release_of(dataset: Dataset) -> Release:
    """The records of ``dataset`` as a :class:`Release` (each kind sorted by id).

    A release folder can be edited by hand, so what the exports rely on is checked first: every
    span's offsets cut its words out of its text, and every reference names a record.
    :class:`BuildError` names the first thing that does not hold.
    """
    articles = tuple(dataset.articles[key] for key in sorted(dataset.articles))
    people = tuple(dataset.people[key] for key in sorted(dataset.people))
    organizations = tuple(dataset.organizations[key] for key in sorted(dataset.organizations))
    places = tuple(dataset.places[key] for key in sorted(dataset.places))
    dates = [record.modified for group in (articles, people, organizations, places)
             for record in group]
    _check(dataset, articles)
    return Release(
        version=dataset.version,
        released=max(dates) if dates else None,
        articles=articles,
        people=people,
        organizations=organizations,
        places=places,
        themes=tuple(dataset.themes[key] for key in sorted(dataset.themes)),
        cameo=tuple(dataset.cameo[key] for key in sorted(dataset.cameo)),
    )


def _check(dataset: Dataset, articles: tuple[Any, ...]) -> None:
    where = f"the release in {dataset.path}" if dataset.path else "the release"
    for article in articles:
        texts = scope_texts(article, None)
        for kind, spans in (("mention", article.mentions), ("quote", article.quotes)):
            for index, span in enumerate(spans):
                text = texts.get(span.scope)
                if (
                    text is None or span.start is None or span.end is None
                    or text[span.start : span.end] != span.exact
                ):
                    raise BuildError(
                        f"{where}: article {article.id!r}, {kind} {index}: the offsets "
                        f"{span.start}-{span.end} do not cut {span.exact!r} out of its "
                        f"{span.scope}; rebuild the release with `iraq-ct-news build`"
                    )
                entity = span.entity if kind == "mention" else span.speaker
                try:
                    dataset.entity(entity)
                except KeyError:
                    raise BuildError(
                        f"{where}: article {article.id!r}, {kind} {index} names {entity!r}, "
                        "which no registry holds; rebuild the release with `iraq-ct-news build`"
                    ) from None
