"""The anchored parts of an article record, each placed in its text.

The record is read as it is written, not as the model would accept it: the page is for a record
under review, with TODO placeholders, wrong types or words that are not in the text, and it
shows whatever can be shown. Each span is placed with the package's own span resolution
(:func:`iraq_ct_news.reading.anchoring.resolve_span`), so its offsets are the ones the release writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..reading.anchoring import SpanResolution, resolve_span
from ..reading.yamlreader import PathKey

#: The lists of spans an article holds, outermost kind first (a quote holds mentions, amounts …).
SPAN_GROUPS = ("quotes", "resolutions", "amounts", "figures", "mentions")
#: Scopes the page shows as text; evidence from the seed page is shown on its own.
SHOWN_SCOPES = ("body", "headline")


@dataclass(frozen=True)
class Annotation:
    """One anchored item of the record and where its words are."""

    key: str
    """A page-unique name made of the item's data path, e.g. ``mentions-3``."""
    path: PathKey
    group: str
    """``mentions``, ``quotes``, ``amounts``, ``resolutions``, ``figures`` or ``evidence``."""
    item: dict[str, Any]
    """The item as written in the record."""
    scope: str
    exact: str | None
    """None when the record holds no text as ``exact``."""
    resolution: SpanResolution | None
    """Where the words are; None when there is no text to look in (see ``exact``, ``scope``)."""
    proposed: bool
    """Marked as a machine's proposal that no person has confirmed yet."""
    rank: int
    """Nesting order for spans over the same words (lower is outer)."""

    @property
    def placed(self) -> bool:
        return self.resolution is not None and self.resolution.found


def mapping(value: object) -> dict[str, Any]:
    """``value`` if the record holds a mapping there, else an empty one (never a crash)."""
    return value if isinstance(value, dict) else {}


def is_proposed(item: object) -> bool:
    """Whether an item (a mapping of the record) is an unconfirmed proposal.

    Anything but an explicit ``false`` (or no mark) counts as unconfirmed: a page that showed
    a mistyped mark as confirmed would hide a proposal from its reviewer.
    """
    return isinstance(item, dict) and "proposed" in item and item["proposed"] is not False


def scope_texts(data: dict[str, Any]) -> dict[str, str]:
    """The texts spans of this record point into, when the record holds them as text."""
    texts: dict[str, str] = {}
    if isinstance(data.get("body"), str):
        texts["body"] = data["body"]
    headline = data.get("headline")
    if isinstance(headline, dict) and isinstance(headline.get("ar"), str):
        texts["headline"] = headline["ar"]
    return texts


def collect(data: dict[str, Any]) -> list[Annotation]:
    """Every anchored item of the record, in the order the record lists them."""
    texts = scope_texts(data)
    found: list[Annotation] = []
    for path, group, item, default_scope, within_proposal in _items(data):
        found.append(_place(path, group, item, default_scope, texts, within_proposal))
    return found


def _items(data: dict[str, Any]) -> list[tuple[PathKey, str, dict[str, Any], str, bool]]:
    """Every anchored item, and whether it belongs to a proposal (an event's date evidence,
    a quote's stated office)."""
    items: list[tuple[PathKey, str, dict[str, Any], str, bool]] = []
    evidence = data.get("published_evidence")
    if isinstance(evidence, dict):
        items.append((("published_evidence",), "evidence", evidence, "body", False))
    source = data.get("source")
    if isinstance(source, dict) and isinstance(source.get("captured_evidence"), dict):
        items.append((("source", "captured_evidence"), "evidence", source["captured_evidence"],
                      "body", False))
    for group in SPAN_GROUPS:
        values = data.get(group)
        if isinstance(values, list):
            for index, item in enumerate(values):
                if isinstance(item, dict):
                    items.append(((group, index), group, item, "body", False))
    quotes = data.get("quotes")
    if isinstance(quotes, list):
        for index, quote in enumerate(quotes):
            if isinstance(quote, dict) and isinstance(quote.get("on_behalf_of_as_stated"), dict):
                items.append((("quotes", index, "on_behalf_of_as_stated"), "evidence",
                              quote["on_behalf_of_as_stated"], "body", is_proposed(quote)))
    events = data.get("events")
    if isinstance(events, list):
        for index, event in enumerate(events):
            if isinstance(event, dict) and isinstance(event.get("date_evidence"), dict):
                items.append((("events", index, "date_evidence"), "evidence",
                              event["date_evidence"], "body", is_proposed(event)))
    return items


def _place(
    path: PathKey,
    group: str,
    item: dict[str, Any],
    default_scope: str,
    texts: dict[str, str],
    within_proposal: bool,
) -> Annotation:
    scope = item.get("scope", default_scope)
    scope = scope if isinstance(scope, str) else default_scope
    exact = item.get("exact") if isinstance(item.get("exact"), str) else None
    resolution: SpanResolution | None = None
    text = texts.get(scope)
    if exact and text is not None and scope in SHOWN_SCOPES:
        prefix, suffix, occurrence = item.get("prefix"), item.get("suffix"), item.get("occurrence")
        resolution = resolve_span(
            text,
            exact,
            prefix if isinstance(prefix, str) else None,
            suffix if isinstance(suffix, str) else None,
            occurrence if isinstance(occurrence, int) and not isinstance(occurrence, bool)
            and occurrence >= 1 else None,
        )
    rank = SPAN_GROUPS.index(group) + 1 if group in SPAN_GROUPS else 0
    return Annotation(
        key="-".join(str(part) for part in path).replace("_", "-"),
        path=path,
        group=group,
        item=item,
        scope=scope,
        exact=exact,
        resolution=resolution,
        proposed=within_proposal or is_proposed(item),
        rank=rank,
    )
