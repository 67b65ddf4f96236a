"""The release an export is made from: a loaded release folder, checked and in id order.

Exports (SQLite, spaCy) are written from the committed release, not from the curated tree, so
they hold exactly what was published; the table declarations take the same
:class:`~.dataset.Dataset` that ``build`` compiles, which this checks and puts in id order.
"""

from __future__ import annotations

from typing import Any

from ..core.errors import BuildError
from ..reading.anchoring import scope_texts
from .container import Dataset


def release_of(dataset: Dataset) -> Dataset:
    """The records of ``dataset`` with each kind in id order (a release folder edited by hand
    may list them otherwise).

    A release folder can be edited by hand, so what the exports rely on is checked first: every
    span's offsets cut its words out of its text, and every reference names a record.
    :class:`BuildError` names the first thing that does not hold.
    """
    _check(dataset, [dataset.articles[key] for key in sorted(dataset.articles)])
    return Dataset.of(
        {name: records.values() for name, records in dataset.collections.items()},
        dataset.version, dataset.path,
    )


def _check(dataset: Dataset, articles: list[Any]) -> None:
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
