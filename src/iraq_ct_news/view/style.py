"""The one stylesheet of the review pages, inline in each page (no file, font or network).

Fonts are the reader's own: the Arabic text asks for common system fonts with Arabic glyphs and
falls back to the browser's default, so the page needs nothing it does not ship. Each kind of
mark differs by its line style as well as its colour, so the kinds stay apart without colour.
"""

from __future__ import annotations

import base64
import functools
import hashlib

from .palette import (
    BADGE_TEXT,
    FOCUS,
    LINK,
    MUTED_TEXT,
    PAGE_BACKGROUND,
    PAGE_TEXT,
    PANEL_BACKGROUND,
    PROPOSED,
    RULE,
    SWATCHES,
)

#: Line style of each kind of mark: how it is told apart without its colour. Dashes are kept
#: for unconfirmed proposals (an outline) and ids missing from the registries.
LINE_STYLES = {
    "person": "border-bottom: 0.14em solid",
    "organization": "border-bottom: 0.24em double",
    "place": "border-bottom: 0.16em dotted",
    "unknown-entity": "border-bottom: 0.14em dashed",
    "quote": "border-top: 0.12em solid; border-bottom: 0.12em solid",
    "amount": "border: 0.1em solid",
    "resolution": "border: 0.1em solid; border-bottom-width: 0.3em",
    "figure": "border: 0.12em dotted",
    "evidence": "border-bottom: 0.2em double",
}

ARABIC_FONTS = (
    '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "KacstOne", '
    '"DejaVu Sans", "Arial", sans-serif'
)
LATIN_FONTS = '"DejaVu Sans", "Liberation Sans", "Arial", sans-serif'


#: Narrow screens, last so that they override the rules above. Under 60rem the side panel
#: follows the text and scrolls with the page. Under 40rem (a phone) each table row becomes a
#: card of "column: value" lines (every cell carries its column's name in ``data-label``), so no
#: table sits in a scroll box narrower than itself and a quotation reads as a line, not a word
#: per line.
NARROW_RULES = (
    "@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); }"
    " aside { position: static; max-height: none; overflow: visible; } }",
    "@media (max-width: 40rem) { body { padding: 0.5rem 0.75rem 2rem; }"
    " .scroll { overflow: visible; }"
    " .scroll table, .scroll tbody, .scroll tr, .scroll td, .scroll tbody th"
    " { display: block; width: auto; }"
    " .scroll thead { position: absolute; width: 1px; height: 1px; overflow: hidden;"
    " clip-path: inset(50%); }"
    f" .scroll tr {{ border: 1px solid {RULE}; margin-bottom: 0.75rem; }}"
    " .scroll td, .scroll tbody th { border: none; border-top: 1px solid " + RULE + "; }"
    " .scroll tr > :first-child { border-top: none; }"
    " .scroll td::before, .scroll tbody th::before { content: attr(data-label);"
    f" display: block; direction: ltr; text-align: left; font: bold 0.8rem {LATIN_FONTS};"
    f" color: {MUTED_TEXT}; }} }}",
)


@functools.cache
def stylesheet() -> str:
    rules = [
        f"html {{ background: {PAGE_BACKGROUND}; color: {PAGE_TEXT}; font-family: {LATIN_FONTS};"
        " font-size: 100%; line-height: 1.5; }",
        "body { margin: 0 auto; max-width: 90rem; padding: 1rem 1.5rem 3rem; }",
        f"a {{ color: {LINK}; }}",
        f":focus-visible {{ outline: 0.2rem solid {FOCUS}; outline-offset: 0.1rem; }}",
        ".skip { position: absolute; left: -100rem; }",
        ".skip:focus { position: static; }",
        ".sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden;"
        " clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }",
        f".meta, .muted {{ color: {MUTED_TEXT}; }}",
        ".layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr);"
        " gap: 2rem; align-items: start; }",
        ".scroll { overflow-x: auto; margin-bottom: 1.5rem; }",
        f"[lang=ar] {{ font-family: {ARABIC_FONTS}; }}",
        ".arabic { font-size: 1.25rem; line-height: 2.1; }",
        ".arabic h2 { font-size: 1.6rem; line-height: 1.8; margin: 0 0 1rem; }",
        ".body { white-space: pre-wrap; overflow-wrap: anywhere; }",
        f"aside, .panel {{ background: {PANEL_BACKGROUND}; border: 1px solid {RULE};"
        " padding: 0 1rem 1rem; }",
        "aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; }",
        "h1 { font-size: 1.5rem; margin: 0.5rem 0; }",
        "h2 { font-size: 1.15rem; } h3 { font-size: 1rem; margin-bottom: 0.25rem; }",
        "table { border-collapse: collapse; width: 100%; }",
        f"th, td {{ border: 1px solid {RULE}; padding: 0.25rem 0.5rem; text-align: start;"
        " vertical-align: top; }",
        "td [lang=ar], dd [lang=ar], li [lang=ar] { font-size: 1.1rem; }",
        "dl { display: grid; grid-template-columns: max-content minmax(0, 1fr);"
        " gap: 0.25rem 1rem; } dt { font-weight: bold; } dd { margin: 0; }",
        "mark { position: relative; padding: 0 0.05em; border-radius: 0.15em;"
        " box-decoration-break: clone; -webkit-box-decoration-break: clone; }",
        "mark mark { padding: 0; }",
        ".cp { unicode-bidi: isolate; }",
        f'.cp::before {{ content: "[" attr(data-cp) "]"; font: 0.7rem {LATIN_FONTS};'
        f" color: {BADGE_TEXT}; background: {SWATCHES['error'].edge}; padding: 0 0.15em; }}",
        # The focus label: what a focused mark is, shown next to it (its title shows on hover).
        "mark:focus-visible { z-index: 2; }",
        "mark:focus-visible::after { content: attr(data-label); position: absolute;"
        " inset-block-start: 100%; inset-inline-start: 0; width: max-content;"
        " max-width: min(28rem, 80vw);"
        f" font: 0.85rem/1.4 {LATIN_FONTS}; color: {PAGE_TEXT}; background: {PAGE_BACKGROUND};"
        f" border: 0.15rem solid {FOCUS}; padding: 0.2rem 0.4rem; direction: ltr;"
        " unicode-bidi: isolate; white-space: normal; z-index: 3; }",
        f"mark.proposed, .sample.proposed {{ outline: 0.14em dashed {PROPOSED}; outline-offset: 0.05em; }}",
        f'mark.proposed::before {{ content: "?"; font: bold 0.7rem {LATIN_FONTS};'
        f" color: {BADGE_TEXT}; background: {PROPOSED}; border-radius: 0.5em;"
        " padding: 0 0.3em; margin-inline-end: 0.1em; vertical-align: super; }",
        f".tag-proposed {{ color: {BADGE_TEXT}; background: {PROPOSED}; }}",
        ".tag-proposed, .tag-error, .tag-warning { padding: 0 0.3em; border-radius: 0.2em;"
        " font-size: 0.85rem; white-space: nowrap; }",
        f"mark.has-error {{ text-decoration: underline wavy {SWATCHES['error'].edge};"
        " text-decoration-skip-ink: none; text-underline-offset: 0.35em; }",
        f"mark.has-warning {{ text-decoration: underline wavy {SWATCHES['warning'].edge};"
        " text-decoration-skip-ink: none; text-underline-offset: 0.35em; }",
        ".pin { text-decoration: none; font: bold 0.75rem/1 " + LATIN_FONTS + ";"
        " padding: 0.1em 0.3em; border-radius: 0.3em; vertical-align: super;"
        " unicode-bidi: isolate; }",
        '.pin::before { content: attr(data-code); }',
        "ol.findings { padding-inline-start: 1.5rem; } ol.findings li { margin-bottom: 0.4rem; }",
        ".legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }",
        ".sample { padding: 0 0.2em; }",
        ".not-placed { font-weight: bold; }",
        ".date { unicode-bidi: isolate; }",
        "code { overflow-wrap: anywhere; }",
    ]
    for kind, swatch in SWATCHES.items():
        if kind in ("error", "warning"):
            continue
        rules.append(
            f"mark.{kind}, .sample.{kind} {{ color: {swatch.text}; background: {swatch.background};"
            f" {LINE_STYLES[kind]}; border-color: {swatch.edge}; }}"
        )
    for severity in ("error", "warning"):
        swatch = SWATCHES[severity]
        rules.append(
            f".tag-{severity}, .pin.{severity} {{ color: {BADGE_TEXT}; background: {swatch.edge}; }}"
        )
        rules.append(
            f"li.{severity} {{ border-inline-start: 0.3rem solid {swatch.edge};"
            " padding-inline-start: 0.4rem; }"
        )
    rules.extend(NARROW_RULES)
    return "\n".join(rules) + "\n"


@functools.cache
def style_hash() -> str:
    """The stylesheet's CSP hash: the one style a page allows, so injected styles do nothing."""
    digest = hashlib.sha256(stylesheet().encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")
