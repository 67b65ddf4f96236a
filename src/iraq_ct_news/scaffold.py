"""Scaffolding a new article record from a seed: the logic of ``iraq-ct-news new``.

A contributor starts from a source document copied into ``seeds/``. Everything that follows from
it mechanically is written for them: the seed's name and hash, the record format version, the
dates of creation, the headline and the body paragraphs with likely site chrome left out.
Everything that needs judgement is a placeholder whose first word is ``TODO``. The models refuse
such text, so ``iraq-ct-news validate`` lists every placeholder until it is replaced and nothing
half-curated can be formatted or released.

The chrome heuristics only propose. Every seed line left out of the body is listed, with the
reason, in the comment block at the top of the file, for the contributor to confirm: that block
is the one place ``fmt`` keeps comments, so the file formats cleanly once it is filled in.

Writing never overwrites: the record is created with an exclusive link, and the seed's hash is
added to ``seeds/SHA256SUMS`` (the list of frozen seeds the test suite checks) only if it is not
there; a seed whose bytes differ from the hash already listed is refused, since seeds are never
edited.
"""

from __future__ import annotations

import datetime
import os
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ._version import SCHEMA_VERSION
from .errors import IraqCtNewsError, ReaderError, UsageError
from .fsutil import (
    FileTooLarge,
    LinkedPath,
    NotARegularFile,
    first_link,
    read_regular_file,
)
from .layout import CURATED, SEEDS, curated_files, record_path
from .limits import MAX_FILE_BYTES, MAX_STRING_LENGTH
from .models.types import ID_MAX_LENGTH, ID_PATTERN, SEED_NAME_PATTERN
from .textutil import fold_whitespace, text_problems, to_latin_digits

SUMS_FILE = "SHA256SUMS"
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/article.schema.json"

#: What the contributor has to write, field by field. Each value starts with the word TODO, which
#: the models refuse; where the field holds a list or a mapping, the text in its place is refused
#: as the wrong type. Either way `validate` names the field and quotes the instruction.
PLACEHOLDERS: dict[str, Any] = {
    "source": {
        "publisher": "TODO: id of the outlet (a record in curated/organizations/)",
        "url": "TODO: the address of the article if the seed shows it, else null",
        "byline": "TODO: the author line exactly as printed, else null",
        "dateline": "TODO: the place or date line exactly as printed, else null",
        "rights": "TODO: the copyright line exactly as printed, else null",
        "captured": "TODO: EDTF date the page was captured (a page-header date), else null",
    },
    "headline_en": "TODO: the headline in English, in your own words",
    "summary": {"en": "TODO: 3 to 5 sentences in English: who did what, where and when"},
    "published": "TODO: EDTF publication date, no more precise than the evidence",
    "published_basis": "TODO: explicit, inferred or unknown",
    "published_evidence": {
        "exact": "TODO: the words that give the date (delete this field if the basis is unknown)",
        "scope": "TODO: body, headline or seed",
    },
    # Findings quote the first 37 characters of a text given for a list: say it all in that.
    "themes": "TODO: theme ids from themes.yaml",
    "mentions": "TODO: people, organisations, places",
    "quotes": "TODO: quotes, or [] if none",
    "events": "TODO: events, or [] if none",
    "amounts": "TODO: sums of money, or [] if none",
    "resolutions": "TODO: UN resolutions, or [] if none",
    "figures": "TODO: other numbers, or [] if none",
    "notes": {"en": "TODO: your reasoning for the judgement calls: dates, attributions, chrome"},
}
NO_BODY = "TODO: no paragraph was found; copy the article's paragraphs from the seed"

#: A line longer than this many words is article text whatever it contains.
_CHROME_MAX_WORDS = 30
#: Lines after a "for more information" or "read also" line that are at most this long are links.
_LINK_MAX_WORDS = 25
#: A headline has at least this many words (shorter lines above it are navigation).
_HEADLINE_MIN_WORDS = 3
#: A repeated line among this many first lines is taken for the headline (pages print it twice).
_HEADLINE_WINDOW = 12
#: Seed text quoted in the comment block is cut at this many characters.
_QUOTE_WIDTH = 80

_BULLETS = "♦•▪►◄●■□◆*·|-–— "

#: Labels that open a line naming the source, the author or the editor (المصدر: … الكاتب: …).
_CREDIT_LABELS = (
    "المصدر|مصدر الخبر|الكاتب|الكاتبة|كتب|كتبت|بقلم|إعداد|تحرير|المحرر|المحررة|محرر|مراسل"
    "|مراسلة|نشر بواسطة|تصوير|ترجمة|source|author|by|editor|edited by|written by"
)
#: News agencies and their abbreviations, as credited in brackets at the end of a line.
_AGENCIES = (
    r"(?:[أ-ي]\.\s?){2,4}|أ ف ب|ا ف ب|د ب أ|أ ش أ|رويترز|واع|كونا|واس|وام|قنا|بنا|سبأ|الأناضول"
    r"|سانا|إرنا|فرانس برس|أسوشيتد برس|شينخوا|AFP|Reuters|AP|dpa|Xinhua"
)
#: Section names a page prints as a label line (أخبار العراق، سياسة، عربي ودولي …).
_SECTION_WORDS = frozenset(
    {
        "أخبار", "الأخبار", "سياسة", "السياسة", "اقتصاد", "الاقتصاد", "رياضة", "الرياضة", "ثقافة",
        "منوعات", "محليات", "المحليات", "تقارير", "تقرير", "حوارات", "مقالات", "آراء", "رأي",
        "دولي", "دولية", "عربي", "عربية", "عالمي", "عالمية", "العراق", "عراقية", "محلية",
        "أمن", "الأمن", "شؤون", "متابعات", "خاص", "عاجل", "مجتمع", "تحقيقات", "ملفات", "و",
    }
)
_AUTHOR_LABELS = frozenset(
    {"الكاتب", "الكاتبة", "كتب", "كتبت", "بقلم", "إعداد", "مراسل", "مراسلة", "author", "by",
     "written by"}
)
_SOURCE_LABELS = frozenset({"المصدر", "مصدر الخبر", "source"})
_CREDIT_PART = re.compile(
    rf"(?P<label>{_CREDIT_LABELS})\s*[:：]\s*(?P<value>.*?)(?=\s+(?:{_CREDIT_LABELS})\s*[:：]|$)",
    re.IGNORECASE,
)
#: Lines below the headline searched for its date line.
_DATE_LINE_WINDOW = 6
#: A line reads as a sentence (not a link title) when it ends like one or runs long.
_SENTENCE_LIKE = re.compile(r"[.!?؟:]\s*$|،.*\S+\s+\S+\s+\S+")
_SENTENCE_MIN_WORDS = 15
_LINK_INTRO = re.compile(
    r"^(?:و?(?:لمزيد|للمزيد) من المعلومات|(?:اقرأ|إقرأ) (?:أيضا|أيضاً|أيضًا|المزيد)"
    r"|(?:أخبار|مواضيع|مقالات) ذات صلة|for more information|read more|related)",
    re.IGNORECASE,
)
_CHROME: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("image caption or missing alt text", re.compile(
        r"^(?:alt text is missing|image|photo|صورة|الصورة|تصوير)\s*(?:[:：/]|$)"
        r"|^شعار\s|(?:UN Photo|Photo|صورة|الصورة|تصوير)\s*[:/]\s*\S+(?:\s+\S+)?\s*\)?$"
        r"|^\((?:صورة|الصورة|تصوير)\b",
        re.IGNORECASE,
    )),
    ("app promotion", re.compile(
        r"(?:تحميل|حمّل|حمل|نزّل|نزل) (?:ال)?تطبيق|متجر (?:آبل|أبل|غوغل|جوجل)|App Store"
        r"|Google Play",
        re.IGNORECASE,
    )),
    ("subscription prompt", re.compile(
        r"(?:الاشتراك|اشترك|اشتركوا|سجّل|سجل)(?: الآن)? (?:في|ب)\s?(?:ال)?(?:نشرة|إشعارات"
        r"|القائمة البريدية)|النشرة (?:البريدية|الإخبارية)|إشعارات البريد|\bsubscribe\b"
        r"|\bnewsletter\b",
        re.IGNORECASE,
    )),
    ("link introduction", _LINK_INTRO),
    ("copyright footer", re.compile(
        r"جميع الحقوق محفوظة|حقوق (?:النشر|الطبع)|©|\(c\)\s*\d{4}|\bcopyright\b"
        r"|all rights reserved",
        re.IGNORECASE,
    )),
    ("link", re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)),
    ("source or author line", re.compile(
        rf"^(?:{_CREDIT_LABELS})\s*[:：]"
    )),
    ("font-size or reading buttons", re.compile(
        r"^(?:[+\-]?\s*[Aأ]\s*[+\-]?\s*){1,4}$|^(?:تكبير|تصغير)(?:\s+(?:الخط|النص))?"
        r"(?:\s+(?:تكبير|تصغير)(?:\s+(?:الخط|النص))?)*$|^حجم الخط\b",
        re.IGNORECASE,
    )),
    ("agency or editor credit", re.compile(
        rf"^(?:\S+(?:\s+\S+){{0,5}}\s+)?\(?(?:{_AGENCIES})\)?\.?$"
    )),
    ("section label or breadcrumb", re.compile(
        r"^[^.،,:؛!?؟]{1,60}(?:\s+[›»>/|\\]\s+[^.،,:؛!?؟]{1,40})+$"
    )),
)
#: Whole lines that are a site's tagline or navigation, compared after folding.
_TAGLINES = frozenset({"منظور عالمي قصص إنسانية"})
_NAVIGATION = frozenset(
    {
        "الرئيسية", "الصفحة الرئيسية", "مواقيت الصلاة", "أبرز الأخبار", "آخر الأخبار",
        "عدد اليوم", "الأخبار العالمية", "أخبار عالمية", "الأخبار المحلية", "عربي ودولي",
        "الأكثر قراءة", "الأكثر مشاهدة", "شارك", "مشاركة", "شارك هذا الخبر", "طباعة", "تابعونا",
        "تابعنا", "القائمة", "بحث", "فيديو", "home", "menu", "search", "share", "print", "tweet",
        "facebook", "twitter", "whatsapp", "telegram", "linkedin", "email", "فيسبوك", "تويتر",
        "واتساب",
    }
)
_MONTHS = (
    "يناير|كانون الثاني|فبراير|شباط|مارس|آذار|اذار|أبريل|ابريل|إبريل|نيسان|مايو|أيار|ايار"
    "|يونيو|يونيه|حزيران|يوليو|يوليه|تموز|أغسطس|اغسطس|آب|سبتمبر|أيلول|ايلول|أكتوبر|اكتوبر"
    "|تشرين الأول|تشرين الاول|نوفمبر|تشرين الثاني|ديسمبر|كانون الأول|كانون الاول"
    "|january|february|march|april|may|june|july|august|september|october|november|december"
)
_WEEKDAYS = (
    "الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت"
    "|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_DATE_PARTS = re.compile(
    rf"(?<![\w])(?:{_MONTHS}|{_WEEKDAYS})(?![\w])|[0-9]{{1,4}}(?:[:/.\-][0-9]{{1,4}})*|[^\w\s]",
    re.IGNORECASE,
)
_MONTH_OR_NUMERIC = re.compile(
    rf"(?<![\w])(?:{_MONTHS})(?![\w])|[0-9]{{1,2}}[/.\-][0-9]{{1,2}}[/.\-][0-9]{{4}}"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}",
    re.IGNORECASE,
)
#: A label that says a line gives when the article was published or last updated.
_PUBLISHED_LABEL = re.compile(
    r"^(?:تاريخ (?:النشر|نشر الخبر|الخبر|التحديث)|آخر تحديث|تم النشر|نشر(?: في| بتاريخ)?|"
    r"published|updated|last updated)\s*[:：]?",
    re.IGNORECASE,
)
#: At most this many words other than the date (a weekday, a place) on a date line.
_DATE_LINE_OTHER_WORDS = 3
_DATELINE_OPENER = re.compile(r"^(?P<lead>[^\s.،,:؛()]+(?: [^\s.،,:؛()]+){0,2}) [-–—] ")
_BYLINE_OPENER = re.compile(r"^(?P<name>[^\s.،,:()]+(?: [^\s.،,:()]+){1,3}) \((?P<place>[^()]{1,40})\) ")
_LONG_PARAGRAPH_WORDS = 300
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
DATE_LINE = "date line"


class ScaffoldError(IraqCtNewsError):
    """The repository's state forbids the scaffold (a file exists, a seed changed); exit 1."""


@dataclass(frozen=True)
class SeedLine:
    """One non-empty line of a seed, NFC and whitespace-folded, with its 1-based line number."""

    number: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split(" "))


@dataclass(frozen=True)
class LeftOut:
    """A seed line the scaffold did not put in the body, and why."""

    line: SeedLine
    reason: str


@dataclass(frozen=True)
class SeedReading:
    """What the heuristics make of a seed: the headline, the body, and what was left out."""

    headline: SeedLine
    paragraphs: tuple[SeedLine, ...]
    left_out: tuple[LeftOut, ...]
    hints: tuple[str, ...]
    headline_repeated: bool = False


@dataclass(frozen=True)
class Scaffold:
    """A planned scaffold: the record file and the seed list to write (nothing written yet)."""

    article_id: str
    relative: PurePosixPath
    """Where the record goes, relative to the repository."""
    text: str
    """The record file, in canonical layout."""
    seed: str
    seed_sha256: str
    reading: SeedReading
    sums: str | None = None
    """The new content of seeds/SHA256SUMS, or None when it already lists the seed."""
    placeholders: tuple[str, ...] = field(default=())
    """The fields left as placeholders, as dotted paths."""


# -- reading a seed -----------------------------------------------------------------------------


def seed_lines(text: str) -> list[SeedLine]:
    """The non-empty lines of ``text`` (NFC, whitespace folded), numbered as an editor shows
    them: only LF, CRLF and CR end a line (not the form feeds and Unicode separators that
    ``str.splitlines`` also splits at)."""
    normalized = unicodedata.normalize("NFC", text)
    lines = []
    for number, raw in enumerate(_LINE_BREAK.split(normalized), start=1):
        folded = fold_whitespace(raw)
        if folded:
            lines.append(SeedLine(number, folded))
    return lines


def chrome_reason(text: str) -> str | None:
    """Why a whole line reads like site chrome rather than article text, or None."""
    bare = text.strip(_BULLETS).strip()
    key = bare.rstrip(":：").strip().casefold()
    if key in _TAGLINES:
        return "site tagline"
    if key in _NAVIGATION or (key and all(word in _NAVIGATION for word in key.split())):
        return "navigation"
    if len(text.split(" ")) > _CHROME_MAX_WORDS:
        return None
    if _PUBLISHED_LABEL.match(bare) and _YEAR.search(to_latin_digits(bare)):
        return DATE_LINE
    for reason, pattern in _CHROME:
        if pattern.search(bare):
            return reason
    if is_date_line(bare):
        return DATE_LINE
    words = [word.strip("،,:") for word in key.split()]
    if 0 < len(words) <= 3 and all(word in _SECTION_WORDS for word in words) and not (
        _SENTENCE_LIKE.search(bare)
    ):
        return "section label or breadcrumb"
    return None


def sentence_like(line: SeedLine) -> bool:
    """Whether a line reads as a sentence of the article rather than a link's title."""
    return bool(_SENTENCE_LIKE.search(line.text)) or line.words >= _SENTENCE_MIN_WORDS


def is_date_line(text: str) -> bool:
    """Whether ``text`` is a date (and perhaps a weekday, a time or a place) and nothing more."""
    latin = to_latin_digits(text)
    if _YEAR.search(latin) is None or _MONTH_OR_NUMERIC.search(latin) is None:
        return False
    rest = _DATE_PARTS.sub(" ", latin).split()
    return len(rest) <= _DATE_LINE_OTHER_WORDS


def read_seed(text: str) -> SeedReading:
    """Split a seed into headline, body paragraphs and left-out lines (see the module doc)."""
    lines = seed_lines(text)
    if not lines:
        raise ScaffoldError("the seed holds no text")
    reasons = {line.number: chrome_reason(line.text) for line in lines}
    headline, repeated = _find_headline(lines, reasons)

    left_out: list[LeftOut] = []
    paragraphs: list[SeedLine] = []
    kept: set[str] = set()
    link_intro: str | None = None
    for line in lines:
        if line.number == headline.number:
            continue
        reason = reasons[line.number]
        if line.number < headline.number:
            left_out.append(LeftOut(line, reason or "above the headline (page header or menu)"))
            continue
        if line.text == headline.text:
            left_out.append(LeftOut(line, "repeated headline"))
            continue
        if (
            link_intro is not None
            and reason is None
            and line.words <= _LINK_MAX_WORDS
            and not sentence_like(line)
        ):
            left_out.append(LeftOut(line, f"link under '{_cut(link_intro, 30)}'"))
            continue
        link_intro = None
        if reason is not None:
            left_out.append(LeftOut(line, reason))
            if _LINK_INTRO.search(line.text.strip(_BULLETS)):
                link_intro = line.text
            continue
        if line.text in kept:
            left_out.append(LeftOut(line, "repeated line"))
            continue
        kept.add(line.text)
        paragraphs.append(line)
    return SeedReading(
        headline, tuple(paragraphs), tuple(left_out), tuple(_hints(paragraphs)), repeated
    )


@dataclass(frozen=True)
class SeedDate:
    """A date a seed line gives, and the line (its folded text is the evidence, scope seed)."""

    date: str
    line: SeedLine
    occurrence: int | None = None
    """Set when the line is printed more than once in the seed: the first is meant."""


def seed_dates(text: str, reading: SeedReading | None = None) -> tuple[SeedDate | None, SeedDate | None]:
    """The publication date and the capture date a seed's date lines give.

    A line labelled as the publication date (تاريخ النشر: …) wins; otherwise the first date
    line within a few lines below the headline is the publication date. A date line above the
    headline is the page header: when the page was captured, not published (DATA-MODEL §3.1).
    """
    from .anchoring import resolve_span
    from .draft.dates import one_date

    reading = reading or read_seed(text)
    lines = seed_lines(text)
    headline = reading.headline.number
    normalized = unicodedata.normalize("NFC", text)

    def dated(line: SeedLine) -> SeedDate | None:
        found = one_date(line.text)
        if found is None:
            return None
        placed = resolve_span(normalized, line.text, flexible_whitespace=True)
        if placed.found:
            return SeedDate(found, line)
        if placed.problem == "P006":
            return SeedDate(found, line, occurrence=1)
        return None

    published: SeedDate | None = None
    labelled = [line for line in lines if _PUBLISHED_LABEL.match(line.text)]
    below = [line for line in lines if headline < line.number][:_DATE_LINE_WINDOW]
    for line in labelled + [line for line in below if is_date_line(line.text)]:
        published = dated(line)
        if published is not None:
            break
    captured: SeedDate | None = None
    for line in [line for line in lines if line.number < headline][:3]:
        if is_date_line(line.text):
            captured = dated(line)
            if captured is not None and published is not None and captured.date == published.date:
                captured = None
            break
    return published, captured


def seed_credits(reading: SeedReading) -> dict[str, str]:
    """What the left-out lines say about the source: ``byline`` (the words after an author
    label), ``source`` (after a source label) and ``rights`` (a copyright line), verbatim."""
    found: dict[str, str] = {}
    for item in reading.left_out:
        text = item.line.text
        if item.reason == "copyright footer" and "rights" not in found:
            found["rights"] = text
        if item.reason != "source or author line":
            continue
        for match in _CREDIT_PART.finditer(text):
            label, value = match.group("label"), match.group("value").strip(" -–—|،,")
            if not value:
                continue
            if label in _AUTHOR_LABELS and "byline" not in found:
                found["byline"] = value
            elif label in _SOURCE_LABELS and "source" not in found:
                found["source"] = value
    return found


def _find_headline(
    lines: list[SeedLine], reasons: dict[int, str | None]
) -> tuple[SeedLine, bool]:
    """The first line printed twice near the top (pages often repeat the headline), else the
    first line of a few words that is not chrome, else the first line."""
    candidates = [
        line for line in lines
        if reasons[line.number] is None and line.words >= _HEADLINE_MIN_WORDS
    ]
    window = lines[:_HEADLINE_WINDOW]
    for line in candidates:
        if line not in window:
            break
        if sum(1 for other in window if other.text == line.text) > 1:
            return line, True
    if candidates:
        return candidates[0], False
    plain = [line for line in lines if reasons[line.number] is None]
    return (plain or lines)[0], False


def _hints(paragraphs: list[SeedLine]) -> Iterable[str]:
    if not paragraphs:
        yield "no body paragraph was found: copy the article's paragraphs from the seed."
        return
    first = paragraphs[0]
    byline = _BYLINE_OPENER.match(first.text)
    dateline = _DATELINE_OPENER.match(first.text)
    if byline is not None:
        yield (
            f"body paragraph 1 opens with '{byline.group(0).strip()}', which reads like a byline "
            f"and a dateline: if so, put them in source.byline and source.dateline and start "
            f"the paragraph after them (a paragraph may be any part of a seed line)."
        )
    elif dateline is not None:
        yield (
            f"body paragraph 1 opens with '{dateline.group(0).strip()}', which reads like a "
            f"dateline: if so, put '{dateline.group('lead')}' in source.dateline and start the "
            f"paragraph after it (a paragraph may be any part of a seed line)."
        )
    for index, paragraph in enumerate(paragraphs, start=1):
        for code, _offset, message in text_problems(paragraph.text, multiline=False):
            yield (
                f"body paragraph {index} (seed line {paragraph.number}): {message} ({code}); "
                f"`iraq-ct-news validate --explain {code}` says what to do."
            )
        if paragraph.words > _LONG_PARAGRAPH_WORDS:
            yield (
                f"body paragraph {index} (seed line {paragraph.number}) is {paragraph.words} "
                f"words long: if the article has crossheads or paragraph breaks inside it, split "
                f"it there (each part still occurs in the seed)."
            )


# -- planning the record ------------------------------------------------------------------------


def plan_scaffold(
    root: Path,
    seed: Path,
    article_id: str | None = None,
    *,
    today: datetime.date | None = None,
) -> Scaffold:
    """Everything ``iraq-ct-news new`` would write, without writing it.

    ``seed`` is a path to a file directly inside ``root/seeds/`` (relative to the current
    folder, or to ``root``). ``today`` is the date written as ``created`` and ``modified``.
    Raises :class:`~iraq_ct_news.errors.UsageError` for arguments that cannot work and
    :class:`ScaffoldError` when the repository forbids the scaffold.
    """
    from .validator.seeds import Seed, SeedStore

    if not (root / CURATED).is_dir():
        raise UsageError(f"{root} has no curated/ folder (use --root to point at the repository)")
    if article_id is not None:
        _check_id_syntax(article_id)
    name = _seed_name(root, seed)
    found = SeedStore(root).get(name)
    if not isinstance(found, Seed):
        raise ScaffoldError(found.message)
    _refuse_curated_seed(root, name)
    sums = _updated_sums(root, name, found.sha256)
    chosen = _choose_id(root, name, article_id)
    reading = read_seed(found.text)
    date = (today or datetime.date.today()).isoformat()
    data = _record(chosen, name, found.sha256, date, reading)
    _refuse_oversized(name, reading, data)
    _fill_what_the_seed_shows(root, data, found.text, reading)
    text = _render(data, _header(name, reading))
    if len(text.encode("utf-8")) > MAX_FILE_BYTES:
        raise ScaffoldError(
            f"the record scaffolded from seeds/{name} would be {len(text.encode('utf-8')):,} "
            f"bytes; a record file holds at most {MAX_FILE_BYTES:,}, so nothing was written"
        )
    return Scaffold(
        article_id=chosen,
        relative=record_path("article", chosen),
        text=text,
        seed=name,
        seed_sha256=found.sha256,
        reading=reading,
        sums=sums,
        placeholders=tuple(_placeholder_paths(data)),
    )


def write_scaffold(root: Path, scaffold: Scaffold) -> None:
    """Write a planned scaffold: the seed list first (adding a line is always right once the seed
    is in seeds/), then the record, which is created only if no file has its name.

    Both places are checked for symbolic links before either is written: a linked
    ``curated/articles/`` would put the record wherever it points.
    """
    target = root / scaffold.relative
    for path in (root / SEEDS / SUMS_FILE, target):
        link = first_link(root, path)
        if link is not None:
            raise ScaffoldError(
                f"{link.relative_to(root).as_posix()} is a symbolic link; `iraq-ct-news new` "
                "writes only into real folders of the repository (replace the link by the folder)"
            )
    from .store.writer import Writer

    writer = Writer(root)
    with writer.locked():
        if scaffold.sums is not None:
            writer.write_bytes(f"{SEEDS}/{SUMS_FILE}", scaffold.sums.encode("ascii"))
        created = writer.create(scaffold.relative, scaffold.text.encode("utf-8"))
    if not created:
        raise ScaffoldError(
            f"{scaffold.relative} already exists; `iraq-ct-news new` never overwrites a record"
        )


def _seed_name(root: Path, seed: Path) -> str:
    """The file name of ``seed`` if it lies directly inside ``root/seeds/``."""
    seeds = root / SEEDS
    guide = (
        "copy the source document into seeds/ first (it is never edited afterwards), then run "
        "`iraq-ct-news new --seed seeds/FILE`"
    )
    if not seeds.is_dir():
        raise UsageError(f"{root} has no seeds/ folder; {guide}")
    candidates = [seed] if seed.is_absolute() else [Path.cwd() / seed, root / seed]
    existing = [path for path in candidates if os.path.lexists(path)]
    if not existing:
        raise UsageError(f"{seed} does not exist; {guide}")
    path = existing[0]
    try:
        inside = path.parent.resolve() == seeds.resolve()
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise UsageError(f"{seed} is not in {seeds.as_posix()}/; {guide}")
    if path.name == SUMS_FILE:
        raise UsageError(
            f"seeds/{SUMS_FILE} is the list of the seeds' checksums, not a source document; {guide}"
        )
    if re.fullmatch(SEED_NAME_PATTERN, path.name) is None:
        raise UsageError(
            f"seed file name {path.name!r} may hold only letters, digits, '_', '.' and '-' and "
            "must start with a letter or digit; rename it"
        )
    return path.name


def _refuse_curated_seed(root: Path, name: str) -> None:
    """A seed is curated into one record; a second scaffold of it would be a duplicate."""
    from .yamlreader import read_yaml_file

    for source in curated_files(root):
        if source.kind != "article" or (root / source.relative).is_symlink():
            continue
        try:
            data = read_yaml_file(root / source.relative).data
        except ReaderError:
            continue
        if data.get("seed") == name:
            raise ScaffoldError(
                f"seeds/{name} is already curated in {source.relative}; correct that record "
                "instead (CONTRIBUTING.md: correcting a record)"
            )


def _updated_sums(root: Path, name: str, digest: str) -> str | None:
    """seeds/SHA256SUMS with ``name`` added (sorted by name), or None if it is listed already."""
    path = root / SEEDS / SUMS_FILE
    entries: dict[str, str] = {}
    if os.path.lexists(path):
        try:
            raw = read_regular_file(path, MAX_FILE_BYTES, root=root)
            text = raw.decode("utf-8")
        except (FileTooLarge, NotARegularFile, LinkedPath, UnicodeDecodeError) as error:
            raise ScaffoldError(f"seeds/{SUMS_FILE} cannot be read: {error}") from None
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            match = re.fullmatch(r"([0-9a-f]{64})  (\S.*)", line)
            if match is None:
                raise ScaffoldError(
                    f"seeds/{SUMS_FILE} line {number} is not '<sha256>  <file name>'; fix it first"
                )
            entries[match.group(2)] = match.group(1)
    listed = entries.get(name)
    if listed == digest:
        return None
    if listed is not None:
        raise ScaffoldError(
            f"seeds/{name} does not match its hash in seeds/{SUMS_FILE}: seeds are never edited "
            "once added; restore the original, or add the new document under a new file name"
        )
    entries[name] = digest
    return "".join(f"{entries[key]}  {key}\n" for key in sorted(entries))


def _choose_id(root: Path, seed_name: str, article_id: str | None) -> str:
    if article_id is not None:
        _check_id_syntax(article_id)
        if os.path.lexists(root / record_path("article", article_id)):
            raise ScaffoldError(
                f"{record_path('article', article_id)} already exists; `iraq-ct-news new` never "
                "overwrites a record (choose another --id)"
            )
        return article_id
    base = default_id(seed_name)
    candidate, number = base, 1
    while os.path.lexists(root / record_path("article", candidate)):
        number += 1
        suffix = f"-{number}"
        candidate = base[: ID_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


def _check_id_syntax(article_id: str) -> None:
    if len(article_id) > ID_MAX_LENGTH or re.fullmatch(ID_PATTERN, article_id) is None:
        raise UsageError(
            f"--id {article_id!r}: an id is lowercase kebab-case (a-z, 0-9, single hyphens), "
            f"at most {ID_MAX_LENGTH} characters, e.g. 'unodc-launches-ct-programme-iraq-2018'"
        )


def default_id(seed_name: str) -> str:
    """A kebab-case id made from the seed's file name (``005_UN_News.txt`` → ``005-un-news``).

    Headlines are Arabic, and an id is ASCII; a descriptive English id is better chosen with
    ``--id``, as CONTRIBUTING.md advises.
    """
    stem = seed_name.rsplit(".", 1)[0] if "." in seed_name[1:] else seed_name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug[:ID_MAX_LENGTH].rstrip("-") or "article"


def _record(
    article_id: str, seed: str, digest: str, date: str, reading: SeedReading
) -> dict[str, Any]:
    body = "\n\n".join(line.text for line in reading.paragraphs) or NO_BODY
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article_id,
        "revision": 1,
        "created": date,
        "modified": date,
        "status": "active",
        "seed": seed,
        "seed_sha256": digest,
        "language": "ar",
        "source": dict(PLACEHOLDERS["source"]),
        "headline": {"ar": reading.headline.text, "en": PLACEHOLDERS["headline_en"]},
        "summary": dict(PLACEHOLDERS["summary"]),
        "published": PLACEHOLDERS["published"],
        "published_basis": PLACEHOLDERS["published_basis"],
        "published_evidence": dict(PLACEHOLDERS["published_evidence"]),
        "body": body,
        "themes": PLACEHOLDERS["themes"],
        "mentions": PLACEHOLDERS["mentions"],
        "quotes": PLACEHOLDERS["quotes"],
        "events": PLACEHOLDERS["events"],
        "amounts": PLACEHOLDERS["amounts"],
        "resolutions": PLACEHOLDERS["resolutions"],
        "figures": PLACEHOLDERS["figures"],
        "notes": dict(PLACEHOLDERS["notes"]),
    }


def _fill_what_the_seed_shows(
    root: Path, data: dict[str, Any], seed_text: str, reading: SeedReading
) -> None:
    """Write what the left-out lines show instead of a placeholder: the publication and capture
    dates from the date lines (with their evidence), the author line, the copyright line and the
    outlet a source line names, when it is one registry record. A URL, rights or capture date the
    seed does not show starts as null."""
    published, captured = seed_dates(seed_text, reading)
    if published is not None:
        data["published"] = published.date
        data["published_basis"] = "explicit"
        data["published_evidence"] = _seed_evidence(published)
    source = data["source"]
    source["url"] = None
    source["captured"] = captured.date if captured else None
    if captured is not None:
        source["captured_evidence"] = _seed_evidence(captured)
    credits = seed_credits(reading)
    source["rights"] = credits.get("rights")
    if "byline" in credits:
        source["byline"] = credits["byline"]
    publisher = _outlet(root, [credits.get("source", "")])
    if publisher is not None:
        source["publisher"] = publisher


def _seed_evidence(found: SeedDate) -> dict[str, Any]:
    evidence: dict[str, Any] = {"exact": found.line.text}
    if found.occurrence is not None:
        evidence["occurrence"] = found.occurrence
    evidence["scope"] = "seed"
    return evidence


def _outlet(root: Path, texts: list[str]) -> str | None:
    """The one organisation record a source or copyright line names, if exactly one."""
    from .draft.registry import load_registry

    registry = load_registry(root)
    for text in texts:
        if not text:
            continue
        named = {
            entity for entity in registry.index.matcher.entities_in(text)
            if registry.kind_of(entity) == "organization"
        }
        if len(named) == 1:
            return named.pop()
    return None


def _placeholder_paths(data: Any, prefix: str = "") -> Iterable[str]:
    from .models.types import is_placeholder

    if isinstance(data, dict):
        for key, value in data.items():
            yield from _placeholder_paths(value, f"{prefix}{key}.")
    elif isinstance(data, str) and is_placeholder(data):
        yield prefix.rstrip(".")


def _header(seed: str, reading: SeedReading) -> list[str]:
    """The comment block: what to fill in, and what the heuristics ask the curator to confirm."""
    headline = reading.headline
    prose = [
        f"Scaffolded by `iraq-ct-news new` from seeds/{seed}. Replace every value whose first "
        "word is TODO (`iraq-ct-news validate` lists them; CONTRIBUTING.md explains each "
        "field), check the points below, then delete these comment lines (keep the first line).",
    ]
    items = [
        f"headline.ar is seed line {headline.number}, "
        + ("printed twice at the top of the page." if reading.headline_repeated
           else "the first line that reads like a headline."),
    ]
    if reading.paragraphs:
        items.append(
            "body is seed lines " + _number_list([line.number for line in reading.paragraphs])
            + ", whitespace folded."
        )
    lines = [SCHEMA_LINE, *_wrapped(prose[0], "# ", "# ")]
    for item in items:
        lines.extend(_wrapped(item, "# - ", "#   "))
    if reading.left_out:
        lines.append("# - Left out of body as likely site chrome (put back any that is article text):")
        lines.extend(
            f"#   line {item.line.number}, {item.reason}: {_cut(item.line.text, _QUOTE_WIDTH)}"
            for item in reading.left_out
        )
    if any(item.reason == DATE_LINE for item in reading.left_out):
        lines.extend(_wrapped(
            "A date line is evidence for published (scope: seed), unless it is the date at the "
            "top of the page, when the page was captured: that is source.captured.",
            "# - ", "#   ",
        ))
    for hint in reading.hints:
        lines.extend(_wrapped(hint, "# - ", "#   "))
    return [_comment_safe(line) for line in lines]


def _wrapped(text: str, first: str, rest: str) -> list[str]:
    """``text`` as comment lines within the layout's line width (quoted text is never split)."""
    from .formatting import LINE_WIDTH

    return textwrap.wrap(
        text, width=LINE_WIDTH, initial_indent=first, subsequent_indent=rest,
        break_long_words=False, break_on_hyphens=False,
    )


def _number_list(numbers: list[int], limit: int = 30) -> str:
    shown = ", ".join(str(number) for number in numbers[:limit])
    return shown + (f" … ({len(numbers)} in all)" if len(numbers) > limit else "")


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _comment_safe(line: str) -> str:
    """A comment line that displays as what it says and reads back unchanged: invisible,
    bidirectional and control characters (and the line separators YAML would break at) are
    written as ``\\uXXXX``."""
    return "".join(
        char if char.isprintable() or char == " " else f"\\u{ord(char):04x}" for char in line
    )


def _refuse_oversized(name: str, reading: SeedReading, data: dict[str, Any]) -> None:
    """Refuse a seed whose headline, a paragraph or the whole body is longer than a record's
    string can be, naming the seed line, before a record that would not read is rendered."""
    for line in (reading.headline, *reading.paragraphs):
        if len(line.text) > MAX_STRING_LENGTH:
            raise ScaffoldError(
                f"seeds/{name}:{line.number}: Y008 line of {len(line.text):,} characters; a "
                f"record's text holds at most {MAX_STRING_LENGTH:,} per string, so nothing was "
                "written (is the document's line structure lost? a paragraph per line is needed)"
            )
    if len(data["body"]) > MAX_STRING_LENGTH:
        raise ScaffoldError(
            f"seeds/{name}: Y008 the body would be {len(data['body']):,} characters; a record's "
            f"text holds at most {MAX_STRING_LENGTH:,} per string, so nothing was written"
        )


def _render(data: dict[str, Any], header: list[str]) -> str:
    """The record in ``fmt``'s canonical layout, proven to read back to exactly ``data``."""
    from .formatting import render, same
    from .yamlreader import read_yaml_text

    text = render(data, "article", header)
    try:
        again = read_yaml_text(text)
    except ReaderError as error:  # pragma: no cover - _refuse_oversized and render rule it out
        raise ScaffoldError(
            f"the scaffold would not read back ({error.code} {error.message}); nothing was written"
        ) from None
    if not same(again.data, data):  # pragma: no cover - a formatter bug
        raise ScaffoldError("the scaffold did not read back as written; please report this")
    return text
