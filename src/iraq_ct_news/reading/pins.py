"""The pin of a span: the shortest ``prefix`` or ``suffix`` (else ``occurrence``) that makes its
``exact`` words point at exactly one place, checked with the resolver the validator and the
build use, so a proposed pin can never resolve elsewhere."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .anchoring import SpanResolution, resolve_span
from .needle_search import Matches, find_matches

#: A prefix or suffix grows word by word up to this many words, within its paragraph.
MAX_CONTEXT_WORDS = 6
#: A span whose words occur more often than this in its text is pinned by ``occurrence`` at
#: once: telling its occurrences apart by context would compare each with every other (a body
#: repeating one name thousands of times made ``draft`` quadratic), and no news text names
#: one thing this often.
MAX_CONTEXT_OCCURRENCES = 64


@dataclass(frozen=True)
class Pin:
    prefix: str | None = None
    suffix: str | None = None
    occurrence: int | None = None


class _Occurrences:
    """Where each span text occurs in one text, found once per distinct span text: a draft
    pins every mention, date and amount it proposes, and many repeat the same words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._matches: dict[str, tuple[Matches, list[int], list[int]]] = {}

    def matches(self, exact: str) -> Matches:
        """The matches of ``exact``, as runs (a span that repeats is a few numbers, not a list
        of every place, however often it is asked about)."""
        return self._found(exact)[0]

    def count(self, exact: str) -> int:
        return self._found(exact)[2][-1]

    def index(self, exact: str, start: int) -> int:
        """Which match of ``exact`` (0-based) starts at ``start``: a bisection among its runs."""
        matches, firsts, before = self._found(exact)
        run = bisect.bisect_right(firsts, start) - 1
        first, step, _count = matches.runs[run]
        return before[run] + (start - first) // step

    def _found(self, exact: str) -> tuple[Matches, list[int], list[int]]:
        found = self._matches.get(exact)
        if found is None:
            matches = find_matches(self.text, exact)
            firsts = [first for first, _step, _count in matches.runs]
            before = list(itertools.accumulate((count for *_, count in matches.runs), initial=0))
            found = self._matches[exact] = (matches, firsts, before)
        return found


@functools.lru_cache(maxsize=4)
def _occurrences(text: str) -> _Occurrences:
    return _Occurrences(text)


def pin_for(text: str, start: int, end: int) -> Pin:
    """The pin that makes ``text[start:end]`` resolve to ``start`` and nothing else.

    The same answer as trying each prefix and suffix with the resolver the validator uses
    (``prefix + exact + suffix`` must occur once), computed from the occurrences of ``exact``,
    which are found once per text: a prefix resolves when no other occurrence has it before it,
    a suffix when none has it after it."""
    exact = text[start:end]
    occurrences = _occurrences(text)
    count = occurrences.count(exact)
    if count == 1:
        return Pin()
    if count <= MAX_CONTEXT_OCCURRENCES:
        starts = occurrences.matches(exact).starts()
        candidates: list[tuple[int, int, Pin]] = []
        for prefix in _prefixes(text, start):
            if _alone(starts, start, lambda other: _preceded(text, other, prefix)):
                candidates.append((len(prefix), 0, Pin(prefix=prefix)))
                break
        for suffix in _suffixes(text, end):
            if _alone(starts, start,
                      lambda other: text.startswith(suffix, other + len(exact))):  # noqa: B023
                candidates.append((len(suffix), 1, Pin(suffix=suffix)))
                break
        if candidates:
            return min(candidates, key=lambda item: (item[0], item[1]))[2]
    return Pin(occurrence=occurrences.index(exact, start) + 1)


def _preceded(text: str, start: int, prefix: str) -> bool:
    return start >= len(prefix) and text.startswith(prefix, start - len(prefix))


def _alone(starts: list[int], start: int, fits: Callable[[int], bool]) -> bool:
    """Whether no occurrence but the one at ``start`` has the context ``fits`` tests."""
    return not any(other != start and fits(other) for other in starts)


def _prefixes(text: str, start: int) -> list[str]:
    """Texts ending at ``start`` that begin at a word start, shortest first."""
    floor = text.rfind("\n", 0, start) + 1
    found: list[str] = []
    position: int | None = start
    for _ in range(MAX_CONTEXT_WORDS):
        position = _previous_word_start(text, position, floor) if position is not None else None
        if position is None:
            break
        found.append(text[position:start])
    return found


def _suffixes(text: str, end: int) -> list[str]:
    ceiling = text.find("\n", end)
    ceiling = len(text) if ceiling == -1 else ceiling
    found: list[str] = []
    position: int | None = end
    for _ in range(MAX_CONTEXT_WORDS):
        position = _next_word_end(text, position, ceiling) if position is not None else None
        if position is None:
            break
        found.append(text[end:position])
    return found


def _previous_word_start(text: str, position: int, floor: int) -> int | None:
    """The start of the word before ``position`` (a word glued to it included)."""
    if position <= floor:
        return None
    cursor = position
    while cursor > floor and text[cursor - 1].isspace():
        cursor -= 1
    while cursor > floor and not text[cursor - 1].isspace():
        cursor -= 1
    return cursor if cursor < position else None


def _next_word_end(text: str, position: int, ceiling: int) -> int | None:
    if position >= ceiling:
        return None
    cursor = position
    while cursor < ceiling and text[cursor].isspace():
        cursor += 1
    while cursor < ceiling and not text[cursor].isspace():
        cursor += 1
    return cursor if cursor > position else None


def resolve_written(
    anchor: Any, texts: Mapping[str, str]
) -> tuple[str, SpanResolution] | None:
    """Where a span a person wrote (``exact`` with its ``scope`` and pin, as a raw mapping not
    yet checked against the model) points in ``texts``: its scope and resolution, or None when
    it names no text. A pin field of the wrong shape counts as absent."""
    if not isinstance(anchor, dict) or not isinstance(anchor.get("exact"), str):
        return None
    scope = anchor.get("scope", "body")
    text = texts.get(scope) if isinstance(scope, str) else None
    if text is None:
        return None
    occurrence = anchor.get("occurrence")
    return scope, resolve_span(
        text, anchor["exact"],
        anchor.get("prefix") if isinstance(anchor.get("prefix"), str) else None,
        anchor.get("suffix") if isinstance(anchor.get("suffix"), str) else None,
        occurrence if isinstance(occurrence, int) and occurrence > 0 else None,
    )
