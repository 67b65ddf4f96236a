"""Amounts of money, Security Council resolutions and other stated numbers.

Digits are Latin or Arabic-Indic; a scale word (ألف، مليون، مليار and their plurals and duals)
multiplies; a currency word follows (دولار، يورو، دينار عراقي …). Values are read with the same
:func:`numerals.stated_numbers` the validator checks them with (P007, P011), so a proposed value
always agrees with its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ...core.arabic import search_key
from ...core.calendar_names import month_words
from ...core.numerals import stated_numbers
from ...core.taken import TakenSpans
from ...core.textutil import to_latin_digits
from ...reading.lexicon import CURRENCY_WORDS, OTHER_DOLLARS
from ...reading.text import bare_forms

_DIGITS = r"[0-9٠-٩۰-۹]"
#: Where a number or a scale word starts: not inside a word or a number, but possibly behind a
#: glued conjunction or preposition (و3,500 يورو، بمليون دولار).
_START = r"(?:(?<![\w.,٫٬])|(?<=(?<!\w)[وبفل]))"
#: The agency decimal (``8ر1`` = 1.8, :mod:`..numerals`) first, so it is read as one number.
_NUMBER = (
    rf"{_DIGITS}+ر{_DIGITS}+(?!\w)"
    rf"|{_DIGITS}{{1,3}}(?:[,٬]{_DIGITS}{{3}})+(?:[.٫]{_DIGITS}+)?|{_DIGITS}+(?:[.٫]{_DIGITS}+)?"
)
_SCALE = r"(?:مليارات|مليارا|مليار|ملايين|مليونا|مليون|آلاف|ألفا|ألف)"
#: Scale words that state a number alone: the dual (مليونا/مليونين = 2 million) is not read by
#: the checker, so only the singular (مليون دولار = 1 million) is proposed without digits.
_CURRENCY = "|".join(
    sorted((re.escape(word) for word, _code in CURRENCY_WORDS), key=len, reverse=True)
)
_AMOUNT = re.compile(
    rf"{_START}(?:(?P<number>{_NUMBER})\s*(?:{_SCALE}\b\s*)?|(?P<bare>مليون|مليار|ألف)\s+)"
    rf"(?P<currency>{_CURRENCY})(?:(?=\s+(?P<qualifier>[\u0621-\u064a]+)))?"
)
_PERCENT = re.compile(rf"{_START}(?P<number>{_NUMBER})\s*(?:%|٪|في المائة|في المئة|بالمائة|بالمئة)")
_COUNT = re.compile(
    rf"(?<![\w.,٫٬/:\-])(?P<number>{_NUMBER})\s+(?:{_SCALE}\s+)?(?P<unit>[\u0621-\u064a]{{3,}})(?![\w/])"
)
_RESOLUTION = re.compile(
    r"(?P<head>(?:ب|ل|و)?(?:ال)?قرار(?:ه|ها|ات|ي)?)"
    r"(?P<body>(?:\s+(?:مجلس\s+الأمن(?:\s+الدولي)?|الأممي|الدولي|رقم))*)"
    rf"\s+(?:رقم\s+)?(?P<number>{_DIGITS}{{2,4}})"
    rf"(?P<year>\s*\(\s*{_DIGITS}{{4}}\s*\)|\s+(?:لعام|لسنة|الصادر عام|عام)\s+{_DIGITS}{{4}})?"
)
_YEAR = re.compile(rf"{_DIGITS}{{4}}")
#: Words after a number that make it a date, a time, an age or part of a name, not a figure.
#: Month names come from CLDR (:mod:`iraq_ct_news.core.calendar_names`), every word of each name.
_NOT_FIGURE_UNITS = frozenset(
    search_key(word)
    for word in (
        *month_words(), "عاما", "عام", "سنة", "ميلادي",
        "هجري", "ساعة", "دقيقة", "صباحا", "مساء", "و", "إلى", "الى", "من", "في",
    )
)


def amounts(text: str) -> Iterator[tuple[int, int, int, str | None]]:
    """``(start, end, value, currency)`` for each sum of money in ``text``."""
    for match in _AMOUNT.finditer(text):
        end = match.end("currency")
        exact = text[match.start() : end]
        values = stated_numbers(exact)
        if len(values) != 1 or values[0] != values[0].to_integral_value() or values[0] < 1:
            continue
        currency = _currency(match.group("currency"), match.group("qualifier"))
        yield match.start(), end, int(values[0]), currency


def _currency(word: str, qualifier: str | None) -> str | None:
    key = search_key(word)
    following = search_key(qualifier.strip()) if qualifier else ""
    if key.startswith("دولار"):
        return OTHER_DOLLARS.get(following, "USD")
    for currency_word, code in CURRENCY_WORDS:
        if search_key(currency_word) == key:
            return code
    return None


def resolutions(text: str) -> Iterator[tuple[int, int, int, int | None]]:
    """``(start, end, number, year)`` for each cited resolution; the year only when stated.

    The span starts at the word for resolution (a glued preposition left out) and ends after
    the year if the text gives one, else after the number.
    """
    for match in _RESOLUTION.finditer(text):
        head = match.group("head")
        sentence = re.split(r"[.!?؟\n]", text[max(0, match.start() - 200) : match.start()])[-1]
        council = "مجلس" in match.group("body") or (
            head.endswith(("قراره", "قرارها", "القرار", "قرار")) and "مجلس الأمن" in sentence
        )
        if not council:
            continue  # a decree or a law numbered like a resolution
        skip = 1 if head[0] in "بلو" and not head.startswith(("ال", "قرار")) else 0
        start = match.start("head") + skip
        number = int(to_latin_digits(match.group("number")))
        if number < 1:
            continue
        year_text = match.group("year")
        end = match.end("year") if year_text else match.end("number")
        year = int(to_latin_digits(_YEAR.search(year_text).group(0))) if year_text else None  # type: ignore[union-attr]
        if year is not None and not 1946 <= year <= 2100:
            year, end = None, match.end("number")
        yield start, end, number, year


def figures(text: str, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int, Decimal, str]]:
    """``(start, end, value, unit words)`` for percentages and counts of things, outside the
    ``taken`` spans (amounts, resolutions, dates)."""
    claimed = TakenSpans(len(text), taken)
    for match in _PERCENT.finditer(text):
        if claimed.free(match.start(), match.end()):
            values = stated_numbers(text[match.start() : match.end()])
            if len(values) == 1:
                yield match.start(), match.end(), values[0], "percent"
    for match in _COUNT.finditer(text):
        unit = match.group("unit")
        if bare_forms(search_key(unit)) & _NOT_FIGURE_UNITS or not claimed.free(
            match.start(), match.end()
        ):
            continue
        if text[max(0, match.start() - 5) : match.start()].strip().endswith("رقم"):
            continue  # a number that names something (رقم 45), not a count
        number = to_latin_digits(match.group("number"))
        if re.fullmatch(r"(?:19|20)[0-9]{2}", number):
            continue  # a year
        values = stated_numbers(text[match.start() : match.end()])
        if len(values) == 1:
            yield match.start(), match.end(), values[0], unit
