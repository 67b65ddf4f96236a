"""A seed's lines, and what a reading of them holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...core.errors import IraqCtNewsError
from ...core.limits import MAX_SEED_LINES
from ...core.normalization import nfc
from ...core.textutil import fold_whitespace

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Bullets and separators pages put in front of a line.
BULLETS = "♦•▪►◄●■□◆*·|-–— "


class ScaffoldError(IraqCtNewsError):
    """The seed or the repository's state forbids the scaffold (no text, a file exists, a seed
    changed); exit 1."""


@dataclass(frozen=True)
class SeedLine:
    """One non-empty line of a seed, NFC and whitespace-folded, with its 1-based line number.

    ``text`` may be part of the seed line only, when a dateline or an end mark was split off
    it; it always occurs in the line."""

    number: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split(" "))

    def part(self, text: str) -> SeedLine:
        """The same line, holding only ``text`` (a part of it)."""
        return replace(self, text=text)


@dataclass(frozen=True)
class LeftOut:
    """A seed line (or part of one) the scaffold did not put in the body, and why."""

    line: SeedLine
    reason: str


@dataclass(frozen=True)
class SeedReading:
    """What the heuristics make of a seed: the headline, the body, what was left out, and the
    source lines found on the way (``dateline``, ``credit``, ``byline``: verbatim parts)."""

    headline: SeedLine
    paragraphs: tuple[SeedLine, ...]
    left_out: tuple[LeftOut, ...]
    hints: tuple[str, ...]
    headline_repeated: bool = False
    source_lines: tuple[tuple[str, SeedLine], ...] = ()


def seed_lines(text: str) -> list[SeedLine]:
    """The non-empty lines of ``text`` (NFC, whitespace folded), numbered as an editor shows
    them: only LF, CRLF and CR end a line (not the form feeds and Unicode separators that
    ``str.splitlines`` also splits at)."""
    normalized = nfc(text)
    lines = []
    for number, raw in enumerate(_LINE_BREAK.split(normalized), start=1):
        folded = fold_whitespace(raw)
        if folded:
            lines.append(SeedLine(number, folded))
    return lines


def refuse_too_many_lines(name: str, text: str) -> None:
    """Refuse the seed ``seeds/NAME`` of text ``text`` when it has more than ``MAX_SEED_LINES``
    non-blank lines, naming the first line past the limit, before its lines are read one by
    one: each costs ``new`` some microseconds, and a record holds few of them."""
    count = 0
    for number, raw in enumerate(_LINE_BREAK.split(text), start=1):
        if raw and not raw.isspace():
            count += 1
            if count > MAX_SEED_LINES:
                raise ScaffoldError(
                    f"seeds/{name}:{number}: Y008 more than {MAX_SEED_LINES:,} non-blank lines; "
                    "a news page has a few hundred, so nothing was written (is the document's "
                    "line structure lost? a paragraph per line is needed)"
                )
