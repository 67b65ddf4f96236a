"""Reading the numbers an Arabic text states, so a record's ``value`` can be checked against it.

Handles Latin and Arabic-Indic digits, thousands separators, decimal points (``.``, ``٫`` and the
news agencies' ``ر``, below), percentages and the scale words ألف/آلاف (thousand),
مليون/ملايين (million), مليار/مليارات (billion). Numbers written out in words ("الستة عشر") are
not read; a figure given only in words is not checked.

The text is matched through the package's search normaliser (:func:`~iraq_ct_news.core.arabic.
search_key`), so every spelling it folds is read alike: hamza on alef or not (الف, الاف),
diacritics and tatweel (ألفًا, مليـون), and the Persian and Urdu letter forms copied text uses
for Arabic ones (ملیون with Persian yeh, ک for ك).

Wire agencies (KUNA, Petra, SANA, Xinhua's Arabic service and the papers that copy them) write a
decimal with the letter ``ر`` as its point and the decimal digits first in the stored text, so
that a right-to-left line shows the whole part on the right: ``8ر1 مليون`` is 1.8 million and
``5ر12`` is 12.5. Read as plain digits it would be two numbers (8 and 1 million); it is one.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .arabic import search_key
from .textutil import to_latin_digits

#: The scale words, as written in the press; matched by their search keys (longest first).
_SCALE_SPELLINGS: tuple[tuple[str, int], ...] = (
    ("مليارات", 10**9),
    ("مليارا", 10**9),
    ("مليار", 10**9),
    ("ملايين", 10**6),
    ("مليونا", 10**6),
    ("مليون", 10**6),
    ("آلاف", 10**3),
    ("ألفا", 10**3),
    ("ألف", 10**3),
)
_SCALES: tuple[tuple[str, int], ...] = tuple(
    (search_key(word), factor) for word, factor in _SCALE_SPELLINGS
)
_SCALE_WORD = "|".join(word for word, _ in _SCALES)
_NUMBER = re.compile(
    r"(?<![0-9])(?:(?P<agency_fraction>[0-9]+)ر(?P<agency_whole>[0-9]+)(?![0-9])"
    r"|(?P<whole>[0-9]{1,3}(?:[,٬][0-9]{3})+|[0-9]+)(?:[.٫](?P<fraction>[0-9]+))?)"
    rf"(?:\s*(?:{_SCALE_WORD}))?"
)
_BARE_SCALE = re.compile(rf"(?<!\w)(?:{_SCALE_WORD})(?!\w)")


def stated_numbers(text: str) -> list[Decimal]:
    """Every number ``text`` states, with its scale word applied (``2 مليون`` → 2000000,
    ``2 ملیون`` with a Persian yeh too)."""
    latin = search_key(to_latin_digits(text))
    values: list[Decimal] = []
    for match in _NUMBER.finditer(latin):
        if match.group("agency_whole") is not None:
            whole, fraction = match.group("agency_whole"), match.group("agency_fraction")
        else:
            whole = match.group("whole").replace(",", "").replace("٬", "")
            fraction = match.group("fraction")
        try:
            number = Decimal(f"{whole}.{fraction}" if fraction else whole)
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            continue
        values.append(number * _scale_of(match.group(0)))
    if not values:
        for match in _BARE_SCALE.finditer(latin):
            values.append(Decimal(_scale_of(match.group(0))))
    return values


def has_digits(text: str) -> bool:
    return re.search(r"[0-9]", to_latin_digits(text)) is not None


def _scale_of(fragment: str) -> int:
    for word, factor in _SCALES:
        if fragment.endswith(word):
            return factor
    return 1
