"""Finding an anchored span in its text (W3C TextQuoteSelector → TextPositionSelector).

A span is the ``exact`` words, optionally narrowed by the ``prefix`` just before them, the
``suffix`` just after them, and finally by ``occurrence`` (1-based) among what remains. It is
valid when exactly one place is left. Offsets are Python string indices (code points).
"""

from __future__ import annotations

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


def find_all(text: str, exact: str, limit: int | None = None) -> list[int]:
    """Start offsets of ``exact`` in ``text`` (overlapping ones too), at most ``limit`` of them."""
    starts: list[int] = []
    position = text.find(exact)
    while position != -1 and (limit is None or len(starts) < limit):
        starts.append(position)
        position = text.find(exact, position + 1)
    return starts


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


def _find_flexible(
    text: str, exact: str, prefix: str | None, suffix: str | None, limit: int
) -> list[tuple[int, int]]:
    words = exact.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    spans: list[tuple[int, int]] = []
    position = 0
    while len(spans) < limit and (match := pattern.search(text, position)) is not None:
        if (prefix is None or _ends_with(text, match.start(), prefix)) and (
            suffix is None or _starts_with(text, match.end(), suffix)
        ):
            spans.append((match.start(), match.end()))
        position = match.start() + 1
    return spans


def _ends_with(text: str, end: int, prefix: str) -> bool:
    """Whether the text before ``end`` ends with ``prefix``, whitespace runs compared folded."""
    window = text[max(0, end - 4 * len(prefix) - 8) : end]
    return " ".join(window.split()).endswith(" ".join(prefix.split())) if prefix.strip() else True


def _starts_with(text: str, start: int, suffix: str) -> bool:
    """Whether the text from ``start`` begins with ``suffix``, whitespace runs compared folded."""
    window = text[start : start + 4 * len(suffix) + 8]
    return " ".join(window.split()).startswith(" ".join(suffix.split())) if suffix.strip() else True


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
