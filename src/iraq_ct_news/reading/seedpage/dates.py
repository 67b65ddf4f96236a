"""Date lines on a seed page, and which date each one is.

A page prints several dates and only one is when the article was published:

* a labelled date (تاريخ النشر: …, نشر في …, Published …) or a date line just below the headline
  (الأربعاء 19/أكتوبر/2016 - 01:29 م، 10:07, 10/05/2024، • 9-3-2025 | 19:06) is the publication;
* a date in the site's header, above the headline (often with the city's weather), is the day the
  page was captured, not published (DATA-MODEL §3.1); a header date without a year gives no date;
* a "last updated" stamp (آخر تحديث، تاريخ التحديث، Updated) is neither: the article may be older;
* a date stamp printed at the end of a teaser line (… 31.12.2025) is a date line glued to text.

Reading the date off a line is :mod:`iraq_ct_news.reading.dates`' business; a date is never made
more precise than its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...core.calendar_names import month_pattern, weekday_pattern
from ...core.normalization import nfc
from ...core.textutil import to_latin_digits
from ..anchoring import resolve_span
from ..dates import one_date
from .lines import SeedLine, SeedReading, seed_lines

DATE_LINE = "date line"
HEADER_DATE = "page-header date (when the page was captured)"
UPDATE_STAMP = "last-updated stamp (not the publication date)"

_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
#: Words a date line holds besides the date: a time, a time zone, "since", "at", "on".
_TIME_WORDS = (
    r"الساعة|ساعة|بتوقيت|توقيت|منذ|في|بتاريخ|تاريخ|غرينتش|مكة|صباحا|مساء|صباحاً|مساءً|م|ص"
    r"|GMT|UTC|AM|PM|at|on"
)
_DATE_PARTS = re.compile(
    rf"(?<![\w])(?:{month_pattern()}|{weekday_pattern()}|{_TIME_WORDS})(?![\w])"
    r"|[0-9]{1,4}(?:st|nd|rd|th)?(?:[:/.\-][0-9]{1,4})*|[^\w\s]",
    re.IGNORECASE,
)
_MONTH_OR_NUMERIC = re.compile(
    rf"(?<![\w])(?:{month_pattern()})(?![\w])|[0-9]{{1,2}}[/.\-][0-9]{{1,2}}[/.\-][0-9]{{4}}"
    r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
    re.IGNORECASE,
)
#: A label that says a line gives when the article was published.
PUBLISHED_LABEL = re.compile(
    r"^(?:تاريخ (?:النشر|نشر الخبر|الخبر)|تم النشر|نشر(?: في| بتاريخ)?|published(?: on)?)"
    r"\s*[:：]?",
    re.IGNORECASE,
)
#: A label that says a line gives when the article was last changed (not published).
UPDATE_LABEL = re.compile(
    r"(?:^|\s|[-–|])(?:آخر تحديث|اخر تحديث|تاريخ التحديث|تم التحديث|محدث|تحديث في|updated"
    r"|last updated|last modified)\b",
    re.IGNORECASE,
)
#: At most this many words other than the date (a weekday, a place, a section) on a date line.
_DATE_LINE_OTHER_WORDS = 3
#: A temperature, as a site's header prints the weather next to the date.
_WEATHER = re.compile(r"[0-9]+\s*°\s*[CFcf]?|°[CF]")
_DAY_AND_MONTH = re.compile(
    rf"(?<![0-9])[0-9]{{1,2}}\s*(?:{month_pattern()})(?![\w])|(?<![\w])(?:{weekday_pattern()})"
    rf"(?![\w])",
)
#: A date stamp printed at the end of a line of text (… خلال الأيام... 31.12.2025).
TRAILING_STAMP = re.compile(
    r"(?:(?<=\.\.\.)|(?<=…)|(?<=\s))\s*(?P<stamp>[0-9]{1,2}[./\-][0-9]{1,2}[./\-](?:19|20)[0-9]{2}"
    r"(?:\s*[-|,]?\s*[0-9]{1,2}:[0-9]{2})?)\s*$"
)
#: Bullets a page prints before a date line (not part of the evidence).
_LEADING_BULLETS = "♦•▪►◄●■□◆*· "
#: Lines below the headline searched for its date line.
DATE_LINE_WINDOW = 6


def is_date_line(text: str) -> bool:
    """Whether ``text`` is a date (and perhaps a weekday, a time or a place) and nothing more."""
    latin = to_latin_digits(text)
    if _YEAR.search(latin) is None or _MONTH_OR_NUMERIC.search(latin) is None:
        return False
    rest = _DATE_PARTS.sub(" ", latin).split()
    return len(rest) <= _DATE_LINE_OTHER_WORDS


def is_header_date(text: str) -> bool:
    """Whether ``text`` is a site header's date line without a year (a city, the weather, the
    weekday, day and month, the time): no date can be read off it, but it is not article text."""
    latin = to_latin_digits(text)
    if _DAY_AND_MONTH.search(latin) is None:
        return False
    rest = _DATE_PARTS.sub(" ", _WEATHER.sub(" ", latin)).split()
    return len(rest) <= _DATE_LINE_OTHER_WORDS - (0 if _WEATHER.search(latin) else 2)


#: An update stamp is a short line (a longer one is text the page ran into the stamp).
_STAMP_MAX_WORDS = 12


def is_update_stamp(text: str) -> bool:
    """Whether ``text`` is a "last updated" line with a date (and perhaps a source tag)."""
    return (
        len(text.split()) <= _STAMP_MAX_WORDS
        and UPDATE_LABEL.search(text) is not None
        and _YEAR.search(to_latin_digits(text)) is not None
    )


@dataclass(frozen=True)
class SeedDate:
    """A date a seed line gives, and the line (its folded text is the evidence, scope seed)."""

    date: str
    line: SeedLine
    occurrence: int | None = None
    """Set when the line is printed more than once in the seed: the first is meant."""


def seed_dates(text: str, reading: SeedReading) -> tuple[SeedDate | None, SeedDate | None]:
    """The publication date and the capture date a seed's date lines give (see the module doc).

    A labelled publication date wins; otherwise the first date line (or date stamp ending a
    line) within a few lines below the headline, else a dated dateline (<city> 4 آذار/مارس2019);
    update stamps never count. The first date line
    above the headline is the capture date.
    """
    lines = seed_lines(text)
    headline = reading.headline.number
    normalized = nfc(text)

    def dated(line: SeedLine) -> SeedDate | None:
        line = line.part(line.text.lstrip(_LEADING_BULLETS))
        found = one_date(line.text)
        if found is None:
            return None
        placed = resolve_span(normalized, line.text, flexible_whitespace=True)
        if placed.found:
            return SeedDate(found, line)
        if placed.problem == "P006":
            return SeedDate(found, line, occurrence=1)
        return None

    def candidates() -> list[SeedLine]:
        found = [line for line in lines if PUBLISHED_LABEL.match(line.text)]
        for line in [line for line in lines if headline < line.number][:DATE_LINE_WINDOW]:
            if is_date_line(line.text):
                found.append(line)
            stamp = TRAILING_STAMP.search(to_latin_digits(line.text))
            if stamp is not None:
                found.append(line.part(line.text[stamp.start("stamp"):stamp.end("stamp")]))
        found.extend(line for key, line in reading.source_lines if key == "dateline")
        return [line for line in found if not is_update_stamp(line.text)]

    published: SeedDate | None = None
    for line in candidates():
        published = dated(line)
        if published is not None:
            break
    captured: SeedDate | None = None
    for line in [line for line in lines if line.number < headline][:3]:
        if is_date_line(line.text) and not is_update_stamp(line.text):
            captured = dated(line)
            if captured is not None and published is not None and captured.date == published.date:
                captured = None
            break
    return published, captured
