"""Datelines, agency tags, sign-offs, author and source lines: ``source.dateline``,
``source.credit`` and ``source.byline`` rather than body text.

News copy names its place and its source in a few fixed shapes, on every outlet:

* a dateline opening the first paragraph: ``<city> (رويترز) -``, ``<city> 4 آذار/مارس2019 (د ب أ)-``,
  ``<city> -`` (a known place), ``<name> (<place>)`` (a correspondent and the place);
* a line of its own, place and outlet: ``رام الله - دنيا الوطن``, ``أبوظبي - سكاي نيوز عربية``,
  or a sign-off after the text: ``PUKmedia اربيل``;
* a labelled line: ``المصدر: …``, ``بقلم: …``, ``كتب: …``.

Each part found is kept verbatim (whitespace folded), to be confirmed by the contributor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...core.arabic import search_key
from ...core.textutil import has_arabic_letter
from ..dates import one_date
from ..gazetteer import entries
from .chrome import AGENCIES, CREDIT_LABELS
from .dates import is_date_line, is_header_date
from .lines import LeftOut, SeedLine

_AUTHOR_LABELS = frozenset(
    {"الكاتب", "الكاتبة", "كتب", "كتبت", "بقلم", "إعداد", "مراسل", "مراسلة", "author", "by",
     "written by"}
)
_SOURCE_LABELS = frozenset({"المصدر", "مصدر الخبر", "source"})
_CREDIT_PART = re.compile(
    rf"(?<![\w])(?P<label>{CREDIT_LABELS})\s*[:：]\s*(?P<value>.*?)"
    rf"(?=\s+(?:{CREDIT_LABELS})\s*[:：]|$)",
    re.IGNORECASE,
)
_AGENCY = re.compile(rf"^(?:{AGENCIES})$|^[A-Za-z][A-Za-z .]{{1,30}}$", re.IGNORECASE)
_AGENCY_IN = re.compile(rf"(?<![\w])(?:{AGENCIES})(?![\w])")
_DASH = r"[-–—ـ]"
_WORD = r"[^\s.،,:؛()«»\"\-–—ـ]+"
#: A dateline opening a paragraph: place (up to three words), perhaps a date, perhaps an
#: agency in brackets, then a dash or colon.
_OPENER = re.compile(
    rf"^(?P<dateline>(?P<place>{_WORD}(?: {_WORD}){{0,2}})(?P<date>[\s،,]+[0-9٠-٩][^()\-–—ـ:]{{2,40}}?)?)"
    rf"\s*(?:\((?P<agency>[^()]{{1,40}})\))?\s*(?P<sep>{_DASH}|:)\s*(?=\S)"
)
#: A correspondent's name and the place in brackets: دينا مصطفى (الكويت) أكد …
_BYLINE_OPENER = re.compile(
    rf"^(?P<name>{_WORD}(?: {_WORD}){{1,3}}) \((?P<place>[^()]{{1,40}})\)\s*(?:{_DASH}|:)?\s*(?=\S)"
)
#: A line of its own: place - outlet (at most three words each) (رام الله - دنيا الوطن) or outlet place (PUKmedia اربيل).
_PLACE_DASH_OUTLET = re.compile(rf"^(?P<place>{_WORD}(?: {_WORD}){{0,2}})\s+{_DASH}\s+(?P<outlet>[^\-–—ـ.،]{{2,40}})$")
_NAME_DOTS_OUTLET = re.compile(r"^(?P<name>[^.…|]{2,40}?)\s*(?:\.\.+|…|\|)\s*(?P<outlet>[A-Za-z][A-Za-z .]{1,40})$")
_SIGN_OFF_WORDS = 3


@lru_cache(maxsize=1)
def _place_keys() -> frozenset[str]:
    """The search keys of every place name the gazetteer knows (countries, regions, cities)."""
    return frozenset(
        search_key(name) for entry in entries() if entry.entity == "place" for name in entry.spellings
    )


def _known_place(text: str) -> bool:
    return search_key(text) in _place_keys()


def split_opener(line: SeedLine) -> tuple[dict[str, SeedLine], SeedLine]:
    """The dateline, credit and byline a paragraph opens with, and the paragraph after them
    (the paragraph unchanged when it opens with none)."""
    found: dict[str, SeedLine] = {}
    byline = _BYLINE_OPENER.match(line.text)
    if byline is not None and _known_place(byline.group("place")):
        found["byline"] = line.part(byline.group("name"))
        found["dateline"] = line.part(byline.group("place"))
        return found, line.part(line.text[byline.end():])
    opener = _OPENER.match(line.text)
    if opener is None:
        return found, line

    agency = (opener.group("agency") or "").strip()
    place_known = _known_place(opener.group("place"))
    if agency and not _AGENCY.match(agency):
        return found, line
    date = opener.group("date")
    if date and one_date(date) is None:
        return found, line
    if not (agency or date or place_known):
        return found, line
    found["dateline"] = line.part(opener.group("dateline").strip())
    if agency:
        found["credit"] = line.part(agency)
    return found, line.part(line.text[opener.end():])


def source_line_parts(line: SeedLine) -> dict[str, SeedLine]:
    """What a short line of its own says about the source: ``رام الله - دنيا الوطن`` (dateline
    and credit), ``PUKmedia اربيل`` (credit and dateline), ``<name> .. <outlet>`` (byline)."""
    text = line.text.strip("•·|* ")
    found: dict[str, SeedLine] = {}
    if is_date_line(text) or is_header_date(text):
        return found
    dashed = _PLACE_DASH_OUTLET.match(text)
    if dashed is not None and len(dashed.group("outlet").split()) <= _SIGN_OFF_WORDS:
        found["dateline"] = line.part(dashed.group("place"))
        found["credit"] = line.part(dashed.group("outlet").strip())
        return found
    dotted = _NAME_DOTS_OUTLET.match(text)
    if dotted is not None and has_arabic_letter(dotted.group("name")):
        name = dotted.group("name").strip()
        if _known_place(name):
            found["dateline"] = line.part(name)
            found["credit"] = line.part(dotted.group("outlet").strip())
        else:
            found["byline"] = line.part(name)
        return found
    words = text.split()
    if len(words) <= _SIGN_OFF_WORDS:
        latin = [word for word in words if not has_arabic_letter(word)]
        arabic = " ".join(word for word in words if has_arabic_letter(word))
        if len(latin) == 1 and arabic and _known_place(arabic):
            found["credit"] = line.part(latin[0])
            found["dateline"] = line.part(arabic)
    return found


def dated_place(line: SeedLine) -> dict[str, SeedLine]:
    """A date line that opens with a known place (العراق، 11 أبريل 2018) is the dateline."""
    place = re.match(rf"^(?P<place>{_WORD}(?: {_WORD}){{0,2}})\s*[،,]", line.text)
    if place is not None and _known_place(place.group("place")):
        return {"dateline": line}
    return {}


def labelled_parts(item: LeftOut) -> dict[str, SeedLine]:
    """What labelled parts of a left-out line say: ``byline`` (the words after an author label,
    unless they name an agency: then the line is a ``credit``), ``credit`` (a source label and
    its words, as printed) and ``rights`` (a copyright line)."""
    found: dict[str, SeedLine] = {}
    line = item.line
    if item.reason == "copyright footer":
        found["rights"] = line
    for match in _CREDIT_PART.finditer(line.text):
        label, value = match.group("label"), match.group("value").strip(" -–—|،,")
        if not value:
            continue
        if label.lower() in _AUTHOR_LABELS:
            if _AGENCY_IN.search(value):
                found.setdefault("credit", line.part(match.group(0).strip(" -–—|،,")))
            else:
                found.setdefault("byline", line.part(value))
        elif label.lower() in _SOURCE_LABELS:
            found.setdefault("credit", line.part(match.group(0).strip(" -–—|،,")))
    return found


def is_source_line(text: str) -> bool:
    """Whether a line of its own is a dateline, credit or sign-off line (see the module doc)."""
    return bool(source_line_parts(SeedLine(0, text)))
