"""Where a needle occurs in a text, as runs of matches (the search under every span).

A span's ``exact`` (with its prefix and suffix) is a needle; placing occurrence k of it, or
telling that it occurs once, asks where it matches. :func:`find_matches` answers in time
linear in the text however many matches there are, and a text's searches for many matches of
one needle go on from where the last one stopped.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Matches:
    """Where a needle occurs, as runs ``(start, step, count)``: ``count`` matches at ``start``,
    ``start + step``, …, in increasing order, at most the ``limit`` that was asked for.

    A needle that repeats (a run of one letter, a repeated phrase) can match at every few
    characters of a long stretch of text; a run holds such a stretch in three numbers, so
    asking for occurrence 150,000 does not list 150,000 positions. ``totals`` holds how many
    matches the runs up to each one hold, so the count is one look-up and the n-th match one
    bisection; the runs may go on past ``limit`` (they are shared by every search of the same
    needle in the same text), and only the first ``limit`` matches count.
    """

    every: Sequence[tuple[int, int, int]]
    totals: Sequence[int]
    limit: int | None = None

    @property
    def count(self) -> int:
        total = self.totals[-1] if self.totals else 0
        return total if self.limit is None else min(total, self.limit)

    def nth(self, index: int) -> int:
        """The start of match ``index`` (0-based, ``index < count``)."""
        if not 0 <= index < self.count:
            raise IndexError(index)
        run = bisect.bisect_right(self.totals, index)
        start, step, _count = self.every[run]
        return start + (index - (self.totals[run - 1] if run else 0)) * step

    @property
    def runs(self) -> tuple[tuple[int, int, int], ...]:
        """The runs holding the first ``limit`` matches (the last one cut to fit)."""
        count = self.count
        if not count:
            return ()
        run = bisect.bisect_left(self.totals, count)
        start, step, _count = self.every[run]
        return (*self.every[:run], (start, step, count - (self.totals[run - 1] if run else 0)))

    def starts(self) -> list[int]:
        return [start + k * step for start, step, count in self.runs for k in range(count)]


#: A search for more matches than this goes on from where the last search of the same needle
#: in the same text stopped (see :class:`_Scan`): spans pinned by ``occurrence`` 1 to k
#: would otherwise each list the matches before their own, k² in all.
_SCANNED_LIMIT = 64


def find_matches(text: str, needle: str, limit: int | None = None) -> Matches:
    """The matches of ``needle`` in ``text`` (overlapping ones too), at most ``limit``.

    Time linear in ``len(text) + len(needle)`` times a logarithm, however many matches there
    are: ``str.find`` is linear, and when the next match follows within the needle's length
    (the needle repeats with that step), the stretch of text that keeps repeating with that
    step is measured at once (:func:`_repeating_end`) and all the matches in it counted. A
    search for many matches goes on from the matches of the same needle found before in the
    same text (each text's searches are kept while it is among the last few searched), so
    asking for occurrence 1, then 2, … then k searches the text once, not k times.
    """
    if limit is None:
        scan = _Scan(text, needle)
    elif limit <= _SCANNED_LIMIT:
        scan = _Scan(text, needle)
        scan.extend(limit)
        return scan.matches(limit)
    else:
        scans = _scans_of(text)
        scan = scans.get(needle) or scans.setdefault(needle, _Scan(text, needle))
    scan.extend(limit)
    return scan.matches(limit)


@functools.lru_cache(maxsize=8)
def _scans_of(text: str) -> dict[str, _Scan]:
    """The searches made so far in ``text``, by needle (for the last few texts searched: a
    validation places one article's spans, then the next's)."""
    return {}


class _Scan:
    """The matches of one needle in one text found so far, as runs with running totals, and
    where the search goes on: asked for more matches, it searches on from there. The lists
    only grow, so a :class:`Matches` made earlier from them keeps its answers."""

    __slots__ = ("_needle", "_position", "_text", "runs", "totals")

    def __init__(self, text: str, needle: str) -> None:
        self._text = text
        self._needle = needle
        self._position = text.find(needle) if needle else -1
        self.runs: list[tuple[int, int, int]] = []
        self.totals: list[int] = []

    def matches(self, limit: int | None) -> Matches:
        return Matches(self.runs, self.totals, limit)

    def extend(self, limit: int | None) -> None:
        """Search on until ``limit`` matches are found (all of them for None)."""
        text, needle, runs, totals = self._text, self._needle, self.runs, self.totals
        total = totals[-1] if totals else 0
        position = self._position
        while position != -1 and (limit is None or total < limit):
            following = text.find(needle, position + 1, position + 2 * len(needle))
            if following == -1 or following - position > len(needle):
                count, step = 1, 1
            else:
                # Two matches ``step`` apart with step <= len(needle): ``step`` is a period of
                # the needle, and the next match; every match up to where the text stops
                # repeating with that step is ``step`` further on, and there is none between.
                step = following - position
                # Only as far as the matches still wanted reach: two, usually.
                reach = None if limit is None else (limit - total - 1) * step + len(needle)
                end = _repeating_end(text, position, step, reach)
                count = (end - position - len(needle)) // step + 1
                if limit is not None:
                    count = min(count, limit - total)
            runs.append((position, step, count))
            total += count
            totals.append(total)
            position = text.find(needle, position + (count - 1) * step + 1)
        self._position = position


def _repeating_end(text: str, start: int, step: int, reach: int | None = None) -> int:
    """The end of the longest stretch from ``start`` in which ``text`` repeats every ``step``
    characters (``text[i] == text[i - step]``), looked for no further than ``reach``
    characters from ``start`` when given; found by doubling and halving the length compared,
    so its cost is the stretch's length times a logarithm, in C comparisons."""
    available = len(text) - start - step
    if reach is not None:
        available = min(available, max(0, reach - step))
    good, probe = 0, max(1, step)
    while probe <= available and text.startswith(text[start : start + probe], start + step):
        good, probe = probe, probe * 2
    bad = min(probe, available + 1)
    while bad - good > 1:
        middle = (good + bad) // 2
        if text.startswith(text[start : start + middle], start + step):
            good = middle
        else:
            bad = middle
    return start + step + good
