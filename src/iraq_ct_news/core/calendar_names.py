"""Month and weekday names as news pages print them, from CLDR through Babel.

Arabic outlets name the Gregorian months in three regional series: the Iraqi and Levantine
(كانون الثاني، شباط، آذار …), the Egyptian and Gulf (يناير، فبراير، مارس …) and the Maghrebi
(جانفي، فيفري … in Algeria and Tunisia, ماي، يوليوز، غشت … in Morocco); wire copy often prints two
at once (آذار/مارس), and English date lines (3rd, March 2021) are common too. CLDR keeps all of
them, per locale, so the names are read from Babel instead of being typed here: a list typed by
hand misses the forms its author does not use.

Spelling varies more than CLDR records (آيار and ايار for أيار, the Persian letters ی and ک of
Kurdish sites, a space dropped inside تشرين الأول, the Egyptian final ه of يونيه and يوليه), so each
name is matched by a pattern that tolerates those variants rather than by a list of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Literal

from babel.dates import get_day_names, get_month_names

#: The locales whose names are read: one per regional series of Arabic month names, and English.
LOCALES = ("ar_IQ", "ar_SY", "ar_LB", "ar_EG", "ar_SA", "ar_MA", "ar_DZ", "ar_TN", "en")

#: Letters written interchangeably in the names (hamza seats, alef maqsura, Persian forms).
_VARIANT_CLASSES = {
    "ا": "[اأإآ]", "أ": "[اأإآ]", "إ": "[اأإآ]", "آ": "[اأإآ]",
    "ي": "[يىی]", "ى": "[يىی]", "ك": "[كک]", "ة": "[ةه]",
}


_Getter = Callable[[Literal["wide", "abbreviated"], Literal["format", "stand-alone"], str],
                   dict[int, str]]
_WIDTHS: tuple[Literal["wide", "abbreviated"], ...] = ("wide", "abbreviated")
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")


def _names(getter: _Getter, count: int) -> tuple[tuple[str, ...], ...]:
    found: list[list[str]] = [[] for _ in range(count)]
    for locale in LOCALES:
        for width in _WIDTHS:
            for context in _CONTEXTS:
                names = getter(width, context, locale)
                for key, name in names.items():
                    index = key - 1 if count == 12 else (key + 1) % 7
                    name = " ".join(str(name).split())
                    if name not in found[index] and len(name) > 1:
                        found[index].append(name)
    return tuple(tuple(names) for names in found)


def _month_getter(
    width: Literal["wide", "abbreviated"], context: Literal["format", "stand-alone"], locale: str
) -> dict[int, str]:
    return dict(get_month_names(width, context, locale))


def _day_getter(
    width: Literal["wide", "abbreviated"], context: Literal["format", "stand-alone"], locale: str
) -> dict[int, str]:
    return dict(get_day_names(width, context, locale))


@lru_cache(maxsize=1)
def month_names() -> tuple[tuple[str, ...], ...]:
    """For each month, January first, every name CLDR gives it in :data:`LOCALES`."""
    return _names(_month_getter, 12)


@lru_cache(maxsize=1)
def weekday_names() -> tuple[tuple[str, ...], ...]:
    """For each weekday, Sunday first, every name CLDR gives it in :data:`LOCALES`."""
    return _names(_day_getter, 7)


def spelling_pattern(name: str) -> str:
    """A regular expression for ``name`` in any of its spellings (see the module doc)."""
    parts: list[str] = []
    for char in name:
        if char == " ":
            parts.append(r"\s*")
        elif char in _VARIANT_CLASSES:
            parts.append(_VARIANT_CLASSES[char])
        else:
            parts.append(re.escape(char))
    pattern = "".join(parts)
    if name.endswith("يو"):  # Egyptian يونيه، يوليه
        pattern = pattern[: -len(_VARIANT_CLASSES["ي"]) - 1] + "[يىی][وه]"
    if name.isascii():
        return f"(?i:{pattern})"
    return pattern


def _alternation(series: tuple[tuple[str, ...], ...]) -> str:
    names = sorted({name for names in series for name in names}, key=len, reverse=True)
    return "|".join(spelling_pattern(name) for name in names)


@lru_cache(maxsize=1)
def month_pattern() -> str:
    """An alternation matching any month name in any spelling (no groups, no anchors)."""
    return _alternation(month_names())


@lru_cache(maxsize=1)
def weekday_pattern() -> str:
    """An alternation matching any weekday name in any spelling (no groups, no anchors)."""
    return _alternation(weekday_names())


@lru_cache(maxsize=1)
def _month_matchers() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple(
        (re.compile(spelling_pattern(name)), number)
        for number, names in enumerate(month_names(), start=1)
        for name in sorted(names, key=len, reverse=True)
    )


def month_number(text: str) -> int:
    """The month (1–12) ``text`` names, in any series or spelling, else 0."""
    words = text.strip()
    for pattern, number in _month_matchers():
        if pattern.fullmatch(words):
            return number
    return 0


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """Every word of every month name (آذار, كانون, تشرين, March …), as CLDR spells it, and
    in the Egyptian spelling with a final ه (يونيه، يوليه)."""
    words = {word for names in month_names() for name in names for word in name.split()}
    return frozenset(words | {word[:-1] + "ه" for word in words if word.endswith("يو")})
