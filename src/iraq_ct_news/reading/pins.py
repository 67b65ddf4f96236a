"""The pin of a span: the shortest ``prefix`` or ``suffix`` (else ``occurrence``) that makes its
``exact`` words point at exactly one place, checked with the resolver the validator and the
build use, so a proposed pin can never resolve elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

from .anchoring import find_all, resolve_span

#: A prefix or suffix grows word by word up to this many words, within its paragraph.
MAX_CONTEXT_WORDS = 6


@dataclass(frozen=True)
class Pin:
    prefix: str | None = None
    suffix: str | None = None
    occurrence: int | None = None


def pin_for(text: str, start: int, end: int) -> Pin:
    """The pin that makes ``text[start:end]`` resolve to ``start`` and nothing else."""
    exact = text[start:end]
    starts = find_all(text, exact)
    if len(starts) == 1:
        return Pin()
    candidates: list[tuple[int, int, Pin]] = []
    for prefix in _prefixes(text, start):
        if _resolves(text, exact, start, Pin(prefix=prefix)):
            candidates.append((len(prefix), 0, Pin(prefix=prefix)))
            break
    for suffix in _suffixes(text, end):
        if _resolves(text, exact, start, Pin(suffix=suffix)):
            candidates.append((len(suffix), 1, Pin(suffix=suffix)))
            break
    if candidates:
        return min(candidates, key=lambda item: (item[0], item[1]))[2]
    return Pin(occurrence=starts.index(start) + 1)


def _resolves(text: str, exact: str, start: int, pin: Pin) -> bool:
    found = resolve_span(text, exact, pin.prefix, pin.suffix, pin.occurrence)
    return found.found and found.start == start


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
