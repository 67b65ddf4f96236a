"""The article record: one curated news article and everything anchored in it.

Every claim drawn from the text carries the words it comes from (a W3C TextQuoteSelector:
``exact`` with optional ``prefix``/``suffix``/``occurrence``), and the validator proves those words
are there. ``start``/``end`` (a TextPositionSelector, code points) are computed by the build and
must not be written by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import not_
from typing import Annotated, Literal

from pydantic import Field

from .base import EnglishText, RecordModel, VersionedRecord
from .edtf import Edtf
from .field_types import (
    CameoCode,
    CurrencyCode,
    Id,
    LanguageTag,
    NonNegativeInt,
    PositiveInt,
    ResolutionSymbol,
    SeedName,
    Sha256,
    Text,
    Url,
)

SpanScope = Literal["body", "headline"]
EvidenceScope = Literal["body", "headline", "seed"]
Delivery = Literal[
    "in-person", "video-message", "read-on-behalf", "interview", "written-statement", "unknown"
]
EventKind = Literal[
    "meeting",
    "conference",
    "programme-launch",
    "agreement-signing",
    "workshop",
    "ministerial-meeting",
    "funding-pledge",
    "visit",
    "military-operation",
    "statement",
    "press-conference",
    "other",
]
EventStatus = Literal["occurred", "planned"]
QuoteForm = Literal["marked", "unmarked"]
EvidenceRelation = Literal["confirms", "conflicts"]
PublishedBasis = Literal["explicit", "inferred", "unknown"]
DateBasis = Literal["explicit", "inferred", "relative", "unknown"]

#: Largest amount or figure accepted (a quadrillion units); larger values are typing errors.
MAX_QUANTITY = 10**15


class AnchorFields(RecordModel):
    """The selector fields shared by every anchored span."""

    exact: Text
    """The words exactly as they appear in the scope text."""
    prefix: Text | None = None
    """Text immediately before `exact`, to choose among repeated occurrences."""
    suffix: Text | None = None
    """Text immediately after `exact`, to choose among repeated occurrences."""
    occurrence: PositiveInt | None = None
    """Which occurrence (1-based) among those matching exact/prefix/suffix."""
    start: NonNegativeInt | None = None
    """Computed by the build: code-point offset of the span's start (inclusive)."""
    end: NonNegativeInt | None = None
    """Computed by the build: code-point offset of the span's end (exclusive)."""
    proposed: bool = Field(default=False, exclude_if=not_)
    """Written by ``draft``: a machine's proposal, not data until a person deletes this mark.
    On ``published_evidence`` it covers the whole block (``published``, ``published_basis``)."""


class Span(AnchorFields):
    """Words in the article's body (default) or headline."""

    scope: SpanScope = "body"
    """Which text `exact` is found in."""


class Evidence(AnchorFields):
    """Words that justify a date: in the body, the headline, or elsewhere in the seed page."""

    scope: EvidenceScope = "body"
    """Which text `exact` is found in; `seed` for a page header or footer outside the body."""


class OutsideEvidence(RecordModel):
    """A stored public page outside the seed that bears on a value of the record.

    Outside knowledge may enter a record only with its provenance: where the page is, how it was
    found, and what on it proves or contradicts the value, so that a reader can check it again.
    """

    url: Url
    """Address of the stored public copy that was read."""
    found_by: Text
    """How the page was found (the search and the words searched for)."""
    shows: Text
    """What the page shows and how it was matched against the seed or the record."""
    relation: EvidenceRelation = "confirms"
    """`conflicts` when the page contradicts what the record takes from the text."""


class Source(RecordModel):
    """Where the article was published, as printed in the seed."""

    publisher: Id
    """Organisation id of the outlet that issued the article: the outlet a credit line names,
    else the outlet whose page the seed is."""
    via: Id | None = None
    """Organisation id of the site the page was taken from when it only carries another
    outlet's article (an aggregator or a site republishing a credited release)."""
    url: Url | None = None
    """A URL the seed itself shows, or one proven by `url_evidence`; never a guess."""
    url_evidence: OutsideEvidence | None = None
    """How a URL the seed does not show was found and matched to the seed."""
    byline: Text | None = None
    """Author line, verbatim, or null."""
    credit: Text | None = None
    """Credit line naming where the text comes from (an agency tag, 'المصدر: …'), verbatim."""
    dateline: Text | None = None
    """Dateline (place and/or date line), verbatim, or null."""
    rights: Text | None = None
    """Rights or copyright statement, verbatim, or null."""
    captured: Edtf | None = None
    """When the page was captured (a page-header date), if the seed shows it."""
    captured_evidence: Evidence | None = None
    """The words showing the capture date."""
    truncated: bool = Field(default=False, exclude_if=not_)
    """True when the stored copy (the seed) breaks off mid-article: the body ends where the copy
    ends, cut-off words included, and nothing is completed from elsewhere."""


class Headline(RecordModel):
    ar: Text
    """The seed's headline, verbatim."""
    en: Text
    """Curator-written English headline."""


# A record's identifying fields read best first (`- entity: …`, `- id: …`), before the span.
# Pydantic orders fields base class first along the MRO, so each span kind lists them in a
# small "head" class placed after `Span` among its bases; `fmt` and the schema follow suit.


class _MentionHead(RecordModel):
    entity: Id
    """Registry id of the person, organisation or place."""


class Mention(Span, _MentionHead):
    """A person, organisation or place named in the article."""

    title_as_stated: Text | None = None
    """The title or role exactly as the article states it, if it does."""
    shared_head: Text | None = None
    """A word the article writes once for coordinated names and this name shares, exactly as
    written before the first of them ('حكومة' for 'اليابان' in 'حكومة الدنمارك واليابان')."""


class _QuoteHead(RecordModel):
    id: Id
    """Id of the quote, unique within the article."""
    speaker: Id
    """Person (or organisation) the words are attributed to."""


class Quote(Span, _QuoteHead):
    """Direct speech attributed to someone: words inside quotation marks (`form: marked`), or
    the speaker's own first-person words the article gives without them (`form: unmarked`)."""

    form: QuoteForm = "marked"
    """`marked`: inside quotation marks; `unmarked`: direct speech printed without them.
    Kept apart so that a model of marked quotations is not trained on unmarked ones."""
    delivery: Delivery
    """How the words were delivered; `unknown` when the article does not say."""
    delivered_by: Id | None = None
    """Who read the words out when not the speaker."""
    on_behalf_of: Id | None = None
    """Person or organisation the speaker spoke for, when the article names it."""
    on_behalf_of_as_stated: Span | None = None
    """The office or body the speaker spoke for, exactly as the article states it; it may name
    an office without its holder, so `on_behalf_of` may stay empty."""
    event: Id | None = None
    """Id of the event (in this article) where the words were said."""


class Event(RecordModel):
    """Something the article reports as happening (or planned): a meeting, a signing, a pledge."""

    id: Id
    """Id of the event, unique within the article."""
    kind: EventKind
    cameo: CameoCode
    """CAMEO code of the interaction (listed in vocabularies/cameo.yaml)."""
    additional_cameo: list[CameoCode] = []
    """Further CAMEO codes for other interactions the same event is reported to contain (one
    statement that appeals for aid and condemns an attack); `cameo` is the main one."""
    status: EventStatus = "occurred"
    """`planned` for an event the article announces for a later date."""
    date: Edtf | None
    """When it happened, no more precisely than the text gives (null only with basis unknown)."""
    date_basis: DateBasis
    date_evidence: Evidence | None = None
    """The words the date is taken from or inferred from."""
    place: Id | None = None
    """Place id where it happened."""
    organizers: list[Id]
    """Who held or conducted it (people, organisations, or countries the text names as actors)."""
    participants: list[Id]
    """Who the text shows taking part (in person or by video link)."""
    supporters: list[Id] = []
    """Who the text says supported it without taking part ('بدعم من …')."""
    funders: list[Id] = []
    """Who the text says paid for it or contributed money to it."""
    outside_evidence: list[OutsideEvidence] = []
    """Stored public pages that confirm or contradict what the record takes from the text."""
    summary: EnglishText
    """Curator-written English summary of the event."""
    proposed: bool = Field(default=False, exclude_if=not_)
    """Written by ``draft``: a machine's proposal, not data until a person deletes this mark."""


#: What a sum of money is. A flow of money has a giver and a taker (provider, recipient); the
#: other kinds value something (an agreement, a contract, a budget) and name their parties by role.
AmountKind = Literal[
    "transfer",
    "pledge",
    "loan",
    "grant",
    "agreement-value",
    "contract-value",
    "budget",
    "other",
    "unstated",
]
#: The kinds that move money from a provider to a recipient; only these may name them.
AMOUNT_FLOW_KINDS: frozenset[str] = frozenset({"transfer", "pledge", "loan", "grant", "unstated"})
#: The kinds that value an agreement between parties; only these may have signatories.
AMOUNT_AGREEMENT_KINDS: frozenset[str] = frozenset({"agreement-value", "contract-value"})
AmountPartyRole = Literal[
    "signatory", "contractor", "client", "holder", "implementer", "beneficiary", "other"
]


class AmountParty(RecordModel):
    """A party to a sum that no one is said to pay anyone (the signatories of a memorandum)."""

    entity: Id
    """Person, organisation or country id."""
    role: AmountPartyRole
    """`signatory` of an agreement or contract, `contractor` or `client` of a contract, `holder`
    of a budget, `implementer` or `beneficiary` of what the sum pays for, or `other`."""


class _AmountHead(RecordModel):
    value: int = Field(ge=1, le=MAX_QUANTITY)
    """Value in units of the currency (2 مليون دولار → 2000000)."""
    currency: CurrencyCode
    kind: AmountKind = "unstated"
    """What the sum is: money given (`transfer`), promised (`pledge`), lent (`loan`) or granted
    (`grant`); the value of an agreement or memorandum (`agreement-value`) or of a contract
    (`contract-value`); a `budget`; `other`; or `unstated` when the text does not say (what an
    amount of record format 1.1.0, which had no kind, upgrades to)."""


class Amount(Span, _AmountHead):
    """A sum of money the article states."""

    provider: Id | None = None
    """Person or organisation giving the money; only for a flow of money (a transfer, pledge,
    loan or grant, or an unstated kind), and only when the text says who gives it."""
    recipient: Id | None = None
    """Person, organisation or country receiving it (aid is often said to go 'to Iraq'); only
    for a flow of money, like `provider`."""
    parties: list[AmountParty] = []
    """Who the sum concerns when no one is said to pay anyone (the signatories of a memorandum
    worth it, the holder of a budget), each with its role."""
    purpose: EnglishText


class _ResolutionHead(RecordModel):
    symbol: ResolutionSymbol


class Resolution(Span, _ResolutionHead):
    """A UN Security Council resolution the article cites."""


class _FigureHead(RecordModel):
    value: (
        Annotated[int, Field(ge=-MAX_QUANTITY, le=MAX_QUANTITY)]
        | Annotated[float, Field(ge=-MAX_QUANTITY, le=MAX_QUANTITY)]
    )
    """The number as stated (98% → 98)."""
    unit: EnglishText


class Figure(Span, _FigureHead):
    """Another stated number worth querying (a percentage, a count)."""


class Notes(RecordModel):
    en: Text
    """The curator's reasoning for judgement calls (inferred dates, ambiguous attributions)."""


#: The lists of an article whose items are each one anchored span, in the order the release
#: and the tools walk them.
SPAN_LISTS: tuple[str, ...] = ("mentions", "quotes", "amounts", "resolutions", "figures")


class Article(VersionedRecord):
    """A curated news article."""

    seed: SeedName
    """File name of the source document in seeds/."""
    seed_sha256: Sha256
    """SHA-256 of the seed file's bytes."""
    language: LanguageTag
    """BCP 47 tag of the article text ('ar')."""
    source: Source
    headline: Headline
    summary: EnglishText
    """Curator-written English summary (3–5 sentences)."""
    published: Edtf | None
    """Publication date, no more precise than the evidence; null (with basis `unknown`) when
    neither the page nor anything else the record can cite dates or bounds it."""
    published_basis: PublishedBasis
    published_evidence: Evidence | None = None
    """The words the publication date is taken from or inferred from."""
    body: Text
    """The article text, site chrome removed, paragraphs separated by one blank line."""
    themes: list[Id]
    """Theme ids from vocabularies/themes.yaml."""
    mentions: list[Mention]
    quotes: list[Quote]
    events: list[Event]
    amounts: list[Amount]
    resolutions: list[Resolution]
    figures: list[Figure] = []
    notes: Notes | None = None
    content_sha256: Sha256 | None = None
    """Computed by the build: hash of the record's canonical content."""

    @property
    def paragraphs(self) -> list[str]:
        """The body split into its paragraphs."""
        return self.body.split("\n\n")

    def spans(self) -> Iterator[tuple[tuple[str | int, ...], AnchorFields]]:
        """Every anchored span with its data path, e.g. ``("quotes", 2)``."""
        if self.published_evidence is not None:
            yield ("published_evidence",), self.published_evidence
        if self.source.captured_evidence is not None:
            yield ("source", "captured_evidence"), self.source.captured_evidence
        for group in SPAN_LISTS:
            for index, span in enumerate(getattr(self, group)):
                yield (group, index), span
        for index, quote in enumerate(self.quotes):
            if quote.on_behalf_of_as_stated is not None:
                yield ("quotes", index, "on_behalf_of_as_stated"), quote.on_behalf_of_as_stated
        for index, event in enumerate(self.events):
            if event.date_evidence is not None:
                yield ("events", index, "date_evidence"), event.date_evidence
