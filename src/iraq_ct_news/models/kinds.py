"""The kinds of record, in one table: where each is curated, its model, its schema file, its
release file and the name of its collection in a release.

The layout, the schemas, the build, ``show``, ``diff`` and the versioning rules read this table
instead of keeping their own list. The loader (:mod:`.release.dataset`) does not: its
:class:`~.release.dataset.Dataset` names each collection as a typed field, so a new kind is a
new row here and a new field (and file read) there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
"""What a curated file holds."""
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
    """The attribute of a compiled release and of a loaded dataset holding them."""
    namespace: str
    """The namespace of the ids it defines (entries of a vocabulary: ``theme``, ``cameo``)."""
    label: str
    """How messages name one item of the collection."""

    @property
    def schema_file(self) -> str:
        return f"{self.kind}.schema.json"

    @property
    def versioned(self) -> bool:
        """Records with an id, a revision and a lifecycle (the versioning rules apply)."""
        return not self.one_file


KINDS: tuple[Kind, ...] = (
    Kind("article", "articles", False, Article, "iraq-ct-news article record",
         "articles.jsonl", Article, "articles", "article", "article"),
    Kind("person", "people", False, Person, "iraq-ct-news person record",
         "people.jsonl", Person, "people", "person", "person"),
    Kind("organization", "organizations", False, Organization,
         "iraq-ct-news organisation record", "organizations.jsonl", Organization,
         "organizations", "organization", "organization"),
    Kind("place", "places", False, Place, "iraq-ct-news place record",
         "places.jsonl", Place, "places", "place", "place"),
    Kind("themes", "vocabularies/themes.yaml", True, ThemeVocabulary,
         "iraq-ct-news theme vocabulary", "themes.jsonl", Theme, "themes", "theme", "theme"),
    Kind("cameo", "vocabularies/cameo.yaml", True, CameoVocabulary,
         "iraq-ct-news CAMEO code vocabulary", "cameo.jsonl", CameoEntry, "cameo", "cameo", "CAMEO code"),
)

BY_KIND: dict[FileKind, Kind] = {row.kind: row for row in KINDS}
#: The kinds whose records are versioned, by record kind.
VERSIONED: dict[RecordKind, Kind] = {
    row.kind: row for row in KINDS if row.versioned  # type: ignore[misc]
}
