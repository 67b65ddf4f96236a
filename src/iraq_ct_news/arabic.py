"""Arabic normalisation for search keys (REFERENCE.md, "Arabic normalisation").

Applied to a copy of the text used for matching, never to stored text: stored text stays as the
source wrote it, and offsets into it stay valid.
"""

from __future__ import annotations

import re

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
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
        **{chr(code): None for code in range(0x064B, 0x0653)},  # harakat, shadda, sukun
        "\u0670": None,  # superscript alef
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


def search_key(text: str) -> str:
    """``text`` folded for matching: alef/hamza forms, ya, ta marbuta, marks, digits, case.

    Same result as ``text.translate(table)``, but ``str.replace`` runs only for the few table
    characters a text contains, in C; translate looks each character up in a dict, which was a
    large share of validating an article.
    """
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text.casefold()


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
