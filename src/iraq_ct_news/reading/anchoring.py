"""Finding an anchored span in its text (W3C TextQuoteSelector → TextPositionSelector).

A span is the ``exact`` words, optionally narrowed by the ``prefix`` just before them, the
``suffix`` just after them, and finally by ``occurrence`` (1-based) among what remains. It is
valid when exactly one place is left. Offsets are Python string indices (code points).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .folded_text import folded_text
from .needle_search import find_matches

if TYPE_CHECKING:
    from ..models import AnchorFields, Article


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
    match that makes the span ambiguous), and costs time about linear in the text and the
    span whatever their content (see :func:`find_matches` and :func:`_find_flexible`).

    ``flexible_whitespace`` lets any run of whitespace in ``exact`` match any run in ``text``; it
    is used for seed text, which keeps the source's own spacing (non-breaking spaces, line ends).
    """
    if not flexible_whitespace:
        found = _by_a_few_searches(text, exact, prefix or "", suffix or "", occurrence)
        if found is not None:
            return found
    wanted = occurrence if occurrence is not None else 2
    if flexible_whitespace:
        count, place = _find_flexible(text, exact, prefix, suffix, wanted)
    else:
        before = prefix or ""
        matches = find_matches(text, before + exact + (suffix or ""), wanted)
        count = matches.count

        def place(index: int) -> tuple[int, int]:
            start = matches.nth(index) + len(before)
            return start, start + len(exact)

    if not count:
        if prefix is None and suffix is None or not _occurs(text, exact, flexible_whitespace):
            return SpanResolution(problem="P005", detail="the text does not contain it")
        return SpanResolution(
            problem="P005", detail="it occurs, but never with the given prefix/suffix"
        )
    if occurrence is not None:
        if count < occurrence:
            return SpanResolution(
                problem="P005",
                detail=f"occurrence {occurrence} asked for, but it occurs {count} time(s)",
            )
        start, end = place(occurrence - 1)
        return SpanResolution(start, end)
    if count > 1:
        return SpanResolution(problem="P006", detail="it occurs more than once; pin one occurrence")
    start, end = place(0)
    return SpanResolution(start, end)


#: Occurrences counted by plain searches before :func:`find_matches` takes over (it counts a
#: needle that repeats through a long stretch in runs, not one search per match).
_FEW_OCCURRENCES = 8


def _by_a_few_searches(
    text: str, exact: str, before: str, after: str, occurrence: int | None
) -> SpanResolution | None:
    """The common cases of :func:`resolve_span` outside seeds, decided by a few string
    searches: the span with its context occurring exactly once, or the ``occurrence``-th of a
    few. None for anything else (no match, more than one with no occurrence, a far
    occurrence), which the general search decides and explains. A validation places some
    twenty spans an article, most of them so."""
    needle = before + exact + after
    start = text.find(needle)
    if start == -1:
        return None
    if occurrence is None:
        if text.find(needle, start + 1) != -1:
            return None
    elif occurrence <= _FEW_OCCURRENCES:
        for _ in range(occurrence - 1):
            start = text.find(needle, start + 1)
            if start == -1:
                return None
    else:
        return None
    start += len(before)
    return SpanResolution(start, start + len(exact))


def _occurs(text: str, exact: str, flexible: bool) -> bool:
    return _find_flexible(text, exact, None, None, 1)[0] > 0 if flexible else exact in text


#: A match of the longest part of a span found this many times without the rest of it around
#: makes the search switch to whole-span needles (which cost one search per way of writing
#: the spaces between the parts, but stop at the first matches).
_CANDIDATE_BUDGET = 64


def _find_flexible(
    text: str, exact: str, prefix: str | None, suffix: str | None, limit: int
) -> tuple[int, Callable[[int], tuple[int, int]]]:
    """How many places (at most ``limit``) hold ``exact`` in ``text`` with whitespace runs
    matching any run, ``prefix`` just before and ``suffix`` just after (whitespace between them
    and ``exact`` optional), and a function giving the original offsets of place ``index``.

    Costs one linear substring search of the folded text, and nothing at all when the span
    holds a character the text does not: the longest of prefix, exact and suffix is searched,
    and each match is checked for the other two in place; only if that longest part keeps
    matching without the others (or many places are asked for) is the whole span searched as
    one needle per way of writing the optional spaces, as :func:`find_matches` runs. The cost
    does not grow with how often ``exact`` occurs.
    """
    core = " ".join(exact.split())
    if not core:
        return 0, _nowhere
    folded = folded_text(text)
    before = " ".join(prefix.split()) if prefix else ""
    after = " ".join(suffix.split()) if suffix else ""
    starts = (
        _by_longest_part(folded.folded, before, core, after, limit)
        if limit <= _CANDIDATE_BUDGET else None
    )
    nth: Callable[[int], int]
    if starts is not None:
        count, nth = len(starts), starts.__getitem__
    elif not folded.characters.issuperset(before + core + after):
        return 0, _nowhere
    else:
        count, nth = _by_whole_needles(folded.folded, before, core, after, limit)

    def place(index: int) -> tuple[int, int]:
        start = nth(index)
        return folded.original(start), folded.original(start + len(core) - 1) + 1

    return count, place


def _nowhere(index: int) -> tuple[int, int]:
    raise IndexError(index)


def _by_longest_part(
    text: str, before: str, core: str, after: str, limit: int
) -> list[int] | None:
    """Starts of ``core`` found by searching the longest part and checking the rest around
    each match; None when that part matched too often without the rest (see the budget)."""
    parts = [(len(before), 0), (len(core), 1), (len(after), 2)]
    _, longest = max(parts)
    needle = (before, core, after)[longest]
    starts: list[int] = []
    checked = 0
    position = text.find(needle)
    while position != -1 and len(starts) < limit:
        if longest == 0:
            start = _after_part(text, position + len(before), core)
        elif longest == 1:
            start = position
        else:
            start = _before_part(text, position, core)
        if start is not None and _has_context(text, start, before, core, after):
            starts.append(start)
        else:
            checked += 1
            if checked > _CANDIDATE_BUDGET:
                return None
        position = text.find(needle, position + 1)
    return sorted(set(starts))


def _after_part(text: str, end: int, following: str) -> int | None:
    """Where ``following`` starts if it comes right after ``end`` (with or without a space)."""
    if text.startswith(following, end):
        return end
    if text.startswith(" " + following, end):
        return end + 1
    return None


def _before_part(text: str, start: int, core: str) -> int | None:
    """Where ``core`` starts if it ends right before ``start`` (with or without a space)."""
    for gap in (0, 1):
        begin = start - gap - len(core)
        if begin >= 0 and text.startswith(core + " " * gap, begin):
            return begin
    return None


def _has_context(text: str, start: int, before: str, core: str, after: str) -> bool:
    """Whether ``core`` at ``start`` has ``before`` just before it and ``after`` just after."""
    if not text.startswith(core, start):
        return False
    if before and _before_part(text, start, before) is None:
        return False
    return not after or _after_part(text, start + len(core), after) is not None


def _by_whole_needles(
    text: str, before: str, core: str, after: str, limit: int
) -> tuple[int, Callable[[int], int]]:
    """Count (at most ``limit``) and ``index``-th start of ``core`` with its context, from one
    :func:`find_matches` per way of writing the spaces around it. At most one way fits at any
    one place, so the places are the union of the ways' matches, in order."""
    found = [
        (len(head), find_matches(text, head + core + tail, limit))
        for head in ({before, before + " "} if before else {""})
        for tail in ({after, " " + after} if after else {""})
    ]
    found = [(shift, matches) for shift, matches in found if matches.count]
    count = min(limit, sum(matches.count for _, matches in found))
    if len(found) == 1:
        shift, only = found[0]
        return count, lambda index: only.nth(index) + shift
    runs = [(start + shift, step, number) for shift, matches in found
            for start, step, number in matches.runs]

    def nth(index: int) -> int:
        # The smallest position with more than ``index`` places at or before it.
        low, high = 0, len(text)
        while low < high:
            middle = (low + high) // 2
            if _places_up_to(runs, middle) > index:
                high = middle
            else:
                low = middle + 1
        return low

    return count, nth


def _places_up_to(runs: list[tuple[int, int, int]], position: int) -> int:
    return sum(
        min(number, (position - start) // step + 1)
        for start, step, number in runs
        if start <= position
    )


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
