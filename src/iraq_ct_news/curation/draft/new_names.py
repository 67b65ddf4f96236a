"""The new names an article introduces, kept so that each question about them costs one name.

``draft`` asks of every name it finds whether a shorter name it already has begins it (a longer
reading of a known person: … الأعرجي بأهمية) and which person's longer name it begins (عبد الله
before عبد الله الثاني). Asked by a look through every name found so far, an article of a few
thousand new names cost names² comparisons (4,000 people named once each: 4.9 s). Here each
name's word prefixes are indexed once, when it is added, and each question is a look-up per word
of the name asked about.

A word said after a verb of saying, a title or a courtesy title twice or more is a person's name
too (:func:`introduced_people`); its first place is found from one index of the words' first
places, not by reading the text again for each such word (words² before).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ...reading.lexicon import (
    COLLECTIVE_NOUNS,
    FUNCTION_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NEWS_VERBS,
    ORGANIZATION_HEADS,
    REPORTING_VERBS,
    TITLE_NOUNS,
)
from ...reading.text import Word, bare_forms
from .entities import Candidate
from .name_words import gap

#: Words a name is introduced after (قال، الوزير، السيد).
_BEFORE_NAME = REPORTING_VERBS | TITLE_NOUNS | HONORIFICS
#: Lexicon words that are never (part of) a person's name.
_NOT_NAME_WORDS = (
    FUNCTION_WORDS | HONORIFICS | TITLE_NOUNS | REPORTING_VERBS | ORGANIZATION_HEADS
    | COLLECTIVE_NOUNS | NEWS_VERBS
)


def _word_prefixes(key: str) -> Iterator[str]:
    """The keys made of the first words of ``key`` but not all of them (``a b c``: ``a``,
    ``a b``)."""
    end = key.find(" ")
    while end != -1:
        yield key[:end]
        end = key.find(" ", end + 1)


class NewNames(dict[str, Candidate]):
    """Candidates by search key, in the order found, with the word prefixes of their keys.

    Names are only ever added (never removed or given another kind), so the first person whose
    key a prefix begins is known when that person is added.
    """

    def __init__(self) -> None:
        super().__init__()
        self._first_person_by_prefix: dict[str, Candidate] = {}

    def __setitem__(self, key: str, candidate: Candidate) -> None:
        super().__setitem__(key, candidate)
        if candidate.kind == "person":
            for prefix in _word_prefixes(key):
                self._first_person_by_prefix.setdefault(prefix, candidate)

    def extends_a_name(self, key: str) -> bool:
        """Whether a name already found is ``key``'s first words (but not all of them)."""
        return any(prefix in self for prefix in _word_prefixes(key))

    def first_person_extending(self, key: str) -> Candidate | None:
        """The first person found whose name is ``key`` and more words, or None."""
        return self._first_person_by_prefix.get(key)


def unnamed(key: str) -> bool:
    """Words that cannot be (part of) a person's name: definite nouns, lexicon words, digits."""
    return key.startswith("ال") or key.isdigit() or bool(bare_forms(key) & _NOT_NAME_WORDS)


def plain(text: str, words: list[Word], left: int) -> bool:
    """Whether only spaces stand between word ``left`` and the next."""
    return gap(text, words, left).strip() == ""


def introduced_people(
    texts: dict[str, str], words: dict[str, list[Word]], known_words: set[str],
    candidates: NewNames,
) -> None:
    """A word that follows a verb of saying, a title or a courtesy title twice or more
    (وقال فلان … وأوضح فلان …، الوزير فلان … الوزير فلان) is a person's name the article keeps
    using; its full form is the first place it follows another unknown word (نيثان فلان).
    ``known_words`` are the words of the registry's one-word names and of ``candidates``."""
    known = known_words | {key for candidate in candidates.values() for key in candidate.key.split()}
    counts: dict[str, int] = defaultdict(int)
    first_place: dict[str, tuple[str, int]] = {}
    for scope, text in texts.items():
        scope_words = words[scope]
        for index, word in enumerate(scope_words):
            first_place.setdefault(word.key, (scope, index))
            key = word.key
            if index == 0 or key in known or unnamed(key) or not plain(text, scope_words, index - 1):
                continue
            if bare_forms(key) & NAME_PARTICLES:
                continue  # عبد of عبد الله: a particle never stands for a name
            if bare_forms(scope_words[index - 1].key) & _BEFORE_NAME:
                counts[key] += 1
    for key, count in counts.items():
        if count < 2:
            continue
        scope, index = first_place[key]
        text, scope_words = texts[scope], words[scope]
        word = scope_words[index]
        before = scope_words[index - 1] if index else None
        if before is not None and plain(text, scope_words, index - 1) and not (
            unnamed(before.key) or before.key in known
        ):
            full, written = f"{before.key} {key}", text[before.start : word.end]
        else:
            full, written = key, text[word.start : word.end]
        if full not in candidates:
            candidate = candidates[full] = Candidate(key=full, kind="person", text=written)
            candidate.surnames.append(key)


__all__ = ["NewNames", "introduced_people", "plain", "unnamed"]
