"""The container of a release: every record of every kind, by id, read-only.

One class, whatever a release comes from: ``build`` compiles a curated tree into one
(:mod:`.compile`), ``load()`` reads one back from a release folder (:mod:`.dataset`), and the
exports are written from one (:mod:`.export_source`). It holds one collection per row of the
table of kinds (:mod:`iraq_ct_news.models.kinds`), by the row's ``collection`` name.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Generic, TypeVar, overload

from pydantic import BaseModel

from ..models import (
    Article,
    CameoEntry,
    Mention,
    Organization,
    Person,
    Place,
    Theme,
    VersionedRecord,
)
from ..models.kinds import ENTITIES, KINDS, VERSIONED, Kind, one_of
from .search import article_key, text_key

Entity = Person | Organization | Place
_K = TypeVar("_K")
_V = TypeVar("_V")
_M = TypeVar("_M", bound=BaseModel)


@dataclass(frozen=True)
class EntityMentions:
    """Where one article names an entity: the article and its mentions of it, in record order.

    Each mention carries ``scope`` (body or headline) and its code-point ``start``/``end``.
    """

    article: Article
    mentions: tuple[Mention, ...]


#: How many items a repr lists before it says how many more there are (as pandas truncates).
REPR_ITEMS = 5


class Articles(list[Article]):
    """A list of articles (what :meth:`Dataset.search` returns) whose repr is a few lines: the
    count and the first articles' ids and English headlines, not every article's full text."""

    def __repr__(self) -> str:
        lines = [f"<{len(self)} article(s)>"]
        for article in self[:REPR_ITEMS]:
            headline = article.headline.en
            short = headline if len(headline) <= 70 else headline[:69] + "…"
            published = article.published.text if article.published is not None else "undated"
            lines.append(f"  {article.id}  {published}  {short}")
        if len(self) > REPR_ITEMS:
            lines.append(f"  … {len(self) - REPR_ITEMS} more")
        return "\n".join(lines)


def frozen(items: Mapping[_K, _V]) -> Mapping[_K, _V]:
    return MappingProxyType(dict(items))


class Collection(Generic[_M]):
    """A typed attribute of :class:`Dataset`: the collection of the same name, whose records
    are ``model``s."""

    def __init__(self, model: type[_M]) -> None:
        self.model = model
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, dataset: None, owner: type) -> Collection[_M]: ...
    @overload
    def __get__(self, dataset: Dataset, owner: type) -> Mapping[str, _M]: ...
    def __get__(self, dataset: Dataset | None, owner: type) -> Collection[_M] | Mapping[str, _M]:
        if dataset is None:
            return self
        return dataset.collections[self.name]  # type: ignore[return-value]


@dataclass(frozen=True, eq=False)
class Dataset:
    """A release: every record of every kind by id (in id order), read-only.

    One collection per row of the table of kinds (:mod:`iraq_ct_news.models.kinds`), by the row's
    ``collection`` name: :meth:`collection` gives any of them, and the built-in kinds have a
    typed attribute each (``articles``, ``people`` …). ``build`` compiles a curated tree into
    one, ``load()`` reads one back from a release folder, and the exports are written from one.

    Articles include withdrawn ones (``status == "withdrawn"``), kept as tombstones so that ids
    stay valid; filter on ``status`` for the active corpus.
    """

    collections: Mapping[str, Mapping[str, BaseModel]]
    """Each kind's records by id, by the kind's collection name."""
    version: str
    """Version of the release (equals ``iraq_ct_news.DATA_VERSION`` for the packaged one)."""
    path: Path | None = None
    """Folder the release was read from (None for a release compiled in memory)."""
    _keys: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _released: list[datetime.date | None] = field(
        default_factory=list, init=False, repr=False, compare=False
    )

    @classmethod
    def of(cls, records: Mapping[str, Iterable[BaseModel]], version: str,
           path: Path | None = None) -> Dataset:
        """The release holding ``records`` (each kind's, by collection name), each kind by id
        in id order (code points); a kind of the table that ``records`` lacks is empty."""
        collections: dict[str, Mapping[str, BaseModel]] = {}
        for row in KINDS:
            keyed = {row.key_of(item): item for item in records.get(row.collection, ())}
            collections[row.collection] = frozen({key: keyed[key] for key in sorted(keyed)})
        return cls(collections, version, path)

    def collection(self, name: str) -> Mapping[str, BaseModel]:
        """The records of the kind whose collection is ``name`` (``people``), by id."""
        found = self.collections.get(name)
        if found is None:
            raise KeyError(f"a release has no collection {name!r} (it has "
                           f"{one_of(list(self.collections), 'and')})")
        return found

    def of_kind(self, row: Kind) -> Mapping[str, BaseModel]:
        return self.collection(row.collection)

    # The built-in kinds' collections, typed (any kind's: :meth:`collection`).
    articles = Collection(Article)
    people = Collection(Person)
    organizations = Collection(Organization)
    places = Collection(Place)
    themes = Collection(Theme)
    cameo = Collection(CameoEntry)

    @property
    def released(self) -> datetime.date | None:
        """The release date: the latest ``modified`` date of any versioned record (no
        wall-clock time); worked out on first use."""
        if not self._released:
            dates: list[datetime.date] = [
                record.modified for row in VERSIONED.values()
                for record in self.collection(row.collection).values()
                if isinstance(record, VersionedRecord)
            ]
            self._released.append(max(dates) if dates else None)
        return self._released[0]

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(records)} {name}" for name, records in self.collections.items())
        where = f" from {self.path}" if self.path is not None else " (curated tree)"
        return f"<iraq-ct-news Dataset {self.version}{where}: {counts}>"

    def entity(self, entity_id: str) -> Entity:
        """The person, organisation or place (or record of another entity kind) with this id;
        :class:`KeyError` if there is none."""
        for row in ENTITIES.values():
            record = self.collection(row.collection).get(entity_id)
            if record is not None:
                return record  # type: ignore[return-value]
        kinds = one_of([row.prose_label for row in ENTITIES.values()])
        raise KeyError(f"no {kinds} has the id {entity_id!r}")

    def entity_kind(self, entity_id: str) -> Kind | None:
        """The row of the entity kind whose registry holds ``entity_id``, if one does."""
        for row in ENTITIES.values():
            if entity_id in self.collection(row.collection):
                return row
        return None

    def search(self, text: str) -> Articles:
        """Articles whose headline, summary, body or mentions contain ``text``, by id.

        Matching uses Arabic-normalised keys (alef/hamza forms, alef maqsura/ya, ta marbuta,
        diacritics, tatweel, Arabic-Indic digits, case, whitespace), so ``"الامم المتحدة"``
        finds ``"الأمم المتحدة"``. The articles themselves are returned unaltered.
        """
        wanted = text_key(text)
        if not wanted:
            return Articles()
        if not self._keys:
            self._keys.update(
                (article_id, article_key(article)) for article_id, article in self.articles.items()
            )
        return Articles(self.articles[i] for i in sorted(self._keys) if wanted in self._keys[i])

    def mentions_of(self, entity_id: str) -> list[EntityMentions]:
        """The articles that name the person, organisation or place ``entity_id``, by article
        id, each with its spans; :class:`KeyError` when no registry has the id.

        Withdrawn articles are included (as everywhere in a release); filter on ``status``.
        """
        self.entity(entity_id)
        found: list[EntityMentions] = []
        for article_id in sorted(self.articles):
            article = self.articles[article_id]
            spans = tuple(m for m in article.mentions if m.entity == entity_id)
            if spans:
                found.append(EntityMentions(article, spans))
        return found
