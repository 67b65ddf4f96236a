"""What ``draft`` proposes, as plain values that render to text, JSON or record YAML."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...reading.pins import Pin


@dataclass(frozen=True)
class SpanProposal:
    """Words in the headline or body, with the code-point offsets the build would compute."""

    scope: str
    start: int
    end: int
    exact: str
    pin: Pin

    def anchor(self) -> dict[str, Any]:
        """The selector fields of a record item (``scope`` only when not the default)."""
        data: dict[str, Any] = {"exact": self.exact}
        if self.pin.prefix is not None:
            data["prefix"] = self.pin.prefix
        if self.pin.suffix is not None:
            data["suffix"] = self.pin.suffix
        if self.pin.occurrence is not None:
            data["occurrence"] = self.pin.occurrence
        if self.scope != "body":
            data["scope"] = self.scope
        return data

    def json_span(self) -> dict[str, Any]:
        return {
            "exact": self.exact,
            "scope": self.scope,
            "start": self.start,
            "end": self.end,
            "prefix": self.pin.prefix,
            "suffix": self.pin.suffix,
            "occurrence": self.pin.occurrence,
        }


@dataclass(frozen=True)
class MentionProposal:
    span: SpanProposal
    entity: str | None
    """Registry id, or None for a name the registries lack (``new_entity`` says which)."""
    new_entity: int | None = None
    title_as_stated: str | None = None
    short_form: bool = False
    inner: tuple[MentionProposal, ...] = ()
    """For a new name: the registry names inside it, mentions in its place if it is not
    added to the registries."""


@dataclass
class NewEntity:
    name: str
    kind: str
    closest: list[str]
    suggested_id: str
    occurrences: int = 0
    place_kind: str | None = None
    """For a place: country, city, region or building, when the rule that found it says."""
    reference: str | None = None
    """Id of the gazetteer entry the name is, whose record ``--stubs`` writes."""


@dataclass(frozen=True)
class QuoteProposal:
    span: SpanProposal
    speaker: str | None
    speaker_name: str | None
    """The words naming the speaker (for a speaker the registries lack, its new name)."""
    delivery: str
    delivered_by: str | None
    cue: str | None
    """The words the delivery was read from, if any."""
    form: str = "marked"
    """``marked`` (inside quotation marks) or ``unmarked`` (direct speech printed without)."""


@dataclass(frozen=True)
class AmountProposal:
    span: SpanProposal
    value: int
    currency: str | None


@dataclass(frozen=True)
class ResolutionProposal:
    span: SpanProposal
    number: int
    year: int | None

    @property
    def symbol(self) -> str | None:
        return None if self.year is None else f"S/RES/{self.number} ({self.year})"


@dataclass(frozen=True)
class FigureProposal:
    span: SpanProposal
    value: int | float
    unit_hint: str


@dataclass(frozen=True)
class DateProposal:
    """A date the text states or implies, resolved to EDTF."""

    span: SpanProposal
    date: str
    basis: str


@dataclass(frozen=True)
class EventProposal:
    kind: str
    cameo: str
    cameo_label: str
    cue: SpanProposal
    date: DateProposal | None
    place: str | None
    participants: tuple[str, ...]
    status: str = "occurred"
    """``planned`` for an event the article announces."""
    organizers: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublishedProposal:
    date: str
    basis: str
    evidence: str
    scope: str
    line: int
    """The seed line the date was read from."""
    occurrence: int | None = None
    """Set when the seed prints that line more than once."""


@dataclass(frozen=True)
class CapturedProposal:
    date: str
    evidence: str
    line: int
    occurrence: int | None = None


@dataclass
class Draft:
    """Everything proposed for one article, items already in the record left out."""

    mentions: list[MentionProposal] = field(default_factory=list)
    new_entities: list[NewEntity] = field(default_factory=list)
    quotes: list[QuoteProposal] = field(default_factory=list)
    amounts: list[AmountProposal] = field(default_factory=list)
    resolutions: list[ResolutionProposal] = field(default_factory=list)
    figures: list[FigureProposal] = field(default_factory=list)
    events: list[EventProposal] = field(default_factory=list)
    dates: list[DateProposal] = field(default_factory=list)
    published: PublishedProposal | None = None
    captured: CapturedProposal | None = None
    notes: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (
            self.mentions or self.quotes or self.amounts or self.resolutions or self.figures
            or self.events or self.published or self.captured
        )
