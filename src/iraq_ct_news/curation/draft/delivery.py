"""The delivery cues of a body's quotations: each sentence read once for each kind of cue.

``draft`` reads a quotation's delivery (a statement, an interview, a video message …) from the
cue words in its own sentence up to it, else in the sentences naming its speaker, the last
first. Read afresh for each quotation, that cost quotations × sentence length, and quotations ×
the mentions of their speaker; here each is found once and asked by bisection.
"""

from __future__ import annotations

import bisect
import re

from .actors import Actor
from .positions import TextPositions
from .quotes import QuotedText, delivery_cue, delivery_cues

#: What tells one speaker from another (see :func:`speaker_identity`).
Identity = tuple[str, str | None]


class DeliveryCues:
    """The delivery cues of a body's sentences, each sentence read once for each kind of cue,
    and for each speaker the sentences naming them in order (a speaker named in every sentence
    of a body with a quote in each was read again for each quote: quadratic)."""

    def __init__(
        self,
        body: str,
        positions: TextPositions,
        actors: list[Actor],
        own_stretches: list[tuple[int, int]],
    ) -> None:
        # For each start of a quote's own stretch, the furthest any of them reaches: the first
        # match of each cue within it is found once, and answers every stretch it fits in.
        self._reach: dict[int, int] = {}
        for left, right in own_stretches:
            self._reach[left] = max(right, self._reach.get(left, right))
        self._first: dict[tuple[int, str], re.Match[str] | None] = {}
        self.body = body
        self.positions = positions
        people = [actor for actor in actors if actor.kind == "person"]
        self._people = people
        self._people_starts = [actor.start for actor in people]
        self._found: dict[tuple[int, int, bool], tuple[str, re.Match[str]] | None] = {}
        self._naming: dict[Identity, list[Actor]] = {}
        for actor in actors:
            self._naming.setdefault(speaker_identity(actor.entity, actor.name), []).append(actor)
        self._with_cue: dict[tuple[Identity, bool], tuple[list[int], list[Actor]]] = {}

    def first_person(self, low: int, high: int) -> Actor | None:
        """The first person named in ``[low, high)``."""
        first = bisect.bisect_left(self._people_starts, low)
        if first < len(self._people) and self._people_starts[first] < high:
            return self._people[first]
        return None

    def cue(self, left: int, right: int, in_person: bool) -> tuple[str, re.Match[str]] | None:
        """``delivery_cue(body[left:right])`` (the match's offsets are in the slice)."""
        key = (left, right, in_person)
        if key not in self._found:
            self._found[key] = delivery_cue(self.body[left:right], in_person=in_person)
        return self._found[key]

    def own_cue(self, left: int, right: int, in_person: bool) -> tuple[str, str, int] | None:
        """The cue of a quote's own stretch: its delivery, its words and where they end in the
        body. The first match of a cue from ``left`` within the furthest stretch from there is
        the match within ``[left, right)`` too when it ends by ``right`` (cutting the text
        shorter only takes matches away), and there is none when it starts at ``right`` or
        later; only a match that ``right`` cuts needs a search of its own."""
        for delivery, pattern in delivery_cues(in_person=in_person):
            key = (left, pattern.pattern)
            if key not in self._first:
                self._first[key] = pattern.search(self.body, left, self._reach.get(left, right))
            first = self._first[key]
            if first is None or first.start() >= right:
                continue
            match = first if first.end() <= right else pattern.search(self.body, left, right)
            if match is not None:
                return delivery, match.group(0), match.end()
        return None

    def latest_naming(self, speaker: Actor, before: int, in_person: bool) -> tuple[int, int] | None:
        """The sentence of the last actor before ``before`` that is ``speaker`` and whose
        sentence states a cue."""
        identity = speaker_identity(speaker.entity, speaker.name)
        key = (identity, in_person)
        if key not in self._with_cue:
            starts: list[int] = []
            actors: list[Actor] = []
            for actor in self._naming.get(identity, []):
                if self.cue(*self.positions.sentence_bounds(actor.start), in_person) is not None:
                    starts.append(actor.start)
                    actors.append(actor)
            self._with_cue[key] = (starts, actors)
        starts, actors = self._with_cue[key]
        index = bisect.bisect_left(starts, before)
        return self.positions.sentence_bounds(actors[index - 1].start) if index > 0 else None


def speaker_identity(entity: str | None, name: str | None) -> Identity:
    """What tells one speaker from another: the registry id, else the new name (an id decides
    when either has one)."""
    return ("entity", entity) if entity is not None else ("name", name)


def own_stretch(positions: TextPositions, quoted: QuotedText) -> tuple[int, int]:
    """The words from the quote's sentence (or window) start to the quote."""
    return min(positions.sentence_start(quoted.verb_start), quoted.window_start), quoted.start
