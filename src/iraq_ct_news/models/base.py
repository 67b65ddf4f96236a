"""The configuration every record model shares, and the parts common to several records."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .field_types import Id, IsoDate, PositiveInt, SemVer, StringRule, Text, Url


class RecordModel(BaseModel):
    """Strict, closed and immutable.

    ``strict``: no coercion the JSON Schema would refuse ("5" is not 5). ``extra="forbid"``: a
    misspelled field is an error, not silently dropped. ``frozen``: the cached release can be
    shared safely. ``python-re``: patterns behave exactly as in ``jsonschema``. The fields'
    docstrings become their descriptions only in the exported JSON Schema
    (``schema_export.DocumentedSchema``): reading them at class creation parsed the models'
    source again in every process.
    """

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        regex_engine="python-re",
        allow_inf_nan=False,
    )


class EnglishText(RecordModel):
    """Curator-written English text."""

    en: Text


class ArabicEnglishText(RecordModel):
    """A name or label in Arabic and English."""

    en: Text
    ar: Text


class VersionedRecord(RecordModel):
    """The lifecycle fields of every registry and article record (rules V001–V005)."""

    schema_version: SemVer
    """Version of the record format this file is written in."""
    id: Id
    """Stable id; equals the file name without .yaml; never changes once released."""
    revision: PositiveInt
    """Incremented on every content change after the record has been released."""
    created: IsoDate
    """Date the record was first written."""
    modified: IsoDate
    """Date of the last content change (not before created)."""
    status: Literal["active", "withdrawn"] = "active"
    """Withdrawn records stay in the release as tombstones."""
    withdrawn_reason: Text | None = None
    """Why the record was withdrawn (required when status is withdrawn)."""
    superseded_by: Id | None = None
    """The record that replaces a withdrawn one, if any."""


def _identifier_rule(pattern: str, example: str) -> StringRule:
    return StringRule(
        "identifier_value",
        f"this identifier is written like {example!r}",
        f"Identifier value matching {pattern}.",
        pattern=pattern,
    )


_WIKIDATA = _identifier_rule(r"Q[1-9][0-9]*", "Q42")
_VIAF = _identifier_rule(r"[1-9][0-9]*", "102333412")
_ISNI = _identifier_rule(r"[0-9]{15}[0-9X]", "0000000121032683")
_ROR = _identifier_rule(r"0[a-z0-9]{6}[0-9]{2}", "05gq02987")
_GEONAMES = _identifier_rule(r"[1-9][0-9]*", "98182")


_WIKIPEDIA = _identifier_rule(r"https://[a-z][a-z-]{1,11}\.wikipedia\.org/wiki/[^\s/?#][^\s?#]*",
                              "https://en.wikipedia.org/wiki/Baghdad")


# Identifiers are kept only with the page that shows them for this entity (`evidence`), so that
# anyone can check the value again; a value without such a page is a guess.
class WikidataIdentifier(RecordModel):
    scheme: Literal["wikidata"]
    value: Annotated[str, _WIKIDATA.validator, _WIKIDATA.json_schema]
    evidence: Url
    """Address of the public page (or its stored copy) that shows this value for this entity."""


class WikipediaIdentifier(RecordModel):
    scheme: Literal["wikipedia"]
    value: Annotated[str, _WIKIPEDIA.validator, _WIKIPEDIA.json_schema]
    """The article's address (https://<language>.wikipedia.org/wiki/<title>)."""
    evidence: Url
    """Address of the public page (or its stored copy) that shows this value for this entity."""


class ViafIdentifier(RecordModel):
    scheme: Literal["viaf"]
    value: Annotated[str, _VIAF.validator, _VIAF.json_schema]
    evidence: Url
    """Address of the public page (or its stored copy) that shows this value for this entity."""


class IsniIdentifier(RecordModel):
    scheme: Literal["isni"]
    value: Annotated[str, _ISNI.validator, _ISNI.json_schema]
    evidence: Url
    """Address of the public page (or its stored copy) that shows this value for this entity."""


class RorIdentifier(RecordModel):
    scheme: Literal["ror"]
    value: Annotated[str, _ROR.validator, _ROR.json_schema]
    evidence: Url
    """Address of the public page (or its stored copy) that shows this value for this entity."""


class GeonamesIdentifier(RecordModel):
    scheme: Literal["geonames"]
    value: Annotated[str, _GEONAMES.validator, _GEONAMES.json_schema]
    evidence: Url
    """Address of the public page (or its stored copy) that shows this value for this entity."""


Identifier = Annotated[
    WikidataIdentifier
    | WikipediaIdentifier
    | ViafIdentifier
    | IsniIdentifier
    | RorIdentifier
    | GeonamesIdentifier,
    Field(discriminator="scheme"),
]
"""An external identifier: only values a public page shows for this entity, never guesses."""
