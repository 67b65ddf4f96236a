"""The title an article states next to a person's name (``title_as_stated``).

News prose puts a title before the name, with courtesy titles between (مستشار الأمن القومي
السيد فلان; رئيس الوزراء، معالي السيد فلان), or after it behind a comma or dash (فلان، المدير
التنفيذي لـ…، أن …). A title starts at a title noun and runs, without crossing punctuation, to
the name (before it) or to the next punctuation, clause word or verb of saying (after it).
"""

from __future__ import annotations

from collections.abc import Container

from ...reading.lexicon import HONORIFICS, RANK_COMPLEMENTS, RANKS, REPORTING_VERBS, TITLE_NOUNS
from ...reading.matching import proclitic_letters
from ...reading.text import Word, bare_forms, letters_offset
from .entities import gap

#: A title has at most this many words.
MAX_TITLE_WORDS = 14
_AFTER_TITLE_STOPS = frozenset(
    {"الذي", "التي", "الذين", "ان", "انه", "انها", "الي", "علي", "قد", "لقد", "حيث", "كما"}
)
_PUNCTUATION = set(".,،;؛:!?؟()«»\"“”-–—/")
_HONORIFICS_AND_RANKS = HONORIFICS | RANKS


def _title_form(key: str) -> str | None:
    """The form of ``key`` (a conjunction removed) that is a title noun, if any."""
    for form in sorted(bare_forms(key), key=len, reverse=True):
        if form in TITLE_NOUNS and (form == key or key[0] in "وف"):
            return form
    return None


def _punctuated(between: str) -> bool:
    return any(char in _PUNCTUATION for char in between)


class NamesBesides:
    """The words of people's names (``people``) other than words ``first``..``last``: what a
    title next to that name never crosses, asked without copying ``people`` for each name."""

    def __init__(self, people: Container[int], first: int, last: int) -> None:
        self.people, self.first, self.last = people, first, last

    def __contains__(self, index: object) -> bool:
        return index in self.people and not (
            isinstance(index, int) and self.first <= index <= self.last
        )


def stated_title(
    text: str, words: list[Word], first: int, last: int,
    others: Container[int] | None = None,
) -> str | None:
    """The title stated next to the name in words ``first``..``last``, or None; ``others``
    are the words of other people's names, which a title never crosses."""
    stop: Container[int] = others if others is not None else frozenset()
    return _title_before(text, words, first, stop) or _title_after(text, words, last, stop)


def _title_before(text: str, words: list[Word], first: int, stop: Container[int]) -> str | None:
    position = first - 1
    commas = 0
    while position >= 0:
        between = gap(text, words, position)
        if _punctuated(between):
            if commas or not all(char in " ،,-–—" for char in between):
                return None
            commas += 1
        if bare_forms(words[position].key) & _HONORIFICS_AND_RANKS:
            position -= 1
            continue
        rank = _rank_before_complements(text, words, position)
        if rank is not None:
            position = rank - 1
            continue
        break
    if position < 0:
        return None
    if _punctuated(gap(text, words, position)) and commas > 1:
        return None
    end = position
    reach: list[int] = []
    while position >= 0 and len(reach) < MAX_TITLE_WORDS and position not in stop:
        reach.append(position)
        if position == 0 or _punctuated(gap(text, words, position - 1)):
            break
        position -= 1
    titled = [index for index in reach if _title_form(words[index].key) is not None]
    if not titled:
        return None
    # The title noun nearest the name, extended over a title noun right before it (نائب رئيس)
    # and over a coordinated earlier title (مساعد الأمين العام والمدير التنفيذي …).
    start_index = titled[0]
    earlier = [index for index in titled[1:] if start_index - index <= 4]
    while earlier:
        glued = words[start_index].key[0] in "وف" and _title_form(words[start_index].key) != (
            words[start_index].key
        )
        if earlier[0] == start_index - 1 or glued:
            start_index = earlier[0]
            earlier = [index for index in earlier[1:] if start_index - index <= 4]
        else:
            break
    return _cut(text, words, start_index, end)


def _rank_before_complements(text: str, words: list[Word], position: int) -> int | None:
    """Where the rank stands whose complements (الأول، الركن) end at ``position``, or None when
    the words there are no rank's complements (النائب الأول: the office's own word)."""
    start = position
    while start >= 0 and bare_forms(words[start].key) & RANK_COMPLEMENTS:
        if start < position and _punctuated(gap(text, words, start)):
            return None
        start -= 1
    if start == position or start < 0 or _punctuated(gap(text, words, start)):
        return None
    return start if bare_forms(words[start].key) & RANKS else None


def _title_after(text: str, words: list[Word], last: int, stop: Container[int]) -> str | None:
    if last + 1 >= len(words):
        return None
    between = gap(text, words, last)
    if not any(mark in between for mark in "،,-–—") or not all(
        char in " ،,-–—" for char in between
    ):
        return None
    first = last + 1
    if _title_form(words[first].key) is None:
        return None
    end = first
    position = first + 1
    while position < len(words) and position - first < MAX_TITLE_WORDS:
        if _punctuated(gap(text, words, position - 1)):
            break
        key = words[position].key
        if key in _AFTER_TITLE_STOPS or bare_forms(key) & REPORTING_VERBS or position in stop:
            break
        end = position
        position += 1
    return _cut(text, words, first, end)


def _cut(text: str, words: list[Word], first: int, last: int) -> str:
    word = words[first]
    form = _title_form(word.key) or word.key
    skip = proclitic_letters(word.key, form)
    start = word.start + letters_offset(text[word.start : word.end], skip)
    return text[start : words[last].end]
