"""Does a text occur in a long text? Asked many times against the same one (every paragraph
of a body, the headline and the printed source details against the article's seed).
"""

from __future__ import annotations

import functools


class TextIndex:
    """Answers "does ``query`` occur in the text?" for many queries against one long text
    (every paragraph of a body against its seed), each in time about linear in the query.

    One ``query in text`` scans the text, so a body of thousands of paragraphs against a 1 MiB
    seed would scan it thousands of times. Instead, the text's ``_GRAM``-character pieces at
    every multiple of ``_GRAM`` are indexed once. Any occurrence of a query of at least twice
    that length covers such pieces at one offset class, so each class's rarest piece gives the
    only places worth comparing; a query with a character the text lacks, or a piece it lacks
    in every class, is answered without looking further. Short queries, and queries whose
    pieces are all very common, fall back to one scan.

    The index is built only once plain scans have read ``scan_budget`` characters of the text
    (1 MiB by default): a seed of a few kilobytes is scanned for its few paragraphs faster than
    its index and its set of characters could be built, and a large seed asked many times still
    costs at most that much scanning before the index answers.
    """

    def __init__(self, text: str, scan_budget: int = 1 << 20) -> None:
        self.text = text
        self._characters: frozenset[str] | None = None
        self._pieces: dict[str, list[int]] | None = None
        self._answers: dict[str, bool] = {}
        self.scan_budget = scan_budget
        """Characters that plain scans of the text may still read before the index is built."""

    @property
    def characters(self) -> frozenset[str]:
        """Every character the text has (made when the index is first needed)."""
        if self._characters is None:
            self._characters = frozenset(self.text)
        return self._characters

    def __contains__(self, query: object) -> bool:
        if not isinstance(query, str):
            return False
        known = self._answers.get(query)
        if known is None:
            known = self._answers[query] = self._occurs(query)
        return known

    def _occurs(self, query: str) -> bool:
        if self._pieces is None and self.scan_budget >= len(self.text):
            self.scan_budget -= len(self.text)
            return query in self.text
        if not self.characters.issuperset(query):
            return False
        if len(query) < 2 * _GRAM:
            return query in self.text
        pieces = self._index()
        compared = 0
        for shift in range(_GRAM):
            rarest: tuple[int, int] | None = None  # (how many places, offset in the query)
            for offset in range(shift, len(query) - _GRAM + 1, _GRAM):
                places = pieces.get(query[offset : offset + _GRAM])
                if places is None:
                    rarest = None
                    break
                if rarest is None or len(places) < rarest[0]:
                    rarest = (len(places), offset)
            if rarest is None:
                continue  # a piece of this class occurs nowhere: no occurrence here
            offset = rarest[1]
            for place in pieces[query[offset : offset + _GRAM]]:
                compared += 1
                if compared > _COMPARE_BUDGET:
                    return query in self.text
                if self.text.startswith(query, place - offset):
                    return True
        return False

    def _index(self) -> dict[str, list[int]]:
        if self._pieces is None:
            pieces: dict[str, list[int]] = {}
            text = self.text
            for place in range(0, len(text) - _GRAM + 1, _GRAM):
                pieces.setdefault(text[place : place + _GRAM], []).append(place)
            self._pieces = pieces
        return self._pieces


#: Length of the indexed pieces of a :class:`TextIndex`, and how many places it compares for
#: one query before one scan of the text is cheaper.
_GRAM = 16
_COMPARE_BUDGET = 256


@functools.lru_cache(maxsize=4)
def text_index(text: str) -> TextIndex:
    """The :class:`TextIndex` of ``text``, shared by every check of one seed."""
    return TextIndex(text)
