"""Text rules shared by the validator, the builder and search.

Stored text is never altered by these helpers: folding and normalising produce separate keys
used for comparison and search, so offsets into the stored text stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

#: Characters that change how text is displayed without being visible (Trojan Source).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Invisible characters that are not bidi controls: zero-width space/joiners, word joiner, BOM.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")

ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3\u06fa-\u06fc]")


def fold_whitespace(text: str) -> str:
    """Every run of whitespace (including non-breaking spaces and newlines) as one space.

    ``str.split`` splits on exactly the characters ``\\s`` matches, and runs in C over the
    whole string: this is called on every body and seed, so it is several times faster than a
    regular-expression substitution with the same result.
    """
    return " ".join(text.split())


def to_latin_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits as 0–9 (``٢٠٢١`` → ``2021``)."""
    return text.translate(ARABIC_INDIC_DIGITS)


def has_arabic_letter(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def is_presentation_form(char: str) -> bool:
    code = ord(char)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE


def text_problems(text: str, *, multiline: bool) -> Iterator[tuple[str, int, str]]:
    """The text-rule violations in ``text`` as ``(code, offset, message)``.

    One finding per rule and string is enough to act on, so only the first offender of each rule
    is reported.
    """
    if not unicodedata.is_normalized("NFC", text):
        offset = _first_non_nfc_offset(text)
        yield "T001", offset, "text is not in Unicode NFC form"
    seen: set[str] = set()
    for offset, char in enumerate(text):
        code = _classify(char, multiline)
        if code is None or code in seen:
            continue
        seen.add(code)
        name = unicodedata.name(char, "control character")
        yield code, offset, f"U+{ord(char):04X} {name} is not allowed here"


def _classify(char: str, multiline: bool) -> str | None:
    """The rule a character breaks, or None; spaces of any width are left to the layout rule."""
    if char in BIDI_CONTROLS:
        return "T003"
    if char in INVISIBLE:
        return "T004"
    if is_presentation_form(char):
        return "T002"
    if char.isprintable() or unicodedata.category(char) == "Zs":
        return None
    if char == "\n" and multiline:
        return None
    return "T004"


def _first_non_nfc_offset(text: str) -> int:
    """Offset of the first character whose neighbourhood changes under NFC (0 if unsure)."""
    for offset in range(len(text)):
        window = text[max(0, offset - 1) : offset + 2]
        if not unicodedata.is_normalized("NFC", window):
            return max(0, offset - 1) if offset else 0
    return 0


_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str, *, keep: str = "") -> str:
    """``text`` safe to print on a terminal or in a CI log: every character that is not
    printable written as an escape, except those in ``keep``.

    What a pull request controls (file names, ids, values quoted in messages) is printed.
    Unescaped, a line break in a file name prints a fake summary line, ``ESC[2K`` erases the
    line before it, a C1 control or a right-to-left override reorders what the reader sees,
    and a byte that is not UTF-8 in a file name (held by Python as a lone surrogate) makes
    ``print`` itself fail. ``str.isprintable`` is false exactly for such characters: controls
    (C0, DEL, C1), format characters (bidi controls, zero-width characters), line and
    paragraph separators, surrogates, private-use and unassigned code points, and spaces
    other than the ASCII space.

    The escapes are JSON's (``\\n``, ``\\u202e``, a pair ``\\udb40\\udc01`` beyond the BMP), so
    inside a JSON string they read back as the original character, and a file-name byte 0xff
    shows as ``\\udcff``. Backslashes are kept as they are (a Windows path stays readable).
    """
    if text.isprintable():
        return text
    if keep:
        # Output is mostly printable lines: only the pieces between kept characters that are
        # not printable are looked at character by character.
        pieces = re.split(f"([{re.escape(keep)}])", text)
        return "".join(piece if piece.isprintable() or piece in keep else printable(piece)
                       for piece in pieces)
    return "".join(char if char == " " or char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    named = _NAMED_ESCAPES.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
