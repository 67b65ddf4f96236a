"""Record text as HTML that can neither inject markup nor reorder what a reviewer sees.

A record is hostile input: its text can hold ``<script>``, quotes that end an attribute, or
bidirectional controls that make text display in another order than it is stored (the "Trojan
Source" trick the validator refuses as T003). Markup is escaped. An invisible character is kept
(so an element's text is still exactly the record's text) but wrapped in an element that
isolates it, so an override cannot reach past it, and that shows its code point beside it. A
character HTML cannot carry at all (a control or a lone surrogate) becomes U+FFFD, shown the
same way.
"""

from __future__ import annotations

import html
import unicodedata

from ..core.textutil import BIDI_CONTROLS, INVISIBLE

#: What stands in for a character an HTML document cannot contain.
REPLACEMENT = "\ufffd"
_KEPT_CONTROLS = frozenset("\n\t")


def _shown_separately(char: str) -> bool:
    if char in BIDI_CONTROLS or char in INVISIBLE:
        return True
    if char in _KEPT_CONTROLS:
        return False
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def _cannot_be_carried(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") and char not in _KEPT_CONTROLS


def code_point(char: str) -> str:
    """``U+202E``: how a character is named on the page."""
    return f"U+{ord(char):04X}"


def text(value: str) -> str:
    """``value`` as HTML text content: markup escaped, invisible characters made visible."""
    if value.isprintable():
        return html.escape(value, quote=False)
    parts: list[str] = []
    plain_start = 0
    for index, char in enumerate(value):
        if not _shown_separately(char):
            continue
        parts.append(html.escape(value[plain_start:index], quote=False))
        name = code_point(char)
        kept = REPLACEMENT if _cannot_be_carried(char) else char
        parts.append(f'<span class="cp" data-cp="{name}" title="{name}">{kept}</span>')
        plain_start = index + 1
    parts.append(html.escape(value[plain_start:], quote=False))
    return "".join(parts)


def attribute(value: str) -> str:
    """``value`` for a double-quoted attribute (a tooltip): escaped, and every invisible or
    control character written as its code point, since an attribute cannot isolate it."""
    if not value.isprintable():
        value = "".join(
            f"[{code_point(char)}]" if _shown_separately(char) else char for char in value
        )
    return html.escape(value, quote=True)


def shown(value: object) -> str:
    """A value of an unchecked record as plain text for the page (not yet escaped).

    A record that failed validation may hold a list where text belongs; it is shown rather than
    refused, so the reviewer sees what is there.
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    described = repr(value)
    return described if len(described) <= 200 else described[:199] + "…"
