"""The release an export is made from: a :class:`Release` rebuilt from a loaded release folder.

Exports (SQLite, spaCy) are written from the committed release, not from the curated tree, so
they hold exactly what was published; the table declarations take a :class:`Release`, which
this rebuilds from the records :func:`load` reads, in the same order.
"""

from __future__ import annotations

from .compile import Release
from .dataset import Dataset


def release_of(dataset: Dataset) -> Release:
    """The records of ``dataset`` as a :class:`Release` (each kind sorted by id)."""
    articles = tuple(dataset.articles[key] for key in sorted(dataset.articles))
    people = tuple(dataset.people[key] for key in sorted(dataset.people))
    organizations = tuple(dataset.organizations[key] for key in sorted(dataset.organizations))
    places = tuple(dataset.places[key] for key in sorted(dataset.places))
    dates = [record.modified for group in (articles, people, organizations, places)
             for record in group]
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
