"""Words of a text with their offsets, and the sentence and paragraph around a position.

Matching works on folded search keys (:func:`arabic.search_key`) while every proposal points
into the stored text, so each word keeps where it starts and ends in that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..arabic import CONJUNCTIONS, PREPOSITIONS, search_key

#: A word: letters and digits with the diacritics and tatweel written inside it.
_WORD = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+")
#: Where a sentence ends; a colon ends none (it introduces what was said).
SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)|\n\n")


@dataclass(frozen=True)
class Word:
    """One word of a text: ``text[start:end]`` and its search key."""

    start: int
    end: int
    key: str


def words_of(text: str) -> list[Word]:
    """The words of ``text`` in order; a word whose key is empty (only marks) is skipped."""
    found = []
    for match in _WORD.finditer(text):
        key = search_key(match.group(0))
        if key:
            found.append(Word(match.start(), match.end(), key))
    return found


def bare(key: str) -> str:
    """``key`` without one glued conjunction (و، ف), for looking words up in a lexicon."""
    if len(key) > 3 and key[0] in CONJUNCTIONS:
        return key[1:]
    return key


def bare_forms(key: str) -> set[str]:
    """``key`` and the forms it takes without a conjunction and/or one preposition."""
    forms = {key}
    stems = [key]
    if len(key) >= 3 and key[0] in CONJUNCTIONS:
        stems.append(key[1:])
    for stem in stems:
        forms.add(stem)
        if len(stem) > 3 and stem[0] in PREPOSITIONS:
            forms.add(stem[1:])
        if len(stem) > 3 and stem.startswith("لل"):
            forms.add("ال" + stem[2:])
    return forms


def letters_offset(word_text: str, letters: int) -> int:
    """The offset in ``word_text`` just after its first ``letters`` letters (marks and tatweel,
    which search keys drop, do not count)."""
    counted = 0
    for offset, char in enumerate(word_text):
        if counted == letters:
            return offset
        if search_key(char):
            counted += 1
    return len(word_text)


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the sentence holding ``position``."""
    start = 0
    for match in SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    following = SENTENCE_END.search(text, position)
    end = following.start() if following else len(text)
    return start, end


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the paragraph (blank-line separated) holding ``position``."""
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (0 if start == -1 else start + 2), (len(text) if end == -1 else end)
