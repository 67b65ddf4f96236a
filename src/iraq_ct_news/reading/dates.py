"""Dates the text states (day or month precision) or implies, resolved against the publication
date (DATA-MODEL §3.3). Which seed line gives the publication date is the scaffold's business
(:func:`iraq_ct_news.reading.seedpage.dates.seed_dates`); reading the date off it is this module's, in
every form pages print: English (3rd, March 2021; March 3, 2021; 19/October/2016), every Arabic
month series with its double forms (آذار/مارس2019), and numeric dates, day first (10/05/2024,
9-3-2025, 31.12.2025, 2016-11-30). Month names come from :mod:`iraq_ct_news.core.calendar_names`.

A date is never made more precise than its words: a month stays a month. Relative expressions (أمس، اليوم، الشهر الماضي، أيلول الماضي، العام المقبل …) are resolved against a
publication date known to the day (or month, for month-relative words), basis ``relative``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..core.arabic import search_key
from ..core.calendar_names import month_number, month_pattern
from ..core.taken import TakenSpans
from ..core.textutil import to_latin_digits

_DIGIT = r"[0-9٠-٩۰-۹]"
_MONTH = month_pattern()
#: A month, or two names of it at once as wire copy prints them (آذار/مارس، حزيران (يونيو)).
_MONTH_GROUP = rf"(?:{_MONTH})(?:\s*(?:/|\(|-)\s*(?:{_MONTH})\s*\)?)?"
#: What stands between day, month and year: spaces, or a slash, hyphen or dot (19/أكتوبر/2016).
_SEP = r"\s*[/.\-]?\s*"
#: An English ordinal's suffix (3rd, 21st).
_ORDINAL = r"(?i:st|nd|rd|th)?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}}){_ORDINAL}\s*[,،]?{_SEP}(?:من\s+)?(?:شهر\s+)?"
    rf"(?P<month>{_MONTH_GROUP}){_SEP}[,،]?\s*(?:(?:من\s+)?(?:عام|سنة)\s+)?"
    rf"(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})"
)
#: The English order: March 3, 2021.
_MONTH_DAY_YEAR = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH})\.?\s+(?P<day>{_DIGIT}{{1,2}}){_ORDINAL}\s*,?\s+"
    rf"(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})"
)
_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?:شهر\s+)?(?P<month>{_MONTH_GROUP})\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنة)\s+)?"
    rf"(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})"
)
_NUMERIC = re.compile(
    rf"(?<!{_DIGIT})(?:(?P<day>{_DIGIT}{{1,2}})(?P<sep>[/.\-])(?P<month>{_DIGIT}{{1,2}})(?P=sep)"
    rf"(?P<year>{_DIGIT}{{4}})|(?P<year2>{_DIGIT}{{4}})(?P<sep2>[-/.])(?P<month2>{_DIGIT}{{1,2}})"
    rf"(?P=sep2)(?P<day2>{_DIGIT}{{1,2}}))(?![0-9٠-٩۰-۹]|[.\-/][0-9])"
)


@dataclass(frozen=True)
class StatedDate:
    start: int
    end: int
    edtf: str


def stated_dates(text: str) -> Iterator[StatedDate]:
    """Every date ``text`` states with a year: day precision or month precision (a match
    overlapping one found before is skipped, at a cost of its own length)."""
    taken = TakenSpans(len(text))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            date = _day(match.group("year"), _month(match.group("month")), match.group("day"))
            if date is not None and taken.free(match.start(), match.end()):
                taken.take(match.start(), match.end())
                yield StatedDate(match.start(), match.end(), date)
    for match in _NUMERIC.finditer(text):
        year = match.group("year") or match.group("year2")
        month = int(to_latin_digits(match.group("month") or match.group("month2")))
        date = _day(year, month, match.group("day") or match.group("day2"))
        if date is not None and taken.free(match.start(), match.end()):
            taken.take(match.start(), match.end())
            yield StatedDate(match.start(), match.end(), date)
    for match in _MONTH_YEAR.finditer(text):
        if taken.free(match.start(), match.end()):
            month = _month(match.group("month"))
            year = int(to_latin_digits(match.group("year")))
            if month and 1900 <= year <= 2100:
                yield StatedDate(match.start(), match.end(), f"{year:04d}-{month:02d}")


def one_date(text: str) -> str | None:
    """The one date ``text`` states (None if it states none, or several)."""
    dates = {date.edtf for date in stated_dates(text)}
    return dates.pop() if len(dates) == 1 else None


def _month(words: str) -> int:
    """The month a name (or the first of a double name, آذار/مارس) gives."""
    first = re.split(r"\s*[/(\-]\s*", words.strip())[0]
    return month_number(first.strip(" )"))


def _day(year_text: str, month: int, day_text: str) -> str | None:
    year, day = int(to_latin_digits(year_text)), int(to_latin_digits(day_text))
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# -- relative dates -----------------------------------------------------------------------------

_RELATIVE_DAY = {
    search_key("أمس"): -1, search_key("البارحة"): -1, search_key("اليوم"): 0,
    search_key("غدا"): 1, search_key("غداً"): 1, search_key("أول أمس"): -2,
}
_RELATIVE = re.compile(
    r"(?<![\w])(?:(?:و|ف|ب)?(?P<day>أول أمس|أمس|البارحة|اليوم|غداً|غدا)"
    r"|(?P<unit>الشهر|العام|السنة|الأسبوع)\s+(?P<which>الماضي|الماضية|المنصرم|المنصرمة|الحالي|الحالية|الجاري|الجارية|المقبل|المقبلة|القادم|القادمة)"
    rf"|(?:شهر\s+)?(?P<month>{_MONTH})\s+(?P<monthwhich>الماضي|المنصرم|المقبل|القادم))(?![\w])"
)
_PAST = {"الماضي", "الماضية", "المنصرم", "المنصرمة"}
_NEXT = {"المقبل", "المقبلة", "القادم", "القادمة"}


def relative_dates(text: str, published: str) -> Iterator[StatedDate]:
    """Relative expressions in ``text`` resolved against ``published`` (EDTF)."""
    day = _as_day(published)
    month = _as_month(published)
    for match in _RELATIVE.finditer(text):
        start, end = match.start(), match.end()
        if match.group("day"):
            if day is None:
                continue
            offset = _RELATIVE_DAY[search_key(match.group("day"))]
            if offset == 0:
                continue  # اليوم is mostly "nowadays" in news prose; too unsure to propose
            yield StatedDate(start, end, (day + datetime.timedelta(days=offset)).isoformat())
        elif match.group("unit"):
            which = match.group("which")
            unit = match.group("unit")
            if month is None:
                continue
            year, number = month
            step = -1 if which in _PAST else 1 if which in _NEXT else 0
            if unit == "الشهر":
                total = year * 12 + (number - 1) + step
                yield StatedDate(start, end, f"{total // 12:04d}-{total % 12 + 1:02d}")
            elif unit in ("العام", "السنة"):
                yield StatedDate(start, end, f"{year + step:04d}")
        elif match.group("month") and month is not None:
            year, number = month
            named = month_number(match.group("month"))
            if not named:
                continue
            if match.group("monthwhich") in ("الماضي", "المنصرم"):
                target_year = year if named < number else year - 1
            else:
                target_year = year if named > number else year + 1
            yield StatedDate(start, end, f"{target_year:04d}-{named:02d}")


def _as_day(edtf: str) -> datetime.date | None:
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", edtf):
        return datetime.date.fromisoformat(edtf)
    return None


def _as_month(edtf: str) -> tuple[int, int] | None:
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})(?:-[0-9]{2})?", edtf)
    return (int(match.group(1)), int(match.group(2))) if match else None
