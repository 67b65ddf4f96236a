"""Drafting one article record: read it as it stands (placeholders and all), propose every
annotation it does not have yet."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...checks.loading import read_curated
from ...core.errors import DraftError, ReaderError
from ...models import SPAN_LISTS
from ...models.field_types import is_placeholder
from ...reading import dates as date_rules
from ...reading.anchoring import resolve_span
from ...reading.pins import pin_for, resolve_written
from ...reading.seeds import Seed, SeedStore
from ...reading.yamlreader import Document
from ..scaffold import ScaffoldError, seed_dates
from . import quantities
from .events import EventContext, propose_events
from .mentions import propose_mentions
from .proposals import (
    AmountProposal,
    CapturedProposal,
    DateProposal,
    Draft,
    FigureProposal,
    PublishedProposal,
    ResolutionProposal,
    SpanProposal,
)
from .registry import Registry, load_registry
from .speakers import Actor, named_actors, propose_quotes

SCOPES = ("headline", "body")


@dataclass
class Drafted:
    """A draft with what it was made from."""

    draft: Draft
    document: Document
    texts: dict[str, str]
    registry: Registry


def draft_file(
    root: Path, path: Path, registry: Registry | None = None, document: Document | None = None
) -> Drafted:
    """Propose annotations for the article record at ``path`` in the tree at ``root`` (given
    its ``document`` when the caller has read it already)."""
    if document is None:
        read = read_curated(path, "article")
        if read.problem is not None or read.document is None:
            error = read.problem or ReaderError("Y007", "cannot read the file")
            raise DraftError(f"{path}:{error.line}:{error.column}: {error.code} {error.message}")
        document = read.document
    data = document.data
    texts = _texts(path, data)
    registry = registry or load_registry(root)
    seed_text = read_seed_text(root, data)
    draft = draft_record(data, texts, registry, seed_text, _place_kinds(registry))
    return Drafted(draft, document, texts, registry)


def _place_kinds(registry: Registry) -> dict[str, str]:
    """Each place record's kind (country, city, region, building), for where events happen, as
    the store read it with the registry (no file is read again)."""
    return {
        entity.id: entity.place_kind
        for entity in registry.entities.values()
        if entity.kind == "place" and entity.place_kind is not None
    }


def _texts(path: Path, data: Any) -> dict[str, str]:
    if not isinstance(data, dict):
        raise DraftError(f"{path}:1:1: not an article record (the file holds no mapping)")
    headline = data.get("headline")
    body = data.get("body")
    if not isinstance(body, str) or is_placeholder(body) or not body.strip():
        raise DraftError(
            f"{path}: the record has no body to draft from; copy the article's paragraphs into "
            "`body` first (`iraq-ct-news new` does this from the seed)"
        )
    headline_ar = headline.get("ar") if isinstance(headline, dict) else None
    texts = {"body": body}
    if isinstance(headline_ar, str) and headline_ar.strip() and not is_placeholder(headline_ar):
        texts = {"headline": headline_ar, "body": body}
    return texts


def read_seed_text(root: Path, data: dict[str, Any]) -> str | None:
    """The text of the seed the record ``data`` names, or None when it names none or the seed
    does not read (``validate`` reports why)."""
    name = data.get("seed")
    if not isinstance(name, str):
        return None
    found = SeedStore(root).get(name)
    return found.text if isinstance(found, Seed) else None


def draft_record(
    data: dict[str, Any], texts: dict[str, str], registry: Registry, seed_text: str | None,
    place_kinds: dict[str, str] | None = None,
) -> Draft:
    """Every proposal for the record ``data`` (as read, placeholders included)."""
    draft = Draft()
    all_mentions, all_entities = propose_mentions(texts, registry)
    draft.new_entities = list(all_entities)
    existing = _existing_spans(data, texts)
    draft.mentions = [
        mention for mention in all_mentions
        if not _overlaps(existing.get("mentions", []), mention.span)
    ]
    _keep_mentioned_entities(draft)
    body = texts["body"]
    actors = named_actors(all_mentions, all_entities, registry, _written_actors(data, texts, registry))
    draft.quotes = [
        quote for quote in propose_quotes(body, actors, lambda start, end: _span(body, "body", start, end))
        if not _overlaps(existing.get("quotes", []), quote.span)
    ]
    taken: dict[str, list[tuple[int, int]]] = {scope: [] for scope in texts}
    for scope, text in texts.items():
        for start, end, value, currency in quantities.amounts(text):
            span = _span(text, scope, start, end)
            taken[scope].append((start, end))
            if not _overlaps(existing.get("amounts", []), span):
                draft.amounts.append(AmountProposal(span, value, currency))
        for start, end, resolution, year in quantities.resolutions(text):
            span = _span(text, scope, start, end)
            taken[scope].append((start, end))
            if not _overlaps(existing.get("resolutions", []), span):
                draft.resolutions.append(ResolutionProposal(span, resolution, year))

    published = data.get("published")
    if isinstance(published, str) and is_placeholder(published) and seed_text is not None:
        draft.published, captured = _seed_dates(seed_text)
        source = data.get("source")
        if isinstance(source, dict) and _unfilled(source.get("captured")):
            draft.captured = captured
    reference = published if isinstance(published, str) and not is_placeholder(published) else (
        draft.published.date if draft.published else None
    )
    for stated in date_rules.stated_dates(body):
        draft.dates.append(DateProposal(_span(body, "body", stated.start, stated.end), stated.edtf, "explicit"))
        taken["body"].append((stated.start, stated.end))
    if reference is not None:
        for stated in date_rules.relative_dates(body, reference):
            draft.dates.append(
                DateProposal(_span(body, "body", stated.start, stated.end), stated.edtf, "relative")
            )
    for scope, text in texts.items():
        for start, end, figure, unit in quantities.figures(text, taken[scope]):
            span = _span(text, scope, start, end)
            if not _overlaps(existing.get("figures", []), span):
                number: int | float = (
                    int(figure) if figure == figure.to_integral_value() else float(figure)
                )
                draft.figures.append(FigureProposal(span, number, unit))
    if not (isinstance(data.get("events"), list) and data["events"]):
        draft.events = propose_events(EventContext(
            body, all_mentions, registry, draft.dates, reference, place_kinds or {},
            lambda start, end: _span(body, "body", start, end),
            {number: (entity.suggested_id, entity.place_kind or "")
             for number, entity in enumerate(all_entities) if entity.kind == "place"},
        ))
    return draft


def _keep_mentioned_entities(draft: Draft) -> None:
    """New entities whose every occurrence is already mentioned are not proposed again."""
    kept = sorted({m.new_entity for m in draft.mentions if m.new_entity is not None})
    renumber = {old: new for new, old in enumerate(kept)}
    draft.new_entities = [draft.new_entities[index] for index in kept]
    draft.mentions = [
        replace(m, new_entity=renumber[m.new_entity]) if m.new_entity is not None else m
        for m in draft.mentions
    ]


def _seed_dates(seed_text: str) -> tuple[PublishedProposal | None, CapturedProposal | None]:
    try:
        published, captured = seed_dates(seed_text)
    except ScaffoldError:  # a seed without text has no date line
        return None, None
    return (
        PublishedProposal(published.date, "explicit", published.line.text, "seed",
                          published.line.number, published.occurrence)
        if published else None,
        CapturedProposal(captured.date, captured.line.text, captured.line.number,
                         captured.occurrence)
        if captured else None,
    )


def _span(text: str, scope: str, start: int, end: int) -> SpanProposal:
    return SpanProposal(scope, start, end, text[start:end], pin_for(text, start, end))


def _unfilled(value: Any) -> bool:
    return isinstance(value, str) and is_placeholder(value)


def _existing_spans(data: dict[str, Any], texts: dict[str, str]) -> dict[str, list[tuple[str, int, int]]]:
    """Where the items a person already wrote are, group by group."""
    found: dict[str, list[tuple[str, int, int]]] = {}
    for group in SPAN_LISTS:
        items = data.get(group)
        if not isinstance(items, list):
            continue
        for item in items:
            written = resolve_written(item, texts)
            if written is None:
                continue
            scope, resolved = written
            if resolved.found:
                found.setdefault(group, []).append((scope, resolved.start, resolved.end))
    return found


def _overlaps(spans: list[tuple[str, int, int]], span: SpanProposal) -> bool:
    return any(
        scope == span.scope and start < span.end and span.start < end
        for scope, start, end in spans
    )


def _written_actors(data: dict[str, Any], texts: dict[str, str], registry: Registry) -> list[Actor]:
    """The people and organisations a person already marked as mentions in the body."""
    found = []
    items = data.get("mentions")
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or item.get("scope", "body") != "body":
            continue
        kind = registry.kind_of(item.get("entity"))
        if kind not in ("person", "organization") or not isinstance(item.get("exact"), str):
            continue
        resolved = resolve_span(texts["body"], item["exact"], item.get("prefix"),
                                item.get("suffix"), item.get("occurrence"))
        if resolved.found:
            title = item.get("title_as_stated")
            found.append(Actor(resolved.start, resolved.end, item["entity"], item["exact"], kind,
                               title if isinstance(title, str) else None))
    return found
