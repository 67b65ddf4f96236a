"""The controlled vocabularies: themes and the CAMEO event codes in use.

Each vocabulary is one file holding a list, because entries are short and reviewed together.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import ArabicEnglishText, EnglishText, RecordModel
from .field_types import CameoCode, Id, ResolutionSymbol, SemVer, Text

CtitfTheme = Literal[
    "border-management-and-law-enforcement",
    "countering-the-financing-of-terrorism",
    "foreign-terrorist-fighters",
    "national-and-regional-counter-terrorism-strategies",
    "preventing-violent-extremism",
    "human-rights-and-the-rule-of-law",
    "protection-of-critical-infrastructure-vulnerable-targets-and-tourism-security",
    "victims-of-terrorism",
    "legal-and-criminal-justice-responses",
    "gender",
]


class PillarMatch(RecordModel):
    """A pillar of the UN Global Counter-Terrorism Strategy (A/RES/60/288)."""

    scheme: Literal["un-gcts-pillar"]
    value: Literal["1", "2", "3", "4"]
    """Pillar number "1"–"4", a string like every other scheme's value, so ``value`` has one
    type in every file and the tools that infer a column's type from its values (pyarrow,
    ``datasets``) can read it."""


class ResolutionMatch(RecordModel):
    """A Security Council resolution the theme corresponds to."""

    scheme: Literal["unsc-resolution"]
    value: ResolutionSymbol


class CtitfMatch(RecordModel):
    """A former CTITF working-group theme."""

    scheme: Literal["ctitf-working-group"]
    value: CtitfTheme


CloseMatch = Annotated[PillarMatch | ResolutionMatch | CtitfMatch, Field(discriminator="scheme")]


class Theme(RecordModel):
    id: Id
    label: ArabicEnglishText
    definition: EnglishText
    broader: Id | None = None
    """Id of the broader theme, if any."""
    close_match: list[CloseMatch]
    """External anchors; every theme names at least the strategy pillar it serves."""


class ThemeVocabulary(RecordModel):
    """curated/vocabularies/themes.yaml"""

    schema_version: SemVer
    themes: list[Theme]


class CameoEntry(RecordModel):
    code: CameoCode
    label: Text
    """The official label from the CAMEO codebook."""
    quad_class: Annotated[int, Field(ge=1, le=4)]
    """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
    retired: bool = False
    """True for a code no event uses any more. A released code is kept (retired), never
    removed, so that readers of earlier releases still find its label."""


class CameoVocabulary(RecordModel):
    """curated/vocabularies/cameo.yaml"""

    schema_version: SemVer
    codes: list[CameoEntry]
