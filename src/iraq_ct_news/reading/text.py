"""Words of a text with their offsets, and the sentence and paragraph around a position.

Matching works on folded search keys (:func:`arabic.search_key`) while every proposal points
into the stored text, so each word keeps where it starts and ends in that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import NamedTuple, overload

from ..core.arabic import CONJUNCTIONS, PREPOSITIONS, WORD_KEYS, word_key
from ..core.textutil import BIDI_CONTROLS, INVISIBLE

_LETTERS = (
    r"[\w\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4"
    r"\u06e7\u06e8\u06ea-\u06ed]+"
)
_INVISIBLE = "[" + re.escape("".join(sorted(BIDI_CONTROLS | INVISIBLE))) + "]+"
#: A word: letters and digits with the diacritics (Arabic and Latin) and tatweel written inside
#: it, and the invisible characters (ZWNJ, RLM...) between its letters, which search keys drop,
#: so that the words are the tokens of the text's search key (:func:`arabic.tokens`).
_WORD = re.compile(f"{_LETTERS}(?:{_INVISIBLE}{_LETTERS})*")
#: The same, as the one group of a split: the text's pieces alternate between what lies between
#: words and a word.
_SPLIT = re.compile(f"({_WORD.pattern})")
#: Where a sentence ends; a colon ends none (it introduces what was said).
SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)|\n\n")


class Word(NamedTuple):
    """One word of a text: ``text[start:end]`` and its search key (a named tuple: an article
    has thousands of words, and a tuple is made several times faster than a dataclass)."""

    start: int
    end: int
    key: str


class TextWords(Sequence[Word]):
    """The words of a text (:func:`words_of`) as three lists, keys, starts and ends, made by
    one regular-expression split and running sums in C; a :class:`Word` is made only when one
    is asked for. The name checks read thousands of words of each article and look at few."""

    def __init__(self, text: str) -> None:
        parts = _SPLIT.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        known = WORD_KEYS
        self.keys = [known[word] if word in known else word_key(word) for word in parts[1::2]]
        self.starts = offsets[1::2]
        self.ends = offsets[2::2]
        if "" in self.keys:  # a word of marks alone has no key: it is no word
            kept = [index for index, key in enumerate(self.keys) if key]
            self.keys = [self.keys[index] for index in kept]
            self.starts = [self.starts[index] for index in kept]
            self.ends = [self.ends[index] for index in kept]

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Word: ...

    @overload
    def __getitem__(self, index: slice) -> list[Word]: ...

    def __getitem__(self, index: int | slice) -> Word | list[Word]:
        if isinstance(index, slice):
            return list(map(Word, self.starts[index], self.ends[index], self.keys[index]))
        return Word(self.starts[index], self.ends[index], self.keys[index])

    def __iter__(self) -> Iterator[Word]:
        return map(Word, self.starts, self.ends, self.keys)


def keys_of(words: Sequence[Word]) -> list[str]:
    """The search keys of ``words``, in order."""
    if isinstance(words, TextWords):
        return words.keys
    return [word.key for word in words]


def words_of(text: str) -> list[Word]:
    """The words of ``text`` in order; a word whose key is empty (only marks) is skipped.

    Each distinct word is folded once per process (:func:`arabic.word_key`), however many
    times it occurs and however many checks ask: folding every word of every text was more than
    half the time of validating an article.
    """
    return list(TextWords(text))


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
        if word_key(char):
            counted += 1
    return len(word_text)


def paragraph_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the paragraph (blank-line separated) holding ``position``."""
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (0 if start == -1 else start + 2), (len(text) if end == -1 else end)
