"""Where a body's sentences and paragraphs end, found once per body and asked by bisection.

Scanning for sentence ends from the start of the text to the position asked about, and
searching on for the next sentence end or mark, once for each verb, quotation and name of a
body, made ``draft`` quadratic in a body of one long sentence or paragraph (thousands of
quotations: seconds). The answers here are the scans'
answers, at a bisection each.
"""

from __future__ import annotations

import bisect
import re

from ...reading.text import SENTENCE_END

#: Every place a paragraph break (a blank line) starts, overlapping ones too.
_PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")
#: Characters a sentence end made of marks is written with (``SENTENCE_END``'s first branch).
_END_MARKS = ".!?؟"


class TextPositions:
    """Sentence ends, paragraph breaks and chosen marks of one text."""

    def __init__(self, text: str, marks: str = "") -> None:
        self.text = text
        ends = list(SENTENCE_END.finditer(text))
        self._sentence_starts = [match.start() for match in ends]
        self._sentence_ends = [match.end() for match in ends]
        self._breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]
        self._marks = {mark: [at for at, char in enumerate(text) if char == mark] for mark in marks}

    def sentence_bounds(self, position: int) -> tuple[int, int]:
        """``reading.text.sentence_bounds(text, position)``: the last sentence end before
        ``position`` (one that ``position`` cuts short included) and the first from it."""
        return self.sentence_start(position), self.sentence_end(position)

    def sentence_start(self, position: int) -> int:
        if position > 0 and self.text[position - 1] in _END_MARKS:
            return position  # marks of end that ``position`` cuts short end a sentence there
        index = bisect.bisect_right(self._sentence_ends, position) - 1
        return self._sentence_ends[index] if index >= 0 else 0

    def sentence_end(self, position: int) -> int:
        """Where the first sentence end at or after ``position`` starts (else the text's end)."""
        if SENTENCE_END.match(self.text, position):
            return position
        index = bisect.bisect_left(self._sentence_starts, position)
        return self._sentence_starts[index] if index < len(self._sentence_starts) else len(self.text)

    def paragraph_bounds(self, position: int) -> tuple[int, int]:
        """``reading.text.paragraph_bounds(text, position)``."""
        index = bisect.bisect_right(self._breaks, position - 2) - 1
        start = self._breaks[index] + 2 if index >= 0 else 0
        index = bisect.bisect_left(self._breaks, position)
        return start, self._breaks[index] if index < len(self._breaks) else len(self.text)

    def find(self, mark: str, start: int, end: int) -> int:
        """``text.find(mark, start, end)`` for one of the ``marks`` given."""
        places = self._marks[mark]
        index = bisect.bisect_left(places, start)
        return places[index] if index < len(places) and places[index] < end else -1
