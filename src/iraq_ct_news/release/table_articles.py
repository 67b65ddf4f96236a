"""The article tables: the articles, their themes, mentions and quotes.

Each table is its row class (the columns) followed by its row function and its declaration.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Annotated, NamedTuple

from ..models.content import content_sha256
from .container import Dataset
from .table_columns import (
    ArticleId,
    ContentHash,
    Created,
    End,
    Exact,
    Modified,
    Revision,
    Scope,
    Start,
    Status,
    SupersededBy,
    WithdrawnReason,
    date_cells,
    lifecycle_cells,
    span_cells,
)
from .table_model import ColumnSpec, foreign_key, table

TO_ARTICLE = foreign_key("article_id", "articles", "id")


def event_key(article_id: str, event_id: str) -> str:
    """The one-column key of an event, ``<article_id>/<event_id>``.

    A quote's event is optional; a two-column foreign key with one empty column counts as
    dangling in Frictionless, so quotes refer to events through this single column instead.
    """
    return f"{article_id}/{event_id}"


class ArticleRow(NamedTuple):
    id: Annotated[str, ColumnSpec("string", "Article id.", True)]
    status: Status
    revision: Revision
    created: Created
    modified: Modified
    withdrawn_reason: WithdrawnReason
    superseded_by: SupersededBy
    publisher_id: Annotated[str, ColumnSpec("string", "Organisation id of the outlet.", True)]
    url: Annotated[str | None, ColumnSpec(
        "string", "URL the source document itself shows (never a guess).")]
    byline: Annotated[str | None, ColumnSpec("string", "Author line as printed.")]
    dateline: Annotated[str | None, ColumnSpec("string", "Dateline as printed.")]
    rights: Annotated[str | None, ColumnSpec("string", "Rights statement as printed.")]
    captured: Annotated[str | None, ColumnSpec(
        "string", "EDTF date the page was captured, if the source shows it.")]
    published: Annotated[str | None, ColumnSpec(
        "string", "EDTF publication date, no more precise than the evidence; null for an undated "
        "page (basis unknown).")]
    published_earliest: Annotated[datetime.date | None, ColumnSpec(
        "date", "First day the publication date can denote.")]
    published_latest: Annotated[datetime.date | None, ColumnSpec(
        "date", "Last day the publication date can denote.")]
    published_precision: Annotated[str | None, ColumnSpec(
        "string", "year, month or day (null when undated).")]
    published_basis: Annotated[str, ColumnSpec("string", "explicit, inferred or unknown.", True)]
    language: Annotated[str, ColumnSpec("string", "BCP 47 language of the text ('ar').", True)]
    headline_ar: Annotated[str, ColumnSpec(
        "string", "The source's Arabic headline, verbatim.", True)]
    headline_en: Annotated[str, ColumnSpec("string", "Curator-written English headline.", True)]
    summary_en: Annotated[str, ColumnSpec("string", "Curator-written English summary.", True)]
    body: Annotated[str, ColumnSpec(
        "string", "Article text (paragraphs separated by a blank line), NFC.", True)]
    notes_en: Annotated[str | None, ColumnSpec(
        "string", "The curator's reasoning for judgement calls.")]
    seed: Annotated[str, ColumnSpec("string", "File name of the source document in seeds/.", True)]
    seed_sha256: Annotated[str, ColumnSpec("string", "SHA-256 of the source document.", True)]
    content_sha256: ContentHash


def article_rows(release: Dataset) -> Iterator[ArticleRow]:
    for a in release.articles.values():
        published = a.published
        yield ArticleRow(
            a.id, *lifecycle_cells(a), a.source.publisher, a.source.url, a.source.byline,
            a.source.dateline, a.source.rights, a.source.captured.text if a.source.captured else None,
            *date_cells(published), published.precision if published else None,
            a.published_basis, a.language,
            a.headline.ar, a.headline.en, a.summary.en, a.body,
            a.notes.en if a.notes else None, a.seed, a.seed_sha256,
            a.content_sha256 or content_sha256(a),
        )


ARTICLES = table(
    "articles", "Articles",
    "One row per article (withdrawn ones included, with status 'withdrawn'). Headline and "
    "body are the publisher's Arabic text; headline_en and summary_en are curator-written.",
    ArticleRow, article_rows, ("id",),
    (foreign_key("publisher_id", "organizations", "id"), foreign_key("superseded_by", "", "id")),
)


class ArticleThemeRow(NamedTuple):
    article_id: ArticleId
    theme_id: Annotated[str, ColumnSpec("string", "Theme id.", True)]


def article_theme_rows(release: Dataset) -> Iterator[ArticleThemeRow]:
    for a in release.articles.values():
        for theme in a.themes:
            yield ArticleThemeRow(a.id, theme)


ARTICLE_THEMES = table(
    "article_themes", "Article themes", "Which themes each article is about.",
    ArticleThemeRow, article_theme_rows, ("article_id", "theme_id"),
    (TO_ARTICLE, foreign_key("theme_id", "themes", "id")),
)


class MentionRow(NamedTuple):
    article_id: ArticleId
    mention_index: Annotated[int, ColumnSpec(
        "integer", "Position of the mention in the article record.", True)]
    entity_id: Annotated[str, ColumnSpec(
        "string", "Id of the person, organisation or place.", True)]
    title_as_stated: Annotated[str | None, ColumnSpec(
        "string", "Title or role as the article states it.")]
    exact: Exact
    scope: Scope
    start: Start
    end: End


def mention_rows(release: Dataset) -> Iterator[MentionRow]:
    for a in release.articles.values():
        for index, m in enumerate(a.mentions):
            yield MentionRow(a.id, index, m.entity, m.title_as_stated, *span_cells(m))


MENTIONS = table(
    "mentions", "Mentions",
    "Every person, organisation and place named in an article, with where the name is.",
    MentionRow, mention_rows, ("article_id", "mention_index"),
    (TO_ARTICLE, foreign_key("entity_id", "entities", "id")),
)


class QuoteRow(NamedTuple):
    article_id: ArticleId
    quote_id: Annotated[str, ColumnSpec("string", "Quote id, unique within the article.", True)]
    speaker_id: Annotated[str, ColumnSpec(
        "string", "Person or organisation the words are attributed to.", True)]
    form: Annotated[str, ColumnSpec(
        "string", "marked (inside quotation marks) or unmarked (direct speech printed without "
        "them).", True)]
    delivery: Annotated[str, ColumnSpec(
        "string", "in-person, video-message, read-on-behalf, interview or written-statement.",
        True)]
    delivered_by_id: Annotated[str | None, ColumnSpec(
        "string", "Person who read the words out (read-on-behalf).")]
    on_behalf_of_id: Annotated[str | None, ColumnSpec(
        "string", "Person or organisation the speaker spoke for.")]
    on_behalf_of_as_stated: Annotated[str | None, ColumnSpec(
        "string", "The office or body spoken for, as the article states it.")]
    event_id: Annotated[str | None, ColumnSpec(
        "string", "Event (in the same article) where the words were said.")]
    event_key: Annotated[str | None, ColumnSpec(
        "string", "The same event as <article_id>/<event_id> (the key into events.event_key).")]
    exact: Exact
    scope: Scope
    start: Start
    end: End


def quote_rows(release: Dataset) -> Iterator[QuoteRow]:
    for a in release.articles.values():
        for q in a.quotes:
            yield QuoteRow(
                a.id, q.id, q.speaker, q.form, q.delivery, q.delivered_by, q.on_behalf_of,
                q.on_behalf_of_as_stated.exact if q.on_behalf_of_as_stated else None, q.event,
                event_key(a.id, q.event) if q.event else None, *span_cells(q),
            )


QUOTES = table(
    "quotes", "Quotes", "Direct quotations, who they are attributed to and how delivered.",
    QuoteRow, quote_rows, ("article_id", "quote_id"),
    (
        TO_ARTICLE,
        foreign_key("speaker_id", "entities", "id"),
        foreign_key("delivered_by_id", "people", "id"),
        foreign_key("on_behalf_of_id", "entities", "id"),
        foreign_key("event_key", "events", "event_key"),
    ),
)
