"""The kinds of record, in one table: where each is curated, its model, its schema file, its
release file and the name of its collection in a release.

The layout, the schemas, the validator's facts, the build and its exports, the release
container and its loader, ``show``, ``diff``, ``stats``, ``search``, ``view`` and ``draft`` read
this table instead of keeping their own list, so a new kind is a new row here (and its model):
every derived map (:data:`BY_KIND`, :data:`VERSIONED`, :meth:`KindTable.view`) follows the
table as it is now, as pycountry's databases follow their entries. A program may add a kind at
run time with :meth:`KindTable.add` (the tests do, to prove that nothing else lists the kinds).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar, overload

from pydantic import BaseModel

from . import (
    Article,
    CameoEntry,
    CameoVocabulary,
    Organization,
    Person,
    Place,
    Theme,
    ThemeVocabulary,
)

FileKind = Literal["article", "person", "organization", "place", "themes", "cameo"]
"""What a curated file holds (for type checking; a kind added at run time is not in it)."""
RecordKind = Literal["article", "person", "organization", "place"]
"""The kinds of versioned record (one file per record)."""
EntityKind = Literal["person", "organization", "place"]
"""The registry kinds an article's mentions may refer to."""


@dataclass(frozen=True)
class Kind:
    """One kind of curated file and what it becomes in a release."""

    kind: FileKind
    curated: str
    """Under ``curated/``: a folder of ``<id>.yaml`` records, or one vocabulary file."""
    one_file: bool
    """True for a vocabulary (one file holding every entry), False for a folder of records."""
    model: type[BaseModel]
    """The model of a curated file (and of its JSON Schema)."""
    schema_title: str
    release_file: str
    """The JSON Lines file of the release (one record, or vocabulary entry, per line)."""
    release_model: type[BaseModel]
    """The model of one line of :attr:`release_file`."""
    collection: str
    """The attribute of a release (:class:`~.release.dataset.Dataset`) holding them."""
    namespace: str
    """The namespace of the ids it defines (entries of a vocabulary: ``theme``, ``cameo``)."""
    label: str
    """How messages name one item of the collection."""
    entity: bool = False
    """A registry of entities: an article's mentions may name its records, ``draft`` matches
    their names in the text, ``view`` marks them and the ``entities`` table lists them. Its
    model is a :class:`~.models.VersionedRecord` with ``name`` (Arabic and English),
    ``aliases`` and ``identifiers``, as people's, organisations' and places' are."""
    key: str = "id"
    """The field of a release line that identifies it (a CAMEO entry's is ``code``)."""
    entries: str = ""
    """For a vocabulary: the field of :attr:`model` listing its entries."""
    prose: str = ""
    """How prose names one (``organisation``); :attr:`label` when empty."""
    counted: str = ""
    """How a count of them reads (``3 people``); ``<prose>(s)`` when empty."""
    ner_label: str = "MISC"
    """For an entity kind: the CoNLL class of its mentions in ``ner.jsonl`` (PER, ORG, LOC)."""
    schema_org: str = "Thing"
    """For an entity kind: the schema.org type of its records in the JSON-LD export."""
    in_summary: bool = True
    """Counted in the card's and ``stats``'s summary (the CAMEO codebook's size says nothing
    about the corpus)."""

    @property
    def schema_file(self) -> str:
        return f"{self.kind}.schema.json"

    @property
    def versioned(self) -> bool:
        """Records with an id, a revision and a lifecycle (the versioning rules apply)."""
        return not self.one_file

    @property
    def prose_label(self) -> str:
        return self.prose or self.label

    @property
    def count_label(self) -> str:
        return self.counted or f"{self.prose_label}(s)"

    def key_of(self, item: BaseModel) -> str:
        """The id (or code) of one release line of this kind."""
        value = getattr(item, self.key)
        assert isinstance(value, str)
        return value

    def items_of(self, record: BaseModel) -> list[BaseModel]:
        """The release lines a curated file of this kind gives: the record itself, or a
        vocabulary's entries."""
        if not self.one_file:
            return [record]
        return list(getattr(record, self.entries))


_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")


class KindTable(Sequence[Kind]):
    """The rows of the table, in order, and maps derived from them that follow every change.

    Iterating gives the rows; :meth:`view` and :meth:`sequence` make a read-only map or
    sequence computed from the rows and made again only after :meth:`add` or :meth:`remove`.
    """

    def __init__(self, rows: tuple[Kind, ...]) -> None:
        self._rows = rows
        self.generation = 0
        """Counts the changes, so derived sequences know when to recompute."""
        self._views: list[tuple[dict[Any, Any], Callable[[tuple[Kind, ...]], dict[Any, Any]]]] = []

    @overload
    def __getitem__(self, index: int) -> Kind: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Kind]: ...
    def __getitem__(self, index: int | slice) -> Kind | Sequence[Kind]:
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Kind]:
        return iter(self._rows)

    def add(self, row: Kind) -> None:
        """Add a kind (its name, folder, release file and collection must all be new)."""
        for other in self._rows:
            for field in ("kind", "curated", "release_file", "collection"):
                if getattr(other, field) == getattr(row, field):
                    raise ValueError(f"the kind {other.kind!r} has the {field} {getattr(row, field)!r}")
        self._rows = (*self._rows, row)
        self._changed()

    def remove(self, kind: str) -> None:
        """Remove the kind named ``kind`` (a program undoing its :meth:`add`)."""
        kept = tuple(row for row in self._rows if row.kind != kind)
        if len(kept) == len(self._rows):
            raise KeyError(kind)
        self._rows = kept
        self._changed()

    def _changed(self) -> None:
        self.generation += 1
        for derived, make in self._views:
            fresh = make(self._rows)
            derived.clear()
            derived.update(fresh)

    def view(self, make: Callable[[tuple[Kind, ...]], dict[_K, _V]]) -> Mapping[_K, _V]:
        """A read-only map ``make(rows)``, always of the table as it is now: a plain dict
        (looked up as fast as one), refilled in place when the table changes."""
        derived = make(self._rows)
        self._views.append((derived, make))
        return derived

    def sequence(self, make: Callable[[tuple[Kind, ...]], tuple[_T, ...]]) -> _DerivedSequence[_T]:
        """A read-only sequence ``make(rows)``, always of the table as it is now (its
        ``current()`` is the tuple itself, for a caller that needs one)."""
        return _DerivedSequence(self, make)

    def listing(self) -> str:
        """Where records go, for messages: ``curated/<articles|people|…>/<id>.yaml and
        curated/vocabularies/<themes|cameo>.yaml``."""
        folders = "|".join(row.curated for row in self._rows if not row.one_file)
        parts = [f"curated/<{folders}>/<id>.yaml"]
        files: dict[str, list[str]] = {}
        for row in self._rows:
            if row.one_file:
                folder, _, name = row.curated.rpartition("/")
                files.setdefault(folder, []).append(name.removesuffix(".yaml"))
        parts += [f"curated/{folder}/<{'|'.join(names)}>.yaml" for folder, names in files.items()]
        return " and ".join(parts)


class _Cached(Generic[_T]):
    """``make(rows)``, made again only when the table has changed since."""

    def __init__(self, table: KindTable, make: Callable[[tuple[Kind, ...]], _T]) -> None:
        self._table = table
        self._make = make
        self._generation = -1
        self._value: _T | None = None

    def current(self) -> _T:
        if self._generation != self._table.generation or self._value is None:
            self._value = self._make(tuple(self._table))
            self._generation = self._table.generation
        return self._value


class _DerivedSequence(Sequence[_T]):
    def __init__(self, table: KindTable, make: Callable[[tuple[Kind, ...]], tuple[_T, ...]]) -> None:
        self._cached = _Cached(table, make)

    def current(self) -> tuple[_T, ...]:
        return self._cached.current()

    @overload
    def __getitem__(self, index: int) -> _T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[_T]: ...
    def __getitem__(self, index: int | slice) -> _T | Sequence[_T]:
        return self._cached.current()[index]

    def __len__(self) -> int:
        return len(self._cached.current())

    def __iter__(self) -> Iterator[_T]:
        return iter(self._cached.current())

    def __contains__(self, value: object) -> bool:
        return value in self._cached.current()

    def __repr__(self) -> str:
        return repr(self._cached.current())


KINDS = KindTable((
    Kind("article", "articles", False, Article, "iraq-ct-news article record",
         "articles.jsonl", Article, "articles", "article", "article"),
    Kind("person", "people", False, Person, "iraq-ct-news person record",
         "people.jsonl", Person, "people", "person", "person", entity=True,
         counted="people", ner_label="PER", schema_org="Person"),
    Kind("organization", "organizations", False, Organization,
         "iraq-ct-news organisation record", "organizations.jsonl", Organization,
         "organizations", "organization", "organization", entity=True,
         prose="organisation", ner_label="ORG", schema_org="Organization"),
    Kind("place", "places", False, Place, "iraq-ct-news place record",
         "places.jsonl", Place, "places", "place", "place", entity=True,
         ner_label="LOC", schema_org="Place"),
    Kind("themes", "vocabularies/themes.yaml", True, ThemeVocabulary,
         "iraq-ct-news theme vocabulary", "themes.jsonl", Theme, "themes", "theme", "theme",
         entries="themes"),
    Kind("cameo", "vocabularies/cameo.yaml", True, CameoVocabulary,
         "iraq-ct-news CAMEO code vocabulary", "cameo.jsonl", CameoEntry, "cameo", "cameo",
         "CAMEO code", key="code", entries="codes", in_summary=False),
))
"""Every kind, in the order files, schemas, release files and messages list them."""

#: Each kind's row, by kind.
BY_KIND: Mapping[FileKind, Kind] = KINDS.view(lambda rows: {row.kind: row for row in rows})
#: The model of each kind of curated file (what a file is validated with, and its schema).
SCHEMA_MODELS: Mapping[FileKind, type[BaseModel]] = KINDS.view(
    lambda rows: {row.kind: row.model for row in rows})
#: The kinds whose records are versioned, by record kind.
VERSIONED: Mapping[RecordKind, Kind] = KINDS.view(
    lambda rows: {row.kind: row for row in rows if row.versioned}  # type: ignore[misc]
)
#: The registry kinds an article's mentions may name, by kind.
ENTITIES: Mapping[str, Kind] = KINDS.view(lambda rows: {row.kind: row for row in rows if row.entity})
#: Each kind's row, by the name of its collection in a release.
BY_COLLECTION: Mapping[str, Kind] = KINDS.view(lambda rows: {row.collection: row for row in rows})
#: The namespaces of the entity kinds, in table order (``current()``: the same tuple each time,
#: until the table changes).
ENTITY_NAMESPACES = KINDS.sequence(lambda rows: tuple(r.namespace for r in rows if r.entity))


def one_of(words: Sequence[str], conjunction: str = "or") -> str:
    """``a, b or c``: how messages list the kinds (``one_of(["x"])`` is ``x``)."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
