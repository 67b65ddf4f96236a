"""One article's review page: its Arabic text marked up, and everything the record says of it.

The page is one self-contained file: inline CSS allowed by its hash, a Content Security Policy
that forbids scripts, fetches, fonts and frames (so even a record that got past escaping could
load nothing), and no JavaScript — links and focusable marks are the whole interaction.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.findings import Finding
from ..reading.yamlreader import Document, PathKey
from . import escape
from .annotations import (
    Annotation,
    collect,
    is_proposed,
    mapping,
    scope_texts,
)
from .labels import PROPOSAL_NOTE, css_kind, english, label
from .locate import PlacedFinding, locate_all
from .marks import Mark, Pin, anchor_id, render
from .registry import Registry
from .style import style_hash, stylesheet
from .tables import annotation_tables, bounded, describe, events_section, shown_date, status_cell

E = escape.text
A = escape.attribute


@dataclass
class ArticleSource:
    """An article file as the page needs it: what was read, and what the validator found."""

    display_path: str
    """The file as findings name it."""
    page_name: str
    """File name of the page, e.g. ``some-article.html``."""
    data: dict[str, Any] | None
    """The record as written (None when the file could not be read as YAML)."""
    document: Document | None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class PageSummary:
    """What the index lists for a page."""

    page_name: str
    display_path: str
    record_id: str
    headline_ar: str
    headline_en: str
    errors: int
    warnings: int
    proposals: int
    annotations: int


def content_security_policy() -> str:
    return (
        "default-src 'none'; img-src 'none'; font-src 'none'; script-src 'none'; "
        f"style-src '{style_hash()}'; base-uri 'none'; form-action 'none'"
    )


def document_head(title: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{E(title)}</title>\n<style>{stylesheet()}</style>\n</head>\n"
    )


def render_article(source: ArticleSource, registry: Registry) -> tuple[str, PageSummary]:
    """The page's HTML, and the summary the index shows."""
    data = source.data if source.data is not None else {}
    annotations = collect(data)
    placed = [
        PlacedFinding(number, finding, target)
        for number, (finding, target) in enumerate(
            zip(
                source.findings,
                locate_all(source.findings, source.document, [a.path for a in annotations]),
                strict=True,
            ),
            start=1,
        )
    ]
    by_path: dict[PathKey, list[PlacedFinding]] = {}
    for item in placed:
        by_path.setdefault(item.target.path, []).append(item)

    texts = scope_texts(data)
    marks: dict[str, list[Mark]] = {scope: [] for scope in texts}
    descriptions: list[str] = []
    for annotation in annotations:
        if not annotation.placed or annotation.scope not in marks:
            continue
        assert annotation.resolution is not None
        own = by_path.get(annotation.path, [])
        text = label(annotation, registry, data)
        if own:
            text += "; findings: " + "; ".join(
                f"{p.finding.code} {p.finding.message}" for p in own
            )
        text = bounded(text, LABEL_LIMIT)
        classes = [css_kind(annotation, registry)]
        if annotation.proposed:
            classes.append("proposed")
        if own:
            classes.append("has-error" if any(p.finding.is_error for p in own) else "has-warning")
        description = f"d-{annotation.key}"
        descriptions.append(f'<span id="{description}">{E(text)}</span>')
        marks[annotation.scope].append(
            Mark(annotation.resolution.start, annotation.resolution.end, annotation.key,
                 annotation.rank, " ".join(classes), text, description)
        )
    pins: dict[str, list[Pin]] = {scope: [] for scope in texts}
    for item in placed:
        if item.target.kind == "text" and item.target.scope in pins:
            text = texts[item.target.scope]
            pins[item.target.scope].append(Pin(after_word(text, item.target.offset), _pin(item)))

    record_id = escape.shown(data.get("id")) if data.get("id") is not None else source.display_path
    headline_en = mapping(data.get("headline")).get("en")
    headline_en = headline_en if isinstance(headline_en, str) else ""
    headline_ar = texts.get("headline", "")
    errors = sum(1 for item in placed if item.finding.is_error)
    proposals = sum(1 for annotation in annotations if annotation.proposed) + sum(
        1 for event in _list(data.get("events")) if is_proposed(event)
    )
    summary = PageSummary(
        source.page_name, source.display_path, record_id, headline_ar, headline_en,
        errors, len(placed) - errors, proposals, len(annotations),
    )

    parts = [document_head(f"{headline_en or record_id} — review")]
    parts.append("<body>\n")
    parts.append('<a class="skip" href="#text">Skip to the Arabic text</a>\n')
    parts.append('<header>\n<nav><a href="index.html">All articles</a></nav>\n')
    parts.append(f'<h1 lang="en" dir="ltr">{E(headline_en or record_id)}</h1>\n')
    parts.append(
        f'<p class="meta">{E(source.display_path)} · id <code>{E(record_id)}</code>'
        f" · revision {E(escape.shown(data.get('revision')))}"
        f" · status {E(escape.shown(data.get('status')))}"
        f" · {errors} error(s), {len(placed) - errors} warning(s)"
        f" · {proposals} unconfirmed proposal(s)</p>\n</header>\n"
    )
    parts.append('<main class="layout">\n')
    parts.append('<article class="arabic" id="text" aria-labelledby="headline">\n')
    if "headline" in texts:
        parts.append(
            f'<h2 id="headline" dir="rtl" lang="ar">'
            f"{render(texts['headline'], marks['headline'], pins['headline'])}</h2>\n"
        )
    else:
        parts.append('<h2 id="headline" class="muted">(no Arabic headline)</h2>\n')
    if "body" in texts:
        parts.append(
            f'<div class="body" id="body" dir="rtl" lang="ar">'
            f"{render(texts['body'], marks['body'], pins['body'])}</div>\n"
        )
    else:
        parts.append('<p class="muted" id="body">(the record holds no body text)</p>\n')
    parts.append("</article>\n")

    parts.append('<aside lang="en" dir="ltr" aria-label="Record">\n')
    parts.append(_findings_section(placed, {a.path: a for a in annotations}))
    parts.append(_english_section(data, headline_en))
    parts.append(_publication_section(data, annotations, by_path, registry))
    parts.append(events_section(data, annotations, by_path, registry))
    parts.append(_legend())
    parts.append("</aside>\n</main>\n")
    parts.append('<section class="panel" lang="en" dir="ltr" aria-label="Annotations">\n')
    parts.append(annotation_tables(data, annotations, by_path, registry))
    parts.append("</section>\n")
    parts.append('<div class="sr-only">\n' + "\n".join(descriptions) + "\n</div>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts), summary


#: Longest label a mark carries (its tooltip, focus label and screen-reader text): a label names
#: registry records, which are not part of the article, so without a bound a long name repeated
#: on every mention would multiply the page.
LABEL_LIMIT = 400


def after_word(text: str, offset: int) -> int:
    """``offset`` moved to the end of the word it falls inside, so that a finding's badge never
    splits a word (Arabic letters on either side of it would lose their joining). Invisible
    format characters (ZWNJ, ZWJ) between letters belong to the word; a badge between a word
    and a space, or at an invisible character that ends a word, stays where it is."""
    offset = min(max(offset, 0), len(text))
    before = offset - 1
    while before >= 0 and _is_format(text[before]):
        before -= 1
    after = offset
    while after < len(text) and _is_format(text[after]):
        after += 1
    if before < 0 or after >= len(text) or not (_in_word(text[before]) and _in_word(text[after])):
        return offset
    while after < len(text) and (_in_word(text[after]) or _is_format(text[after])):
        after += 1
    return after


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in ("Mn", "Mc", "Pc") or char == "\u0640"


def _is_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _pin(item: PlacedFinding) -> str:
    severity = "error" if item.finding.is_error else "warning"
    text = f"{severity} {item.finding.code}: {item.finding.message}"
    return (
        f'<a class="pin {severity}" id="{item.pin_id}" href="#{item.element_id}"'
        f' data-code="{A(item.finding.code)}" aria-label="{A(text)}" title="{A(text)}"></a>'
    )


def target_link(item: PlacedFinding, annotations: dict[PathKey, Annotation]) -> str:
    """Where a finding's entry in the list leads: the marked words, the row, the character."""
    target = item.target
    if target.kind == "annotation":
        annotation = annotations[target.path]
        if annotation.placed and annotation.scope in ("body", "headline"):
            return f'<a href="#{anchor_id(annotation.key)}">show the words</a>'
        return f'<a href="#row-{annotation.key}">show the item</a>'
    if target.kind == "text":
        return f'<a href="#{item.pin_id}">show the place in the text</a>'
    if target.kind == "event":
        return f'<a href="#event-{target.path[1]}">show the event</a>'
    if target.kind == "field" and target.path:
        section = {
            "headline": "english", "summary": "english", "source": "publication",
            "published": "publication", "published_basis": "publication",
            "published_evidence": "publication", "events": "events",
        }.get(str(target.path[0]))
        where = E(_dotted(target.path))
        return f'<a href="#{section}">{where}</a>' if section else f"at {where}"
    return "the whole file"


def _dotted(path: Sequence[object]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _findings_section(placed: list[PlacedFinding], annotations: dict[PathKey, Annotation]) -> str:
    parts = [f'<section id="findings">\n<h2>Validation findings ({len(placed)})</h2>\n']
    if not placed:
        parts.append("<p>None: the validator accepts this record.</p>\n")
    else:
        parts.append('<ol class="findings">\n')
        for item in placed:
            finding = item.finding
            severity = "error" if finding.is_error else "warning"
            parts.append(
                f'<li id="{item.element_id}" class="{severity}">'
                f'<span class="tag-{severity}">{severity}</span> <code>{E(finding.code)}</code>'
                f" line {finding.line}, column {finding.column}: {E(finding.message)}"
                f" — {target_link(item, annotations)}</li>\n"
            )
        parts.append("</ol>\n")
    parts.append("</section>\n")
    return "".join(parts)


def _english_section(data: dict[str, Any], headline_en: str) -> str:
    summary_en = english(data.get("summary"))
    return (
        '<section id="english">\n<h2>English</h2>\n'
        f"<h3>Headline</h3>\n<p>{E(headline_en) or '—'}</p>\n"
        f"<h3>Summary</h3>\n<p>{E(summary_en)}</p>\n</section>\n"
    )


def _publication_section(
    data: dict[str, Any],
    annotations: list[Annotation],
    by_path: dict[PathKey, list[PlacedFinding]],
    registry: Registry,
) -> str:
    evidence = {a.path: a for a in annotations if a.group == "evidence"}
    source = mapping(data.get("source"))
    rows = [
        ("Published", f"{shown_date(data.get('published'))}"
         f" ({E(escape.shown(data.get('published_basis')))})"
         + _evidence(evidence.get(("published_evidence",)), registry, data, by_path)),
        ("Publisher", describe(registry, source.get("publisher"))),
    ]
    for name in ("byline", "dateline", "rights"):
        value = source.get(name)
        rows.append((name.capitalize(), _arabic(value) if isinstance(value, str) else "—"))
    url = source.get("url")
    rows.append(("URL", f"<code>{E(url)}</code>" if isinstance(url, str) else "—"))
    rows.append((
        "Captured",
        shown_date(source.get("captured"))
        + _evidence(evidence.get(("source", "captured_evidence")), registry, data, by_path),
    ))
    themes = data.get("themes")
    if isinstance(themes, list):
        rows.append(("Themes", E(", ".join(escape.shown(theme) for theme in themes)) or "—"))
    body = "".join(f"<dt>{name}</dt><dd>{value}</dd>\n" for name, value in rows)
    return f'<section id="publication">\n<h2>Publication</h2>\n<dl>\n{body}</dl>\n</section>\n'


def _arabic(value: str) -> str:
    return f'<bdi lang="ar" dir="rtl">{E(value)}</bdi>'


def _evidence(
    annotation: Annotation | None,
    registry: Registry,
    data: dict[str, Any],
    by_path: dict[PathKey, list[PlacedFinding]],
) -> str:
    """The words a date rests on: a link to them in the text, or, from the seed page, shown."""
    if annotation is None:
        return ""
    return f'<br><span id="row-{annotation.key}">{_evidence_words(annotation, registry, data, by_path)}</span>'


def _evidence_words(
    annotation: Annotation,
    registry: Registry,
    data: dict[str, Any],
    by_path: dict[PathKey, list[PlacedFinding]],
) -> str:
    if annotation.scope == "seed" and annotation.exact is not None:
        text = label(annotation, registry, data)
        classes = "evidence proposed" if annotation.proposed else "evidence"
        return (
            f'from the seed page: <mark id="{anchor_id(annotation.key)}" class="{classes}"'
            f' data-ann="{annotation.key}" tabindex="0" lang="ar" dir="rtl" title="{A(text)}"'
            f' data-label="{A(text)}">{E(annotation.exact)}</mark>'
            + status_cell(annotation, by_path, inline=True)
        )
    if annotation.placed:
        return (
            f'evidence: <a href="#{anchor_id(annotation.key)}">'
            f"{_arabic(annotation.exact or '')}</a>" + status_cell(annotation, by_path, inline=True)
        )
    return f"evidence: {_arabic(annotation.exact or '')}" + status_cell(
        annotation, by_path, inline=True
    )


def _legend() -> str:
    samples = [
        ("person", "person"), ("organization", "organisation"), ("place", "place"),
        ("unknown-entity", "not in the registries"), ("quote", "quote"), ("amount", "amount"),
        ("resolution", "resolution"), ("figure", "figure"), ("evidence", "date evidence"),
    ]
    items = "".join(f'<li><span class="sample {kind}">{name}</span></li>' for kind, name in samples)
    return (
        '<section id="legend">\n<h2>Legend</h2>\n<ul class="legend">'
        f"{items}<li><span class=\"sample proposed\">{PROPOSAL_NOTE}</span></li></ul>\n"
        "<p>Tab moves through the marked words; each shows what it is when focused or hovered."
        "</p>\n</section>\n"
    )


__all__ = ["ArticleSource", "PageSummary", "document_head", "render_article"]
