"""Pydantic models of every record kind."""

from __future__ import annotations

from .article import (
    AMOUNT_AGREEMENT_KINDS,
    AMOUNT_FLOW_KINDS,
    SPAN_LISTS,
    Amount,
    AmountParty,
    AnchorFields,
    Article,
    Event,
    Evidence,
    Figure,
    Headline,
    Mention,
    Notes,
    OutsideEvidence,
    Quote,
    Resolution,
    Source,
    Span,
)
from .base import ArabicEnglishText, EnglishText, Identifier, RecordModel, VersionedRecord
from .edtf import Edtf, EdtfPoint
from .registry import Acronyms, Coordinates, Organization, Person, Place, Position
from .vocabulary import CameoEntry, CameoVocabulary, Theme, ThemeVocabulary

__all__ = [
    "AMOUNT_AGREEMENT_KINDS",
    "AMOUNT_FLOW_KINDS",
    "SPAN_LISTS",
    "Acronyms",
    "Amount",
    "AmountParty",
    "AnchorFields",
    "ArabicEnglishText",
    "Article",
    "CameoEntry",
    "CameoVocabulary",
    "Coordinates",
    "Edtf",
    "EdtfPoint",
    "EnglishText",
    "Event",
    "Evidence",
    "Figure",
    "Headline",
    "Identifier",
    "Mention",
    "Notes",
    "Organization",
    "OutsideEvidence",
    "Person",
    "Place",
    "Position",
    "Quote",
    "RecordModel",
    "Resolution",
    "Source",
    "Span",
    "Theme",
    "ThemeVocabulary",
    "VersionedRecord",
]
