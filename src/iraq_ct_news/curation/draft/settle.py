"""The proposals ``draft --write`` writes, decided once, for the printed list and the writer alike.

A proposal the record cannot hold as it stands is settled here, not by the writer alone: a
mention of a name the registries lack is written only with ``--stubs`` (without, the known names
inside it stand in its place); a quote needs a speaker (the stub's id for a new name with
``--stubs``); an event's place that is a new name is written only with ``--stubs``; an amount
needs its currency. What cannot be written becomes a note saying why, so
what ``draft`` prints is exactly what ``--write`` adds, item for item.
"""

from __future__ import annotations

from dataclasses import replace

from .proposals import Draft, MentionProposal, QuoteProposal


def settle(draft: Draft, *, stubs: bool) -> Draft:
    """``draft`` reduced to what ``--write`` (with ``--stubs`` or not) writes, and why not the rest."""
    notes = list(draft.notes)
    mentions: list[MentionProposal] = []
    for mention in draft.mentions:
        if mention.entity is None and not stubs:
            mentions.extend(inner for inner in mention.inner if inner.entity is not None)
        else:
            mentions.append(mention)
    new_places = {entity.suggested_id for entity in draft.new_entities if entity.kind == "place"}
    events = []
    for event in draft.events:
        if event.place in new_places and not stubs:
            notes.append(f"event {event.cue.exact!r} (body {event.cue.start}): its place "
                         f"{event.place} is a new name, written only with --stubs")
            event = replace(event, place=None)
        events.append(event)
    new_entities = draft.new_entities
    if not stubs:
        notes.extend(
            f"new {entity.kind} {entity.name!r} ({entity.occurrences} occurrence(s)); closest "
            f"records: {', '.join(entity.closest) or 'none'}; suggested id {entity.suggested_id}: "
            "mentioned only with --write --stubs, which adds a registry record for it"
            for entity in new_entities
        )
        new_entities = []
    quotes: list[QuoteProposal] = []
    for quote in draft.quotes:
        speaker = quote.speaker
        if speaker is None and stubs and quote.speaker_name is not None:
            speaker = next((e.suggested_id for e in draft.new_entities
                            if e.name == quote.speaker_name), None)
        if speaker is None:
            why = (f"its speaker {quote.speaker_name!r} is a new name, written only with --stubs"
                   if quote.speaker_name else "no speaker could be told; add it by hand")
            notes.append(f"quote {quote.span.exact[:30]!r}… (body {quote.span.start}): {why}")
            continue
        quotes.append(replace(quote, speaker=speaker))
    amounts = []
    for amount in draft.amounts:
        if amount.currency is None:
            notes.append(f"amount {amount.span.exact!r}: the currency is not clear")
        else:
            amounts.append(amount)
    return replace(draft, mentions=mentions, new_entities=new_entities, quotes=quotes,
                   amounts=amounts, events=events, notes=notes)
