"""Which stretches of one text are already claimed (by a date, an amount, a resolution).

Readers of a text claim its stretches one match at a time and skip a match that overlaps one
claimed before. Comparing each match with every claimed span made that quadratic in the number
of matches (a body of 3,000 dates took seconds); one mark per character answers each question
in the match's own length.
"""

from __future__ import annotations

from collections.abc import Iterable


class TakenSpans:
    """The claimed characters of a text of ``length`` characters.

    ``steps`` counts the characters looked at or marked, so that tests can hold the cost to the
    lengths of the spans asked about, whatever their number."""

    __slots__ = ("_claimed", "steps")

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._claimed = bytearray(length)
        self.steps = 0
        for start, end in spans:
            self.take(start, end)

    def free(self, start: int, end: int) -> bool:
        """Whether no character of the non-empty span ``[start, end)`` is claimed."""
        self.steps += max(0, end - start)
        return self._claimed.find(1, start, end) == -1

    def take(self, start: int, end: int) -> None:
        """Claim ``[start, end)``."""
        start, end = max(0, start), min(len(self._claimed), end)
        if start < end:
            self.steps += end - start
            self._claimed[start:end] = b"\x01" * (end - start)
