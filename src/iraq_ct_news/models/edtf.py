"""The subset of EDTF (Library of Congress, 2019) that records use for dates.

A record says how precisely a date is known: ``2018`` is not ``2018-01-01``. Turning every date
into a ``datetime.date`` would invent precision, so dates stay EDTF text and expose the range
they cover (``earliest``/``latest``, inclusive) for queries.

The subset is stated in :data:`SUBSET` (and so in the JSON Schema and every D001 message).
It is the part of Level 0 and Level 1 whose every date denotes a definite range of calendar
days, which is what the release exposes as ``earliest``/``latest`` (``datetime.date``) and
what a news article's dates need: EDTF Level 1 also has unspecified digits (``201X``), seasons
(``2018-21``) and years beyond four digits or before year 1 (``Y170000002``, ``-0100``), but a
season has no agreed days (it depends on the hemisphere), years outside 1–9999 are no
``datetime.date``, and ``201X`` is written ``2010/2019`` here. The calendar is checked by the
pattern itself, so the JSON Schema refuses exactly what this module refuses.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

Precision = Literal["year", "month", "day"]
Qualifier = Literal["", "?", "~", "%"]

_YEAR = r"[12][0-9]{3}"
_LEAP_YEAR = r"(?:[12][0-9](?:0[48]|[2468][048]|[13579][26])|(?:12|16|20|24|28)00)"
_DAY_DATE = (
    rf"(?:{_YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
    rf"|{_LEAP_YEAR}-02-29)"
)
_MONTH_DATE = rf"{_YEAR}-(?:0[1-9]|1[0-2])"
_POINT = rf"(?:{_DAY_DATE}|{_MONTH_DATE}|{_YEAR})[?~%]?"

#: A calendar date written YYYY-MM-DD (pattern without anchors).
ISO_DATE_PATTERN = _DAY_DATE
#: An EDTF date or interval of the supported subset (pattern without anchors).
EDTF_PATTERN = rf"(?:{_POINT}(?:/(?:{_POINT}|\.\.)?)?|(?:\.\.)?/{_POINT})"

#: The supported subset, in words, for the JSON Schema, the docs and every D001 message.
SUBSET = (
    "supported EDTF subset: YYYY, YYYY-MM or YYYY-MM-DD (a year from 1000 to 2999, a day that "
    "exists in the calendar), optionally followed by ? (uncertain), ~ (approximate) or % "
    "(both); or an interval A/B of two such dates, where either end may be open (..) or "
    "unknown (empty). Not supported: unspecified digits (X), seasons (21-24), times, years "
    "outside 1000-2999, and qualifiers inside a date"
)

_EDTF_RE = re.compile(EDTF_PATTERN)
_POINT_PARTS = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%]?)")


def anchored(pattern: str) -> str:
    """A JSON Schema ``pattern`` that matches the whole string in every regex dialect.

    ``$`` alone would also match before a final newline in Python; the lookahead forbids that,
    so Python's ``re`` (jsonschema, pydantic) and ECMA-262 (editors) agree.
    """
    return rf"^(?:{pattern})$(?!\n)"


@dataclass(frozen=True, slots=True)
class EdtfPoint:
    """One end of a date: a year, month or day, possibly uncertain or approximate."""

    year: int
    month: int | None
    day: int | None
    qualifier: Qualifier = ""

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> datetime.date:
        if self.day is not None:
            return datetime.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def uncertain(self) -> bool:
        return self.qualifier in ("?", "%")

    @property
    def approximate(self) -> bool:
        return self.qualifier in ("~", "%")


@dataclass(frozen=True, slots=True)
class Edtf:
    """An EDTF date or interval. Compare, hash and serialise it by its text."""

    text: str
    start: EdtfPoint | None
    end: EdtfPoint | None
    is_interval: bool

    @classmethod
    def parse(cls, text: str) -> Edtf:
        """Parse ``text``; raises ``ValueError`` when it is not in the supported subset."""
        if not isinstance(text, str) or _EDTF_RE.fullmatch(text) is None:
            raise ValueError(f"not a valid EDTF date: {text!r}")
        if "/" not in text:
            point = _parse_point(text)
            return cls(text, point, point, False)
        first, second = text.split("/")
        start = _parse_point(first) if first not in ("", "..") else None
        end = _parse_point(second) if second not in ("", "..") else None
        return cls(text, start, end, True)

    @property
    def earliest(self) -> datetime.date | None:
        """First day the date can denote (None for an open or unknown start)."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> datetime.date | None:
        """Last day the date can denote (None for an open or unknown end)."""
        return self.end.latest if self.end else None

    @property
    def precision(self) -> Precision:
        """The coarsest precision among the bounded ends."""
        order: dict[Precision, int] = {"year": 0, "month": 1, "day": 2}
        points = [p for p in (self.start, self.end) if p is not None]
        return min((p.precision for p in points), key=order.__getitem__)

    @property
    def uncertain(self) -> bool:
        return any(p.uncertain for p in (self.start, self.end) if p is not None)

    @property
    def approximate(self) -> bool:
        return any(p.approximate for p in (self.start, self.end) if p is not None)

    @property
    def is_ordered(self) -> bool:
        """False for an interval whose end lies before its start."""
        if self.start is None or self.end is None:
            return True
        return self.start.earliest <= self.end.latest

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Edtf) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            _validate_edtf,
            serialization=core_schema.plain_serializer_function_ser_schema(
                str, return_schema=core_schema.str_schema()
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "pattern": anchored(EDTF_PATTERN),
            "description": f"EDTF date ({SUBSET}).",
        }


def _parse_point(text: str) -> EdtfPoint:
    match = _POINT_PARTS.fullmatch(text)
    assert match is not None  # guaranteed by _EDTF_RE
    year, month, day, qualifier = match.groups()
    return EdtfPoint(
        int(year),
        int(month) if month else None,
        int(day) if day else None,
        qualifier,  # type: ignore[arg-type]
    )


def _validate_edtf(value: Any) -> Edtf:
    if isinstance(value, Edtf):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    try:
        return Edtf.parse(value)
    except ValueError:
        raise PydanticCustomError(
            "edtf_date",
            "'{value}' is not a date in the " + SUBSET,
            {"value": value},
        ) from None
