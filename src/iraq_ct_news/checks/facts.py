"""What the checks across records need to know about one file, as plain data.

Each file is read and checked on its own (possibly in another process, possibly not at all this
run because the cache remembers it); what the whole-tree checks need from it is summarised here:
the ids it defines, the ids it refers to, the names it gives an entity, the titles it quotes,
and its versioning fields. A summary is small, pickles quickly and is stored in the cache as
JSON.

References are summarised as the set of ids referred to under each set of allowed kinds, which is
all it takes to find that every reference resolves. The exact field of each reference is only
needed to report one that does not, so it is kept when the file was read in this process
(``refs``) and worked out again from the file otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel

from ..core.textutil import fold_whitespace
from ..models import (
    Article,
    CameoVocabulary,
    Organization,
    Person,
    ThemeVocabulary,
    VersionedRecord,
)
from ..models.content import content_sha256
from ..models.kinds import BY_KIND, ENTITY_NAMESPACES, KINDS
from ..models.layout import FileKind
from ..reading.name_index import name_keys
from ..reading.yamlreader import PathKey

Namespace = Literal["person", "organization", "place", "article", "theme", "cameo"]
"""The namespace of an id (a row's ``namespace`` in the table of kinds; a kind added at run time
is not in this type, only in the table)."""
#: The namespaces of the entity kinds (people, organisations, places), from the table of kinds:
#: what a mention (and a registry record's ``superseded_by``) may name.
ENTITY_KINDS: Sequence[Namespace] = ENTITY_NAMESPACES  # type: ignore[assignment]


class Reference(NamedTuple):
    """A field of a record that names another record (a tuple: articles make dozens)."""

    path: PathKey
    target: str
    allowed: tuple[Namespace, ...]
    role: str


class Version(NamedTuple):
    """A versioned record's lifecycle as the versioning rules compare it (dates as ISO text,
    which orders and compares as the dates do)."""

    revision: int
    created: str
    modified: str
    content_sha256: str


@dataclass
class Facts:
    """The summary of one file (see the module docstring)."""

    verified: bool = False
    """True when the record validated (possibly after repair)."""
    repaired: bool = False
    record_id: str | None = None
    definitions: list[tuple[Namespace, str, PathKey]] = field(default_factory=list)
    """Ids the file defines: ``(namespace, id, path of the defining field)``; an unreadable
    vocabulary defines ``"*"`` (so that no use of it is reported a second time)."""
    ref_groups: dict[tuple[Namespace, ...], list[str]] = field(default_factory=dict)
    """Ids referred to, by the kinds they may be."""
    refs: list[Reference] | None = None
    """Every reference with its field, when known (see the module docstring)."""
    name_keys: list[str] | None = None
    """For a registry record that validated: the search keys of its names."""
    titles: list[tuple[int, str, str]] = field(default_factory=list)
    """For a person: ``(position index, source article id, title as stated, folded)``."""
    title_answers: dict[str, bool] = field(default_factory=dict)
    """For an article: whether each title asked of it occurs in its body or headline."""
    version: Version | None = None
    """For a versioned record that validated unrepaired: its lifecycle and content hash."""
    index_map: dict[str, list[int]] = field(default_factory=dict)
    """For a repaired record: the original index of each kept item of a list that lost items
    (so findings about the repaired record point at the right lines)."""
    tombstones: list[str] = field(default_factory=list)
    """Ids the file keeps on purpose although nothing may use them any more: a withdrawn
    record's own id, a vocabulary's retired CAMEO codes (orphan checks pass over them)."""
    notes: dict[str, Any] = field(default_factory=dict)
    """What a rule module's file check leaves for its tree check, under the module's name
    (plain JSON: it is stored in the cache with the rest)."""

    def to_json(self) -> list[Any]:
        """The summary as compact JSON (a list, in field order; see :meth:`from_json`)."""
        return [
            self.verified,
            self.repaired,
            self.record_id,
            [[ns, name, list(path)] for ns, name, path in self.definitions],
            {",".join(allowed): targets for allowed, targets in self.ref_groups.items()},
            self.name_keys,
            [list(title) for title in self.titles],
            self.title_answers,
            list(self.version) if self.version is not None else None,
            self.index_map,
            self.tombstones,
            self.notes,
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> Facts:
        """The summary stored by :meth:`to_json`; raises (KeyError, TypeError, ValueError) on
        anything else, which the cache treats as a damaged entry."""
        # The cache checked the entry's bytes against their checksum, so this is what
        # to_json wrote; only the shape is unpacked (a surprise raises, and is a miss).
        (verified, repaired, record_id, definitions, groups, name_keys, titles, title_answers,
         version, index_map, tombstones, notes) = data
        if not isinstance(notes, dict):
            raise TypeError("notes are not a mapping")
        return cls(
            verified is True,
            repaired is True,
            record_id,
            [(_namespace(ns), name, tuple(path)) for ns, name, path in definitions],
            {_allowed(key): targets for key, targets in groups.items()},
            None,
            name_keys,
            [(index, article, title) for index, article, title in titles] if titles else [],
            title_answers,
            None if version is None else Version(*version),
            index_map,
            [str(tombstone) for tombstone in tombstones],
            notes,
        )


def extract_facts(kind: FileKind | None, stem: str, record: BaseModel | None,
                  repaired: bool) -> Facts:
    """The summary of a file of ``kind`` named ``stem`` whose model is ``record``."""
    facts = Facts(verified=record is not None, repaired=repaired)
    row = BY_KIND.get(kind) if kind is not None else None
    if row is None:
        return facts
    namespace: Namespace = row.namespace  # type: ignore[assignment]
    if row.versioned:
        record_id = getattr(record, "id", None) or stem
        facts.record_id = getattr(record, "id", None)
        facts.definitions.append((namespace, record_id, ("id",)))
    elif isinstance(record, row.model):
        facts.definitions += [
            (namespace, row.key_of(entry), (row.entries, position, row.key))
            for position, entry in enumerate(row.items_of(record))
        ]
    else:
        # An unreadable vocabulary: every id of its namespace is taken as defined.
        facts.definitions.append((namespace, "*", ()))
    if record is None or kind is None:
        return facts
    facts.refs = list(references(kind, record))
    if getattr(record, "status", None) == "withdrawn" and facts.record_id is not None:
        facts.tombstones = [facts.record_id]
    elif isinstance(record, CameoVocabulary):
        facts.tombstones = [entry.code for entry in record.codes if entry.retired]
    groups: dict[tuple[Namespace, ...], set[str]] = {}
    for _path, target, allowed, _role in facts.refs:
        found = groups.get(allowed)
        if found is None:
            found = groups[allowed] = set()
        found.add(target)
    facts.ref_groups = {allowed: sorted(targets) for allowed, targets in groups.items()}
    if row.entity:
        facts.name_keys = name_keys(record)
    if isinstance(record, Person):
        facts.titles = [
            (position, entry.source_article, fold_whitespace(entry.title_ar_as_stated))
            for position, entry in enumerate(record.positions)
            if entry.title_ar_as_stated is not None
        ]
    if isinstance(record, VersionedRecord) and not repaired:
        facts.version = Version(record.revision, record.created.isoformat(),
                                record.modified.isoformat(), content_sha256(record))
    return facts


def references(kind: FileKind, record: BaseModel) -> Iterator[Reference]:
    """Every reference a record makes, with the kinds of record it may point at."""
    if isinstance(record, Article):
        yield from _article_references(record)
    elif isinstance(record, Person):
        for index, position in enumerate(record.positions):
            if position.organization is not None:
                yield Reference(("positions", index, "organization"), position.organization,
                                ("organization",), "position organisation")
            yield Reference(("positions", index, "source_article"), position.source_article,
                            ("article",), "source article")
    elif isinstance(record, Organization) and record.parent is not None:
        yield Reference(("parent",), record.parent, ("organization",), "parent organisation")
    elif isinstance(record, ThemeVocabulary):
        for index, theme in enumerate(record.themes):
            if theme.broader is not None:
                yield Reference(("themes", index, "broader"), theme.broader, ("theme",),
                                "broader theme")
    superseded_by = getattr(record, "superseded_by", None)
    if superseded_by is not None:
        row = BY_KIND[kind]
        namespaces: tuple[Namespace, ...] = (
            ENTITY_NAMESPACES.current() if row.entity else (row.namespace,)  # type: ignore[assignment]
        )
        yield Reference(("superseded_by",), superseded_by, namespaces, "replacement record")


def _article_references(article: Article) -> Iterator[Reference]:
    actors: tuple[Namespace, ...] = ("person", "organization")
    # Events and money have countries among their actors as often as people and bodies: a
    # text says Iraq wages an operation or aid goes to Iraq.
    agents: tuple[Namespace, ...] = ("person", "organization", "place")
    entities: tuple[Namespace, ...] = ENTITY_NAMESPACES.current()  # type: ignore[assignment]
    yield Reference(("source", "publisher"), article.source.publisher, ("organization",),
                    "publisher")
    if article.source.via is not None:
        yield Reference(("source", "via"), article.source.via, ("organization",),
                        "carrying site")
    for index, theme in enumerate(article.themes):
        yield Reference(("themes", index), theme, ("theme",), "theme")
    for index, mention in enumerate(article.mentions):
        yield Reference(("mentions", index, "entity"), mention.entity, entities, "mention")
    for index, quote in enumerate(article.quotes):
        yield Reference(("quotes", index, "speaker"), quote.speaker, actors, "speaker")
        if quote.delivered_by is not None:
            yield Reference(("quotes", index, "delivered_by"), quote.delivered_by, ("person",),
                            "reader")
        if quote.on_behalf_of is not None:
            yield Reference(("quotes", index, "on_behalf_of"), quote.on_behalf_of, actors,
                            "principal")
    for index, event in enumerate(article.events):
        yield Reference(("events", index, "cameo"), event.cameo, ("cameo",), "CAMEO code")
        for position, code in enumerate(event.additional_cameo):
            yield Reference(("events", index, "additional_cameo", position), code, ("cameo",),
                            "CAMEO code")
        if event.place is not None:
            yield Reference(("events", index, "place"), event.place, ("place",), "event place")
        for role in ("organizers", "participants", "supporters", "funders"):
            for position, actor in enumerate(getattr(event, role)):
                yield Reference(("events", index, role, position), actor, agents, role[:-1])
    for index, amount in enumerate(article.amounts):
        for role in ("provider", "recipient"):
            actor = getattr(amount, role)
            if actor is not None:
                yield Reference(("amounts", index, role), actor, agents, role)
        for position, party in enumerate(amount.parties):
            yield Reference(("amounts", index, "parties", position, "entity"), party.entity,
                            agents, "amount party")


# -- decoding cached summaries ------------------------------------------------------------------

_NAMESPACES = KINDS.view(lambda rows: {row.namespace: row for row in rows})


def _namespace(value: Any) -> Namespace:
    if value not in _NAMESPACES:
        raise ValueError("not a namespace")
    return value  # type: ignore[no-any-return]


_ALLOWED: dict[str, tuple[Namespace, ...]] = {}


def _allowed(key: str) -> tuple[Namespace, ...]:
    """The kinds a group of references may point at, from their stored form ``a,b``."""
    found = _ALLOWED.get(key)
    if found is None:
        found = _ALLOWED[key] = tuple(_namespace(part) for part in key.split(","))
    return found
