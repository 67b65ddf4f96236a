"""Arabic normalisation for search keys and name matching.

Applied to a copy of the text used for matching, never to stored text: stored text stays as the
source wrote it, and offsets into it stay valid.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache

from .textutil import BIDI_CONTROLS, INVISIBLE

#: Arabic marks a reader may or may not type: harakat, shadda, sukun, maddah and hamza above and
#: below (U+064B-U+065F), the superscript alef, and the Quranic annotation signs.
_MARKS = (
    *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5),
    0x06E7, 0x06E8, *range(0x06EA, 0x06EE),
)
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",  # hamza carriers: readers often type the bare carrier (رييس for رئيس)
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        # Persian, Urdu and other Arabic-script letter forms that copied text uses for the
        # Arabic ones (a Persian keyboard types ی and ک for ي and ك):
        "ی": "ي",  # U+06CC Farsi yeh
        "ے": "ي",  # U+06D2 yeh barree
        "ې": "ي",  # U+06D0 yeh with two dots below (Pashto, Uyghur)
        "ک": "ك",  # U+06A9 keheh
        "ڪ": "ك",  # U+06AA swash kaf
        "ۀ": "ه",  # U+06C0 heh with yeh above
        "ہ": "ه",  # U+06C1 heh goal
        "ۃ": "ه",  # U+06C3 teh marbuta goal
        "ھ": "ه",  # U+06BE heh doachashmee
        "ە": "ه",  # U+06D5 ae
        "ـ": None,  # tatweel
        **{chr(code): None for code in _MARKS},
        # Invisible and bidi characters: a query pasted from a web page or typed with a
        # right-to-left keyboard often carries ZWNJ, RLM and the like between letters.
        **{char: None for char in sorted(BIDI_CONTROLS | INVISIBLE)},
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
_TOKEN = re.compile(r"\w+")
#: The table as (character, replacement) pairs, for ``search_key``.
_FOLD_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (chr(code), "" if replacement is None else str(replacement))
    for code, replacement in _FOLD.items()
)


#: How many texts :func:`search_key` has folded in this process (read by the work-counting
#: tests: each distinct word of an article is folded once, see :func:`word_key`).
FOLDS = [0]
#: The first code point after the last combining mark in Unicode (U+1E94A in Unicode 15).
MARKS_END = 0x1F000


#: The characters with no combining class that decompose (NFKD) into marks only: three Tibetan
#: vowel signs and the halfwidth katakana sound marks. Dropped with the marks, or a run of them
#: would reach the normaliser as a run of marks (``tests/test_cost_bounds_round2.py`` checks
#: every code point for this list).
DECOMPOSING_TO_MARKS = "\u0f73\u0f75\u0f81\uff9e\uff9f"
#: Those of them that decompose so canonically (NFD), which Unicode normalisation treats as
#: marks when it puts a run in order (the halfwidth sound marks only under NFKD).
CANONICALLY_DECOMPOSING_TO_MARKS = DECOMPOSING_TO_MARKS[:3]
#: Any character outside the Basic Multilingual Plane.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def combining_ranges() -> tuple[tuple[int, int], ...]:
    """The ranges of code points with a canonical combining class above 0, found in C loops
    (every code point as one string, its combining classes as bytes, the runs of non-zero
    bytes found by a regular expression): about 10 ms, where a loop in Python took 17 ms."""
    every_code_point = array("I", range(MARKS_END)).tobytes().decode("utf-32-le", "surrogatepass")
    classes = bytes(map(unicodedata.combining, every_code_point))
    return tuple((run.start(), run.end() - 1) for run in re.finditer(rb"[^\x00]+", classes))


@lru_cache(maxsize=1)
def _combining_marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every character with a canonical combining class above 0 (Arabic harakat, Latin accents,
    Hebrew points...), and those that decompose into such marks only, as two character classes: those in the Basic Multilingual Plane (a
    bitmap, tested in constant time per character) and the few beyond it (a list of ranges,
    slower, used only for a text that has such characters). Built on first use, not on
    import, from :func:`combining_ranges`."""
    return (re.compile(f"[{mark_class(low_plane=True)}{DECOMPOSING_TO_MARKS}]+"),
            re.compile(f"[{mark_class(low_plane=False)}]+"))


@lru_cache(maxsize=2)
def mark_class(*, low_plane: bool) -> str:
    """The members of a character class of the marks (:func:`combining_ranges`) in the Basic
    Multilingual Plane (``low_plane``; a regular expression tests them as a bitmap) or beyond
    it (a list of ranges, tested one by one), escaped for a class."""
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in combining_ranges() if (high < 0x10000) == low_plane
    )


def _drop_marks(text: str) -> str:
    bmp, astral = _combining_marks()
    text = bmp.sub("", text)
    return astral.sub("", text) if _ASTRAL.search(text) else text


#: Text made only of these needs no normalisation: printable ASCII, tab and line feed, the
#: Arabic letters, tatweel, Arabic-Indic digits, the Arabic comma, semicolon and question
#: mark, and guillemets (none combines, decomposes or composes), the five letters with a hamza
#: or madda (which decompose to their seat and a mark), and the Arabic harakat and other marks
#: of U+064B-U+065F and U+0670, which are dropped (``tests`` check every character and pair).
_PLAIN_TEXT = re.compile(
    "[\t\n\x20-\x7e\u00ab\u00bb\u060c\u061b\u061f\u0621-\u065f\u0660-\u0670]*"
)
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]+")
#: What NFKD and dropping the marks make of the letters with a hamza or madda.
_SEATS = (("آ", "ا"), ("أ", "ا"), ("إ", "ا"), ("ؤ", "و"), ("ئ", "ي"))


def without_marks(text: str) -> str:
    """``text`` without combining marks, decomposed for compatibility (NFKD: š is s and a caron,
    ﻻ is ل and ا), then recomposed (NFC) where letters without marks compose (Hangul).

    The marks go before any normalisation as well as after it: Unicode normalisation sorts and
    composes a run of marks in time quadratic in its length, and one letter followed by 10,000
    marks would take seconds. Removed first, every step is linear.

    Most words and texts are plain Arabic and ASCII (:data:`_PLAIN_TEXT`): for them the result
    is the text without its harakat and with each hamza or madda letter replaced by its seat,
    without normalising (and
    without building the table of combining marks, which a process folding only such words
    never needs).
    """
    if _PLAIN_TEXT.fullmatch(text):
        text = _ARABIC_MARKS.sub("", text)
        for seat, plain in _SEATS:
            if seat in text:
                text = text.replace(seat, plain)
        return text
    return _normalised_without_marks(text)


def _normalised_without_marks(text: str) -> str:
    """:func:`without_marks` of any text, by normalising."""
    text = _drop_marks(text)
    if not unicodedata.is_normalized("NFKD", text):
        text = _drop_marks(unicodedata.normalize("NFKD", text))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def search_key(text: str) -> str:
    """``text`` folded for matching, the one normaliser for stored text and queries alike.

    Combining marks dropped (Arabic harakat and Latin accents alike: ``Kubis`` finds
    ``Kubiš``) and compatibility forms spelled out (:func:`without_marks`), then invisible and
    bidi characters dropped, alef/hamza forms and hamza carriers, alef maqsura, ta marbuta,
    tatweel, Arabic-Indic digits and letter case folded. Linear in the length of ``text``.

    Same result as ``without_marks(text).translate(table).casefold()``, but ``str.replace``
    runs only for the few table characters a text contains, in C; translate looks each
    character up in a dict, which was a large share of validating an article.
    """
    FOLDS[0] += 1
    if text.isascii():
        return text.casefold()
    text = without_marks(text)
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text.casefold()


#: Search keys of words already folded; texts repeat their words, and an article's words are
#: asked for by several checks (C004, C007) and by ``draft``.
WORD_KEYS: dict[str, str] = {}
#: Distinct words remembered before the memo starts again (bounds its memory to about 20 MB).
WORD_KEYS_LIMIT = 100_000


def word_key(word: str) -> str:
    """:func:`search_key` of one word, remembered: each distinct word is folded once."""
    key = WORD_KEYS.get(word)
    if key is None:
        if len(WORD_KEYS) >= WORD_KEYS_LIMIT:
            WORD_KEYS.clear()
        key = WORD_KEYS[word] = search_key(word)
    return key


def tokens(text: str) -> list[str]:
    """The word tokens of ``search_key(text)``."""
    return _TOKEN.findall(search_key(text))



#: Proclitics a name can be glued behind: conjunctions first, then prepositions; a preposition
#: ل before the article ال is written لل.
CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"


def token_variants(token: str) -> set[str]:
    """``token`` and the forms it takes without Arabic proclitics (و ف ب ل ك, ال merged as لل).

    A name is often written glued to a conjunction or preposition (والعراق, للعراق, بمكتب); these
    variants let a registry name match such a token.
    """
    variants = {token}
    stems = [token]
    if len(token) > 3 and token[0] in CONJUNCTIONS:
        stems.append(token[1:])
    for stem in stems:
        variants.add(stem)
        if len(stem) > 3 and stem.startswith("لل"):
            variants.add("ال" + stem[2:])
        if len(stem) > 4 and stem[0] in PREPOSITIONS and stem[1:3] == "ال":
            variants.add(stem[1:])
        elif len(stem) > 3 and stem[0] in PREPOSITIONS:
            variants.add(stem[1:])
    return variants


def proclitic_forms(word: str) -> list[str]:
    """The inverse of :func:`token_variants`, as a superset: words that may have ``word`` among
    their variants (``word`` itself and ``word`` behind the proclitics token_variants removes).

    Callers keep only the forms whose variants really include ``word``.
    """
    stems = [word, *(preposition + word for preposition in PREPOSITIONS)]
    if word.startswith("ال"):
        stems.append("لل" + word[2:])
    return [*stems, *(conjunction + stem for conjunction in CONJUNCTIONS for stem in stems)]


#: Every chain of proclitics a word can start with: a conjunction, a preposition, or both in
#: that order (و ف ب ك ل وب ول فك ...).
PROCLITIC_CHAINS = frozenset(
    conjunction + preposition
    for conjunction in ("", *CONJUNCTIONS)
    for preposition in ("", *PREPOSITIONS)
    if conjunction + preposition
)
#: Shortest word left after splitting proclitics off before the article: ال and three letters,
#: so that words which merely begin with و/ب + ال (والد، والي، بالغ) stay whole.
_MIN_ARTICLE_WORD = 5


def is_proclitic_chain(text: str) -> bool:
    """Whether ``text`` is a chain of proclitics (:data:`PROCLITIC_CHAINS`)."""
    return text in PROCLITIC_CHAINS


def article_proclitics(word: str) -> int:
    """The length of the proclitic chain written before the definite article in ``word``
    (``والعراق`` → 1, ``وبالعراق`` → 2), or 0.

    Only chains before ``ال`` are recognised without a dictionary: elsewhere a leading و or ب is
    as often the word's own first letter (وزير، بغداد). ل before ال is written لل, which cannot
    be split losslessly, so it is left whole.
    """
    for length in (2, 1):
        if (
            word[:length] in PROCLITIC_CHAINS
            and word.startswith("ال", length)
            and len(word) - length >= _MIN_ARTICLE_WORD
        ):
            return length
    return 0
