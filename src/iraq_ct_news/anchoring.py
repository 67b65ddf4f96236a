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


def find_all(text: str, exact: str) -> list[int]:
    """Every start offset of ``exact`` in ``text``, overlapping occurrences included."""
    starts: list[int] = []
    position = text.find(exact)
    while position != -1:
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

    ``flexible_whitespace`` lets any run of whitespace in ``exact`` match any run in ``text``; it
    is used for seed text, which keeps the source's own spacing (non-breaking spaces, line ends).
    """
    if flexible_whitespace:
        candidates = _find_flexible(text, exact)
    else:
        candidates = [(start, start + len(exact)) for start in find_all(text, exact)]
    if not candidates:
        return SpanResolution(problem="P005", detail="the text does not contain it")
    if prefix is not None:
        candidates = [c for c in candidates if _ends_with(text, c[0], prefix, flexible_whitespace)]
    if suffix is not None:
        candidates = [c for c in candidates if _starts_with(text, c[1], suffix, flexible_whitespace)]
    if not candidates:
        return SpanResolution(
            problem="P005", detail="it occurs, but never with the given prefix/suffix"
        )
    if occurrence is not None:
        if occurrence > len(candidates):
            return SpanResolution(
                problem="P005",
                detail=f"occurrence {occurrence} asked for, but it occurs {len(candidates)} time(s)",
            )
        start, end = candidates[occurrence - 1]
        return SpanResolution(start, end)
    if len(candidates) > 1:
        return SpanResolution(
            problem="P006", detail=f"it occurs {len(candidates)} times; pin one occurrence"
        )
    start, end = candidates[0]
    return SpanResolution(start, end)


def _find_flexible(text: str, exact: str) -> list[tuple[int, int]]:
    words = exact.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words))
    spans: list[tuple[int, int]] = []
    position = 0
    while (match := pattern.search(text, position)) is not None:
        spans.append((match.start(), match.end()))
        position = match.start() + 1
    return spans


def _ends_with(text: str, end: int, prefix: str, flexible: bool) -> bool:
    if not flexible:
        return text[max(0, end - len(prefix)) : end] == prefix
    window = text[max(0, end - 4 * len(prefix) - 8) : end]
    return " ".join(window.split()).endswith(" ".join(prefix.split())) if prefix.strip() else True


def _starts_with(text: str, start: int, suffix: str, flexible: bool) -> bool:
    if not flexible:
        return text[start : start + len(suffix)] == suffix
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
