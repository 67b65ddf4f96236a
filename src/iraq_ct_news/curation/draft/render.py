"""A draft as text for a person, and as JSON for tools (offsets as the release computes them)."""

from __future__ import annotations

import json
from typing import Any

from ...reading.anchoring import resolve_span
from .proposals import Draft, SpanProposal


def to_json(draft: Draft, seed_text: str | None) -> dict[str, Any]:
    """The JSON object ``draft --format json`` prints."""
    first_span: dict[int, SpanProposal] = {}
    for mention in draft.mentions:
        if mention.new_entity is not None:
            first_span.setdefault(mention.new_entity, mention.span)
    published: dict[str, Any] | None = None
    if draft.published is not None:
        published = {
            "date": draft.published.date,
            "basis": draft.published.basis,
            "evidence": draft.published.evidence,
            "scope": draft.published.scope,
            "exact": draft.published.evidence,
            **_seed_offsets(seed_text, draft.published.evidence),
            "line": draft.published.line,
        }
    return {
        "mentions": [
            {
                **mention.span.json_span(),
                "entity": mention.entity,
                "new_entity": mention.new_entity,
                "title_as_stated": mention.title_as_stated,
                "short_form": mention.short_form,
            }
            for mention in draft.mentions
        ],
        "new_entities": [
            {
                **(first_span[index].json_span() if index in first_span else {}),
                "name": entity.name,
                "kind": entity.kind,
                "place_kind": entity.place_kind,
                "closest": entity.closest,
                "suggested_id": entity.suggested_id,
                "occurrences": entity.occurrences,
            }
            for index, entity in enumerate(draft.new_entities)
        ],
        "quotes": [
            {
                **quote.span.json_span(),
                "speaker": quote.speaker,
                "speaker_name": quote.speaker_name,
                "delivery": quote.delivery,
                "delivered_by": quote.delivered_by,
                "cue": quote.cue,
                "form": quote.form,
            }
            for quote in draft.quotes
        ],
        "amounts": [
            {**amount.span.json_span(), "value": amount.value, "currency": amount.currency}
            for amount in draft.amounts
        ],
        "resolutions": [
            {
                **resolution.span.json_span(),
                "symbol": resolution.symbol,
                "number": resolution.number,
                "year": resolution.year,
            }
            for resolution in draft.resolutions
        ],
        "figures": [
            {**figure.span.json_span(), "value": figure.value, "unit": figure.unit_hint}
            for figure in draft.figures
        ],
        "events": [
            {
                **event.cue.json_span(),
                "kind": event.kind,
                "cameo": event.cameo,
                "cameo_label": event.cameo_label,
                "date": event.date.date if event.date else None,
                "date_basis": event.date.basis if event.date else "unknown",
                "date_evidence": event.date.span.json_span() if event.date else None,
                "place": event.place,
                "status": event.status,
                "organizers": list(event.organizers),
                "participants": list(event.participants),
            }
            for event in draft.events
        ],
        "published": published,
        "dates": [
            {**date.span.json_span(), "date": date.date, "basis": date.basis}
            for date in draft.dates
        ],
    }


def _seed_offsets(seed_text: str | None, exact: str) -> dict[str, int | None]:
    if seed_text is None:
        return {"start": None, "end": None}
    found = resolve_span(seed_text, exact, occurrence=1, flexible_whitespace=True)
    return {"start": found.start if found.found else None, "end": found.end if found.found else None}


def to_text(draft: Draft, display: str) -> str:
    """What ``draft`` prints for a person: one line per proposal, then a count."""
    lines: list[str] = []
    for mention in draft.mentions:
        who = mention.entity or f"new {draft.new_entities[mention.new_entity].kind}"  # type: ignore[index]
        title = f" title {mention.title_as_stated!r}" if mention.title_as_stated else ""
        lines.append(f"{display}: mention {who} {_where(mention.span)}{title}")
    for entity in draft.new_entities:
        closest = ", ".join(entity.closest) or "none"
        lines.append(
            f"{display}: new {entity.kind} {entity.name!r} ({entity.occurrences} occurrence(s)); "
            f"closest records: {closest}; suggested id {entity.suggested_id}"
        )
    for quote in draft.quotes:
        speaker = quote.speaker or (f"new person {quote.speaker_name!r}" if quote.speaker_name else "unknown")
        form = "" if quote.form == "marked" else f" ({quote.form})"
        lines.append(
            f"{display}: quote{form} by {speaker}, {quote.delivery}"
            + (f" read by {quote.delivered_by}" if quote.delivered_by else "")
            + f" {_where(quote.span, 60)}"
        )
    for amount in draft.amounts:
        lines.append(f"{display}: amount {amount.value} {amount.currency or '(currency unknown)'} {_where(amount.span)}")
    for resolution in draft.resolutions:
        symbol = resolution.symbol or f"S/RES/{resolution.number} (year not stated)"
        lines.append(f"{display}: resolution {symbol} {_where(resolution.span)}")
    for figure in draft.figures:
        lines.append(f"{display}: figure {figure.value} {_where(figure.span)}")
    for event in draft.events:
        date = f"{event.date.date} ({event.date.basis})" if event.date else "undated"
        actors = ", ".join([*event.organizers, *event.participants]) or "no actors"
        lines.append(
            f"{display}: event {event.kind}{' (planned)' if event.status == 'planned' else ''} "
            f"CAMEO {event.cameo} ({event.cameo_label}), {date}, at {event.place or 'unknown'}, "
            f"{actors} {_where(event.cue)}"
        )
    if draft.published is not None:
        lines.append(
            f"{display}: published {draft.published.date} ({draft.published.basis}) from seed line "
            f"{draft.published.line}: {draft.published.evidence!r}"
        )
    if draft.captured is not None:
        lines.append(
            f"{display}: captured {draft.captured.date} from seed line {draft.captured.line} "
            f"(a page-header date): {draft.captured.evidence!r}"
        )
    lines.extend(f"{display}: note: {note}" for note in draft.notes)
    total = (len(draft.mentions) + len(draft.quotes) + len(draft.amounts) + len(draft.resolutions)
             + len(draft.figures) + len(draft.events) + (draft.published is not None))
    lines.append(f"{total} proposal(s), {len(draft.new_entities)} new entit(y/ies)")
    return "\n".join(lines)


def _where(span: SpanProposal, width: int = 80) -> str:
    exact = span.exact if len(span.exact) <= width else span.exact[: width - 1] + "…"
    return f"{exact!r} ({span.scope} {span.start}-{span.end})"


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
