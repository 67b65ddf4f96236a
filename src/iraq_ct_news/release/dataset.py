"""The public way in: :func:`load` and the :class:`Dataset` it returns.

``load()`` reads the compiled release (JSON Lines, no YAML, no validation rules), once per
folder per process; ``load_curated()`` reads a curated tree through the validator, for
contributors who want to work with records before they are released.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from ..core.errors import BuildError
from ..core.fsutil import read_regular_file
from ..core.limits import MAX_RELEASE_FILE_BYTES
from ..models import Article, CameoEntry, Mention, Organization, Person, Place, Theme
from ..reading.jsonl import read_jsonl, read_lazy
from .names import (
    ARTICLES_JSONL,
    CAMEO_JSONL,
    DATAPACKAGE,
    ORGANIZATIONS_JSONL,
    PEOPLE_JSONL,
    PLACES_JSONL,
    THEMES_JSONL,
    packaged_release,
)
from .search import article_key, text_key

Entity = Person | Organization | Place
_K = TypeVar("_K")
_V = TypeVar("_V")


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


def _frozen(items: Mapping[_K, _V]) -> Mapping[_K, _V]:
    return MappingProxyType(dict(items))


@dataclass(frozen=True, eq=False)
class Dataset:
    """A release: every record by id, read-only.

    Articles include withdrawn ones (``status == "withdrawn"``), kept as tombstones so that ids
    stay valid; filter on ``status`` for the active corpus.
    """

    articles: Mapping[str, Article]
    people: Mapping[str, Person]
    organizations: Mapping[str, Organization]
    places: Mapping[str, Place]
    themes: Mapping[str, Theme]
    cameo: Mapping[str, CameoEntry]
    version: str
    """Version of the release (equals ``iraq_ct_news.DATA_VERSION`` for the packaged one)."""
    path: Path | None = None
    """Folder the release was read from (None for a curated tree loaded in memory)."""
    _keys: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{len(getattr(self, kind))} {kind}"
            for kind in ("articles", "people", "organizations", "places", "themes", "cameo")
        )
        where = f" from {self.path}" if self.path is not None else " (curated tree)"
        return f"<iraq-ct-news Dataset {self.version}{where}: {counts}>"

    def entity(self, entity_id: str) -> Entity:
        """The person, organisation or place with this id; :class:`KeyError` if there is none."""
        for registry in (self.people, self.organizations, self.places):
            record = registry.get(entity_id)
            if record is not None:
                return record
        raise KeyError(f"no person, organisation or place has the id {entity_id!r}")

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


def dataset_from_records(
    articles: list[Article],
    people: list[Person],
    organizations: list[Organization],
    places: list[Place],
    themes: list[Theme],
    cameo: list[CameoEntry],
    version: str,
    path: Path | None = None,
) -> Dataset:
    return Dataset(
        articles=_frozen({a.id: a for a in articles}),
        people=_frozen({p.id: p for p in people}),
        organizations=_frozen({o.id: o for o in organizations}),
        places=_frozen({p.id: p for p in places}),
        themes=_frozen({t.id: t for t in themes}),
        cameo=_frozen({c.code: c for c in cameo}),
        version=version,
        path=path,
    )


_CACHE: dict[Path, Dataset] = {}
_LOCK = threading.Lock()


def release_path(path: str | Path | None = None) -> Path:
    """The release folder ``load(path)`` reads; :class:`BuildError` when there is none."""
    if path is None:
        found = packaged_release()
        if found is None:
            raise BuildError(
                "no release found: this installation carries no dataset and there is no "
                "dataset/ folder beside the source (run `iraq-ct-news build`)"
            )
        return found
    folder = Path(path)
    if not (folder / ARTICLES_JSONL).is_file():
        raise BuildError(f"{folder} is not a release folder (it has no {ARTICLES_JSONL})")
    return folder


def load(path: str | Path | None = None) -> Dataset:
    """The release as typed records: the one packaged with this installation, or the release
    folder at ``path``.

    Read once per folder and process, then shared (records are immutable). Reads the JSON Lines
    files only; no YAML is parsed and no rule is run. Registries are validated into models at
    once; each article is validated into its model the first time it is used (so a damaged
    article line raises :class:`BuildError` then), which keeps ``load()`` fast and small when a
    program uses a few of ten thousand articles.
    """
    folder = release_path(path).resolve()
    with _LOCK:
        cached = _CACHE.get(folder)
        if cached is None:
            cached = _read_release(folder)
            _CACHE[folder] = cached
        return cached


def clear_cache() -> None:
    """Forget every release :func:`load` has read (for a folder rewritten in the meantime)."""
    with _LOCK:
        _CACHE.clear()


def _read_release(folder: Path) -> Dataset:

    registries = dataset_from_records(
        [],
        read_jsonl(folder / PEOPLE_JSONL, Person),
        read_jsonl(folder / ORGANIZATIONS_JSONL, Organization),
        read_jsonl(folder / PLACES_JSONL, Place),
        read_jsonl(folder / THEMES_JSONL, Theme),
        read_jsonl(folder / CAMEO_JSONL, CameoEntry),
        version=_release_version(folder),
        path=folder,
    )
    # Articles are made into models as they are used (see ``jsonl.LazyRecords``).
    return dataclasses.replace(registries, articles=read_lazy(folder / ARTICLES_JSONL, Article))


def _release_version(folder: Path) -> str:

    path = folder / DATAPACKAGE
    try:
        raw = read_regular_file(path, MAX_RELEASE_FILE_BYTES, root=folder)
        descriptor = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as error:
        reason = getattr(error, "strerror", None) or error
        raise BuildError(f"{path} cannot be read: {reason}") from None
    version = descriptor.get("version") if isinstance(descriptor, dict) else None
    if not isinstance(version, str):
        raise BuildError(f"{folder / DATAPACKAGE} has no version")
    return version
