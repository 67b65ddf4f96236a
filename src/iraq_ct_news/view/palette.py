"""The colours of the review pages, and the contrast arithmetic that proves they are readable.

Every colour the stylesheet uses is named here, so one unit test can hold every pair that meets
on the page to WCAG 2.x level AA: 4.5:1 for text on its background, 3:1 for the lines, outlines
and badges that carry meaning without being text (success criteria 1.4.3 and 1.4.11). Colour is
never the only signal: each kind of mark also has its own line style (see ``style.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

#: WCAG 2.x AA minimums.
TEXT_CONTRAST = 4.5
NON_TEXT_CONTRAST = 3.0

PAGE_BACKGROUND = "#ffffff"
PAGE_TEXT = "#1a1a1a"
MUTED_TEXT = "#4b5563"
LINK = "#1d4ed8"
PANEL_BACKGROUND = "#f8fafc"
RULE = "#767676"
FOCUS = "#000000"
PROPOSED = "#b45309"
BADGE_TEXT = "#ffffff"


@dataclass(frozen=True)
class Swatch:
    """How one kind of mark looks: its text on its background, and its line (``edge``)."""

    text: str
    background: str
    edge: str


#: One swatch per kind of mark, and for findings by severity.
SWATCHES: dict[str, Swatch] = {
    "person": Swatch("#0b1f44", "#dbeafe", "#1d4ed8"),
    "organization": Swatch("#052e16", "#dcfce7", "#15803d"),
    "place": Swatch("#3b2300", "#fef3c7", "#a15c07"),
    "unknown-entity": Swatch("#111827", "#e5e7eb", "#4b5563"),
    "quote": Swatch("#2e1065", "#f3e8ff", "#7e22ce"),
    "amount": Swatch("#4c0519", "#ffe4e6", "#be123c"),
    "resolution": Swatch("#082f49", "#e0f2fe", "#0369a1"),
    "figure": Swatch("#3b0764", "#fae8ff", "#a21caf"),
    "evidence": Swatch("#042f2e", "#ccfbf1", "#0f766e"),
    "error": Swatch("#7f1d1d", "#fee2e2", "#b91c1c"),
    "warning": Swatch("#422006", "#fef9c3", "#a16207"),
}


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour written ``#rrggbb``."""
    if len(colour) != 7 or not colour.startswith("#"):
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [
        value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
        for value in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.x contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_pairs() -> list[tuple[str, str, str]]:
    """Every (name, text colour, background) pair that shows text on the pages."""
    pairs = [
        ("page text", PAGE_TEXT, PAGE_BACKGROUND),
        ("page text on panel", PAGE_TEXT, PANEL_BACKGROUND),
        ("muted text", MUTED_TEXT, PAGE_BACKGROUND),
        ("muted text on panel", MUTED_TEXT, PANEL_BACKGROUND),
        ("link", LINK, PAGE_BACKGROUND),
        ("link on panel", LINK, PANEL_BACKGROUND),
        ("proposal badge", BADGE_TEXT, PROPOSED),
    ]
    for name, swatch in SWATCHES.items():
        pairs.append((f"{name} text", swatch.text, swatch.background))
        pairs.append((f"{name} badge", BADGE_TEXT, swatch.edge))
    return pairs


def non_text_pairs() -> list[tuple[str, str, str]]:
    """Every (name, line colour, colour beside it) pair of lines and outlines that mean something."""
    pairs = [
        ("focus outline on page", FOCUS, PAGE_BACKGROUND),
        ("proposal outline on page", PROPOSED, PAGE_BACKGROUND),
        ("table rules on page", RULE, PAGE_BACKGROUND),
    ]
    for name, swatch in SWATCHES.items():
        pairs.append((f"{name} line on its mark", swatch.edge, swatch.background))
        pairs.append((f"{name} line on page", swatch.edge, PAGE_BACKGROUND))
        pairs.append((f"focus outline on {name}", FOCUS, swatch.background))
        pairs.append((f"proposal outline on {name}", PROPOSED, swatch.background))
        for severity in ("error", "warning"):
            pairs.append((f"{severity} underline on {name}", SWATCHES[severity].edge,
                          swatch.background))
    return pairs
