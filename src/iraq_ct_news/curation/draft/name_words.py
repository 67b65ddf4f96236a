"""Word tests the rules for new names share: the gap between words and the words no name holds.

Arabic has no capital letters, so where a name ends is told by punctuation between words and by
words of the lexicon (function words, titles, verbs of saying) that never belong to a name.
"""

from __future__ import annotations

import functools

from ...reading.lexicon import (
    COLLECTIVE_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    NEWS_VERBS,
    ORGANIZATION_HEADS,
    REPORTING_VERBS,
    TITLE_NOUNS,
)
from ...reading.text import Word, bare_forms

#: Words of a person's name found after a courtesy title or a verb of saying.
MAX_NAME_WORDS = 3
_PUNCTUATION_GAP = set(".,،;؛:!?؟()«»\"“”-–—/\n")


def gap(text: str, words: list[Word], left: int) -> str:
    """The characters between word ``left`` and the next word."""
    end = words[left + 1].start if left + 1 < len(words) else len(text)
    return text[words[left].end : end]


def plain_gap(text: str, words: list[Word], left: int) -> bool:
    return not any(char in _PUNCTUATION_GAP for char in gap(text, words, left))


@functools.lru_cache(maxsize=1 << 16)
def is_in(key: str, lexicon: frozenset[str]) -> bool:
    """Whether a form of ``key`` (:func:`bare_forms`) is in ``lexicon``; remembered, since a
    text asks about the same words of the same lexicons thousands of times."""
    return bool(bare_forms(key) & lexicon)


def blocked(key: str) -> bool:
    """Whether a word can never be part of a new name."""
    return any(
        is_in(key, lexicon) for lexicon in (FUNCTION_WORDS, HONORIFICS, TITLE_NOUNS, REPORTING_VERBS)
    ) or is_in(key, ORGANIZATION_HEADS) or key.isdigit()


def given_name_ali(text: str, word: Word) -> bool:
    """Whether ``word`` is the given name علي rather than the preposition على: both fold to
    one search key, but the name is written with a dotted ya (محمد علي الحكيم) and the
    preposition, in careful copy, with alef maqsura. Only the written form tells them apart,
    so a name rule accepts the word only inside a name, between two name words."""
    return text[word.start : word.end] == "علي"


def not_a_person(key: str) -> bool:
    """Whether a word can never be part of a person's name: collective nouns (قوات) and
    verbs of news (استقبل) besides the words :func:`blocked` keeps out of any name."""
    return blocked(key) or is_in(key, COLLECTIVE_NOUNS) or is_in(key, NEWS_VERBS)
