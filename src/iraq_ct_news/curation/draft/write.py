"""``draft --write``: merge the proposals into the record, each marked ``proposed: true``.

What a person wrote is never changed or reordered: a placeholder list becomes the list of
proposals; into a written list each proposal is inserted before the first item that comes after
it in the text, so the person's items keep their order. Fields the record model requires and a
machine cannot know (an amount's purpose, an event's summary) are ``TODO`` placeholders, which
``validate`` lists until a person writes them. The file is rewritten in ``fmt``'s canonical layout
(its top comment block kept), atomically.
"""

from __future__ import annotations

import copy
import datetime
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ...models.field_types import is_placeholder
from ...models.layout import CURATED, VOCABULARY_FILES, record_path
from ...reading.cameo import codebook
from ...reading.pins import resolve_written
from ...reading.yamlreader import Document
from ...store.formatting import render
from ...store.writer import ReadToken, Writer
from .proposals import Draft, NewEntity, SpanProposal
from .stubs import stub_record

PROPOSED = {"proposed": True}
_SCOPE_ORDER = {"headline": 0, "body": 1}


@dataclass
class Written:
    """What ``--write`` changed."""

    added: dict[str, int] = field(default_factory=dict)
    stubs: list[str] = field(default_factory=list)
    cameo_codes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def write_draft(
    root: Path,
    path: Path,
    document: Document,
    texts: dict[str, str],
    draft: Draft,
    *,
    stubs: bool,
    today: datetime.date | None = None,
    expect: ReadToken | None = None,
) -> Written:
    """Merge ``draft`` into the record at ``path`` (and write stubs and CAMEO codes it needs).

    Everything goes through the repository's writer, under its lock: the record is checked
    first (no comment lost, no value a person wrote replaced), then the stubs and codes are
    written, then the record, only if it still holds what was read (``expect``).
    """
    writer = Writer(root)
    with writer.locked():
        return _write_draft(writer, path, document, texts, draft, stubs, today, expect)


def _write_draft(
    writer: Writer,
    path: Path,
    document: Document,
    texts: dict[str, str],
    draft: Draft,
    stubs: bool,
    today: datetime.date | None,
    expect: ReadToken | None,
) -> Written:
    relative = writer.relative(path)
    data: dict[str, Any] = copy.deepcopy(document.data)
    filled: list[tuple[str, ...]] = []
    written = Written()
    new_id = {index: entity.suggested_id for index, entity in enumerate(draft.new_entities)}
    used_entities: set[int] = set()

    mentions = []
    for mention in draft.mentions:
        entity = mention.entity
        if entity is None:
            if not stubs or mention.new_entity is None:
                # Without its own record, the known names inside the new one are mentions.
                for inner in mention.inner:
                    if inner.entity is not None:
                        mentions.append((inner.span, {
                            "entity": inner.entity, **inner.span.anchor(), **PROPOSED,
                        }))
                continue
            entity = new_id[mention.new_entity]
            used_entities.add(mention.new_entity)
        item: dict[str, Any] = {"entity": entity, **mention.span.anchor()}
        if mention.title_as_stated:
            item["title_as_stated"] = mention.title_as_stated
        mentions.append((mention.span, {**item, **PROPOSED}))
    if not stubs and any(m.entity is None for m in draft.mentions):
        written.skipped.append(
            "mentions of new entities (run with --stubs to add registry stubs and mention them)"
        )
    _merge(data, "mentions", mentions, texts, written)

    quotes = []
    taken_ids = {q.get("id") for q in data.get("quotes", []) if isinstance(q, dict)} if isinstance(
        data.get("quotes"), list) else set()
    for number, quote in enumerate(draft.quotes, start=1):
        speaker = quote.speaker
        if speaker is None and stubs and quote.speaker_name is not None:
            speaker = next(
                (e.suggested_id for e in draft.new_entities if e.name == quote.speaker_name), None
            )
        if speaker is None:
            written.skipped.append(f"quote {quote.span.exact[:30]!r}…: no speaker could be told")
            continue
        quote_id = _free_id(f"quote-{number}", taken_ids)
        item = {"id": quote_id, "speaker": speaker, **quote.span.anchor(), "delivery": quote.delivery}
        if quote.form != "marked":
            item["form"] = quote.form
        if quote.delivered_by:
            item["delivered_by"] = quote.delivered_by
        quotes.append((quote.span, {**item, **PROPOSED}))
    _merge(data, "quotes", quotes, texts, written)

    amounts = []
    for amount in draft.amounts:
        if amount.currency is None:
            written.skipped.append(f"amount {amount.span.exact!r}: the currency is not clear")
            continue
        amounts.append((amount.span, {
            "value": amount.value, "currency": amount.currency, **amount.span.anchor(),
            "purpose": {"en": "TODO: what the money is for, in English"}, **PROPOSED,
        }))
    _merge(data, "amounts", amounts, texts, written)

    resolutions = [
        (r.span, {
            "symbol": r.symbol or f"TODO: S/RES/{r.number} (year): the text gives no year",
            **r.span.anchor(), **PROPOSED,
        })
        for r in draft.resolutions
    ]
    _merge(data, "resolutions", resolutions, texts, written)
    figures = [
        (f.span, {"value": f.value, "unit": {"en": "TODO: what is counted, in English"},
                  **f.span.anchor(), **PROPOSED})
        for f in draft.figures
    ]
    _merge(data, "figures", figures, texts, written)

    events: list[tuple[SpanProposal, dict[str, Any]]] = []
    event_ids = {e.get("id") for e in data.get("events", []) if isinstance(e, dict)} if isinstance(
        data.get("events"), list) else set()
    published = draft.published.date if draft.published else data.get("published")
    for event in draft.events:
        item = {
            "id": _free_id(f"{event.kind}-{len(events) + 1}", event_ids),
            "kind": event.kind,
            "cameo": event.cameo,
        }
        if event.status == "planned" or (event.date is not None and isinstance(published, str)
                                         and event.date.date > published):
            item["status"] = "planned"
        item.update({
            "date": event.date.date if event.date else None,
            "date_basis": event.date.basis if event.date else "unknown",
        })
        if event.date is not None:
            item["date_evidence"] = event.date.span.anchor()
        item.update({
            "place": event.place,
            "organizers": list(event.organizers),
            "participants": list(event.participants),
            "summary": {"en": "TODO: who did what, in English"},
            **PROPOSED,
        })
        events.append((event.cue, item))
    _merge(data, "events", events, texts, written)

    if draft.published is not None and _is_todo(data.get("published")):
        data["published"] = draft.published.date
        filled += [("published_basis",), ("published_evidence",)]
        data["published_basis"] = draft.published.basis
        data["published_evidence"] = {
            "exact": draft.published.evidence,
            **({"occurrence": draft.published.occurrence} if draft.published.occurrence else {}),
            "scope": "seed", **PROPOSED,
        }
        written.added["published"] = 1
    source = data.get("source")
    if draft.captured is not None and isinstance(source, dict) and _is_todo(source.get("captured")):
        source["captured"] = draft.captured.date
        filled.append(("source", "captured_evidence"))
        source["captured_evidence"] = {
            "exact": draft.captured.evidence,
            **({"occurrence": draft.captured.occurrence} if draft.captured.occurrence else {}),
            "scope": "seed", **PROPOSED,
        }
        written.added["captured"] = 1

    text = writer.record_text(relative, data, "article", original=document, may_change=filled)
    # Every file is planned and checked first (links on the way, comments, values a person
    # wrote), then written: a refusal leaves every file as it was.
    planned_stubs: list[tuple[PurePosixPath, bytes]] = []
    if stubs:
        for index in sorted(used_entities | {
            i for i, e in enumerate(draft.new_entities)
            if any(q.speaker_name == e.name and q.speaker is None for q in draft.quotes)
        }):
            new_entity = draft.new_entities[index]
            planned_stubs.append(_stub(writer.root, new_entity.suggested_id, new_entity, today))
    cameo = _plan_cameo_codes(writer, [event.cameo for event in draft.events])
    for target in [relative, *(stub for stub, _ in planned_stubs),
                   *([cameo[0]] if cameo else [])]:
        writer.check_writable(target)
    for stub, content in planned_stubs:
        if writer.create(stub, content):
            written.stubs.append(stub.as_posix())
        else:  # a file (or folder) a person put there, which did not read as a record: kept
            written.skipped.append(
                f"stub {stub.as_posix()}: something is already there (kept as it is); make it "
                "the record its mentions name"
            )
    if cameo is not None:
        cameo_relative, cameo_text, cameo_token, written.cameo_codes = cameo
        writer.write_text(cameo_relative, cameo_text, expect=cameo_token)
    writer.write_text(relative, text, expect=expect)
    return written


def _is_todo(value: Any) -> bool:
    return isinstance(value, str) and is_placeholder(value)


def _free_id(base: str, taken: set[Any]) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    taken.add(candidate)
    return candidate


def _merge(
    data: dict[str, Any],
    group: str,
    proposals: list[tuple[SpanProposal, dict[str, Any]]],
    texts: dict[str, str],
    written: Written,
) -> None:
    """Add ``proposals`` to ``data[group]`` without moving any item already there."""
    if not proposals:
        return
    written.added[group] = len(proposals)
    proposals = sorted(proposals, key=lambda item: _order(item[0]))
    current = data.get(group)
    if not isinstance(current, list):
        data[group] = [item for _span, item in proposals]
        return
    positions = [_position(item, texts) for item in current]
    merged: list[Any] = []
    pending = list(proposals)
    for item, position in zip(current, positions):
        while pending and position is not None and _order(pending[0][0]) < position:
            merged.append(pending.pop(0)[1])
        merged.append(item)
    merged.extend(item for _span, item in pending)
    data[group] = merged


def _order(span: SpanProposal) -> tuple[int, int]:
    return _SCOPE_ORDER.get(span.scope, 2), span.start


def _position(item: Any, texts: dict[str, str]) -> tuple[int, int] | None:
    anchor = item.get("date_evidence") if isinstance(item, dict) and "kind" in item else item
    written = resolve_written(anchor, texts)
    if written is None:
        return None
    scope, found = written
    return (_SCOPE_ORDER.get(scope, 2), found.start) if found.found else None


def _stub(
    root: Path,
    entity_id: str,
    new_entity: NewEntity,
    today: datetime.date | None,
) -> tuple[PurePosixPath, bytes]:
    """A registry record for a new entity (content: :func:`.stubs.stub_record`), written
    only where no file is."""
    kind = new_entity.kind
    data = stub_record(new_entity, entity_id, today, root)
    relative = record_path(kind, entity_id)  # type: ignore[arg-type]
    header = [f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"]
    return relative, render(data, kind, header).encode("utf-8")  # type: ignore[arg-type]


def _plan_cameo_codes(
    writer: Writer, codes: list[str]
) -> tuple[PurePosixPath, str, ReadToken, list[str]] | None:
    """What adding to ``vocabularies/cameo.yaml`` the codes events use that it lacks, with the label and
    quad class the codebook gives (no judgement involved). Its comments and entries are kept
    (the writer refuses otherwise); a file that does not read is an error naming it. Returns
    the file, its new text, the token of what was read and the codes added (None: nothing)."""
    relative = PurePosixPath(CURATED, VOCABULARY_FILES["cameo"])
    if not codes or not os.path.lexists(writer.root / relative):
        return None
    document, token = writer.read_document(relative)
    data = copy.deepcopy(document.data)
    entries = data.get("codes") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return None
    present = {entry.get("code") for entry in entries if isinstance(entry, dict)}
    book = codebook()
    added = []
    for code in dict.fromkeys(codes):
        if code in present or code not in book:
            continue
        entries.append({"code": code, "label": book[code].label, "quad_class": book[code].quad_class})
        added.append(code)
    if not added:
        return None
    return relative, writer.record_text(relative, data, "cameo", original=document), token, added
