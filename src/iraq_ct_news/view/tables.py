"""The record's items as tables and lists beside the text: every annotation with what it says,
whether it is placed, confirmed, and what the validator found about it.

The text shows where things are; these show every field, including items whose words could not
be found (those have no mark to hover), and they are what a keyboard user reaches by headings.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from typing import Any

from ..models import SPAN_LISTS
from ..models.edtf import Edtf, EdtfPoint
from ..reading.yamlreader import PathKey
from . import escape
from .annotations import Annotation, is_proposed
from .labels import PROPOSAL_NOTE, english
from .locate import PlacedFinding
from .marks import anchor_id
from .registry import Registry

E = escape.text

Columns = list[tuple[str, Callable[[dict[str, Any], Registry], str]]]


def _field(name: str) -> Callable[[dict[str, Any], Registry], str]:
    return lambda item, registry: E(escape.shown(item.get(name)))


#: Longest registry description a row shows (the registry is not the record: a long name repeated
#: on every row would multiply the page).
DESCRIPTION_LIMIT = 200


def bounded(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis saying it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe(registry: Registry, value: object) -> str:
    """A registry record named in a row, as escaped HTML, cut to :data:`DESCRIPTION_LIMIT`."""
    return E(bounded(registry.describe(value), DESCRIPTION_LIMIT))


def _entity(name: str) -> Callable[[dict[str, Any], Registry], str]:
    return lambda item, registry: describe(registry, item.get(name)) if item.get(name) is not None else "—"


def _parties(item: dict[str, Any], registry: Registry) -> str:
    """An amount's parties, each as its role and entity ('signatory: …'), the entity cut as
    :func:`describe` cuts every registry record a row names."""
    parties = item.get("parties")
    cells = [
        f"{E(escape.shown(party.get('role')))}: {describe(registry, party.get('entity'))}"
        for party in (parties if isinstance(parties, list) else [])
        if isinstance(party, dict)
    ]
    return "<br>".join(cells) or "—"


def _arabic_field(name: str) -> Callable[[dict[str, Any], Registry], str]:
    def cell(item: dict[str, Any], registry: Registry) -> str:
        value = item.get(name)
        return f'<bdi lang="ar" dir="rtl">{E(value)}</bdi>' if isinstance(value, str) else "—"

    return cell


def _number(name: str) -> Callable[[dict[str, Any], Registry], str]:
    def cell(item: dict[str, Any], registry: Registry) -> str:
        value = item.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}"
        return E(escape.shown(value))

    return cell


TABLES: dict[str, tuple[str, Columns]] = {
    "mentions": ("Mentions", [
        ("Entity", _entity("entity")),
        ("Title as stated", _arabic_field("title_as_stated")),
    ]),
    "quotes": ("Quotes", [
        ("Id", _field("id")),
        ("Speaker", _entity("speaker")),
        ("Delivery", _field("delivery")),
        ("Delivered by", _entity("delivered_by")),
        ("On behalf of", _entity("on_behalf_of")),
        ("Event", _field("event")),
    ]),
    "amounts": ("Amounts", [
        ("Value", _number("value")),
        ("Currency", _field("currency")),
        ("Kind", lambda item, registry: E(escape.shown(item.get("kind", "unstated")))),
        ("Provider", _entity("provider")),
        ("Recipient", _entity("recipient")),
        ("Parties", _parties),
        ("Purpose", lambda item, registry: E(english(item.get("purpose")))),
    ]),
    "resolutions": ("Resolutions", [("Symbol", _field("symbol"))]),
    "figures": ("Figures", [
        ("Value", _number("value")),
        ("Unit", lambda item, registry: E(english(item.get("unit")))),
    ]),
}


def human_date(value: object) -> str | None:
    """An EDTF date as a reader says it: ``../2018-02-15`` → "on or before 15 February 2018",
    ``2018-06-28/2018-06-29`` → "28 June 2018 to 29 June 2018"; None when it is not EDTF."""
    try:
        date = Edtf.parse(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return None
    start = _point(date.start) if date.start else None
    end = _point(date.end) if date.end else None
    if not date.is_interval:
        return start
    if start and end:
        return f"{start} to {end}"
    if end:
        return f"on or before {end}"
    if start:
        return f"on or after {start}"
    return "unknown"


def _point(point: EdtfPoint) -> str:
    month = calendar.month_name[point.month] if point.month else ""
    text = " ".join(str(part) for part in (point.day, month, point.year) if part)
    if point.uncertain:
        text += " (uncertain)"
    if point.approximate:
        text = "about " + text
    return text


def shown_date(value: object) -> str:
    """A date for the page: human-readable, with the EDTF as written in its tooltip, isolated
    from neighbouring Arabic text so that the two cannot reorder each other."""
    if value is None:
        return "—"
    human = human_date(value)
    if human is None:
        return f'<bdi class="date" dir="ltr">{E(escape.shown(value))}</bdi>'
    return (
        f'<bdi class="date" dir="ltr" title="EDTF {escape.attribute(str(value))}">'
        f"{E(human)}</bdi>"
    )


def status_cell(
    annotation: Annotation, by_path: dict[PathKey, list[PlacedFinding]], *, inline: bool = False
) -> str:
    """Confirmed or not, placed or not, and links to the item's findings."""
    notes: list[str] = []
    if annotation.proposed:
        notes.append(f'<span class="tag-proposed" title="{PROPOSAL_NOTE}">unconfirmed proposal</span>')
    resolution = annotation.resolution
    if resolution is not None and not resolution.found:
        notes.append(f'<span class="not-placed">not found in the {E(annotation.scope)}:'
                     f" {E(resolution.detail)}</span>")
    elif annotation.exact is None:
        notes.append('<span class="not-placed">no words given</span>')
    for item in by_path.get(annotation.path, []):
        severity = "error" if item.finding.is_error else "warning"
        notes.append(
            f'<a class="tag-{severity}" href="#{item.element_id}">{E(item.finding.code)}</a>'
        )
    if inline:
        return (" " + " ".join(notes)) if notes else ""
    return " ".join(notes) if notes else "ok"


def _words_cell(annotation: Annotation) -> str:
    if annotation.exact is None:
        return E(escape.shown(annotation.item.get("exact")))
    words = f'<bdi lang="ar" dir="rtl">{E(annotation.exact)}</bdi>'
    if annotation.placed and annotation.scope in ("body", "headline"):
        return f'<a href="#{anchor_id(annotation.key)}">{words}</a>'
    return words


def annotation_tables(
    data: dict[str, Any],
    annotations: list[Annotation],
    by_path: dict[PathKey, list[PlacedFinding]],
    registry: Registry,
) -> str:
    parts: list[str] = []
    for group in SPAN_LISTS:
        title, columns = TABLES[group]
        rows = [a for a in annotations if a.group == group]
        parts.append(f'<h2 id="table-{group}">{title} ({len(rows)})</h2>\n')
        if not rows:
            parts.append("<p>None.</p>\n")
            continue
        head = "".join(f'<th scope="col">{name}</th>' for name, _cell in columns)
        parts.append(
            f'<div class="scroll" role="region" tabindex="0" aria-labelledby="table-{group}">'
            f'<table>\n<thead><tr><th scope="col">#</th><th scope="col">Words</th>'
            f'<th scope="col">Scope</th>{head}<th scope="col">Status</th></tr></thead>\n<tbody>\n'
        )
        for annotation in rows:
            cells = "".join(
                f'<td data-label="{name}">{cell(annotation.item, registry)}</td>'
                for name, cell in columns
            )
            parts.append(
                f'<tr id="row-{annotation.key}"><th scope="row" data-label="#">'
                f'{annotation.path[1]}</th><td data-label="Words">{_words_cell(annotation)}</td>'
                f'<td data-label="Scope">{E(annotation.scope)}</td>{cells}'
                f'<td data-label="Status">{status_cell(annotation, by_path)}</td></tr>\n'
            )
        parts.append("</tbody>\n</table></div>\n")
    return "".join(parts)


def events_section(
    data: dict[str, Any],
    annotations: list[Annotation],
    by_path: dict[PathKey, list[PlacedFinding]],
    registry: Registry,
) -> str:
    events = data.get("events")
    events = events if isinstance(events, list) else []
    evidence = {a.path: a for a in annotations if a.group == "evidence"}
    parts = [f'<section id="events">\n<h2>Events ({len(events)})</h2>\n']
    if not events:
        parts.append("<p>None.</p>\n")
    else:
        parts.append("<ol>\n")
    for index, event in enumerate(events):
        if not isinstance(event, dict):
            parts.append(f'<li id="event-{index}">{E(escape.shown(event))}</li>\n')
            continue
        code = event.get("cameo")
        cameo_label = registry.cameo.get(code) if isinstance(code, str) else None
        cameo = (
            f"CAMEO <code>{E(escape.shown(code))}</code> "
            + (E(cameo_label) if cameo_label else '<span class="not-placed">not in cameo.yaml</span>')
        )
        actors = []
        for field, name in (("organizers", "Organisers"), ("participants", "Participants")):
            values = event.get(field)
            listed = (
                ", ".join(describe(registry, value) for value in values)
                if isinstance(values, list) else E(escape.shown(values))
            )
            actors.append(f"<dt>{name}</dt><dd>{listed or '—'}</dd>")
        date = f"{shown_date(event.get('date'))} ({E(escape.shown(event.get('date_basis')))})"
        date_evidence = evidence.get(("events", index, "date_evidence"))
        if date_evidence is not None and date_evidence.exact is not None:
            words = f'<bdi lang="ar" dir="rtl">{E(date_evidence.exact)}</bdi>'
            if date_evidence.placed:
                words = f'<a href="#{anchor_id(date_evidence.key)}">{words}</a>'
            date += (
                f'; <span id="row-{date_evidence.key}">evidence: {words}'
                f"{status_cell(date_evidence, by_path, inline=True)}</span>"
            )
        notes = []
        if is_proposed(event):
            notes.append('<span class="tag-proposed">unconfirmed proposal</span>')
        for item in by_path.get(("events", index), []):
            severity = "error" if item.finding.is_error else "warning"
            notes.append(
                f'<a class="tag-{severity}" href="#{item.element_id}">{E(item.finding.code)}</a>'
            )
        parts.append(
            f'<li id="event-{index}"><strong>{E(escape.shown(event.get("id")))}</strong>:'
            f" {E(escape.shown(event.get('kind')))}, {E(escape.shown(event.get('status', 'occurred')))}"
            f" {' '.join(notes)}<dl>"
            f"<dt>Interaction</dt><dd>{cameo}</dd>"
            f"<dt>Date</dt><dd>{date}</dd>"
            f"<dt>Place</dt><dd>{describe(registry, event.get('place')) if event.get('place') is not None else '—'}</dd>"
            f"{''.join(actors)}"
            f"<dt>Summary</dt><dd>{E(english(event.get('summary')))}</dd></dl></li>\n"
        )
    if events:
        parts.append("</ol>\n")
    parts.append("</section>\n")
    return "".join(parts)
