"""The comment block at the top of a scaffolded record: what to fill in, and every line
``iraq-ct-news new`` left out of the body, with its kind, for the contributor to confirm.

That block is the one place ``fmt`` keeps comments, so the file formats cleanly once filled in.
"""

from __future__ import annotations

import textwrap

from ..reading.seedpage.dates import DATE_LINE, HEADER_DATE
from ..reading.seedpage.lines import SeedReading
from ..store.formatting import LINE_WIDTH

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/article.schema.json"
#: Seed text quoted in the comment block is cut at this many characters.
_QUOTE_WIDTH = 80


def header_comments(seed: str, reading: SeedReading) -> list[str]:
    """The comment block: what to fill in, and what the heuristics ask the curator to confirm."""
    headline = reading.headline
    prose = [
        f"Scaffolded by `iraq-ct-news new` from seeds/{seed}. Replace every value whose first "
        "word is TODO (`iraq-ct-news validate` lists them; CONTRIBUTING.md explains each "
        "field), check the points below, then delete these comment lines (keep the first line).",
    ]
    items = [
        f"headline.ar is seed line {headline.number}, "
        + "the first line after the page header that reads like a headline"
        + (" (the page prints it again)." if reading.headline_repeated else "."),
    ]
    if reading.paragraphs:
        items.append(
            "body is seed lines " + _number_list([line.number for line in reading.paragraphs])
            + ", whitespace folded. Check it before running `iraq-ct-news draft`: what is "
            "left in the body is what draft reads."
        )
    for key, line in reading.source_lines:
        if key in ("dateline", "credit", "byline"):
            items.append(f"source.{key} is '{line.text}' (seed line {line.number}).")
    lines = [SCHEMA_LINE, *_wrapped(prose[0], "# ", "# ")]
    for item in items:
        lines.extend(_wrapped(item, "# - ", "#   "))
    if reading.left_out:
        lines.append("# - Left out of body as likely site chrome (put back any that is article text):")
        lines.extend(
            f"#   line {item.line.number}, {item.reason}: {_cut(item.line.text, _QUOTE_WIDTH)}"
            for item in reading.left_out
        )
    if any(item.reason in (DATE_LINE, HEADER_DATE) for item in reading.left_out):
        lines.extend(_wrapped(
            "A date line is evidence for published (scope: seed), unless it is the date at the "
            "top of the page, when the page was captured: that is source.captured. A last-updated "
            "stamp is neither.",
            "# - ", "#   ",
        ))
    for hint in reading.hints:
        lines.extend(_wrapped(hint, "# - ", "#   "))
    return [_comment_safe(line) for line in lines]


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    """``text`` as comment lines within the layout's line width (quoted text is never split)."""

    return textwrap.wrap(
        text, width=LINE_WIDTH, initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    )


def _number_list(numbers: list[int], limit: int = 30) -> str:
    shown = ", ".join(str(number) for number in numbers[:limit])
    return shown + (f" … ({len(numbers)} in all)" if len(numbers) > limit else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _comment_safe(line: str) -> str:
    """A comment line that displays as what it says and reads back unchanged: invisible,
    bidirectional and control characters (and the line separators YAML would break at) are
    written as ``\\uXXXX``."""
    return "".join(
        char if char.isprintable() or char == " " else f"\\u{ord(char):04x}" for char in line
    )


