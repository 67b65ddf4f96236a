"""Clean text (T001–T006): NFC, no presentation forms, no bidi or invisible characters, body
layout, text in the script of its field.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any

from ...core.textutil import has_arabic_letter, text_problems
from ...models import Article
from ...reading.yamlreader import PathKey
from ..report import format_path
from ..walk import DocumentWalk, document_walk
from .base import declare, declared, file_check

if TYPE_CHECKING:
    from ..checked import CheckedFile
    from ..context import FileRun

T001 = declare(
    "T001", "text is not NFC", "error",
    "Text is stored in Unicode normalisation form C, so that equal-looking strings compare "
    "equal and offsets are stable. (Never NFKC, which rewrites Arabic ligatures.)",
    "Normalise the text to NFC (Python: `unicodedata.normalize('NFC', text)`). `fmt` never "
    "changes text, so this is yours to do.",
)
T002 = declare(
    "T002", "Arabic presentation form", "error",
    "Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are display glyphs from old "
    "PDFs; they defeat search and matching.",
    "Replace them with the ordinary Arabic letters they stand for.",
)
T003 = declare(
    "T003", "bidirectional control character", "error",
    "Bidi controls (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C) are invisible and can "
    "make text display differently from what it is ('Trojan Source').",
    "Delete the character; right-to-left display needs no control characters.",
)
T004 = declare(
    "T004", "invisible or control character", "error",
    "Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), other format characters and "
    "control characters (except the newline in multi-line text) are refused.",
    "Delete the character.",
)
T005 = declare(
    "T005", "body layout", "error",
    "`body` is paragraphs separated by exactly one blank line; within a paragraph, "
    "whitespace is folded: single spaces, no tabs, no non-breaking spaces, nothing leading "
    "or trailing.",
    "Fold the whitespace to single spaces and separate paragraphs with one blank line, then "
    "check the spans still match (`fmt` never changes text).",
)
T006 = declare(
    "T006", "text in the wrong script", "warning",
    "An `ar` field holds no Arabic letters, or an `en` field holds Arabic letters.",
    "Put the text in the field for its language.",
)
_CHARACTER_CODES = frozenset({T001, T002, T003, T004})

#: Fields that may hold line breaks; every other string is a single line.
_MULTILINE_FIELDS = frozenset({"body", "exact", "prefix", "suffix", "withdrawn_reason"})
_MULTILINE_PARENTS = frozenset({"summary", "notes", "definition", "purpose"})
#: The parents whose ``en`` text may hold Arabic words (notes cite them; acronyms list them).
_ENGLISH_WITH_ARABIC = ("notes", "acronyms")
#: Arabic presentation forms, the one kind of character the text rules refuse that is printable.
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")


@file_check(T001, T002, T003, T004, T006, needs_record=False)
def check_strings(checked: CheckedFile, run: FileRun) -> None:
    """Every string of the document (whether or not its model validated).

    This runs over every string of every file, and almost every file breaks no text rule, so
    that is decided first, for all the strings of the file at once (:func:`_all_clean`), from
    the document's one shared walk. Only a file where something is found is walked string by
    string (:func:`_visit`), which finds and places exactly what it always did.
    """
    assert checked.document is not None
    if not _all_clean(document_walk(checked, run)):
        _visit(checked, checked.document.data, ())


def _all_clean(walk: DocumentWalk) -> bool:
    """True when no string of the walked document breaks a text rule (:func:`is_clean` and the
    two T006 tests hold for every string).

    Decided for all the strings at once, with C-speed string methods on them joined by a
    space: the join is printable, free of presentation forms or free of Arabic letters exactly
    when each string is. Line breaks are allowed only in block fields, so the join may hold only
    as many as they do. It is NFC exactly when every string is: NFC works on the text between
    two characters that never compose, reorder or decompose (the space is one, and so is the
    line break; see ``tests/test_walk_shared.py``) independently, and the join adds only spaces.
    """
    blocks: list[str] = []
    arabic: list[str] = []
    english: list[str] = []
    for path, key, text in walk.named:
        if key == "ar":
            arabic.append(text)
        elif key != "en":
            blocks.append(text)
        elif path:  # an `en` directly in the document is neither a block nor checked
            if path[-1] in _MULTILINE_PARENTS:
                blocks.append(text)
            if path[-1] not in _ENGLISH_WITH_ARABIC:
                english.append(text)
    joined = " ".join(walk.strings)
    breaks = joined.count("\n")
    if breaks and "".join(blocks).count("\n") != breaks:
        return False
    if not (joined.replace("\n", "") if breaks else joined).isprintable():
        return False
    # Every presentation form is U+FB50 or above, written in UTF-8 with the lead byte 0xEF
    # (U+F000 to U+FFFF); a memchr for that byte spares the regular expression on most files.
    # (The text is printable, so it holds no lone surrogate and encodes.)
    if b"\xef" in joined.encode("utf-8") and _PRESENTATION_FORM.search(joined) is not None:
        return False
    if not unicodedata.is_normalized("NFC", joined):
        return False
    if english and has_arabic_letter("".join(english)):
        return False
    return all(has_arabic_letter(text) for text in arabic)


def _visit(checked: CheckedFile, value: dict[str, Any] | list[Any], path: PathKey) -> None:
    """The strings under the mapping or list ``value``, decided in the loop without a call for
    the common case (printable ASCII outside an ``ar``/``en`` field breaks no text rule)."""
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        if isinstance(item, str):
            if not (item.isascii() and item.isprintable()) or key == "ar" or key == "en":
                _check_text(checked, (*path, key), item)
        elif isinstance(item, (dict, list)):
            _visit(checked, item, (*path, key))


def _is_multiline(path: PathKey) -> bool:
    if not path:
        return False
    last = path[-1]
    if last in _MULTILINE_FIELDS:
        return True
    return last == "en" and len(path) >= 2 and path[-2] in _MULTILINE_PARENTS


def is_clean(value: str, multiline: bool) -> bool:
    """True when ``text_problems`` certainly finds nothing in ``value``.

    Decided by C-speed string methods instead of a Python loop over every character (which
    made the text rules most of the validator's time): every character the rules refuse except
    the presentation forms is unprintable (bidi controls and invisible characters are format
    characters), and a line break is only allowed where ``multiline``. Text that fails this
    quick look is examined character by character, so findings are exactly those of
    ``text_problems``.
    """
    if not value.isprintable():
        if not multiline or not value.replace("\n", "").isprintable():
            return False
    if _PRESENTATION_FORM.search(value) is not None:
        return False
    return unicodedata.is_normalized("NFC", value)


def _check_text(checked: CheckedFile, path: PathKey, value: str) -> None:
    multiline = _is_multiline(path)
    if not is_clean(value, multiline):
        for name, offset, message in text_problems(value, multiline=multiline):
            code = declared(name)
            assert code in _CHARACTER_CODES, name
            checked.report.add_in_block(
                code, f"{format_path(path)}: {message} (at character {offset})", path, offset
            )
    if path and path[-1] == "ar":
        if not has_arabic_letter(value):
            checked.report.add(T006, f"{format_path(path)} should be Arabic text", path)
    # notes.en may cite the Arabic words a judgement rests on; other English text may not.
    if len(path) >= 2 and path[-1] == "en" and path[-2] not in _ENGLISH_WITH_ARABIC:
        if has_arabic_letter(value):
            checked.report.add(T006, f"{format_path(path)} should be English text", path)


@file_check(T005, kinds=("article",))
def check_body_layout(checked: CheckedFile, run: FileRun) -> None:
    """Paragraphs separated by one blank line, whitespace folded inside each."""
    article = checked.record
    assert isinstance(article, Article)
    body = article.body
    report = checked.report
    if body != body.strip():
        report.add(T005, "body starts or ends with whitespace (write it as `body: |-`)", ("body",))
    offset = 0
    for paragraph, folded in run.paragraphs(article):
        if not paragraph.strip():
            report.add_in_block(
                T005, "paragraphs are separated by exactly one blank line", ("body",), offset
            )
        elif paragraph != folded or "\n" in paragraph:
            report.add_in_block(
                T005,
                "paragraph has unfolded whitespace (a line break, double space, tab or "
                "non-breaking space); fold it to single spaces",
                ("body",),
                offset,
            )
        offset += len(paragraph) + 2
