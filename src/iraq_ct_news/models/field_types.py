"""Constrained scalar types shared by the record models.

Each type validates with the same regular expression or list that its JSON Schema publishes, and
raises an error whose message says what a valid value looks like. No type coerces: ``"5"`` is not
an integer and ``5`` is not a string, in Pydantic as in the committed schema.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from ..core.iso_codes import COUNTRY_CODES, CURRENCY_CODES
from .edtf import ISO_DATE_PATTERN, anchored

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_MAX_LENGTH = 80
CAMEO_PATTERN = r"[0-9]{2,4}"
RESOLUTION_PATTERN = r"S/RES/[1-9][0-9]{0,4} \([12][0-9]{3}\)"
SEMVER_PATTERN = r"(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)"
SHA256_PATTERN = r"[0-9a-f]{64}"
LANGUAGE_PATTERN = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
SEED_NAME_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.-]{0,199}"
URL_PATTERN = r"https?://[^\s/$.?#][^\s]*"
_NOT_BLANK = re.compile(r"\S")
#: A text value whose first word is ``TODO`` is a placeholder, never data: ``iraq-ct-news new``
#: writes one for everything a curator still has to fill in, and refusing it here (and in the
#: published JSON Schema) means a record cannot be validated, formatted or released while one is
#: left in it. The word ends at anything but an ASCII letter, digit or underscore, which Python
#: and ECMAScript regular expressions (editors) agree on, unlike ``\b``.
PLACEHOLDER_PATTERN = r"^TODO(?![A-Za-z0-9_])"
_PLACEHOLDER = re.compile(PLACEHOLDER_PATTERN)


@dataclass(frozen=True)
class StringRule:
    """A string validated by a whole-string ``pattern`` or a list of ``choices``.

    The validator and the published JSON Schema are made from the same pattern or list, so the
    two can never drift apart.
    """

    error_type: str
    message: str
    description: str
    pattern: str | None = None
    choices: tuple[str, ...] | None = None
    max_length: int | None = None
    _compiled: re.Pattern[str] | None = field(default=None, init=False, repr=False, compare=False)
    _allowed: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Compiled once: this runs for every id and code of every record (about 45 per article),
        # where a module-level re.fullmatch would look the pattern up in re's cache each time.
        if self.pattern is not None:
            object.__setattr__(self, "_compiled", re.compile(self.pattern))
        if self.choices is not None:
            object.__setattr__(self, "_allowed", frozenset(self.choices))

    def validate(self, value: Any) -> str:
        if not isinstance(value, str):
            raise PydanticCustomError("string_type", "Input should be a valid string")
        too_long = self.max_length is not None and len(value) > self.max_length
        if (
            too_long
            or (self._compiled is not None and self._compiled.fullmatch(value) is None)
            or (self._allowed is not None and value not in self._allowed)
        ):
            raise PydanticCustomError(
                self.error_type, self.message + " (got '{value}')", {"value": value[:100]}
            )
        return value

    @property
    def validator(self) -> PlainValidator:
        return PlainValidator(self._fast_validator())

    def _fast_validator(self) -> Callable[[Any], str]:
        """:meth:`validate`, with a valid plain string accepted in one expression (this runs
        for every id and code of every record, about 30 per article): whatever the expression
        does not accept goes to :meth:`validate`, which accepts or refuses it as always."""
        validate = self.validate
        limit = self.max_length
        if self._compiled is None:
            return validate
        fullmatch = self._compiled.fullmatch
        if self._allowed is not None:
            return validate
        if limit is None:
            def accept(value: Any) -> str:
                if value.__class__ is str and fullmatch(value) is not None:
                    return value
                return validate(value)
        else:
            def accept(value: Any) -> str:
                if value.__class__ is str and len(value) <= limit and fullmatch(value) is not None:
                    return value
                return validate(value)
        return accept

    @property
    def json_schema(self) -> WithJsonSchema:
        schema: dict[str, Any] = {"type": "string", "description": self.description}
        if self.pattern is not None:
            schema["pattern"] = anchored(self.pattern)
        if self.choices is not None:
            schema["enum"] = list(self.choices)
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        return WithJsonSchema(schema)


def _validate_text(value: Any) -> str:
    # A plain string whose first character is not a space and that does not start with TODO
    # is text (``\S`` finds that character; the placeholder needs the word): accepted in one
    # expression, as this runs for every text of every record.
    if (
        value.__class__ is str and value and not value[0].isspace()
        and not value.startswith("TODO")
    ):
        return value
    return _text_in_full(value)


def _text_in_full(value: Any) -> str:
    """The text validator's tests, each made in full."""
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    if _NOT_BLANK.search(value) is None:
        raise PydanticCustomError("blank_text", "text must not be empty or only spaces")
    if _PLACEHOLDER.match(value) is not None:
        raise PydanticCustomError(
            "placeholder", "placeholder not filled in: '{value}'", {"value": value[:100]}
        )
    return value


def is_placeholder(value: str) -> bool:
    """Whether ``value`` is a placeholder (starts with the word ``TODO``)."""
    return _PLACEHOLDER.match(value) is not None


_ID = StringRule(
    "id_pattern",
    f"an id is lowercase kebab-case (a-z, 0-9, single hyphens), at most {ID_MAX_LENGTH} "
    "characters",
    "Record id: lowercase kebab-case slug, at most 80 characters.",
    pattern=ID_PATTERN,
    max_length=ID_MAX_LENGTH,
)
_CAMEO = StringRule(
    "cameo_code",
    'a CAMEO code is a string of 2 to 4 digits, such as "043" (quote it in YAML)',
    'CAMEO event code as a string, e.g. "043", "0331".',
    pattern=CAMEO_PATTERN,
)
_RESOLUTION = StringRule(
    "resolution_symbol",
    "a resolution symbol is written 'S/RES/<number> (<year>)', e.g. 'S/RES/2396 (2017)'",
    "UN Security Council resolution symbol, 'S/RES/<n> (<year>)'.",
    pattern=RESOLUTION_PATTERN,
)
_SEMVER = StringRule(
    "semver",
    "a version is MAJOR.MINOR.PATCH, e.g. '1.0.0' (quote it in YAML)",
    "Semantic version MAJOR.MINOR.PATCH.",
    pattern=SEMVER_PATTERN,
)
_SHA256 = StringRule(
    "sha256",
    "a SHA-256 hash is 64 lowercase hexadecimal characters",
    "SHA-256 digest, 64 lowercase hex characters.",
    pattern=SHA256_PATTERN,
)
_LANGUAGE = StringRule(
    "language_tag",
    "a language is a BCP 47 tag such as 'ar'",
    "BCP 47 language tag ('ar' for Modern Standard Arabic).",
    pattern=LANGUAGE_PATTERN,
)
_SEED_NAME = StringRule(
    "seed_name",
    "a seed is a file name directly inside seeds/ (no folders, no '..')",
    "File name of the source document inside seeds/.",
    pattern=SEED_NAME_PATTERN,
)
_URL = StringRule(
    "url",
    "a URL starts with http:// or https:// and has no spaces",
    "An http(s) address: one the source shows, or one the record says how it was found.",
    pattern=URL_PATTERN,
    max_length=2000,
)
_COUNTRY = StringRule(
    "country_code",
    "a country is an ISO 3166-1 alpha-3 code in capitals, e.g. 'IRQ'",
    "ISO 3166-1 alpha-3 country code.",
    choices=COUNTRY_CODES,
)
_CURRENCY = StringRule(
    "currency_code",
    "a currency is an ISO 4217 code in capitals, e.g. 'USD'",
    "ISO 4217 currency code.",
    choices=CURRENCY_CODES,
)

Id = Annotated[str, _ID.validator, _ID.json_schema]
CameoCode = Annotated[str, _CAMEO.validator, _CAMEO.json_schema]
ResolutionSymbol = Annotated[str, _RESOLUTION.validator, _RESOLUTION.json_schema]
SemVer = Annotated[str, _SEMVER.validator, _SEMVER.json_schema]
Sha256 = Annotated[str, _SHA256.validator, _SHA256.json_schema]
LanguageTag = Annotated[str, _LANGUAGE.validator, _LANGUAGE.json_schema]
SeedName = Annotated[str, _SEED_NAME.validator, _SEED_NAME.json_schema]
Url = Annotated[str, _URL.validator, _URL.json_schema]
CountryCode = Annotated[str, _COUNTRY.validator, _COUNTRY.json_schema]
CurrencyCode = Annotated[str, _CURRENCY.validator, _CURRENCY.json_schema]
Text = Annotated[
    str,
    PlainValidator(_validate_text),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"\S",
            "not": {"pattern": PLACEHOLDER_PATTERN},
            "description": "Text with a non-space character; a value starting with the word "
            "TODO is an unfilled placeholder.",
        }
    ),
]


_ISO_DATE = re.compile(ISO_DATE_PATTERN)


def _validate_iso_date(value: Any) -> datetime.date:
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "Input should be a valid string")
    if _ISO_DATE.fullmatch(value) is None:
        raise PydanticCustomError(
            "iso_date",
            "'{value}' is not a calendar date written YYYY-MM-DD (quote it in YAML)",
            {"value": value[:40]},
        )
    return datetime.date.fromisoformat(value)


_iso_date_serializer: Callable[[datetime.date], str] = datetime.date.isoformat

IsoDate = Annotated[
    datetime.date,
    PlainValidator(_validate_iso_date),
    PlainSerializer(_iso_date_serializer, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": anchored(ISO_DATE_PATTERN),
            "description": "Calendar date YYYY-MM-DD.",
        }
    ),
]

PositiveInt = Annotated[int, Field(ge=1, le=2**53)]
NonNegativeInt = Annotated[int, Field(ge=0, le=2**53)]
