"""Finding an anchored span in its text (W3C TextQuoteSelector → TextPositionSelector).

A span is the ``exact`` words, optionally narrowed by the ``prefix`` just before them, the
``suffix`` just after them, and finally by ``occurrence`` (1-based) among what remains. It is
valid when exactly one place is left. Offsets are Python string indices (code points).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import AnchorFields, Article


@dataclass(frozen=True)
class SpanResolution:
    """Where a span is, or why it could not be placed (``problem`` is a rule code)."""

    start: int = -1
    end: int = -1
    problem: str | None = None
    detail: str = ""

    @property
    def found(self) -> bool:
        return self.problem is None


#: Above this many matches of a needle longer than ``_SHORT_NEEDLE``, the remaining matches are
#: found by one linear scan (:func:`_scan_matches`) rather than one ``str.find`` per match, each
#: of which costs the needle's length again (overlapping matches of a long periodic needle).
_MANY_MATCHES = 16
_SHORT_NEEDLE = 64


def find_all(text: str, exact: str, limit: int | None = None) -> list[int]:
    """Start offsets of ``exact`` in ``text`` (overlapping ones too), at most ``limit`` of them.

    Costs time linear in ``len(text) + len(exact)``, plus the matches found: ``str.find`` is
    linear for one search, and many overlapping matches of a long needle are found by a
    single linear scan instead of restarting a search at each.
    """
    starts: list[int] = []
    if not exact:
        return starts
    position = text.find(exact)
    while position != -1 and (limit is None or len(starts) < limit):
        starts.append(position)
        if len(starts) >= _MANY_MATCHES and len(exact) > _SHORT_NEEDLE:
            remaining = None if limit is None else limit - len(starts)
            starts.extend(_scan_matches(text, exact, position + 1, remaining))
            return starts
        position = text.find(exact, position + 1)
    return starts


def _scan_matches(text: str, needle: str, start: int, limit: int | None) -> list[int]:
    """Every match of ``needle`` in ``text`` from ``start`` (Knuth–Morris–Pratt: one pass over
    the text and one over the needle, whatever the overlaps)."""
    failure = [0] * len(needle)
    matched = 0
    for index in range(1, len(needle)):
        while matched and needle[index] != needle[matched]:
            matched = failure[matched - 1]
        if needle[index] == needle[matched]:
            matched += 1
        failure[index] = matched
    found: list[int] = []
    matched = 0
    for index in range(start, len(text)):
        char = text[index]
        while matched and char != needle[matched]:
            matched = failure[matched - 1]
        if char == needle[matched]:
            matched += 1
        if matched == len(needle):
            found.append(index - len(needle) + 1)
            if limit is not None and len(found) >= limit:
                break
            matched = failure[matched - 1]
    return found


def resolve_span(
    text: str,
    exact: str,
    prefix: str | None = None,
    suffix: str | None = None,
    occurrence: int | None = None,
    *,
    flexible_whitespace: bool = False,
) -> SpanResolution:
    """Place ``exact`` in ``text``.

    The search stops as soon as the answer is known (the requested occurrence, or a second
    match that makes the span ambiguous), so a record with thousands of spans over a long body
    costs thousands of short searches, not a list of every occurrence of every span.

    ``flexible_whitespace`` lets any run of whitespace in ``exact`` match any run in ``text``; it
    is used for seed text, which keeps the source's own spacing (non-breaking spaces, line ends).
    """
    wanted = occurrence if occurrence is not None else 2
    if flexible_whitespace:
        candidates = _find_flexible(text, exact, prefix, suffix, wanted)
    else:
        before = prefix or ""
        needle = before + exact + (suffix or "")
        candidates = [
            (start + len(before), start + len(before) + len(exact))
            for start in find_all(text, needle, wanted)
        ]
    if not candidates:
        if prefix is None and suffix is None or not _occurs(text, exact, flexible_whitespace):
            return SpanResolution(problem="P005", detail="the text does not contain it")
        return SpanResolution(
            problem="P005", detail="it occurs, but never with the given prefix/suffix"
        )
    if occurrence is not None:
        if len(candidates) < occurrence:
            return SpanResolution(
                problem="P005",
                detail=f"occurrence {occurrence} asked for, but it occurs {len(candidates)} time(s)",
            )
        start, end = candidates[occurrence - 1]
        return SpanResolution(start, end)
    if len(candidates) > 1:
        return SpanResolution(problem="P006", detail="it occurs more than once; pin one occurrence")
    start, end = candidates[0]
    return SpanResolution(start, end)


def _occurs(text: str, exact: str, flexible: bool) -> bool:
    return bool(_find_flexible(text, exact, None, None, 1)) if flexible else exact in text


@dataclass(frozen=True)
class _FoldedText:
    """A text with every whitespace run folded to one space, and the way back to its offsets.

    Made once per text (a seed is searched by every seed-scope span of its article), so that
    each span is a plain substring search in the folded text rather than a regular expression
    with a prefix and suffix test at every occurrence.
    """

    folded: str
    #: For each whitespace run of the original: the folded offset of the character after it,
    #: and the number of characters the folding dropped up to and including it (both
    #: increasing, for :func:`bisect`).
    folded_at: tuple[int, ...]
    dropped: tuple[int, ...]

    def original(self, offset: int) -> int:
        """The offset in the original text of the non-space character at folded ``offset``."""
        index = bisect.bisect_right(self.folded_at, offset) - 1
        return offset + (self.dropped[index] if index >= 0 else 0)


@functools.lru_cache(maxsize=8)
def _folded(text: str) -> _FoldedText:
    pieces: list[str] = []
    folded_at: list[int] = []
    dropped: list[int] = []
    total_dropped = 0
    length = 0
    previous_end = 0
    for run in _WHITESPACE_RUN.finditer(text):
        pieces.append(text[previous_end : run.start()])
        length += run.start() - previous_end
        leading = run.start() == 0
        trailing = run.end() == len(text)
        kept = 0 if leading or trailing else 1
        if kept:
            pieces.append(" ")
        total_dropped += (run.end() - run.start()) - kept
        length += kept
        folded_at.append(length)
        dropped.append(total_dropped)
        previous_end = run.end()
    pieces.append(text[previous_end:])
    return _FoldedText("".join(pieces), tuple(folded_at), tuple(dropped))


_WHITESPACE_RUN = re.compile(r"\s+")


def _find_flexible(
    text: str, exact: str, prefix: str | None, suffix: str | None, limit: int
) -> list[tuple[int, int]]:
    """Up to ``limit`` places of ``exact`` in ``text`` with whitespace runs matching any run,
    ``prefix`` just before and ``suffix`` just after (whitespace between them and ``exact``
    optional), as original offsets.

    Each combination of "with or without a space between" is one substring search of the
    folded text, so the cost is linear in the text and the span's length, however many times
    ``exact`` occurs without its prefix or suffix.
    """
    core = " ".join(exact.split())
    if not core:
        return []
    folded = _folded(text)
    before = " ".join(prefix.split()) if prefix else ""
    after = " ".join(suffix.split()) if suffix else ""
    found: set[int] = set()
    for head in {before, before + " "} if before else {""}:
        for tail in {after, " " + after} if after else {""}:
            needle = head + core + tail
            found.update(start + len(head) for start in find_all(folded.folded, needle, limit))
    spans = []
    for start in sorted(found)[:limit]:
        end = start + len(core) - 1
        spans.append((folded.original(start), folded.original(end) + 1))
    return spans


def scope_texts(article: Article, seed_text: str | None) -> dict[str, str]:
    """The texts an article's spans may point into, by scope name."""
    texts = {"body": article.body, "headline": article.headline.ar}
    if seed_text is not None:
        texts["seed"] = seed_text
    return texts


def resolve_anchor(anchor: AnchorFields, texts: dict[str, str]) -> SpanResolution:
    """Place one span of an article in the text its ``scope`` names."""
    scope: str = getattr(anchor, "scope", "body")
    text = texts.get(scope)
    if text is None:
        return SpanResolution(problem="P005", detail=f"the {scope} text is not available")
    return resolve_span(
        text,
        anchor.exact,
        anchor.prefix,
        anchor.suffix,
        anchor.occurrence,
        flexible_whitespace=scope == "seed",
    )
