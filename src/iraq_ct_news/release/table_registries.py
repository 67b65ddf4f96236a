"""The registry and vocabulary tables: entities, people and their positions, organisations,
places, themes and CAMEO codes.

Each table is its row class (the columns) followed by its row function and its declaration.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, NamedTuple

from ..models.content import content_sha256
from ..models.kinds import ENTITIES as ENTITY_KINDS
from ..models.kinds import one_of
from .container import Dataset
from .table_columns import (
    Aliases,
    ContentHash,
    Created,
    Identifiers,
    Modified,
    NameAr,
    NameEn,
    Revision,
    Status,
    SupersededBy,
    WithdrawnReason,
    lifecycle_cells,
)
from .table_model import ColumnSpec, foreign_key, table

#: Every registry record's own row is also a row of ``entities``, and its replacement one.
_AN_ENTITY = (foreign_key("id", "entities", "id"), foreign_key("superseded_by", "entities", "id"))


class EntityRow(NamedTuple):
    id: Annotated[str, ColumnSpec(
        "string", "Entity id (unique across the three registries).", True)]
    kind: Annotated[str, ColumnSpec("string", f"{one_of(list(ENTITY_KINDS))}.", True)]
    name_en: NameEn
    name_ar: NameAr
    status: Annotated[str, ColumnSpec("string", "active or withdrawn.", True)]


def entity_rows(release: Dataset) -> Iterator[EntityRow]:
    rows: list[EntityRow] = []
    for row in ENTITY_KINDS.values():
        rows.extend(EntityRow(r.id, row.kind, r.name.en, r.name.ar, r.status)  # type: ignore[attr-defined]
                    for r in release.of_kind(row).values())
    yield from sorted(rows)


ENTITIES = table(
    "entities", "Entities",
    f"Every {one_of([row.prose_label for row in ENTITY_KINDS.values()], 'and')} in one table: "
    "the target of references that may point at any of them.",
    EntityRow, entity_rows, ("id",),
)


class PersonRow(NamedTuple):
    id: Annotated[str, ColumnSpec("string", "Person id.", True)]
    status: Status
    revision: Revision
    created: Created
    modified: Modified
    withdrawn_reason: WithdrawnReason
    superseded_by: SupersededBy
    name_en: NameEn
    name_ar: NameAr
    aliases: Aliases
    identifiers: Identifiers
    content_sha256: ContentHash


def person_rows(release: Dataset) -> Iterator[PersonRow]:
    for p in release.people.values():
        yield PersonRow(
            p.id, *lifecycle_cells(p), p.name.en, p.name.ar, p.aliases,
            [i.model_dump() for i in p.identifiers], content_sha256(p),
        )


PEOPLE = table(
    "people", "People", "The people registry.", PersonRow, person_rows, ("id",), _AN_ENTITY,
)


class PositionRow(NamedTuple):
    person_id: Annotated[str, ColumnSpec("string", "Person id.", True)]
    position_index: Annotated[int, ColumnSpec("integer", "Position in the person record.", True)]
    title_en: Annotated[str, ColumnSpec("string", "Title in English.", True)]
    title_ar_as_stated: Annotated[str | None, ColumnSpec(
        "string", "Arabic title exactly as the article states it.")]
    organization_id: Annotated[str | None, ColumnSpec(
        "string", "Organisation the position belongs to.")]
    start: Annotated[str | None, ColumnSpec("string", "EDTF start date.")]
    end: Annotated[str | None, ColumnSpec("string", "EDTF end date.")]
    source_article_id: Annotated[str, ColumnSpec(
        "string", "Article that states the position.", True)]


def position_rows(release: Dataset) -> Iterator[PositionRow]:
    for p in release.people.values():
        for index, pos in enumerate(p.positions):
            yield PositionRow(
                p.id, index, pos.title.en, pos.title_ar_as_stated, pos.organization,
                pos.start.text if pos.start else None, pos.end.text if pos.end else None,
                pos.source_article,
            )


POSITIONS = table(
    "positions", "Positions", "Titles people held, as an article states them.",
    PositionRow, position_rows, ("person_id", "position_index"),
    (
        foreign_key("person_id", "people", "id"),
        foreign_key("organization_id", "organizations", "id"),
        foreign_key("source_article_id", "articles", "id"),
    ),
)


class OrganizationRow(NamedTuple):
    id: Annotated[str, ColumnSpec("string", "Organisation id.", True)]
    status: Status
    revision: Revision
    created: Created
    modified: Modified
    withdrawn_reason: WithdrawnReason
    superseded_by: SupersededBy
    name_en: NameEn
    name_ar: NameAr
    aliases: Aliases
    acronyms_en: Annotated[list[str], ColumnSpec("array", "English acronyms (JSON array).", True)]
    acronyms_ar: Annotated[list[str], ColumnSpec("array", "Arabic acronyms (JSON array).", True)]
    kind: Annotated[str, ColumnSpec("string", "un-entity, government, news-outlet …", True)]
    parent_id: Annotated[str | None, ColumnSpec("string", "Parent organisation id.")]
    country: Annotated[str | None, ColumnSpec(
        "string", "ISO 3166-1 alpha-3 code (empty for international bodies).")]
    identifiers: Identifiers
    content_sha256: ContentHash


def organization_rows(release: Dataset) -> Iterator[OrganizationRow]:
    for o in release.organizations.values():
        yield OrganizationRow(
            o.id, *lifecycle_cells(o), o.name.en, o.name.ar, o.aliases, o.acronyms.en,
            o.acronyms.ar, o.kind, o.parent, o.country, [i.model_dump() for i in o.identifiers],
            content_sha256(o),
        )


ORGANIZATIONS = table(
    "organizations", "Organisations", "The organisations registry (outlets included).",
    OrganizationRow, organization_rows, ("id",),
    (*_AN_ENTITY, foreign_key("parent_id", "", "id")),
)


class PlaceRow(NamedTuple):
    id: Annotated[str, ColumnSpec("string", "Place id.", True)]
    status: Status
    revision: Revision
    created: Created
    modified: Modified
    withdrawn_reason: WithdrawnReason
    superseded_by: SupersededBy
    name_en: NameEn
    name_ar: NameAr
    aliases: Aliases
    kind: Annotated[str, ColumnSpec("string", "country, city, region or building.", True)]
    country: Annotated[str | None, ColumnSpec("string", "ISO 3166-1 alpha-3 code.")]
    lat: Annotated[float | None, ColumnSpec("number", "Latitude (WGS 84).")]
    lon: Annotated[float | None, ColumnSpec("number", "Longitude (WGS 84).")]
    identifiers: Identifiers
    content_sha256: ContentHash


def place_rows(release: Dataset) -> Iterator[PlaceRow]:
    for p in release.places.values():
        lat = p.coordinates.lat if p.coordinates else None
        lon = p.coordinates.lon if p.coordinates else None
        yield PlaceRow(
            p.id, *lifecycle_cells(p), p.name.en, p.name.ar, p.aliases, p.kind, p.country,
            lat, lon, [i.model_dump() for i in p.identifiers], content_sha256(p),
        )


PLACES = table(
    "places", "Places", "The places registry.", PlaceRow, place_rows, ("id",), _AN_ENTITY,
)


class ThemeRow(NamedTuple):
    id: Annotated[str, ColumnSpec("string", "Theme id.", True)]
    label_en: Annotated[str, ColumnSpec("string", "Label in English.", True)]
    label_ar: Annotated[str, ColumnSpec("string", "Label in Arabic.", True)]
    definition_en: Annotated[str, ColumnSpec("string", "Definition.", True)]
    broader_id: Annotated[str | None, ColumnSpec("string", "Broader theme id.")]
    close_match: Annotated[list[dict[str, Any]], ColumnSpec(
        "array", "External anchors (JSON array of {scheme, value}).", True)]


def theme_rows(release: Dataset) -> Iterator[ThemeRow]:
    for t in release.themes.values():
        yield ThemeRow(
            t.id, t.label.en, t.label.ar, t.definition.en, t.broader,
            [m.model_dump() for m in t.close_match],
        )


THEMES = table(
    "themes", "Themes", "The controlled theme vocabulary.",
    ThemeRow, theme_rows, ("id",), (foreign_key("broader_id", "", "id"),),
)


class CameoRow(NamedTuple):
    code: Annotated[str, ColumnSpec("string", "CAMEO code.", True)]
    label: Annotated[str, ColumnSpec("string", "Label from the CAMEO codebook.", True)]
    quad_class: Annotated[int, ColumnSpec(
        "integer", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
        "4 material conflict.", True)]


def cameo_rows(release: Dataset) -> Iterator[CameoRow]:
    for c in release.cameo.values():
        yield CameoRow(c.code, c.label, c.quad_class)


CAMEO = table(
    "cameo", "CAMEO codes", "The CAMEO event codes in use.", CameoRow, cameo_rows, ("code",),
)
