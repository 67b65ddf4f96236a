"""A text with its whitespace folded, and the way back to the original offsets.

Spans in a seed are searched in the seed's folded text (every whitespace run one space, as
``textutil.fold_whitespace`` makes it) and placed in the original; the seed's reader and the
span search share one folded copy of each seed.
"""

from __future__ import annotations

import bisect
import functools
import re
from array import array

from ..core.textutil import fold_whitespace


class FoldedText:
    """A text with every whitespace run folded to one space, and the way back to its offsets.

    Made once per text (a seed is searched by every seed-scope span of its article), so that
    each span is a plain substring search in the folded text rather than a regular expression
    with a prefix and suffix test at every occurrence. The way back is kept only for the
    whitespace that folding changed (line ends, runs, non-breaking spaces), which is found by
    regular expressions whose classes are bitmaps: a seed has a few dozen such places among
    thousands of single spaces, so mapping offsets back costs little more than one scan.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold_whitespace(text)

    @functools.cached_property
    def characters(self) -> frozenset[str]:
        """The characters of the folded text (made only for the slow path of a search)."""
        return frozenset(self.folded)

    @functools.cached_property
    def _shifts(self) -> tuple[array[int], array[int]]:
        """Where folding changed the text: for each changed whitespace run, in order, the folded
        offset of what follows it, and (one longer, from 0) how far the original text is ahead
        of the folded one after each run. The runs are found by two scans in C whose patterns
        open with a bitmap class or a literal, so the scan skips ordinary text; only the changed
        runs take a Python step, and each space is looked at once."""
        text = self.text
        runs: list[tuple[int, int]] = []
        for match in _UNUSUAL_WHITESPACE.finditer(text):
            start = match.start()
            while start and text[start - 1] == " ":  # the spaces before it belong to its run
                start -= 1
            runs.append((start, match.end()))
        for match in _SPACES.finditer(text):
            start, end = match.span()
            if not (start and text[start - 1].isspace()) and not text[end : end + 1].isspace():
                runs.append((start, end))  # a run of plain spaces alone
        if text[:1] == " " and not text[1:2].isspace():
            runs.append((0, 1))  # one leading space: folding drops it, as it drops a run
        runs.sort()
        # Machine integers, not a Python int each: a seed of a million line ends keeps 16 MB of
        # offsets, not 48.
        breaks = array("q")
        shifts = array("q", [0])
        for start, end in runs:
            # A run between words becomes one space; a run at the start disappears.
            shift = shifts[-1] + end - start - (start != 0)
            shifts.append(shift)
            breaks.append(end - shift)
        return breaks, shifts

    def original(self, offset: int) -> int:
        """The offset in the original text of the non-space character at folded ``offset``."""
        breaks, shifts = self._shifts
        return offset + shifts[bisect.bisect_right(breaks, offset)]


@functools.lru_cache(maxsize=8)
def folded_text(text: str) -> FoldedText:
    """The :class:`FoldedText` of ``text``; the last few are kept, as a seed is folded when it
    is read and searched by its article's spans right after."""
    return FoldedText(text)


def folded_for_search(text: str) -> str:
    """``text`` with every whitespace run as one space (``textutil.fold_whitespace``), kept
    with the way back to its offsets for the spans searched in it next: a seed is folded when
    it is read, and its article's seed-scope spans then search the same folded text."""
    return folded_text(text).folded


#: A whitespace run from a character other than the plain space (a line end, a tab, a
#: non-breaking space...), and a run of two or more plain spaces: the places folding changes.
_UNUSUAL_WHITESPACE = re.compile(
    "[" + re.escape("".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " "))
    + r"]\s*"
)
_SPACES = re.compile("  +")
