"""Registry records: the people, organisations and places articles refer to.

One record per real-world entity, however many ways the corpus spells it: every spelling goes in
``aliases`` so that search and the mention check find it.
"""

from __future__ import annotations

from operator import not_
from typing import Literal

from pydantic import Field

from .base import ArabicEnglishText, EnglishText, Identifier, RecordModel, VersionedRecord
from .edtf import Edtf
from .field_types import CountryCode, Id, Text

OrganizationKind = Literal[
    "un-entity",
    "government",
    "government-body",
    "intergovernmental",
    "coalition",
    "armed-group",
    "news-outlet",
    "financial-institution",
    "ngo",
    "other",
]
PlaceKind = Literal["country", "city", "region", "building"]


class Position(RecordModel):
    """A title a person held, as an article states it."""

    title: EnglishText
    """The title in English."""
    title_ar_as_stated: Text | None = None
    """The Arabic title exactly as the source article states it."""
    organization: Id | None = None
    """Organisation id the position belongs to."""
    start: Edtf | None = None
    end: Edtf | None = None
    source_article: Id
    """Article id that states the position."""


class Person(VersionedRecord):
    name: ArabicEnglishText
    aliases: list[Text]
    """Other spellings of the name in any language, as the corpus writes them."""
    positions: list[Position]
    identifiers: list[Identifier]
    """Verified external identifiers only."""
    proposed: bool = Field(default=False, exclude_if=not_)
    """Written by ``draft --write`` as a stub: not data until a person fills it in and deletes
    this mark."""


class Acronyms(RecordModel):
    en: list[Text] = []
    ar: list[Text] = []


class Organization(VersionedRecord):
    name: ArabicEnglishText
    aliases: list[Text]
    acronyms: Acronyms = Acronyms()
    kind: OrganizationKind
    parent: Id | None = None
    """Organisation id of the parent body."""
    country: CountryCode | None = None
    """ISO 3166-1 alpha-3 code of the country it belongs to (null for international bodies)."""
    identifiers: list[Identifier]
    proposed: bool = Field(default=False, exclude_if=not_)
    """Written by ``draft --write`` as a stub: not data until a person fills it in and deletes
    this mark."""


class Coordinates(RecordModel):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Place(VersionedRecord):
    name: ArabicEnglishText
    aliases: list[Text]
    kind: PlaceKind
    country: CountryCode | None
    """ISO 3166-1 alpha-3 code (null for a region spanning countries)."""
    coordinates: Coordinates | None = None
    identifiers: list[Identifier]
    proposed: bool = Field(default=False, exclude_if=not_)
    """Written by ``draft --write`` as a stub: not data until a person fills it in and deletes
    this mark."""
