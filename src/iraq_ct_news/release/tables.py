"""The flat tables: one CSV per kind of thing, with primary and foreign keys.

Each table is declared once — its columns (name, Table Schema type, description), its keys and
the function that yields its rows — and the CSV files, the Table Schemas in
``datapackage.json`` and the Parquet files are all made from that declaration.

References that may point at a person, an organisation *or* a place (a mention's entity, a
quote's speaker, an event's participants) have one foreign key target: ``entities``, the union
of the three registries. Lists inside a record (event organisers and participants, article
themes, a person's positions) become link tables, so every key is a plain column.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from ..content import content_sha256
from ..models import AnchorFields, Edtf
from .compile import Release
from .names import TABLES_DIR

ColumnType = Literal["string", "integer", "number", "date", "array"]
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType
    description: str
    required: bool = False
    unique: bool = False


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    """Name of the referenced table ("" for the table itself)."""
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[Release], Iterator[Row]]

    @property
    def path(self) -> str:
        """Path of the CSV file inside the release folder."""
        return f"{TABLES_DIR}/{self.name}.csv"


def _c(
    name: str, type_: ColumnType, description: str, required: bool = False, unique: bool = False
) -> Column:
    return Column(name, type_, description, required, unique)


def event_key(article_id: str, event_id: str) -> str:
    """The one-column key of an event, ``<article_id>/<event_id>``.

    A quote's event is optional; a two-column foreign key with one empty column counts as
    dangling in Frictionless, so quotes refer to events through this single column instead.
    """
    return f"{article_id}/{event_id}"


def _fk(fields: str, resource: str, reference: str) -> ForeignKey:
    return ForeignKey(tuple(fields.split(",")), resource, tuple(reference.split(",")))


# -- shared column groups -------------------------------------------------------------------------

_ARTICLE_ID = _c("article_id", "string", "Id of the article.", True)
_TO_ARTICLE = _fk("article_id", "articles", "id")
_SPAN_COLUMNS = (
    _c("exact", "string", "The words exactly as they appear in the text.", True),
    _c("scope", "string", "Text the offsets count into: body, headline (headline.ar) or seed.", True),
    _c("start", "integer", "Code-point offset of the first character (inclusive).", True),
    _c("end", "integer", "Code-point offset after the last character (exclusive).", True),
)
_LIFECYCLE_COLUMNS = (
    _c("status", "string", "active, or withdrawn (a tombstone kept so ids stay valid).", True),
    _c("revision", "integer", "Incremented on every content change after a release.", True),
    _c("created", "date", "Date the record was first written.", True),
    _c("modified", "date", "Date of the last content change.", True),
    _c("withdrawn_reason", "string", "Why the record was withdrawn."),
    _c("superseded_by", "string", "Id of the record that replaces a withdrawn one."),
)
_NAME_COLUMNS = (
    _c("name_en", "string", "Name in English.", True),
    _c("name_ar", "string", "Name in Arabic.", True),
    _c("aliases", "array", "Other spellings in any language (JSON array of strings).", True),
)
_IDENTIFIERS = _c(
    "identifiers", "array", "Verified external identifiers (JSON array of {scheme, value, evidence}).", True
)
_CONTENT_HASH = _c("content_sha256", "string", "SHA-256 of the record's canonical content.", True)


def _span_cells(span: AnchorFields) -> Row:
    return (span.exact, getattr(span, "scope", "body"), span.start, span.end)


def _lifecycle_cells(record: Any) -> Row:
    return (
        record.status, record.revision, record.created, record.modified,
        record.withdrawn_reason, record.superseded_by,
    )


def _date_cells(date: Edtf | None) -> Row:
    if date is None:
        return (None, None, None)
    return (date.text, date.earliest, date.latest)


# -- row generators ----------------------------------------------------------------------------------


def _articles(release: Release) -> Iterator[Row]:
    for a in release.articles:
        published = a.published
        yield (
            a.id, *_lifecycle_cells(a), a.source.publisher, a.source.url, a.source.byline,
            a.source.dateline, a.source.rights, a.source.captured.text if a.source.captured else None,
            *_date_cells(published), published.precision if published else None, a.published_basis, a.language,
            a.headline.ar, a.headline.en, a.summary.en, a.body,
            a.notes.en if a.notes else None, a.seed, a.seed_sha256,
            a.content_sha256 or content_sha256(a),
        )


def _article_themes(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for theme in a.themes:
            yield (a.id, theme)


def _mentions(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for index, m in enumerate(a.mentions):
            yield (a.id, index, m.entity, m.title_as_stated, *_span_cells(m))


def _quotes(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for q in a.quotes:
            yield (
                a.id, q.id, q.speaker, q.form, q.delivery, q.delivered_by, q.on_behalf_of,
                q.on_behalf_of_as_stated.exact if q.on_behalf_of_as_stated else None, q.event,
                event_key(a.id, q.event) if q.event else None, *_span_cells(q),
            )


def _events(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for e in a.events:
            yield (
                a.id, e.id, event_key(a.id, e.id), e.kind, e.cameo, list(e.additional_cameo), e.status,
                *_date_cells(e.date), e.date_basis,
                e.date_evidence.exact if e.date_evidence else None, e.place, e.summary.en,
            )


def _event_actors(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for e in a.events:
            roles = (
                ("organizer", e.organizers), ("participant", e.participants),
                ("supporter", e.supporters), ("funder", e.funders),
            )
            for role, actors in roles:
                for position, actor in enumerate(actors):
                    yield (a.id, e.id, event_key(a.id, e.id), role, position, actor)


def _amounts(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for index, m in enumerate(a.amounts):
            yield (
                a.id, index, m.value, m.currency, m.kind, m.provider, m.recipient,
                m.purpose.en, *_span_cells(m),
            )


def _amount_parties(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for index, m in enumerate(a.amounts):
            for position, party in enumerate(m.parties):
                yield (a.id, index, position, party.entity, party.role)


def _resolutions(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for index, r in enumerate(a.resolutions):
            number, year = r.symbol.removeprefix("S/RES/").rstrip(")").split(" (")
            yield (a.id, index, r.symbol, int(number), int(year), *_span_cells(r))


def _figures(release: Release) -> Iterator[Row]:
    for a in release.articles:
        for index, f in enumerate(a.figures):
            yield (a.id, index, f.value, f.unit.en, *_span_cells(f))


def _people(release: Release) -> Iterator[Row]:
    for p in release.people:
        yield (
            p.id, *_lifecycle_cells(p), p.name.en, p.name.ar, p.aliases,
            [i.model_dump() for i in p.identifiers], content_sha256(p),
        )


def _positions(release: Release) -> Iterator[Row]:
    for p in release.people:
        for index, pos in enumerate(p.positions):
            yield (
                p.id, index, pos.title.en, pos.title_ar_as_stated, pos.organization,
                pos.start.text if pos.start else None, pos.end.text if pos.end else None,
                pos.source_article,
            )


def _organizations(release: Release) -> Iterator[Row]:
    for o in release.organizations:
        yield (
            o.id, *_lifecycle_cells(o), o.name.en, o.name.ar, o.aliases, o.acronyms.en,
            o.acronyms.ar, o.kind, o.parent, o.country, [i.model_dump() for i in o.identifiers],
            content_sha256(o),
        )


def _places(release: Release) -> Iterator[Row]:
    for p in release.places:
        lat = p.coordinates.lat if p.coordinates else None
        lon = p.coordinates.lon if p.coordinates else None
        yield (
            p.id, *_lifecycle_cells(p), p.name.en, p.name.ar, p.aliases, p.kind, p.country,
            lat, lon, [i.model_dump() for i in p.identifiers], content_sha256(p),
        )


def _entities(release: Release) -> Iterator[Row]:
    rows: list[Row] = []
    for kind, records in (
        ("person", release.people),
        ("organization", release.organizations),
        ("place", release.places),
    ):
        rows.extend((r.id, kind, r.name.en, r.name.ar, r.status) for r in records)
    yield from sorted(rows)


def _themes(release: Release) -> Iterator[Row]:
    for t in release.themes:
        yield (
            t.id, t.label.en, t.label.ar, t.definition.en, t.broader,
            [m.model_dump() for m in t.close_match],
        )


def _cameo(release: Release) -> Iterator[Row]:
    for c in release.cameo:
        yield (c.code, c.label, c.quad_class)


# -- the tables ------------------------------------------------------------------------------------

TABLES: tuple[Table, ...] = (
    Table(
        "articles", "Articles",
        "One row per article (withdrawn ones included, with status 'withdrawn'). Headline and "
        "body are the publisher's Arabic text; headline_en and summary_en are curator-written.",
        (
            _c("id", "string", "Article id.", True),
            *_LIFECYCLE_COLUMNS,
            _c("publisher_id", "string", "Organisation id of the outlet.", True),
            _c("url", "string", "URL the source document itself shows (never a guess)."),
            _c("byline", "string", "Author line as printed."),
            _c("dateline", "string", "Dateline as printed."),
            _c("rights", "string", "Rights statement as printed."),
            _c("captured", "string", "EDTF date the page was captured, if the source shows it."),
            _c("published", "string", "EDTF publication date, no more precise than the evidence; null for an undated page (basis unknown)."),
            _c("published_earliest", "date", "First day the publication date can denote."),
            _c("published_latest", "date", "Last day the publication date can denote."),
            _c("published_precision", "string", "year, month or day (null when undated)."),
            _c("published_basis", "string", "explicit, inferred or unknown.", True),
            _c("language", "string", "BCP 47 language of the text ('ar').", True),
            _c("headline_ar", "string", "The source's Arabic headline, verbatim.", True),
            _c("headline_en", "string", "Curator-written English headline.", True),
            _c("summary_en", "string", "Curator-written English summary.", True),
            _c("body", "string", "Article text (paragraphs separated by a blank line), NFC.", True),
            _c("notes_en", "string", "The curator's reasoning for judgement calls."),
            _c("seed", "string", "File name of the source document in seeds/.", True),
            _c("seed_sha256", "string", "SHA-256 of the source document.", True),
            _CONTENT_HASH,
        ),
        ("id",),
        (_fk("publisher_id", "organizations", "id"), _fk("superseded_by", "", "id")),
        _articles,
    ),
    Table(
        "article_themes", "Article themes", "Which themes each article is about.",
        (_ARTICLE_ID, _c("theme_id", "string", "Theme id.", True)),
        ("article_id", "theme_id"),
        (_TO_ARTICLE, _fk("theme_id", "themes", "id")),
        _article_themes,
    ),
    Table(
        "mentions", "Mentions",
        "Every person, organisation and place named in an article, with where the name is.",
        (
            _ARTICLE_ID,
            _c("mention_index", "integer", "Position of the mention in the article record.", True),
            _c("entity_id", "string", "Id of the person, organisation or place.", True),
            _c("title_as_stated", "string", "Title or role as the article states it."),
            *_SPAN_COLUMNS,
        ),
        ("article_id", "mention_index"),
        (_TO_ARTICLE, _fk("entity_id", "entities", "id")),
        _mentions,
    ),
    Table(
        "quotes", "Quotes", "Direct quotations, who they are attributed to and how delivered.",
        (
            _ARTICLE_ID,
            _c("quote_id", "string", "Quote id, unique within the article.", True),
            _c("speaker_id", "string", "Person or organisation the words are attributed to.", True),
            _c("form", "string", "marked (inside quotation marks) or unmarked (direct speech "
               "printed without them).", True),
            _c("delivery", "string", "in-person, video-message, read-on-behalf, interview or "
               "written-statement.", True),
            _c("delivered_by_id", "string", "Person who read the words out (read-on-behalf)."),
            _c("on_behalf_of_id", "string", "Person or organisation the speaker spoke for."),
            _c("on_behalf_of_as_stated", "string", "The office or body spoken for, as the article "
               "states it."),
            _c("event_id", "string", "Event (in the same article) where the words were said."),
            _c("event_key", "string", "The same event as <article_id>/<event_id> (the key into "
               "events.event_key)."),
            *_SPAN_COLUMNS,
        ),
        ("article_id", "quote_id"),
        (
            _TO_ARTICLE,
            _fk("speaker_id", "entities", "id"),
            _fk("delivered_by_id", "people", "id"),
            _fk("on_behalf_of_id", "entities", "id"),
            _fk("event_key", "events", "event_key"),
        ),
        _quotes,
    ),
    Table(
        "events", "Events", "Meetings, signings, pledges and other events, coded with CAMEO.",
        (
            _ARTICLE_ID,
            _c("event_id", "string", "Event id, unique within the article.", True),
            _c("event_key", "string", "<article_id>/<event_id>: a one-column key for the event.",
               True, unique=True),
            _c("kind", "string", "Kind of event (meeting, conference, agreement-signing …).", True),
            _c("cameo", "string", "CAMEO event code (a string: '043').", True),
            _c("additional_cameo", "array", "Further CAMEO codes of the same event (JSON array).",
               True),
            _c("status", "string", "occurred or planned.", True),
            _c("date", "string", "EDTF date, no more precise than the text gives."),
            _c("date_earliest", "date", "First day the date can denote."),
            _c("date_latest", "date", "Last day the date can denote."),
            _c("date_basis", "string", "explicit, inferred, relative or unknown.", True),
            _c("date_evidence", "string", "The words the date is taken or inferred from."),
            _c("place_id", "string", "Place id where it happened."),
            _c("summary_en", "string", "Curator-written English summary.", True),
        ),
        ("article_id", "event_id"),
        (_TO_ARTICLE, _fk("cameo", "cameo", "code"), _fk("place_id", "places", "id")),
        _events,
    ),
    Table(
        "event_actors", "Event organisers, participants, supporters and funders",
        "One row per organiser, participant, supporter or funder of an event, in record order.",
        (
            _ARTICLE_ID,
            _c("event_id", "string", "Event id.", True),
            _c("event_key", "string", "The same event as <article_id>/<event_id> (a one-column "
               "key into events.event_key, which tools such as Datasette follow).", True),
            _c("role", "string", "organizer, participant, supporter or funder.", True),
            _c("position", "integer", "Order within the role's list.", True),
            _c("entity_id", "string", "Person, organisation or country id.", True),
        ),
        ("article_id", "event_id", "role", "entity_id"),
        (
            _fk("article_id,event_id", "events", "article_id,event_id"),
            _fk("event_key", "events", "event_key"),
            _fk("entity_id", "entities", "id"),
        ),
        _event_actors,
    ),
    Table(
        "amounts", "Amounts", "Sums of money the articles state.",
        (
            _ARTICLE_ID,
            _c("amount_index", "integer", "Position in the article record.", True),
            _c("value", "integer", "Value in units of the currency.", True),
            _c("currency", "string", "ISO 4217 currency code.", True),
            _c("kind", "string", "What the sum is: transfer, pledge, loan, grant, "
               "agreement-value, contract-value, budget, other, or unstated (the text does not "
               "say; what amounts of record format 1.1.0 upgrade to).", True),
            _c("provider_id", "string", "Person or organisation providing the money (a flow "
               "of money only: transfer, pledge, loan, grant or unstated)."),
            _c("recipient_id", "string", "Person, organisation or country receiving it (a flow "
               "of money only)."),
            _c("purpose_en", "string", "Curator-written purpose.", True),
            *_SPAN_COLUMNS,
        ),
        ("article_id", "amount_index"),
        (
            _TO_ARTICLE,
            _fk("provider_id", "entities", "id"),
            _fk("recipient_id", "entities", "id"),
        ),
        _amounts,
    ),
    Table(
        "amount_parties", "Amount parties",
        "One row per party of an amount no one is said to pay anyone (the signatories of a "
        "memorandum worth it, the holder of a budget), in record order.",
        (
            _ARTICLE_ID,
            _c("amount_index", "integer", "Position of the amount in the article record.", True),
            _c("position", "integer", "Order within the amount's parties.", True),
            _c("entity_id", "string", "Person, organisation or country id.", True),
            _c("role", "string", "signatory, contractor, client, holder, implementer, "
               "beneficiary or other.", True),
        ),
        ("article_id", "amount_index", "position"),
        (
            _fk("article_id,amount_index", "amounts", "article_id,amount_index"),
            _fk("entity_id", "entities", "id"),
        ),
        _amount_parties,
    ),
    Table(
        "resolutions", "Security Council resolutions", "UN Security Council resolutions cited.",
        (
            _ARTICLE_ID,
            _c("resolution_index", "integer", "Position in the article record.", True),
            _c("symbol", "string", "Symbol S/RES/<n> (<year>).", True),
            _c("number", "integer", "Resolution number.", True),
            _c("year", "integer", "Year of adoption.", True),
            *_SPAN_COLUMNS,
        ),
        ("article_id", "resolution_index"),
        (_TO_ARTICLE,),
        _resolutions,
    ),
    Table(
        "figures", "Figures", "Other stated numbers (percentages, counts).",
        (
            _ARTICLE_ID,
            _c("figure_index", "integer", "Position in the article record.", True),
            _c("value", "number", "The number as stated.", True),
            _c("unit_en", "string", "What the number counts.", True),
            *_SPAN_COLUMNS,
        ),
        ("article_id", "figure_index"),
        (_TO_ARTICLE,),
        _figures,
    ),
    Table(
        "entities", "Entities",
        "Every person, organisation and place in one table: the target of references that may "
        "point at any of them.",
        (
            _c("id", "string", "Entity id (unique across the three registries).", True),
            _c("kind", "string", "person, organization or place.", True),
            _c("name_en", "string", "Name in English.", True),
            _c("name_ar", "string", "Name in Arabic.", True),
            _c("status", "string", "active or withdrawn.", True),
        ),
        ("id",),
        (),
        _entities,
    ),
    Table(
        "people", "People", "The people registry.",
        (_c("id", "string", "Person id.", True), *_LIFECYCLE_COLUMNS, *_NAME_COLUMNS,
         _IDENTIFIERS, _CONTENT_HASH),
        ("id",),
        (_fk("id", "entities", "id"), _fk("superseded_by", "entities", "id")),
        _people,
    ),
    Table(
        "positions", "Positions", "Titles people held, as an article states them.",
        (
            _c("person_id", "string", "Person id.", True),
            _c("position_index", "integer", "Position in the person record.", True),
            _c("title_en", "string", "Title in English.", True),
            _c("title_ar_as_stated", "string", "Arabic title exactly as the article states it."),
            _c("organization_id", "string", "Organisation the position belongs to."),
            _c("start", "string", "EDTF start date."),
            _c("end", "string", "EDTF end date."),
            _c("source_article_id", "string", "Article that states the position.", True),
        ),
        ("person_id", "position_index"),
        (
            _fk("person_id", "people", "id"),
            _fk("organization_id", "organizations", "id"),
            _fk("source_article_id", "articles", "id"),
        ),
        _positions,
    ),
    Table(
        "organizations", "Organisations", "The organisations registry (outlets included).",
        (
            _c("id", "string", "Organisation id.", True),
            *_LIFECYCLE_COLUMNS,
            *_NAME_COLUMNS,
            _c("acronyms_en", "array", "English acronyms (JSON array).", True),
            _c("acronyms_ar", "array", "Arabic acronyms (JSON array).", True),
            _c("kind", "string", "un-entity, government, news-outlet …", True),
            _c("parent_id", "string", "Parent organisation id."),
            _c("country", "string", "ISO 3166-1 alpha-3 code (empty for international bodies)."),
            _IDENTIFIERS,
            _CONTENT_HASH,
        ),
        ("id",),
        (
            _fk("id", "entities", "id"),
            _fk("superseded_by", "entities", "id"),
            _fk("parent_id", "", "id"),
        ),
        _organizations,
    ),
    Table(
        "places", "Places", "The places registry.",
        (
            _c("id", "string", "Place id.", True),
            *_LIFECYCLE_COLUMNS,
            *_NAME_COLUMNS,
            _c("kind", "string", "country, city, region or building.", True),
            _c("country", "string", "ISO 3166-1 alpha-3 code."),
            _c("lat", "number", "Latitude (WGS 84)."),
            _c("lon", "number", "Longitude (WGS 84)."),
            _IDENTIFIERS,
            _CONTENT_HASH,
        ),
        ("id",),
        (_fk("id", "entities", "id"), _fk("superseded_by", "entities", "id")),
        _places,
    ),
    Table(
        "themes", "Themes", "The controlled theme vocabulary.",
        (
            _c("id", "string", "Theme id.", True),
            _c("label_en", "string", "Label in English.", True),
            _c("label_ar", "string", "Label in Arabic.", True),
            _c("definition_en", "string", "Definition.", True),
            _c("broader_id", "string", "Broader theme id."),
            _c("close_match", "array", "External anchors (JSON array of {scheme, value}).", True),
        ),
        ("id",),
        (_fk("broader_id", "", "id"),),
        _themes,
    ),
    Table(
        "cameo", "CAMEO codes", "The CAMEO event codes in use.",
        (
            _c("code", "string", "CAMEO code.", True),
            _c("label", "string", "Label from the CAMEO codebook.", True),
            _c("quad_class", "integer", "1 verbal cooperation, 2 material cooperation, "
               "3 verbal conflict, 4 material conflict.", True),
        ),
        ("code",),
        (),
        _cameo,
    ),
)

def cell(value: Any) -> str:
    """A value as CSV text: empty for null, ISO dates, JSON for lists and objects."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    raise TypeError(f"no CSV form for {type(value).__name__}")


def render_csv(table: Table, release: Release) -> bytes:
    """The table as UTF-8 CSV (RFC 4180 quoting, LF line ends, header row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    width = len(table.columns)
    for row in table.rows(release):
        assert len(row) == width, (table.name, row)
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8")
