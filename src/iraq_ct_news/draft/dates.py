"""Dates: the publication date from the seed's date line, and the dates the body states or
implies, resolved against it (DATA-MODEL §3.3).

A date is never made more precise than its words: a month stays a month. A date line above the
headline is the page header (when the page was captured), not the publication date; the first
date line below the headline, or a line labelled تاريخ النشر, gives the publication date.
Relative expressions (أمس، اليوم، الشهر الماضي، أيلول الماضي، العام المقبل …) are resolved against a
publication date known to the day (or month, for month-relative words), basis ``relative``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..anchoring import resolve_span
from ..arabic import search_key
from ..scaffold import is_date_line, read_seed, seed_lines
from ..textutil import fold_whitespace, to_latin_digits
from .lexicon import MONTH_NAMES, MONTHS
from .proposals import CapturedProposal, PublishedProposal

_DIGIT = r"[0-9٠-٩۰-۹]"
_MONTH = "|".join(
    sorted((re.escape(name) for names in MONTH_NAMES for name in names), key=len, reverse=True)
)
_MONTH_GROUP = rf"(?:{_MONTH})(?:\s*/\s*(?:{_MONTH}))?"
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!{_DIGIT})(?P<day>{_DIGIT}{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH_GROUP})"
    rf"\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنة)\s+)?(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})"
)
_MONTH_YEAR = re.compile(
    rf"(?:شهر\s+)?(?P<month>{_MONTH_GROUP})\s*[,،]?\s*(?:(?:من\s+)?(?:عام|سنة)\s+)?"
    rf"(?P<year>{_DIGIT}{{4}})(?!{_DIGIT})"
)
_NUMERIC = re.compile(
    rf"(?<!{_DIGIT})(?:(?P<day>{_DIGIT}{{1,2}})[/.\-](?P<month>{_DIGIT}{{1,2}})[/.\-]"
    rf"(?P<year>{_DIGIT}{{4}})|(?P<year2>{_DIGIT}{{4}})-(?P<month2>{_DIGIT}{{2}})-"
    rf"(?P<day2>{_DIGIT}{{2}}))(?!{_DIGIT})"
)
_PUBLISHED_LABEL = re.compile(r"تاريخ\s+(?:النشر|نشر)|نشر\s+(?:في|بتاريخ)|Published", re.I)
#: Lines after the headline searched for the publication date line.
_DATE_LINE_WINDOW = 6


@dataclass(frozen=True)
class StatedDate:
    start: int
    end: int
    edtf: str


def stated_dates(text: str) -> Iterator[StatedDate]:
    """Every date ``text`` states with a year: day precision or month precision."""
    taken: list[tuple[int, int]] = []
    for match in _DAY_MONTH_YEAR.finditer(text):
        date = _day(match.group("year"), _month(match.group("month")), match.group("day"))
        if date is not None:
            taken.append((match.start(), match.end()))
            yield StatedDate(match.start(), match.end(), date)
    for match in _NUMERIC.finditer(text):
        year = match.group("year") or match.group("year2")
        month = int(to_latin_digits(match.group("month") or match.group("month2")))
        date = _day(year, month, match.group("day") or match.group("day2"))
        if date is not None and _free(match.start(), match.end(), taken):
            taken.append((match.start(), match.end()))
            yield StatedDate(match.start(), match.end(), date)
    for match in _MONTH_YEAR.finditer(text):
        if _free(match.start(), match.end(), taken):
            month = _month(match.group("month"))
            year = int(to_latin_digits(match.group("year")))
            if month and 1900 <= year <= 2100:
                yield StatedDate(match.start(), match.end(), f"{year:04d}-{month:02d}")


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= left or start >= right for left, right in taken)


def _month(words: str) -> int:
    first = re.split(r"\s*/\s*", words)[0]
    return MONTHS.get(search_key(fold_whitespace(first)), 0)


def _day(year_text: str, month: int, day_text: str) -> str | None:
    year, day = int(to_latin_digits(year_text)), int(to_latin_digits(day_text))
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def published_from_seed(seed_text: str) -> tuple[PublishedProposal | None, CapturedProposal | None]:
    """The publication date (and a page-header capture date) the seed's date lines give."""
    try:
        reading = read_seed(seed_text)
    except Exception:  # noqa: BLE001 - an empty seed has no date line; nothing to propose
        return None, None
    headline = reading.headline.number
    lines = seed_lines(seed_text)
    published: PublishedProposal | None = None
    captured: CapturedProposal | None = None
    labelled = [line for line in lines if _PUBLISHED_LABEL.search(line.text)]
    below = [line for line in lines if headline < line.number <= headline + 2 * _DATE_LINE_WINDOW]
    above = [line for line in lines if line.number < headline]
    for line in labelled + below[:_DATE_LINE_WINDOW]:
        if line not in labelled and not is_date_line(line.text):
            continue
        found = _one_date(line.text)
        if found is not None and _resolves(seed_text, line.text):
            published = PublishedProposal(found, "explicit", line.text, "seed", line.number)
            break
    for line in above[:3]:
        found = _one_date(line.text)
        if found is not None and is_date_line(line.text) and _resolves(seed_text, line.text):
            if published is None or found != published.date:
                captured = CapturedProposal(found, line.text, line.number)
            break
    return published, captured


def _one_date(text: str) -> str | None:
    dates = {date.edtf for date in stated_dates(text)}
    return dates.pop() if len(dates) == 1 else None


def _resolves(seed_text: str, exact: str) -> bool:
    """Whether ``exact`` places in the seed (once, or first of several identical lines)."""
    found = resolve_span(seed_text, exact, flexible_whitespace=True)
    return found.found or found.problem == "P006"


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
            named = MONTHS.get(search_key(match.group("month")), 0)
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
