"""The tables of what articles report: events and their actors, amounts and their parties,
Security Council resolutions and other figures.

Each table is its row class (the columns) followed by its row function and its declaration.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from .container import Dataset
from .table_articles import TO_ARTICLE, event_key
from .table_columns import ArticleId, End, Exact, Scope, Start, date_cells, span_cells
from .table_model import ColumnSpec, foreign_key, table


class EventRow(NamedTuple):
    article_id: ArticleId
    event_id: Annotated[str, ColumnSpec("string", "Event id, unique within the article.", True)]
    event_key: Annotated[str, ColumnSpec(
        "string", "<article_id>/<event_id>: a one-column key for the event.", True, unique=True)]
    kind: Annotated[str, ColumnSpec(
        "string", "Kind of event (meeting, conference, agreement-signing …).", True)]
    cameo: Annotated[str, ColumnSpec("string", "CAMEO event code (a string: '043').", True)]
    additional_cameo: Annotated[list[str], ColumnSpec(
        "array", "Further CAMEO codes of the same event (JSON array).", True)]
    status: Annotated[str, ColumnSpec("string", "occurred or planned.", True)]
    date: Annotated[str | None, ColumnSpec(
        "string", "EDTF date, no more precise than the text gives.")]
    date_earliest: Annotated[datetime.date | None, ColumnSpec(
        "date", "First day the date can denote.")]
    date_latest: Annotated[datetime.date | None, ColumnSpec(
        "date", "Last day the date can denote.")]
    date_basis: Annotated[str, ColumnSpec(
        "string", "explicit, inferred, relative or unknown.", True)]
    date_evidence: Annotated[str | None, ColumnSpec(
        "string", "The words the date is taken or inferred from.")]
    place_id: Annotated[str | None, ColumnSpec("string", "Place id where it happened.")]
    summary_en: Annotated[str, ColumnSpec("string", "Curator-written English summary.", True)]


def event_rows(release: Dataset) -> Iterator[EventRow]:
    for a in release.articles.values():
        for e in a.events:
            yield EventRow(
                a.id, e.id, event_key(a.id, e.id), e.kind, e.cameo, list(e.additional_cameo),
                e.status, *date_cells(e.date), e.date_basis,
                e.date_evidence.exact if e.date_evidence else None, e.place, e.summary.en,
            )


EVENTS = table(
    "events", "Events", "Meetings, signings, pledges and other events, coded with CAMEO.",
    EventRow, event_rows, ("article_id", "event_id"),
    (
        TO_ARTICLE,
        foreign_key("cameo", "cameo", "code"),
        foreign_key("place_id", "places", "id"),
    ),
)


class EventActorRow(NamedTuple):
    article_id: ArticleId
    event_id: Annotated[str, ColumnSpec("string", "Event id.", True)]
    event_key: Annotated[str, ColumnSpec(
        "string", "The same event as <article_id>/<event_id> (a one-column key into "
        "events.event_key, which tools such as Datasette follow).", True)]
    role: Annotated[str, ColumnSpec("string", "organizer, participant, supporter or funder.", True)]
    position: Annotated[int, ColumnSpec("integer", "Order within the role's list.", True)]
    entity_id: Annotated[str, ColumnSpec("string", "Person, organisation or country id.", True)]


def event_actor_rows(release: Dataset) -> Iterator[EventActorRow]:
    for a in release.articles.values():
        for e in a.events:
            roles = (
                ("organizer", e.organizers), ("participant", e.participants),
                ("supporter", e.supporters), ("funder", e.funders),
            )
            for role, actors in roles:
                for position, actor in enumerate(actors):
                    yield EventActorRow(a.id, e.id, event_key(a.id, e.id), role, position, actor)


EVENT_ACTORS = table(
    "event_actors", "Event organisers, participants, supporters and funders",
    "One row per organiser, participant, supporter or funder of an event, in record order.",
    EventActorRow, event_actor_rows, ("article_id", "event_id", "role", "entity_id"),
    (
        foreign_key("article_id,event_id", "events", "article_id,event_id"),
        foreign_key("event_key", "events", "event_key"),
        foreign_key("entity_id", "entities", "id"),
    ),
)


class AmountRow(NamedTuple):
    article_id: ArticleId
    amount_index: Annotated[int, ColumnSpec("integer", "Position in the article record.", True)]
    value: Annotated[int, ColumnSpec("integer", "Value in units of the currency.", True)]
    currency: Annotated[str, ColumnSpec("string", "ISO 4217 currency code.", True)]
    kind: Annotated[str, ColumnSpec(
        "string", "What the sum is: transfer, pledge, loan, grant, agreement-value, "
        "contract-value, budget, other, or unstated (the text does not say; what amounts of "
        "record format 1.1.0 upgrade to).", True)]
    provider_id: Annotated[str | None, ColumnSpec(
        "string", "Person or organisation providing the money (a flow of money only: "
        "transfer, pledge, loan, grant or unstated).")]
    recipient_id: Annotated[str | None, ColumnSpec(
        "string", "Person, organisation or country receiving it (a flow of money only).")]
    purpose_en: Annotated[str, ColumnSpec("string", "Curator-written purpose.", True)]
    exact: Exact
    scope: Scope
    start: Start
    end: End


def amount_rows(release: Dataset) -> Iterator[AmountRow]:
    for a in release.articles.values():
        for index, m in enumerate(a.amounts):
            yield AmountRow(
                a.id, index, m.value, m.currency, m.kind, m.provider, m.recipient,
                m.purpose.en, *span_cells(m),
            )


AMOUNTS = table(
    "amounts", "Amounts", "Sums of money the articles state.",
    AmountRow, amount_rows, ("article_id", "amount_index"),
    (
        TO_ARTICLE,
        foreign_key("provider_id", "entities", "id"),
        foreign_key("recipient_id", "entities", "id"),
    ),
)


class AmountPartyRow(NamedTuple):
    article_id: ArticleId
    amount_index: Annotated[int, ColumnSpec(
        "integer", "Position of the amount in the article record.", True)]
    position: Annotated[int, ColumnSpec("integer", "Order within the amount's parties.", True)]
    entity_id: Annotated[str, ColumnSpec("string", "Person, organisation or country id.", True)]
    role: Annotated[str, ColumnSpec(
        "string", "signatory, contractor, client, holder, implementer, beneficiary or other.",
        True)]


def amount_party_rows(release: Dataset) -> Iterator[AmountPartyRow]:
    for a in release.articles.values():
        for index, m in enumerate(a.amounts):
            for position, party in enumerate(m.parties):
                yield AmountPartyRow(a.id, index, position, party.entity, party.role)


AMOUNT_PARTIES = table(
    "amount_parties", "Amount parties",
    "One row per party of an amount no one is said to pay anyone (the signatories of a "
    "memorandum worth it, the holder of a budget), in record order.",
    AmountPartyRow, amount_party_rows, ("article_id", "amount_index", "position"),
    (
        foreign_key("article_id,amount_index", "amounts", "article_id,amount_index"),
        foreign_key("entity_id", "entities", "id"),
    ),
)


class ResolutionRow(NamedTuple):
    article_id: ArticleId
    resolution_index: Annotated[int, ColumnSpec(
        "integer", "Position in the article record.", True)]
    symbol: Annotated[str, ColumnSpec("string", "Symbol S/RES/<n> (<year>).", True)]
    number: Annotated[int, ColumnSpec("integer", "Resolution number.", True)]
    year: Annotated[int, ColumnSpec("integer", "Year of adoption.", True)]
    exact: Exact
    scope: Scope
    start: Start
    end: End


def resolution_rows(release: Dataset) -> Iterator[ResolutionRow]:
    for a in release.articles.values():
        for index, r in enumerate(a.resolutions):
            number, year = r.symbol.removeprefix("S/RES/").rstrip(")").split(" (")
            yield ResolutionRow(a.id, index, r.symbol, int(number), int(year), *span_cells(r))


RESOLUTIONS = table(
    "resolutions", "Security Council resolutions", "UN Security Council resolutions cited.",
    ResolutionRow, resolution_rows, ("article_id", "resolution_index"), (TO_ARTICLE,),
)


class FigureRow(NamedTuple):
    article_id: ArticleId
    figure_index: Annotated[int, ColumnSpec("integer", "Position in the article record.", True)]
    value: Annotated[float, ColumnSpec("number", "The number as stated.", True)]
    unit_en: Annotated[str, ColumnSpec("string", "What the number counts.", True)]
    exact: Exact
    scope: Scope
    start: Start
    end: End


def figure_rows(release: Dataset) -> Iterator[FigureRow]:
    for a in release.articles.values():
        for index, f in enumerate(a.figures):
            yield FigureRow(a.id, index, f.value, f.unit.en, *span_cells(f))


FIGURES = table(
    "figures", "Figures", "Other stated numbers (percentages, counts).",
    FigureRow, figure_rows, ("article_id", "figure_index"), (TO_ARTICLE,),
)
