"""What each marked span is, in words: the tooltip, the focus label and the screen-reader text.

The words are the same three ways so that a mouse, a keyboard and a screen reader learn the same
thing: the registry id, the English name and the kind of a mention; speaker and delivery of a
quote; value and currency of an amount; the date an evidence span supports; and whether the
item is an unconfirmed proposal.
"""

from __future__ import annotations

from typing import Any

from .annotations import Annotation
from .escape import shown
from .registry import Registry

PROPOSAL_NOTE = "unconfirmed proposal: a person has not checked it yet"


def css_kind(annotation: Annotation, registry: Registry) -> str:
    """The class that colours a mark (one of ``palette.SWATCHES``)."""
    if annotation.group == "mentions":
        entity = registry.entities.get(str(annotation.item.get("entity")))
        return entity.kind if entity is not None else "unknown-entity"
    return {
        "quotes": "quote",
        "amounts": "amount",
        "resolutions": "resolution",
        "figures": "figure",
    }.get(annotation.group, "evidence")


def label(annotation: Annotation, registry: Registry, data: dict[str, Any]) -> str:
    """One line saying what the span is (plain text; escaped where it is written)."""
    item = annotation.item
    if annotation.group == "mentions":
        entity_id = item.get("entity")
        entity = registry.entities.get(entity_id) if isinstance(entity_id, str) else None
        if entity is None:
            text = f"mention of {shown(entity_id)}, which is not in the registries"
        else:
            detail = f", {entity.detail}" if entity.detail else ""
            text = f"{entity.kind}{detail}: {entity.name_en} (id {entity.id}){entity.stub_note}"
        if isinstance(item.get("title_as_stated"), str):
            text += f"; title as stated: {item['title_as_stated']}"
    elif annotation.group == "quotes":
        text = (
            f"quote {shown(item.get('id'))} by {registry.describe(item.get('speaker'))};"
            f" delivery: {shown(item.get('delivery'))}"
        )
        for field, name in (("delivered_by", "delivered by"), ("on_behalf_of", "on behalf of")):
            if item.get(field) is not None:
                text += f"; {name} {registry.describe(item.get(field))}"
        if item.get("event") is not None:
            text += f"; at event {shown(item.get('event'))}"
    elif annotation.group == "amounts":
        text = f"amount: {_number(item.get('value'))} {shown(item.get('currency'))}"
        text += f"; kind: {shown(item.get('kind', 'unstated'))}"
        for field, name in (("provider", "from"), ("recipient", "to")):
            if item.get(field) is not None:
                text += f"; {name} {registry.describe(item.get(field))}"
        parties = item.get("parties")
        for party in parties if isinstance(parties, list) else []:
            if isinstance(party, dict):
                text += f"; {shown(party.get('role'))} {registry.describe(party.get('entity'))}"
        if item.get("purpose") is not None:
            text += f"; purpose: {english(item.get('purpose'))}"
    elif annotation.group == "resolutions":
        text = f"Security Council resolution {shown(item.get('symbol'))}"
    elif annotation.group == "figures":
        text = f"figure: {_number(item.get('value'))} {english(item.get('unit'))}"
    else:
        text = evidence_label(annotation, data)
    if annotation.proposed:
        text += f" — {PROPOSAL_NOTE}"
    return text


def evidence_label(annotation: Annotation, data: dict[str, Any]) -> str:
    path = annotation.path
    if path == ("published_evidence",):
        return (
            f"evidence of the publication date {shown(data.get('published'))}"
            f" ({shown(data.get('published_basis'))})"
        )
    if path == ("source", "captured_evidence"):
        source = data.get("source")
        captured = source.get("captured") if isinstance(source, dict) else None
        return f"evidence of the capture date {shown(captured)}"
    if path[0] == "quotes":
        quotes = data.get("quotes")
        quote: Any = quotes[int(path[1])] if isinstance(quotes, list) else {}
        quote = quote if isinstance(quote, dict) else {}
        return f"the office or body quote {shown(quote.get('id'))} was spoken for, as stated"
    events = data.get("events")
    event: Any = events[int(path[1])] if isinstance(events, list) else {}
    event = event if isinstance(event, dict) else {}
    return (
        f"evidence of the date of event {shown(event.get('id'))}: {shown(event.get('date'))}"
        f" ({shown(event.get('date_basis'))})"
    )


def english(value: object) -> str:
    """An English text field (``{en: ...}``) as its text, or what the record holds instead."""
    if isinstance(value, dict) and isinstance(value.get("en"), str):
        return str(value["en"])
    return shown(value)


def _number(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return shown(value)
